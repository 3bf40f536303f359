#!/usr/bin/env bash
# Installs what a fresh Debian 12 machine lacks, then configures and builds
# glocal in ./build.  Sourced by demo.sh and test.sh; safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  gcc g++ clang meson ninja-build pkg-config
  libicu-dev libyaml-dev check libsubunit-dev
  liblua5.4-dev lua5.4 python3
  abigail-tools valgrind libclang-rt-14-dev libfuzzer-14-dev
  libxml2-dev libgettextpo-dev libjson-c-dev python3-jsonschema python3-yaml
  gettext
)
# bench/run: its Node peers need node and npm (Debian's, unless some node is there)
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ ! -f build/build.ninja ]; then
  meson setup build >/dev/null
fi
ninja -C build >/dev/null
echo "setup: built $(readlink -f build/lib/libglocal.so.1)"
