/*
 * lglocal.c - Lua 5.4 binding of libglocal: `local glocal = require "glocal"`.
 *
 * Conventions (docs/lua.md has the full manual):
 *  - Failures of the input (a catalog that does not load, an unknown id, a
 *    malformed locale, a missing argument) return `nil, message, code, info`
 *    where code is the GLOCAL_ERR_* name and info a table {code=, message=,
 *    file=, line=, column=}.
 *  - Programmer mistakes (a wrong Lua type, an unknown option, a closed
 *    catalog) raise.
 *  - Every C object that lives across a call that may raise (luaL_argerror,
 *    a memory error inside the Lua API) is owned by a "scratch" userdata whose
 *    __gc frees it, so nothing leaks when an error unwinds the stack.
 */
#include <glocal.h>

#include <lauxlib.h>
#include <lua.h>

#include <stdint.h>
#include <string.h>

#define CATALOG_MT "glocal.Catalog"
#define DATE_MT "glocal.Date"
#define MONEY_MT "glocal.Money"
#define DECIMAL_MT "glocal.Decimal"
#define SCRATCH_MT "glocal.scratch"

typedef struct lcatalog {
    glocal_catalog *c; /* NULL once closed (or before it opened) */
} lcatalog;

typedef struct ldate {
    int64_t ms;
} ldate;

/* Money and decimals keep their strings as user values (1: amount/value,
 * 2: currency), so Lua owns the memory. */

typedef struct scratch {
    glocal_request *request;
    glocal_args *args;
    glocal_findings *findings;
    glocal_error *err;
    char *out;
} scratch;

/* ---- scratch: C resources owned by a userdata ----------------------------- */

static void scratch_release(scratch *s)
{
    glocal_request_free(s->request);
    glocal_args_free(s->args);
    glocal_findings_free(s->findings);
    glocal_error_free(s->err);
    glocal_free(s->out);
    memset(s, 0, sizeof *s);
}

static int scratch_gc(lua_State *L)
{
    scratch_release(luaL_checkudata(L, 1, SCRATCH_MT));
    return 0;
}

/* Pushes a new, empty scratch on the stack. */
static scratch *scratch_new(lua_State *L)
{
    scratch *s = lua_newuserdatauv(L, sizeof *s, 0);
    memset(s, 0, sizeof *s);
    luaL_setmetatable(L, SCRATCH_MT);
    return s;
}

/* ---- failures --------------------------------------------------------------- */

/* Pushes nil, message, code, info for a failure described by s->err (when
 * set) or by status and fallback; releases s.  Returns 4. */
static int push_failure(lua_State *L, scratch *s, glocal_status status, const char *fallback)
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
 * errors, reported as GLOCAL_ERR_INVALID like invalid UTF-8 is.  Returns
 * NULL after pushing the failure message (as a Lua string) on the stack. */
static const char *c_string(lua_State *L, int idx, const char *what)
{
    size_t len;
    const char *s = lua_tolstring(L, idx, &len);
    if (strlen(s) != len) {
        lua_pushfstring(L, "%s contains a NUL byte", what);
        return NULL;
    }
    return s;
}

static int fail_nul(lua_State *L, scratch *s)
{
    /* the message is on top of the stack */
    const char *msg = lua_tostring(L, -1);
    return push_failure(L, s, GLOCAL_ERR_INVALID, msg);
}

/* ---- value types: glocal.date, glocal.money, glocal.decimal ----------------- */

static int l_date(lua_State *L)
{
    lua_Integer ms = luaL_checkinteger(L, 1);
    ldate *d = lua_newuserdatauv(L, sizeof *d, 0);
    d->ms = (int64_t)ms;
    luaL_setmetatable(L, DATE_MT);
    return 1;
}

static int date_index(lua_State *L)
{
    ldate *d = luaL_checkudata(L, 1, DATE_MT);
    const char *key = lua_tostring(L, 2);
    if (key != NULL && strcmp(key, "ms") == 0)
        lua_pushinteger(L, (lua_Integer)d->ms);
    else
        lua_pushnil(L);
    return 1;
}

static int date_tostring(lua_State *L)
{
    ldate *d = luaL_checkudata(L, 1, DATE_MT);
    lua_pushfstring(L, "glocal.date(%I)", (lua_Integer)d->ms);
    return 1;
}

