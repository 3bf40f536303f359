#!/usr/bin/env python3
"""Times `glocal lint` on catalogs with many terms, at two sizes (issue 13).

    bench/lint_terms.py [--glocal PATH] [--sizes 50000,100000] [--messages 200] [--rounds 3]

Each catalog is a base.yaml with N terms (`t17: Brand17x`) and a few hundred
messages whose text mentions some of them, plus a de bundle with its own terms
and translations, so brand-literal has both base's and a bundle's terms to find.
Prints the best time of each size and the ratio between the sizes: a stage
linear in the terms gives a ratio near the ratio of the sizes (2 for the
defaults), a quadratic one near its square.
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def write_catalog(path, terms, messages):
    os.makedirs(path, exist_ok=True)
    with open(os.path.join(path, "base.yaml"), "w") as f:
        f.write("glocal: 1\nlocale: base\nlanguage: en\nterms:\n")
        for i in range(terms):
            f.write(f"  t{i}: Brand{i}x\n")
        f.write("messages:\n")
        for i in range(messages):
            f.write(f'  m{i}: "Hello {{name}} from Brand{i * 7 % terms}x, shop number {i}"\n')
    with open(os.path.join(path, "de.yaml"), "w") as f:
        f.write("glocal: 1\nlocale: de\nterms:\n")
        for i in range(terms // 10):
            f.write(f"  d{i}: Marke{i}x\n")
        f.write("messages:\n")
        for i in range(messages):
            f.write(f'  m{i}: "Hallo {{name}} von Marke{i % max(1, terms // 10)}x, Laden {i}"\n')


def time_lint(glocal, path, rounds):
    best = None
    for _ in range(rounds):
        start = time.perf_counter()
        run = subprocess.run([glocal, "lint", path], stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE)
        took = time.perf_counter() - start
        if run.returncode not in (0, 1):  # 1: warnings (brand-literal) only
            sys.exit(f"glocal lint {path} exited {run.returncode}: {run.stderr.decode()[:500]}")
        best = took if best is None else min(best, took)
    return best


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--glocal", default=os.path.join(ROOT, "build", "tools", "glocal"))
    ap.add_argument("--sizes", default="50000,100000")
    ap.add_argument("--messages", type=int, default=200)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    if len(sizes) != 2:
        sys.exit("--sizes takes two sizes")
    times = []
    with tempfile.TemporaryDirectory(prefix="lint-terms-") as tmp:
        for n in sizes:
            path = os.path.join(tmp, f"t{n}")
            write_catalog(path, n, args.messages)
            times.append(time_lint(args.glocal, path, args.rounds))
            print(f"lint, {n} terms: {times[-1]:.3f} s")
    print(f"ratio {sizes[1]}/{sizes[0]} terms: {times[1] / times[0]:.2f} "
          f"(sizes {sizes[1] / sizes[0]:.2f}; linear is near that, quadratic near its square)")


if __name__ == "__main__":
    main()
