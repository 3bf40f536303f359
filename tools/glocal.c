/*
 * glocal - the command-line tool (SPEC §5): lint, render, explain, coverage;
 * the commands of cli.h's table (negotiate, export, import, importers) live
 * in their own files.
 *
 * A thin layer over the public API: lint, render and explain go through
 * glocal_lint, glocal_format and glocal_explain.  Only what the API does not
 * offer reads the internal model: argument types for `render` (base's
 * `_args`) and the chains `coverage` reports.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "glocal.h"

#include "catalog.h"
#include "chain.h"
#include "cli.h"

/* ---- help texts ---- */

static const char usage_main[] =
    "usage: glocal COMMAND [OPTIONS] ...\n"
    "\n"
    "Commands:\n"
    "  lint      check every bundle of a catalog with every lint rule\n"
    "  render    format one message for one customer\n"
    "  explain   show, step by step, how a message is resolved\n"
    "  coverage  show how much of base each locale translates\n"
    "  negotiate pick the locale to serve for an Accept-Language header\n"
    "  export    write the XLIFF 2.0 file a translator fills in for one locale\n"
    "  import    merge a translated XLIFF 2.0 file into that locale's bundle\n"
    "  import-gettext, import-i18next, import-rails\n"
    "            turn PO files, i18next JSON or Rails YAML into glocal bundles\n"
    "\n"
    "Options:\n"
    "  -h, --help     show this help (glocal COMMAND --help: that command's)\n"
    "  --version      print the library version\n"
    "\n"
    "Exit status: 0 success (lint: no errors), 1 lint errors (or warnings with\n"
    "--werror) or a message that could not be formatted, 2 usage error or\n"
    "unreadable input.  See glocal(1).\n";

static const char usage_lint[] =
    "usage: glocal lint [--format text|json|sarif] [--werror] [--disable RULE]... DIR\n"
    "\n"
    "Checks every bundle in DIR with every rule and reports all findings, sorted\n"
    "by file, line, column and rule, one a line:\n"
    "  FILE:LINE:COL: error|warning: MESSAGE [RULE]\n"
    "\n"
    "  --format F      text (default), json, or sarif (SARIF 2.1.0)\n"
    "  --werror        exit 1 on warnings too\n"
    "  --disable RULE  do not report RULE (repeatable); rules: see docs/lint.md\n"
    "\n"
    "Exit status: 0 no errors, 1 errors (or warnings with --werror), 2 usage\n"
    "error or unreadable directory.\n";

static const char usage_render[] =
    "usage: glocal render DIR MESSAGE_ID --locale TAG [OPTIONS] [NAME=VALUE ...]\n"
    "\n"
    "Formats MESSAGE_ID from the catalog in DIR and prints it.\n"
    "\n"
    "  --locale TAG       the reader's locale (BCP 47), required\n"
    "  --formality V      formality axis value (default: the locale's profile)\n"
    "  --tone V           tone axis value (default: the locale's profile)\n"
    "  --channel V        channel axis value\n"
    "  --time-zone Z      IANA time zone for dates (default: profile, else UTC)\n"
    "  --isolate MODE     bidi isolation: auto (default), never, always\n"
    "\n"
    "Arguments take their type from base.yaml's `_args`:\n"
    "  text    as written            name=Anna\n"
    "  number  as written, exactly   days=3  price=-12.50\n"
    "  date    RFC 3339 or Unix ms   eta=2026-12-01T09:30:00Z  eta=1796117400000\n"
    "  money   amount and currency   total=\"19.90 EUR\"\n"
    "An argument without a declared type is a number when it reads as one, else\n"
    "a date when it reads as one, else text.\n"
    "\n"
    "Exit status: 0 printed, 1 the message could not be formatted (unknown id,\n"
    "missing argument, invalid catalog), 2 usage error or unreadable input.\n";

