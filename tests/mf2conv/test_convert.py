"""`glocal convert --to mf2`: the MF2 text of each MF1 form (the table of
docs/mf2.md), the bundle around it kept, and the refusals: a template that
cannot be converted (FILE:LINE, nothing written), an output directory that
is not empty, a source catalog that does not open.  Each case on small
files written here; the converted catalog is rendered through the CLI.

usage: test_convert.py GLOCAL
"""

import os
import subprocess
import sys
import tempfile
import unittest

import yaml  # python3-yaml, as the schema suite

CLI = os.path.abspath(sys.argv[1])

BASE_HEAD = "# House English.\nglocal: 1\nlocale: base\nlanguage: en\n"


def glocal(*args):
    p = subprocess.run([CLI, *args], capture_output=True, text=True, check=False)
    return p.returncode, p.stdout, p.stderr


class Convert(unittest.TestCase):
    def setUp(self):
        tmp = tempfile.TemporaryDirectory()
        self.addCleanup(tmp.cleanup)
        self.src = os.path.join(tmp.name, "mf1")
        self.out = os.path.join(tmp.name, "mf2")
        os.mkdir(self.src)

    def write(self, name, text):
        with open(os.path.join(self.src, name), "w", encoding="utf-8") as f:
            f.write(text)

    def converted(self, name):
        with open(os.path.join(self.out, name), encoding="utf-8") as f:
            return f.read()

    def convert_one(self, template, args="{n: number}"):
        """The MF2 text of one MF1 template (message `m` of base.yaml)."""
        self.write("base.yaml", BASE_HEAD + "messages:\n  m:\n    _args: %s\n    other: %s\n"
                   % (args, self.quote(template)))
        code, _, err = glocal("convert", "--to", "mf2", self.src, "--out", self.out)
        self.assertEqual(code, 0, err)
        return self.template_of(self.converted("base.yaml"))

    @staticmethod
    def quote(s):
        return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'

    @staticmethod
    def template_of(bundle):
        """The `other:` of message m, as YAML reads it (block or quoted)."""
        return yaml.safe_load(bundle)["messages"]["m"]["other"]

    def render(self, *args):
        return glocal("render", self.out, *args)

    # ---- the table ----

    def test_plain_text_and_arguments(self):
        self.assertEqual(self.convert_one("Hi {name}, {n, number} / {n, number, integer} / "
                                          "{n, number, percent}", "{name: text, n: number}"),
                         "Hi {$name}, {$n :number} / {$n :number maximumFractionDigits=0} / "
                         "{$n :percent}")

    def test_integer_style_rounds_as_in_mf1(self):
        self.convert_one("{n, number, integer}")
        for value, text in (("1.5", "2"), ("2.5", "2"), ("-1.5", "-2"), ("1234.5", "1,234")):
            self.assertEqual(self.render("m", "--locale", "en", "n=" + value)[1], text + "\n")

    def test_money_dates_and_times(self):
        self.assertEqual(
            self.convert_one("{m, number, currency} {d, date} {d, date, short} {d, date, long} "
                             "{d, date, full} {d, time, short} {d, time, medium}",
                             "{m: money, d: date}"),
            "{$m :currency} {$d :date} {$d :date length=short} {$d :date length=long} "
            "{$d :date fields=year-month-day-weekday length=long} {$d :time} "
            "{$d :time precision=second}")

    def test_skeletons_and_patterns_are_glocal_options(self):
        self.assertEqual(
            self.convert_one("{d, date, ::MMMMdEEE} {d, time, H:mm} {d, date, EEEE d 'de' MMMM}",
                             "{d: date}"),
            "{$d :date glocal:skeleton=MMMMdEEE} {$d :time glocal:pattern=|H:mm|} "
            "{$d :date glocal:pattern=|EEEE d 'de' MMMM|}")

    def test_quoting_resolved_and_escaped(self):
        self.assertEqual(self.convert_one("It''s '{literal}' \\ {n}", "{n: number}"),
                         "It's \\{literal\\} \\\\ {$n}")

    def test_term(self):
        self.write("base.yaml", BASE_HEAD + "terms: {brand: Kestrel}\nmessages:\n"
                   "  m: \"Thanks from {-brand}\"\n")
        code, _, err = glocal("convert", "--to", "mf2", self.src, "--out", self.out)
        self.assertEqual(code, 0, err)
        self.assertIn('m: "Thanks from {brand :glocal:term}"', self.converted("base.yaml"))

    def test_plural_becomes_match(self):
        self.assertEqual(
            self.convert_one("{n, plural, =0 {Empty} one {# item} other {# items}}"),
            ".input {$n :number}\n.match $n\n0 {{Empty}}\none {{{$n} item}}\n"
            "* {{{$n} items}}")

    def test_selectordinal(self):
        self.assertEqual(
            self.convert_one("{n, selectordinal, one {#st} two {#nd} few {#rd} other {#th}}"),
            ".input {$n :number select=ordinal}\n.match $n\none {{{$n}st}}\n"
            "two {{{$n}nd}}\nfew {{{$n}rd}}\n* {{{$n}th}}")

    def test_offset_becomes_offset_function(self):
        self.assertEqual(
            self.convert_one("{n, plural, offset:1 =0 {nobody} =1 {you} one {you and # other} "
                             "other {you and # others}}"),
            ".local $n_2 = {$n :offset subtract=1}\n.match $n_2\n-1 {{nobody}}\n0 {{you}}\n"
            "one {{you and {$n_2} other}}\n* {{you and {$n_2} others}}")

    def test_nested_selections_flatten(self):
        self.assertEqual(
            self.convert_one("{g, select, female {{n, plural, one {her # cat} other {her # cats}}}"
                             " other {{n, plural, one {their # cat} other {their # cats}}}}!",
                             "{g: text, n: number}"),
            ".input {$g :string}\n.input {$n :number}\n.match $g $n $n\n"
            "female one * {{her {$n} cat!}}\nfemale * * {{her {$n} cats!}}\n"
            "* * one {{their {$n} cat!}}\n* * * {{their {$n} cats!}}")

    def test_text_around_a_selection_goes_into_every_variant(self):
        self.assertEqual(
            self.convert_one("Hi {name}: {n, plural, one {# day} other {# days}} left.",
                             "{name: text, n: number}"),
            ".input {$n :number}\n.match $n\none {{Hi {$name}: {$n} day left.}}\n"
            "* {{Hi {$name}: {$n} days left.}}")

    def test_leading_dot_is_quoted(self):
        self.assertEqual(self.convert_one(".com {n}"), "{{.com {$n}}}")

    # ---- the bundle ----

    def test_bundle_keeps_its_keys_and_says_mf2(self):
        self.write("base.yaml", BASE_HEAD + "terms: {brand: Kestrel}\nmessages:\n"
                   "  greeting:\n    _args: {name: text}\n    _note: \"Say {name} warmly.\"\n"
                   "    other: \"Hi {name}\"\n    formal: \"Dear {name}\"\n")
        self.write("de.yaml", "glocal: 1\nlocale: de\nmessages:\n  greeting: \"Hallo {name}\"\n")
        code, out, err = glocal("convert", "--to", "mf2", self.src, "--out", self.out)
        self.assertEqual(code, 0, err)
        self.assertEqual(out, "converted 2 bundles of %s into %s\n" % (self.src, self.out))
        self.assertEqual(self.converted("base.yaml"),
                         "# House English.\nglocal: 1\nsyntax: mf2\nlocale: base\nlanguage: en\n"
                         "terms: {brand: Kestrel}\nmessages:\n  greeting:\n"
                         "    _args: {name: text}\n    _note: \"Say {name} warmly.\"\n"
                         "    other: \"Hi {$name}\"\n    formal: \"Dear {$name}\"\n")
        self.assertEqual(self.converted("de.yaml"),
                         "glocal: 1\nsyntax: mf2\nlocale: de\nmessages:\n"
                         "  greeting: \"Hallo {$name}\"\n")
        self.assertEqual(self.render("greeting", "--locale", "de", "name=Ana")[1], "Hallo Ana\n")

    def test_mf2_bundle_is_copied_as_it_is(self):
        self.write("base.yaml", BASE_HEAD + "syntax: mf2\nmessages:\n  m: \"{{.com}}\"\n")
        code, _, err = glocal("convert", "--to", "mf2", self.src, "--out", self.out)
        self.assertEqual(code, 0, err)
        self.assertEqual(self.converted("base.yaml"), BASE_HEAD + "syntax: mf2\nmessages:\n"
                         "  m: \"{{.com}}\"\n")

    # ---- refusals ----

    def test_template_it_cannot_express_writes_nothing(self):
        self.write("base.yaml", BASE_HEAD + "messages:\n  ok: \"fine\"\n  m:\n"
                   "    _args: {n: number}\n"
                   "    other: \"{n, plural, offset:1 =1.5 {odd} other {#}}\"\n")
        code, _, err = glocal("convert", "--to", "mf2", self.src, "--out", self.out)
        self.assertEqual(code, 1, err)
        self.assertEqual(err, "glocal convert: %s/base.yaml:9: `m` (other): cannot convert: "
                         "exact key `=1.5` with an offset: only whole numbers convert (column 1 "
                         "of the template)\nglocal convert: nothing written: 1 template cannot "
                         "be converted\n" % self.src)
        self.assertFalse(os.path.exists(self.out))

    def test_too_many_variants(self):
        # eleven selections of two keys in a row: 2048 combinations
        row = " ".join("{%s, select, x {X} other {Y}}" % name for name in "abcdefghijk")
        self.write("base.yaml", BASE_HEAD + "messages:\n  m: %s\n" % self.quote(row))
        code, _, err = glocal("convert", "--to", "mf2", self.src, "--out", self.out)
        self.assertEqual(code, 1, err)
        self.assertIn("base.yaml:6: `m` (other): cannot convert: nested selections make more "
                      "than 1024 variants", err)
        self.assertFalse(os.path.exists(self.out))

    def test_output_directory_not_empty(self):
        self.write("base.yaml", BASE_HEAD + "messages:\n  m: \"hi\"\n")
        os.mkdir(self.out)
        with open(os.path.join(self.out, "keep.txt"), "w") as f:
            f.write("mine")
        code, _, err = glocal("convert", "--to", "mf2", self.src, "--out", self.out)
        self.assertEqual(code, 2)
        self.assertEqual(err, "glocal convert: %s is not empty; give a new directory (nothing "
                         "is written over)\n" % self.out)
        self.assertEqual(os.listdir(self.out), ["keep.txt"])

    def test_empty_output_directory_is_used(self):
        self.write("base.yaml", BASE_HEAD + "messages:\n  m: \"hi\"\n")
        os.mkdir(self.out)
        self.assertEqual(glocal("convert", "--to", "mf2", self.src, "--out", self.out)[0], 0)
        self.assertEqual(sorted(os.listdir(self.out)), ["base.yaml"])

    def test_usage(self):
        self.assertEqual(glocal("convert", self.src, "--out", self.out)[0], 2)
        code, _, err = glocal("convert", "--to", "xliff", self.src, "--out", self.out)
        self.assertEqual(code, 2)
        self.assertIn("cannot convert to `xliff` (mf2 is the only target)", err)

    def test_source_that_does_not_open(self):
        self.write("base.yaml", BASE_HEAD + "messages:\n  m: \"{n, plural, one {x}}\"\n")
        code, _, err = glocal("convert", "--to", "mf2", self.src, "--out", self.out)
        self.assertEqual(code, 1, err)
        self.assertFalse(os.path.exists(self.out))


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=1)
