/* Argument lists (glocal_args_*). */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "request.h"

glocal_args *glocal_args_new(void)
{
    return calloc(1, sizeof(glocal_args));
}

void glocal_args_free(glocal_args *a)
{
    if (!a)
        return;
    for (size_t i = 0; i < a->count; i++) {
        free(a->items[i].name);
        free((char *)a->items[i].v.s);
    }
    free(a->items);
    free(a);
}

const gl_value *gl_args_find(const glocal_args *a, const char *name)
{
    for (size_t i = 0; a && i < a->count; i++)
        if (strcmp(a->items[i].name, name) == 0)
            return &a->items[i].v;
    return NULL;
}

gl_argtype gl_value_type(const gl_value *v)
{
    switch (v->kind) {
    case V_TEXT:
        return T_TEXT;
    case V_DATE:
        return T_DATE;
    case V_MONEY:
        return T_MONEY;
    default:
        return T_NUMBER;
    }
}

/* Stores v under name, taking ownership of v.s; replaces an earlier value. */
static glocal_status put(glocal_args *a, const char *name, gl_value v)
{
    if (!a || !name || !gl_is_arg_name(name)) {
        free((char *)v.s);
        return GLOCAL_ERR_INVALID;
    }
    for (size_t i = 0; i < a->count; i++) {
        if (strcmp(a->items[i].name, name) == 0) {
            free((char *)a->items[i].v.s);
            a->items[i].v = v;
            return GLOCAL_OK;
        }
    }
    if (a->count == a->cap) {
        size_t cap = a->cap ? a->cap * 2 : 8;
        gl_arg *items = realloc(a->items, cap * sizeof(*items));
        if (!items) {
            free((char *)v.s);
            return GLOCAL_ERR_NOMEM;
        }
        a->items = items;
        a->cap = cap;
    }
    char *n = gl_strdup(name);
    if (!n) {
        free((char *)v.s);
        return GLOCAL_ERR_NOMEM;
    }
    a->items[a->count++] = (gl_arg){n, v};
    return GLOCAL_OK;
}

static glocal_status put_string(glocal_args *a, const char *name, gl_vkind kind, const char *s,
                                const char *cur)
{
    size_t n = strlen(s);
    char *copy = malloc(n + 1);
    if (!copy)
        return GLOCAL_ERR_NOMEM;
    memcpy(copy, s, n + 1);
    gl_value v = {.kind = kind, .s = copy, .slen = n};
    if (cur)
        memcpy(v.cur, cur, 4);
    return put(a, name, v);
}

glocal_status glocal_args_text(glocal_args *a, const char *name, const char *utf8)
{
    if (!utf8 || !gl_utf8_valid(utf8, strlen(utf8)))
        return GLOCAL_ERR_INVALID;
    return put_string(a, name, V_TEXT, utf8, NULL);
}

glocal_status glocal_args_int(glocal_args *a, const char *name, int64_t v)
{
    return put(a, name, (gl_value){.kind = V_INT, .i = v});
}

glocal_status glocal_args_double(glocal_args *a, const char *name, double v)
{
    if (!isfinite(v))
        return GLOCAL_ERR_INVALID;
    return put(a, name, (gl_value){.kind = V_DOUBLE, .d = v});
}

glocal_status glocal_args_date(glocal_args *a, const char *name, int64_t unix_ms)
{
    return put(a, name, (gl_value){.kind = V_DATE, .i = unix_ms});
}

/* -?digits[.digits][e[+-]digits]: what ICU's decimal parser takes exactly. */
static bool is_decimal(const char *s)
{
    if (*s == '-' || *s == '+')
        s++;
    size_t digits = 0;
    while (isdigit((unsigned char)*s))
        s++, digits++;
    if (*s == '.') {
        s++;
        while (isdigit((unsigned char)*s))
            s++, digits++;
    }
    if (!digits || digits > 200)
        return false;
    if (*s == 'e' || *s == 'E') {
        s++;
        if (*s == '-' || *s == '+')
            s++;
        size_t exp = 0;
        while (isdigit((unsigned char)*s))
            s++, exp++;
        if (!exp || exp > 4)
            return false;
    }
    return *s == '\0';
}

glocal_status glocal_args_decimal(glocal_args *a, const char *name, const char *decimal)
{
    if (!decimal || !is_decimal(decimal))
        return GLOCAL_ERR_INVALID;
    return put_string(a, name, V_DECIMAL, decimal, NULL);
}

glocal_status glocal_args_money(glocal_args *a, const char *name, const char *decimal,
                                const char *iso4217)
{
    if (!decimal || !iso4217 || !is_decimal(decimal) || !gl_currency_known(iso4217))
        return GLOCAL_ERR_INVALID;
    return put_string(a, name, V_MONEY, decimal, iso4217);
}