static const char usage_explain[] =
    "usage: glocal explain DIR MESSAGE_ID --locale TAG [OPTIONS] [NAME=VALUE ...]\n"
    "\n"
    "Shows how MESSAGE_ID is resolved for the request: the canonical locale, the\n"
    "fallback chain with each bundle's file, where each context value came from,\n"
    "the candidate variants and why the winner won, the format locale, and the\n"
    "output when the arguments suffice.  Options and arguments as for render.\n";

static const char usage_coverage[] =
    "usage: glocal coverage [--format text|json] DIR\n"
    "\n"
    "For every locale of the catalog in DIR: how many of base's messages its\n"
    "fallback chain translates (locked messages are not counted: they always\n"
    "come from base), which are missing, and which variants exist.\n";

/* ---- JSON ---- */

static void json_string(FILE *out, const char *s)
{
    fputc('"', out);
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(out, "\\%c", *p);
        else if (*p == '\n')
            fputs("\\n", out);
        else if (*p == '\t')
            fputs("\\t", out);
        else if (*p < 0x20 || *p == 0x7f)
            fprintf(out, "\\u%04x", *p);
        else
            fputc(*p, out);
    }
    fputc('"', out);
}

/* ,"key":"value" (or null) */
static void json_field(FILE *out, const char *key, const char *value, bool first)
{
    fprintf(out, "%s\"%s\": ", first ? "" : ", ", key);
    if (value)
        json_string(out, value);
    else
        fputs("null", out);
}

/* ---- lint ---- */

typedef enum lint_format { FMT_TEXT, FMT_JSON, FMT_SARIF } lint_format;

typedef struct lint_opts {
    lint_format format;
    bool werror;
    bool disabled[R_COUNT];
    const char *dir;
} lint_opts;

static const cli_opt lint_table[] = {{"format", true}, {"werror", false}, {"disable", true},
                                     {NULL, false}};

/* The rule's position in the registry (SARIF's ruleIndex); -1 when unknown. */
static int rule_index(const char *id)
{
    for (size_t r = 0; r < glocal_rule_count(); r++)
        if (strcmp(glocal_rule_id(glocal_rule_at(r)), id) == 0)
            return (int)r;
    return -1;
}

static int lint_opt(void *ud, int index, const char *value)
{
    lint_opts *o = ud;
    int r;
    switch (index) {
    case -1:
        return take_dir("lint", &o->dir, value);
    case 0:
        if (strcmp(value, "text") == 0)
            o->format = FMT_TEXT;
        else if (strcmp(value, "json") == 0)
            o->format = FMT_JSON;
        else if (strcmp(value, "sarif") == 0)
            o->format = FMT_SARIF;
        else
            return usage_error("lint", "unknown format `%s` (text, json or sarif)", value);
        return CONTINUE;
    case 1:
        o->werror = true;
        return CONTINUE;
    default:
        if ((r = rule_index(value)) < 0)
            return usage_error("lint", "unknown rule `%s` (the rules are listed in "
                               "docs/lint.md)", value);
        o->disabled[r] = true;
        return CONTINUE;
    }
}

static const char *severity_name(glocal_severity s)
{
    return s == GLOCAL_SEVERITY_ERROR ? "error" : "warning";
}

static void print_text(const glocal_finding *const *f, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        printf("%s:%u:%u: %s: %s [%s]\n", glocal_finding_file(f[i]), glocal_finding_line(f[i]),
               glocal_finding_column(f[i]), severity_name(glocal_finding_severity(f[i])),
               glocal_finding_message(f[i]), glocal_finding_rule(f[i]));
    }
}

static void print_json(const glocal_finding *const *f, size_t n)
{
    fputs("[", stdout);
    for (size_t i = 0; i < n; i++) {
        fputs(i ? ",\n  {" : "\n  {", stdout);
        json_field(stdout, "file", glocal_finding_file(f[i]), true);
        printf(", \"line\": %u, \"column\": %u", glocal_finding_line(f[i]),
               glocal_finding_column(f[i]));
        json_field(stdout, "severity", severity_name(glocal_finding_severity(f[i])), false);
        json_field(stdout, "rule", glocal_finding_rule(f[i]), false);
        json_field(stdout, "message", glocal_finding_message(f[i]), false);
        if (glocal_finding_locale(f[i]))
            json_field(stdout, "locale", glocal_finding_locale(f[i]), false);
        if (glocal_finding_message_id(f[i]))
            json_field(stdout, "message_id", glocal_finding_message_id(f[i]), false);
        fputs("}", stdout);
    }
    fputs(n ? "\n]\n" : "]\n", stdout);
}

