"""Machine-readable outputs of the glocal CLI, parsed and checked.

usage: check_outputs.py GLOCAL LOCALES_DIR LINT_CASES_DIR

lint --format json (the fields of docs/lint.md#output), lint --format sarif (the parts of
SARIF 2.1.0 that code-scanning tools require), coverage --format json, render --json.
"""

import json
import os
import subprocess
import sys
import tempfile
import unittest

CLI, LOCALES, CASES = sys.argv[1:4]


def documented_rules():
    """The rule ids docs/lint.md describes, in order, and which are warnings:
    what the CLI's outputs are checked against (the library's registry is
    checked against the same page by tests/lint/test_rules.c)."""
    doc = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(
        os.path.abspath(CASES)))), "docs", "lint.md")
    rules, warnings, section = [], set(), None
    with open(doc, encoding="utf-8") as f:
        for line in f:
            if line.startswith("## "):
                section = line[3:].strip().lower()
            elif line.startswith("### ") and section in ("error rules", "warning rules"):
                rule = line[4:].strip().strip("`")
                rules.append(rule)
                if section == "warning rules":
                    warnings.add(rule)
    return rules, warnings


RULES, WARNINGS = documented_rules()


def glocal(*args):
    p = subprocess.run([CLI, *args], capture_output=True, text=True, check=False)
    return p.returncode, p.stdout


