/*
 * lglocal.c - Lua 5.4 binding of libglocal: `local glocal = require "glocal"`.
 *
 * Conventions (docs/lua.md has the full manual):
 *  - Failures of the input (a catalog that does not load, an unknown id, a
 *    malformed locale, a missing argument) return `nil, message, code, info`
 *    where code is the GLOCAL_ERR_* name and info a table {code=, message=,
 *    file=, line=, column=}.
 *  - Programmer mistakes (a wrong Lua type, an unknown option, a closed
 *    catalog) raise.  An option key that is neither time_zone, isolation,
 *    medium nor fallbacks names an axis; one the catalog lacks is such a
 *    mistake.
 *  - Every C object that lives across a call that may raise (luaL_argerror,
 *    a memory error inside the Lua API) is owned by a "scratch" userdata whose
 *    __gc frees it, so nothing leaks when an error unwinds the stack.
 */
#include "lglocal.h"

#include <stdint.h>
#include <string.h>

/* ---- scratch: C resources owned by a userdata ----------------------------- */

void scratch_release(scratch *s)
{
    glocal_request_free(s->request);
    glocal_args_free(s->args);
    glocal_result_free(s->result);
    glocal_variants_free(s->variants);
    glocal_chain_free(s->chain);
    glocal_terms_free(s->terms);
    glocal_findings_free(s->findings);
    glocal_error_free(s->err);
    glocal_free(s->out);
    memset(s, 0, sizeof *s);
}

int scratch_gc(lua_State *L)
{
    scratch_release(luaL_checkudata(L, 1, SCRATCH_MT));
    return 0;
}

scratch *scratch_new(lua_State *L)
{
    scratch *s = lua_newuserdatauv(L, sizeof *s, 0);
    memset(s, 0, sizeof *s);
    luaL_setmetatable(L, SCRATCH_MT);
    return s;
}

/* ---- failures --------------------------------------------------------------- */

int push_failure(lua_State *L, scratch *s, glocal_status status, const char *fallback)
{
    const char *message = fallback;
    const char *file = NULL;
    unsigned line = 0, column = 0;

    if (s->err != NULL) {
        status = glocal_error_code(s->err);
        message = glocal_error_message(s->err);
        file = glocal_error_file(s->err);
        line = glocal_error_line(s->err);
        column = glocal_error_column(s->err);
        if (message == NULL)
            message = fallback;
    }
    const char *code = glocal_status_name(status);

    lua_pushnil(L);
    /* message, prefixed with FILE:LINE:COL: unless the library already did */
    if (file != NULL && strncmp(message, file, strlen(file)) != 0) {
        if (line > 0 && column > 0)
            lua_pushfstring(L, "%s:%d:%d: %s", file, (int)line, (int)column, message);
        else if (line > 0)
            lua_pushfstring(L, "%s:%d: %s", file, (int)line, message);
        else
            lua_pushfstring(L, "%s: %s", file, message);
    } else {
        lua_pushstring(L, message);
    }
    lua_pushstring(L, code);
    lua_createtable(L, 0, 5);
    lua_pushstring(L, code);
    lua_setfield(L, -2, "code");
    lua_pushstring(L, message);
    lua_setfield(L, -2, "message");
    if (file != NULL) {
        lua_pushstring(L, file);
        lua_setfield(L, -2, "file");
    }
    if (line > 0) {
        lua_pushinteger(L, line);
        lua_setfield(L, -2, "line");
    }
    if (column > 0) {
        lua_pushinteger(L, column);
        lua_setfield(L, -2, "column");
    }
    scratch_release(s);
    return 4;
}

/* A string argument that must cross into C whole: embedded NULs are input
 * errors, reported as GLOCAL_ERR_INVALID like invalid UTF-8 is. */