/* A relative URI reference for a path: unreserved bytes and '/' as they
 * are, everything else percent-encoded; absolute paths as file:// URIs. */
static void sarif_uri(const char *path)
{
    fputs("\"", stdout);
    if (path[0] == '/')
        fputs("file://", stdout);
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
            strchr("-._~/", *p))
            fputc(*p, stdout);
        else
            printf("%%%02X", *p);
    }
    fputs("\"", stdout);
}

static void sarif_rules(void)
{
    for (size_t i = 0; i < glocal_rule_count(); i++) {
        const glocal_rule *r = glocal_rule_at(i);
        printf("%s\n            {\"id\": \"%s\", \"shortDescription\": {\"text\": ", i ? "," : "",
               glocal_rule_id(r));
        json_string(stdout, glocal_rule_summary(r));
        printf("}, \"defaultConfiguration\": {\"level\": \"%s\"}}",
               severity_name(glocal_rule_severity(r)));
    }
}

static void sarif_result(const glocal_finding *f, bool first)
{
    printf("%s\n        {\"ruleId\": \"%s\", \"ruleIndex\": %d, \"level\": \"%s\", "
           "\"message\": {\"text\": ", first ? "" : ",", glocal_finding_rule(f),
           rule_index(glocal_finding_rule(f)), severity_name(glocal_finding_severity(f)));
    json_string(stdout, glocal_finding_message(f));
    fputs("}, \"locations\": [{\"physicalLocation\": {\"artifactLocation\": {\"uri\": ", stdout);
    sarif_uri(glocal_finding_file(f));
    fputs("}", stdout);
    if (glocal_finding_line(f))
        printf(", \"region\": {\"startLine\": %u, \"startColumn\": %u}", glocal_finding_line(f),
               glocal_finding_column(f));
    fputs("}}]", stdout);
    if (glocal_finding_locale(f) || glocal_finding_message_id(f)) {
        fputs(", \"properties\": {", stdout);
        json_field(stdout, "locale", glocal_finding_locale(f), true);
        json_field(stdout, "message_id", glocal_finding_message_id(f), false);
        fputs("}", stdout);
    }
    fputs("}", stdout);
}

static void print_sarif(const glocal_finding *const *f, size_t n)
{
    printf("{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
           "  \"version\": \"2.1.0\",\n  \"runs\": [{\n"
           "    \"tool\": {\"driver\": {\"name\": \"glocal\", \"version\": \"%s\", "
           "\"semanticVersion\": \"%s\",\n"
           "      \"rules\": [", glocal_version(), glocal_version());
    sarif_rules();
    printf("]}},\n    \"columnKind\": \"unicodeCodePoints\",\n    \"results\": [");
    for (size_t i = 0; i < n; i++)
        sarif_result(f[i], i == 0);
    printf("]\n  }]\n}\n");
}

/* Keeps the findings of enabled rules; counts errors and warnings. */
static size_t select_findings(const glocal_findings *all, const lint_opts *o,
                              const glocal_finding **out, size_t *errors, size_t *warnings)
{
    size_t n = 0;
    *errors = *warnings = 0;
    for (size_t i = 0; i < glocal_findings_count(all); i++) {
        const glocal_finding *f = glocal_findings_at(all, i);
        if (o->disabled[rule_index(glocal_finding_rule(f))])
            continue;
        out[n++] = f;
        if (glocal_finding_severity(f) == GLOCAL_SEVERITY_ERROR)
            ++*errors;
        else
            ++*warnings;
    }
    return n;
}

