/* The NAME=VALUE arguments of render and explain as glocal_args: each value
 * read as the type base.yaml's `_args` declares for it, an undeclared one as
 * the first type that reads it among those its uses allow. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "message_args.h"

static bool read_digits(const char **p, int n, int *out)
{
    *out = 0;
    for (int i = 0; i < n; i++, (*p)++) {
        if (**p < '0' || **p > '9')
            return false;
        *out = *out * 10 + (**p - '0');
    }
    return true;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
static int64_t days_from_civil(int64_t y, int m, int d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static int days_in_month(int y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : days[m - 1];
}

/* YYYY-MM-DD: the day's first instant in UTC. */
static bool parse_full_date(const char **p, int64_t *days)
{
    int y, m, d;
    if (!read_digits(p, 4, &y) || *(*p)++ != '-' || !read_digits(p, 2, &m) ||
        *(*p)++ != '-' || !read_digits(p, 2, &d))
        return false;
    if (m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
        return false;
    *days = days_from_civil(y, m, d);
    return true;
}

/* THH:MM:SS[.frac](Z|+HH:MM|-HH:MM) as milliseconds into the day, UTC. */
static bool parse_time_offset(const char **p, int64_t *ms)
{
    int h, mi, s, oh, om, frac = 0, scale = 100;
    if ((**p != 'T' && **p != 't' && **p != ' ') || !(++*p, read_digits(p, 2, &h)) ||
        *(*p)++ != ':' || !read_digits(p, 2, &mi) || *(*p)++ != ':' || !read_digits(p, 2, &s))
        return false;
    if (h > 23 || mi > 59 || s > 60)
        return false;
    if (**p == '.') {
        if (*++*p < '0' || **p > '9')
            return false;
        for (; **p >= '0' && **p <= '9'; (*p)++, scale /= 10)
            frac += (**p - '0') * scale;
    }
    *ms = ((int64_t)h * 3600 + mi * 60 + s) * 1000 + frac;
    if (**p == 'Z' || **p == 'z')
        return *++*p == '\0';
    char sign = **p;
    if ((sign != '+' && sign != '-') || !(++*p, read_digits(p, 2, &oh)) || *(*p)++ != ':' ||
        !read_digits(p, 2, &om) || **p || oh > 23 || om > 59)
        return false;
    *ms -= (sign == '+' ? 1 : -1) * ((int64_t)oh * 3600 + om * 60) * 1000;
    return true;
}

/* RFC 3339 date-time (or a bare full-date, midnight UTC), or Unix ms. */
static bool parse_date(const char *s, int64_t *ms)
{
    char *end;
    if ((s[0] >= '0' && s[0] <= '9') || (s[0] == '-' && s[1] >= '0' && s[1] <= '9')) {
        errno = 0;
        long long v = strtoll(s, &end, 10);
        if (!*end && !errno) {
            *ms = v;
            return true;
        }
    }
    int64_t days, in_day = 0;
    const char *p = s;
    if (!parse_full_date(&p, &days) || (*p && !parse_time_offset(&p, &in_day)))
        return false;
    *ms = days * 86400000 + in_day;
    return true;
}

static glocal_status put_number(glocal_args *a, const char *name, const char *v)
{
    return glocal_args_decimal(a, name, v, NULL);
}

static glocal_status put_date(glocal_args *a, const char *name, const char *v)
{
    int64_t ms;
    return parse_date(v, &ms) ? glocal_args_date(a, name, ms, NULL) : GLOCAL_ERR_INVALID;
}

/* A bare YYYY-MM-DD is the calendar day itself; anything else a date takes
 * is an instant, which a `day` argument takes as its date in the zone. */
static glocal_status put_day(glocal_args *a, const char *name, const char *v)
{
    int y, m, d;
    const char *p = v;
    if (read_digits(&p, 4, &y) && *p++ == '-' && read_digits(&p, 2, &m) && *p++ == '-' &&
        read_digits(&p, 2, &d) && !*p)
        return glocal_args_day(a, name, y, m, d, NULL);
    return put_date(a, name, v);
}

/* "19.90 EUR" */
static glocal_status put_money(glocal_args *a, const char *name, const char *v)
{
    const char *space = strrchr(v, ' ');
    char amount[128];
    if (!space || (size_t)(space - v) >= sizeof amount)
        return GLOCAL_ERR_INVALID;
    snprintf(amount, sizeof amount, "%.*s", (int)(space - v), v);
    return glocal_args_money(a, name, amount, space + 1, NULL);
}

static glocal_status put_text(glocal_args *a, const char *name, const char *v)
{
    return glocal_args_text(a, name, v, NULL);
}

static glocal_status put_code(glocal_args *a, const char *name, const char *v)
{
    return glocal_args_code(a, name, v, NULL);
}

/* In the order an undeclared argument's value is tried. */
static const struct {
    const char *type;         /* as glocal_message_arg_type names it */
    glocal_status (*put)(glocal_args *, const char *, const char *);
    const char *form;
} putters[] = {
    {"number", put_number, "a number, written as digits (3, -12.50, 1e3)"},
    {"date", put_date, "a date, written as RFC 3339 (2026-12-01T09:30:00Z) or Unix milliseconds"},
    {"day", put_day, "a day, written as 2026-12-01 (or an instant, as a date takes)"},
    {"money", put_money, "money, written as an amount and an ISO 4217 code (\"19.90 EUR\")"},
    {"text", put_text, "text"},
    {"code", put_code, "a code: ASCII letters, digits and `-` (482913, AB-12)"},
};
#define NPUTTERS (sizeof putters / sizeof putters[0])

/* An argument of a message (m NULL: an unknown message, any type goes). */
typedef struct arg_ref {
    const glocal_message *m;
    size_t i;
} arg_ref;

static bool accepts(arg_ref arg, const char *type)
{
    return !arg.m || glocal_message_arg_accepts(arg.m, arg.i, type);
}

/* Whether putter type t is tried for the argument: its declared type, else
 * one its uses allow.  Money is tried only where text is not allowed, so
 * "19.90 EUR" in a plain {x} stays text. */
static bool tried(arg_ref arg, bool declared, const char *t)
{
    if (declared)
        return strcmp(glocal_message_arg_type(arg.m, arg.i), t) == 0;
    return accepts(arg, t) && !(strcmp(t, "money") == 0 && accepts(arg, "text"));
}

/* The message's argument called name; m NULL when there is none. */
static arg_ref find_arg(const glocal_message *m, const char *name)
{
    for (size_t i = 0; m && i < glocal_message_arg_count(m); i++)
        if (strcmp(glocal_message_arg_name(m, i), name) == 0)
            return (arg_ref){m, i};
    return (arg_ref){NULL, 0};
}

/* A value for one argument: of its declared type, else the first of number,
 * date, money, text that reads it. */
static int add_arg(const char *cmd, glocal_args *a, arg_ref arg, const char *name,
                   const char *value)
{
    bool declared = arg.m && strcmp(glocal_message_arg_type(arg.m, arg.i), "any") != 0;
    if (!glocal_name_valid(GLOCAL_NAME_ARGUMENT, name))
        return usage_error(cmd, "`%s` is not an argument name ([A-Za-z_][A-Za-z0-9_]*)", name);
    for (size_t i = 0; i < NPUTTERS; i++) {
        if (!tried(arg, declared, putters[i].type))
            continue;
        if (putters[i].put(a, name, value) == GLOCAL_OK)
            return CONTINUE;
        if (declared)
            return usage_error(cmd, "argument `%s` is %s; `%s` is not", name, putters[i].form,
                               value);
    }
    return usage_error(cmd, "argument `%s`: `%s` is not a value this message can take", name,
                       value);
}

/* NAME=VALUE pairs, typed by base's declaration of the message's arguments. */
int build_args(const char *cmd, const glocal_catalog *c, const char *id,
                      char *const *pairs, size_t n, glocal_args **out)
{
    const glocal_message *m = glocal_catalog_message(c, id);
    *out = NULL;
    if (glocal_args_new(out, NULL) != GLOCAL_OK) {
        fprintf(stderr, "glocal %s: out of memory\n", cmd);
        return EXIT_USAGE;
    }
    for (size_t i = 0; i < n; i++) {
        char name[256];
        const char *eq = strchr(pairs[i], '=');
        if (!eq || eq == pairs[i] || (size_t)(eq - pairs[i]) >= sizeof name)
            return usage_error(cmd, "`%s` is not NAME=VALUE", pairs[i]);
        snprintf(name, sizeof name, "%.*s", (int)(eq - pairs[i]), pairs[i]);
        int rc = add_arg(cmd, *out, find_arg(m, name), name, eq + 1);
        if (rc != CONTINUE)
            return rc;
    }
    return CONTINUE;
}
