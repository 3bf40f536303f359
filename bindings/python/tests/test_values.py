"""Money and the conversion of Python values: the parts decided in Python."""

import decimal
import pickle
import unittest
from datetime import date, datetime, timedelta, timezone

import support  # noqa: F401  (sets sys.path)
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

    def test_str_and_pickle(self):
        e = glocal.BundleSyntaxError("bad", code="GLOCAL_ERR_SYNTAX", status=4,
                                     file="d/base.yaml", line=3, column=7)
        self.assertEqual(str(e), "d/base.yaml:3:7: bad")
        e2 = pickle.loads(pickle.dumps(e))
        self.assertIs(type(e2), glocal.BundleSyntaxError)
        self.assertEqual((e2.code, e2.file, e2.line, e2.column, e2.message),
                         ("GLOCAL_ERR_SYNTAX", "d/base.yaml", 3, 7, "bad"))
        self.assertEqual(str(glocal.Error("plain")), "plain")


class HelpTest(unittest.TestCase):
    def test_public_names_are_documented(self):
        for name in glocal.__all__:
            obj = getattr(glocal, name)
            if callable(obj):
                self.assertTrue(obj.__doc__, name)


if __name__ == "__main__":
    unittest.main()