static int cmd_lint(int argc, char **argv)
{
    lint_opts o = {0};
    int rc = parse_args("lint", argc, argv, lint_table, usage_lint, lint_opt, &o);
    if (rc != CONTINUE)
        return rc;
    if (!o.dir)
        return usage_error("lint", "which catalog directory?");
    if ((rc = check_dir("lint", o.dir)) != CONTINUE)
        return rc;
    glocal_findings *all = NULL;
    glocal_error *e = NULL;
    if (glocal_lint(o.dir, &all, &e) != GLOCAL_OK) {
        print_error("lint", e);
        glocal_error_free(e);
        return EXIT_USAGE;
    }
    size_t errors, warnings, count = glocal_findings_count(all);
    const glocal_finding **kept = malloc((count ? count : 1) * sizeof(*kept));
    if (!kept) {
        glocal_findings_free(all);
        fputs("glocal lint: out of memory\n", stderr);
        return EXIT_USAGE;
    }
    size_t n = select_findings(all, &o, kept, &errors, &warnings);
    if (o.format == FMT_JSON)
        print_json(kept, n);
    else if (o.format == FMT_SARIF)
        print_sarif(kept, n);
    else
        print_text(kept, n);
    if (o.format == FMT_TEXT && n)
        fprintf(stderr, "%zu error%s, %zu warning%s\n", errors, errors == 1 ? "" : "s", warnings,
                warnings == 1 ? "" : "s");
    free(kept);
    glocal_findings_free(all);
    return errors || (o.werror && warnings) ? EXIT_FAILED : EXIT_OK;
}

/* ---- render and explain: arguments ---- */

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
    return glocal_args_decimal(a, name, v);
}

static glocal_status put_date(glocal_args *a, const char *name, const char *v)
{
    int64_t ms;
    return parse_date(v, &ms) ? glocal_args_date(a, name, ms) : GLOCAL_ERR_INVALID;
}

/* "19.90 EUR" */
static glocal_status put_money(glocal_args *a, const char *name, const char *v)
{
    const char *space = strrchr(v, ' ');
    char amount[128];
    if (!space || (size_t)(space - v) >= sizeof amount)
        return GLOCAL_ERR_INVALID;
    snprintf(amount, sizeof amount, "%.*s", (int)(space - v), v);
    return glocal_args_money(a, name, amount, space + 1);
}

static glocal_status put_text(glocal_args *a, const char *name, const char *v)
{
    return glocal_args_text(a, name, v);
}

/* In the order an undeclared argument's value is tried. */
static const struct {
    gl_argtype type;
    glocal_status (*put)(glocal_args *, const char *, const char *);
    const char *form;
} putters[] = {
    {T_NUMBER, put_number, "a number, written as digits (3, -12.50, 1e3)"},
    {T_DATE, put_date, "a date, written as RFC 3339 (2026-12-01T09:30:00Z) or Unix milliseconds"},
    {T_MONEY, put_money, "money, written as an amount and an ISO 4217 code (\"19.90 EUR\")"},
    {T_TEXT, put_text, "text"},
};
#define NPUTTERS (sizeof putters / sizeof putters[0])

/* Whether putter type t is tried for an argument declared `type` (T_ANY:
 * inferred or undeclared, allowing the types of `mask`).  Money is tried
 * only where text is not allowed, so "19.90 EUR" in a plain {x} stays text. */
static bool tried(gl_argtype type, unsigned mask, gl_argtype t)
{
    if (type != T_ANY)
        return t == type;
    return (mask & TYPE_BIT(t)) && !(t == T_MONEY && (mask & TYPE_BIT(T_TEXT)));
}

/* A value for one argument: of its declared type, else the first of number,
 * date, money, text that reads it. */
static int add_arg(const char *cmd, glocal_args *a, const gl_argdecl *decl, const char *name,
                   const char *value)
{
    gl_argtype type = decl ? decl->type : T_ANY;
    unsigned mask = decl ? decl->mask : ALL_TYPES;
    if (!gl_is_arg_name(name))
        return usage_error(cmd, "`%s` is not an argument name ([A-Za-z_][A-Za-z0-9_]*)", name);
    for (size_t i = 0; i < NPUTTERS; i++) {
        if (!tried(type, mask, putters[i].type))
            continue;
        if (putters[i].put(a, name, value) == GLOCAL_OK)
            return CONTINUE;
        if (type != T_ANY)
            return usage_error(cmd, "argument `%s` is %s; `%s` is not", name, putters[i].form,
                               value);
    }
    return usage_error(cmd, "argument `%s`: `%s` is not a value this message can take", name,
                       value);
}

