"""The importers end to end on realistic fixtures: gettext PO, i18next JSON,
Rails YAML.

usage: test_import.py GLOCAL FIXTURES_DIR

Each importer writes a catalog that must equal the golden bundles in
expected/FORMAT/ and report exactly the lines in expected/FORMAT/warnings
(file paths relative to the fixtures); the catalog then lints without errors
and formats as the source catalog did.  Standard library only.
"""

import os
import resource
import shutil
import subprocess
import sys
import tempfile
import unittest

CLI, FIXTURES = (os.path.abspath(p) for p in sys.argv[1:3])
HERE = os.path.dirname(os.path.abspath(__file__))
EXPECTED = os.path.join(HERE, "expected")

INPUTS = {
    "gettext": ["gettext/shop.pot", "gettext/de.po", "gettext/ru.po"],
    "i18next": ["i18next/locales/en/translation.json", "i18next/locales/en/common.json",
                "i18next/locales/de/translation.json", "i18next/locales/fr/translation.json"],
    "rails": ["rails/en.yml", "rails/de.yml", "rails/ru.yml"],
}


def glocal(*args, cwd=None, max_file_size=None):
    def limit():  # ulimit -f in the child only
        resource.setrlimit(resource.RLIMIT_FSIZE, (max_file_size, max_file_size))

    p = subprocess.run([CLI, *args], capture_output=True, text=True, check=False, cwd=cwd,
                       preexec_fn=limit if max_file_size else None)
    return p.returncode, p.stdout, p.stderr


def snapshot(directory):
    """Every file of directory (hidden ones too: a temporary file left behind
    shows) with its bytes."""
    files = {}
    for name in os.listdir(directory):
        with open(os.path.join(directory, name), "rb") as f:
            files[name] = f.read()
    return files


BASE = "glocal: 1\nlocale: base\nlanguage: en\nmessages:\n  greeting: \"Hello {name}\"\n"
# three years of hand-written work, and one line pasted with a tab
DE_WITH_TAB = ("# German, hand-written\nglocal: 1\nlocale: de\nmessages:\n"
               "  greeting: \"Hallo {name}\"\n\tbroken: \"pasted with a tab\"\n")
# a python-brace-format translation whose argument base does not have
PO_UNKNOWN_ARG = ('msgid ""\nmsgstr ""\n"Language: de\\n"\n'
                  '"Content-Type: text/plain; charset=UTF-8\\n"\n"Plural-Forms: nplurals=2; '
                  'plural=n != 1;\\n"\n\n#, python-brace-format\nmsgid "Hello {name}"\n'
                  'msgstr "Hallo {nom}"\n')


