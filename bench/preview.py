#!/usr/bin/env python3
"""Times `glocal preview` on the large benchmark catalog and how the page
behaves in a browser (issue 21).

    bench/preview.py [--glocal PATH] [--data DIR] [--rounds 3] [--browser chromium]

The catalog is bench/gen_catalog.py's (40 locales x 2,500 messages), generated
into DIR/catalog unless it is there.  Reports the best time of the page's
writing, its size and cell count, then opens it in headless Chromium: the
wall time until the DOM is dumped (browser start included) and the time the
page's own filter script records for applying a filter and laying out the
result (data-filter-ms), for a locale and for a channel filter.
"""
import argparse
import os
import resource
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def best_of(rounds, fn):
    """Best wall time and best CPU time (user + system) of fn's child process:
    on a busy machine the CPU time is the figure that compares."""
    best, best_cpu = None, None
    for _ in range(rounds):
        start, cpu = time.perf_counter(), children_cpu()
        fn()
        took, took_cpu = time.perf_counter() - start, children_cpu() - cpu
        best = took if best is None else min(best, took)
        best_cpu = took_cpu if best_cpu is None else min(best_cpu, took_cpu)
    return best, best_cpu


def browse(browser, page, fragment):
    profile = tempfile.mkdtemp(prefix="glocal-bench-chromium-")
    start = time.perf_counter()
    p = subprocess.run([browser, "--headless=new", "--no-sandbox", "--disable-gpu",
                        "--user-data-dir=" + profile, "--dump-dom",
                        "file://" + os.path.abspath(page) + fragment],
                       capture_output=True, text=True, timeout=600)
    took = time.perf_counter() - start
    shutil.rmtree(profile, ignore_errors=True)
    m = re.search(r'data-filter-ms="([0-9.]+)"', p.stdout[:4096])
    errors = "data-script-errors" in p.stdout[:4096]
    return took, float(m.group(1)) if m else None, errors


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--glocal", default=os.path.join(ROOT, "build", "tools", "glocal"))
    ap.add_argument("--data", default=os.path.join(ROOT, "build-bench", "bench-data"))
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--browser", default=shutil.which("chromium") or "chromium")
    a = ap.parse_args()
    catalog = os.path.join(a.data, "catalog")
    if not os.path.isdir(catalog):
        subprocess.run([sys.executable, os.path.join(ROOT, "bench", "gen_catalog.py"), a.data],
                       check=True, stdout=subprocess.DEVNULL)
    page = os.path.join(tempfile.mkdtemp(prefix="glocal-bench-preview-"), "bench.html")

    def write():
        subprocess.run([a.glocal, "preview", catalog, "--out", page], check=True)

    took, cpu = best_of(a.rounds, write)
    with open(page, encoding="utf-8") as f:
        text = f.read()
    cells = text.count('<div class="cell"')
    print(f"preview: {took:.2f} s ({cpu:.2f} s of CPU) to write {len(text) / 1e6:.1f} MB, "
          f"{cells} cells (best of {a.rounds}; load average {os.getloadavg()[0]:.1f})")
    for fragment in ("", "#locale=de", "#channel=sms"):
        wall, filter_ms, errors = browse(a.browser, page, fragment)
        print(f"browser {fragment or '(no filter)'}: dump-dom after {wall:.1f} s, "
              f"filter applied and laid out in {filter_ms} ms, script errors: {errors}")


if __name__ == "__main__":
    main()