/* NAME=VALUE pairs, typed by base's declaration of the message's arguments. */
static int build_args(const char *cmd, const glocal_catalog *c, const char *id,
                      char *const *pairs, size_t n, glocal_args **out)
{
    uint32_t mi;
    const gl_message *m = gl_lookup_message(c, id, &mi) ? &c->messages[mi] : NULL;
    *out = glocal_args_new();
    if (!*out) {
        fprintf(stderr, "glocal %s: out of memory\n", cmd);
        return EXIT_USAGE;
    }
    for (size_t i = 0; i < n; i++) {
        char name[256];
        const char *eq = strchr(pairs[i], '=');
        if (!eq || eq == pairs[i] || (size_t)(eq - pairs[i]) >= sizeof name)
            return usage_error(cmd, "`%s` is not NAME=VALUE", pairs[i]);
        snprintf(name, sizeof name, "%.*s", (int)(eq - pairs[i]), pairs[i]);
        int rc = add_arg(cmd, *out, m ? gl_message_arg(m, name) : NULL, name, eq + 1);
        if (rc != CONTINUE)
            return rc;
    }
    return CONTINUE;
}

/* ---- render and explain: the request ---- */

typedef struct render_opts {
    const char *dir, *id, *locale, *axis[AX_COUNT], *zone, *isolate;
    char **pairs;
    size_t npairs;
} render_opts;

static const cli_opt render_table[] = {{"formality", true}, {"tone", true}, {"channel", true},
                                       {"locale", true},    {"time-zone", true},
                                       {"isolate", true},   {NULL, false}};
static const char *const axis_opt[AX_COUNT] = {"formality", "tone", "channel"};

static int render_opt(void *ud, int index, const char *value)
{
    render_opts *o = ud;
    if (index >= 0 && index < AX_COUNT)
        o->axis[index] = value;
    else if (index == 3)
        o->locale = value;
    else if (index == 4)
        o->zone = value;
    else if (index == 5)
        o->isolate = value;
    else if (!o->dir)
        o->dir = value;
    else if (!o->id)
        o->id = value;
    else if (strchr(value, '='))
        o->pairs[o->npairs++] = (char *)value;
    else
        return usage_error("render", "`%s`: arguments are written NAME=VALUE", value);
    return CONTINUE;
}

static int isolation_of(const char *cmd, const char *s, glocal_isolation *out)
{
    static const char *const names[] = {"auto", "never", "always"};
    for (int i = 0; i < 3; i++)
        if (strcmp(s, names[i]) == 0) {
            *out = (glocal_isolation)i;
            return CONTINUE;
        }
    return usage_error(cmd, "--isolate takes auto, never or always, not `%s`", s);
}

/* Request-building failures are the caller's values: usage errors. */
static int request_failed(const char *cmd, const char *what, glocal_error *e)
{
    fprintf(stderr, "glocal %s: %s: %s\n", cmd, what, glocal_error_message(e));
    glocal_error_free(e);
    return EXIT_USAGE;
}

static int build_request(const char *cmd, const render_opts *o, glocal_request **r)
{
    glocal_error *e = NULL;
    glocal_isolation iso = GLOCAL_ISOLATE_AUTO;
    if (o->isolate && isolation_of(cmd, o->isolate, &iso) != CONTINUE)
        return EXIT_USAGE;
    if (glocal_request_new(o->locale, r, &e) != GLOCAL_OK)
        return request_failed(cmd, "--locale", e);
    for (int a = 0; a < AX_COUNT; a++)
        if (o->axis[a] && glocal_request_set_axis(*r, axis_opt[a], o->axis[a], &e) != GLOCAL_OK)
            return request_failed(cmd, axis_opt[a], e);
    if (o->zone && glocal_request_set_time_zone(*r, o->zone, &e) != GLOCAL_OK)
        return request_failed(cmd, "--time-zone", e);
    if (glocal_request_set_isolation(*r, iso, &e) != GLOCAL_OK)
        return request_failed(cmd, "--isolate", e);
    return CONTINUE;
}

