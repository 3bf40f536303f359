/* Shared by the commands of the glocal CLI: exit codes, option parsing, error
 * printing, opening a catalog, allocation that cannot fail. */
#ifndef GLOCAL_CLI_H
#define GLOCAL_CLI_H

#include <stdbool.h>
#include <stddef.h>

#include "glocal.h"
#include "util.h"

enum { EXIT_OK = 0, EXIT_FAILED = 1, EXIT_USAGE = 2, CONTINUE = -1 };

/* "glocal CMD: MESSAGE" and a pointer to `--help`; returns EXIT_USAGE. */
int usage_error(const char *cmd, const char *fmt, ...) GL_PRINTF(2, 3);
/* "glocal CMD: FILE:LINE:COL: MESSAGE" for a library error. */
void print_error(const char *cmd, const glocal_error *e);

typedef struct cli_opt {
    const char *name;  /* without the leading "--" */
    bool takes_value;
} cli_opt;

/* Called for option `index` of the table with its value, or with index -1
 * for a positional argument; returns CONTINUE or an exit code. */
typedef int (*opt_fn)(void *ud, int index, const char *value);

/* Options may come anywhere; `--name value` or `--name=value`; `--` ends
 * them.  Returns CONTINUE, or the exit code of --help or a usage error. */
int parse_args(const char *cmd, int argc, char **argv, const cli_opt *opts, const char *help,
               opt_fn fn, void *ud);
/* CONTINUE when dir is a directory, else EXIT_USAGE with a message. */
int check_dir(const char *cmd, const char *dir);
/* Stores the one DIR positional; a second one is a usage error. */
int take_dir(const char *cmd, const char **dir, const char *value);
/* Opens the catalog in dir: CONTINUE, EXIT_USAGE (unreadable) or
 * EXIT_FAILED (a catalog with errors). */
int open_catalog(const char *cmd, const char *dir, glocal_catalog **out);

/* The canonical tag (into out, at least 160 bytes) of a locale a bundle can
 * be written for: well-formed BCP 47 without extensions, not `base`.
 * CONTINUE, or EXIT_USAGE after saying why on stderr. */
int bundle_locale(const char *cmd, const char *what, const char *tag, char *out);

/* Allocation that cannot fail: out of memory ends the CLI with status 2. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* A whole file, NUL-terminated, its length in *len; NULL with a message in
 * err when it cannot be read. */
char *slurp(const char *path, size_t *len, char *err, size_t errcap);
/* gl_buf_take, ending the CLI when the buffer ran out of memory. */
char *xbuf_take(gl_buf *b);

#endif
