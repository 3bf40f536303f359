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


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
