"""bench/run --against COMMIT: the working tree against an older commit, in one
run (issues 11 and 12: a restructure must leave no workload slower).

COMMIT is built from a git worktree under build-bench-against/ with its own
bench/glocal_bench.cpp and the same release options; both builds read the one
generated catalog.  Every round runs each workload (open, lint, memory, every
format workload) on one build and then on the other, the order swapping from
round to round, so that a change in the machine's load (other jobs share it)
hits both sides alike.  A workload one harness does not know, or that fails
on one build, is reported as such and skipped on that build only.
"""
import datetime
import json
import os
import statistics as S
import subprocess

from benchutil import (BEGIN, END, ROOT, build_bench, log, out_of, place_against_section, sh,
                       spread, stats)

AGAINST = os.path.join(ROOT, "build-bench-against")
RESULT_TARGET = 1.2  # glocal_format_result / glocal_format on the variants workload


class Missing(Exception):
    """A workload a build's harness does not know or cannot run."""


def old_tree(commit):
    """A detached worktree of COMMIT under build-bench-against/src, reused
    from run to run; returns its path and the commit's short hash."""
    sha = out_of(["git", "rev-parse", "--verify", "--short", commit + "^{commit}"]).strip()
    src = os.path.join(AGAINST, "src")
    sh(["git", "worktree", "prune"])
    if os.path.exists(os.path.join(src, ".git")):
        sh(["git", "-C", src, "checkout", "--quiet", "--detach", sha])
    else:
        os.makedirs(AGAINST, exist_ok=True)
        log(f"bench: git worktree for {sha} in {os.path.relpath(src, ROOT)}")
        sh(["git", "worktree", "add", "--quiet", "--detach", src, sha])
    return src, sha


def bench_json(bench, *args):
    try:
        return json.loads(out_of([bench, *[str(a) for a in args]]))
    except (subprocess.CalledProcessError, ValueError) as e:
        raise Missing(str(e).strip()) from e


def known_workloads(bench, data):
    """The format workloads a harness knows: its own list, or, from a harness
    older than `glocal-bench workloads`, the generated catalog's."""
    try:
        return bench_json(bench, "workloads", data)["workloads"]
    except Missing:
        return [w["name"] for w in json.load(open(os.path.join(data, "workloads.json")))
                ["workloads"]]


def measure(bench, item, data, reps):
    """One run of one workload on one build: row -> samples."""
    catalog = os.path.join(data, "catalog")
    if item == "open":
        j = bench_json(bench, "open", catalog, reps)
        return {"open": j["glocal_open_ms"], "open/libyaml": j["libyaml_parse_ms"]}
    if item == "lint":
        return {"lint": bench_json(bench, "lint", catalog, reps)["lint_ms"]}
    if item == "memory":
        return {"memory": [kb / 1024 for kb in bench_json(bench, "rss", catalog, reps)["hwm_kb"]]}
    ws = bench_json(bench, "format", data, reps, item)["workloads"]
    if not ws:
        raise Missing("not a workload of this harness")
    return {item: ws[0]["glocal_ns"], item + "/icu": ws[0]["icu_ns"],
            item + "/format": ws[0].get("format_ns") or []}


def run_rounds(benches, items, known, data, rounds, quick):
    """Samples per side and row, pooled over the rounds; why a side missed an item."""
    reps = {"open": 3 if quick else 5, "lint": 2 if quick else 3, "memory": 3}
    samples = {side: {} for side in benches}
    missed = {side: {} for side in benches}
    order = list(benches)
    for r in range(rounds):
        log(f"bench: against, round {r + 1}/{rounds} ({' then '.join(order)} on each workload)")
        for item in items:
            for side in order:
                if item in missed[side]:
                    continue
                if item not in ("open", "lint", "memory") and item not in known[side]:
                    missed[side][item] = "not a workload of this harness"
                    continue
                try:
                    got = measure(benches[side], item, data, reps.get(item, 3 if quick else 5))
                except Missing as e:
                    log(f"bench: {item} failed on {side}: {e}")
                    missed[side][item] = f"failed: {e}"
                    continue
                for row, xs in got.items():
                    samples[side].setdefault(row, []).extend(xs)
        order.reverse()
    return samples, missed


ROWS = [("open", "open large catalog", " ms"),
        ("open/libyaml", "libyaml bare parse of it (control: the same code on both sides)", " ms"),
        ("lint", "lint large catalog", " ms"),
        ("memory", "peak RSS after open", " MiB")]


