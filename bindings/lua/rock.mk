# The Lua module glocal.so for LuaRocks (glocal-*.rockspec, build type make):
# compiled against the installed libglocal found through pkg-config, so
# `luarocks make` needs glocal.pc (installed by meson install or
# libglocal-dev; else set PKG_CONFIG_PATH).  LuaRocks passes CFLAGS, LIBFLAG,
# LUA_INCDIR and INST_LIBDIR.  meson.build builds the same module in-tree.
PKG_CONFIG ?= pkg-config
SOURCES = lglocal.c lglocal_read.c lglocal_values.c
GLOCAL_CFLAGS := $(shell $(PKG_CONFIG) --cflags glocal)
GLOCAL_LIBS := $(shell $(PKG_CONFIG) --libs glocal)

glocal.so: $(SOURCES) lglocal.h
	@$(PKG_CONFIG) --exists glocal || { echo "rock.mk: pkg-config finds no glocal.pc;" \
	    "install libglocal-dev or set PKG_CONFIG_PATH" >&2; exit 1; }
	$(CC) $(CFLAGS) -std=c11 -fvisibility=hidden -I$(LUA_INCDIR) $(GLOCAL_CFLAGS) \
	    $(SOURCES) $(LIBFLAG) -o $@ $(GLOCAL_LIBS)

install: glocal.so
	mkdir -p $(INST_LIBDIR)
	cp glocal.so $(INST_LIBDIR)/

.PHONY: install
