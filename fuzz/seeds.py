#!/usr/bin/env python3
"""Writes the seed corpus of one fuzz target into OUT (docs/robustness.md).

Seeds come from the shipped catalog (locales/) and the golden bad-input cases
(tests/robustness/corpus, tests/core/open-errors, tests/lint/cases); the
importer targets' from the importers' fixtures (tests/import/fixtures) and
the hostile inputs fixed before (small versions of each); fuzz-xliff's from
catalogs of locales/ and the files `glocal export` writes for them; fuzz-compiled's
what `glocal compile` writes for locales/ and the core fixtures, and cuts of it
($GLOCAL_CLI, the CLI to run).  Usage:
seeds.py bundle|lint|format|compiled|import-gettext|import-i18next|import-rails|xliff OUT
"""
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MAX_SEED = 64 * 1024
CASE_DIRS = ["tests/robustness/corpus", "tests/core/open-errors", "tests/lint/cases"]


def read(path):
    with open(path, "rb") as f:
        return f.read()


def catalog_input(files):
    """files: [(name without .yaml, bytes)], base first when present."""
    out = b""
    for i, (name, data) in enumerate(files):
        if i or name != "base":
            out += b"#>" + name.encode() + b"\n"
        out += data
        if i + 1 < len(files) and not data.endswith(b"\n"):
            out += b"\n"
    return out


def bundle_seeds():
    loc = os.path.join(ROOT, "locales")
    base = read(os.path.join(loc, "base.yaml"))
    others = sorted(n[:-5] for n in os.listdir(loc) if n.endswith(".yaml") and n != "base.yaml")
    yield catalog_input([("base", base)])
    for o in others:
        yield catalog_input([("base", base), (o, read(os.path.join(loc, o + ".yaml")))])
    yield catalog_input([("base", base)] + [(o, read(os.path.join(loc, o + ".yaml")))
                                            for o in ("de", "de-CH", "es", "es-MX", "ar")])
    for d in CASE_DIRS:
        top = os.path.join(ROOT, d)
        if not os.path.isdir(top):
            continue
        for case in sorted(os.listdir(top)):
            cdir = os.path.join(top, case)
            if not os.path.isdir(cdir):
                continue
            names = sorted(n for n in os.listdir(cdir)
                           if n.endswith(".yaml") and os.path.isfile(os.path.join(cdir, n))
                           and not os.path.islink(os.path.join(cdir, n)))
            names.sort(key=lambda n: n != "base.yaml")
            files = [(n[:-5], read(os.path.join(cdir, n))) for n in names]
            if files and sum(len(b) for _, b in files) <= MAX_SEED:
                yield catalog_input(files)


TEMPLATE = re.compile(r'^\s+(?:[a-z0-9_.+-]+):\s+("(?:[^"\\]|\\.)*")\s*$')


def format_seeds():
    loc = os.path.join(ROOT, "locales")
    seen = set()
    for name in sorted(os.listdir(loc)):
        if not name.endswith(".yaml"):
            continue
        lang = "en" if name == "base.yaml" else name[:-5]
        for line in read(os.path.join(loc, name)).decode().splitlines():
            m = TEMPLATE.match(line)
            if not m or "_note" in line:
                continue
            try:
                text = json.loads(m.group(1))
            except ValueError:
                continue
            if text not in seen:
                seen.add(text)
                yield f"{lang}\n{text}".encode()
    # Edge cases of ICU quoting, plural offsets and nesting, with arguments.
    extra = [
        "en\nIt''s '{x}' and '{-brand}' {x}",
        "en\nIt's {x}",
        "en\n'{x} unpaired {x}",
        "en\n{n, plural, offset:1 =0 {none} one {# one} other {# and {n, number}}}\n@@\nn=i:2",
        "en\n{n, plural, offset:1e309 other {#}}\n@@\nn=i:2",
        "en\n{n, selectordinal, one {#st} two {#nd} few {#rd} other {#th}}\n@@\nn=s:1e3",
        "en\n{g, select, a {{n, plural, one {A} other {B}}} other {{-brand}}}\n@@\ng=t:a\nn=f:1.5",
        "en en-u-nu-arab decl\n{t, number, currency} {d, date, ::yMMMd} {d, time, short}\n@@\n"
        "t=m:19.90 EUR\nd=d:1796117400000",
        "ar ar-EG\n{name} \u200f{-care}\n@@\nname=t:Anna",
        "he he-IL decl\n{x} {y, number, integer}\n@@\nx=t:\u05e9\nx=i:3\ny=s:-0.5",
        "ja\n{d, date, full} {d, time, full}\n@@\nd=d:-62135596800000",
        "pl\n{n, plural, one {# plik} few {# pliki} many {# plików} other {# pliku}}\n@@\nn=f:2.5",
    ]
    for e in extra:
        yield e.encode()


