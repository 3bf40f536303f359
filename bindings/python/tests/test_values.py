"""Money and the conversion of Python values: the parts decided in Python."""

import decimal
import os
import pickle
import resource
import subprocess
import sys
import unittest
from datetime import date, datetime, timedelta, timezone

import support  # noqa: F401  (sets sys.path)
from support import fixture
import glocal


class MoneyTest(unittest.TestCase):
    def test_exact_amounts(self):
        self.assertEqual(glocal.Money("19.90", "EUR").amount, decimal.Decimal("19.90"))
        self.assertEqual(str(glocal.Money("19.90", "EUR").amount), "19.90")
        self.assertEqual(glocal.Money(decimal.Decimal("0.10"), "CHF").amount,
                         decimal.Decimal("0.10"))
        self.assertEqual(glocal.Money(5, "JPY").amount, 5)
        self.assertEqual(repr(glocal.Money("19.90", "EUR")), "Money('19.90', 'EUR')")
        self.assertEqual(str(glocal.Money("19.90", "EUR")), "19.90 EUR")

    def test_value_semantics(self):
        self.assertEqual(glocal.Money("1.0", "EUR"), glocal.Money("1.00", "EUR"))
        self.assertNotEqual(glocal.Money("1", "EUR"), glocal.Money("1", "USD"))
        self.assertEqual(len({glocal.Money("1.0", "EUR"), glocal.Money("1.00", "EUR")}), 1)
        with self.assertRaises(AttributeError):
            glocal.Money("1", "EUR").currency = "USD"

    def test_refusals(self):
        with self.assertRaises(TypeError):
            glocal.Money(19.9, "EUR")          # a float cannot hold 19.90
        with self.assertRaises(TypeError):
            glocal.Money(True, "EUR")
        for bad in ("abc", "NaN", "Infinity", ""):
            with self.assertRaises(glocal.InvalidError) as cm:
                glocal.Money(bad, "EUR")
            self.assertEqual(cm.exception.code, "GLOCAL_ERR_INVALID")
        for bad in ("eur", "EU", "EURO", "€"):
            with self.assertRaises(glocal.InvalidError):
                glocal.Money("1", bad)
        with self.assertRaises(TypeError):
            glocal.Money("1", None)


class DecimalAsWrittenTest(unittest.TestCase):
    """Decimals reach the library as written, exponent and all: Python never
    expands them, and the library alone decides what it accepts."""

    @classmethod
    def setUpClass(cls):
        cls.cat = glocal.Catalog(fixture("shop"))

    @classmethod
    def tearDownClass(cls):
        cls.cat.close()

    def test_an_exponent_the_library_accepts_is_formatted(self):
        self.assertEqual(self.cat.format("stats.visitors", "en",
                                         {"n": decimal.Decimal("1E+300")}),
                         "1" + ",000" * 100 + " visitors")
        self.assertEqual(self.cat.format("cart.total", "en",
                                         {"total": glocal.Money("1e300", "EUR")}),
                         "Total: €1" + ",000" * 100 + ".00")
        self.assertEqual(self.cat.format("stats.visitors", "en",
                                         {"n": decimal.Decimal("1.5E+3")}), "1,500 visitors")

    def test_a_long_exponent_is_refused_by_the_library_without_expansion(self):
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        amount = glocal.Money("1e999999999", "EUR")          # nothing expanded here
        with self.assertRaises(glocal.InvalidError) as cm:
            self.cat.format("cart.total", "de", {"total": amount})
        self.assertTrue(cm.exception.message.startswith(
            "money argument `total`: the amount is not a decimal number"), cm.exception.message)
        with self.assertRaises(glocal.InvalidError) as cm:
            self.cat.format("stats.visitors", "en", {"n": decimal.Decimal("1E+99999")})
        self.assertTrue(cm.exception.message.startswith(
            "number argument `n` is not a decimal number"), cm.exception.message)
        # expanding 1e999999999 took about 2 GB; the whole test stays far below
        grown_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
        self.assertLess(grown_kb, 64 << 10)

    def test_special_values_are_refused_by_the_library(self):
        for special in ("NaN", "sNaN", "Infinity", "-Infinity"):
            with self.assertRaises(glocal.InvalidError) as cm:
                self.cat.format("stats.visitors", "en", {"n": decimal.Decimal(special)})
            self.assertTrue(cm.exception.message.startswith("number argument `n`"))


