#!/bin/sh
# meson's install script (meson.build): after `meson install` without DESTDIR,
# refreshes the dynamic loader's cache so that programs and the Lua and Python
# bindings find libglocal.so.1 without LD_LIBRARY_PATH.  LIBDIR is where the
# library went.  Says what to do instead when it cannot (not root, or a libdir
# the loader does not search).
libdir=$1
if [ "$(id -u)" -ne 0 ]; then
    echo "glocal: not root, the loader's cache is unchanged: run 'sudo ldconfig'" \
         "(or set LD_LIBRARY_PATH=$libdir)"
    exit 0
fi
ldconfig || { echo "glocal: ldconfig failed; run it by hand"; exit 0; }
if [ ! -e "$libdir/libglocal.so.1" ]; then
    echo "glocal: ldconfig ran ($libdir/libglocal.so.1 is not there)"
elif ldconfig -p | grep -q "libglocal.so.1 .*=> $libdir/libglocal.so.1\$"; then
    echo "glocal: ldconfig: the loader finds $libdir/libglocal.so.1"
else
    echo "glocal: $libdir is not among the loader's directories: add it to a file in" \
         "/etc/ld.so.conf.d/ and run ldconfig, or set LD_LIBRARY_PATH=$libdir"
fi
