"""Resolution and typed arguments, with exact expected output.

The expected strings were taken from libglocal itself (ICU 72 data): fr groups
thousands with U+202F NARROW NO-BREAK SPACE and puts U+00A0 NO-BREAK SPACE
before the currency sign; de-CH writes "CHF", U+00A0, then the amount; de-CH
groups with U+2019 RIGHT SINGLE QUOTATION MARK.
"""

import decimal
import doctest
import os
import unittest
from datetime import date, datetime, timedelta, timezone

from support import FIXTURES, fixture
import glocal

ETA = datetime(2026, 12, 1, 9, 30, tzinfo=timezone.utc)
ORDER = {"name": "Anna", "order": "A-17", "eta": ETA}
FSI, PDI = "\u2068", "\u2069"
NNBSP, NBSP = "\u202f", "\u00a0"


class FormatTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.cat = glocal.Catalog(fixture("shop"))

    @classmethod
    def tearDownClass(cls):
        cls.cat.close()

    def fmt(self, *args, **kw):
        return self.cat.format(*args, **kw)

    # -- resolution -----------------------------------------------------------

    def test_formality_from_profile_chooses_formal_variant(self):
        # de's profile says formal; de-CH inherits it
        self.assertEqual(self.fmt("order.delayed", "de-CH", ORDER),
                         "Guten Tag Anna, Ihre Bestellung A-17 verspätet sich bis 1. Dezember 2026.")

    def test_requested_formality_chooses_informal_variant(self):
        self.assertEqual(self.fmt("order.delayed", "de-CH", ORDER, formality="informal"),
                         "Hoi Anna, dini Bstellig A-17 chunnt erst am 1. Dezember 2026.")
        self.assertEqual(self.fmt("order.delayed", "de", ORDER, formality="informal"),
                         "Hallo Anna, deine Bestellung A-17 kommt erst am 1. Dezember 2026.")

    def test_channel_variant_beats_formality(self):
        self.assertEqual(self.fmt("order.delayed", "de-CH", ORDER, formality="informal",
                                  channel="sms"),
                         "Acme: Bestellung A-17 verspätet, neu 01.12.26.")
        self.assertEqual(self.fmt("order.delayed", "en-US", ORDER, channel="sms"),
                         "Acme: order A-17 delayed, new date 12/1/26.")

    def test_other_when_nothing_matches(self):
        self.assertEqual(self.fmt("order.delayed", "en-GB", ORDER, channel="email"),
                         "Sorry Anna, order A-17 is late. New date: 1 Dec 2026.")

    def test_fallback_de_ch_to_de_to_base(self):
        self.assertEqual(self.fmt("greeting", "de-CH", {"name": "Anna"}), "Hallo Anna!")
        self.assertEqual(self.fmt("help.hours", "de-CH"), "Our team answers from nine to five.")
        self.assertEqual(self.fmt("greeting", "de-AT", {"name": "Anna"}), "Hallo Anna!")
        self.assertEqual(self.fmt("greeting", "pt-BR", {"name": "Anna"}), "Hello Anna!")

    def test_zh_tw_reaches_zh_hant_not_zh_hans(self):
        self.assertEqual(self.fmt("greeting", "zh-TW", {"name": "小明"}), "您好，小明！歡迎光臨。")
        self.assertEqual(self.fmt("greeting", "zh-HK", {"name": "小明"}), "您好，小明！歡迎光臨。")
        self.assertEqual(self.fmt("greeting", "zh-CN", {"name": "小明"}), "你好，小明！")
        self.assertEqual(self.fmt("greeting", "zh", {"name": "小明"}), "你好，小明！")

    def test_locked_message_always_from_base(self):
        self.assertEqual(self.fmt("legal.footer", "de"), "Acme Ltd. All rights reserved.")
        self.assertEqual(self.fmt("legal.footer", "de-CH"), "Acme Ltd. All rights reserved.")

    def test_locale_spelling_is_canonicalized(self):
        self.assertEqual(self.fmt("greeting", "de_ch", {"name": "Anna"}), "Hallo Anna!")
        self.assertEqual(self.fmt("greeting", "DE-ch", {"name": "Anna"}), "Hallo Anna!")

    def test_rtl_isolation(self):
        self.assertEqual(self.fmt("greeting", "ar", {"name": "Anna"}),
                         f"مرحبا {FSI}Anna{PDI}!")
        self.assertEqual(self.fmt("greeting", "ar", {"name": "Anna"}, isolation="never"),
                         "مرحبا Anna!")
        # an Arabic name in an Arabic message needs no isolation
        self.assertEqual(self.fmt("greeting", "ar", {"name": "ليلى"}), "مرحبا ليلى!")
        # ... but does in an English one
        self.assertEqual(self.fmt("greeting", "en", {"name": "ليلى"}), f"Hello {FSI}ليلى{PDI}!")
        self.assertEqual(self.fmt("greeting", "en", {"name": "Anna"}, isolation="always"),
                         f"Hello {FSI}Anna{PDI}!")

    def test_html_medium(self):
        # the fixture's base.yaml declares `email: {medium: html}`
        hostile = {"name": "<img src=x onerror=alert(1)> & 'Tom' \"Jr\""}
        raw = "Hello <img src=x onerror=alert(1)> & 'Tom' \"Jr\"!"
        escaped = "Hello &lt;img src=x onerror=alert(1)&gt; &amp; &#39;Tom&#39; &quot;Jr&quot;!"
        self.assertEqual(self.fmt("greeting", "en", hostile, channel="email"), escaped)
        self.assertEqual(self.fmt("greeting", "en", hostile, channel="email", medium="channel"),
                         escaped)
        # the request's medium overrides its channel's, both ways
        self.assertEqual(self.fmt("greeting", "en", hostile, channel="email", medium="plain"), raw)
        self.assertEqual(self.fmt("greeting", "en", hostile, medium="html"), escaped)
        self.assertEqual(self.fmt("greeting", "en", hostile, channel="sms", medium="html"),
                         escaped)
        self.assertEqual(self.fmt("greeting", "en", hostile), raw)
        self.assertEqual(self.fmt("greeting", "en", hostile, channel="sms"), raw)
        # terms are escaped too; the template's own text is kept
        self.assertEqual(self.fmt("legal.footer", "en", medium="html"),
                         "Acme Ltd. All rights reserved.")
        self.assertEqual(self.cat.format_result("greeting", "en", hostile, medium="html").text,
                         escaped)
        self.assertEqual(self.cat.format_result("greeting", "en", hostile, channel="email",
                                                medium="plain").text, raw)
        self.assertIn("output: " + escaped,
                      self.cat.explain("greeting", "en", hostile, medium="html"))
        self.assertIn("output: " + raw,
                      self.cat.explain("greeting", "en", hostile, channel="email",
                                       medium="plain"))

    # -- typed arguments ------------------------------------------------------

    def test_money(self):
        self.assertEqual(self.fmt("cart.total", "de-CH", {"total": glocal.Money("19.90", "CHF")}),
                         f"Summe: CHF{NBSP}19.90")
        self.assertEqual(self.fmt("cart.total", "fr", {"total": glocal.Money("1234.5", "EUR")}),
                         f"Total : 1{NNBSP}234,50{NBSP}€")
        self.assertEqual(self.fmt("cart.total", "en-US",
                                  {"total": glocal.Money(decimal.Decimal("19.9"), "EUR")}),
                         "Total: €19.90")
        self.assertEqual(self.fmt("cart.total", "en-US", {"total": glocal.Money("1234", "JPY")}),
                         "Total: ¥1,234")

    def test_dates_and_time_zones(self):
        late = datetime(2026, 12, 1, 23, 30, tzinfo=timezone.utc)
        args = dict(ORDER, eta=late)
        self.assertEqual(self.fmt("order.delayed", "en-US", args),
                         "Sorry Anna, order A-17 is late. New date: Dec 1, 2026.")
        self.assertEqual(self.fmt("order.delayed", "en-US", args, time_zone="Pacific/Auckland"),
                         "Sorry Anna, order A-17 is late. New date: Dec 2, 2026.")
        # the datetime's own zone does not matter: only the instant does
        zurich = timezone(timedelta(hours=1))
        self.assertEqual(self.fmt("order.delayed", "en-US",
                                  dict(ORDER, eta=ETA.astimezone(zurich))),
                         "Sorry Anna, order A-17 is late. New date: Dec 1, 2026.")
        # de-CH's profile zone Europe/Zurich: 23:30 UTC is already 2 December there
        self.assertEqual(self.fmt("order.delayed", "de-CH", args, formality="informal"),
                         "Hoi Anna, dini Bstellig A-17 chunnt erst am 2. Dezember 2026.")

    def test_a_date_is_a_calendar_day_in_every_zone(self):
        with glocal.Catalog(fixture("days")) as cat:
            for zone in ("Etc/GMT+12", "America/Los_Angeles", "UTC", "Pacific/Kiritimati"):
                self.assertEqual(cat.format("delivery", "en-US", {"eta": date(2026, 12, 1)},
                                            time_zone=zone), "Arriving Dec 1, 2026.")
            # an instant, for a day argument: its date in the call's zone
            late = datetime(2026, 12, 1, 23, 30, tzinfo=timezone.utc)
            self.assertEqual(cat.format("delivery", "en-US", {"eta": late},
                                        time_zone="Pacific/Auckland"), "Arriving Dec 2, 2026.")
        # an argument declared `date` (an instant) takes no day
        with self.assertRaises(glocal.ArgumentError):
            self.fmt("order.delayed", "en-US", dict(ORDER, eta=date(2026, 12, 1)))

    def test_numbers(self):
        self.assertEqual(self.fmt("stats.visitors", "en", {"n": 1234567}), "1,234,567 visitors")
        self.assertEqual(self.fmt("stats.visitors", "en", {"n": 2.5}), "2.5 visitors")
        self.assertEqual(self.fmt("stats.visitors", "fr", {"n": decimal.Decimal("1234567.25")}),
                         f"1{NNBSP}234{NNBSP}567,25 visites")
        self.assertEqual(self.fmt("stats.visitors", "de-CH", {"n": 1234567}),
                         "1’234’567 Besuche")

    def test_numbers_are_exact(self):
        # beyond int64 and beyond a double's 53 bits: every digit survives
        self.assertEqual(self.fmt("stats.visitors", "en", {"n": 10**20 + 1}),
                         "100,000,000,000,000,000,001 visitors")
        self.assertEqual(self.fmt("stats.visitors", "en",
                                  {"n": decimal.Decimal("12345678901234567.125")}),
                         "12,345,678,901,234,567.125 visitors")
        self.assertEqual(self.fmt("stats.visitors", "en", {"n": decimal.Decimal("1E+3")}),
                         "1,000 visitors")

    def test_plural(self):
        self.assertEqual(self.fmt("cart.items", "en", {"count": 1}), "1 item")
        self.assertEqual(self.fmt("cart.items", "en", {"count": 7}), "7 items")
        self.assertEqual(self.fmt("cart.items", "de", {"count": 1}), "1 Artikel")
        self.assertEqual(self.fmt("cart.items", "de", {"count": 1500}), "1.500 Artikel")

    def test_text_longer_than_the_first_buffer(self):
        # the binding formats into a 1 KiB buffer first, then into one of the size needed
        for n in (1000, 1016, 1017, 5000, 100000):
            name = "\u00e9" * (n // 2) + "x" * (n % 2)
            self.assertEqual(self.fmt("greeting", "en", {"name": name}), f"Hello {name}!")
        self.assertEqual(self.fmt("help.hours", "en"), "Our team answers from nine to five.")

    def test_extra_arguments_are_ignored_and_channel_may_be_an_argument(self):
        self.assertEqual(self.fmt("greeting", "en", {"name": "Anna", "channel": "sms"},
                                  channel="sms"), "Hello Anna!")

    # -- the rest of the API --------------------------------------------------

    def test_locales(self):
        self.assertIsInstance(self.cat.locales, tuple)
        # sorted by strcmp, so "de" comes before "de-CH"
        self.assertEqual(self.cat.locales, ("ar", "de", "de-CH", "fr", "zh", "zh-Hant"))

    def test_profile(self):
        self.assertEqual(self.cat.profile("de-CH", "formality"), "formal")
        self.assertEqual(self.cat.profile("de-CH", "channels"), "email,sms")
        self.assertEqual(self.cat.profile("de-CH", "time_zone"), "Europe/Zurich")
        self.assertEqual(self.cat.profile("de", "time_zone"), "")
        self.assertEqual(self.cat.profile("fr", "tone"), "neutral")
        self.assertEqual(self.cat.profile("fr", "formality"), "")

    def test_explain(self):
        text = self.cat.explain("order.delayed", "de-CH", ORDER, formality="informal")
        self.assertIsInstance(text, str)
        for part in ("de-CH", "de.yaml", "base.yaml", "informal",
                     "Hoi Anna, dini Bstellig A-17 chunnt erst am 1. Dezember 2026."):
            self.assertIn(part, text)
        # an argument problem is explained, not raised
        self.assertIsInstance(self.cat.explain("order.delayed", "de-CH", {}), str)

    def test_catalog_lifetime(self):
        cat = glocal.Catalog(fixture("shop"))
        self.assertFalse(cat.closed)
        self.assertIn("6 locales", repr(cat))
        cat.close()
        cat.close()
        self.assertTrue(cat.closed)
        self.assertIn("closed", repr(cat))
        with self.assertRaises(ValueError):
            cat.format("greeting", "en", {"name": "Anna"})
        with self.assertRaises(ValueError):
            cat.locales
        with glocal.Catalog(fixture("shop")) as cat2:
            self.assertEqual(cat2.format("greeting", "en", {"name": "A"}), "Hello A!")
        self.assertTrue(cat2.closed)

    def test_path_like(self):
        import pathlib
        with glocal.Catalog(pathlib.Path(fixture("shop"))) as cat:
            self.assertEqual(len(cat.locales), 6)

    def test_docstring_examples(self):
        # the examples in help(glocal) run from the repository root
        runner = doctest.DocTestRunner()
        cwd = os.getcwd()
        os.chdir(os.path.dirname(os.path.dirname(FIXTURES)))
        try:
            for test in doctest.DocTestFinder().find(glocal, "glocal",
                                                     globs=dict(vars(glocal), glocal=glocal)):
                runner.run(test)
        finally:
            os.chdir(cwd)
        self.assertGreater(runner.tries, 0)
        self.assertEqual(runner.failures, 0)

    def test_library_version(self):
        self.assertEqual(glocal.library_version(), "1.1.0")


if __name__ == "__main__":
    unittest.main()