def expected(case):
    """The case's `expected` lines as (file, line, column, severity, rule)."""
    rows = []
    with open(os.path.join(CASES, case, "expected"), encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            where, severity, rule = line.split(" ")
            file, ln, col = where.rsplit(":", 2)
            rows.append((file, int(ln), int(col), severity, rule))
    return rows


class LintJson(unittest.TestCase):
    def lint(self, case, *extra):
        code, out = glocal("lint", "--format", "json", *extra, os.path.join(CASES, case))
        return code, json.loads(out)

    def test_fields_and_order_match_the_golden_case(self):
        for case in ("schema", "unknown-arg", "missing", "plural-categories"):
            code, findings = self.lint(case)
            self.assertIsInstance(findings, list)
            rows = [(os.path.relpath(f["file"], os.path.join(CASES, case)), f["line"],
                     f["column"], f["severity"], f["rule"]) for f in findings]
            self.assertEqual(rows, expected(case), case)
            errors = any(f["severity"] == "error" for f in findings)
            self.assertEqual(code, 1 if errors else 0, case)

    def test_each_finding_is_complete(self):
        _, findings = self.lint("unknown-arg")
        f = [x for x in findings if x["rule"] == "unknown-arg"][0]
        self.assertEqual(f, {
            "file": os.path.join(CASES, "unknown-arg", "de.yaml"),
            "line": 5, "column": 12, "severity": "error", "rule": "unknown-arg",
            "message": "`order.delayed` uses argument `eta2`, which base.yaml does not declare "
                       "(declared: name, order, eta)",
            "locale": "de", "message_id": "order.delayed"})
        for case in os.listdir(CASES):
            for x in self.lint(case)[1]:
                self.assertLessEqual({"file", "line", "column", "severity", "rule", "message"},
                                     set(x), case)
                self.assertLessEqual(set(x), {"file", "line", "column", "severity", "rule",
                                              "message", "locale", "message_id"}, case)
                # a house standard may say `severity: error` (docs/standards.md)
                want = {"warning"} if x["rule"] in WARNINGS else {"error"}
                if case == "glossary-market-error" and x["rule"] == "glossary":
                    want.add("error")
                self.assertIn(x["severity"], want)

    def test_no_locale_for_base_and_none_for_missing_base(self):
        _, findings = self.lint("schema-no-base")
        self.assertEqual(len(findings), 1)
        self.assertNotIn("locale", findings[0])
        self.assertEqual((findings[0]["line"], findings[0]["column"]), (0, 0))

    def test_disable_and_werror(self):
        code, findings = self.lint("orphan", "--werror")
        self.assertEqual((code, len(findings)), (1, 1))
        code, findings = self.lint("orphan", "--werror", "--disable", "orphan")
        self.assertEqual((code, findings), (0, []))

    def test_strings_are_escaped(self):
        _, findings = self.lint("whitespace")
        self.assertTrue(all("\n" not in f["message"] for f in findings))
        code, out = glocal("lint", "--format", "json", LOCALES)
        self.assertEqual((code, json.loads(out)), (0, []))


class LintSarif(unittest.TestCase):
    def sarif(self, case):
        code, out = glocal("lint", "--format", "sarif", os.path.join(CASES, case))
        return code, json.loads(out)

    def test_required_structure(self):
        code, log = self.sarif("schema")
        self.assertEqual(code, 1)
        self.assertEqual(log["version"], "2.1.0")
        self.assertIn("sarif", log["$schema"])
        self.assertEqual(len(log["runs"]), 1)
        run = log["runs"][0]
        self.assertEqual(run["columnKind"], "unicodeCodePoints")
        driver = run["tool"]["driver"]
        self.assertEqual(driver["name"], "glocal")
        self.assertEqual(driver["version"], "1.1.0")
        self.assertEqual([r["id"] for r in driver["rules"]], RULES)
        for r in driver["rules"]:
            self.assertTrue(r["shortDescription"]["text"])
            want = "warning" if r["id"] in WARNINGS else "error"
            self.assertEqual(r["defaultConfiguration"]["level"], want)
        rows = []
        for res in run["results"]:
            self.assertEqual(driver["rules"][res["ruleIndex"]]["id"], res["ruleId"])
            self.assertIn(res["level"], ("error", "warning"))
            self.assertTrue(res["message"]["text"])
            loc = res["locations"][0]["physicalLocation"]
            uri = loc["artifactLocation"]["uri"]
            self.assertNotIn(" ", uri)
            region = loc["region"]
            self.assertGreaterEqual(region["startLine"], 1)
            self.assertGreaterEqual(region["startColumn"], 1)
            rows.append((os.path.basename(uri), region["startLine"], region["startColumn"],
                         res["level"], res["ruleId"]))
        self.assertEqual(rows, expected("schema"))

    def test_whole_file_finding_has_no_region(self):
        _, log = self.sarif("schema-no-base")
        res = log["runs"][0]["results"]
        self.assertEqual(len(res), 1)
        self.assertNotIn("region", res[0]["locations"][0]["physicalLocation"])

    def test_clean_catalog_has_no_results(self):
        code, out = glocal("lint", "--format", "sarif", LOCALES)
        log = json.loads(out)
        self.assertEqual((code, log["runs"][0]["results"]), (0, []))
        self.assertEqual(len(log["runs"][0]["tool"]["driver"]["rules"]), 31)


class LintDocs(unittest.TestCase):
    """Every example finding in docs/lint.md is what lint prints for the golden case."""

    def test_examples_are_real(self):
        doc = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "docs",
                           "lint.md")
        rule, examples = None, 0
        with open(doc, encoding="utf-8") as f:
            for line in f:
                if line.startswith("### "):
                    rule = line[4:].strip()
                elif rule and line.rstrip().endswith("[%s]" % rule) and ": " in line:
                    case = os.path.join(CASES, rule)
                    _, out = glocal("lint", case)
                    printed = [x[len(case) + 1:] for x in out.splitlines()]
                    self.assertIn(line.rstrip("\n"), printed, rule)
                    examples += 1
        self.assertGreaterEqual(examples, 20)