class ErrorClassTest(unittest.TestCase):
    def test_hierarchy(self):
        classes = {
            "GLOCAL_ERR_NOMEM": (glocal.NoMemoryError, MemoryError),
            "GLOCAL_ERR_INVALID": (glocal.InvalidError, ValueError),
            "GLOCAL_ERR_IO": (glocal.BundleIOError, OSError),
            "GLOCAL_ERR_SYNTAX": (glocal.BundleSyntaxError, glocal.Error),
            "GLOCAL_ERR_SCHEMA": (glocal.SchemaError, glocal.Error),
            "GLOCAL_ERR_LOCALE": (glocal.LocaleError, ValueError),
            "GLOCAL_ERR_NOT_FOUND": (glocal.NotFoundError, LookupError),
            "GLOCAL_ERR_ARGUMENT": (glocal.ArgumentError, glocal.Error),
            "GLOCAL_ERR_FORMAT": (glocal.FormatError, glocal.Error),
            "GLOCAL_ERR_LIMIT": (glocal.LimitError, glocal.Error),
        }
        for cls, builtin in classes.values():
            self.assertTrue(issubclass(cls, glocal.Error))
            self.assertTrue(issubclass(cls, builtin))
            self.assertEqual(cls.__module__, "glocal")
        self.assertFalse(issubclass(glocal.BundleSyntaxError, SyntaxError))

    def test_every_status_maps_to_its_class_and_name(self):
        from glocal import _errors
        expected = [
            (1, glocal.NoMemoryError, "GLOCAL_ERR_NOMEM"),
            (2, glocal.InvalidError, "GLOCAL_ERR_INVALID"),
            (3, glocal.BundleIOError, "GLOCAL_ERR_IO"),
            (4, glocal.BundleSyntaxError, "GLOCAL_ERR_SYNTAX"),
            (5, glocal.SchemaError, "GLOCAL_ERR_SCHEMA"),
            (6, glocal.LocaleError, "GLOCAL_ERR_LOCALE"),
            (7, glocal.NotFoundError, "GLOCAL_ERR_NOT_FOUND"),
            (8, glocal.ArgumentError, "GLOCAL_ERR_ARGUMENT"),
            (9, glocal.FormatError, "GLOCAL_ERR_FORMAT"),
            (10, glocal.LimitError, "GLOCAL_ERR_LIMIT"),
            # the binding retries on GLOCAL_ERR_BUFFER: a caller never sees it, so no class
            (11, glocal.Error, "GLOCAL_ERR_BUFFER"),
            (12, glocal.Error, "GLOCAL_ERR_UNKNOWN"),  # a status added in a later 1.x
        ]
        for status, cls, code in expected:
            e = _errors.make(status, "m")
            self.assertIs(type(e), cls)
            self.assertEqual((e.status, e.code, e.message), (status, code, "m"))
            self.assertEqual(cls.status_code, None if cls is glocal.Error else status)

    def test_str_and_pickle(self):
        e = glocal.BundleSyntaxError("bad", code="GLOCAL_ERR_SYNTAX", status=4,
                                     file="d/base.yaml", line=3, column=7)
        self.assertEqual(str(e), "d/base.yaml:3:7: bad")
        e2 = pickle.loads(pickle.dumps(e))
        self.assertIs(type(e2), glocal.BundleSyntaxError)
        self.assertEqual((e2.code, e2.file, e2.line, e2.column, e2.message),
                         ("GLOCAL_ERR_SYNTAX", "d/base.yaml", 3, 7, "bad"))
        self.assertEqual(str(glocal.Error("plain")), "plain")


