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
        self.assertIn("{eta} day", notes["arguments"])

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

    def test_unchanged_file_keeps_the_bundles_own_quoting(self):
        # a `}` ICU takes literally, a doubled apostrophe: import would write them
        # `'}'` and `'` (the same text), so an unchanged target keeps the bundle's
        # spelling (found by fuzz-xliff)
        text = self.cat.read("de.yaml")
        for old, new in (("unterwegs zu Ihnen.", "unterwegs zu Ihnen.}"),
                         ("{order} ist unterwegs!", "''{order}'' ist unterwegs!")):
            self.assertIn(old, text)
            text = text.replace(old, new, 1)
        self.cat.write("de.yaml", text)
        self.assertEqual(self.cat.lint_errors(), [])
        path = self.cat.save(self.cat.export("de"), "de.xlf")
        code, _, err = glocal("import", self.cat.dir, path)
        self.assertEqual(code, 0, err)
        self.assertIn("(0 changed)", err)
        self.assertEqual(self.cat.read("de.yaml"), text)

    def test_new_locale_export_fill_import_lint_render(self):
        os.remove(self.cat.path("it.yaml"))  # the shipped catalog has Italian: start without it
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
        # each passes the per-unit checks, but together they name the same
        # values twice: only the catalog's own rules see it
        for key in ("formal.sms", "sms.formal"):
            unit = copy.deepcopy(us["greeting:formal"])
            unit.set("id", "greeting:" + key)
            fill(unit, lambda t: t.replace("Dear ", "Sehr geehrte/r "))
            tree.getroot().find("x:file", X).append(unit)
        before = snapshot(self.cat.dir)
        code, _, err = glocal("import", self.cat.dir, self.cat.save(tree, "de.xlf"))
        self.assertEqual(code, 3, err)
        self.assertRegex(err, r"de\.yaml:\d+:\d+: error: variant keys `formal\+sms` and "
                              r"`sms\+formal` name the same values \[selector\]")
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


def data_of(unit, ref):
    return next(d for d in unit.iter(q("data")) if d.get("id") == ref)


