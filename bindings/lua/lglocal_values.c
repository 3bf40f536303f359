/*
 * lglocal_values.c - the argument value types glocal.date, glocal.day,
 * glocal.money, glocal.decimal and glocal.code, the argument list of one call,
 * and glocal.sms_measure.
 */
#include "lglocal.h"

#include <stdint.h>
#include <string.h>

/* Money and decimals keep their strings as user values (1: amount/value,
 * 2: currency), so Lua owns the memory. */

/* ---- value types ---------------------------------------------------------- */

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

/* glocal.day(2026, 12, 1): a calendar day, written as that date in every zone. */
static int l_day(lua_State *L)
{
    lua_Integer y = luaL_checkinteger(L, 1), m = luaL_checkinteger(L, 2);
    lua_Integer d = luaL_checkinteger(L, 3);
    luaL_argcheck(L, y >= 1 && y <= 9999, 1, "the year must be 1 to 9999");
    luaL_argcheck(L, m >= 1 && m <= 12, 2, "the month must be 1 to 12");
    luaL_argcheck(L, d >= 1 && d <= 31, 3, "the day must be 1 to 31");
    lday *day = lua_newuserdatauv(L, sizeof *day, 0);
    *day = (lday){(int)y, (int)m, (int)d};
    luaL_setmetatable(L, DAY_MT);
    return 1;
}

static int day_index(lua_State *L)
{
    lday *d = luaL_checkudata(L, 1, DAY_MT);
    const char *key = lua_tostring(L, 2);
    int v = !key ? 0 : strcmp(key, "year") == 0 ? d->year : strcmp(key, "month") == 0 ? d->month
          : strcmp(key, "day") == 0 ? d->day : 0;
    if (v)
        lua_pushinteger(L, v);
    else
        lua_pushnil(L);
    return 1;
}

static int day_tostring(lua_State *L)
{
    lday *d = luaL_checkudata(L, 1, DAY_MT);
    lua_pushfstring(L, "glocal.day(%d, %d, %d)", d->year, d->month, d->day);
    return 1;
}

