/* The command line of render and explain: the options become a request, the
 * NAME=VALUE pairs arguments, DIR the catalog; then the message is formatted
 * (or explained) and printed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "glocal.h"

#include "cli.h"
#include "json_out.h"
#include "message_args.h"
#include "message_command.h"

/* The axes the command line names with an option of their own. */
#define NAXIS_OPTS 3

typedef struct message_opts {
    const message_command *mc;
    const char *dir, *id, *locale, *axis[NAXIS_OPTS], *zone, *isolate;
    bool json;
    char **pairs;              /* NAME=VALUE arguments */
    size_t npairs;
    char **axes;               /* --axis NAME=VALUE, in order */
    size_t naxes;
    const char **fallbacks;    /* --fallback LOCALE, in order */
    size_t nfallbacks;
} message_opts;

enum { OPT_LOCALE = NAXIS_OPTS, OPT_ZONE, OPT_ISOLATE, OPT_JSON, OPT_AXIS, OPT_FALLBACK };
static const cli_opt message_table[] = {{"formality", true}, {"tone", true}, {"channel", true},
                                        {"locale", true},    {"time-zone", true},
                                        {"isolate", true},   {"json", false},
                                        {"axis", true},      {"fallback", true},
                                        {NULL, false}};
static const char *const axis_opt[NAXIS_OPTS] = {"formality", "tone", "channel"};