const char *c_string(lua_State *L, int idx, const char *what)
{
    size_t len;
    const char *s = lua_tolstring(L, idx, &len);
    if (strlen(s) != len) {
        lua_pushfstring(L, "%s contains a NUL byte", what);
        return NULL;
    }
    return s;
}

int fail_nul(lua_State *L, scratch *s)
{
    /* the message is on top of the stack */
    const char *msg = lua_tostring(L, -1);
    return push_failure(L, s, GLOCAL_ERR_INVALID, msg);
}

/* ---- tables ------------------------------------------------------------------ */

void set_string(lua_State *L, const char *key, const char *value)
{
    if (value != NULL) {
        lua_pushstring(L, value);
        lua_setfield(L, -2, key);
    }
}

void set_integer(lua_State *L, const char *key, lua_Integer value)
{
    lua_pushinteger(L, value);
    lua_setfield(L, -2, key);
}

void set_boolean(lua_State *L, const char *key, int value)
{
    lua_pushboolean(L, value);
    lua_setfield(L, -2, key);
}

void new_array(lua_State *L, size_t n)
{
    lua_createtable(L, n > INT32_MAX ? 0 : (int)n, 0);
}

/* ---- catalog ------------------------------------------------------------------ */

lcatalog *check_catalog(lua_State *L)
{
    lcatalog *lc = luaL_checkudata(L, 1, CATALOG_MT);
    if (lc->c == NULL)
        luaL_error(L, "attempt to use a closed glocal catalog");
    return lc;
}

static int l_open(lua_State *L)
{
    luaL_checkstring(L, 1);
    scratch *s = scratch_new(L);
    /* The userdata exists, closed, before the catalog does: if anything
     * below raises, there is nothing to leak. */
    lcatalog *lc = lua_newuserdatauv(L, sizeof *lc, 1);
    lc->c = NULL;
    luaL_setmetatable(L, CATALOG_MT);
    lua_pushvalue(L, 1);
    lua_setiuservalue(L, -2, 1);

    const char *dir = c_string(L, 1, "catalog directory");
    if (dir == NULL)
        return fail_nul(L, s);
    glocal_status st = glocal_catalog_open(dir, &lc->c, &s->err);
    if (st != GLOCAL_OK)
        return push_failure(L, s, st, "cannot open catalog");
    scratch_release(s);
    return 1;
}

/* __gc, __close and cat:close(): idempotent. */
static int cat_close(lua_State *L)
{
    lcatalog *lc = luaL_checkudata(L, 1, CATALOG_MT);
    glocal_catalog *c = lc->c;
    lc->c = NULL;
    glocal_catalog_unref(c);
    return 0;
}

static int cat_tostring(lua_State *L)
{
    lcatalog *lc = luaL_checkudata(L, 1, CATALOG_MT);
    if (lc->c == NULL) {
        lua_pushliteral(L, "glocal.Catalog (closed)");
    } else {
        lua_getiuservalue(L, 1, 1);
        lua_pushfstring(L, "glocal.Catalog (%s)", lua_tostring(L, -1));
    }
    return 1;
}

