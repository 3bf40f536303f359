#!/usr/bin/env bash
# The Debian packages (debian/): builds them from a copy of this tree with
# dpkg-buildpackage, checks them with lintian (no error), installs the five,
# runs the smoke test of an installed glocal (scripts/smoke-installed.sh) and
# purges them again, whatever happened, so no installed copy shadows a build
# tree afterwards.  Usage: scripts/test-deb.sh WORKDIR (created; left there).
# Needs root (dpkg -i); called by scripts/test-packages.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
# The system's pkg-config and loader, whatever the caller staged (test-packages.sh).
unset PKG_CONFIG_PATH PKG_CONFIG_SYSROOT_DIR LD_LIBRARY_PATH GLOCAL_LIBRARY PYTHONPATH \
  LUA_PATH LUA_CPATH
work=$1
packages=(libglocal1 libglocal-dev glocal python3-glocal lua-glocal)
version=$(dpkg-parsechangelog -SVersion)

# The working tree as git sees it (tracked and new files, nothing ignored):
# what a commit of it would build, without build directories.
src=$work/glocal-$version
mkdir -p "$src"
git ls-files -z --cached --others --exclude-standard |
  tar --null --ignore-failed-read -T - -cf - 2>/dev/null | tar -xf - -C "$src"

# nocheck: scripts/test.sh has run every suite on this tree already;
# noddebs: no debug symbol packages to build, nor to install.
(cd "$src" && DEB_BUILD_OPTIONS="nocheck noddebs parallel=$(nproc)" \
  dpkg-buildpackage -us -uc -b --no-sign) >"$work/build.log" 2>&1 ||
  { tail -n 40 "$work/build.log"; echo "dpkg-buildpackage FAILED"; exit 1; }
changes=$(ls "$work"/glocal_"$version"_*.changes)
echo "built: $(cd "$work" && ls ./*.deb | tr '\n' ' ')"
# errors fail; warnings are shown (as root lintian says it would rather not be)
lintian --fail-on error "$changes" >"$work/lintian.log" 2>&1 ||
  { cat "$work/lintian.log"; echo "lintian found errors"; exit 1; }
grep -v "running with root privileges" "$work/lintian.log" || true

purge() {
  dpkg --purge "${packages[@]}" >/dev/null 2>&1 || true
  ! dpkg-query -W -f='${Status}\n' "${packages[@]}" 2>/dev/null | grep -q 'install ok'
}
purge
trap purge EXIT
debs=()
for p in "${packages[@]}"; do
  debs+=("$work/${p}_${version}_$(dpkg-deb -f "$work"/${p}_"$version"_*.deb Architecture).deb")
done
dpkg -i "${debs[@]}" >"$work/install.log" 2>&1 || { cat "$work/install.log"; exit 1; }
"$root/scripts/smoke-installed.sh" "$work/smoke"
purge
trap - EXIT
echo "purged: ${packages[*]}"
