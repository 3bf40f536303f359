/*
 * glocal - the command-line tool: main() finds the command named by the
 * first argument in one table and runs it with the arguments after it.  The
 * top-level help is made from that table; each command's own help lives in
 * its file (commands.h).  The commands are a thin layer over the public API,
 * the only one they can reach (tools/meson.build: include/ alone, the shared
 * library).  The manual is docs/cli.md and glocal(1).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "glocal.h"

#include "cli.h"
#include "commands.h"

typedef struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;      /* one line; neighbours sharing it share a line of the help */
} command;

static const char importers_summary[] =
    "turn PO files, i18next JSON or Rails YAML into glocal bundles";

static const command commands[] = {
    {"lint", cmd_lint, "check every bundle of a catalog with every lint rule"},
    {"render", cmd_render, "format one message for one customer"},
    {"explain", cmd_explain, "show, step by step, how a message is resolved"},
    {"coverage", cmd_coverage, "show how much of base each locale translates"},
    {"preview", cmd_preview, "write an HTML page of every message as customers see it"},
    {"negotiate", cmd_negotiate, "pick the locale to serve for an Accept-Language header"},
    {"compile", cmd_compile, "write a catalog as one compiled file that opens in milliseconds"},
    {"export", cmd_export, "write the XLIFF 2.0 file a translator fills in for one locale"},
    {"import", cmd_import, "merge a translated XLIFF 2.0 file into that locale's bundle"},
    {"import-gettext", cmd_import_gettext, importers_summary},
    {"import-i18next", cmd_import_i18next, importers_summary},
    {"import-rails", cmd_import_rails, importers_summary},
    {"convert", cmd_convert, "rewrite a catalog's templates as MessageFormat 2"},
};
#define NCOMMANDS (sizeof commands / sizeof commands[0])

/* The width of the help's column of command names. */
#define NAME_WIDTH 9

static const char usage_head[] =
    "usage: glocal COMMAND [OPTIONS] ...\n"
    "\n"
    "Commands:\n";

static const char usage_tail[] =
    "\n"
    "Options:\n"
    "  -h, --help     show this help (glocal COMMAND --help: that command's)\n"
    "  --version      print the library version\n"
    "\n"
    "Exit status: 0 success (lint: no errors), 1 lint errors (or warnings with\n"
    "--werror) or a message that could not be formatted, 2 usage error or\n"
    "unreadable input, 3 a write refused by the lint check (nothing written).\n"
    "See glocal(1).\n";

/* One line per command, or per run of neighbours sharing a summary
 * ("import-gettext, import-i18next, import-rails"); names wider than the
 * column put the summary on the next line. */
static void print_usage(FILE *out)
{
    fputs(usage_head, out);
    for (size_t i = 0, j; i < NCOMMANDS; i = j) {
        size_t width = 0;
        fputs("  ", out);
        for (j = i; j < NCOMMANDS && strcmp(commands[j].summary, commands[i].summary) == 0; j++) {
            fprintf(out, "%s%s", j > i ? ", " : "", commands[j].name);
            width += (j > i ? 2 : 0) + strlen(commands[j].name);
        }
        if (width > NAME_WIDTH) {
            fputs("\n  ", out);
            width = 0;
        }
        fprintf(out, "%*s %s\n", (int)(NAME_WIDTH - width), "", commands[i].summary);
    }
    fputs(usage_tail, out);
}

static const command *find_command(const char *name)
{
    for (size_t i = 0; i < NCOMMANDS; i++)
        if (strcmp(commands[i].name, name) == 0)
            return &commands[i];
    return NULL;
}

int main(int argc, char **argv)
{
    const char *name = argc > 1 ? argv[1] : "";
    const command *cmd = find_command(name);
    int rc;
    if (cmd)
        rc = cmd->run(argc - 2, argv + 2);
    else if (strcmp(name, "--version") == 0)
        rc = (printf("%s\n", glocal_version()), EXIT_OK);
    else if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0 || strcmp(name, "help") == 0)
        rc = (print_usage(stdout), EXIT_OK);
    else {
        if (argc > 1)
            fprintf(stderr, "glocal: unknown command `%s`\n", name);
        print_usage(stderr);
        rc = EXIT_USAGE;
    }
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "glocal: cannot write the output: %s\n", strerror(errno));
        return EXIT_USAGE;
    }
    return rc;
}