def verdict(old, new):
    if new["median"] > old["max"]:
        return "REGRESSION"
    if new["median"] < old["min"]:
        return "improvement"
    return "within old band"


def report(old, new, samples, missed, formats, rounds, mach):
    """The markdown section and the plain table of one comparison."""
    so, sn = samples[old], samples[new]
    rows = list(ROWS)
    rows += [(name, f"format {name}", " ns") for name in formats]
    table, notes = [], []
    for key, label, unit in rows:
        xo, xn = so.get(key), sn.get(key)
        if not xo or not xn:
            if xo or xn:
                only = old if xo else new
                cell = spread(stats(xo or xn), unit)
                table.append([label, cell if xo else "–", cell if xn else "–", "–",
                              f"only on {only}", "–", "–"])
            continue
        a, b = stats(xo), stats(xn)
        v = verdict(a, b)
        if key == "open/libyaml":
            v = f"control, {v}"
        icu = ["–", "–"]
        if key + "/icu" in so:
            icu = [f"{a['median'] / S.median(so[key + '/icu']):.2f}x",
                   f"{b['median'] / S.median(sn[key + '/icu']):.2f}x"]
        table.append([label, spread(a, unit), spread(b, unit), f"{b['median'] / a['median']:.2f}x",
                      v, *icu])
    for side in (old, new):
        for item, why in missed[side].items():
            notes.append(f"`{item}` on {side}: {why}")
    for side in (old, new):
        for name in formats:
            twin = samples[side].get(name + "/format")
            if twin:
                r = S.median(samples[side][name]) / S.median(twin)
                notes.append(f"`{name}` on {side}: glocal_format_result takes {r:.2f}x "
                             f"glocal_format on the same calls in the same process (target ≤ "
                             f"{RESULT_TARGET}x: {'met' if r <= RESULT_TARGET else 'MISSED'})")
    hdr = ["workload", f"{old} median [min–max]", f"{new} median [min–max]", "new/old",
           "verdict", f"glocal/ICU {old}", f"glocal/ICU {new}"]
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    md = [f"## Before and after: {old} → {new}\n",
          f"Written by `bench/run --against {old}` on {now}. {old} is built from a git worktree "
          f"with its own `bench/glocal_bench.cpp`, {new} from the working tree, both release "
          "builds, both on the catalog above. "
          f"{rounds} rounds; in each round every workload runs on one build and then on the "
          "other, the order swapping every round, so that the load of the other jobs on this "
          f"{mach['nproc']}-CPU machine (load average at start "
          f"{', '.join(f'{x:.2f}' for x in mach['load'])}) falls on both sides alike; the "
          "samples of all rounds are pooled. Times are CPU time of the measuring thread, "
          "memory the peak RSS of a fresh process after the open. A median of "
          f"{new} above {old}'s maximum is a REGRESSION, below its minimum an improvement. "
          "glocal/ICU is each build's own ratio to raw ICU in the same process, which the "
          "load does not move.\n",
          "| " + " | ".join(hdr) + " |", "|" + "---|" * len(hdr)]
    md += ["| " + " | ".join(row) + " |" for row in table]
    md.append("")
    md += [f"- {n}" for n in notes]
    plain = [" | ".join(hdr)] + [" | ".join(row) for row in table] + [""] + notes
    return "\n".join(md) + "\n", "\n".join(plain)


def main(commit, rounds, quick, out, new_bench, data, manifest, mach):
    src, old = old_tree(commit)
    new = mach["commit"] if mach["commit"] != old else f"{old} working tree"
    benches = {old: build_bench(os.path.join(AGAINST, "build"), src), new: new_bench}
    known = {side: known_workloads(b, data) for side, b in benches.items()}
    formats = known[new] + [n for n in known[old] if n not in known[new]]
    log(f"bench: {old} against {new}, {manifest['templates']:,} templates, "
        f"load average {mach['load'][0]:.2f}")
    samples, missed = run_rounds(benches, ["open", "lint", "memory", *formats], known, data,
                                 rounds, quick)
    section, plain = report(old, new, samples, missed, formats, rounds, mach)
    print(plain)
    text = open(out).read() if os.path.exists(out) else ""
    with open(out, "w") as f:
        f.write(place_against_section(text, f"{BEGIN}\n{section}{END}\n"))
    with open(os.path.join(ROOT, "build-bench", "bench-against.json"), "w") as f:
        json.dump({"old": old, "new": new, "samples": samples, "missed": missed}, f, indent=1)
    log(f"bench: wrote the {old} → {new} section of {os.path.relpath(out, ROOT)}")