IMPORT_FIXTURES = {"import-gettext": ".po", "import-i18next": ".json", "import-rails": ".yml"}
PO_HEADER = ('msgid ""\nmsgstr ""\n"Language: de\\n"\n'
             '"Content-Type: text/plain; charset=UTF-8\\n"\n"Plural-Forms: nplurals=2; plural=%s;\\n"\n\n'
             'msgid "one item"\nmsgid_plural "%%d items"\nmsgstr[0] "ein Ding"\n'
             'msgstr[1] "%%d Dinge"\n')
# the hostile inputs of docs/robustness.md, each just past or just under its limit
HOSTILE = {
    "import-gettext": [PO_HEADER % e for e in (
        "(0-9223372036854775807-1)/(0-1)", "(0-9223372036854775807-1)%(0-1)",
        "(n*9223372036854775807*4) != 0", "n/0", "n%(n-n)", "(" * 32 + "n" + ")" * 32,
        "(" * 33 + "n" + ")" * 33, "!" * 40 + "n", "n==1?0:" * 20 + "1",
        "n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2")] + [
        # a translator comment with bytes that are not UTF-8 (found by fuzz-import-gettext)
        PO_HEADER % "n != 1" + '\n#. Shown on top \udcff\udcfe\nmsgid "Total"\nmsgstr "Summe"\n',
        # a msgid_plural with bytes that are not UTF-8 (found by fuzz-import-gettext)
        (PO_HEADER % "n != 1").replace('"%d items"', '"%d items \udcf4\udc90\udc80\udc80"')],
    # bytes FF FE in a string; a lone surrogate escape (json-c makes it U+FFFD)
    "import-i18next": ['{"a": "Hi \udcff\udcfe there"}', '{"b": "\\ud800"}',
                       '{"a": ' * 15 + '"x"' + "}" * 15, '{"a": ' * 16 + '"x"' + "}" * 16,
                       '{"k_one": "{{count}} item", "k_other": "{{count}} items", '
                       '"k_formal": "Sie", "k_male": "er", "k": "x"}'],
    "import-rails": ["en:\n  k: " + "[" * 20 + "]" * 20 + "\n",
                     "en:\n" + "".join("  " * (i + 1) + "k%d:\n" % i for i in range(15)) +
                     "  " * 16 + "v: x\n",
                     "en:\n  cart:\n    one: \"%{count} item\"\n    other: \"%{count} items\"\n"
                     "de:\n  cart:\n    other: \"%<count>d Dinge\"\n"],
}


def import_seeds(target):
    fixtures = os.path.join(ROOT, "tests", "import", "fixtures")
    for dirpath, _, names in sorted(os.walk(fixtures)):
        for name in sorted(names):
            if name.endswith(IMPORT_FIXTURES[target]) or (
                    target == "import-gettext" and name.endswith(".pot")):
                yield read(os.path.join(dirpath, name))
    for text in HOSTILE[target]:
        yield text.encode("utf-8", "surrogateescape")


XLIFF_MARKER = b"#@xliff\n"  # fuzz/fuzz_xliff.c
# an initial segment given its source as target, as a translation tool's copy would
INITIAL = re.compile(rb'<segment state="initial">(\s*)<source>(.*?)</source>', re.S)
# small catalogs beside locales/: a term, a plural, a select, an own variant, a locked message
SMALL = [
    [("base", b'glocal: 1\nlocale: base\nlanguage: en\nterms:\n  brand: Acme\n'
              b'locked: [legal]\nmessages:\n'
              b'  hi: "Hello {name}, welcome to {-brand}!"\n'
              b'  cart: "{n, plural, one {# item} other {# items}}"\n'
              b'  who: "{g, select, female {She} male {He} other {They}} paid"\n'
              b'  legal: "(c) {-brand}"\n'),
     ("de", b'glocal: 1\nlocale: de\nmessages:\n  hi: "Hallo {name}, willkommen bei {-brand}!"\n'
            b'  cart:\n    other: "{n, plural, one {# Artikel} other {# Artikel}}"\n'
            b'    formal: "{n, plural, one {Ihr # Artikel} other {Ihre # Artikel}}"\n')],
    [("base", b'glocal: 1\nlocale: base\nlanguage: en\nmessages:\n  quote: "It\'\'s \'{x}\' {x}"\n'),
     ("ar", b'glocal: 1\nlocale: ar\nmessages: {}\n')],
    # a `}` ICU takes literally and a doubled apostrophe in a translation: the round trip
    # rewrote them (found by fuzz-xliff)
    [("base", b'glocal: 1\nlocale: base\nlanguage: en\nmessages:\n  a: "Price}"\n'
              b'  b: "{n} items}"\n  c: "x \'\' y"\n'),
     ("de", b'glocal: 1\nlocale: de\nmessages:\n  a: "Preis}"\n  b: "{n} Dinge}"\n'
            b'  c: "x \'\' y"\n')],
]


