"""What bench/run and bench/against.py share: running commands, the release
build of glocal-bench, sample statistics and their printing, and the one
section of a RESULTS file that `bench/run --against` owns."""
import os
import re
import statistics as S
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def sh(cmd, **kw):
    kw.setdefault("cwd", ROOT)
    return subprocess.run(cmd, check=True, **kw)


def out_of(cmd, env=None):
    return subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, text=True,
                          env=env).stdout


def build_bench(build, src=ROOT):
    """The release build of glocal-bench in `build`, from the sources in `src`;
    returns the executable.  Both sides of a comparison are built this way."""
    if not os.path.exists(os.path.join(build, "build.ninja")):
        log(f"bench: configuring {os.path.relpath(build, ROOT)} (release)")
        sh(["meson", "setup", build, src, "-Dbuildtype=release"], stdout=subprocess.DEVNULL)
    log(f"bench: building glocal-bench in {os.path.relpath(build, ROOT)}")
    sh(["ninja", "-C", build, "bench/glocal-bench"], stdout=subprocess.DEVNULL)
    return os.path.join(build, "bench", "glocal-bench")


def stats(xs):
    return {"median": S.median(xs), "min": min(xs), "max": max(xs), "n": len(xs)}


def fmt_ns(x):
    return f"{x:,.0f}" if x >= 100 else f"{x:.1f}"


def spread(st, unit=""):
    return f"{fmt_ns(st['median'])}{unit} [{fmt_ns(st['min'])}–{fmt_ns(st['max'])}]"


# ---- the --against section of a RESULTS file ------------------------------------
# A normal run rewrites the whole file and an --against run only its section,
# so the section is fenced and a normal run carries it over.

BEGIN = "<!-- bench/run --against: begin -->"
END = "<!-- bench/run --against: end -->"
_FENCED = re.compile(re.escape(BEGIN) + r".*?" + re.escape(END) + r"\n?", re.S)


def against_section(text):
    """The fenced section of a RESULTS file's text, or None."""
    m = _FENCED.search(text)
    return m.group(0) if m else None


def place_against_section(text, section):
    """`text` with `section` in place of its fenced one, else before the
    hand-written analysis (which stays last), else at the end."""
    if not section.endswith("\n"):
        section += "\n"
    if _FENCED.search(text):
        return _FENCED.sub(lambda _m: section, text, count=1)
    at = text.find("\n## Analysis\n")
    if at < 0:
        return text + ("\n" if text and not text.endswith("\n\n") else "") + section
    return text[:at + 1] + section + "\n" + text[at + 1:]
