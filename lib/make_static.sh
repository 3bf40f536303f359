#!/bin/sh
# make_static.sh INTERNAL.a OUT.a WORKDIR
# The installed static library: every object of the internal archive linked
# into one relocatable object whose hidden symbols are then made local, so a
# static link sees only the glocal_* API (internal names cannot clash with an
# application's), as the shared library's version script ensures.
set -eu
mkdir -p "$3"
ld -r --whole-archive "$1" -o "$3/glocal.o"
objcopy --localize-hidden "$3/glocal.o"
rm -f "$2"
ar rcs "$2" "$3/glocal.o"
