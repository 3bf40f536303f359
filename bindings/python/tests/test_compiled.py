"""A compiled catalog file (glocal compile, docs/compiled.md) opens through the
same Catalog(path) as its directory and formats exactly as the directory does.
GLOCAL_TEST_COMPILED names bindings/fixtures/shop compiled by the CLI at build
time."""

import os
import unittest
from datetime import datetime, timezone

from support import fixture
import glocal

COMPILED = os.environ.get("GLOCAL_TEST_COMPILED")
ETA = datetime(2026, 12, 1, 9, 30, tzinfo=timezone.utc)
CALLS = [
    ("order.delayed", {"name": "Anna", "order": "A-17", "eta": ETA}),
    ("cart.items", {"count": 1500}),
    ("cart.total", {"total": glocal.Money("19.90", "EUR")}),
    ("greeting", {"name": "Anna"}),
    ("stats.visitors", {"n": 3}),
    ("help.hours", {}),
    ("legal.footer", {}),
]


@unittest.skipUnless(COMPILED, "GLOCAL_TEST_COMPILED is not set (no CLI in this build)")
class CompiledCatalogTest(unittest.TestCase):
    def test_formats_as_its_directory(self):
        with glocal.Catalog(COMPILED) as comp, glocal.Catalog(fixture("shop")) as yaml:
            self.assertEqual(comp.locales, yaml.locales)
            self.assertEqual(comp.locales, ("ar", "de", "de-CH", "fr", "zh", "zh-Hant"))
            for locale in ("en", "de-AT") + yaml.locales:
                for mid, args in CALLS:
                    with self.subTest(locale=locale, id=mid):
                        self.assertEqual(comp.format(mid, locale, args),
                                         yaml.format(mid, locale, args))
            self.assertEqual(comp.format("cart.items", "de-CH", {"count": 1500}),
                             "1’500 Artikel")

    def test_a_damaged_file_is_an_error_not_a_crash(self):
        with open(COMPILED, "rb") as f:
            head = f.read(100)
        path = os.path.join(os.environ.get("TMPDIR", "/tmp"), f"glocal-py-{os.getpid()}.glc")
        try:
            with open(path, "wb") as f:
                f.write(head)  # the header cut short
            with self.assertRaises(glocal.BundleSyntaxError) as cm:
                glocal.Catalog(path)
            self.assertIn(path, str(cm.exception))
        finally:
            os.unlink(path)


if __name__ == "__main__":
    unittest.main()