class RefusedUnits(unittest.TestCase):
    """A unit the catalog cannot take is refused on its own, said with its
    line and why (status 1); the bundle is written only when another unit
    changed it (hostile-input finding xliff-import-breaks-catalog)."""

    def setUp(self):
        self.cat = Catalog()
        self.addCleanup(self.cat.tmp.cleanup)
        self.tree = self.cat.export("de")
        self.units = units(self.tree)
        self.greeting = self.units["greeting:other"]

    def refused(self, why):
        """Imports the file: status 1, the unit named with why, and every file
        of the catalog as it was, byte for byte."""
        before = snapshot(self.cat.dir)
        code, _, err = glocal("import", self.cat.dir, self.cat.save(self.tree, "de.xlf"))
        self.assertEqual(code, 1, err)
        self.assertRegex(err, r"de\.xlf:\d+: unit `[^`]+`: " + why + ".*; not imported\n")
        self.assertIn(", 1 refused\n", err)
        self.assertEqual(snapshot(self.cat.dir), before)
        return err

    def approve_de_footer(self):
        """base approves de's version of legal.footer; de.yaml defines and locks it."""
        self.cat.write("base.yaml", self.cat.read("base.yaml").replace(
            "locked: [legal.footer, -brand]", "locked: {legal.footer: [de], -brand: []}"))
        self.cat.write("de.yaml", self.cat.read("de.yaml").replace(
            "\nmessages:\n", "\nlocked: [legal.footer]\nmessages:\n  legal.footer: "
            "\"{-brand} GmbH, eingetragen beim Amtsgericht Berlin.\"\n", 1))
        self.assertEqual(self.cat.lint_errors(), [])

    def test_an_approved_locked_line_is_not_exported(self):
        self.approve_de_footer()
        for tag in ("de", "de-CH"):
            self.assertNotIn("legal.footer:other", units(self.cat.export(tag)), tag)
        self.assertIn("greeting:other", units(self.cat.export("de-CH")))

    def test_an_approved_locked_line_is_refused(self):
        self.approve_de_footer()
        self.assertEqual(self.cat.render("legal.footer", "--locale", "de-CH"),
                         "Kestrel GmbH, eingetragen beim Amtsgericht Berlin.")
        self.greeting.set("id", "legal.footer:other")
        self.refused(r"the message is locked: de\.yaml's approved text is served \(its "
                     r"`locked:`\), and no import changes it")

    def test_unknown_variant_key(self):
        self.greeting.set("id", "greeting:bogus")
        self.refused(r"variant key `bogus`: `bogus` is not a value of any axis of this catalog")

    def test_axis_named_twice(self):
        self.greeting.set("id", "greeting:formal.informal")
        self.refused(r"variant key `formal\+informal` names the formality axis twice")

    def test_empty_value_in_a_key(self):
        self.greeting.set("id", "greeting:formal..sms")
        self.refused(r"variant key `formal\+\+sms`: `` is not a value of any axis")

    def test_argument_injected_through_original_data(self):
        data_of(self.greeting, "d1").text = "{name} {password}"
        self.refused(r"inline code `d1` was edited: the file has `\{name\} \{password\}`, "
                     r"the catalog `\{name\}`")

    def test_argument_retyped_through_original_data(self):
        data_of(self.greeting, "d1").text = "{name, date, full}"
        self.refused(r"inline code `d1` was edited: the file has `\{name, date, full\}`")

    def test_code_invented_in_original_data(self):
        data = ET.SubElement(self.greeting.find("x:originalData", X), q("data"), id="d2")
        data.text = "{password}"
        ph = ET.SubElement(self.greeting.find("x:segment/x:target", X), q("ph"),
                           id="2", dataRef="d2")
        ph.tail = "!"
        self.refused(r"<originalData> has `d2`, a code glocal export did not write")

    def test_code_invented_in_the_target(self):
        ph = ET.SubElement(self.greeting.find("x:segment/x:target", X), q("ph"),
                           id="9", dataRef="d9")
        ph.tail = "!"
        self.refused(r"an inline code without its originalData")

    def test_code_dropped_although_cannot_delete(self):
        fill(self.greeting, lambda t: t)
        target = self.greeting.find("x:segment/x:target", X)
        for ph in list(target):
            target.remove(ph)
        target.text = "Hallo,"
        self.refused(r"the target drops inline code `\{name\}` \(canDelete=\"no\"\); keep it")

    def test_plural_branch_dropped(self):
        unit = self.units["cart.items:other"]
        target = unit.find("x:segment/x:target", X)
        zero = next(pc for pc in target.iter(q("pc")) if pc.get("dispStart").strip() == "=0 {")
        target.remove(zero)
        self.refused(r"the target drops inline code ` ?=0 \{` \(canDelete=\"no\"\)")

    def test_the_bundle_is_rebuilt_from_the_catalogs_codes(self):
        # without <originalData> the codes still come from the catalog: what
        # the translator's tool says a code is never reaches the bundle
        fill(self.greeting, lambda t: t.replace("Hi ", "Servus "))
        self.greeting.remove(self.greeting.find("x:originalData", X))
        for ph in self.greeting.iter(q("ph")):
            ph.set("disp", "{password}")
        code, _, err = glocal("import", self.cat.dir, self.cat.save(self.tree, "de.xlf"))
        self.assertEqual(code, 0, err)
        self.assertIn('other: "Servus {name},"', self.cat.read("de.yaml"))
        self.assertNotIn("password", self.cat.read("de.yaml"))

    def test_a_spelled_out_number_may_drop_the_pound(self):
        # `#` is the one code a translation may leave out ("eine Minute")
        unit = self.units["cart.items:other"]
        pound = [p for p in unit.iter(q("ph")) if p.get("disp") == "#"]
        self.assertTrue(pound)
        self.assertTrue(all(p.get("canDelete") is None for p in pound))
        target = unit.find("x:segment/x:target", X)
        one = next(pc for pc in target.iter(q("pc")) if pc.get("dispStart").strip() == "one {")
        for ph in list(one):
            one.remove(ph)
        one.text = "Ein Artikel im Warenkorb"
        code, _, err = glocal("import", self.cat.dir, self.cat.save(self.tree, "de.xlf"))
        self.assertEqual(code, 0, err)
        self.assertIn("one {Ein Artikel im Warenkorb}", self.cat.read("de.yaml"))

    def test_good_units_merge_when_others_are_refused(self):
        self.greeting.set("id", "greeting:bogus")
        bad = self.units["signoff:other"]
        data_of(bad, "d1").text = "{agent} {password}"
        fill(bad, lambda t: t.replace("Freundliche Grüße", "Beste Grüße"))
        fill(self.units["greeting:informal"], lambda t: t.replace("Hey ", "Moin "))
        before = self.cat.read("de.yaml")
        code, _, err = glocal("import", self.cat.dir, self.cat.save(self.tree, "de.xlf"))
        self.assertEqual(code, 1, err)
        self.assertIn("unit `greeting:bogus`", err)
        self.assertIn("unit `signoff:other`", err)
        self.assertIn("(1 changed)", err)
        self.assertIn(", 2 refused\n", err)
        after = self.cat.read("de.yaml")
        self.assertIn("Moin {name}", after)
        changed = [l for l in before.splitlines() if l not in after.splitlines()]
        self.assertEqual(len(changed), 1, changed)
        self.assertNotIn("password", after)
        self.assertNotIn("bogus", after)
        self.assertEqual(self.cat.lint_errors(), [])