static int date_eq(lua_State *L)
{
    ldate *a = luaL_checkudata(L, 1, DATE_MT);
    ldate *b = luaL_checkudata(L, 2, DATE_MT);
    lua_pushboolean(L, a->ms == b->ms);
    return 1;
}

/* An exact decimal given as a string, or as an integer (floats are refused:
 * they cannot hold 19.90). */
static const char *check_decimal(lua_State *L, int idx)
{
    if (lua_type(L, idx) == LUA_TNUMBER) {
        if (!lua_isinteger(L, idx))
            luaL_argerror(L, idx, "floats cannot hold decimals exactly: pass a string such as \"19.90\"");
        lua_pushfstring(L, "%I", (lua_Integer)lua_tointeger(L, idx));
        lua_replace(L, idx);
    }
    return luaL_checkstring(L, idx);
}

/* Checks a decimal (and currency, when not NULL) with the library's own rules
 * by setting them on a throw-away argument list. */
static glocal_status validate_decimal(const char *amount, const char *currency)
{
    glocal_args *a = NULL;
    glocal_args_new(&a, NULL);
    if (a == NULL)
        return GLOCAL_ERR_NOMEM;
    glocal_status st = currency != NULL ? glocal_args_money(a, "v", amount, currency, NULL)
                                        : glocal_args_decimal(a, "v", amount, NULL);
    glocal_args_free(a);
    return st;
}

static int l_money(lua_State *L)
{
    const char *amount = check_decimal(L, 1);
    const char *currency = luaL_checkstring(L, 2);
    scratch *s = scratch_new(L);
    if (c_string(L, 1, "money amount") == NULL || c_string(L, 2, "currency") == NULL)
        return fail_nul(L, s);
    glocal_status st = validate_decimal(amount, currency);
    if (st != GLOCAL_OK) {
        const char *msg = lua_pushfstring(L, "money %s %s is not a decimal amount and an ISO 4217 code",
                                          amount, currency);
        return push_failure(L, s, st, msg);
    }
    lua_newuserdatauv(L, 0, 2);
    lua_pushvalue(L, 1);
    lua_setiuservalue(L, -2, 1);
    lua_pushvalue(L, 2);
    lua_setiuservalue(L, -2, 2);
    luaL_setmetatable(L, MONEY_MT);
    return 1;
}

static int money_index(lua_State *L)
{
    luaL_checkudata(L, 1, MONEY_MT);
    const char *key = lua_tostring(L, 2);
    if (key != NULL && strcmp(key, "amount") == 0)
        lua_getiuservalue(L, 1, 1);
    else if (key != NULL && strcmp(key, "currency") == 0)
        lua_getiuservalue(L, 1, 2);
    else
        lua_pushnil(L);
    return 1;
}

static int money_tostring(lua_State *L)
{
    luaL_checkudata(L, 1, MONEY_MT);
    lua_getiuservalue(L, 1, 1);
    lua_pushliteral(L, " ");
    lua_getiuservalue(L, 1, 2);
    lua_concat(L, 3);
    return 1;
}

static int money_eq(lua_State *L)
{
    luaL_checkudata(L, 1, MONEY_MT);
    luaL_checkudata(L, 2, MONEY_MT);
    for (int i = 1; i <= 2; i++) {
        lua_getiuservalue(L, 1, i);
        lua_getiuservalue(L, 2, i);
        if (!lua_rawequal(L, -1, -2)) {
            lua_pushboolean(L, 0);
            return 1;
        }
        lua_pop(L, 2);
    }
    lua_pushboolean(L, 1);
    return 1;
}

static int l_decimal(lua_State *L)
{
    const char *value = check_decimal(L, 1);
    scratch *s = scratch_new(L);
    if (c_string(L, 1, "decimal") == NULL)
        return fail_nul(L, s);
    glocal_status st = validate_decimal(value, NULL);
    if (st != GLOCAL_OK) {
        const char *msg = lua_pushfstring(L, "%s is not a decimal number", value);
        return push_failure(L, s, st, msg);
    }
    lua_newuserdatauv(L, 0, 1);
    lua_pushvalue(L, 1);
    lua_setiuservalue(L, -2, 1);
    luaL_setmetatable(L, DECIMAL_MT);
    return 1;
}

