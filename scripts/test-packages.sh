#!/usr/bin/env bash
# The packages a user installs, each tested against an installed libglocal,
# never the build tree (docs/install.md):
#   wheel   the Python wheel built offline by pip, installed into a new venv;
#           the Python suite runs there against the library that `meson
#           install` put into a staging prefix (DESTDIR), found via pkg-config
#   rock    `luarocks make` against the staged library; the Lua suite
#   install `meson install` of ./build into its prefix (/usr/local), no DESTDIR:
#           it runs ldconfig, so the smoke test of deb passes right after it;
#           then uninstalled again (ninja uninstall, ldconfig)
#   deb     dpkg-buildpackage; the five packages installed, smoke-tested
#           (examples/basic.c through pkg-config, both bindings, glocal
#           --version) and purged again, so no installed copy shadows the
#           build tree in later tests
# Usage: scripts/test-packages.sh LOG [STEP...]  (default: every step)
# Writes one line per step to LOG in meson's testlog.json form, for the
# summary of scripts/test.sh; exit status 1 when a step failed.  Uses ./build.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD
log=$1
shift
steps=("$@")
[ ${#steps[@]} -gt 0 ] || steps=(wheel rock install deb)
: >"$log"
work=$(mktemp -d /tmp/glocal-packages.XXXXXX)
[ -n "${KEEP_WORK:-}" ] || trap 'rm -rf "$work"' EXIT
stage=$work/stage
failed=0

# Runs one step, its output in $work/STEP.log (shown when it fails).
step() { # NAME
  local name=$1 result=OK start=$SECONDS rc
  # A subshell outside any condition, so that `set -e` holds inside it.
  (set -e; cd "$root"; "step_$name") >"$work/$name.log" 2>&1
  rc=$?
  if [ $rc -ne 0 ]; then
    result=FAIL
    failed=1
    tail -n 40 "$work/$name.log"
  fi
  printf '%-6s %s (%d s)\n' "$name" "$result" $((SECONDS - start))
  printf '{"name": "package-%s", "result": "%s"}\n' "$name" "$result" >>"$log"
}

stage_install() {
  ninja -C build >/dev/null &&
    DESTDIR=$stage meson install -C build --quiet --no-rebuild || return 1
  local pc
  pc=$(find "$stage" -name glocal.pc -printf '%h\n' | head -n 1)
  export PKG_CONFIG_PATH=$pc PKG_CONFIG_SYSROOT_DIR=$stage
  stage_libdir=$(pkg-config --variable=libdir glocal)
  [ -e "$stage_libdir/libglocal.so.1" ]
}

# The test environment of bindings/*/meson.build, without the build tree.
test_env() {
  export GLOCAL_TEST_FIXTURES=$root/bindings/fixtures GLOCAL_TEST_LOCALES=$root/locales
  unset GLOCAL_LIBRARY PYTHONPATH LUA_PATH LUA_CPATH
}

step_wheel() {
  test_env
  python3 -m venv "$work/venv"
  local py=$work/venv/bin/python
  "$py" -m pip wheel --no-index --no-deps -q -w "$work/dist" bindings/python
  "$py" -m pip install --no-index -q "$work"/dist/glocal-*.whl
  # The tests, copied: their support.py puts the directory above them on
  # sys.path, which must not be bindings/python.
  cp -r bindings/python/tests "$work/pytests"
  cd "$work/pytests"
  "$py" -B - "$stage_libdir" <<'PY'
import sys, glocal
assert glocal.__file__.startswith(sys.prefix), glocal.__file__
glocal.library_version()
maps = open("/proc/self/maps").read()
assert sys.argv[1] + "/libglocal.so.1" in maps, "libglocal not loaded from " + sys.argv[1]
print("wheel:", glocal.__file__, "with", glocal.library_version(), "from", sys.argv[1])
PY
  # With no library anywhere, the error names every place tried (unless this
  # machine has one installed: then the loader finds it).
  ldconfig -p | grep -q 'libglocal\.so\.1 ' ||
  env -u PKG_CONFIG_PATH -u PKG_CONFIG_SYSROOT_DIR PKG_CONFIG_LIBDIR=/nonexistent "$py" -B - <<'PY'
import glocal
try:
    glocal.library_version()
except OSError as exc:
    for place in ("$GLOCAL_LIBRARY: not set", "pkg-config --variable=libdir glocal",
                  "the system loader", "find_library"):
        assert place in str(exc), (place, str(exc))
else:
    raise AssertionError("a library was found with none installed")
PY
  "$py" -B -m unittest test_values test_format test_errors test_lint test_threads test_gc \
    test_shipped test_negotiate test_result test_read
}

step_rock() {
  test_env
  local tree=$work/rocks
  (cd bindings/lua && luarocks --lua-version=5.4 --tree "$tree" make glocal-*.rockspec)
  rm -f bindings/lua/glocal.so
  local so=$tree/lib/lua/5.4/glocal.so
  [ -f "$so" ]
  # The rock links the library by its soname; the staged one is not in the
  # loader's cache.
  export LD_LIBRARY_PATH=$stage_libdir LUA_CPATH="$tree/lib/lua/5.4/?.so"
  export LUA_PATH="$root/bindings/lua/tests/?.lua"
  ldd "$so" | grep -q "libglocal.so.1 => $stage_libdir/"
  local t
  for t in bindings/lua/tests/test_*.lua; do
    lua5.4 "$t"
  done
}

step_install() {
  unset PKG_CONFIG_PATH PKG_CONFIG_SYSROOT_DIR LD_LIBRARY_PATH GLOCAL_LIBRARY PYTHONPATH \
    LUA_PATH LUA_CPATH
  local prefix
  prefix=$(meson introspect build --buildoptions |
    python3 -c 'import json,sys; print(next(o["value"] for o in json.load(sys.stdin) if o["name"] == "prefix"))')
  [ "$(id -u)" -eq 0 ] || { echo "install: needs root"; return 1; }
  [ "$prefix" = /usr/local ] || { echo "install: ./build's prefix is $prefix"; return 1; }
  if ldconfig -p | grep -q 'libglocal\.so\.1 '; then
    echo "install: a libglocal.so.1 is installed already; the smoke test would find it"
    return 1
  fi
  trap 'ninja -C "$root/build" uninstall >/dev/null; ldconfig' EXIT
  meson install -C build --no-rebuild --quiet
  ./scripts/smoke-installed.sh "$work/install-smoke"
  ninja -C build uninstall >/dev/null
  ldconfig
  trap - EXIT
  if ldconfig -p | grep -q 'libglocal\.so\.1 '; then
    echo "install: libglocal.so.1 is still in the loader's cache after the uninstall"
    return 1
  fi
}

step_deb() {
  ./scripts/test-deb.sh "$work/deb"
}

case " ${steps[*]} " in
  *" wheel "* | *" rock "*)
    if ! stage_install >"$work/stage.log" 2>&1; then
      cat "$work/stage.log"
      echo "stage: meson install into $stage FAILED"
    fi ;;
esac
for s in "${steps[@]}"; do
  step "$s"
done
exit $failed
