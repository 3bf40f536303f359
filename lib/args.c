/* Argument lists (glocal_args_*). */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "request.h"

glocal_status glocal_args_new(glocal_args **out, glocal_error **err)
{
    if (!out)
        return gl_fail(err, GLOCAL_ERR_INVALID, NULL, 0, 0, "glocal_args_new: out is NULL");
    *out = calloc(1, sizeof(glocal_args));
    return *out ? GLOCAL_OK : gl_nomem(err);
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
    case V_CODE:
        return T_CODE;
    case V_DAY:
        return T_DAY;
    default:
        return T_NUMBER;
    }
}

static void remove_arg(glocal_args *a, const char *name)
{
    for (size_t i = 0; i < a->count; i++)
        if (strcmp(a->items[i].name, name) == 0) {
            free(a->items[i].name);
            free((char *)a->items[i].v.s);
            a->items[i] = a->items[--a->count];
            return;
        }
}

/* A setter that fails leaves the name unset, never an earlier value: a
 * format that needs it then fails instead of writing what the caller meant
 * to replace.  Reports why, naming the argument. */
static glocal_status refuse(glocal_args *a, const char *name, glocal_status code,
                            glocal_error **err, const char *fmt, const char *detail)
{
    bool named = name && gl_utf8_valid(name, strlen(name));
    if (a && name)
        remove_arg(a, name);
    if (code == GLOCAL_ERR_NOMEM)
        return gl_nomem(err);
    return gl_fail(err, code, NULL, 0, 0, fmt, named ? name : "?", detail ? detail : "");
}

/* Whether a setter may store under name: reports what is wrong when not. */
static glocal_status check_target(glocal_args *a, const char *name, glocal_error **err)
{
    if (!a || !name)
        return gl_fail(err, GLOCAL_ERR_INVALID, NULL, 0, 0, "glocal_args: %s is NULL",
                       a ? "the name" : "the argument list");
    if (!gl_is_arg_name(name))
        return refuse(a, name, GLOCAL_ERR_INVALID, err,
                      "`%s` is not an argument name ([A-Za-z_][A-Za-z0-9_]*)%s", NULL);
    return GLOCAL_OK;
}

/* Stores v under name, taking ownership of v.s; replaces an earlier value. */
static glocal_status put(glocal_args *a, const char *name, gl_value v, glocal_error **err)
{
    for (size_t i = 0; i < a->count; i++) {
        if (strcmp(a->items[i].name, name) == 0) {
            free((char *)a->items[i].v.s);
            a->items[i].v = v;
            return GLOCAL_OK;
        }
    }
    char *n = NULL;
    if (a->count == a->cap) {
        size_t cap = a->cap ? a->cap * 2 : 8;
        gl_arg *items = realloc(a->items, cap * sizeof(*items));
        if (items) {
            a->items = items;
            a->cap = cap;
        }
    }
    if (a->count == a->cap || !(n = gl_strdup(name))) {
        free((char *)v.s);
        return gl_nomem(err);
    }
    a->items[a->count++] = (gl_arg){n, v};
    return GLOCAL_OK;
}

static glocal_status put_string(glocal_args *a, const char *name, gl_vkind kind, const char *s,
                                const char *cur, glocal_error **err)
{
    size_t n = strlen(s);
    char *copy = malloc(n + 1);
    if (!copy)
        return refuse(a, name, GLOCAL_ERR_NOMEM, err, "%s%s", NULL);
    memcpy(copy, s, n + 1);
    gl_value v = {.kind = kind, .s = copy, .slen = n};
    if (cur)
        memcpy(v.cur, cur, 4);
    return put(a, name, v, err);
}

glocal_status glocal_args_text(glocal_args *a, const char *name, const char *utf8,
                               glocal_error **err)
{
    glocal_status st = check_target(a, name, err);
    if (st != GLOCAL_OK)
        return st;
    if (!utf8 || !gl_utf8_valid(utf8, strlen(utf8)))
        return refuse(a, name, GLOCAL_ERR_INVALID, err, "text argument `%s` is %s",
                      utf8 ? "not valid UTF-8" : "NULL");
    return put_string(a, name, V_TEXT, utf8, NULL, err);
}

glocal_status glocal_args_int(glocal_args *a, const char *name, int64_t v, glocal_error **err)
{
    glocal_status st = check_target(a, name, err);
    return st != GLOCAL_OK ? st : put(a, name, (gl_value){.kind = V_INT, .i = v}, err);
}

