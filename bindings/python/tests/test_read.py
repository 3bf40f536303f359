"""Reading a catalog: messages, variants, chains, terms, axes, language, open
warnings; the lint rules and the library's version number."""

import dataclasses
import unittest

from support import fixture
import glocal

SHOP = fixture("shop")


class ReadTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.cat = glocal.Catalog(SHOP)

    @classmethod
    def tearDownClass(cls):
        cls.cat.close()

    def test_messages(self):
        messages = self.cat.messages()
        self.assertEqual([m.id for m in messages],
                         ["cart.items", "cart.total", "greeting", "help.hours", "legal.footer",
                          "order.delayed", "stats.visitors"])             # sorted by id
        by_id = {m.id: m for m in messages}
        self.assertEqual(by_id["order.delayed"], glocal.Message(
            id="order.delayed",
            note="Carrier reported a delay. Apologise and give the new date.",
            locked=False,
            args=(("name", "text"), ("order", "text"), ("eta", "date"))))
        self.assertEqual(by_id["cart.total"].args, (("total", "money"),))
        self.assertEqual((by_id["legal.footer"].locked, by_id["legal.footer"].args), (True, ()))
        self.assertEqual(by_id["help.hours"].note, "")
        with self.assertRaises(dataclasses.FrozenInstanceError):
            messages[0].locked = True

    def test_variants(self):
        self.assertEqual(self.cat.variants("de-CH", "order.delayed"), (
            glocal.Variant("informal", "Hoi {name}, dini Bstellig {order} chunnt erst am "
                           "{eta, date, long}.", "de-CH", SHOP + "/de-CH.yaml", 7, 5,
                           inherited=False, locked=False),
            glocal.Variant("other", "Entschuldigung, {name}: Bestellung {order} kommt später, "
                           "neu am {eta, date, medium}.", "de", SHOP + "/de.yaml", 8, 5,
                           inherited=True, locked=False),
            glocal.Variant("formal", "Guten Tag {name}, Ihre Bestellung {order} verspätet sich "
                           "bis {eta, date, long}.", "de", SHOP + "/de.yaml", 9, 5,
                           inherited=True, locked=False),
            glocal.Variant("sms", "{-brand}: Bestellung {order} verspätet, neu "
                           "{eta, date, short}.", "de", SHOP + "/de.yaml", 11, 5,
                           inherited=True, locked=False)))
        footer, = self.cat.variants("de", "legal.footer")
        self.assertEqual((footer.key, footer.bundle, footer.locked), ("other", "base", True))

    def test_variants_failures(self):
        with self.assertRaises(glocal.NotFoundError):
            self.cat.variants("de", "no.such.message")
        with self.assertRaises(glocal.LocaleError):
            self.cat.variants("de--CH", "greeting")
        with self.assertRaises(TypeError):
            self.cat.variants("de", None)

    def test_chain(self):
        self.assertEqual(self.cat.chain("de-CH"), (("de-CH", SHOP + "/de-CH.yaml"),
                                                   ("de", SHOP + "/de.yaml"),
                                                   ("base", SHOP + "/base.yaml")))
        self.assertEqual(self.cat.chain("zh-TW"), (("zh-Hant", SHOP + "/zh-Hant.yaml"),
                                                   ("base", SHOP + "/base.yaml")))
        with self.assertRaises(glocal.LocaleError):
            self.cat.chain("not a tag")

    def test_locked_by(self):
        self.assertEqual(self.cat.locked_by("de-CH", "legal.footer"), "base")
        self.assertIsNone(self.cat.locked_by("de-CH", "greeting"))
        with self.assertRaises(glocal.NotFoundError):
            self.cat.locked_by("de", "no.such.message")
        with self.assertRaises(glocal.LocaleError):
            self.cat.locked_by("de--CH", "greeting")

    def test_terms(self):
        brand = glocal.Term("brand", "Acme", "base", SHOP + "/base.yaml", 9, 3,
                            inherited=False, locked=False)
        self.assertEqual(self.cat.terms("base"), (brand,))
        self.assertEqual(self.cat.terms("de-CH"), (dataclasses.replace(brand, inherited=True),))
        with self.assertRaises(glocal.LocaleError):
            self.cat.terms("de--CH")

    def test_axes_and_language(self):
        self.assertEqual(self.cat.language, "en")
        self.assertEqual(self.cat.axes, {
            "formality": ("formal", "informal", "honorific"),
            "tone": ("neutral", "warm", "direct", "playful", "empathetic"),
            "channel": ("email", "sms", "chat", "whatsapp", "wechat", "line", "kakaotalk",
                        "push", "voice", "web")})
        with self.assertRaises(TypeError):
            self.cat.axes["mood"] = ("happy",)
        with glocal.Catalog(fixture("axes")) as cat:
            self.assertEqual(list(cat.axes), ["formality", "tone", "channel", "experiment",
                                              "segment"])
            self.assertEqual(cat.axes["experiment"], ("arm_a", "arm_b"))
            self.assertEqual(cat.axes["segment"], ("vip", "newcomer"))
            self.assertEqual(cat.axes["channel"][-1], "kiosk")          # base's, after built-ins

    def test_warnings(self):
        self.assertEqual(self.cat.warnings, ())
        with glocal.Catalog(fixture("open-quote")) as cat:
            warning, = cat.warnings
        self.assertEqual((warning.file, warning.line, warning.column),
                         (fixture("open-quote") + "/base.yaml", 7, 12))
        self.assertEqual((warning.severity, warning.rule, warning.message_id, warning.locale),
                         ("warning", "template-syntax", "hello", None))
        self.assertEqual(glocal.lint(fixture("open-quote")), [warning])  # lint reports it too

    def test_a_closed_catalog_cannot_be_read(self):
        cat = glocal.Catalog(SHOP)
        cat.close()
        for read in (cat.messages, lambda: cat.variants("de", "greeting"),
                     lambda: cat.chain("de"), lambda: cat.terms("de"), lambda: cat.axes,
                     lambda: cat.language, lambda: cat.warnings):
            with self.assertRaises(ValueError):
                read()


class RulesTest(unittest.TestCase):
    def test_rules(self):
        rules = glocal.rules()
        ids = [r.id for r in rules]
        self.assertEqual(len(ids), len(set(ids)))
        self.assertEqual(rules[0], glocal.Rule("yaml-syntax", "error", "YAML that does not parse"))
        self.assertEqual(rules[1], glocal.Rule("duplicate-key", "error",
                                               "A key repeated in one mapping"))
        severities = [r.severity for r in rules]
        self.assertEqual(severities, sorted(severities))    # errors, then warnings
        self.assertIn("warning", severities)
        self.assertTrue(all(r.summary for r in rules))
        # every finding lint reports names one of them
        for finding in glocal.lint(fixture("lint")):
            self.assertIn(finding.rule, ids)

    def test_version_number(self):
        self.assertEqual(glocal.version_number(), 10100)
        major, minor, patch = (int(x) for x in glocal.library_version().split("."))
        self.assertEqual(glocal.version_number(), major * 10000 + minor * 100 + patch)


if __name__ == "__main__":
    unittest.main()
