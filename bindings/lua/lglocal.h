/*
 * lglocal.h - what the files of the Lua binding share (private; the module's
 * only export is luaopen_glocal, and everything here is hidden).
 *
 *  lglocal.c         the module, catalogs, formatting and the request options
 *  lglocal_values.c  glocal.date, glocal.money, glocal.decimal and argument lists
 *  lglocal_read.c    reading a catalog, lint, the rules
 */
#ifndef LGLOCAL_H
#define LGLOCAL_H

#include <glocal.h>

#include <lauxlib.h>
#include <lua.h>

#define CATALOG_MT "glocal.Catalog"
#define DATE_MT "glocal.Date"
#define MONEY_MT "glocal.Money"
#define DECIMAL_MT "glocal.Decimal"
#define CODE_MT "glocal.Code"
#define DAY_MT "glocal.Day"
#define SCRATCH_MT "glocal.scratch"

typedef struct lcatalog {
    glocal_catalog *c; /* NULL once closed (or before it opened) */
} lcatalog;

typedef struct ldate {
    int64_t ms;
} ldate;

/* A calendar day; glocal_args_day checks it when it is passed. */
typedef struct lday {
    int year, month, day;
} lday;

/* C resources of one call, owned by a userdata whose __gc frees them, so
 * that nothing leaks when an error unwinds the stack. */
typedef struct scratch {
    glocal_request *request;
    glocal_args *args;
    glocal_result *result;
    glocal_findings *findings;
    glocal_variants *variants;
    glocal_chain *chain;
    glocal_terms *terms;
    glocal_error *err;
    char *out;
} scratch;

/* Pushes a new, empty scratch on the stack. */
scratch *scratch_new(lua_State *L);
void scratch_release(scratch *s);
int scratch_gc(lua_State *L);

/* Pushes nil, message, code, info for a failure described by s->err (when
 * set) or by status and fallback; releases s.  Returns 4. */
int push_failure(lua_State *L, scratch *s, glocal_status status, const char *fallback);
/* The string at idx when it has no NUL byte; else NULL, with a message about
 * `what` pushed for fail_nul. */
const char *c_string(lua_State *L, int idx, const char *what);
/* push_failure for the message c_string pushed. */
int fail_nul(lua_State *L, scratch *s);

/* The open catalog at index 1; raises when it is closed. */
lcatalog *check_catalog(lua_State *L);

/* Fields of the table on top of the stack; a NULL string sets nothing. */
void set_string(lua_State *L, const char *key, const char *value);
void set_integer(lua_State *L, const char *key, lua_Integer value);
void set_boolean(lua_State *L, const char *key, int value);
/* A new array table for n entries. */
void new_array(lua_State *L, size_t n);

/* Reads args (a table at index idx) into s->args.  Returns GLOCAL_OK, or a
 * failing status with s->err set or a message pushed.  Raises on programmer
 * mistakes. */
glocal_status build_args(lua_State *L, int idx, scratch *s);

/* Pushes the table of one finding. */
void push_finding(lua_State *L, const glocal_finding *x);

extern const luaL_Reg lglocal_value_functions[];  /* glocal.date, money, decimal, code, sms_measure */
extern const luaL_Reg lglocal_read_functions[];   /* glocal.lint, rules, version_number */
extern const luaL_Reg lglocal_read_methods[];     /* cat:messages(), variants(), ... */
/* Creates the protected metatable `name` with the functions of meta. */
void new_metatable(lua_State *L, const char *name, const luaL_Reg *meta);
/* Creates the metatables of dates, money and decimals. */
void lglocal_value_types(lua_State *L);

#endif /* LGLOCAL_H */
