/* The command line of render and explain: the options become a request, the
 * NAME=VALUE pairs arguments, DIR the catalog; then the message is formatted
 * (or explained) and printed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "glocal.h"

#include "catalog.h"
#include "cli.h"
#include "message_args.h"
#include "message_command.h"

enum { BUILTIN_AXES = 3 }; /* --formality, --tone, --channel: the first options */

typedef struct message_opts {
    const char *dir, *id, *locale, *axis[BUILTIN_AXES], *zone, *isolate;
    char **pairs;
    size_t npairs;
} message_opts;

static const cli_opt message_table[] = {{"formality", true}, {"tone", true}, {"channel", true},
                                        {"locale", true},    {"time-zone", true},
                                        {"isolate", true},   {NULL, false}};
static const char *const axis_opt[BUILTIN_AXES] = {"formality", "tone", "channel"};

static int message_opt(void *ud, int index, const char *value)
{
    message_opts *o = ud;
    if (index >= 0 && index < BUILTIN_AXES)
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

static int build_request(const char *cmd, const message_opts *o, glocal_request **r)
{
    glocal_error *e = NULL;
    glocal_isolation iso = GLOCAL_ISOLATE_AUTO;
    if (o->isolate && isolation_of(cmd, o->isolate, &iso) != CONTINUE)
        return EXIT_USAGE;
    if (glocal_request_new(o->locale, r, &e) != GLOCAL_OK)
        return request_failed(cmd, "--locale", e);
    for (int a = 0; a < BUILTIN_AXES; a++)
        if (o->axis[a] && glocal_request_set_axis(*r, axis_opt[a], o->axis[a], &e) != GLOCAL_OK)
            return request_failed(cmd, axis_opt[a], e);
    if (o->zone && glocal_request_set_time_zone(*r, o->zone, &e) != GLOCAL_OK)
        return request_failed(cmd, "--time-zone", e);
    if (glocal_request_set_isolation(*r, iso, &e) != GLOCAL_OK)
        return request_failed(cmd, "--isolate", e);
    return CONTINUE;
}

/* An axis value the catalog does not know is the caller's mistake (2); every
 * other failure is a message that could not be formatted (1). */
static int run_format(const char *cmd, const glocal_catalog *c, const message_opts *o,
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

int run_message_command(const message_command *mc, int argc, char **argv)
{
    const char *cmd = mc->name;
    message_opts o = {0};
    o.pairs = calloc((size_t)argc + 1, sizeof(char *));
    glocal_catalog *c = NULL;
    glocal_request *r = NULL;
    glocal_args *a = NULL;
    int rc = o.pairs ? parse_args(cmd, argc, argv, message_table, mc->help, message_opt, &o)
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
        rc = run_format(cmd, c, &o, r, a, mc->format, mc->newline);
    glocal_args_free(a);
    glocal_request_free(r);
    glocal_catalog_unref(c);
    free(o.pairs);
    return rc;
}