static int decimal_index(lua_State *L)
{
    luaL_checkudata(L, 1, DECIMAL_MT);
    const char *key = lua_tostring(L, 2);
    if (key != NULL && strcmp(key, "value") == 0)
        lua_getiuservalue(L, 1, 1);
    else
        lua_pushnil(L);
    return 1;
}

static int decimal_tostring(lua_State *L)
{
    luaL_checkudata(L, 1, DECIMAL_MT);
    lua_getiuservalue(L, 1, 1);
    return 1;
}

static int decimal_eq(lua_State *L)
{
    luaL_checkudata(L, 1, DECIMAL_MT);
    luaL_checkudata(L, 2, DECIMAL_MT);
    lua_getiuservalue(L, 1, 1);
    lua_getiuservalue(L, 2, 1);
    lua_pushboolean(L, lua_rawequal(L, -1, -2));
    return 1;
}

/* ---- catalog ------------------------------------------------------------------ */

static lcatalog *check_catalog(lua_State *L)
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
    lua_createtable(L, n > INT32_MAX ? 0 : (int)n, 0);
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

static const char *const option_names[] = {"formality", "tone", "channel", "time_zone",
                                           "isolation", NULL};
static const char *const isolation_names[] = {"auto", "never", "always", NULL};

/* Reads opts (a table at index idx) into s->request.  Returns GLOCAL_OK or
 * the failing status (s->err set).  Raises on programmer mistakes. */
static glocal_status apply_options(lua_State *L, int idx, scratch *s)
{
    lua_pushnil(L);
    while (lua_next(L, idx) != 0) {
        int known = 0;
        if (lua_type(L, -2) == LUA_TSTRING) {
            const char *key = lua_tostring(L, -2);
            for (int i = 0; option_names[i] != NULL; i++)
                known |= strcmp(key, option_names[i]) == 0;
        }
        if (!known) {
            lua_pushvalue(L, -2);
            luaL_argerror(L, idx, lua_pushfstring(L, "unknown option '%s' (expected formality, "
                                                     "tone, channel, time_zone or isolation)",
                                                  luaL_tolstring(L, -1, NULL)));
        }
        if (lua_type(L, -1) != LUA_TSTRING)
            luaL_argerror(L, idx, lua_pushfstring(L, "option '%s' must be a string, not %s",
                                                  lua_tostring(L, -2), luaL_typename(L, -1)));
        lua_pop(L, 1);
    }
    for (int i = 0; i < 3; i++) {
        if (lua_getfield(L, idx, option_names[i]) == LUA_TSTRING) {
            const char *value = lua_tostring(L, -1);
            glocal_status st = glocal_request_set_axis(s->request, option_names[i], value, &s->err);
            if (st != GLOCAL_OK)
                return st;
        }
        lua_pop(L, 1);
    }
    if (lua_getfield(L, idx, "time_zone") == LUA_TSTRING) {
        glocal_status st = glocal_request_set_time_zone(s->request, lua_tostring(L, -1), &s->err);
        if (st != GLOCAL_OK)
            return st;
    }
    lua_pop(L, 1);
    if (lua_getfield(L, idx, "isolation") == LUA_TSTRING) {
        const char *mode = lua_tostring(L, -1);
        int which = -1;
        for (int i = 0; isolation_names[i] != NULL; i++)
            if (strcmp(mode, isolation_names[i]) == 0)
                which = i;
        if (which < 0)
            luaL_argerror(L, idx, lua_pushfstring(L, "isolation must be 'auto', 'never' or "
                                                     "'always', not '%s'", mode));
        glocal_status st = glocal_request_set_isolation(s->request, (glocal_isolation)which,
                                                        &s->err);
        if (st != GLOCAL_OK)
            return st;
    }
    lua_pop(L, 1);
    return GLOCAL_OK;
}

/* Reads args (a table at index idx) into s->args.  Returns GLOCAL_OK, or a
 * failing status with a message pushed on the stack.  Raises on programmer
 * mistakes (a non-string name, a value of a type glocal has no use for). */
