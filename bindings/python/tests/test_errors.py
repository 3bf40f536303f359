"""Every error class, with its code and, for bundles, its location."""

import os
import tempfile
import unittest
from datetime import datetime, timezone

from support import fixture
import glocal


class OpenErrorTest(unittest.TestCase):
    def assertError(self, cm, cls, code, file=None, line=None, column=None):
        e = cm.exception
        self.assertIs(type(e), cls)
        self.assertEqual(e.code, code)
        self.assertTrue(e.message)
        if file is not None:
            self.assertEqual(e.file, file)
            self.assertEqual((e.line, e.column), (line, column))
            self.assertTrue(str(e).startswith(f"{file}:{line}:{column}: "), str(e))

    def test_yaml_syntax(self):
        with self.assertRaises(glocal.BundleSyntaxError) as cm:
            glocal.Catalog(fixture("bad-yaml"))
        self.assertError(cm, glocal.BundleSyntaxError, "GLOCAL_ERR_SYNTAX",
                         fixture("bad-yaml") + "/base.yaml", 6, 4)

    def test_template_syntax(self):
        with self.assertRaises(glocal.BundleSyntaxError) as cm:
            glocal.Catalog(fixture("bad-template"))
        self.assertError(cm, glocal.BundleSyntaxError, "GLOCAL_ERR_SYNTAX",
                         fixture("bad-template") + "/base.yaml", 7, 12)

    def test_schema(self):
        with self.assertRaises(glocal.SchemaError) as cm:
            glocal.Catalog(fixture("bad-schema"))
        self.assertError(cm, glocal.SchemaError, "GLOCAL_ERR_SCHEMA",
                         fixture("bad-schema") + "/base.yaml", 1, 9)

    def test_limit(self):
        with self.assertRaises(glocal.LimitError) as cm:
            glocal.Catalog(fixture("bad-limit"))
        self.assertError(cm, glocal.LimitError, "GLOCAL_ERR_LIMIT",
                         fixture("bad-limit") + "/base.yaml", 7, 23)

    def test_missing_base_is_schema(self):
        with tempfile.TemporaryDirectory() as d:
            with open(os.path.join(d, "de.yaml"), "w") as f:
                f.write("glocal: 1\nlocale: de\nmessages:\n  greeting: Hallo\n")
            with self.assertRaises(glocal.SchemaError) as cm:
                glocal.Catalog(d)
            self.assertEqual(cm.exception.code, "GLOCAL_ERR_SCHEMA")

    def test_unreadable_directory(self):
        missing = fixture("no-such-catalog")
        with self.assertRaises(glocal.BundleIOError) as cm:
            glocal.Catalog(missing)
        self.assertEqual(cm.exception.code, "GLOCAL_ERR_IO")
        self.assertIsInstance(cm.exception, OSError)
        with self.assertRaises(glocal.BundleIOError):
            glocal.lint(missing)

    def test_nul_in_path(self):
        with self.assertRaises(glocal.InvalidError):
            glocal.Catalog("shop\0")


class CallErrorTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.cat = glocal.Catalog(fixture("shop"))

    @classmethod
    def tearDownClass(cls):
        cls.cat.close()

    def check(self, cls, code, fn, *args, **kw):
        with self.assertRaises(cls) as cm:
            fn(*args, **kw)
        self.assertIs(type(cm.exception), cls)
        self.assertEqual(cm.exception.code, code)
        self.assertTrue(cm.exception.message)
        return cm.exception

    def test_not_found(self):
        e = self.check(glocal.NotFoundError, "GLOCAL_ERR_NOT_FOUND", self.cat.format,
                       "no.such.message", "de")
        self.assertIsInstance(e, LookupError)
        # an orphan (defined only in fr.yaml) is not found either
        self.check(glocal.NotFoundError, "GLOCAL_ERR_NOT_FOUND", self.cat.format,
                   "promo.summer", "fr")

    def test_argument(self):
        f = self.cat.format
        self.check(glocal.ArgumentError, "GLOCAL_ERR_ARGUMENT", f, "greeting", "de", {})
        self.check(glocal.ArgumentError, "GLOCAL_ERR_ARGUMENT", f, "greeting", "de")
        self.check(glocal.ArgumentError, "GLOCAL_ERR_ARGUMENT", f, "greeting", "de", {"name": 5})
        self.check(glocal.ArgumentError, "GLOCAL_ERR_ARGUMENT", f, "cart.total", "de",
                   {"total": 19})
        self.check(glocal.ArgumentError, "GLOCAL_ERR_ARGUMENT", f, "stats.visitors", "de",
                   {"n": glocal.Money("1", "EUR")})
        self.check(glocal.ArgumentError, "GLOCAL_ERR_ARGUMENT", f, "order.delayed", "de",
                   {"name": "A", "order": "B", "eta": "tomorrow"})

    def test_locale(self):
        for bad in ("de--CH", "", "not a locale", "x"):
            e = self.check(glocal.LocaleError, "GLOCAL_ERR_LOCALE", self.cat.format,
                           "greeting", bad, {"name": "A"})
            self.assertIsInstance(e, ValueError)
        self.check(glocal.LocaleError, "GLOCAL_ERR_LOCALE", self.cat.profile, "de--CH", "tone")

    def test_invalid(self):
        f = self.cat.format
        args = {"name": "A"}
        # an axis value the catalog does not know
        self.check(glocal.InvalidError, "GLOCAL_ERR_INVALID", f, "greeting", "de", args,
                   formality="sloppy")
        # not an identifier at all
        self.check(glocal.InvalidError, "GLOCAL_ERR_INVALID", f, "greeting", "de", args,
                   channel="SMS")
        self.check(glocal.InvalidError, "GLOCAL_ERR_INVALID", f, "greeting", "de", args,
                   time_zone="Mars/Olympus_Mons")
        self.check(glocal.InvalidError, "GLOCAL_ERR_INVALID", f, "greeting", "de", args,
                   isolation="sometimes")
        e = self.check(glocal.InvalidError, "GLOCAL_ERR_INVALID", f, "greeting", "de", args,
                       medium="xml")
        self.assertEqual(e.message, "medium must be 'channel', 'plain' or 'html', not 'xml'")
        self.check(glocal.InvalidError, "GLOCAL_ERR_INVALID", self.cat.format_result, "greeting",
                   "de", args, medium="HTML")
        self.check(glocal.InvalidError, "GLOCAL_ERR_INVALID", self.cat.explain, "greeting",
                   "de", args, medium="")
        self.check(glocal.InvalidError, "GLOCAL_ERR_INVALID", f, "greeting", "de",
                   {"name": "A\0B"})
        self.check(glocal.InvalidError, "GLOCAL_ERR_INVALID", f, "greeting", "de",
                   {"name": "\udc80"})
        self.check(glocal.InvalidError, "GLOCAL_ERR_INVALID", f, "greeting", "de",
                   {"first-name": "A"})
        self.check(glocal.InvalidError, "GLOCAL_ERR_INVALID", f, "stats.visitors", "de",
                   {"n": float("nan")})
        self.check(glocal.InvalidError, "GLOCAL_ERR_INVALID", f, "order.delayed", "de",
                   {"name": "A", "order": "B", "eta": datetime(2026, 12, 1, 9, 30)})
        self.check(glocal.InvalidError, "GLOCAL_ERR_INVALID", self.cat.profile, "de", "colour")

    def test_refused_arguments_carry_the_library_message(self):
        f = self.cat.format
        cases = [
            ("greeting", {"first-name": "A"},
             "`first-name` is not an argument name ([A-Za-z_][A-Za-z0-9_]*)"),
            ("greeting", {"name": "\udc80"}, "text argument `name` is not valid UTF-8"),
            ("stats.visitors", {"n": float("nan")}, "number argument `n` is NaN"),
            ("stats.visitors", {"n": float("-inf")}, "number argument `n` is infinite"),
            ("cart.total", {"total": glocal.Money("1", "XYZ")},
             "money argument `total`: the currency is not an ISO 4217 code ICU knows "
             "(e.g. EUR, JPY)"),
        ]
        for message_id, args, message in cases:
            e = self.check(glocal.InvalidError, "GLOCAL_ERR_INVALID", f, message_id, "de", args)
            self.assertEqual(e.message, message)

    def test_limit_on_output(self):
        # 5 x 256 KiB of text is beyond the 1 MiB output limit
        big = "x" * (256 << 10)
        self.check(glocal.LimitError, "GLOCAL_ERR_LIMIT", self.cat.format, "order.delayed",
                   "en", {"name": big, "order": big * 3,
                          "eta": datetime(2026, 12, 1, tzinfo=timezone.utc)})

    def test_python_type_mistakes(self):
        f = self.cat.format
        for value in (True, None, [1], object()):
            with self.assertRaises(TypeError):
                f("greeting", "de", {"name": value})
        with self.assertRaises(TypeError):
            f("greeting", "de", [("name", "A")])
        with self.assertRaises(TypeError):
            f("greeting", "de", {1: "A"})
        with self.assertRaises(TypeError):
            f(42, "de")
        with self.assertRaises(TypeError):
            f("greeting", "de", {"name": "A"}, formality=1)
        with self.assertRaises(TypeError):
            f("greeting", "de", {"name": "A"}, medium=None)


if __name__ == "__main__":
    unittest.main()
