#!/bin/sh
# The library's ABI equals the committed baseline abi/libglocal.so.1.abi.
# Fails on any difference abidiff reports, harmless ones included: an
# incompatible change is a bug, and a compatible one (a new function, a new
# enumerator) must be recorded on purpose with abi/update.  See docs/abi.md.
#
# usage: check_abidiff.sh SRCROOT SHARED_LIB
set -eu
srcroot=$1
lib=$2
baseline=$srcroot/abi/libglocal.so.1.abi

if ! command -v abidiff >/dev/null 2>&1 || ! command -v abidw >/dev/null 2>&1; then
    echo "abidw/abidiff not found: install abigail-tools (Debian: apt-get install abigail-tools)" >&2
    exit 1
fi
# The baseline is x86-64's: type sizes differ elsewhere.
case $(uname -m) in
x86_64) ;;
*) echo "SKIP: the ABI baseline is recorded on x86_64, this is $(uname -m)"; exit 77 ;;
esac

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
# exit 77 (skip) when the library was built without debug info
"$srcroot/abi/update" --dump "$lib" "$tmp/current.abi"

# Harmful changes only (abidiff's default), then harmless ones as well.
rc=0
abidiff "$baseline" "$tmp/current.abi" >"$tmp/report" 2>&1 || rc=$?
hrc=0
abidiff --harmless "$baseline" "$tmp/current.abi" >"$tmp/harmless" 2>&1 || hrc=$?
if [ "$rc" -eq 0 ] && [ "$hrc" -eq 0 ]; then
    echo "ABI of $(basename "$lib") matches abi/libglocal.so.1.abi"
    exit 0
fi
cat "$tmp/harmless"
# abidiff flags only removals as incompatible (bit 8); for glocal a changed
# signature or enum value breaks callers just the same.
if [ $(((rc | hrc) & 3)) -ne 0 ]; then
    echo "FAIL: abidiff could not compare (exit $rc/$hrc)"
elif [ $((rc & 8)) -ne 0 ] ||
    grep -Eq 'changes summary: ([1-9][0-9]* Removed|[0-9]+ Removed, [1-9][0-9]* Changed)' "$tmp/report"; then
    echo "FAIL: incompatible ABI change: a 1.x release never removes a symbol or changes a"
    echo "signature, a public type or an enum value; add a new symbol instead (docs/abi.md)."
else
    echo "FAIL: the ABI grew (a new function or enumerator) without a deliberate baseline"
    echo "update.  If it is meant, record it with abi/update BUILDDIR and commit"
    echo "abi/libglocal.so.1.abi with the change (docs/abi.md)."
fi
exit 1
