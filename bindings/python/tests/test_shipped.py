"""Smoke test over the repository's shipped catalog (locales/), when given.

Its wording changes with the product, so only the shape is checked here; the
exact behaviour is pinned down by the fixture tests.
"""

import os
import unittest
from datetime import datetime, timezone

import support  # noqa: F401  (sets sys.path)
import glocal

LOCALES = os.environ.get("GLOCAL_TEST_LOCALES")


@unittest.skipUnless(LOCALES and os.path.isfile(os.path.join(LOCALES or "", "base.yaml")),
                     "GLOCAL_TEST_LOCALES does not name a catalog")
class ShippedCatalogTest(unittest.TestCase):
    def test_opens_and_formats_in_every_locale(self):
        with glocal.Catalog(LOCALES) as cat:
            self.assertTrue(cat.locales)
            for locale in ("en",) + cat.locales:
                text = cat.format("greeting", locale, {"name": "Anna", "full_name": "Anna Schmidt"})
                self.assertIsInstance(text, str)
                self.assertTrue(text)

    def test_lint_reports_no_errors(self):
        errors = [str(f) for f in glocal.lint(LOCALES) if f.severity == "error"]
        self.assertEqual(errors, [])


if __name__ == "__main__":
    unittest.main()