class LoadingTest(unittest.TestCase):
    def run_python(self, code, library):
        env = dict(os.environ, GLOCAL_LIBRARY=library, PYTHONDONTWRITEBYTECODE="1")
        return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                              text=True, cwd=support.HERE, timeout=60)

    def test_import_and_help_work_without_the_library(self):
        r = self.run_python("import support, glocal, pydoc; "
                            "print(glocal.Money('1', 'EUR')); "
                            "print(len(pydoc.render_doc(glocal, renderer=pydoc.plaintext)) > 1000)",
                            "/nonexistent/libglocal.so.1")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout, "1 EUR\nTrue\n")

    def test_a_wrong_library_path_is_reported_clearly(self):
        r = self.run_python("import support, glocal; glocal.Catalog('x')",
                            "/nonexistent/libglocal.so.1")
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("OSError: cannot load '/nonexistent/libglocal.so.1' named by "
                      "$GLOCAL_LIBRARY", r.stderr)


class HelpTest(unittest.TestCase):
    def test_public_names_are_documented(self):
        for name in glocal.__all__:
            obj = getattr(glocal, name)
            if callable(obj):
                self.assertTrue(obj.__doc__, name)


if __name__ == "__main__":
    unittest.main()


class SmsMeasureTest(unittest.TestCase):
    def test_known_strings(self):
        self.assertEqual(glocal.sms_measure(""), glocal.SmsMeasure(0, 0, False))
        self.assertEqual(glocal.sms_measure("a" * 160), (1, 160, False))
        self.assertEqual(glocal.sms_measure("a" * 161), (2, 161, False))
        self.assertEqual(glocal.sms_measure("€" * 81), (2, 162, False))  # extension: 2 each
        self.assertEqual(glocal.sms_measure("a" * 69 + "ê"), (1, 70, True))
        self.assertEqual(glocal.sms_measure("a" * 70 + "ê"), (2, 71, True))
        # a surrogate pair never straddles two parts
        self.assertEqual(glocal.sms_measure("a" * 66 + "😀" + "a" * 66), (3, 134, True))
        m = glocal.sms_measure("Hi")
        self.assertEqual((m.segments, m.units, m.ucs2), (1, 2, False))

    def test_refusals(self):
        with self.assertRaises(TypeError):
            glocal.sms_measure(None)
        with self.assertRaises(glocal.InvalidError):
            glocal.sms_measure("a\0b")


class CodeTest(unittest.TestCase):
    def test_value_semantics(self):
        self.assertEqual(repr(glocal.Code("AB-12")), "Code('AB-12')")
        self.assertEqual(str(glocal.Code("AB-12")), "AB-12")
        self.assertEqual(glocal.Code("1"), glocal.Code("1"))
        self.assertEqual(len({glocal.Code("1"), glocal.Code("1")}), 1)
        with self.assertRaises(AttributeError):
            glocal.Code("1").value = "2"
        with self.assertRaises(TypeError):
            glocal.Code(482913)

    def test_codes_are_written_as_given(self):
        locales = os.environ.get("GLOCAL_TEST_LOCALES")
        if not locales:
            self.skipTest("GLOCAL_TEST_LOCALES is not set")
        with glocal.Catalog(locales) as cat:
            args = {"code": glocal.Code("482913"), "minutes": 10}
            text = cat.format("verification.code", "ar", args, isolation="always")
            self.assertIn("482913", text)
            self.assertNotIn("\u2068482913", text)
            # a str where base declares a code is read as one
            self.assertEqual(cat.format("verification.code", "ar", dict(args, code="482913"),
                                        isolation="always"), text)
            with self.assertRaises(glocal.ArgumentError) as cm:
                cat.format("verification.code", "en", {"code": glocal.Code("48 29"),
                                                       "minutes": 10})
            self.assertIn("not a code", str(cm.exception))
            with self.assertRaises(glocal.ArgumentError):
                cat.format("verification.code", "en", {"code": "48\u200f29", "minutes": 10})
            res = cat.format_result("verification.code", "en", args, channel="sms")
            self.assertEqual(res.sms, glocal.SmsMeasure(1, len(res.text), False))
            self.assertIsNone(cat.format_result("verification.code", "en", args).sms)
