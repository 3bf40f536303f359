"""The editor schema, schema/glocal-bundle.schema.json, against glocal itself.

usage: check_schema.py SCHEMA LOCALES_DIR GLOCAL

Every shipped bundle validates, read as glocal reads it (every scalar a
string) and as a YAML 1.2 editor reads it (1 is a number).  Bundles that the
schema refuses are refused by `glocal lint` too (with an error), and the
base-only keys are refused outside base.yaml.  Uses Debian's
python3-jsonschema and python3-yaml.
"""

import glob
import json
import os
import subprocess
import sys
import tempfile
import unittest

import jsonschema
import yaml

SCHEMA, LOCALES, CLI = sys.argv[1:4]

BASE = """\
glocal: 1
locale: base
language: en
messages:
  greeting:
    _args: {name: text}
    other: "Hello {name}!"
"""

LOCAL = """\
glocal: 1
locale: de
messages:
  greeting: "Hallo {name}!"
"""

FULL_BASE = """\
glocal: 1
locale: base
language: en
profile:
  formality: formal
  tone: warm
  channels: [whatsapp, email, viber]
  time_zone: America/Argentina/Buenos_Aires
axes:
  formality: [polite]
  tone: [cheeky]
  channel: [viber]
channels:
  sms: {max_length: 160}
  viber: {max_length: 1000}
terms:
  brand: Acme
  care-team: "Acme Care"
locked: [legal.footer, -brand]
messages:
  order.delayed:
    _args: {name: text, order: text, eta: date, total: money, n: number}
    _note: Carrier reported a delay.
    other: "Sorry {name}, order {order} is late. New date: {eta, date, medium}."
    formal: "Dear {name}, order {order} is delayed until {eta, date, long}."
    informal+sms: "{-brand}: {order} late, {eta, date, short}."
    polite+cheeky+viber: "{name}, {order}: {total} ({n, number})."
  cart.items: "{count, plural, one {# item} other {# items}}"
  legal.footer: "{-brand} Ltd."
  404_page: "Not found"
"""


def load(text, loader):
    return yaml.load(text, Loader=loader)


