"""Catalog.negotiate: an Accept-Language header to the locale to serve."""

import unittest

from support import fixture
import glocal


class NegotiateTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.cat = glocal.Catalog(fixture("shop"))  # ar de de-CH fr zh zh-Hant; base en

    @classmethod
    def tearDownClass(cls):
        cls.cat.close()

    def test_regional_entry_keeps_its_region_when_its_chain_starts_at_the_match(self):
        self.assertEqual(self.cat.negotiate("fr-CH, fr;q=0.9, en;q=0.5"), "fr-CH")
        self.assertEqual(self.cat.negotiate("de-AT"), "de-AT")

    def test_weights_order_the_entries(self):
        self.assertEqual(self.cat.negotiate("de;q=0.2, fr;q=0.8"), "fr")
        self.assertEqual(self.cat.negotiate("de;q=0, fr;q=0.5"), "fr")

    def test_never_across_scripts(self):
        self.assertEqual(self.cat.negotiate("zh-TW"), "zh-TW")
        self.assertEqual(self.cat.format("greeting", self.cat.negotiate("zh-TW"),
                                         {"name": "小明"}), "您好，小明！歡迎光臨。")

    def test_base_language_as_last_resort(self):
        self.assertEqual(self.cat.negotiate("pt-BR, it;q=0.5"), "en")
        self.assertEqual(self.cat.negotiate("ja, *;q=0.1"), "en")

    def test_result_formats(self):
        locale = self.cat.negotiate("fr-CH, fr;q=0.9")
        self.assertTrue(self.cat.format("greeting", locale, {"name": "Anna"}))

    def test_malformed_header_is_an_error_not_a_guess(self):
        for header in ("en;q=1.5", "de,,fr", "x!", "fr;q=x", ""):
            with self.subTest(header=header):
                with self.assertRaises(glocal.LocaleError) as cm:
                    self.cat.negotiate(header)
                self.assertEqual(cm.exception.code, "GLOCAL_ERR_LOCALE")

    def test_wrong_python_type_raises_type_error(self):
        with self.assertRaises(TypeError):
            self.cat.negotiate(None)
        with self.assertRaises(TypeError):
            self.cat.negotiate(b"de")

    def test_closed_catalog(self):
        cat = glocal.Catalog(fixture("shop"))
        cat.close()
        with self.assertRaises(ValueError):
            cat.negotiate("de")


if __name__ == "__main__":
    unittest.main()