class Importer(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)
        self.out = os.path.join(self.tmp.name, "catalog")

    def run_import(self, fmt, out=None):
        # relative input paths, so that the warnings name them as the golden file does
        return glocal("import-" + fmt, *INPUTS[fmt], "--out", out or self.out, cwd=FIXTURES)

    def check_golden(self, fmt):
        code, _, err = self.run_import(fmt)
        self.assertEqual(code, 1, err)  # something could not be carried over
        expected_dir = os.path.join(EXPECTED, fmt)
        with open(os.path.join(expected_dir, "warnings"), encoding="utf-8") as f:
            want = [l for l in f.read().splitlines() if l and not l.startswith("#")]
        got = [l for l in err.splitlines() if ": warning: " in l]
        self.assertEqual(got, want)
        names = sorted(n for n in os.listdir(expected_dir) if n.endswith(".yaml"))
        self.assertEqual(sorted(os.listdir(self.out)), names)
        for name in names:
            with open(os.path.join(expected_dir, name), encoding="utf-8") as f:
                want_text = f.read()
            with open(os.path.join(self.out, name), encoding="utf-8") as f:
                self.assertEqual(f.read(), want_text, f"{fmt}: {name}")
        _, out, _ = glocal("lint", self.out)
        self.assertEqual([l for l in out.splitlines() if ": error: " in l], [])

    def render(self, *args):
        code, out, err = glocal("render", self.out, *args)
        self.assertEqual(code, 0, err)
        return out.rstrip("\n")

    # -- gettext ---------------------------------------------------------

    def test_gettext_golden(self):
        self.check_golden("gettext")

    def test_gettext_formats(self):
        self.run_import("gettext")
        # Plural-Forms of ru (3 forms) to CLDR one/few/many/other
        self.assertEqual(self.render("item-in-your-cart", "--locale", "ru", "count=1"),
                         "1 товар в корзине")
        self.assertEqual(self.render("item-in-your-cart", "--locale", "ru", "count=3"),
                         "3 товара в корзине")
        self.assertEqual(self.render("item-in-your-cart", "--locale", "ru", "count=11"),
                         "11 товаров в корзине")
        # positional printf arguments keep their meaning when reordered
        self.assertEqual(self.render("order-ships-with", "--locale", "de", "arg1=K-1",
                                     "arg2=DHL"), "DHL liefert die Bestellung K-1.")
        # msgctxt as the id prefix
        self.assertEqual(self.render("checkout.total", "--locale", "de"), "Gesamtbetrag")

    # -- i18next -------------------------------------------------------------

    def test_i18next_golden(self):
        self.check_golden("i18next")

    def test_i18next_formats(self):
        self.run_import("i18next")
        self.assertEqual(self.render("greeting", "--locale", "de", "--formality", "informal",
                                     "name=Anna"), "Hi Anna!")
        self.assertEqual(self.render("greeting", "--locale", "de", "--formality", "formal",
                                     "name=Anna"), "Guten Tag, Anna.")
        self.assertEqual(self.render("cart.items", "--locale", "en", "count=0"),
                         "Your cart is empty")
        self.assertEqual(self.render("delivery.place", "--locale", "en", "count=22"),
                         "22nd in line")
        self.assertEqual(self.render("invite", "--locale", "en", "context=female",
                                     "user_name=Bo"), "She invited you")
        self.assertEqual(self.render("new_badge", "--locale", "en"),
                         "New {braces} & 'quotes'")

    # -- Rails ----------------------------------------------------------------

    def test_rails_golden(self):
        self.check_golden("rails")

    def test_rails_formats(self):
        self.run_import("rails")
        self.assertEqual(self.render("cart.items", "--locale", "de", "count=0"),
                         "Ihr Warenkorb ist leer")
        self.assertEqual(self.render("cart.items", "--locale", "ru", "count=5"),
                         "5 товаров в корзине")
        self.assertEqual(self.render("orders.shipped_notice", "--locale", "de", "order=K-9",
                                     "carrier=DHL"), "Bestellung K-9 ist mit DHL unterwegs.")

    # -- merging and usage ----------------------------------------------------------

    def test_import_again_changes_nothing(self):
        self.run_import("rails")
        first = {n: open(os.path.join(self.out, n), encoding="utf-8").read()
                 for n in os.listdir(self.out)}
        self.run_import("rails")
        for n, text in first.items():
            with open(os.path.join(self.out, n), encoding="utf-8") as f:
                self.assertEqual(f.read(), text, n)

    def test_merges_into_an_existing_catalog(self):
        os.makedirs(self.out)
        with open(os.path.join(self.out, "base.yaml"), "w", encoding="utf-8") as f:
            f.write("# Our catalog\nglocal: 1\nlocale: base\nlanguage: en\nterms:\n"
                    "  brand: Kestrel\nmessages:\n  legal.footer: \"© {-brand}\"\n")
        self.run_import("rails")
        with open(os.path.join(self.out, "base.yaml"), encoding="utf-8") as f:
            text = f.read()
        self.assertTrue(text.startswith("# Our catalog\n"))
        self.assertLess(text.index("legal.footer"), text.index("greeting"))
        self.assertIn("brand: Kestrel", text)

    # -- never losing a bundle ------------------------------------------------------

    def existing_catalog(self, de_text):
        os.makedirs(self.out)
        for name, text in (("base.yaml", BASE), ("de.yaml", de_text)):
            with open(os.path.join(self.out, name), "w", encoding="utf-8") as f:
                f.write(text)
        return snapshot(self.out)

    def test_unreadable_bundle_is_an_error_and_stays_as_it_was(self):
        for fmt in INPUTS:
            with self.subTest(fmt):
                shutil.rmtree(self.out, ignore_errors=True)
                before = self.existing_catalog(DE_WITH_TAB)
                code, _, err = self.run_import(fmt)
                self.assertEqual(code, 2, err)
                self.assertRegex(err, r"catalog/de\.yaml:6:1: YAML that does not parse: .*; "
                                      r"the bundle is left as it is")
                self.assertIn("nothing written", err)
                self.assertEqual(snapshot(self.out), before)

    def test_bundle_of_another_shape_is_not_replaced(self):
        before = self.existing_catalog("glocal: 1\nlocale: de\nmessages:\n  - greeting\n")
        code, _, err = self.run_import("gettext")
        self.assertEqual(code, 2, err)
        self.assertIn("catalog/de.yaml:4: `messages:` is not a mapping", err)
        self.assertEqual(snapshot(self.out), before)

    def write_po(self, text):
        po = os.path.join(self.tmp.name, "de.po")
        with open(po, "w", encoding="utf-8") as f:
            f.write(text)
        return po

    def test_write_that_adds_a_lint_error_is_refused(self):
        po = self.write_po(PO_UNKNOWN_ARG)
        before = self.existing_catalog("glocal: 1\nlocale: de\nmessages:\n  greeting: Hallo\n")
        code, _, err = glocal("import-gettext", po, "--out", self.out)
        self.assertEqual(code, 3, err)
        self.assertRegex(err, r"catalog/de\.yaml:\d+:\d+: error: `hello-name` uses argument "
                              r"`nom`, which base\.yaml does not declare .*\[unknown-arg\]")
        self.assertIn("refused: writing would add 1 lint error", err)
        self.assertEqual(snapshot(self.out), before)
        # into a new directory: not even the directory is made
        new = os.path.join(self.tmp.name, "new")
        self.assertEqual(glocal("import-gettext", po, "--out", new)[0], 3)
        self.assertFalse(os.path.exists(new))

    def test_errors_the_catalog_had_already_do_not_refuse(self):
        # de.yaml has an unknown-arg error before the import; the import adds none
        self.existing_catalog('glocal: 1\nlocale: de\nmessages:\n  greeting: "Hallo {nom}"\n')
        po = self.write_po(PO_UNKNOWN_ARG.replace("{nom}", "{name}"))
        code, _, err = glocal("import-gettext", po, "--out", self.out)
        self.assertEqual(code, 0, err)

    def test_failed_write_leaves_the_catalog_as_it_was(self):
        self.run_import("rails")
        before = snapshot(self.out)
        code, _, err = glocal("import-gettext", *INPUTS["gettext"], "--out", self.out,
                              cwd=FIXTURES, max_file_size=512)
        self.assertEqual(code, 2, err)
        self.assertIn("File too large", err)
        self.assertEqual(snapshot(self.out), before)

    def test_usage(self):
        self.assertEqual(glocal("import-gettext", "--out", self.out)[0], 2)
        self.assertEqual(glocal("import-rails", os.path.join(FIXTURES, "rails/en.yml"))[0], 2)
        self.assertEqual(glocal("import-i18next", "--base-language", "x!", "--out", self.out,
                                os.path.join(FIXTURES, "i18next/locales/en/common.json"))[0], 2)
        code, _, err = glocal("import-gettext", "--out", self.out, "missing.po")
        self.assertEqual(code, 1)
        self.assertIn("missing.po", err)


