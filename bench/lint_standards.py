#!/usr/bin/env python3
"""Lint with the house standards (issue 20): the bench catalog, a 200-entry glossary per language.

    bench/lint_standards.py [--glocal PATH] [--catalog DIR] [--entries 200] [--rounds 3]

Copies the generated bench catalog (build-bench/bench-data/catalog, from bench/gen_catalog.py)
and appends to its base.yaml a `standards:` block: for base's language and every language of
its bundles, ENTRIES glossary entries (one variant each; one in twenty a prefix), 5 forbidden
phrases, emoji and punctuation policies, a `requires` and the French spacing.  Ten variants per
language are words of that language's own texts, so the glossary finds something, the rest are
words no text has (what a real glossary mostly is).  Typography runs as it always does.  bench/run
times `glocal-bench lint` on it beside the plain lint; run standalone, this times `glocal lint`.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HITS = 10  # variants per language taken from the texts
WORD = re.compile(r"[^\W\d_]{4,}")


def language_of(stem):
    """The glossary key a bundle falls under: zh-Hans / zh-Hant keep their script."""
    parts = stem.split("-")
    return "-".join(parts[:2]) if parts[0] == "zh" and len(parts) > 1 else parts[0]


def text_words(path):
    """Words of the bundle's templates (outside {arguments}), in file order."""
    words = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.search(r':\s*"(.*)"\s*$', line)
            if not m:
                continue
            text = re.sub(r"\{[^{}]*\}", " ", m.group(1))
            for w in WORD.findall(text):
                words.append(w[:2] if ord(w[0]) >= 0x2E80 else w)  # CJK: a two-character word
    return words


def yaml_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def glossary_block(lang, words, entries):
    """Ten of the variants are words its texts use once (what an editor missed)."""
    count = {}
    for w in words:
        count[w] = count.get(w, 0) + 1
    hits = [w for w in dict.fromkeys(words) if count[w] == 1][:HITS]
    out = [f"    {lang}:"]
    for i in range(entries):
        variant = hits[i] if i < len(hits) else f"Zqvariant{i}x"
        star = "*" if i % 20 == 19 else ""
        out.append(f"      Preferred{i}x: [{yaml_str(variant + star)}]")
    return out


def write_catalog(src, dst, entries):
    """dst: a copy of the catalog src with the standards block; returns its template count."""
    if os.path.exists(dst):
        shutil.rmtree(dst)
    shutil.copytree(src, dst)
    langs = {"en": text_words(os.path.join(dst, "base.yaml"))}  # base's language
    for name in sorted(os.listdir(dst)):
        if name.endswith(".yaml") and name != "base.yaml":
            langs.setdefault(language_of(name[:-5]), []).extend(text_words(os.path.join(dst, name)))
    lines = ["standards:", "  glossary:"]
    for lang in sorted(langs):
        lines += glossary_block(lang, langs[lang], entries)
    lines += ["  forbidden:",
              '    all: ["💸", "Zqforbidden1", "Zqforbidden2", "Zqforbidden3", "Zqforbidden4"]',
              "  emoji:", "    formal: none", "    sms: none",
              "  punctuation:", '    all: {"!": 3}',
              "  typography:", "    fr: {spacing: narrow}"]
    with open(os.path.join(dst, "base.yaml"), "a", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    return len(langs)


def time_lint(glocal, path, rounds):
    best = None
    for _ in range(rounds):
        start = time.perf_counter()
        run = subprocess.run([glocal, "lint", path], stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE)
        took = time.perf_counter() - start
        if run.returncode not in (0, 1):
            sys.exit(f"glocal lint {path} exited {run.returncode}: {run.stderr.decode()[:500]}")
        best = took if best is None else min(best, took)
    return best


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--glocal", default=os.path.join(ROOT, "build", "tools", "glocal"))
    ap.add_argument("--catalog", default=os.path.join(ROOT, "build-bench", "bench-data", "catalog"))
    ap.add_argument("--entries", type=int, default=200)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    if not os.path.isdir(args.catalog):
        sys.exit(f"{args.catalog}: no catalog (bench/run generates it; or "
                 "bench/gen_catalog.py DIR 2500)")
    with tempfile.TemporaryDirectory(prefix="lint-standards-") as tmp:
        dst = os.path.join(tmp, "catalog")
        nlang = write_catalog(args.catalog, dst, args.entries)
        plain = time_lint(args.glocal, args.catalog, args.rounds)
        with_std = time_lint(args.glocal, dst, args.rounds)
    print(f"lint: {plain:.3f} s; with standards ({args.entries} glossary entries x {nlang} "
          f"languages): {with_std:.3f} s ({with_std / plain:.2f}x)")


if __name__ == "__main__":
    main()
