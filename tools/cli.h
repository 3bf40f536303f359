/* Shared by the commands of the glocal CLI: exit codes, option parsing, error
 * printing, opening a catalog, reading a file (and, through strbuf.h,
 * allocation that cannot fail). */
#ifndef GLOCAL_CLI_H
#define GLOCAL_CLI_H

#include <stdbool.h>
#include <stddef.h>

#include "glocal.h"
#include "strbuf.h"

enum { EXIT_OK = 0, EXIT_FAILED = 1, EXIT_USAGE = 2, CONTINUE = -1 };

/* "glocal CMD: MESSAGE" and a pointer to `--help`; returns EXIT_USAGE. */
int usage_error(const char *cmd, const char *fmt, ...) SB_PRINTF(2, 3);
/* "glocal CMD: FILE:LINE:COL: MESSAGE" for a library error. */
void print_error(const char *cmd, const glocal_error *e);

typedef struct cli_opt {
    const char *name;  /* without the leading "--" */
    bool takes_value;
} cli_opt;

/* Called for option `index` of the table with its value, or with index -1
 * for a positional argument; returns CONTINUE or an exit code. */
typedef int (*opt_fn)(void *ud, int index, const char *value);

/* Options may come anywhere; `--name value` or `--name=value` (a one-letter
 * name also `-n value`); `--` ends them.  Returns CONTINUE, or the exit code of --help or a usage error. */
int parse_args(const char *cmd, int argc, char **argv, const cli_opt *opts, const char *help,
               opt_fn fn, void *ud);
/* CONTINUE when dir is a directory, else EXIT_USAGE with a message. */
int check_dir(const char *cmd, const char *dir);
/* Whether path is a file starting with the compiled catalog's magic
 * (docs/compiled.md), of whatever format version. */
bool has_compiled_magic(const char *path);
/* CONTINUE when path is a directory or a compiled catalog file, else
 * EXIT_USAGE with a message. */
int check_catalog(const char *cmd, const char *path);
/* Stores the one DIR positional; a second one is a usage error. */
int take_dir(const char *cmd, const char **dir, const char *value);
/* Opens the catalog in dir (or the compiled catalog file dir): CONTINUE, EXIT_USAGE (unreadable) or
 * EXIT_FAILED (a catalog with errors). */
int open_catalog(const char *cmd, const char *dir, glocal_catalog **out);

/* Room for a canonical locale tag and its NUL: the library refuses longer
 * tags (GLOCAL_ERR_LOCALE). */
#define LOCALE_MAX 160

/* The canonical tag (into out, LOCALE_MAX bytes) of a locale a bundle can
 * be written for: well-formed BCP 47 without extensions, not `base`.
 * CONTINUE, or EXIT_USAGE after saying why on stderr. */
int bundle_locale(const char *cmd, const char *what, const char *tag, char *out);

/* The CLDR plural categories of locale, each NUL-terminated, the list ending
 * with an empty one ("one\0other\0\0"); NULL for a malformed locale.  The
 * caller frees it. */
char *plural_categories(const char *locale, bool ordinal);

/* base.yaml's messages in the order it writes them (the library lists them
 * by id), for output people read next to the file.  The caller frees the
 * array. */
const glocal_message **messages_in_file_order(const glocal_catalog *c, size_t *n);

/* A whole file, NUL-terminated, its length in *len; NULL with a message in
 * err when it cannot be read. */
char *slurp(const char *path, size_t *len, char *err, size_t errcap);

#endif