def po_with_plural_forms(expression):
    """A German PO file with one plural message; its Plural-Forms on line 5."""
    return ('msgid ""\nmsgstr ""\n"Language: de\\n"\n'
            '"Content-Type: text/plain; charset=UTF-8\\n"\n'
            f'"Plural-Forms: nplurals=2; plural={expression};\\n"\n\n'
            '#, c-format\nmsgid "one item"\nmsgid_plural "%d items"\n'
            'msgstr[0] "ein Ding"\nmsgstr[1] "%d Dinge"\n')


def nested_rails(levels):
    """A Rails file whose innermost map is `levels` collections deep (the
    file's top-level map is the first)."""
    lines = ["en:"] + ["  " * (i + 1) + f"k{i}:" for i in range(levels - 2)]
    return "\n".join(lines) + "\n" + "  " * (levels - 1) + "v: text\n"


def nested_json(levels):
    return '{"a": ' * (levels - 1) + '{"b": "text"' + "}" * levels


class HostileInput(unittest.TestCase):
    """Input beyond the readers' limits (the library's, docs/limits.md) or
    that no bundle can hold is refused as a whole: a clear error with file
    and line, exit status 2, nothing written.  docs/robustness.md lists them."""

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)
        self.out = os.path.join(self.tmp.name, "catalog")

    def write(self, name, data):
        path = os.path.join(self.tmp.name, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data.encode("utf-8", "surrogateescape") if isinstance(data, str) else data)
        return path

    def run_import(self, fmt, name, data, fresh=True):
        if fresh:
            shutil.rmtree(self.out, ignore_errors=True)
        self.write(name, data)
        return glocal("import-" + fmt, name, "--out", self.out, cwd=self.tmp.name)

    def assert_refused(self, result, pattern):
        code, _, err = result
        self.assertEqual(code, 2, err)
        self.assertRegex(err, pattern)
        self.assertIn("nothing written", err)
        self.assertFalse(os.path.exists(self.out))

    def render(self, *args):
        code, out, err = glocal("render", self.out, *args)
        self.assertEqual(code, 0, err)
        return out.rstrip("\n")

    # -- Plural-Forms -----------------------------------------------------------

    def test_plural_forms_nested_past_the_limit(self):
        self.assertEqual(self.run_import("gettext", "de.po", po_with_plural_forms(
            "(" * 32 + "n != 1" + ")" * 32))[0], 0)
        self.assert_refused(self.run_import("gettext", "de.po", po_with_plural_forms(
            "(" * 33 + "n != 1" + ")" * 33)), r"de\.po:5: error: the Plural-Forms expression is "
            r"nested deeper than 32 levels")
        self.assert_refused(self.run_import("gettext", "de.po", po_with_plural_forms(
            "!" * 40 + "n")), r"de\.po:5: error: .* nested deeper than 32 levels")
        self.assert_refused(self.run_import("gettext", "de.po", po_with_plural_forms(
            "n==1 ? 0 : " * 40 + "1")), r"de\.po:5: error: .* nested deeper than 32 levels")

    def test_plural_forms_longer_than_the_limit(self):
        # 50,000 parentheses once overflowed the evaluator's stack
        self.assert_refused(self.run_import("gettext", "de.po", po_with_plural_forms(
            "(" * 50000 + "n" + ")" * 50000)), r"de\.po:5: error: the Plural-Forms expression is "
            r"longer than 1024 bytes")

    def test_plural_forms_evaluate_as_gettext_does(self):
        # unsigned arithmetic that wraps: LONG_MIN / -1 once raised SIGFPE;
        # here (2^63) / (2^64 - 1) is 0 for every n, so msgstr[1] is never used
        code, _, err = self.run_import("gettext", "de.po", po_with_plural_forms(
            "(0-9223372036854775807-1)/(0-1)"))
        self.assertEqual(code, 1, err)
        self.assertRegex(err, r"de\.po:5: warning: Plural-Forms .* selects form 1 for no n")
        self.assertEqual(self.render("one-item", "--locale", "de", "count=5"), "ein Ding")
        # signed overflow once; n * (2^63 - 1) * 4 wraps to a non-zero value for n = 1
        code, _, err = self.run_import("gettext", "de.po", po_with_plural_forms(
            "(n*9223372036854775807*4) != 0"))
        self.assertEqual(code, 0, err)
        self.assertEqual(self.render("one-item", "--locale", "de", "count=1"), "1 Dinge")
        # division by zero, where gettext raises SIGFPE: no plural forms, a warning
        code, _, err = self.run_import("gettext", "de.po", po_with_plural_forms("n % (n - n)"))
        self.assertEqual(code, 1, err)
        self.assertIn("does not evaluate for n=0; plural forms are not imported", err)

    # -- YAML and JSON nesting, sizes -------------------------------------------------

    def test_yaml_nested_past_the_limit(self):
        self.assertEqual(self.run_import("rails", "en.yml", nested_rails(16))[0], 0)
        self.assert_refused(self.run_import("rails", "en.yml", nested_rails(17)),
                            r"en\.yml:17:\d+: error: nesting deeper than the limit of 16")
        # 50,000 flow sequences once overflowed the reader's stack
        self.assert_refused(self.run_import("rails", "en.yml",
                                            "en:\n  k: " + "[" * 50000 + "]" * 50000 + "\n"),
                            r"en\.yml:2:\d+: error: nesting deeper than the limit of 16")

    def test_bundle_nested_past_the_limit_is_not_replaced(self):
        os.makedirs(self.out)
        deep = BASE + "  deep: " + "[" * 20 + "]" * 20 + "\n"
        with open(os.path.join(self.out, "base.yaml"), "w", encoding="utf-8") as f:
            f.write(deep)
        before = snapshot(self.out)
        code, _, err = self.run_import("rails", "en.yml", "en:\n  greeting: Hi\n", fresh=False)
        self.assertEqual(code, 2, err)
        self.assertRegex(err, r"catalog/base\.yaml:6:\d+: nesting deeper than the limit of 16")
        self.assertEqual(snapshot(self.out), before)

    def test_json_nested_past_the_limit(self):
        self.assertEqual(self.run_import("i18next", "en/translation.json",
                                         nested_json(16))[0], 0)
        self.assert_refused(self.run_import("i18next", "en/translation.json", nested_json(17)),
                            r"en/translation\.json:1: error: nesting deeper than the limit of 16")

    def test_files_larger_than_the_limit(self):
        pad = " " * (32 << 20)
        for fmt, name, text in (("rails", "en.yml", "en:\n  a: text\n" + pad),
                                ("i18next", "en/translation.json", '{"a": "text"}' + pad),
                                ("gettext", "de.po", po_with_plural_forms("n != 1") + pad)):
            with self.subTest(fmt):
                self.assert_refused(self.run_import(fmt, name, text),
                                    rf"{name}: error: larger than the limit of 33554432 bytes")

    def test_texts_longer_than_the_scalar_limit(self):
        long = "x" * ((256 << 10) + 1)
        self.assert_refused(self.run_import("rails", "en.yml", f"en:\n  a: {long}\n"),
                            r"en\.yml:2:\d+: error: a scalar longer than the limit of 262144")
        self.assert_refused(self.run_import("i18next", "en/translation.json",
                                            '{"a": "%s"}' % long),
                            r"error: the text of `a` is longer than the limit of 262144 bytes")

    # -- what a bundle cannot hold ------------------------------------------------

    def test_i18next_text_that_is_not_utf8(self):
        # bytes FF FE once became control characters in base.yaml, silently
        self.assert_refused(self.run_import("i18next", "en/translation.json",
                                            '{"cart": {"title": "Hi \udcff\udcfe there"}}'),
                            r"en/translation\.json:1: error: the text of `cart\.title` is not "
                            r"UTF-8 text")
        self.assert_refused(self.run_import("i18next", "en/translation.json",
                                            '{"a\udcff": "text"}'),
                            r"en/translation\.json:1: error: a key that is not UTF-8")

    def test_rails_key_that_is_not_text(self):
        # found by fuzz-import-rails: a list as key once crashed the plural check
        code, _, err = self.run_import("rails", "en.yml",
                                       "en:\n  cart:\n    ? [one, two]\n    : text\n"
                                       "    other: items\n  ok: fine\n")
        self.assertEqual(code, 1, err)
        self.assertIn("en.yml:3: warning: a key that is not text (a list or a map); skipped",
                      err)
        self.assertEqual(self.render("ok", "--locale", "en"), "fine")

    def test_po_comment_that_is_not_utf8(self):
        # found by fuzz-import-gettext: the bytes reached the YAML writer, which read past them
        code, _, err = self.run_import("gettext", "de.po", po_with_plural_forms("n != 1") +
                                       '\n#. Shown on top \udcff\udcfe\nmsgid "Total"\n'
                                       'msgstr "Summe"\n')
        self.assertEqual(code, 1, err)
        self.assertIn('de.po:14: warning: the translator comment or msgctxt of "Total" is not '
                      'UTF-8; not carried over to _note', err)
        self.assertEqual(self.render("total", "--locale", "de"), "Summe")

    def test_po_plural_msgid_that_is_not_utf8(self):
        # found by fuzz-import-gettext: the bytes reached the YAML writer, which read past them
        code, _, err = self.run_import("gettext", "de.po", po_with_plural_forms("n != 1")
                                       .replace('"%d items"', '"%d items \udcf4\udc90\udc80\udc80"'))
        self.assertEqual(code, 1, err)
        self.assertIn('de.po:8: warning: the msgid_plural of "one item" is not UTF-8; not '
                      'imported', err)
        self.assertFalse(os.path.exists(os.path.join(self.out, "de.yaml")))

    def test_i18next_suffix_without_its_stem_stays_in_the_id(self):
        # `shipped_notice` is a context of `shipped` only when `shipped` exists
        code, _, err = self.run_import("i18next", "en/translation.json",
                                       '{"shipped_notice": "Sent", "invite": "Hi", '
                                       '"invite_male": "He"}')
        self.assertEqual(code, 0, err)
        self.assertEqual(self.render("shipped_notice", "--locale", "en"), "Sent")
        self.assertEqual(self.render("invite", "--locale", "en", "context=male"), "He")


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
