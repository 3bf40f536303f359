#!/usr/bin/env python3
"""The compiled catalog in bench/run (issue 17; docs/compiled.md): the bench
catalog compiled with glocal_compile, then its open (CPU and wall time) against
the YAML open in the same process, the file's size, the memory of a process
that opened it (VmRSS and /proc/self/smaps_rollup), and every formatting
workload from it against the YAML catalog in one process.

    bench/compiled.py --differential [DATA]

runs the bench-side differential on its own: `glocal-bench dump` over every
message of the bench catalog x every locale (and eight more) x 16 contexts and
argument sets, from the directory and from its compiled file, compared line by
line (about 2 million calls a side; a minute or two, so not a CI suite).
bench/run runs it too, except with --quick.
"""
import json
import os
import statistics as S
import subprocess
import sys

from benchutil import ROOT, log, out_of, spread, stats

# Targets (issue 17): kind -> (what, test, figure)
OPEN_MS = 10.0          # compiled open of the bench catalog, ms
OPEN_SPEEDUP = 40.0     # compiled open at least this much faster than the YAML open
RSS_RATIO = 1.0         # process RSS after opening it / the YAML bytes
FORMAT_RATIO = 1.1      # formatting from it / from the YAML catalog, same process


def file_of(data):
    return os.path.join(data, "catalog.glc")


def measure(bench, data, reps):
    """Every figure of the compiled catalog, as JSON-able dicts."""
    catalog, glc = os.path.join(data, "catalog"), file_of(data)
    log("bench: compiling the catalog (glocal_compile)")
    made = json.loads(out_of([bench, "compile", catalog, glc]))
    log("bench: compiled open vs YAML open")
    opened = json.loads(out_of([bench, "compiled-open", glc, catalog, str(max(reps, 5))]))
    log("bench: memory after opening the compiled file")
    rss = json.loads(out_of([bench, "rss", glc, "5"]))
    log("bench: formatting from the compiled catalog vs the YAML catalog")
    fmt = json.loads(out_of([bench, "compiled-format", data, glc, str(reps)]))
    return {"file_bytes": made["file_bytes"], "open": opened, "rss": rss, "format": fmt}


def differential(bench, data):
    """Runs `dump` on the directory and on the compiled file side by side;
    returns (lines compared, first difference or None)."""
    messages = os.path.join(data, "messages.tsv")
    sides = [subprocess.Popen([bench, "dump", path, messages], stdout=subprocess.PIPE,
                              cwd=ROOT) for path in (os.path.join(data, "catalog"), file_of(data))]
    count, diff = 0, None
    for a, b in zip(sides[0].stdout, sides[1].stdout):
        if a != b and diff is None:
            diff = (count + 1, a.decode(errors="replace").rstrip("\n"),
                    b.decode(errors="replace").rstrip("\n"))
        count += 1
    rest = [s.stdout.read() for s in sides]
    if any(s.wait() != 0 for s in sides):
        raise RuntimeError("glocal-bench dump failed")
    if rest[0] != rest[1] and diff is None:
        diff = (count + 1, "(one side has more lines)", "")
    return count, diff


