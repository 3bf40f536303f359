#!/bin/sh
# Installs glocal into a temporary prefix with `meson install`, then builds
# examples/basic.c the way a user's build does: the installed header and
# library, found through `pkg-config glocal` and nothing else.  Once against
# the shared library, once against the static one (`pkg-config --static`,
# which must bring ICU, libyaml and the C++ runtime), linked by the C
# compiler driver as a C program would be.
#
# usage: check_install.sh SRCROOT PROJECT_VERSION   (CC, MESON from the environment)
set -eu
srcroot=$(cd "$1" && pwd)
version=$2
cc=${CC:-cc}
meson=${MESON:-meson}

fail() { echo "FAIL: $*"; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
prefix=$tmp/prefix

echo "== meson setup --prefix $prefix && meson install"
if ! $meson setup "$tmp/build" "$srcroot" --prefix "$prefix" >"$tmp/setup.log" 2>&1; then
    cat "$tmp/setup.log"; fail "meson setup"
fi
if ! $meson install -C "$tmp/build" >"$tmp/install.log" 2>&1; then
    tail -n 60 "$tmp/install.log"; fail "meson install"
fi

pcfile=$(find "$prefix" -name glocal.pc -path '*/pkgconfig/*' | head -n 1)
[ -n "$pcfile" ] || fail "glocal.pc was not installed under $prefix"
PKG_CONFIG_PATH=$(dirname "$pcfile")
export PKG_CONFIG_PATH
echo "== $pcfile"
cat "$pcfile"

[ "$(pkg-config --modversion glocal)" = "$version" ] ||
    fail "pkg-config --modversion glocal is $(pkg-config --modversion glocal), not $version"
[ "$(pkg-config --variable=prefix glocal)" = "$prefix" ] ||
    fail "glocal.pc has prefix $(pkg-config --variable=prefix glocal), not $prefix"
libdir=$(pkg-config --variable=libdir glocal)
includedir=$(pkg-config --variable=includedir glocal)
cmp "$srcroot/include/glocal.h" "$includedir/glocal.h" || fail "installed glocal.h differs"
for f in libglocal.so libglocal.so.1 "libglocal.so.$version" libglocal.a; do
    [ -e "$libdir/$f" ] || fail "$libdir/$f was not installed"
done

# The example prints one line per customer, de-CH first.
check_output() {
    out=$1
    cat "$out"
    [ "$(wc -l <"$out")" -eq 4 ] || fail "$2: expected 4 lines"
    head -n 1 "$out" | grep -q '^de-CH ' || fail "$2: the first line is not de-CH's"
}

cflags=$(pkg-config --cflags glocal)
libs=$(pkg-config --libs glocal)
echo "== shared: $cc basic.c $cflags $libs"
# shellcheck disable=SC2086 # word splitting of pkg-config output is intended
$cc -o "$tmp/basic-shared" "$srcroot/examples/basic.c" $cflags $libs ||
    fail "compiling examples/basic.c against the installed shared library"
LD_LIBRARY_PATH=$libdir ldd "$tmp/basic-shared" | grep -F "libglocal.so.1 => $libdir/" >/dev/null ||
    fail "basic-shared does not load libglocal.so.1 from $libdir"
LD_LIBRARY_PATH=$libdir "$tmp/basic-shared" "$srcroot/locales" >"$tmp/shared.out" ||
    { cat "$tmp/shared.out"; fail "basic-shared exited non-zero"; }
check_output "$tmp/shared.out" shared

# What a static build does: the archive instead of the shared object, plus
# everything Libs.private and Requires.private list.  -l:libglocal.a is how
# GNU ld picks the archive when both are installed side by side.
static_libs=
for w in $(pkg-config --static --libs glocal); do
    [ "$w" = -lglocal ] && w=-l:libglocal.a
    static_libs="$static_libs $w"
done
echo "== static: $cc basic.c $cflags$static_libs"
# shellcheck disable=SC2086
$cc -o "$tmp/basic-static" "$srcroot/examples/basic.c" $cflags $static_libs ||
    fail "linking examples/basic.c with pkg-config --static --libs glocal"
if readelf -d "$tmp/basic-static" | grep -q 'NEEDED.*libglocal'; then
    fail "basic-static still needs the shared libglocal"
fi
"$tmp/basic-static" "$srcroot/locales" >"$tmp/static.out" ||
    { cat "$tmp/static.out"; fail "basic-static exited non-zero"; }
check_output "$tmp/static.out" static
cmp "$tmp/shared.out" "$tmp/static.out" || fail "static and shared builds print different text"
echo "installed glocal $version works through pkg-config, shared and static"