typedef glocal_status (*format_fn)(const glocal_catalog *, const char *, const glocal_request *,
                                   const glocal_args *, char **, glocal_error **);

/* An axis value the catalog does not know is the caller's mistake (2); every
 * other failure is a message that could not be formatted (1). */
static int run_format(const char *cmd, const glocal_catalog *c, const render_opts *o,
                      const glocal_request *r, const glocal_args *a, format_fn fn, bool newline)
{
    char *text = NULL;
    glocal_error *e = NULL;
    glocal_status st = fn(c, o->id, r, a, &text, &e);
    if (st != GLOCAL_OK) {
        fprintf(stderr, "glocal %s: %s: %s\n", cmd, glocal_status_name(st),
                glocal_error_message(e));
        glocal_error_free(e);
        return st == GLOCAL_ERR_INVALID ? EXIT_USAGE : EXIT_FAILED;
    }
    fputs(text, stdout);
    if (newline)
        fputc('\n', stdout);
    glocal_free(text);
    return EXIT_OK;
}

static int cmd_render(int argc, char **argv, bool explain)
{
    const char *cmd = explain ? "explain" : "render";
    render_opts o = {0};
    o.pairs = calloc((size_t)argc + 1, sizeof(char *));
    glocal_catalog *c = NULL;
    glocal_request *r = NULL;
    glocal_args *a = NULL;
    int rc = o.pairs ? parse_args(cmd, argc, argv, render_table,
                                  explain ? usage_explain : usage_render, render_opt, &o)
                     : EXIT_USAGE;
    if (rc == CONTINUE && (!o.dir || !o.id))
        rc = usage_error(cmd, "give the catalog directory and a message id");
    if (rc == CONTINUE && !o.locale)
        rc = usage_error(cmd, "--locale TAG is required");
    if (rc == CONTINUE)
        rc = build_request(cmd, &o, &r);
    if (rc == CONTINUE)
        rc = open_catalog(cmd, o.dir, &c);
    if (rc == CONTINUE)
        rc = build_args(cmd, c, o.id, o.pairs, o.npairs, &a);
    if (rc == CONTINUE)
        rc = run_format(cmd, c, &o, r, a, explain ? glocal_explain : glocal_format, !explain);
    glocal_args_free(a);
    glocal_request_free(r);
    glocal_catalog_unref(c);
    free(o.pairs);
    return rc;
}

/* ---- coverage ---- */

typedef struct cov_msg {
    const gl_message *m;
    size_t first;              /* chain position that decides the text (SPEC §3.4) */
    size_t nkeys;              /* variant keys of the merged map */
} cov_msg;

typedef struct key_list {
    const char **items;
    size_t n, cap;
    bool oom;
} key_list;

typedef struct coverage {
    const glocal_catalog *c;
    const gl_bundle *b;        /* the locale reported on */
    uint32_t chain[GL_MAX_CHAIN];
    size_t nchain;
    size_t translated, total, nvariants;
    cov_msg *msgs;             /* per base message */
    key_list keys;             /* scratch */
} coverage;

static void add_key(key_list *k, const char *key)
{
    for (size_t i = 0; i < k->n; i++)
        if (strcmp(k->items[i], key) == 0)
            return;
    if (k->n == k->cap) {
        size_t cap = k->cap ? 2 * k->cap : 16;
        const char **items = realloc(k->items, cap * sizeof(*items));
        if (!items) {
            k->oom = true;
            return;
        }
        k->items = items;
        k->cap = cap;
    }
    k->items[k->n++] = key;
}

/* The keys of message mi's map as the chain merges it: the deciding bundle's,
 * then those of later bundles in the same language, up to a scalar. */
