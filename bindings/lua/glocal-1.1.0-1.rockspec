-- The Lua 5.4 module glocal (docs/lua.md) as a rock.  From a source tree,
-- with libglocal installed (meson install, or the libglocal-dev package):
--   cd bindings/lua && luarocks --lua-version=5.4 make
-- The module is built by rock.mk against the library pkg-config finds.
rockspec_format = "3.0"
package = "glocal"
version = "1.1.0-1"
source = {
   url = "git+file:///dev/null",
   dir = "bindings/lua",
}
description = {
   summary = "Lua bindings to libglocal: the right words for one customer",
   detailed = [[
Open a catalog of YAML bundles, format a message for one customer (language,
region, formality, tone, channel) with ICU, explain a resolution, read a
catalog, lint bundles.  Needs libglocal.so.1 and its glocal.pc.]],
   license = "MIT",
   labels = { "i18n", "l10n", "icu" },
}
dependencies = {
   "lua >= 5.4, < 5.5",
}
build = {
   type = "make",
   makefile = "rock.mk",
   build_target = "glocal.so",
   build_variables = {
      CFLAGS = "$(CFLAGS)",
      LIBFLAG = "$(LIBFLAG)",
      LUA_INCDIR = "$(LUA_INCDIR)",
   },
   install_variables = {
      INST_LIBDIR = "$(LIBDIR)",
   },
}
