"""What the importers convert, and say when they change something: a
renamed argument, printf without its flag, a context naming a channel, ids
made from long msgids; and which units `glocal export` offers a locale with a
parent bundle.  Each case on small files written here.

usage: test_conversions.py GLOCAL
"""

import os
import subprocess
import sys
import tempfile
import unittest

CLI = os.path.abspath(sys.argv[1])

PO_HEADER = ('msgid ""\nmsgstr ""\n"Language: de\\n"\n'
             '"Content-Type: text/plain; charset=UTF-8\\n"\n'
             '"Plural-Forms: nplurals=2; plural=n != 1;\\n"\n\n')


def glocal(*args, cwd=None):
    p = subprocess.run([CLI, *args], capture_output=True, text=True, check=False, cwd=cwd)
    return p.returncode, p.stdout, p.stderr


class Conversions(unittest.TestCase):
    def setUp(self):
        tmp = tempfile.TemporaryDirectory()
        self.addCleanup(tmp.cleanup)
        self.dir = tmp.name
        self.out = os.path.join(self.dir, "catalog")

    def write(self, name, text):
        path = os.path.join(self.dir, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return name

    def bundle(self, locale):
        with open(os.path.join(self.out, locale + ".yaml"), encoding="utf-8") as f:
            return f.read()

    def run_import(self, cmd, *files):
        return glocal(cmd, *files, "--out", "catalog", cwd=self.dir)

    def render(self, *args):
        return glocal("render", self.out, *args)

    def warnings(self, err):
        return [l for l in err.splitlines() if ": warning: " in l]

    def test_i18next_nested_argument_is_renamed_and_said(self):
        en = self.write("en/translation.json",
                        '{\n  "hello": "Hi {{user.firstName}}",\n  "bye": "Bye {{name}}"\n}\n')
        code, _, err = self.run_import("import-i18next", en)
        self.assertEqual(code, 1, err)
        self.assertEqual(self.warnings(err), [
            "glocal import-i18next: en/translation.json:2: warning: `{{user.firstName}}` in "
            "`hello` is renamed `{user_firstName}`: pass the argument under that name"])
        self.assertIn('hello: "Hi {user_firstName}"', self.bundle("base"))
        self.assertEqual(self.render("hello", "--locale", "en", "user_firstName=Ann")[1],
                         "Hi Ann\n")

    def test_positional_printf_without_flag_is_converted_and_said(self):
        po = self.write("de.po", PO_HEADER + 'msgid "%1$s sent %2$s"\nmsgstr "%2$s von %1$s"\n')
        code, _, err = self.run_import("import-gettext", po)
        self.assertEqual(code, 1, err)
        self.assertEqual(self.warnings(err), [
            "glocal import-gettext: de.po:7: warning: \"%1$s sent %2$s\" has positional printf "
            "conversions but no `#, c-format` flag: converted to arguments as for c-format"])
        self.assertIn('"{arg2} von {arg1}"', self.bundle("de"))
        self.assertEqual(self.render("sent", "--locale", "de", "arg1=Ann", "arg2=Bo")[1],
                         "Bo von Ann\n")

    def test_unflagged_sequential_printf_stays_text_and_is_said(self):
        po = self.write("de.po", PO_HEADER + 'msgid "Saved %s files"\nmsgstr "%s Dateien"\n')
        code, _, err = self.run_import("import-gettext", po)
        self.assertEqual(code, 1, err)
        self.assertEqual(self.warnings(err), [
            "glocal import-gettext: de.po:7: warning: \"Saved %s files\" has what reads as "
            "printf conversions but no `#, c-format` flag: kept as text (add the flag to "
            "convert them)"])
        self.assertIn("%s Dateien", self.bundle("de"))

    def test_prose_percent_is_no_printf(self):
        po = self.write("de.po", PO_HEADER + 'msgid "Save 50% off today"\nmsgstr "50% sparen"\n')
        code, _, err = self.run_import("import-gettext", po)
        self.assertEqual((code, self.warnings(err)), (0, []), err)

    def test_context_naming_a_channel_is_a_channel_variant(self):
        po = self.write("de.po", PO_HEADER +
                        'msgid "Your order shipped"\nmsgstr "Ihre Bestellung ist unterwegs"\n\n'
                        'msgctxt "sms"\nmsgid "Your order shipped"\nmsgstr "Bestellung unterwegs"\n\n'
                        'msgctxt "checkout"\nmsgid "Total"\nmsgstr "Summe"\n')
        code, _, err = self.run_import("import-gettext", po)
        self.assertEqual(code, 0, err)
        de = self.bundle("de")
        self.assertIn("your-order-shipped:\n    other: \"Ihre Bestellung ist unterwegs\"\n"
                      "    sms: \"Bestellung unterwegs\"\n", de)
        self.assertIn("checkout.total:", de)  # another context stays an id prefix
        self.assertEqual(self.render("your-order-shipped", "--locale", "de", "--channel",
                                     "sms")[1], "Bestellung unterwegs\n")

    def test_context_naming_a_declared_channel(self):
        os.makedirs(self.out)
        self.write("catalog/base.yaml", "glocal: 1\nlocale: base\nlanguage: en\n"
                   "axes: {channel: [kiosk]}\nmessages:\n  hi: Hi\n")
        po = self.write("de.po", PO_HEADER + 'msgid "Hi"\nmsgstr "Hallo"\n\n'
                        'msgctxt "kiosk"\nmsgid "Hi"\nmsgstr "Moin"\n')
        code, _, err = self.run_import("import-gettext", po)
        self.assertEqual(code, 0, err)
        self.assertIn("hi:\n    other: \"Hallo\"\n    kiosk: \"Moin\"\n", self.bundle("de"))

    def test_generated_id_ends_on_a_word(self):
        po = self.write("de.po", PO_HEADER +
                        'msgid "Hello, your refund of %s is on its way to you"\n'
                        'msgstr "Hallo, Ihre Erstattung"\n\n'
                        'msgid "Notification preferences have been internationalized successfully"\n'
                        'msgstr "Gespeichert"\n')
        code, _, err = self.run_import("import-gettext", po)
        self.assertEqual(code, 1, err)  # %s without the flag, said
        de = self.bundle("de")
        self.assertIn("hello-your-refund-of-is-on:", de)
        self.assertIn("notification-preferences-have-been-internationalized:", de)


SCOPE = {
    "base.yaml": "glocal: 1\nlocale: base\nlanguage: en\nterms: {brand: Acme}\nmessages:\n"
                 "  greeting: {other: \"Hello {name}\", sms: \"Hi {name}\"}\n",
    "de.yaml": "glocal: 1\nlocale: de\nmessages:\n  greeting: \"Hallo {name}\"\n",
    "de-CH.yaml": "glocal: 1\nlocale: de-CH\nmessages:\n  greeting: \"Grüezi {name}\"\n",
}


class ExportScope(unittest.TestCase):
    """de-CH writes only `greeting`'s `other`; de, its parent, serves the rest."""

    def setUp(self):
        tmp = tempfile.TemporaryDirectory()
        self.addCleanup(tmp.cleanup)
        self.dir = tmp.name
        for name, text in SCOPE.items():
            with open(os.path.join(self.dir, name), "w", encoding="utf-8") as f:
                f.write(text)

    def export(self, *args):
        code, out, err = glocal("export", self.dir, *args)
        self.assertEqual(code, 0, err)
        return out, err.splitlines()

    def test_a_child_locale_gets_what_it_writes_and_a_count_of_the_rest(self):
        out, err = self.export("--locale", "de-CH")
        self.assertEqual(err, ["glocal export: 1 units for de-CH, 1 with a translation",
                               "glocal export: 2 more left to de, which de-CH inherits "
                               "(--inherited adds them)"])
        self.assertIn('<unit id="greeting:other"', out)
        self.assertNotIn('<unit id="greeting:sms"', out)
        self.assertNotIn('<unit id="-brand"', out)

    def test_inherited_adds_the_rest_with_a_note(self):
        out, err = self.export("--locale", "de-CH", "--inherited")
        self.assertEqual(err, ["glocal export: 3 units for de-CH, 1 with a translation"])
        self.assertIn('<unit id="greeting:sms"', out)
        self.assertIn('<unit id="-brand"', out)
        self.assertIn("de-CH takes this text from de now: translate it only where de-CH "
                      "should differ.", out)

    def test_a_locale_without_parent_gets_every_unit(self):
        out, err = self.export("--locale", "de")
        self.assertEqual(err, ["glocal export: 3 units for de, 1 with a translation"])
        self.assertNotIn("takes this text from", out)


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
