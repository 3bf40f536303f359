"""glocal.lint: findings with their location, severity, rule, locale and id."""

import unittest

from support import fixture
import glocal


class LintTest(unittest.TestCase):
    def test_findings(self):
        d = fixture("lint")
        got = [(f.file, f.line, f.column, f.severity, f.rule, f.locale, f.message_id)
               for f in glocal.lint(d)]
        self.assertEqual(got, [
            (d + "/base.yaml", 7, 12, "warning", "whitespace", None, "greeting"),
            (d + "/de.yaml", 4, 13, "warning", "dropped-arg", "de", "greeting"),
            (d + "/de.yaml", 5, 3, "warning", "orphan", "de", "farewell"),
            (d + "/fr.yaml", 5, 3, "error", "duplicate-key", "fr", "greeting"),
        ])

    def test_finding_objects(self):
        findings = glocal.lint(fixture("lint"))
        f = findings[0]
        self.assertIsInstance(f, glocal.Finding)
        self.assertTrue(f.message)
        self.assertEqual(str(f), f"{f.file}:{f.line}:{f.column}: {f.severity}: {f.message} "
                                 f"[{f.rule}]")
        with self.assertRaises(AttributeError):
            f.line = 1

    def test_locked_override_is_a_lint_error_but_opens(self):
        d = fixture("shop")
        locked = [f for f in glocal.lint(d) if f.rule == "locked"]
        self.assertEqual([(f.file, f.line, f.column, f.severity, f.locale, f.message_id)
                          for f in locked],
                         [(d + "/de.yaml", 16, 3, "error", "de", "legal.footer")])
        with glocal.Catalog(d):
            pass

    def test_broken_bundles_are_findings_not_exceptions(self):
        for name, rule in (("bad-yaml", "yaml-syntax"), ("bad-schema", "schema"),
                           ("bad-template", "template-syntax")):
            rules = [f.rule for f in glocal.lint(fixture(name)) if f.severity == "error"]
            self.assertIn(rule, rules, name)


if __name__ == "__main__":
    unittest.main()
