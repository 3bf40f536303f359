#!/usr/bin/env python3
"""Times the three importers (import-i18next, import-gettext, import-rails) at
two input sizes and prints the ratio between them: a ratio near the ratio of
the sizes (2 by default) is linear, near its square quadratic.

    bench/importers.py [--glocal PATH] [SMALL LARGE]   (messages; 20000 40000)

Each input holds that many messages: i18next keys with `_x` suffixes (the
shape that once made the context detection scan every key per key) and
plural pairs, a PO file with msgctxt and msgids that slug alike, Rails keys
nested two levels with plural maps.  Each import runs into a fresh directory,
twice; the faster run counts.  Standard library only.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def write_inputs(d, n):
    os.makedirs(os.path.join(d, "en"), exist_ok=True)
    keys = {}
    for i in range(n):
        if i % 10 == 0:
            keys[f"items{i}_one"] = "{{count}} item"
            keys[f"items{i}_other"] = "{{count}} items"
        else:
            keys[f"k{i}_x"] = f"value {i} for {{{{name}}}}"
    with open(os.path.join(d, "en", "translation.json"), "w", encoding="utf-8") as f:
        json.dump(keys, f, indent=1)
    with open(os.path.join(d, "de.po"), "w", encoding="utf-8") as f:
        f.write('msgid ""\nmsgstr ""\n"Language: de\\n"\n'
                '"Content-Type: text/plain; charset=UTF-8\\n"\n'
                '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n')
        for i in range(n):
            if i % 10 == 0:
                f.write(f'msgid "One file {i}"\nmsgid_plural "%d files {i}"\n'
                        f'msgstr[0] "Eine Datei {i}"\nmsgstr[1] "%d Dateien {i}"\n\n')
            else:
                f.write(f'msgctxt "menu"\nmsgid "Open the file {i}!"\n'
                        f'msgstr "Datei {i} öffnen!"\n\n')
    with open(os.path.join(d, "en.yml"), "w", encoding="utf-8") as f:
        f.write("en:\n")
        for g in range(0, n, 100):
            f.write(f"  group{g}:\n")
            for i in range(g, min(g + 100, n)):
                if i % 10 == 0:
                    f.write(f'    items{i}:\n      one: "%{{count}} item"\n'
                            f'      other: "%{{count}} items"\n')
                else:
                    f.write(f'    k{i}: "value {i} for %{{name}}"\n')


IMPORTS = [("i18next", ["en/translation.json"]), ("gettext", ["de.po"]),
           ("rails", ["en.yml"])]


def time_import(glocal, d, fmt, files):
    best = None
    for _ in range(2):
        out = os.path.join(d, "out")
        shutil.rmtree(out, ignore_errors=True)
        start = time.perf_counter()
        p = subprocess.run([glocal, "import-" + fmt, *files, "--out", out], cwd=d,
                           capture_output=True, text=True, check=False)
        took = time.perf_counter() - start
        if p.returncode > 1:
            sys.exit(f"import-{fmt} failed ({p.returncode}): {p.stderr[-2000:]}")
        best = took if best is None else min(best, took)
    return best


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--glocal", default=os.path.join(ROOT, "build", "tools", "glocal"))
    ap.add_argument("sizes", nargs="*", type=int, default=[20000, 40000])
    args = ap.parse_args()
    if len(args.sizes) != 2:
        ap.error("two sizes, or none")
    small, large = args.sizes
    times = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in (small, large):
            d = os.path.join(tmp, str(n))
            write_inputs(d, n)
            for fmt, files in IMPORTS:
                times[fmt, n] = time_import(args.glocal, d, fmt, files)
    print(f"{'importer':<10}{small:>10} msgs{large:>10} msgs{'ratio':>8}  "
          f"(linear: {large / small:.1f})")
    for fmt, _ in IMPORTS:
        a, b = times[fmt, small], times[fmt, large]
        print(f"{fmt:<10}{a:>13.2f} s{b:>13.2f} s{b / a:>8.2f}")


if __name__ == "__main__":
    main()