static int day_eq(lua_State *L)
{
    lday *a = luaL_checkudata(L, 1, DAY_MT);
    lday *b = luaL_checkudata(L, 2, DAY_MT);
    lua_pushboolean(L, a->year == b->year && a->month == b->month && a->day == b->day);
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

/* ---- boxed strings: glocal.decimal and glocal.code ---------------------------
 * A userdata holding its string as user value 1; `.value` reads it back.  The
 * metamethods take the metatable's name as their upvalue. */

/* Pushes a new box of type mt around the string at idx. */
static int push_boxed(lua_State *L, int idx, const char *mt)
{
    lua_newuserdatauv(L, 0, 1);
    lua_pushvalue(L, idx);
    lua_setiuservalue(L, -2, 1);
    luaL_setmetatable(L, mt);
    return 1;
}

static int boxed_index(lua_State *L)
{
    luaL_checkudata(L, 1, lua_tostring(L, lua_upvalueindex(1)));
    const char *key = lua_tostring(L, 2);
    if (key != NULL && strcmp(key, "value") == 0)
        lua_getiuservalue(L, 1, 1);
    else
        lua_pushnil(L);
    return 1;
}

static int boxed_tostring(lua_State *L)
{
    luaL_checkudata(L, 1, lua_tostring(L, lua_upvalueindex(1)));
    lua_getiuservalue(L, 1, 1);
    return 1;
}

static int boxed_eq(lua_State *L)
{
    const char *mt = lua_tostring(L, lua_upvalueindex(1));
    luaL_checkudata(L, 1, mt);
    luaL_checkudata(L, 2, mt);
    lua_getiuservalue(L, 1, 1);
    lua_getiuservalue(L, 2, 1);
    lua_pushboolean(L, lua_rawequal(L, -1, -2));
    return 1;
}

static const luaL_Reg boxed_meta[] = {
    {"__index", boxed_index}, {"__tostring", boxed_tostring}, {"__eq", boxed_eq}, {NULL, NULL}};

/* The metatable of a boxed-string type called name. */
static void new_boxed_metatable(lua_State *L, const char *name)
{
    luaL_newmetatable(L, name);
    lua_pushstring(L, name);
    luaL_setfuncs(L, boxed_meta, 1);
    lua_pushliteral(L, "glocal"); /* metatables are not for users to change */
    lua_setfield(L, -2, "__metatable");
    lua_pop(L, 1);
}

/* Checks a decimal (and currency, when not NULL) with the library's own rules
 * by setting them on a throw-away argument list in s->args; s->err says why
 * when they are refused. */
static glocal_status validate_decimal(scratch *s, const char *amount, const char *currency)
{
    glocal_status st = glocal_args_new(&s->args, &s->err);
    if (st != GLOCAL_OK)
        return st;
    return currency != NULL ? glocal_args_money(s->args, "value", amount, currency, &s->err)
                            : glocal_args_decimal(s->args, "value", amount, &s->err);
}

static int l_money(lua_State *L)
{
    const char *amount = check_decimal(L, 1);
    const char *currency = luaL_checkstring(L, 2);
    scratch *s = scratch_new(L);
    if (c_string(L, 1, "money amount") == NULL || c_string(L, 2, "currency") == NULL)
        return fail_nul(L, s);
    glocal_status st = validate_decimal(s, amount, currency);
    if (st != GLOCAL_OK)
        return push_failure(L, s, st, "money refused");
    scratch_release(s);
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
    glocal_status st = validate_decimal(s, value, NULL);
    if (st != GLOCAL_OK)
        return push_failure(L, s, st, "decimal refused");
    scratch_release(s);
    return push_boxed(L, 1, DECIMAL_MT);
}

/* glocal.code("AB-12"): checked by the library's own rule, like money. */
static int l_code(lua_State *L)
{
    luaL_checkstring(L, 1);
    scratch *s = scratch_new(L);
    if (c_string(L, 1, "code") == NULL)
        return fail_nul(L, s);
    glocal_status st = glocal_args_new(&s->args, &s->err);
    if (st == GLOCAL_OK)
        st = glocal_args_code(s->args, "value", lua_tostring(L, 1), &s->err);
    if (st != GLOCAL_OK)
        return push_failure(L, s, st, "code refused");
    scratch_release(s);
    return push_boxed(L, 1, CODE_MT);
}

/* glocal.sms_measure(text) -> segments, units, ucs2 (or nil, message, code). */
static int l_sms_measure(lua_State *L)
{
    luaL_checkstring(L, 1);
    scratch *s = scratch_new(L);
    if (c_string(L, 1, "text") == NULL)
        return fail_nul(L, s);
    size_t segments = 0, units = 0;
    int ucs2 = 0;
    glocal_status st = glocal_sms_measure(lua_tostring(L, 1), &segments, &units, &ucs2, &s->err);
    if (st != GLOCAL_OK)
        return push_failure(L, s, st, "text refused");
    scratch_release(s);
    lua_pushinteger(L, (lua_Integer)segments);
    lua_pushinteger(L, (lua_Integer)units);
    lua_pushboolean(L, ucs2);
    return 3;
}

/* ---- argument lists ---------------------------------------------------------- */

glocal_status build_args(lua_State *L, int idx, scratch *s)
{
    glocal_status st = glocal_args_new(&s->args, &s->err);
    if (st != GLOCAL_OK) {
        lua_pushliteral(L, "cannot build arguments");
        return st;
    }
    lua_pushnil(L);
    while (lua_next(L, idx) != 0) {
        if (lua_type(L, -2) != LUA_TSTRING)
            luaL_argerror(L, idx, lua_pushfstring(L, "argument names must be strings, not %s",
                                                  luaL_typename(L, -2)));
        size_t len;
        const char *name = lua_tolstring(L, -2, &len);
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
            st = glocal_args_text(s->args, name, text, &s->err);
            break;
        }
        case LUA_TNUMBER:
            if (lua_isinteger(L, -1))
                st = glocal_args_int(s->args, name, (int64_t)lua_tointeger(L, -1), &s->err);
            else
                st = glocal_args_double(s->args, name, (double)lua_tonumber(L, -1), &s->err);
            break;
        case LUA_TUSERDATA: {
            ldate *d = luaL_testudata(L, -1, DATE_MT);
            lday *day = luaL_testudata(L, -1, DAY_MT);
            if (d != NULL) {
                st = glocal_args_date(s->args, name, d->ms, &s->err);
            } else if (day != NULL) {
                st = glocal_args_day(s->args, name, day->year, day->month, day->day, &s->err);
            } else if (luaL_testudata(L, -1, MONEY_MT) != NULL) {
                lua_getiuservalue(L, -1, 1);
                lua_getiuservalue(L, -2, 2);
                st = glocal_args_money(s->args, name, lua_tostring(L, -2), lua_tostring(L, -1),
                                       &s->err);
                lua_pop(L, 2);
            } else if (luaL_testudata(L, -1, CODE_MT) != NULL) {
                lua_getiuservalue(L, -1, 1);
                st = glocal_args_code(s->args, name, lua_tostring(L, -1), &s->err);
                lua_pop(L, 1);
            } else if (luaL_testudata(L, -1, DECIMAL_MT) != NULL) {
                lua_getiuservalue(L, -1, 1);
                st = glocal_args_decimal(s->args, name, lua_tostring(L, -1), &s->err);
                lua_pop(L, 1);
            } else {
                luaL_argerror(L, idx, lua_pushfstring(L, "argument '%s' is a userdata that is not "
                                                         "a glocal.date, day, money, decimal or "
                                                         "code", name));
                return GLOCAL_ERR_INVALID; /* not reached */
            }
            break;
        }
        default:
            luaL_argerror(L, idx, lua_pushfstring(L, "argument '%s' is a %s; use a string, a "
                                                     "number, glocal.date, glocal.day, glocal.money or "
                                                     "glocal.decimal", name, luaL_typename(L, -1)));
            return GLOCAL_ERR_INVALID; /* not reached */
        }
        if (st != GLOCAL_OK) {
            /* s->err has the library's reason; this is for a failure to say it */
            lua_pushfstring(L, "argument '%s' was refused", name);
            return st;
        }
        lua_pop(L, 1);
    }
    return GLOCAL_OK;
}

/* ---- registration ---------------------------------------------------------- */

static const luaL_Reg date_meta[] = {
    {"__index", date_index}, {"__tostring", date_tostring}, {"__eq", date_eq}, {NULL, NULL}};
static const luaL_Reg day_meta[] = {
    {"__index", day_index}, {"__tostring", day_tostring}, {"__eq", day_eq}, {NULL, NULL}};
static const luaL_Reg money_meta[] = {
    {"__index", money_index}, {"__tostring", money_tostring}, {"__eq", money_eq}, {NULL, NULL}};

void lglocal_value_types(lua_State *L)
{
    new_metatable(L, DATE_MT, date_meta);
    new_metatable(L, DAY_MT, day_meta);
    new_metatable(L, MONEY_MT, money_meta);
    new_boxed_metatable(L, DECIMAL_MT);
    new_boxed_metatable(L, CODE_MT);
}

const luaL_Reg lglocal_value_functions[] = {
    {"date", l_date},
    {"day", l_day},
    {"money", l_money},
    {"decimal", l_decimal},
    {"code", l_code},
    {"sms_measure", l_sms_measure},
    {NULL, NULL},
};