class Dtd(unittest.TestCase):
    """A DTD is refused before any entity is declared: glocal expands none,
    and an entity reference must not vanish from a translation silently
    (hostile-input finding xliff-entities-dropped)."""

    def setUp(self):
        self.cat = Catalog()
        self.addCleanup(self.cat.tmp.cleanup)
        tree = self.cat.export("de")
        fill(units(tree)["greeting:other"], lambda t: t.replace("Hi ", "Hallo &e; "))
        text = ET.tostring(tree.getroot(), encoding="unicode").replace("&amp;e;", "&e;")
        self.body = text

    def refused(self, doctype):
        path = os.path.join(self.cat.tmp.name, "de.xlf")
        with open(path, "w", encoding="utf-8") as f:
            f.write('<?xml version="1.0" encoding="UTF-8"?>\n' + doctype + "\n" + self.body)
        before = snapshot(self.cat.dir)
        code, out, err = glocal("import", self.cat.dir, path)
        self.assertEqual(code, 2, err)
        self.assertIn("de.xlf:2: a DTD (<!DOCTYPE>): XLIFF needs none, and glocal reads no "
                      "entity declarations; remove it", err)
        self.assertNotIn("root:", out + err)
        self.assertEqual(snapshot(self.cat.dir), before)

    def test_internal_entity(self):
        self.refused('<!DOCTYPE xliff [<!ENTITY e "Welt">]>')

    def test_external_entity(self):
        self.refused('<!DOCTYPE xliff [<!ENTITY e SYSTEM "file:///etc/passwd">]>')

    def test_entity_expansion(self):
        laughs = "".join('<!ENTITY l%d "%s">' % (i, ("&l%d;" % (i - 1)) * 10 if i else "ha")
                         for i in range(10))
        self.refused("<!DOCTYPE xliff [%s<!ENTITY e \"&l9;\">]>" % laughs)

    def test_external_subset(self):
        self.refused('<!DOCTYPE xliff SYSTEM "file:///etc/passwd">')

    def test_undeclared_entity_is_not_well_formed(self):
        path = os.path.join(self.cat.tmp.name, "de.xlf")
        with open(path, "w", encoding="utf-8") as f:
            f.write(self.body)
        code, _, err = glocal("import", self.cat.dir, path)
        self.assertEqual(code, 2, err)
        self.assertIn("not well-formed XML: Entity 'e' not defined", err)


class CustomAxes(unittest.TestCase):
    """Variant keys with the values of a catalog's own axes
    (docs/bundles.md#custom-axes) go out and come back like any other."""

    FIXTURE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "core",
                           "fixtures", "axes")

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)
        self.dir = os.path.join(self.tmp.name, "axes")
        shutil.copytree(self.FIXTURE, self.dir)
        self.out = os.path.join(self.tmp.name, "de.xlf")
        code, _, err = glocal("export", self.dir, "--locale", "de", "--out", self.out)
        self.assertEqual(code, 0, err)
        self.tree = ET.parse(self.out)
        self.units = units(self.tree)

    def import_(self):
        self.tree.write(self.out, xml_declaration=True, encoding="UTF-8")
        return glocal("import", self.dir, self.out)

    def bundle(self):
        with open(os.path.join(self.dir, "de.yaml"), encoding="utf-8") as f:
            return f.read()

    def test_notes_name_the_custom_axes(self):
        notes = {n.get("category"): n.text for n in self.units["promo:vip.arm_b"].iter(q("note"))}
        self.assertEqual(notes["variant"], "Variant `vip+arm_b`: used when the segment is vip "
                                           "and the experiment is arm_b.")
        notes = {n.get("category"): n.text for n in self.units["promo:kiosk"].iter(q("note"))}
        self.assertEqual(notes["variant"], "Variant `kiosk`: used when the channel is kiosk.")
        # the bundle's own keys with custom values, as translated units
        self.assertEqual(self.units["promo:newcomer.arm_a"].find("x:segment", X).get("state"),
                         "translated")

    def test_round_trip(self):
        code, _, err = self.import_()
        self.assertEqual(code, 0, err)
        self.assertIn("(0 changed)", err)
        fill(self.units["promo:vip.arm_b"], lambda t: "Ihr privates Angebot (B)")
        fill(self.units["promo:formal.vip"], lambda t: "Ihr exklusives Angebot")
        fill(self.units["promo:newcomer.arm_a"], lambda t: "Willkommen: Angebot A")
        code, _, err = self.import_()
        self.assertEqual(code, 0, err)
        self.assertIn("(3 changed)", err)
        text = self.bundle()
        self.assertIn('    vip+arm_b: "Ihr privates Angebot (B)"\n', text)
        self.assertIn('    formal+vip: "Ihr exklusives Angebot"\n', text)
        self.assertIn('    newcomer+arm_a: "Willkommen: Angebot A"\n', text)
        _, out, _ = glocal("lint", self.dir)
        self.assertNotIn(": error: ", out)

    def test_custom_axis_named_twice_or_unknown(self):
        for key, why in (("arm_a.arm_b", r"variant key `arm_a\+arm_b` names the experiment "
                                         r"axis twice"),
                         ("vip.arm_c", r"variant key `vip\+arm_c`: `arm_c` is not a value")):
            unit = copy.deepcopy(self.units["promo:arm_b"])
            unit.set("id", "promo:" + key)
            fill(unit, lambda t: "Angebot")
            self.tree.getroot().find("x:file", X).append(unit)
            before = self.bundle()
            code, _, err = self.import_()
            self.assertEqual(code, 1, err)
            self.assertRegex(err, r"unit `promo:%s`: %s" % (key.replace(".", r"\."), why))
            self.assertEqual(self.bundle(), before)
            self.tree.getroot().find("x:file", X).remove(unit)


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