class Schema(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        with open(SCHEMA, encoding="utf-8") as f:
            cls.schema = json.load(f)
        jsonschema.Draft202012Validator.check_schema(cls.schema)
        cls.validator = jsonschema.Draft202012Validator(cls.schema)

    def errors(self, text, loader=yaml.BaseLoader):
        return [e.message for e in self.validator.iter_errors(load(text, loader))]

    def lint_errors(self, files):
        """glocal lint's error-level rules for a scratch catalog of `files`."""
        with tempfile.TemporaryDirectory() as d:
            for name, text in files.items():
                with open(os.path.join(d, name), "w", encoding="utf-8") as f:
                    f.write(text)
            p = subprocess.run([CLI, "lint", "--format", "json", d], capture_output=True,
                               text=True, check=False)
            return {x["rule"] for x in json.loads(p.stdout) if x["severity"] == "error"}

    def assert_both_accept(self, files):
        for name, text in files.items():
            for loader in (yaml.BaseLoader, yaml.SafeLoader):
                self.assertEqual(self.errors(text, loader), [], (name, loader.__name__))
        self.assertEqual(self.lint_errors(files), set())

    def assert_both_refuse(self, name, text, base=BASE):
        """The schema refuses the bundle that differs from the good one (the
        local one unless base is given), and glocal lint reports an error."""
        files = {"base.yaml": base, name: text}
        bad = text if base is BASE else base
        for loader in (yaml.BaseLoader, yaml.SafeLoader):
            self.assertNotEqual(self.errors(bad, loader), [], (bad, loader.__name__))
        self.assertNotEqual(self.lint_errors(files), set(), bad)

    # -- what must pass ---------------------------------------------------

    def test_every_shipped_bundle_validates(self):
        files = sorted(glob.glob(os.path.join(LOCALES, "*.yaml")))
        self.assertGreater(len(files), 1)
        for path in files:
            with open(path, encoding="utf-8") as f:
                text = f.read()
            for loader in (yaml.BaseLoader, yaml.SafeLoader):
                with self.subTest(bundle=os.path.basename(path), loader=loader.__name__):
                    self.assertEqual(self.errors(text, loader), [])

    def test_every_key_of_spec_section_2(self):
        self.assert_both_accept({"base.yaml": FULL_BASE, "de-CH.yaml": """\
glocal: "1"
locale: de-CH
parent: de
profile: {formality: polite, channels: [sms]}
terms: {care-team: Acme-Kundendienst}
messages:
  order.delayed:
    other: "Hallo {name}, {order} kommt am {eta, date, long}."
    formal: "Guten Tag {name}, {order} kommt am {eta, date, long}."
    sms: "{-brand}: {order} verspätet."
  cart.items: "{count, plural, one {# Artikel} other {# Artikel}}"
""", "de.yaml": "glocal: 1\nlocale: de\nmessages: {}\n"})

    def test_syntax(self):
        mf2 = "glocal: 1\nsyntax: mf2\nlocale: de\nmessages:\n  greeting: \"Hallo {$name}!\"\n"
        self.assert_both_accept({"base.yaml": BASE, "de.yaml": mf2})
        self.assert_both_accept({"base.yaml": BASE.replace("glocal: 1\n", "glocal: 1\nsyntax: mf1\n"),
                                 "de.yaml": LOCAL})
        self.assert_both_refuse("de.yaml", mf2.replace("syntax: mf2", "syntax: icu"))

    def test_custom_axes(self):
        self.assert_both_accept({"base.yaml": BASE + "axes: {experiment: [arm_a, arm_b], "
                                 "segment: [vip]}\n", "de.yaml": LOCAL})

    # -- base-only keys ------------------------------------------------------

    def test_base_only_top_level_keys_are_refused_elsewhere(self):
        extra = {
            "language": "language: de\n",
            "axes": "axes: {formality: [polite]}\n",
            "channels": "channels: {sms: {max_length: 70}}\n",
        }
        for key, line in extra.items():
            with self.subTest(key=key):
                self.assert_both_refuse("de.yaml", LOCAL + line)

    def test_base_only_message_metadata_is_refused_elsewhere(self):
        for meta in ("_args: {name: text}", "_note: Say hello."):
            with self.subTest(meta=meta):
                self.assert_both_refuse("de.yaml", "glocal: 1\nlocale: de\nmessages:\n"
                                        "  greeting:\n    " + meta + "\n"
                                        "    other: \"Hallo {name}!\"\n")

    def test_base_needs_language_and_has_no_parent(self):
        self.assertNotEqual(self.errors(BASE.replace("language: en\n", "")), [])
        self.assertNotEqual(self.errors(BASE + "parent: en\n"), [])

    # -- what must fail, in glocal and in the schema --------------------------

    def test_refused_like_glocal_refuses(self):
        cases = {
            "unknown top-level key": LOCAL + "mesages: {}\n",
            "wrong version": LOCAL.replace("glocal: 1", "glocal: 2"),
            "missing version": LOCAL.replace("glocal: 1\n", ""),
            "missing messages": "glocal: 1\nlocale: de\n",
            "locale not canonical": LOCAL.replace("locale: de", "locale: DE"),
            "message id with capitals": LOCAL.replace("greeting:", "Greeting:"),
            "nested message map": "glocal: 1\nlocale: de\nmessages:\n  greeting:\n"
                                  "    other: {a: b}\n",
            "message as a list": "glocal: 1\nlocale: de\nmessages:\n  greeting: [a, b]\n",
            "variant key with other": "glocal: 1\nlocale: de\nmessages:\n  greeting:\n"
                                      "    other: a\n    formal+other: b\n",
            "variant key with capitals": "glocal: 1\nlocale: de\nmessages:\n  greeting:\n"
                                         "    other: a\n    Formal: b\n",
            "unknown profile key": LOCAL + "profile: {register: formal}\n",
            "profile channels not a list": LOCAL + "profile: {channels: sms}\n",
            "term name": LOCAL + "terms: {Brand: Acme}\n",
        }
        for what, text in cases.items():
            with self.subTest(what):
                self.assert_both_refuse("de.yaml", text)

    def test_base_metadata_types(self):
        for bad in ("_args: {name: string}", "_args: {1name: text}", "_args: [name]",
                    "_comment: x"):
            with self.subTest(bad=bad):
                self.assert_both_refuse("de.yaml", LOCAL, base=BASE.replace(
                    "_args: {name: text}", bad))

    def test_base_sections(self):
        for bad in ("axes: {locale: [polite]}\n", "axes: {Register: [polite]}\n",
                    "axes: {ab-test: [a, b]}\n", "axes: {formality: [other]}\n",
                    "channels: {sms: {max_length: 0}}\n", "channels: {sms: {max_len: 9}}\n",
                    "locked: [Greeting]\n"):
            with self.subTest(bad=bad):
                self.assert_both_refuse("de.yaml", LOCAL, base=BASE + bad)


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