def report(c, manifest, verdict):
    """Adds the verdicts; returns (summary lines, markdown lines)."""
    yaml_bytes = manifest["yaml_bytes"]
    op, wall = stats(c["open"]["compiled_open_ms"]), stats(c["open"]["compiled_open_wall_ms"])
    yo = stats(c["open"]["yaml_open_ms"])
    speedup = yo["median"] / op["median"]
    verdict(f"compiled open ≤ {OPEN_MS:g} ms", op["median"] <= OPEN_MS, f"{op['median']:.2f} ms",
            "" if op["median"] <= OPEN_MS else
            f"missed by {(op['median'] / OPEN_MS - 1) * 100:.0f}%")
    verdict(f"compiled open ≥ {OPEN_SPEEDUP:g}x faster than YAML open (same run)",
            speedup >= OPEN_SPEEDUP, f"{speedup:,.0f}x",
            "" if speedup >= OPEN_SPEEDUP else
            f"missed by {(1 - speedup / OPEN_SPEEDUP) * 100:.0f}%")
    r = c["rss"]
    kb = {k: S.median(v) for k, v in r.items() if k.endswith("_kb")}
    rss_ratio = S.median(r["rss_after_open_kb"]) * 1024 / yaml_bytes
    verdict(f"RSS after opening the compiled file ≤ {RSS_RATIO:g}x YAML bytes",
            rss_ratio <= RSS_RATIO, f"{rss_ratio:.2f}x",
            "" if rss_ratio <= RSS_RATIO else
            f"missed by {(rss_ratio / RSS_RATIO - 1) * 100:.0f}%")
    rows, worst = [], 0.0
    for w in c["format"]["workloads"]:
        y, k = stats(w["yaml_ns"]), stats(w["compiled_ns"])
        ratio = k["median"] / y["median"]
        worst = max(worst, ratio)
        rows.append(f"| {w['name']} | {spread(y)} | {spread(k)} | {ratio:.2f}x |")
    verdict(f"formatting from the compiled file within {FORMAT_RATIO:g}x of YAML-opened "
            "(every workload, same process)", worst <= FORMAT_RATIO, f"worst {worst:.2f}x",
            "" if worst <= FORMAT_RATIO else
            f"missed by {(worst / FORMAT_RATIO - 1) * 100:.0f}%")
    mib = lambda x: x / 1024
    smaps = ", ".join(f"{k} {mib(kb[f'smaps_after_{k}_kb']):.1f} MiB "
                      f"(+{mib(kb[f'smaps_after_{k}_kb'] - kb[f'smaps_before_{k}_kb']):.1f})"
                      for k in ("Rss", "Pss", "Shared_Clean", "Private_Clean", "Private_Dirty"))
    summary = [
        f"compiled catalog: {c['file_bytes']:,} bytes ({c['file_bytes'] / yaml_bytes:.2f}x the "
        f"YAML bytes); open {spread(op, ' ms')} CPU, {spread(wall, ' ms')} wall, YAML open "
        f"{spread(yo, ' ms')} in the same process -> {speedup:,.0f}x",
        f"after opening the compiled file: VmRSS {mib(kb['rss_after_open_kb']):.1f} MiB "
        f"({rss_ratio:.2f}x the YAML bytes); smaps_rollup after open (+ what open added): "
        f"{smaps}",
    ]
    if c.get("differential"):
        n, diff = c["differential"]
        verdict("compiled file formats the bench catalog byte for byte as YAML", diff is None,
                f"{n:,} calls compared",
                "" if diff is None else f"line {diff[0]}: `{diff[1]}` vs `{diff[2]}`")
    md = ["## The compiled catalog\n",
          "`glocal_compile` of the bench catalog, written to a file and opened through "
          "`glocal_catalog_open` (docs/compiled.md). Open: CPU time of the opening thread "
          "(mapping, header and record checks; the page cache warm, as on a deploy where "
          "the file was just written) and wall time, interleaved with the YAML open of the "
          "same catalog in the same process. Memory: a fresh process opening the file, its "
          "VmRSS and `/proc/self/smaps_rollup` after the open; Shared_Clean and "
          "Private_Clean are clean pages (the file's among them: Private_Clean while this "
          "process alone maps them, Shared_Clean once another does, held once in the page "
          "cache either way), Private_Dirty what the process wrote. Formatting: every workload from the "
          "compiled catalog and from the YAML catalog, interleaved in one process, the "
          "outputs equal.\n"]
    md += [f"- {line}" for line in summary]
    if c.get("differential"):
        n, diff = c["differential"]
        md.append(f"- differential (`bench/compiled.py --differential`): {n:,} calls "
                  f"(every message x locale x 16 contexts and argument sets) "
                  f"{'identical' if diff is None else 'DIFFER at line %d' % diff[0]}")
    md += ["", "| workload | YAML-opened ns | compiled ns | compiled/YAML |", "|---|---|---|---|"]
    md += rows + [""]
    return summary, md


def main():
    from benchutil import build_bench
    data = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, "build-bench", "bench-data")
    if sys.argv[1:2] != ["--differential"]:
        sys.exit(__doc__)
    bench = build_bench(os.path.join(ROOT, "build-bench"))
    out_of([bench, "compile", os.path.join(data, "catalog"), file_of(data)])
    n, diff = differential(bench, data)
    print(f"differential: {n:,} calls compared, "
          + ("identical" if diff is None else f"first difference at line {diff[0]}:\n"
             f"  yaml:     {diff[1]}\n  compiled: {diff[2]}"))
    sys.exit(0 if diff is None else 1)


if __name__ == "__main__":
    main()
