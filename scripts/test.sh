#!/usr/bin/env bash
# Set up, then the whole test suite: every meson suite on the normal build,
# the C suites again under AddressSanitizer + UndefinedBehaviorSanitizer (debug
# and -O2), the thread stress test under ThreadSanitizer, each fuzz target for
# 60 s, the C suites under valgrind, then the packages (scripts/test-packages.sh:
# wheel, rock, Debian packages), and README's first command (scripts/demo.sh).
# Ends with one line "N passed, N failed".
# Every build here treats warnings as errors (-Dwerror=true); a user's does not.
set -uo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh || exit 1
./scripts/setup-test.sh || exit 1
# setup.sh configured ./build before Check was there: configure again with it.
meson configure build -Dwerror=true >/dev/null || exit 1

logs=()
# Builds DIR; on failure shows the errors and counts the suites it would have
# run as one failure (their log is missing), so the summary line still comes.
build() { # BUILDDIR
  if ! ninja -C "$1" >"$1/build-output.log" 2>&1; then
    echo
    echo "== build of $1 FAILED"
    grep -E "error|FAILED" "$1/build-output.log" | head -n 20
    rm -f "$1/meson-logs/testlog.json"
    logs+=("$1/meson-logs/testlog.json")
    return 1
  fi
}

run() { # NAME BUILDDIR [meson test args...]
  local name=$1 dir=$2
  shift 2
  echo
  echo "== $name"
  meson test -C "$dir" --print-errorlogs "$@" | tail -n 12
  logs+=("$dir/meson-logs/testlog.json")
}

rm -f build/meson-logs/testlog.json
run "all suites" build
# The parity test's count, and its differences with ICU by class (tests/parity/).
sed -n '/^parity: /,/^=====/p' build/meson-logs/testlog.txt | grep -v '^=====' | grep -v '^---'
# The MessageFormat 2 conformance suite's own count (tests/mf2/), the converter's proof
# (tests/mf2conv/) and the compiled file's differential (tests/compiled/).
grep -hE '^(mf2 conformance|mf2 parity|differential): ' build/meson-logs/testlog.txt

# The C suites (language bindings load an uninstrumented interpreter).
mapfile -t c_suites < <(meson introspect build --tests | python3 -c '
import json, sys
present = {s for t in json.load(sys.stdin) for s in t["suite"]}
for s in ("core", "lint", "cli", "robustness"):
    if "glocal:" + s in present or s in present:
        print("--suite"); print(s)')

if [ ! -f build-asan/build.ninja ]; then
  meson setup build-asan -Db_sanitize=address,undefined -Db_lundef=false \
    -Dbuildtype=debug -Dwerror=true >/dev/null
fi
rm -f build-asan/meson-logs/testlog.json
build build-asan &&
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  run "C suites under ASan+UBSan" build-asan "${c_suites[@]}"

# Again at -O2: the optimizer's warnings (-Werror) and code paths differ from a
# debug build's, and -O2 is what a sanitized release-like build compiles with.
if [ ! -f build-asan-o2/build.ninja ]; then
  meson setup build-asan-o2 -Db_sanitize=address,undefined -Db_lundef=false \
    -Dbuildtype=debugoptimized -Dwerror=true >/dev/null
fi
rm -f build-asan-o2/meson-logs/testlog.json
build build-asan-o2 &&
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  run "C suites under ASan+UBSan at -O2" build-asan-o2 "${c_suites[@]}"

if [ ! -f build-tsan/build.ninja ]; then
  meson setup build-tsan -Db_sanitize=thread -Db_lundef=false -Dbuildtype=debug -Dwerror=true >/dev/null
fi
rm -f build-tsan/meson-logs/testlog.json
build build-tsan &&
  TSAN_OPTIONS=halt_on_error=1 CK_FORK=no run "threads under ThreadSanitizer" build-tsan \
  --suite robustness --timeout-multiplier 3

# A short fuzz run: each libFuzzer target for 60 s from its seeds, as the
# meson suite `fuzz` of build-fuzz (clang, ASan+UBSan; docs/robustness.md).
rm -f build-fuzz/meson-logs/testlog.json
if ./fuzz/run --build; then
  run "fuzz targets, 60 s each" build-fuzz --suite fuzz --no-rebuild
  tail -n 6 build-fuzz/fuzz/summary.txt
else
  echo "== fuzz build FAILED"
  logs+=(build-fuzz/meson-logs/testlog.json)
fi

# Memcheck is slow; the thread stress test has run under ASan and TSan already.
valgrind_suites=()
for ((i = 0; i < ${#c_suites[@]}; i += 2)); do
  [ "${c_suites[i + 1]}" = robustness ] || valgrind_suites+=(--suite "${c_suites[i + 1]}")
done
rm -f build/meson-logs/memcheck-valgrind.json
echo
echo "== C suites under valgrind memcheck"
CK_FORK=no meson test -C build --print-errorlogs --logbase memcheck "${valgrind_suites[@]}" \
  --wrapper 'valgrind --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect --quiet' \
  --timeout-multiplier 10 | tail -n 12
logs+=(build/meson-logs/memcheck-valgrind.json)
# The bad-input corpus, one test of that suite: every error path, leak-checked.
rm -f build/meson-logs/memcheck-corpus-valgrind.json
echo
echo "== bad-input corpus under valgrind memcheck"
CK_FORK=no meson test -C build --print-errorlogs --logbase memcheck-corpus corpus \
  --wrapper 'valgrind --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect --quiet' \
  --timeout-multiplier 10 | tail -n 12
logs+=(build/meson-logs/memcheck-corpus-valgrind.json)

# The packages a user installs, each against an installed library, never this
# build tree; one meson-style log line per step, counted below.
echo
echo "== packages: wheel in a venv, Lua rock, Debian packages"
# A run that stopped before writing its lines counts as a failure (no log).
./scripts/test-packages.sh build/meson-logs/packages.json ||
  [ -s build/meson-logs/packages.json ] || rm -f build/meson-logs/packages.json
logs+=(build/meson-logs/packages.json)

# README's first command, as a new user runs it: every sample it renders must render.
echo
echo "== README's first command (scripts/demo.sh)"
if ./scripts/demo.sh >build/meson-logs/demo.log 2>&1; then demo=OK; else demo=FAIL; fi
[ "$demo" = OK ] || tail -n 20 build/meson-logs/demo.log
echo "demo   $demo"
printf '{"name": "demo", "result": "%s"}\n' "$demo" >build/meson-logs/demo.json
logs+=(build/meson-logs/demo.json)

python3 - "${logs[@]}" <<'PY'
import json, sys
passed = failed = 0
for path in sys.argv[1:]:
    try:
        lines = open(path).read().splitlines()
    except OSError:
        failed += 1
        continue
    for line in lines:
        r = json.loads(line)["result"]
        if r in ("OK", "EXPECTEDFAIL", "SKIP"):
            passed += r != "SKIP"
        else:
            failed += 1
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
