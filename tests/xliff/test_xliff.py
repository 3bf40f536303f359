"""XLIFF 2.0 round trip: glocal export, a translator's edits, glocal import.

usage: test_xliff.py GLOCAL LOCALES_DIR

Works on copies of the shipped catalog.  Export a locale, check the file
(units, states, notes, protected codes, plural categories of the target
language), fill in targets as a translation tool would, import, then lint
and render the result.  Standard library only.
"""

import copy
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import unittest
import xml.etree.ElementTree as ET

CLI, LOCALES = sys.argv[1:3]
NS = "urn:oasis:names:tc:xliff:document:2.0"
X = {"x": NS}
ET.register_namespace("", NS)


def q(tag):
    return "{%s}%s" % (NS, tag)


def glocal(*args, max_file_size=None):
    def limit():  # ulimit -f in the child only
        resource.setrlimit(resource.RLIMIT_FSIZE, (max_file_size, max_file_size))

    p = subprocess.run([CLI, *args], capture_output=True, text=True, check=False,
                       preexec_fn=limit if max_file_size else None)
    return p.returncode, p.stdout, p.stderr


def snapshot(directory):
    """Every file of directory (hidden ones too: a temporary file left behind
    shows) with its bytes."""
    files = {}
    for name in os.listdir(directory):
        path = os.path.join(directory, name)
        if os.path.isfile(path):
            with open(path, "rb") as f:
                files[name] = f.read()
    return files


