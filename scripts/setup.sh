#!/usr/bin/env bash
# Installs what a fresh Debian 12 machine lacks to build and use glocal (the
# library, the CLI, the Lua and Python bindings), then configures and builds
# it in ./build.  The test, benchmark and fuzz tools come from setup-test.sh.
# Sourced by demo.sh; run by test.sh; safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/apt_missing.sh

install_missing \
  gcc g++ meson ninja-build pkg-config \
  libicu-dev libyaml-dev \
  libxml2-dev libgettextpo-dev libjson-c-dev \
  liblua5.4-dev lua5.4 python3

if [ ! -f build/build.ninja ]; then
  meson setup build >/dev/null
fi
ninja -C build >/dev/null
echo "setup: built $(readlink -f build/lib/libglocal.so.1)"
