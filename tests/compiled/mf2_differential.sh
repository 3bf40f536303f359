#!/bin/sh
# The differential test on MessageFormat 2 bundles: the shipped catalog
# converted with `glocal convert --to mf2`, compiled and compared with its
# directory, byte for byte (docs/compiled.md#messageformat-2-bundles).
# Usage: mf2_differential.sh GLOCAL_CLI TEST_DIFFERENTIAL LOCALES
set -eu
glocal=$1 differential=$2 locales=$3
tmp=$(mktemp -d "${TMPDIR:-/tmp}/glocal-mf2-differential-XXXXXX")
trap 'rm -rf "$tmp"' EXIT
"$glocal" convert --to mf2 "$locales" --out "$tmp/locales" >/dev/null 2>&1 || {
    echo "glocal convert --to mf2 failed" >&2
    exit 1
}
# every bundle is MF2: the test would compare MF1 otherwise
for f in "$tmp"/locales/*.yaml; do
    grep -q '^syntax: mf2' "$f" || { echo "$f is not an MF2 bundle" >&2; exit 1; }
done
GLOCAL_LOCALES="$tmp/locales" "$differential"