static glocal_status build_args(lua_State *L, int idx, scratch *s)
{
    glocal_args_new(&s->args, NULL);
    if (s->args == NULL) {
        lua_pushliteral(L, "out of memory");
        return GLOCAL_ERR_NOMEM;
    }
    lua_pushnil(L);
    while (lua_next(L, idx) != 0) {
        if (lua_type(L, -2) != LUA_TSTRING)
            luaL_argerror(L, idx, lua_pushfstring(L, "argument names must be strings, not %s",
                                                  luaL_typename(L, -2)));
        size_t len;
        const char *name = lua_tolstring(L, -2, &len);
        glocal_status st;
        if (strlen(name) != len) {
            lua_pushliteral(L, "an argument name contains a NUL byte");
            return GLOCAL_ERR_INVALID;
        }
        switch (lua_type(L, -1)) {
        case LUA_TSTRING: {
            const char *text = lua_tolstring(L, -1, &len);
            if (strlen(text) != len) {
                lua_pushfstring(L, "argument '%s' contains a NUL byte", name);
                return GLOCAL_ERR_INVALID;
            }
            st = glocal_args_text(s->args, name, text, NULL);
            break;
        }
        case LUA_TNUMBER:
            if (lua_isinteger(L, -1))
                st = glocal_args_int(s->args, name, (int64_t)lua_tointeger(L, -1), NULL);
            else
                st = glocal_args_double(s->args, name, (double)lua_tonumber(L, -1), NULL);
            break;
        case LUA_TUSERDATA: {
            ldate *d = luaL_testudata(L, -1, DATE_MT);
            if (d != NULL) {
                st = glocal_args_date(s->args, name, d->ms, NULL);
            } else if (luaL_testudata(L, -1, MONEY_MT) != NULL) {
                lua_getiuservalue(L, -1, 1);
                lua_getiuservalue(L, -2, 2);
                st = glocal_args_money(s->args, name, lua_tostring(L, -2), lua_tostring(L, -1), NULL);
                lua_pop(L, 2);
            } else if (luaL_testudata(L, -1, DECIMAL_MT) != NULL) {
                lua_getiuservalue(L, -1, 1);
                st = glocal_args_decimal(s->args, name, lua_tostring(L, -1), NULL);
                lua_pop(L, 1);
            } else {
                luaL_argerror(L, idx, lua_pushfstring(L, "argument '%s' is a userdata that is not "
                                                         "a glocal.date, money or decimal", name));
                return GLOCAL_ERR_INVALID; /* not reached */
            }
            break;
        }
        default:
            luaL_argerror(L, idx, lua_pushfstring(L, "argument '%s' is a %s; use a string, a "
                                                     "number, glocal.date, glocal.money or "
                                                     "glocal.decimal", name, luaL_typename(L, -1)));
            return GLOCAL_ERR_INVALID; /* not reached */
        }
        if (st != GLOCAL_OK) {
            if (st == GLOCAL_ERR_INVALID)
                lua_pushfstring(L, "argument '%s' was refused: a name must match "
                                   "[A-Za-z_][A-Za-z0-9_]*, a number must be finite, "
                                   "text must be valid UTF-8", name);
            else
                lua_pushfstring(L, "argument '%s' was refused (%s)", name, glocal_status_name(st));
            return st;
        }
        lua_pop(L, 1);
    }
    return GLOCAL_OK;
}

typedef glocal_status (*render_fn)(const glocal_catalog *, const char *, const glocal_request *,
                                   const glocal_args *, char **, glocal_error **);

/* cat:format(id, locale [, args [, opts]]) and cat:explain(...) */
static int render(lua_State *L, render_fn fn)
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

    const char *id = c_string(L, 2, "message id");
    if (id == NULL)
        return fail_nul(L, s);
    const char *locale = c_string(L, 3, "locale");
    if (locale == NULL)
        return fail_nul(L, s);
    glocal_status st = glocal_request_new(locale, &s->request, &s->err);
    if (st != GLOCAL_OK)
        return push_failure(L, s, st, "locale refused");
    if (lua_istable(L, 5)) {
        st = apply_options(L, 5, s);
        if (st != GLOCAL_OK)
            return push_failure(L, s, st, "option refused");
    }
    if (lua_istable(L, 4)) {
        st = build_args(L, 4, s);
        if (st != GLOCAL_OK)
            return push_failure(L, s, st, lua_tostring(L, -1));
    }
    st = fn(lc->c, id, s->request, s->args, &s->out, &s->err);
    if (st != GLOCAL_OK)
        return push_failure(L, s, st, "formatting failed");
    lua_pushstring(L, s->out);
    scratch_release(s);
    return 1;
}

