/* glocal negotiate DIR HEADER: the locale glocal_negotiate picks. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "commands.h"

static const char usage_negotiate[] =
    "usage: glocal negotiate DIR ACCEPT_LANGUAGE\n"
    "\n"
    "Prints the locale to serve a reader whose browser (or CRM profile) sends\n"
    "ACCEPT_LANGUAGE, such as \"fr-CH, fr;q=0.9, en;q=0.5\": entries by weight,\n"
    "each matched with ICU's locale matching against the catalog's locales, never\n"
    "across scripts; base's language when nothing matches.\n"
    "\n"
    "Exit status: 0 printed, 1 a catalog with errors, 2 usage error, unreadable\n"
    "input or a malformed header.\n";

typedef struct negotiate_opts {
    const char *dir, *header;
} negotiate_opts;

static int negotiate_opt(void *ud, int index, const char *value)
{
    negotiate_opts *o = ud;
    (void)index; /* no options: only positionals arrive here */
    if (!o->dir)
        o->dir = value;
    else if (!o->header)
        o->header = value;
    else
        return usage_error("negotiate", "one header only; quote it (got `%s` too)", value);
    return CONTINUE;
}

int cmd_negotiate(int argc, char **argv)
{
    static const cli_opt none[] = {{NULL, false}};
    negotiate_opts o = {0};
    glocal_catalog *c = NULL;
    int rc = parse_args("negotiate", argc, argv, none, usage_negotiate, negotiate_opt, &o);
    if (rc == CONTINUE && (!o.dir || !o.header))
        rc = usage_error("negotiate", "give the catalog directory and the Accept-Language "
                         "header");
    if (rc == CONTINUE)
        rc = open_catalog("negotiate", o.dir, &c);
    if (rc != CONTINUE)
        return rc;
    char *locale = NULL;
    glocal_error *e = NULL;
    glocal_status st = glocal_negotiate(c, o.header, &locale, &e);
    if (st == GLOCAL_OK)
        printf("%s\n", locale);
    else
        fprintf(stderr, "glocal negotiate: %s: %s\n", glocal_status_name(st),
                glocal_error_message(e));
    glocal_free(locale);
    glocal_error_free(e);
    glocal_catalog_unref(c);
    return st == GLOCAL_OK ? EXIT_OK : EXIT_USAGE;
}