MESSAGE = re.compile(rb"^  ([^ #\n][^:\n]*):")


def some_messages(text, ids):
    """The bundle with only the messages whose id is in ids (messages: comes last)."""
    head, sep, body = text.partition(b"\nmessages:\n")
    out, keep = [], False
    for line in body.splitlines(keepends=True):
        m = MESSAGE.match(line)
        if m:
            keep = m.group(1) in ids
        if keep:
            out.append(line)
    return head + sep + b"".join(out)


def message_ids(text):
    return [m.group(1) for m in map(MESSAGE.match, text.partition(b"\nmessages:\n")[2]
                                    .splitlines()) if m]


def exported(cli, files, tag):
    """The XLIFF file `glocal export` writes for the catalog, or None."""
    with tempfile.TemporaryDirectory() as tmp:
        for name, data in files:
            with open(os.path.join(tmp, name + ".yaml"), "wb") as f:
                f.write(data)
        out = os.path.join(tmp, "out.xlf")
        run = subprocess.run([cli, "export", tmp, "--locale", tag, "--out", out],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return read(out) if run.returncode in (0, 1) and os.path.exists(out) else None


def xliff_seeds():
    cli = os.environ.get("GLOCAL_CLI", os.path.join(ROOT, "build", "tools", "glocal"))
    loc = os.path.join(ROOT, "locales")
    base = read(os.path.join(loc, "base.yaml"))
    # base's messages a few at a time, so that an input stays small enough to run fast
    ids = message_ids(base)
    locked = re.search(rb"^locked: \[(.*)\]$", base, re.M)
    locked = set(locked.group(1).split(b", ")) if locked else set()  # base must define them
    chunks = [set(ids[i:i + 4]) | locked for i in range(0, len(ids), 4)]
    others = sorted(n[:-5] for n in os.listdir(loc) if n.endswith(".yaml") and n != "base.yaml")
    axes = os.path.join(ROOT, "tests", "core", "fixtures", "axes")  # custom axes
    catalogs = SMALL + [[(n, read(os.path.join(axes, n + ".yaml"))) for n in ("base", "de")]] + [[("base", some_messages(base, chunk)),
                         (tag, some_messages(read(os.path.join(loc, tag + ".yaml")), chunk))]
                        for k, tag in enumerate(others) for chunk in chunks[k % 3::5]]
    for files in catalogs:
        tags = [name for name, _ in files if name != "base"] or ["de"]
        for tag in tags[:1]:
            xliff = exported(cli, files, tag)
            if xliff is None:
                continue
            filled = INITIAL.sub(rb'<segment state="translated">\1<source>\2</source>'
                                 rb'<target>\2</target>', xliff)
            yield catalog_input(files) + b"\n" + XLIFF_MARKER + xliff
            yield catalog_input(files) + b"\n" + XLIFF_MARKER + filled
    # a DTD; not XLIFF; no trgLang
    small = catalog_input(SMALL[0]) + b"\n" + XLIFF_MARKER
    yield small + b'<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e "x">]>\n<xliff/>\n'
    yield small + b"<html/>\n"
    yield small + (b'<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" '
                   b'srcLang="en"/>\n')


MAX_COMPILED_SEED = 1024 * 1024  # fuzz/run's max_len for fuzz-compiled


def compiled_seeds():
    """What `glocal compile` writes for locales/ and every fixture catalog of
    tests/core/fixtures that opens, and cuts of each (the header alone, half,
    all but the last byte)."""
    cli = os.environ.get("GLOCAL_CLI", os.path.join(ROOT, "build", "tools", "glocal"))
    fixtures = os.path.join(ROOT, "tests", "core", "fixtures")
    dirs = [os.path.join(ROOT, "locales")] + [
        os.path.join(fixtures, d) for d in sorted(os.listdir(fixtures))
        if os.path.isfile(os.path.join(fixtures, d, "base.yaml"))]
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "catalog.glc")
        for d in dirs:
            run = subprocess.run([cli, "compile", d, "-o", out, "--force"],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if run.returncode != 0:
                continue
            image = read(out)
            if len(image) > MAX_COMPILED_SEED:
                continue
            yield image
            for cut in (16, 64, 256, len(image) // 2, len(image) - 1):
                if cut < len(image):
                    yield image[:cut]


def main():
    target, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    if target in IMPORT_FIXTURES:
        gen = import_seeds(target)
    elif target == "xliff":
        gen = xliff_seeds()
    elif target == "compiled":
        gen = compiled_seeds()
    else:
        gen = format_seeds() if target == "format" else bundle_seeds()
    n = 0
    for data in gen:
        digest = hashlib.sha1(data).hexdigest()
        with open(os.path.join(out, digest), "wb") as f:
            f.write(data)
        n += 1
    print(f"seeds: {n} for fuzz-{target} in {out}")


if __name__ == "__main__":
    main()
