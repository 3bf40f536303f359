"""What was served (format_result), fallback locales and custom axes, with
exact values from the shop and axes fixtures."""

import dataclasses
import json
import pickle
import unittest
from datetime import datetime, timezone

from support import fixture
import glocal

ORDER = {"name": "Anna", "order": "A-17", "eta": datetime(2026, 12, 1, 9, 30, tzinfo=timezone.utc)}


class FormatResultTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.cat = glocal.Catalog(fixture("shop"))

    @classmethod
    def tearDownClass(cls):
        cls.cat.close()

    def test_the_result_says_what_was_served(self):
        r = self.cat.format_result("order.delayed", "de-CH", ORDER, channel="sms")
        self.assertEqual(r, glocal.Result(
            text="Acme: Bestellung A-17 verspätet, neu 01.12.26.",
            bundle="de",                                # de-CH inherits it
            variant="sms",
            file=fixture("shop") + "/de.yaml", line=11, column=5,
            format_locale="de-CH",
            language="de-Latn",
            fallback=False,
            axes={"formality": glocal.AxisValue("formal", "profile", "de"),
                  "tone": glocal.AxisValue("neutral", "profile", "base"),
                  "channel": glocal.AxisValue("sms", "request", None)},
            time_zone="Europe/Zurich",
            time_zone_source="profile", time_zone_profile="de-CH"))
        self.assertEqual(list(r.axes), ["formality", "tone", "channel"])   # rank order

    def test_the_text_is_what_format_writes(self):
        for kw in ({}, {"formality": "informal"}, {"channel": "sms", "time_zone": "UTC"}):
            r = self.cat.format_result("order.delayed", "de-CH", ORDER, **kw)
            self.assertEqual(r.text, self.cat.format("order.delayed", "de-CH", ORDER, **kw))
            self.assertEqual(str(r), r.text)

    def test_a_language_the_catalog_lacks_is_a_fallback_to_base(self):
        r = self.cat.format_result("greeting", "it-CH", {"name": "Anna"})
        self.assertEqual((r.text, r.bundle, r.variant, r.line, r.column),
                         ("Hello Anna!", "base", "other", 26, 5))
        self.assertEqual((r.language, r.fallback, r.format_locale), ("en-Latn", True, "en"))
        # no profile for Switzerland sets one: its only zone
        self.assertEqual((r.time_zone, r.time_zone_source, r.time_zone_profile),
                         ("Europe/Zurich", "region", None))
        self.assertEqual(dict(r.axes), {"tone": glocal.AxisValue("neutral", "profile", "base")})
        self.assertNotIn("channel", r.axes)                # unset axes are absent

    def test_the_result_is_frozen_hashable_and_serialisable(self):
        r = self.cat.format_result("cart.total", "fr-CH", {"total": glocal.Money("5", "CHF")},
                                   time_zone="UTC")
        with self.assertRaises(dataclasses.FrozenInstanceError):
            r.text = "x"
        with self.assertRaises(TypeError):
            r.axes["channel"] = glocal.AxisValue("sms", "request")
        self.assertEqual(pickle.loads(pickle.dumps(r)), r)
        self.assertEqual(hash(pickle.loads(pickle.dumps(r))), hash(r))
        record = json.loads(json.dumps(dataclasses.asdict(r)))
        self.assertEqual((record["bundle"], record["variant"], record["format_locale"]),
                         ("fr", "other", "fr-CH"))
        self.assertEqual(record["axes"]["tone"],
                         {"value": "neutral", "source": "profile", "profile": "base"})
        self.assertEqual(record["time_zone_source"], "request")

    def test_failures_raise_as_format_does(self):
        with self.assertRaises(glocal.NotFoundError):
            self.cat.format_result("no.such.message", "de")
        with self.assertRaises(glocal.ArgumentError):
            self.cat.format_result("greeting", "de", {})
        with self.assertRaises(glocal.InvalidError):
            self.cat.format_result("greeting", "de", {"name": "A"}, channel="fax")


class FallbacksTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.cat = glocal.Catalog(fixture("shop"))

    @classmethod
    def tearDownClass(cls):
        cls.cat.close()

    def test_a_fallback_serves_what_the_locale_lacks(self):
        # fr has no greeting: without fallbacks base's English, with de German
        self.assertEqual(self.cat.format("greeting", "fr-CA", {"name": "Anna"}), "Hello Anna!")
        self.assertEqual(self.cat.format("greeting", "fr-CA", {"name": "Anna"},
                                         fallbacks=["de"]), "Hallo Anna!")
        # what fr has still comes from fr, written for fr-CA's reader
        self.assertEqual(self.cat.format("cart.total", "fr-CA",
                                         {"total": glocal.Money("5", "EUR")}, fallbacks=("de",)),
                         "Total : 5,00\u00a0€")

    def test_the_result_names_the_fallback_that_served(self):
        r = self.cat.format_result("greeting", "fr-CA", {"name": "Anna"}, fallbacks=["fr", "de"])
        self.assertEqual((r.text, r.bundle, r.file, r.line, r.column),
                         ("Hallo Anna!", "de", fixture("shop") + "/de.yaml", 14, 13))
        self.assertEqual((r.language, r.fallback, r.format_locale), ("de-Latn", True, "de"))
        self.assertEqual(r.axes["formality"], glocal.AxisValue("formal", "profile", "de"))

    def test_explain_lists_the_fallbacks(self):
        text = self.cat.explain("greeting", "fr-CA", {"name": "Anna"}, fallbacks=["de"])
        self.assertIn("fallbacks: de\n", text)
        self.assertIn("selected: other from de (" + fixture("shop") + "/de.yaml:14:13)\n", text)

    def test_refused_fallbacks(self):
        f = self.cat.format
        with self.assertRaises(TypeError):
            f("greeting", "fr-CA", {"name": "A"}, fallbacks="de")     # a str is not a list
        with self.assertRaises(TypeError):
            f("greeting", "fr-CA", {"name": "A"}, fallbacks=["de", 1])
        with self.assertRaises(TypeError):
            f("greeting", "fr-CA", {"name": "A"}, fallbacks=5)
        with self.assertRaises(glocal.LocaleError) as cm:
            f("greeting", "fr-CA", {"name": "A"}, fallbacks=["not a tag"])
        self.assertEqual(cm.exception.message, "`not a tag` is not a well-formed BCP 47 locale "
                                               "tag (e.g. de-CH, pt-BR, zh-Hant)")
        with self.assertRaises(glocal.LimitError) as cm:
            f("greeting", "fr-CA", {"name": "A"}, fallbacks=["de"] * 9)
        self.assertEqual(cm.exception.message, "a request has at most 8 fallback locales")


class CustomAxesTest(unittest.TestCase):
    """fixtures/axes: base.yaml declares experiment [arm_a, arm_b] and
    segment [vip, newcomer], ranked after the built-in axes, and adds the
    channel kiosk."""

    @classmethod
    def setUpClass(cls):
        cls.cat = glocal.Catalog(fixture("axes"))

    @classmethod
    def tearDownClass(cls):
        cls.cat.close()

    def test_custom_axes_select_variants(self):
        f = self.cat.format
        self.assertEqual(f("promo", "en"), "Our offer")
        self.assertEqual(f("promo", "en", experiment="arm_a"), "Our offer")
        self.assertEqual(f("promo", "en", experiment="arm_b"), "Our offer (B)")
        self.assertEqual(f("promo", "en", segment="vip"), "Your private offer")
        self.assertEqual(f("promo", "en", segment="vip", experiment="arm_b"),
                         "Your private offer (B)")
        self.assertEqual(f("promo", "en", segment="newcomer", experiment="arm_b"),
                         "Our offer (B)")
        self.assertEqual(f("promo", "en", experiment="arm_b", segment=None), "Our offer (B)")

    def test_built_in_axes_keep_working_and_outrank_custom_ones(self):
        f = self.cat.format
        self.assertEqual(f("promo", "en", segment="vip", formality="formal"),
                         "We are pleased to present your private offer")
        self.assertEqual(f("promo", "en", segment="vip", experiment="arm_b", channel="sms"),
                         "Offer")
        self.assertEqual(f("promo", "en", channel="kiosk"), "Offer at the kiosk")
        self.assertEqual(f("promo", "de", segment="newcomer", experiment="arm_a",
                           formality="informal"), "Willkommen: unser Angebot (A)")

    def test_the_result_knows_custom_axes(self):
        r = self.cat.format_result("promo", "de", segment="newcomer", formality="informal")
        self.assertEqual((r.text, r.bundle, r.variant, r.line),
                         ("Willkommen: unser Angebot", "de", "newcomer", 8))
        self.assertEqual(dict(r.axes), {
            "formality": glocal.AxisValue("informal", "request", None),
            "segment": glocal.AxisValue("newcomer", "request", None)})
        text = self.cat.explain("promo", "de", segment="newcomer", formality="informal")
        self.assertIn("segment: newcomer (from the request)\n", text)

    def test_values_are_checked_by_the_library(self):
        with self.assertRaises(glocal.InvalidError) as cm:
            self.cat.format("promo", "en", experiment="vip")
        self.assertEqual(cm.exception.message, "`vip` is not an experiment value of this catalog")
        with self.assertRaises(glocal.InvalidError) as cm:
            self.cat.format("promo", "en", experiment="ARM")
        self.assertEqual(cm.exception.message,
                         "experiment value must be a lowercase identifier ([a-z][a-z0-9_-]*)")
        with self.assertRaises(TypeError):
            self.cat.format("promo", "en", segment=1)

    def test_a_keyword_naming_no_axis_of_the_catalog_is_a_type_error(self):
        with self.assertRaises(TypeError) as cm:
            self.cat.format("promo", "en", mood="happy")
        self.assertIn("unexpected keyword argument 'mood'", str(cm.exception))
        self.assertIn("formality, tone, channel, experiment, segment", str(cm.exception))
        with self.assertRaises(TypeError):
            self.cat.format_result("promo", "en", formalty="formal")       # a typo
        with glocal.Catalog(fixture("shop")) as shop:                      # no custom axes
            with self.assertRaises(TypeError):
                shop.explain("greeting", "en", {"name": "A"}, segment="vip")


if __name__ == "__main__":
    unittest.main()
