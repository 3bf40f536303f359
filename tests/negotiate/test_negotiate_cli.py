"""glocal negotiate DIR HEADER: the locale printed, exit codes of docs/cli.md#exit-status.

usage: test_negotiate_cli.py GLOCAL LOCALES_DIR
"""

import subprocess
import sys
import unittest

CLI, LOCALES = sys.argv[1:3]


def negotiate(*args):
    p = subprocess.run([CLI, "negotiate", *args], capture_output=True, text=True, check=False)
    return p.returncode, p.stdout, p.stderr


class NegotiateCli(unittest.TestCase):
    def test_picks(self):
        # the shipped catalog: ... de de-CH en-GB es es-MX fr fr-CA ... zh-Hans zh-Hant; base en
        cases = {
            "fr-CH, fr;q=0.9, en;q=0.5": "fr-CH",  # chain fr-CH -> fr: Swiss formats
            "en-AU": "en-GB",                       # CLDR distance: en-AU is closer to en-GB
            "zh-TW": "zh-TW",                       # chain zh-TW -> zh-Hant, never Simplified
            "fi, de;q=0.3": "de",
            "fi": "en",                             # base's language as the last resort
            "*": "en",
        }
        for header, want in cases.items():
            with self.subTest(header=header):
                code, out, err = negotiate(LOCALES, header)
                self.assertEqual((code, out), (0, want + "\n"), err)

    def test_malformed_header_is_a_usage_error(self):
        for header in ("en;q=2", "de,,fr", "x!"):
            with self.subTest(header=header):
                code, out, err = negotiate(LOCALES, header)
                self.assertEqual((code, out), (2, ""))
                self.assertIn("GLOCAL_ERR_LOCALE", err)

    def test_usage(self):
        self.assertEqual(negotiate(LOCALES)[0], 2)
        self.assertEqual(negotiate(LOCALES, "de", "fr")[0], 2)
        self.assertEqual(negotiate("/nonexistent", "de")[0], 2)
        code, out, _ = negotiate("--help")
        self.assertEqual(code, 0)
        self.assertIn("usage: glocal negotiate", out)


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