class CoverageJson(unittest.TestCase):
    def test_shipped_catalog(self):
        code, out = glocal("coverage", "--format", "json", LOCALES)
        self.assertEqual(code, 0)
        cov = json.loads(out)
        self.assertEqual(cov["base_language"], "en")
        locales = {x["locale"]: x for x in cov["locales"]}
        self.assertEqual(sorted(locales), sorted(
            f[:-5] for f in os.listdir(LOCALES) if f.endswith(".yaml") and f != "base.yaml"))
        de_ch = locales["de-CH"]
        self.assertEqual(de_ch["chain"], ["de-CH", "de", "base"])
        self.assertEqual((de_ch["translated"], de_ch["total"], de_ch["missing"]), (15, 15, []))
        self.assertEqual(len(de_ch["messages"]), cov["messages"])
        footer = de_ch["messages"]["legal.footer"]
        self.assertEqual((footer["from"], footer["locked"], footer["translated"]),
                         ("base", True, False))
        self.assertIn("other", de_ch["messages"]["greeting"]["variants"])
        en_gb = locales["en-GB"]
        self.assertEqual(en_gb["translated"] + len(en_gb["missing"]), en_gb["total"])
        for m in en_gb["missing"]:
            self.assertEqual(en_gb["messages"][m]["from"], "base")


class RenderJson(unittest.TestCase):
    def render(self, *args):
        code, out = glocal("render", LOCALES, *args, "--json")
        self.assertEqual(code, 0)
        return json.loads(out)

    def test_what_was_served(self):
        res = self.render("greeting", "--locale", "de-CH", "--channel", "sms", "name=Anna")
        self.assertEqual(list(res), ["text", "length", "bundle", "variant", "file", "line",
                                     "column", "format_locale", "language", "fallback", "axes",
                                     "time_zone", "time_zone_source", "time_zone_profile",
                                     "sms"])
        self.assertEqual((res["text"], res["length"]), ("Guten Tag Anna", 14))
        self.assertEqual((res["bundle"], res["variant"]), ("de-CH", "other"))
        self.assertEqual(os.path.basename(res["file"]), "de-CH.yaml")
        self.assertEqual((res["line"], res["column"]), (12, 5))
        self.assertEqual((res["format_locale"], res["language"], res["fallback"]),
                         ("de-CH", "de-Latn", False))
        self.assertEqual(res["axes"], {
            "formality": {"value": "formal", "source": "profile", "profile": "de"},
            "tone": {"value": "neutral", "source": "profile", "profile": "de"},
            "channel": {"value": "sms", "source": "request", "profile": None}})
        self.assertEqual((res["time_zone"], res["time_zone_source"], res["time_zone_profile"]),
                         ("Europe/Zurich", "profile", "de-CH"))
        self.assertEqual(res["sms"], {"segments": 1, "units": 14, "encoding": "gsm7"})

    def test_text_and_length_in_bytes(self):
        res = self.render("cart.items", "--locale", "ru", "count=3")
        self.assertEqual(res["text"], "3 товара в корзине")
        self.assertEqual(res["length"], len(res["text"].encode()))
        self.assertEqual(res["axes"]["channel"], {"value": None, "source": None, "profile": None})
        self.assertIsNone(res["sms"])                   # no channel: not measured

    def test_a_fallback_to_base(self):
        res = self.render("greeting", "--locale", "fi", "name=Anna")
        self.assertEqual((res["bundle"], res["fallback"], res["time_zone_source"]),
                         ("base", True, "region"))              # Italy's only zone

    def test_failures_print_no_json(self):
        p = subprocess.run([CLI, "render", LOCALES, "no.such", "--locale", "de", "--json"],
                           capture_output=True, text=True, check=False)
        self.assertEqual((p.returncode, p.stdout), (1, ""))
        p = subprocess.run([CLI, "explain", LOCALES, "greeting", "--locale", "de", "--json"],
                           capture_output=True, text=True, check=False)
        self.assertEqual(p.returncode, 2)
        self.assertIn("unknown option `--json`", p.stderr)


