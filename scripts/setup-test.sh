#!/usr/bin/env bash
# Installs what the whole test suite needs beyond scripts/setup.sh: Check for
# the C suites, clang and libFuzzer for fuzz/, valgrind, abigail-tools for the
# ABI check, the schema checker, node and npm for bench/run's peers, and the
# packaging tools of scripts/test-packages.sh (dpkg-dev, debhelper, lintian,
# luarocks, python3-venv), and Chromium for the preview page's browser test
# (tests/preview).  Run by test.sh; safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/apt_missing.sh

packages=(
  check libsubunit-dev
  clang libclang-rt-14-dev libfuzzer-14-dev
  valgrind abigail-tools
  python3-jsonschema python3-yaml gettext
  dpkg-dev debhelper fakeroot lintian luarocks python3-venv
  chromium
)
# bench/run: its Node peers need node and npm (Debian's, unless some node is there)
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)
install_missing "${packages[@]}"
