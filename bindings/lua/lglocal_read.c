/*
 * lglocal_read.c - reading a catalog (cat:messages(), variants(), chain(),
 * terms(), axes(), language(), warnings()), lint, the rules and the version.
 * Every string is copied into Lua: no table refers to C memory.
 */
#include "lglocal.h"

#include <stdint.h>

/* ---- findings and rules ------------------------------------------------------ */

static const char *severity_name(glocal_severity severity)
{
    return severity == GLOCAL_SEVERITY_WARNING ? "warning" : "error";
}

void push_finding(lua_State *L, const glocal_finding *x)
{
    lua_createtable(L, 0, 8);
    set_string(L, "file", glocal_finding_file(x));
    set_integer(L, "line", glocal_finding_line(x));
    set_integer(L, "column", glocal_finding_column(x));
    set_string(L, "severity", severity_name(glocal_finding_severity(x)));
    set_string(L, "rule", glocal_finding_rule(x));
    set_string(L, "message", glocal_finding_message(x));
    set_string(L, "locale", glocal_finding_locale(x));
    set_string(L, "message_id", glocal_finding_message_id(x));
}

static void push_findings(lua_State *L, const glocal_findings *f)
{
    size_t n = glocal_findings_count(f);
    new_array(L, n);
    for (size_t i = 0; i < n; i++) {
        push_finding(L, glocal_findings_at(f, i));
        lua_rawseti(L, -2, (lua_Integer)i + 1);
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
    push_findings(L, s->findings);
    scratch_release(s);
    return 1;
}

/* glocal.rules(): {{id=, severity=, summary=}, ...} in the order of docs/lint.md. */
static int l_rules(lua_State *L)
{
    size_t n = glocal_rule_count();
    new_array(L, n);
    for (size_t i = 0; i < n; i++) {
        const glocal_rule *r = glocal_rule_at(i);
        lua_createtable(L, 0, 3);
        set_string(L, "id", glocal_rule_id(r));
        set_string(L, "severity", severity_name(glocal_rule_severity(r)));
        set_string(L, "summary", glocal_rule_summary(r));
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    return 1;
}

static int l_version(lua_State *L)
{
    lua_pushstring(L, glocal_version());
    return 1;
}

static int l_version_number(lua_State *L)
{
    lua_pushinteger(L, glocal_version_number());
    return 1;
}

/* cat:warnings(): the findings of warning severity the open found. */
static int cat_warnings(lua_State *L)
{
    lcatalog *lc = check_catalog(L);
    push_findings(L, glocal_catalog_warnings(lc->c));
    return 1;
}

/* ---- messages and variants ------------------------------------------------------ */

static void push_message(lua_State *L, const glocal_message *m)
{
    lua_createtable(L, 0, 4);
    set_string(L, "id", glocal_message_id(m));
    set_string(L, "note", glocal_message_note(m));
    set_boolean(L, "locked", glocal_message_locked(m));
    size_t n = glocal_message_arg_count(m);
    new_array(L, n);
    for (size_t i = 0; i < n; i++) {
        lua_createtable(L, 0, 2);
        set_string(L, "name", glocal_message_arg_name(m, i));
        set_string(L, "type", glocal_message_arg_type(m, i));
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    lua_setfield(L, -2, "args");
}

/* cat:messages(): base.yaml's messages sorted by id. */
static int cat_messages(lua_State *L)
{
    lcatalog *lc = check_catalog(L);
    size_t n = glocal_catalog_message_count(lc->c);
    new_array(L, n);
    for (size_t i = 0; i < n; i++) {
        push_message(L, glocal_catalog_message_at(lc->c, i));
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    return 1;
}

static void push_variant(lua_State *L, const glocal_variant *v)
{
    lua_createtable(L, 0, 8);
    set_string(L, "key", glocal_variant_key(v));
    set_string(L, "template", glocal_variant_template(v));
    set_string(L, "bundle", glocal_variant_bundle(v));
    set_string(L, "file", glocal_variant_file(v));
    set_integer(L, "line", glocal_variant_line(v));
    set_integer(L, "column", glocal_variant_column(v));
    set_boolean(L, "inherited", glocal_variant_inherited(v));
    set_boolean(L, "locked", glocal_variant_locked(v));
}

/* cat:variants(locale, id): what the locale ends up with after chain and merging. */
static int cat_variants(lua_State *L)
{
    lcatalog *lc = check_catalog(L);
    luaL_checkstring(L, 2);
    luaL_checkstring(L, 3);
    scratch *s = scratch_new(L);
    const char *locale = c_string(L, 2, "locale");
    if (locale == NULL)
        return fail_nul(L, s);
    const char *id = c_string(L, 3, "message id");
    if (id == NULL)
        return fail_nul(L, s);
    glocal_status st = glocal_catalog_variants(lc->c, locale, id, &s->variants, &s->err);
    if (st != GLOCAL_OK)
        return push_failure(L, s, st, "cannot list the variants");
    size_t n = glocal_variants_count(s->variants);
    new_array(L, n);
    for (size_t i = 0; i < n; i++) {
        push_variant(L, glocal_variants_at(s->variants, i));
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    scratch_release(s);
    return 1;
}

/* ---- chains and terms ---------------------------------------------------------------- */

/* cat:chain(locale): {{bundle=, file=}, ...}, nearest first, base last. */
static int cat_chain(lua_State *L)
{
    lcatalog *lc = check_catalog(L);
    luaL_checkstring(L, 2);
    scratch *s = scratch_new(L);
    const char *locale = c_string(L, 2, "locale");
    if (locale == NULL)
        return fail_nul(L, s);
    glocal_status st = glocal_catalog_chain(lc->c, locale, &s->chain, &s->err);
    if (st != GLOCAL_OK)
        return push_failure(L, s, st, "cannot read the chain");
    size_t n = glocal_chain_count(s->chain);
    new_array(L, n);
    for (size_t i = 0; i < n; i++) {
        lua_createtable(L, 0, 2);
        set_string(L, "bundle", glocal_chain_bundle(s->chain, i));
        set_string(L, "file", glocal_chain_file(s->chain, i));
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    scratch_release(s);
    return 1;
}

/* cat:locked_by(locale, id): "base", the locale of the bundle whose approved
 * version is served, or nil when the message is not locked for the locale. */
static int cat_locked_by(lua_State *L)
{
    lcatalog *lc = check_catalog(L);
    luaL_checkstring(L, 2);
    luaL_checkstring(L, 3);
    scratch *s = scratch_new(L);
    const char *locale = c_string(L, 2, "locale");
    const char *id = c_string(L, 3, "message id");
    if (locale == NULL || id == NULL)
        return fail_nul(L, s);
    const char *by = NULL;
    glocal_status st = glocal_catalog_locked_by(lc->c, locale, id, &by, &s->err);
    if (st != GLOCAL_OK)
        return push_failure(L, s, st, "cannot tell who locks the message");
    if (by)
        lua_pushstring(L, by);
    else
        lua_pushnil(L);
    scratch_release(s);
    return 1;
}

static void push_term(lua_State *L, const glocal_term *t)
{
    lua_createtable(L, 0, 8);
    set_string(L, "name", glocal_term_name(t));
    set_string(L, "text", glocal_term_text(t));
    set_string(L, "bundle", glocal_term_bundle(t));
    set_string(L, "file", glocal_term_file(t));
    set_integer(L, "line", glocal_term_line(t));
    set_integer(L, "column", glocal_term_column(t));
    set_boolean(L, "inherited", glocal_term_inherited(t));
    set_boolean(L, "locked", glocal_term_locked(t));
}

/* cat:terms(locale): the terms a text in the locale's language sees. */
static int cat_terms(lua_State *L)
{
    lcatalog *lc = check_catalog(L);
    luaL_checkstring(L, 2);
    scratch *s = scratch_new(L);
    const char *locale = c_string(L, 2, "locale");
    if (locale == NULL)
        return fail_nul(L, s);
    glocal_status st = glocal_catalog_terms(lc->c, locale, &s->terms, &s->err);
    if (st != GLOCAL_OK)
        return push_failure(L, s, st, "cannot read the terms");
    size_t n = glocal_terms_count(s->terms);
    new_array(L, n);
    for (size_t i = 0; i < n; i++) {
        push_term(L, glocal_terms_at(s->terms, i));
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    scratch_release(s);
    return 1;
}

/* ---- axes and language ------------------------------------------------------------------ */

/* cat:axes(): the axis names in rank order (axes[1] == "formality"), and under
 * each name the array of its values (axes.channel[2] == "sms"). */
static int cat_axes(lua_State *L)
{
    lcatalog *lc = check_catalog(L);
    size_t n = glocal_catalog_axis_count(lc->c);
    lua_createtable(L, n > INT32_MAX ? 0 : (int)n, n > INT32_MAX ? 0 : (int)n);
    for (size_t i = 0; i < n; i++) {
        const char *axis = glocal_catalog_axis_name(lc->c, i);
        lua_pushstring(L, axis);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
        size_t nv = glocal_catalog_axis_value_count(lc->c, axis);
        new_array(L, nv);
        for (size_t j = 0; j < nv; j++) {
            lua_pushstring(L, glocal_catalog_axis_value(lc->c, axis, j));
            lua_rawseti(L, -2, (lua_Integer)j + 1);
        }
        lua_setfield(L, -2, axis);
    }
    return 1;
}

static int cat_language(lua_State *L)
{
    lcatalog *lc = check_catalog(L);
    lua_pushstring(L, glocal_catalog_language(lc->c));
    return 1;
}

/* ---- registration ------------------------------------------------------------------------- */

const luaL_Reg lglocal_read_methods[] = {
    {"messages", cat_messages},
    {"variants", cat_variants},
    {"chain", cat_chain},
    {"locked_by", cat_locked_by},
    {"terms", cat_terms},
    {"axes", cat_axes},
    {"language", cat_language},
    {"warnings", cat_warnings},
    {NULL, NULL},
};

const luaL_Reg lglocal_read_functions[] = {
    {"lint", l_lint},
    {"rules", l_rules},
    {"version", l_version},
    {"version_number", l_version_number},
    {NULL, NULL},
};