class ExplainChannel(unittest.TestCase):
    """explain says what the channel declares and how an SMS is billed."""

    def test_sms_declaration_and_bill(self):
        code, out = glocal("explain", LOCALES, "order.shipped", "--locale", "fr", "--channel",
                           "sms", "name=Anna", "full_name=Anna Martin", "order=K-1",
                           "carrier=Colissimo", "eta=2026-12-10")
        self.assertEqual(code, 0)
        lines = out.splitlines()
        self.assertIn("channel sms: kind sms, medium plain, encoding gsm7, at most 1 SMS part "
                      "for fr", lines)
        self.assertEqual(lines[-1], "sms: 1 part, GSM-7, 90 septets")

    def test_no_bill_off_sms(self):
        code, out = glocal("explain", LOCALES, "greeting", "--locale", "fr", "name=Anna",
                           "full_name=Anna Martin")
        self.assertEqual(code, 0)
        self.assertFalse([l for l in out.splitlines() if l.startswith(("sms:", "channel "))])


class PreviewDefaults(unittest.TestCase):
    """preview without a samples file has a sample for every argument type."""

    def test_shipped_catalog_without_samples(self):
        with tempfile.TemporaryDirectory() as tmp:
            page = os.path.join(tmp, "p.html")
            p = subprocess.run([CLI, "preview", LOCALES, "--out", page, "--locale", "de",
                                "--message", "order.shipped", "--message", "verification.code"],
                               capture_output=True, text=True, check=False)
            self.assertEqual(p.returncode, 0, p.stderr)
            with open(page, encoding="utf-8") as f:
                html = f.read()
            self.assertIn("Dienstag, 1. Dezember 2026", html)  # the day sample, de long date
            self.assertIn("482913", html)        # the code sample


class RenderAxesAndFallbacks(unittest.TestCase):
    """--axis NAME=VALUE (custom axes) and --fallback TAG, on the core fixtures."""
    FIXTURES = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(CASES))), "core",
                            "fixtures")

    def run_cli(self, *args):
        p = subprocess.run([CLI, *args], capture_output=True, text=True, check=False)
        return p.returncode, p.stdout, p.stderr

    def test_custom_axes(self):
        axes = os.path.join(self.FIXTURES, "axes")
        self.assertEqual(self.run_cli("render", axes, "promo", "--locale", "en", "--axis",
                                      "segment=vip", "--axis", "experiment=arm_b"),
                         (0, "Your private offer (B)\n", ""))
        code, out, _ = self.run_cli("render", axes, "promo", "--locale", "en", "--axis",
                                    "segment=vip", "--json")
        self.assertEqual(json.loads(out)["axes"]["segment"],
                         {"value": "vip", "source": "request", "profile": None})
        self.assertEqual(self.run_cli("render", axes, "promo", "--locale", "en", "--axis",
                                      "mood=happy"),
                         (2, "", "glocal render: GLOCAL_ERR_INVALID: this catalog has no axis "
                                 "`mood`\n"))
        code, out, err = self.run_cli("explain", axes, "promo", "--locale", "en", "--axis", "x")
        self.assertEqual((code, out), (2, ""))
        self.assertIn("glocal explain: --axis takes NAME=VALUE, not `x`", err)

    def test_fallbacks(self):
        resolve = os.path.join(self.FIXTURES, "resolve")
        self.assertEqual(self.run_cli("render", resolve, "greet", "--locale", "fr-CA",
                                      "--fallback", "de", "name=Anna"),
                         (0, "Guten Tag Anna\n", ""))
        self.assertEqual(self.run_cli("render", resolve, "greet", "--locale", "fr-CA",
                                      "name=Anna"), (0, "Hello Anna\n", ""))
        code, out, err = self.run_cli("render", resolve, "greet", "--locale", "fr-CA",
                                      "--fallback", "not a tag", "name=Anna")
        self.assertEqual((code, out), (2, ""))
        self.assertIn("glocal render: --fallback: ", err)


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