class Catalog:
    """A scratch copy of the shipped catalog."""

    def __init__(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = os.path.join(self.tmp.name, "locales")
        shutil.copytree(LOCALES, self.dir)

    def path(self, name):
        return os.path.join(self.dir, name)

    def read(self, name):
        with open(self.path(name), encoding="utf-8") as f:
            return f.read()

    def write(self, name, text):
        with open(self.path(name), "w", encoding="utf-8") as f:
            f.write(text)

    def export(self, locale):
        out = os.path.join(self.tmp.name, locale + ".xlf")
        code, _, err = glocal("export", self.dir, "--locale", locale, "--out", out)
        assert code == 0, err
        return ET.parse(out)

    def save(self, tree, name):
        out = os.path.join(self.tmp.name, name)
        tree.write(out, xml_declaration=True, encoding="UTF-8")
        return out

    def lint_errors(self):
        _, out, _ = glocal("lint", self.dir)
        return [line for line in out.splitlines() if ": error: " in line]

    def render(self, *args):
        code, out, err = glocal("render", self.dir, *args)
        assert code == 0, err
        return out.rstrip("\n")


def units(tree):
    return {u.get("id"): u for u in tree.getroot().iter(q("unit"))}


def fill(unit, text_of, state="translated"):
    """Gives the unit a target: its source with every text run mapped by
    text_of, codes kept (what a translation tool does)."""
    seg = unit.find("x:segment", X)
    old = seg.find("x:target", X)
    if old is not None:
        seg.remove(old)
    target = copy.deepcopy(seg.find("x:source", X))
    target.tag = q("target")

    def walk(e):
        if e.text:
            e.text = text_of(e.text)
        for c in e:
            walk(c)
            if c.tail:
                c.tail = text_of(c.tail)

    walk(target)
    seg.append(target)
    seg.set("state", state)


class Export(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.cat = Catalog()
        cls.tree = cls.cat.export("de")
        cls.units = units(cls.tree)

    @classmethod
    def tearDownClass(cls):
        cls.cat.tmp.cleanup()

    def test_document(self):
        root = self.tree.getroot()
        self.assertEqual(root.tag, q("xliff"))
        self.assertEqual((root.get("version"), root.get("srcLang"), root.get("trgLang")),
                         ("2.0", "en", "de"))
        self.assertEqual(root.find("x:file", X).get("original"), "de.yaml")

    def test_every_variant_base_defines_except_locked(self):
        self.assertIn("order.delayed:other", self.units)
        self.assertIn("order.delayed:formal", self.units)
        self.assertIn("order.delayed:sms", self.units)
        self.assertNotIn("legal.footer:other", self.units)  # locked
        self.assertIn("-care-team", self.units)              # a term
        self.assertNotIn("-brand", self.units)               # a locked term

    def test_variants_only_the_bundle_has(self):
        # de.yaml adds `informal` to greeting; base has no such variant
        u = self.units["greeting:informal"]
        self.assertEqual(u.find("x:segment", X).get("state"), "translated")
        self.assertIn("{name}", "".join(u.find("x:segment/x:source", X).itertext()) +
                      "".join(p.get("disp") for p in u.iter(q("ph"))))

    def test_states_and_targets(self):
        seg = self.units["order.delayed:other"].find("x:segment", X)
        self.assertEqual(seg.get("state"), "translated")
        self.assertIsNotNone(seg.find("x:target", X))
        missing = [u for u in self.units.values()
                   if u.find("x:segment", X).get("state") == "initial"]
        for u in missing:
            self.assertIsNone(u.find("x:segment/x:target", X))

    def test_notes(self):
        notes = {n.get("category"): n.text
                 for n in self.units["order.delayed:sms"].iter(q("note"))}
        self.assertIn("Apologise", notes["description"])          # base's _note
        self.assertIn("channel is sms", notes["variant"])
        self.assertIn("160", notes["length"])
        self.assertIn("{eta} date", notes["arguments"])

    def test_arguments_and_terms_are_protected_codes(self):
        u = self.units["order.delayed:sms"]
        data = {d.get("id"): d.text for d in u.iter(q("data"))}
        source = u.find("x:segment/x:source", X)
        phs = list(source.iter(q("ph")))
        self.assertEqual([data[p.get("dataRef")] for p in phs],
                         ["{-brand}", "{order}", "{eta, date, medium}"])
        for p in phs:
            self.assertEqual((p.get("canCopy"), p.get("canDelete")), ("no", "no"))
        self.assertNotIn("{", "".join(source.itertext()))  # no syntax left as text

    def test_target_codes_share_the_source_ids(self):
        for u in self.units.values():
            data = {d.get("id"): d.text for d in u.iter(q("data"))}
            target = u.find("x:segment/x:target", X)
            if target is None:
                continue
            refs = [p for p in u.find("x:segment/x:source", X).iter(q("ph"))]
            once = [p for p in refs if [r.get("dataRef") for r in refs].count(p.get("dataRef")) == 1]
            src = {data[p.get("dataRef")]: p.get("id") for p in once}
            for p in target.iter(q("ph")):
                if data[p.get("dataRef")] in src:
                    self.assertEqual(p.get("id"), src[data[p.get("dataRef")]], u.get("id"))

    def test_plurals_carry_the_target_languages_categories(self):
        ru = units(self.cat.export("ru"))["cart.items:other"]
        keys = [pc.get("dispStart").strip() for pc in ru.find("x:segment/x:source", X).iter(q("pc"))]
        self.assertEqual(keys, ["=0 {", "one {", "few {", "many {", "other {"])
        ja = units(self.cat.export("ja"))["cart.items:other"]
        keys = [pc.get("dispStart").strip() for pc in ja.find("x:segment/x:source", X).iter(q("pc"))]
        self.assertEqual(keys, ["=0 {", "other {"])

    def test_keywords_in_any_case_are_plural_syntax(self):
        # ICU reads {n, PLURAL, ...} as a plural: its branches are codes and its
        # text is text (hostile-input finding plural-keyword-case), and the
        # translator gets the target language's categories.
        with tempfile.TemporaryDirectory() as tmp:
            with open(os.path.join(tmp, "base.yaml"), "w", encoding="utf-8") as f:
                f.write('glocal: 1\nlocale: base\nlanguage: en\nmessages:\n'
                        '  items: "{n, PLURAL, one {# item} other {# items}}"\n')
            out = os.path.join(tmp, "ru.xlf")
            code, _, err = glocal("export", tmp, "--locale", "ru", "--out", out)
            self.assertEqual(code, 0, err)
            tree = ET.parse(out)
            unit = units(tree)["items:other"]
            source = unit.find("x:segment/x:source", X)
            keys = [pc.get("dispStart").strip() for pc in source.iter(q("pc"))]
            self.assertEqual(keys, ["one {", "few {", "many {", "other {"])
            phs = [p.get("disp") for p in source.iter(q("ph"))]
            self.assertEqual(phs, ["{n, PLURAL, "] + ["#"] * 4 + ["}"])
            self.assertNotIn("{", "".join(source.itertext()))
            fill(unit, lambda t: t.replace(" items", " шт.").replace(" item", " шт."))
            tree.write(out, xml_declaration=True, encoding="UTF-8")
            code, _, err = glocal("import", tmp, out)
            self.assertEqual(code, 0, err)
            code, text, err = glocal("render", tmp, "items", "--locale", "ru", "n=5")
            self.assertEqual((code, text), (0, "5 шт.\n"), err)

    def test_out_is_a_plain_file_name(self):
        # libxml2's own output would read it as a URI and write "a b.xlf"
        out = os.path.join(self.cat.tmp.name, "a%20b.xlf")
        self.assertEqual(glocal("export", self.cat.dir, "--locale", "de", "--out", out)[0], 0)
        self.assertTrue(os.path.exists(out))
        self.assertFalse(os.path.exists(os.path.join(self.cat.tmp.name, "a b.xlf")))

    def test_failed_export_leaves_the_file_as_it_was(self):
        out_dir = os.path.join(self.cat.tmp.name, "out")
        os.makedirs(out_dir)
        out = os.path.join(out_dir, "de.xlf")
        self.assertEqual(glocal("export", self.cat.dir, "--locale", "de", "--out", out)[0], 0)
        before = snapshot(out_dir)
        self.assertGreater(len(before["de.xlf"]), 8192)
        code, _, err = glocal("export", self.cat.dir, "--locale", "de", "--out", out,
                              max_file_size=8192)
        self.assertEqual(code, 2, err)
        self.assertIn("cannot write " + out + ": File too large", err)
        self.assertEqual(snapshot(out_dir), before)  # whole, and no temporary file left
        missing = os.path.join(self.cat.tmp.name, "no-such-dir", "de.xlf")
        self.assertEqual(glocal("export", self.cat.dir, "--locale", "de", "--out", missing)[0], 2)

    def test_usage_errors(self):
        self.assertEqual(glocal("export", self.cat.dir)[0], 2)
        self.assertEqual(glocal("export", self.cat.dir, "--locale", "x!")[0], 2)
        self.assertEqual(glocal("export", self.cat.dir, "--locale", "base")[0], 2)
        self.assertEqual(glocal("export", self.cat.dir, "--locale", "de-u-nu-arab")[0], 2)


class RoundTrip(unittest.TestCase):
    def setUp(self):
        self.cat = Catalog()
        self.addCleanup(self.cat.tmp.cleanup)

    def test_unchanged_file_changes_nothing(self):
        before = self.cat.read("de.yaml")
        path = self.cat.save(self.cat.export("de"), "de.xlf")
        code, _, err = glocal("import", self.cat.dir, path)
        self.assertEqual(code, 0, err)
        self.assertIn("(0 changed)", err)
        self.assertEqual(self.cat.read("de.yaml"), before)

    def test_new_locale_export_fill_import_lint_render(self):
        tree = self.cat.export("it")
        us = units(tree)
        self.assertTrue(all(u.find("x:segment", X).get("state") == "initial" for u in us.values()))
        words = {"Hi ": "Ciao ", "Dear ": "Gentile ", "Hey ": "Ehi ", " items": " articoli",
                 " item": " articolo", "Your cart is empty": "Il carrello è vuoto",
                 "Kestrel Care": "Assistenza Kestrel"}

        def italian(text):
            for en, it in words.items():
                text = text.replace(en, it)
            return text

        for u in us.values():
            fill(u, italian)
        # literal braces, apostrophes and `#` typed by the translator stay text
        fill(us["greeting:informal"], lambda t: t.replace("Hey ", "Ehi {ciao} l'amico ")
             .replace("!", "! #1"))
        path = self.cat.save(tree, "it.xlf")
        code, _, err = glocal("import", self.cat.dir, path)
        self.assertEqual(code, 0, err)
        self.assertTrue(os.path.exists(self.cat.path("it.yaml")))
        self.assertEqual(self.cat.lint_errors(), [])
        self.assertEqual(self.cat.render("greeting", "--locale", "it", "name=Anna"), "Ciao Anna,")
        self.assertEqual(self.cat.render("greeting", "--locale", "it", "--formality", "informal",
                                         "name=Anna"), "Ehi {ciao} l'amico Anna! #1")
        self.assertEqual(self.cat.render("cart.items", "--locale", "it", "count=0"),
                         "Il carrello è vuoto")
        self.assertEqual(self.cat.render("cart.items", "--locale", "it", "count=3"),
                         "3 articoli in your cart")
        # a term
        self.assertIn('care-team: "Assistenza Kestrel"', self.cat.read("it.yaml"))

    def test_merge_keeps_order_header_and_untouched_entries(self):
        before = self.cat.read("de.yaml")
        tree = self.cat.export("de")
        us = units(tree)
        fill(us["greeting:other"], lambda t: t.replace("Hi ", "Servus "))
        # a variant de.yaml does not have yet (its source is base's)
        fill(us["order.delayed:whatsapp"], lambda t: "Hallo " + t[len("Hi "):] if
             t.startswith("Hi ") else t)
        code, _, err = glocal("import", self.cat.dir, self.cat.save(tree, "de.xlf"))
        self.assertEqual(code, 0, err)
        after = self.cat.read("de.yaml")
        self.assertTrue(after.startswith(before.split("glocal: 1")[0]))  # header comments
        removed = [l for l in before.splitlines() if l not in after.splitlines()]
        added = [l for l in after.splitlines() if l not in before.splitlines()]
        self.assertEqual(removed, ['    other: "Hallo {name},"'])
        self.assertEqual(added[0], '    other: "Servus {name},"')
        self.assertEqual(len(added), 2, added)
        self.assertTrue(added[1].startswith('    whatsapp: "Hallo {name}, we’re sorry'), added)
        self.assertIn("😕", added[1])  # written as itself, not as a \U escape
        # the new variant lands at the end of its message, the rest in place
        lines = after.splitlines()
        at = lines.index(added[1])
        self.assertTrue(lines[at - 1].startswith("    sms: "), lines[at - 1])
        self.assertEqual(lines[at + 1], "")
        self.assertEqual(self.cat.render("greeting", "--locale", "de", "name=Anna"),
                         "Servus Anna,")
        self.assertEqual(self.cat.lint_errors(), [])

    def test_comments_that_cannot_be_kept_are_reported(self):
        self.cat.write("it.yaml", "# Italian\nglocal: 1\nlocale: it\nmessages:\n"
                       "  help.hours: \"Il nostro team risponde\"  # ore 9–17 ☎\n"
                       "  # the greeting\n  greeting: \"Ciao {name}, # non un commento\"\n")
        tree = self.cat.export("it")
        fill(units(tree)["greeting:other"], lambda t: t.replace("Hi ", "Salve "))
        code, _, err = glocal("import", self.cat.dir, self.cat.save(tree, "it.xlf"))
        self.assertEqual(code, 0, err)
        self.assertIn("it.yaml", err)
        self.assertIn("2 comments are dropped (lines 5, 6)", err)
        text = self.cat.read("it.yaml")
        self.assertTrue(text.startswith("# Italian\n"))
        self.assertIn('help.hours: "Il nostro team risponde"\n', text)
        self.assertIn('greeting: "Salve {name},"', text)

    def test_initial_state_is_skipped_unless_all(self):
        tree = self.cat.export("de")
        fill(units(tree)["greeting:other"], lambda t: t.replace("Hi ", "Moin "),
             state="initial")
        path = self.cat.save(tree, "de.xlf")
        glocal("import", self.cat.dir, path)
        self.assertNotIn("Moin", self.cat.read("de.yaml"))
        code, _, err = glocal("import", "--all", self.cat.dir, path)
        self.assertEqual(code, 0, err)
        self.assertIn("Moin {name},", self.cat.read("de.yaml"))

    def test_broken_targets_are_refused_with_their_line(self):
        tree = self.cat.export("de")
        us = units(tree)
        seg = us["order.delayed:other"].find("x:segment", X)
        target = seg.find("x:target", X)
        for c in list(target):
            if c.tag == q("ph"):
                c.set("dataRef", "nope")  # a code whose data is gone
        fill(us["signoff:other"], lambda t: t.replace("Best wishes", "Viele Grüße"))
        path = self.cat.save(tree, "de.xlf")
        before = self.cat.read("de.yaml")
        code, _, err = glocal("import", self.cat.dir, path)
        self.assertEqual(code, 1, err)
        self.assertRegex(err, r"de\.xlf:\d+: unit `order\.delayed:other`: an inline code "
                              r"without its originalData; not imported")
        # the other units are taken; the refused one stays as it was
        after = self.cat.read("de.yaml")
        self.assertIn("Viele Grüße, {agent}", after)
        self.assertEqual([l for l in before.splitlines() if "order.delayed" in l or
                          "Es tut uns aufrichtig leid" in l],
                         [l for l in after.splitlines() if "order.delayed" in l or
                          "Es tut uns aufrichtig leid" in l])

    def test_unreadable_bundle_is_an_error_and_stays_as_it_was(self):
        tree = self.cat.export("de")
        fill(units(tree)["greeting:other"], lambda t: t.replace("Hi ", "Servus "))
        path = self.cat.save(tree, "de.xlf")
        self.cat.write("de.yaml", self.cat.read("de.yaml") + "\tbroken: \"pasted with a tab\"\n")
        before = snapshot(self.cat.dir)
        code, _, err = glocal("import", self.cat.dir, path)
        self.assertEqual(code, 2, err)
        self.assertRegex(err, r"de\.yaml:\d+:1: ")
        self.assertEqual(snapshot(self.cat.dir), before)

    def test_unit_that_adds_a_lint_error_refuses_the_file(self):
        tree = self.cat.export("de")
        us = units(tree)
        fill(us["signoff:other"], lambda t: t.replace("Best wishes", "Viele Grüße"))
        # compiles, but `bogus` is no variant key this catalog knows
        fill(us["greeting:other"], lambda t: t.replace("Hi ", "Servus "))
        us["greeting:other"].set("id", "greeting:bogus")
        before = snapshot(self.cat.dir)
        code, _, err = glocal("import", self.cat.dir, self.cat.save(tree, "de.xlf"))
        self.assertEqual(code, 3, err)
        self.assertRegex(err, r"de\.yaml:\d+:\d+: error: variant key `bogus`.*\[selector\]")
        self.assertIn("refused: writing would add 1 lint error", err)
        self.assertIn("nothing written", err)
        # the whole file is refused: the good unit is not written either
        self.assertEqual(snapshot(self.cat.dir), before)

    def test_not_xliff(self):
        bad = os.path.join(self.cat.tmp.name, "bad.xlf")
        with open(bad, "w") as f:
            f.write("<xliff version='1.2'><file/></xliff>")
        self.assertEqual(glocal("import", self.cat.dir, bad)[0], 2)
        with open(bad, "w") as f:
            f.write("<xliff")
        self.assertEqual(glocal("import", self.cat.dir, bad)[0], 2)


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