static void merged_keys(coverage *cv, uint32_t mi)
{
    const glocal_catalog *c = cv->c;
    size_t first = cv->msgs[mi].first;
    const char *lang = c->bundles[cv->chain[first]].lang_script;
    cv->keys.n = 0;
    for (size_t pos = first; pos < cv->nchain; pos++) {
        const gl_bundle *o = &c->bundles[cv->chain[pos]];
        const gl_msgdef *def = o->msgs[mi];
        if (!def || (pos != first && strcmp(o->lang_script, lang) != 0))
            continue;
        for (size_t k = 0; k < def->nv; k++)
            add_key(&cv->keys, def->v[k].key);
        if (def->scalar)
            break;
    }
}

/* The first bundle of the chain defining the message (base for a locked one). */
static size_t deciding_bundle(const coverage *cv, uint32_t mi)
{
    size_t last = cv->nchain - 1;
    if (cv->c->messages[mi].locked)
        return last;
    for (size_t pos = 0; pos < last; pos++)
        if (cv->c->bundles[cv->chain[pos]].msgs[mi])
            return pos;
    return last;
}

static bool translated(const coverage *cv, uint32_t mi)
{
    return cv->chain[cv->msgs[mi].first] != 0;
}

static void cover_locale(coverage *cv, const gl_bundle *b)
{
    const glocal_catalog *c = cv->c;
    cv->b = b;
    cv->nchain = gl_bundle_chain(c, b, cv->chain, GL_MAX_CHAIN);
    cv->translated = cv->total = cv->nvariants = 0;
    for (uint32_t i = 0; i < c->nmessages; i++) {
        cov_msg *cm = &cv->msgs[i];
        cm->m = &c->messages[i];
        cm->first = deciding_bundle(cv, i);
        merged_keys(cv, i);
        cm->nkeys = cv->keys.n;
        cv->nvariants += cm->nkeys;
        if (cm->m->locked)
            continue;
        cv->total++;
        cv->translated += translated(cv, i);
    }
}

static void print_chain(const coverage *cv, const char *sep)
{
    for (size_t i = 0; i < cv->nchain; i++)
        printf("%s%s", i ? sep : "", cv->c->bundles[cv->chain[i]].locale);
}

/* The untranslated messages after `lead`, comma-separated. */
static size_t print_missing(const coverage *cv, const char *lead, bool json)
{
    size_t n = 0;
    for (uint32_t i = 0; i < cv->c->nmessages; i++) {
        if (cv->msgs[i].m->locked || translated(cv, i))
            continue;
        fputs(n++ ? ", " : lead, stdout);
        if (json)
            json_string(stdout, cv->msgs[i].m->id);
        else
            fputs(cv->msgs[i].m->id, stdout);
    }
    return n;
}

static void cover_text(const coverage *cv)
{
    printf("%-12s %4zu/%-4zu %3zu%%  %8zu  ", cv->b->locale, cv->translated, cv->total,
           cv->total ? cv->translated * 100 / cv->total : 100, cv->nvariants);
    print_chain(cv, " > ");
    putchar('\n');
    if (print_missing(cv, "             missing: ", false))
        putchar('\n');
}

static void json_keys(const key_list *k)
{
    fputs("[", stdout);
    for (size_t i = 0; i < k->n; i++) {
        fputs(i ? ", " : "", stdout);
        json_string(stdout, k->items[i]);
    }
    fputs("]", stdout);
}

static void cover_json(coverage *cv, bool first)
{
    const glocal_catalog *c = cv->c;
    printf("%s\n    {\"locale\": ", first ? "" : ",");
    json_string(stdout, cv->b->locale);
    fputs(", \"chain\": [\"", stdout);
    print_chain(cv, "\", \"");
    printf("\"], \"translated\": %zu, \"total\": %zu, \"missing\": [", cv->translated,
           cv->total);
    print_missing(cv, "", true);
    fputs("],\n     \"messages\": {", stdout);
    for (uint32_t i = 0; i < c->nmessages; i++) {
        const cov_msg *cm = &cv->msgs[i];
        printf("%s\n       ", i ? "," : "");
        json_string(stdout, cm->m->id);
        fputs(": {\"from\": ", stdout);
        json_string(stdout, c->bundles[cv->chain[cm->first]].locale);
        printf(", \"translated\": %s, \"locked\": %s, \"variants\": ",
               translated(cv, i) ? "true" : "false", cm->m->locked ? "true" : "false");
        merged_keys(cv, i);
        json_keys(&cv->keys);
        fputs("}", stdout);
    }
    fputs("}}", stdout);
}