static int message_opt(void *ud, int index, const char *value)
{
    message_opts *o = ud;
    if (index >= 0 && index < NAXIS_OPTS)
        o->axis[index] = value;
    else if (index == OPT_LOCALE)
        o->locale = value;
    else if (index == OPT_ZONE)
        o->zone = value;
    else if (index == OPT_ISOLATE)
        o->isolate = value;
    else if (index == OPT_JSON && !o->mc->result)
        return usage_error(o->mc->name, "unknown option `--json`");
    else if (index == OPT_JSON)
        o->json = true;
    else if (index == OPT_AXIS && !strchr(value, '='))
        return usage_error(o->mc->name, "--axis takes NAME=VALUE, not `%s`", value);
    else if (index == OPT_AXIS)
        o->axes[o->naxes++] = (char *)value;
    else if (index == OPT_FALLBACK)
        o->fallbacks[o->nfallbacks++] = value;
    else if (!o->dir)
        o->dir = value;
    else if (!o->id)
        o->id = value;
    else if (strchr(value, '='))
        o->pairs[o->npairs++] = (char *)value;
    else
        return usage_error(o->mc->name, "`%s`: arguments are written NAME=VALUE", value);
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

static int build_request(const char *cmd, const message_opts *o, glocal_request **r)
{
    glocal_error *e = NULL;
    glocal_isolation iso = GLOCAL_ISOLATE_AUTO;
    if (o->isolate && isolation_of(cmd, o->isolate, &iso) != CONTINUE)
        return EXIT_USAGE;
    if (glocal_request_new(o->locale, r, &e) != GLOCAL_OK)
        return request_failed(cmd, "--locale", e);
    for (int a = 0; a < NAXIS_OPTS; a++)
        if (o->axis[a] && glocal_request_set_axis(*r, axis_opt[a], o->axis[a], &e) != GLOCAL_OK)
            return request_failed(cmd, axis_opt[a], e);
    for (size_t i = 0; i < o->naxes; i++) {
        char name[64];
        const char *eq = strchr(o->axes[i], '=');
        snprintf(name, sizeof name, "%.*s", (int)(eq - o->axes[i]), o->axes[i]);
        if (glocal_request_set_axis(*r, name, eq + 1, &e) != GLOCAL_OK)
            return request_failed(cmd, "--axis", e);
    }
    for (size_t i = 0; i < o->nfallbacks; i++)
        if (glocal_request_add_fallback(*r, o->fallbacks[i], &e) != GLOCAL_OK)
            return request_failed(cmd, "--fallback", e);
    if (o->zone && glocal_request_set_time_zone(*r, o->zone, &e) != GLOCAL_OK)
        return request_failed(cmd, "--time-zone", e);
    if (glocal_request_set_isolation(*r, iso, &e) != GLOCAL_OK)
        return request_failed(cmd, "--isolate", e);
    return CONTINUE;
}

/* An axis value the catalog does not know is the caller's mistake (2); every
 * other failure is a message that could not be formatted (1). */
static int format_failed(const char *cmd, glocal_status st, glocal_error *e)
{
    fprintf(stderr, "glocal %s: %s: %s\n", cmd, glocal_status_name(st), glocal_error_message(e));
    glocal_error_free(e);
    return st == GLOCAL_ERR_INVALID ? EXIT_USAGE : EXIT_FAILED;
}

static int run_format(const char *cmd, const glocal_catalog *c, const message_opts *o,
                      const glocal_request *r, const glocal_args *a, format_fn fn, bool newline)
{
    char *text = NULL;
    glocal_error *e = NULL;
    glocal_status st = fn(c, o->id, r, a, &text, &e);
    if (st != GLOCAL_OK)
        return format_failed(cmd, st, e);
    fputs(text, stdout);
    if (newline)
        fputc('\n', stdout);
    glocal_free(text);
    return EXIT_OK;
}

/* "axes": {"formality": {"value": ..., "source": ..., "profile": ...}, ...}
 * for every axis of the catalog. */
static void print_axes(const glocal_catalog *c, const glocal_result *res)
{
    fputs(",\n  \"axes\": {", stdout);
    for (size_t i = 0; i < glocal_catalog_axis_count(c); i++) {
        const char *axis = glocal_catalog_axis_name(c, i);
        printf("%s\n    ", i ? "," : "");
        json_string(stdout, axis);
        fputs(": {", stdout);
        json_field(stdout, "value", glocal_result_axis(res, axis), true);
        json_field(stdout, "source", glocal_result_axis_source(res, axis), false);
        json_field(stdout, "profile", glocal_result_axis_profile(res, axis), false);
        fputs("}", stdout);
    }
    fputs("\n  }", stdout);
}

/* "sms": how the text is billed, on a channel declared `kind: sms`; null elsewhere. */
static void print_sms(const glocal_result *res)
{
    size_t segments, units;
    int ucs2;
    if (glocal_result_sms(res, &segments, &units, &ucs2))
        printf(",\n  \"sms\": {\"segments\": %zu, \"units\": %zu, \"encoding\": \"%s\"}",
               segments, units, ucs2 ? "ucs2" : "gsm7");
    else
        fputs(",\n  \"sms\": null", stdout);
}

/* The result object of glocal_format_result, one field a line. */
static void print_result(const glocal_catalog *c, const glocal_result *res)
{
    fputs("{\n  ", stdout);
    json_field(stdout, "text", glocal_result_text(res), true);
    printf(",\n  \"length\": %zu,\n  ", glocal_result_length(res));
    json_field(stdout, "bundle", glocal_result_bundle(res), true);
    fputs(",\n  ", stdout);
    json_field(stdout, "variant", glocal_result_variant(res), true);
    fputs(",\n  ", stdout);
    json_field(stdout, "file", glocal_result_file(res), true);
    printf(",\n  \"line\": %u,\n  \"column\": %u,\n  ", glocal_result_line(res),
           glocal_result_column(res));
    json_field(stdout, "format_locale", glocal_result_format_locale(res), true);
    fputs(",\n  ", stdout);
    json_field(stdout, "language", glocal_result_language(res), true);
    printf(",\n  \"fallback\": %s", glocal_result_fallback(res) ? "true" : "false");
    print_axes(c, res);
    fputs(",\n  ", stdout);
    json_field(stdout, "time_zone", glocal_result_time_zone(res), true);
    fputs(",\n  ", stdout);
    json_field(stdout, "time_zone_source", glocal_result_time_zone_source(res), true);
    fputs(",\n  ", stdout);
    json_field(stdout, "time_zone_profile", glocal_result_time_zone_profile(res), true);
    print_sms(res);
    fputs("\n}\n", stdout);
}

static int run_result(const char *cmd, const glocal_catalog *c, const message_opts *o,
                      const glocal_request *r, const glocal_args *a, result_fn fn)
{
    glocal_result *res = NULL;
    glocal_error *e = NULL;
    glocal_status st = fn(c, o->id, r, a, &res, &e);
    if (st != GLOCAL_OK)
        return format_failed(cmd, st, e);
    print_result(c, res);
    glocal_result_free(res);
    return EXIT_OK;
}

int run_message_command(const message_command *mc, int argc, char **argv)
{
    const char *cmd = mc->name;
    message_opts o = {.mc = mc};
    o.pairs = xcalloc((size_t)argc + 1, sizeof(char *));
    o.axes = xcalloc((size_t)argc + 1, sizeof(char *));
    o.fallbacks = xcalloc((size_t)argc + 1, sizeof(char *));
    glocal_catalog *c = NULL;
    glocal_request *r = NULL;
    glocal_args *a = NULL;
    int rc = parse_args(cmd, argc, argv, message_table, mc->help, message_opt, &o);
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
    if (rc == CONTINUE && o.json)
        rc = run_result(cmd, c, &o, r, a, mc->result);
    else if (rc == CONTINUE)
        rc = run_format(cmd, c, &o, r, a, mc->format, mc->newline);
    glocal_args_free(a);
    glocal_request_free(r);
    glocal_catalog_unref(c);
    free(o.pairs);
    free(o.axes);
    free(o.fallbacks);
    return rc;
}
