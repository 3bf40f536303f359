"""glocal.lint: findings with their location, severity, rule, locale and id."""

import unittest

from support import fixture
import glocal


def rows(findings):
    return [(f.file, f.line, f.column, f.severity, f.rule, f.message_id) for f in findings]


class LintTest(unittest.TestCase):
    def setUp(self):
        self.dir = fixture("lint")
        self.findings = glocal.lint(self.dir)

    def test_error_and_orphan(self):
        d = self.dir
        got = rows(self.findings)
        self.assertIn((d + "/fr.yaml", 5, 3, "error", "duplicate-key"), [r[:5] for r in got])
        orphans = [(f.file, f.line, f.column, f.severity, f.locale, f.message_id)
                   for f in self.findings if f.rule == "orphan"]
        self.assertEqual(orphans, [(d + "/de.yaml", 5, 3, "warning", "de", "farewell")])

    def test_warning_rules(self):
        # doubled spaces, and a local variant that drops base's argument
        got = rows(self.findings)
        self.assertIn((self.dir + "/base.yaml", 7, 12, "warning", "whitespace", "greeting"), got)
        self.assertIn((self.dir + "/de.yaml", 4, 13, "warning", "dropped-arg", "greeting"), got)

    def test_sorted_by_file_line_column_rule(self):
        keys = [(f.file, f.line, f.column, f.rule) for f in self.findings]
        self.assertEqual(keys, sorted(keys))

    def test_finding_objects(self):
        for f in self.findings:
            self.assertIsInstance(f, glocal.Finding)
            self.assertIn(f.severity, ("error", "warning"))
            self.assertTrue(f.message)
            self.assertEqual(str(f), f"{f.file}:{f.line}:{f.column}: {f.severity}: {f.message} "
                                     f"[{f.rule}]")
        with self.assertRaises(AttributeError):
            self.findings[0].line = 1

    def test_locked_override_is_a_lint_error_but_opens(self):
        d = fixture("shop")
        locked = [(f.file, f.line, f.column, f.severity, f.locale, f.message_id)
                  for f in glocal.lint(d) if f.rule == "locked"]
        self.assertEqual(locked, [(d + "/de.yaml", 16, 3, "error", "de", "legal.footer")])
        with glocal.Catalog(d):
            pass

    def test_broken_bundles_are_findings_not_exceptions(self):
        for name, rule, line, column in (("bad-yaml", "yaml-syntax", 6, 4),
                                         ("bad-schema", "schema", 1, 9),
                                         ("bad-template", "template-syntax", 7, 12)):
            d = fixture(name)
            errors = [(f.file, f.line, f.column, f.rule) for f in glocal.lint(d)
                      if f.severity == "error"]
            self.assertIn((d + "/base.yaml", line, column, rule), errors, name)


if __name__ == "__main__":
    unittest.main()