static int cat_format(lua_State *L)
{
    return render(L, glocal_format);
}

static int cat_explain(lua_State *L)
{
    return render(L, glocal_explain);
}

/* ---- lint ---------------------------------------------------------------------- */

static void set_string(lua_State *L, const char *key, const char *value)
{
    if (value != NULL) {
        lua_pushstring(L, value);
        lua_setfield(L, -2, key);
    }
}

static int l_lint(lua_State *L)
{
    luaL_checkstring(L, 1);
    scratch *s = scratch_new(L);
    const char *dir = c_string(L, 1, "catalog directory");
    if (dir == NULL)
        return fail_nul(L, s);
    glocal_status st = glocal_lint(dir, &s->findings, &s->err);
    if (st != GLOCAL_OK)
        return push_failure(L, s, st, "lint failed");
    size_t n = glocal_findings_count(s->findings);
    lua_createtable(L, n > INT32_MAX ? 0 : (int)n, 0);
    for (size_t i = 0; i < n; i++) {
        const glocal_finding *x = glocal_findings_at(s->findings, i);
        lua_createtable(L, 0, 8);
        set_string(L, "file", glocal_finding_file(x));
        lua_pushinteger(L, glocal_finding_line(x));
        lua_setfield(L, -2, "line");
        lua_pushinteger(L, glocal_finding_column(x));
        lua_setfield(L, -2, "column");
        set_string(L, "severity",
                   glocal_finding_severity(x) == GLOCAL_SEVERITY_WARNING ? "warning" : "error");
        set_string(L, "rule", glocal_finding_rule(x));
        set_string(L, "message", glocal_finding_message(x));
        set_string(L, "locale", glocal_finding_locale(x));
        set_string(L, "message_id", glocal_finding_message_id(x));
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    scratch_release(s);
    return 1;
}

static int l_version(lua_State *L)
{
    lua_pushstring(L, glocal_version());
    return 1;
}

/* ---- module ---------------------------------------------------------------------- */

static const luaL_Reg catalog_methods[] = {
    {"format", cat_format},
    {"explain", cat_explain},
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

static const luaL_Reg date_meta[] = {
    {"__index", date_index}, {"__tostring", date_tostring}, {"__eq", date_eq}, {NULL, NULL}};
static const luaL_Reg money_meta[] = {
    {"__index", money_index}, {"__tostring", money_tostring}, {"__eq", money_eq}, {NULL, NULL}};
static const luaL_Reg decimal_meta[] = {{"__index", decimal_index},
                                        {"__tostring", decimal_tostring},
                                        {"__eq", decimal_eq},
                                        {NULL, NULL}};
static const luaL_Reg scratch_meta[] = {{"__gc", scratch_gc}, {"__close", scratch_gc}, {NULL, NULL}};

static const luaL_Reg functions[] = {
    {"open", l_open},
    {"lint", l_lint},
    {"date", l_date},
    {"money", l_money},
    {"decimal", l_decimal},
    {"version", l_version},
    {NULL, NULL},
};

static void new_metatable(lua_State *L, const char *name, const luaL_Reg *meta)
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
    lua_setfield(L, -2, "__index");
    lua_pushliteral(L, "glocal");
    lua_setfield(L, -2, "__metatable");
    lua_pop(L, 1);
    new_metatable(L, DATE_MT, date_meta);
    new_metatable(L, MONEY_MT, money_meta);
    new_metatable(L, DECIMAL_MT, decimal_meta);
    new_metatable(L, SCRATCH_MT, scratch_meta);

    luaL_newlib(L, functions);
    lua_pushliteral(L, "glocal " GLOCAL_VERSION_STRING);
    lua_setfield(L, -2, "_VERSION");
    return 1;
}
