#!/usr/bin/env bash
# The smoke test of an installed glocal (Debian packages, or meson install
# into a system prefix): compiles examples/basic.c through pkg-config and
# runs it on locales/, imports the Python binding with the system python3,
# requires the Lua module with lua5.4, runs `glocal --version`; every one
# must load the installed libglocal.so.1.  Usage: smoke-installed.sh WORKDIR
set -euo pipefail
cd "$(dirname "$0")/.."
work=$1
mkdir -p "$work"
version=$(glocal --version)
echo "glocal --version: $version"
# shellcheck disable=SC2046
cc -std=c11 -o "$work/basic" examples/basic.c $(pkg-config --cflags --libs glocal)
"$work/basic" locales
# the installed library (merged /usr: the loader may name it /lib/...)
linked=$(ldd "$work/basic")
grep -E "libglocal.so.1 => /(usr/(local/)?)?lib/" <<<"$linked"
# -B: no __pycache__ left in the installed package for its removal to trip on
py=$(/usr/bin/python3 -B -c 'import glocal; print(glocal.library_version(), glocal.__file__)')
echo "python3: $py"
[ "${py%% *}" = "$version" ]
lua=$(lua5.4 -e 'local g = require "glocal"; print(g.version())')
echo "lua5.4: $lua"
[ "$lua" = "$version" ]