static int cat_locales(lua_State *L)
{
    lcatalog *lc = check_catalog(L);
    size_t n = glocal_catalog_locale_count(lc->c);
    new_array(L, n);
    for (size_t i = 0; i < n; i++) {
        lua_pushstring(L, glocal_catalog_locale_at(lc->c, i));
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    return 1;
}

static int cat_profile(lua_State *L)
{
    lcatalog *lc = check_catalog(L);
    luaL_checkstring(L, 2);
    luaL_checkstring(L, 3);
    scratch *s = scratch_new(L);
    const char *locale = c_string(L, 2, "locale");
    if (locale == NULL)
        return fail_nul(L, s);
    const char *key = c_string(L, 3, "profile key");
    if (key == NULL)
        return fail_nul(L, s);
    glocal_status st = glocal_profile(lc->c, locale, key, &s->out, &s->err);
    if (st != GLOCAL_OK)
        return push_failure(L, s, st, "profile lookup failed");
    lua_pushstring(L, s->out);
    scratch_release(s);
    return 1;
}

/* cat:negotiate(header): the locale to serve for an Accept-Language value. */
static int cat_negotiate(lua_State *L)
{
    lcatalog *lc = check_catalog(L);
    luaL_checkstring(L, 2);
    scratch *s = scratch_new(L);
    const char *header = c_string(L, 2, "Accept-Language header");
    if (header == NULL)
        return fail_nul(L, s);
    glocal_status st = glocal_negotiate(lc->c, header, &s->out, &s->err);
    if (st != GLOCAL_OK)
        return push_failure(L, s, st, "cannot negotiate a locale");
    lua_pushstring(L, s->out);
    scratch_release(s);
    return 1;
}

/* ---- request options ------------------------------------------------------------ */

static const char *const isolation_names[] = {"auto", "never", "always", NULL};
/* Indexed by glocal_medium. */
static const char *const medium_names[] = {"channel", "plain", "html", NULL};

/* Pushes the message for an option key that is neither an option nor an
 * axis of c, listing what is. */
static const char *unknown_option(lua_State *L, const glocal_catalog *c, const char *key)
{
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    luaL_addstring(&b, "unknown option '");
    luaL_addstring(&b, key);
    luaL_addstring(&b, "' (expected time_zone, isolation, medium, fallbacks or an axis of this "
                       "catalog:");
    for (size_t i = 0; i < glocal_catalog_axis_count(c); i++) {
        luaL_addstring(&b, i > 0 ? ", " : " ");
        luaL_addstring(&b, glocal_catalog_axis_name(c, i));
    }
    luaL_addstring(&b, ")");
    luaL_pushresult(&b);
    return lua_tostring(L, -1);
}

/* st, after pushing a message about option key for a failure to fall back
 * on when the library gave no error (s->err has its reason otherwise). */
static glocal_status refused(lua_State *L, glocal_status st, const char *key)
{
    if (st != GLOCAL_OK)
        lua_pushfstring(L, "option '%s' was refused", key);
    return st;
}

/* fallbacks = {"es", "en"} (the value on top of the stack), in order. */
static glocal_status add_fallbacks(lua_State *L, int idx, scratch *s)
{
    if (!lua_istable(L, -1))
        luaL_argerror(L, idx, lua_pushfstring(L, "option 'fallbacks' must be an array of "
                                                 "locales, not %s", luaL_typename(L, -1)));
    lua_Unsigned n = lua_rawlen(L, -1);
    for (lua_Unsigned i = 1; i <= n; i++) {
        if (lua_rawgeti(L, -1, (lua_Integer)i) != LUA_TSTRING)
            luaL_argerror(L, idx, lua_pushfstring(L, "fallbacks[%I] must be a string, not %s",
                                                  (lua_Integer)i, luaL_typename(L, -1)));
        const char *locale = c_string(L, -1, "a fallback locale");
        if (locale == NULL)
            return GLOCAL_ERR_INVALID;
        glocal_status st = glocal_request_add_fallback(s->request, locale, &s->err);
        if (st != GLOCAL_OK)
            return refused(L, st, "fallbacks");
        lua_pop(L, 1);
    }
    return GLOCAL_OK;
}

static glocal_status set_isolation(lua_State *L, int idx, scratch *s, const char *mode)
{
    for (int i = 0; isolation_names[i] != NULL; i++)
        if (strcmp(mode, isolation_names[i]) == 0)
            return refused(L, glocal_request_set_isolation(s->request, (glocal_isolation)i,
                                                           &s->err), "isolation");
    luaL_argerror(L, idx, lua_pushfstring(L, "isolation must be 'auto', 'never' or 'always', "
                                             "not '%s'", mode));
    return GLOCAL_ERR_INVALID; /* not reached */
}

static glocal_status set_medium(lua_State *L, int idx, scratch *s, const char *medium)
{
    for (int i = 0; medium_names[i] != NULL; i++)
        if (strcmp(medium, medium_names[i]) == 0)
            return refused(L, glocal_request_set_medium(s->request, (glocal_medium)i, &s->err),
                           "medium");
    luaL_argerror(L, idx, lua_pushfstring(L, "medium must be 'channel', 'plain' or 'html', "
                                             "not '%s'", medium));
    return GLOCAL_ERR_INVALID; /* not reached */
}

/* Whether key is a request option rather than an axis (fallbacks aside). */
static int is_option(const char *key)
{
    return strcmp(key, "time_zone") == 0 || strcmp(key, "isolation") == 0 ||
           strcmp(key, "medium") == 0;
}

/* Applies the option whose key and value lua_next left on the stack.
 * Returns GLOCAL_OK, or a failing status with s->err set or a message
 * pushed.  Raises on programmer mistakes. */
static glocal_status apply_option(lua_State *L, int idx, scratch *s, const glocal_catalog *c)
{
    size_t len;
    const char *key = lua_type(L, -2) == LUA_TSTRING ? lua_tolstring(L, -2, &len) : NULL;
    if (key != NULL && strcmp(key, "fallbacks") == 0)
        return add_fallbacks(L, idx, s);
    int axis = key != NULL && !is_option(key);
    if (key == NULL || strlen(key) != len ||
        (axis && glocal_catalog_axis_value_count(c, key) == 0)) {
        lua_pushvalue(L, -2);
        luaL_argerror(L, idx, unknown_option(L, c, luaL_tolstring(L, -1, NULL)));
    }
    if (lua_type(L, -1) != LUA_TSTRING)
        luaL_argerror(L, idx, lua_pushfstring(L, "option '%s' must be a string, not %s", key,
                                              luaL_typename(L, -1)));
    const char *value = c_string(L, -1, key);
    if (value == NULL)
        return GLOCAL_ERR_INVALID;
    if (axis)
        return refused(L, glocal_request_set_axis(s->request, key, value, &s->err), key);
    if (strcmp(key, "time_zone") == 0)
        return refused(L, glocal_request_set_time_zone(s->request, value, &s->err), key);
    if (strcmp(key, "medium") == 0)
        return set_medium(L, idx, s, value);
    return set_isolation(L, idx, s, value);
}

/* Reads opts (a table at index idx) into s->request. */
static glocal_status apply_options(lua_State *L, int idx, scratch *s, const glocal_catalog *c)
{
    lua_pushnil(L);
    while (lua_next(L, idx) != 0) {
        glocal_status st = apply_option(L, idx, s, c);
        if (st != GLOCAL_OK)
            return st;
        lua_pop(L, 1);
    }
    return GLOCAL_OK;
}

/* ---- formatting ------------------------------------------------------------------- */

/* What cat:format, cat:explain and cat:format_result share: checks (catalog,
 * id, locale [, args [, opts]]), pushes a scratch at index 6 and fills its
 * request and args.  Returns 0, or the number of values it pushed for a
 * failure (the caller returns them). */
static int prepare_call(lua_State *L)
{
    lcatalog *lc = check_catalog(L);
    luaL_checkstring(L, 2);
    luaL_checkstring(L, 3);
    if (!lua_isnoneornil(L, 4))
        luaL_checktype(L, 4, LUA_TTABLE);
    if (!lua_isnoneornil(L, 5))
        luaL_checktype(L, 5, LUA_TTABLE);
    lua_settop(L, 5);
    scratch *s = scratch_new(L);

    if (c_string(L, 2, "message id") == NULL)
        return fail_nul(L, s);
    const char *locale = c_string(L, 3, "locale");
    if (locale == NULL)
        return fail_nul(L, s);
    glocal_status st = glocal_request_new(locale, &s->request, &s->err);
    if (st != GLOCAL_OK)
        return push_failure(L, s, st, "locale refused");
    if (lua_istable(L, 5)) {
        st = apply_options(L, 5, s, lc->c);
        if (st != GLOCAL_OK)
            return push_failure(L, s, st, lua_tostring(L, -1));
    }
    if (lua_istable(L, 4)) {
        st = build_args(L, 4, s);
        if (st != GLOCAL_OK)
            return push_failure(L, s, st, lua_tostring(L, -1));
    }
    return 0;
}

typedef glocal_status (*render_fn)(const glocal_catalog *, const char *, const glocal_request *,
                                   const glocal_args *, char **, glocal_error **);

/* cat:format(id, locale [, args [, opts]]) and cat:explain(...) */
static int render(lua_State *L, render_fn fn)
{
    int failed = prepare_call(L);
    if (failed)
        return failed;
    scratch *s = lua_touserdata(L, 6);
    glocal_status st = fn(check_catalog(L)->c, lua_tostring(L, 2), s->request, s->args, &s->out,
                          &s->err);
    if (st != GLOCAL_OK)
        return push_failure(L, s, st, "formatting failed");
    lua_pushstring(L, s->out);
    scratch_release(s);
    return 1;
}

enum { FIRST_BUFFER = 1024 }; /* bytes: most messages fit, a longer one is formatted again */

/* cat:format(id, locale [, args [, opts]]): glocal_format_to into a buffer on
 * the C stack, and a longer text into a Lua buffer of the size it needs, so
 * that no string is allocated by the library only to be copied and freed. */
static int cat_format(lua_State *L)
{
    int failed = prepare_call(L);
    if (failed)
        return failed;
    scratch *s = lua_touserdata(L, 6);
    const glocal_catalog *c = check_catalog(L)->c;
    const char *id = lua_tostring(L, 2);
    char first[FIRST_BUFFER];
    size_t len = 0;
    glocal_status st = glocal_format_to(c, id, s->request, s->args, first, sizeof first, &len,
                                        &s->err);
    if (st == GLOCAL_ERR_BUFFER) {
        glocal_error_free(s->err);
        s->err = NULL;
        luaL_Buffer b;
        char *text = luaL_buffinitsize(L, &b, len + 1);
        st = glocal_format_to(c, id, s->request, s->args, text, len + 1, &len, &s->err);
        if (st == GLOCAL_OK) {
            luaL_pushresultsize(&b, len);
            scratch_release(s);
            return 1;
        }
    }
    if (st != GLOCAL_OK)
        return push_failure(L, s, st, "formatting failed");
    lua_pushlstring(L, first, len);
    scratch_release(s);
    return 1;
}

static int cat_explain(lua_State *L)
{
    return render(L, glocal_explain);
}

/* The axes of the context that chose the variant: {formality = {value=,
 * source=, profile=}, ...}, set ones only. */
static void push_result_axes(lua_State *L, const glocal_catalog *c, const glocal_result *res)
{
    lua_newtable(L);
    for (size_t i = 0; i < glocal_catalog_axis_count(c); i++) {
        const char *axis = glocal_catalog_axis_name(c, i);
        const char *value = glocal_result_axis(res, axis);
        if (value == NULL)
            continue;
        lua_createtable(L, 0, 3);
        set_string(L, "value", value);
        set_string(L, "source", glocal_result_axis_source(res, axis));
        set_string(L, "profile", glocal_result_axis_profile(res, axis));
        lua_setfield(L, -2, axis);
    }
}

static void push_result(lua_State *L, const glocal_catalog *c, const glocal_result *res)
{
    lua_createtable(L, 0, 12);
    lua_pushlstring(L, glocal_result_text(res), glocal_result_length(res));
    lua_setfield(L, -2, "text");
    set_string(L, "bundle", glocal_result_bundle(res));
    set_string(L, "variant", glocal_result_variant(res));
    set_string(L, "file", glocal_result_file(res));
    set_integer(L, "line", glocal_result_line(res));
    set_integer(L, "column", glocal_result_column(res));
    set_string(L, "format_locale", glocal_result_format_locale(res));
    set_string(L, "language", glocal_result_language(res));
    set_boolean(L, "fallback", glocal_result_fallback(res));
    push_result_axes(L, c, res);
    lua_setfield(L, -2, "axes");
    set_string(L, "time_zone", glocal_result_time_zone(res));
    set_string(L, "time_zone_source", glocal_result_time_zone_source(res));
    set_string(L, "time_zone_profile", glocal_result_time_zone_profile(res));
    size_t segments, units;
    int ucs2;
    if (glocal_result_sms(res, &segments, &units, &ucs2)) {
        lua_createtable(L, 0, 3);
        set_integer(L, "segments", (lua_Integer)segments);
        set_integer(L, "units", (lua_Integer)units);
        set_boolean(L, "ucs2", ucs2);
        lua_setfield(L, -2, "sms");
    }
}

/* cat:format_result(id, locale [, args [, opts]]): the text and what served it. */
static int cat_format_result(lua_State *L)
{
    int failed = prepare_call(L);
    if (failed)
        return failed;
    scratch *s = lua_touserdata(L, 6);
    const glocal_catalog *c = check_catalog(L)->c;
    glocal_status st = glocal_format_result(c, lua_tostring(L, 2), s->request, s->args,
                                            &s->result, &s->err);
    if (st != GLOCAL_OK)
        return push_failure(L, s, st, "formatting failed");
    push_result(L, c, s->result);
    scratch_release(s);
    return 1;
}

/* ---- module ---------------------------------------------------------------------- */

static const luaL_Reg catalog_methods[] = {
    {"format", cat_format},
    {"explain", cat_explain},
    {"format_result", cat_format_result},
    {"locales", cat_locales},
    {"profile", cat_profile},
    {"negotiate", cat_negotiate},
    {"close", cat_close},
    {NULL, NULL},
};

static const luaL_Reg catalog_meta[] = {
    {"__gc", cat_close},
    {"__close", cat_close},
    {"__tostring", cat_tostring},
    {"__index", NULL}, /* set to the method table below */
    {NULL, NULL},
};

static const luaL_Reg scratch_meta[] = {{"__gc", scratch_gc}, {"__close", scratch_gc}, {NULL, NULL}};

static const luaL_Reg functions[] = {
    {"open", l_open},
    {NULL, NULL},
};

void new_metatable(lua_State *L, const char *name, const luaL_Reg *meta)
{
    luaL_newmetatable(L, name);
    luaL_setfuncs(L, meta, 0);
    lua_pushliteral(L, "glocal"); /* metatables are not for users to change */
    lua_setfield(L, -2, "__metatable");
    lua_pop(L, 1);
}

#if defined(__GNUC__)
__attribute__((visibility("default")))
#endif
int luaopen_glocal(lua_State *L)
{
    luaL_checkversion(L);
    luaL_newmetatable(L, CATALOG_MT);
    luaL_setfuncs(L, catalog_meta, 0);
    luaL_newlibtable(L, catalog_methods);
    luaL_setfuncs(L, catalog_methods, 0);
    luaL_setfuncs(L, lglocal_read_methods, 0);
    lua_setfield(L, -2, "__index");
    lua_pushliteral(L, "glocal");
    lua_setfield(L, -2, "__metatable");
    lua_pop(L, 1);
    lglocal_value_types(L);
    new_metatable(L, SCRATCH_MT, scratch_meta);

    luaL_newlib(L, functions);
    luaL_setfuncs(L, lglocal_value_functions, 0);
    luaL_setfuncs(L, lglocal_read_functions, 0);
    lua_pushliteral(L, "glocal " GLOCAL_VERSION_STRING);
    lua_setfield(L, -2, "_VERSION");
    return 1;
}