glocal_status glocal_args_double(glocal_args *a, const char *name, double v, glocal_error **err)
{
    glocal_status st = check_target(a, name, err);
    if (st != GLOCAL_OK)
        return st;
    if (!isfinite(v))
        return refuse(a, name, GLOCAL_ERR_INVALID, err, "number argument `%s` is %s",
                      isnan(v) ? "NaN" : "infinite");
    return put(a, name, (gl_value){.kind = V_DOUBLE, .d = v}, err);
}

glocal_status glocal_args_date(glocal_args *a, const char *name, int64_t unix_ms,
                               glocal_error **err)
{
    glocal_status st = check_target(a, name, err);
    return st != GLOCAL_OK ? st : put(a, name, (gl_value){.kind = V_DATE, .i = unix_ms}, err);
}

static bool is_leap(int y)
{
    return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
}

glocal_status glocal_args_day(glocal_args *a, const char *name, int year, int month, int day,
                              glocal_error **err)
{
    static const int month_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    glocal_status st = check_target(a, name, err);
    if (st != GLOCAL_OK)
        return st;
    if (year < GL_DATE_FIRST_YEAR || year > GL_DATE_LAST_YEAR || month < 1 || month > 12 ||
        day < 1 || day > month_days[month - 1] + (month == 2 && is_leap(year)))
        return refuse(a, name, GLOCAL_ERR_INVALID, err, "day argument `%s` is %s", "not a "
                      "calendar day of the years 1 to 9999 (year, month 1-12, day of that month)");
    gl_value v = {.kind = V_DAY, .i = gl_days_from_civil(year, month, day)};
    return put(a, name, v, err);
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

/* Why a decimal is refused, for the error message. */
static const char *decimal_problem(const char *decimal)
{
    return !decimal ? "NULL" : "not a decimal number (digits, an optional sign, point and "
                              "exponent: \"-1234.50\", \"1e3\")";
}

glocal_status glocal_args_decimal(glocal_args *a, const char *name, const char *decimal,
                                  glocal_error **err)
{
    glocal_status st = check_target(a, name, err);
    if (st != GLOCAL_OK)
        return st;
    if (!decimal || !is_decimal(decimal))
        return refuse(a, name, GLOCAL_ERR_INVALID, err, "number argument `%s` is %s",
                      decimal_problem(decimal));
    return put_string(a, name, V_DECIMAL, decimal, NULL, err);
}

glocal_status glocal_args_money(glocal_args *a, const char *name, const char *decimal,
                                const char *iso4217, glocal_error **err)
{
    glocal_status st = check_target(a, name, err);
    if (st != GLOCAL_OK)
        return st;
    if (!decimal || !is_decimal(decimal))
        return refuse(a, name, GLOCAL_ERR_INVALID, err, "money argument `%s`: the amount is %s",
                      decimal_problem(decimal));
    if (!iso4217 || !gl_currency_known(iso4217))
        return refuse(a, name, GLOCAL_ERR_INVALID, err, "money argument `%s`: %s",
                      iso4217 ? "the currency is not an ISO 4217 code ICU knows (e.g. EUR, "
                                "JPY)" : "the currency is NULL");
    return put_string(a, name, V_MONEY, decimal, iso4217, err);
}

/* Codes are copied or auto-filled by the reader: ASCII letters, digits and
 * `-` only, so that nothing invisible or look-alike can travel with them. */
#define CODE_MAX 64

static bool code_char(char ch)
{
    return (ch >= '0' && ch <= '9') || ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z') || ch == '-';
}

const char *gl_code_problem(const char *code)
{
    if (!code)
        return "NULL";
    if (!*code)
        return "empty";
    size_t n = 0;
    for (const char *p = code; *p; p++, n++)
        if (!code_char(*p))
            return "not a code: only ASCII letters, digits and `-` (\"482913\", \"AB-12\")";
    return n > CODE_MAX ? "longer than 64 characters" : NULL;
}

glocal_status glocal_args_code(glocal_args *a, const char *name, const char *code,
                               glocal_error **err)
{
    glocal_status st = check_target(a, name, err);
    if (st != GLOCAL_OK)
        return st;
    const char *problem = gl_code_problem(code);
    if (problem)
        return refuse(a, name, code ? GLOCAL_ERR_ARGUMENT : GLOCAL_ERR_INVALID, err,
                      "code argument `%s` is %s", problem);
    return put_string(a, name, V_CODE, code, NULL, err);
}