/* Returns false when memory ran out. */
static bool print_coverage(coverage *cv, bool json)
{
    const glocal_catalog *c = cv->c;
    if (json)
        printf("{\"base_language\": \"%s\", \"messages\": %zu, \"locales\": [", c->language,
               c->nmessages);
    else
        printf("%-12s %9s %4s  %8s  %s\n", "LOCALE", "TRANSLATED", "", "VARIANTS", "CHAIN");
    for (size_t i = 1; i < c->nbundles && !cv->keys.oom; i++) {
        cover_locale(cv, &c->bundles[i]);
        if (json)
            cover_json(cv, i == 1);
        else
            cover_text(cv);
    }
    if (json)
        fputs("\n  ]\n}\n", stdout);
    return !cv->keys.oom;
}

typedef struct coverage_opts {
    const char *dir;
    bool json;
} coverage_opts;

static int coverage_opt(void *ud, int index, const char *value)
{
    coverage_opts *o = ud;
    if (index < 0)
        return take_dir("coverage", &o->dir, value);
    if (strcmp(value, "text") != 0 && strcmp(value, "json") != 0)
        return usage_error("coverage", "unknown format `%s` (text or json)", value);
    o->json = strcmp(value, "json") == 0;
    return CONTINUE;
}

static int cmd_coverage(int argc, char **argv)
{
    static const cli_opt table[] = {{"format", true}, {NULL, false}};
    coverage_opts o = {0};
    glocal_catalog *c = NULL;
    int rc = parse_args("coverage", argc, argv, table, usage_coverage, coverage_opt, &o);
    if (rc == CONTINUE && !o.dir)
        rc = usage_error("coverage", "which catalog directory?");
    if (rc == CONTINUE)
        rc = open_catalog("coverage", o.dir, &c);
    if (rc != CONTINUE)
        return rc;
    coverage cv = {.c = c, .msgs = calloc(c->nmessages + 1, sizeof(cov_msg))};
    bool ok = cv.msgs && print_coverage(&cv, o.json);
    if (!ok)
        fputs("glocal coverage: out of memory\n", stderr);
    free(cv.msgs);
    free(cv.keys.items);
    glocal_catalog_unref(c);
    return ok ? EXIT_OK : EXIT_USAGE;
}

/* ---- main ---- */

int main(int argc, char **argv)
{
    const char *cmd = argc > 1 ? argv[1] : "";
    int rc;
    if (strcmp(cmd, "lint") == 0)
        rc = cmd_lint(argc - 2, argv + 2);
    else if (strcmp(cmd, "render") == 0 || strcmp(cmd, "explain") == 0)
        rc = cmd_render(argc - 2, argv + 2, strcmp(cmd, "explain") == 0);
    else if (strcmp(cmd, "coverage") == 0)
        rc = cmd_coverage(argc - 2, argv + 2);
    else if (cli_find_command(cmd))
        rc = cli_find_command(cmd)->run(argc - 2, argv + 2);
    else if (strcmp(cmd, "--version") == 0)
        rc = (printf("%s\n", glocal_version()), EXIT_OK);
    else if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0)
        rc = (fputs(usage_main, stdout), EXIT_OK);
    else {
        if (argc > 1)
            fprintf(stderr, "glocal: unknown command `%s`\n", cmd);
        fputs(usage_main, stderr);
        rc = EXIT_USAGE;
    }
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "glocal: cannot write the output: %s\n", strerror(errno));
        return EXIT_USAGE;
    }
    return rc;
}
