/* What every command of the CLI shares: usage errors, option parsing,
 * opening a catalog, reading a file. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

int usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "glocal %s: ", cmd);
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\nTry `glocal %s --help`.\n", cmd);
    va_end(ap);
    return EXIT_USAGE;
}

/* "FILE:LINE:COL: " (what is known of it), then the message. */
void print_error(const char *cmd, const glocal_error *e)
{
    const char *file = glocal_error_file(e), *msg = glocal_error_message(e);
    fprintf(stderr, "glocal %s: ", cmd);
    if (file && msg && strncmp(msg, file, strlen(file)) == 0)
        file = NULL; /* the message names it already */
    if (file) {
        fprintf(stderr, "%s:", file);
        if (glocal_error_line(e))
            fprintf(stderr, "%u:%u:", glocal_error_line(e), glocal_error_column(e));
        fputc(' ', stderr);
    }
    fprintf(stderr, "%s\n", msg ? msg : "failed");
}

static int find_opt(const cli_opt *opts, const char *arg, size_t len)
{
    for (int i = 0; opts[i].name; i++)
        if (strlen(opts[i].name) == len && strncmp(opts[i].name, arg, len) == 0)
            return i;
    return -1;
}

/* Options may come anywhere; `--name value` or `--name=value`; `--` ends
 * them.  Returns CONTINUE, or the exit code of --help or a usage error. */
int parse_args(const char *cmd, int argc, char **argv, const cli_opt *opts,
                      const char *help, opt_fn fn, void *ud)
{
    bool options = true;
    for (int i = 0; i < argc; i++) {
        const char *arg = argv[i];
        int rc;
        if (options && (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0)) {
            fputs(help, stdout);
            return EXIT_OK;
        }
        if (options && strcmp(arg, "--") == 0) {
            options = false;
            continue;
        }
        if (!options || arg[0] != '-' || arg[1] == '\0') {
            rc = fn(ud, -1, arg);
        } else {
            const char *name = arg + (arg[1] == '-' ? 2 : 1), *eq = strchr(name, '=');
            /* "-o FILE": a one-letter option of the table, given with one dash */
            int k = arg[1] == '-'   ? find_opt(opts, name, eq ? (size_t)(eq - name) : strlen(name))
                    : arg[2] == '\0' ? find_opt(opts, name, 1)
                                    : -1;
            if (k < 0)
                return usage_error(cmd, "unknown option `%s`", arg);
            const char *value = eq ? eq + 1 : NULL;
            if (opts[k].takes_value && !value && i + 1 == argc)
                return usage_error(cmd, "option `--%s` needs a value", opts[k].name);
            if (opts[k].takes_value && !value)
                value = argv[++i];
            if (!opts[k].takes_value && value)
                return usage_error(cmd, "option `--%s` takes no value", opts[k].name);
            rc = fn(ud, k, value);
        }
        if (rc != CONTINUE)
            return rc;
    }
    return CONTINUE;
}

/* A catalog argument must be a directory; say plainly when it is not. */
int check_dir(const char *cmd, const char *dir)
{
    struct stat st;
    if (stat(dir, &st) != 0) {
        fprintf(stderr, "glocal %s: cannot read %s: %s\n", cmd, dir, strerror(errno));
        return EXIT_USAGE;
    }
    if (!S_ISDIR(st.st_mode)) {
        fprintf(stderr, "glocal %s: %s is not a directory; give the catalog directory that "
                "holds base.yaml (or a file written by `glocal compile`)\n", cmd, dir);
        return EXIT_USAGE;
    }
    return CONTINUE;
}

bool has_compiled_magic(const char *path)
{
    char head[GLOCAL_COMPILED_MAGIC_LEN];
    struct stat st;
    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) /* never open a FIFO: it would block */
        return false;
    FILE *f = fopen(path, "rb");
    bool yes = f && fread(head, 1, sizeof head, f) == sizeof head &&
               memcmp(head, GLOCAL_COMPILED_MAGIC, sizeof head) == 0;
    if (f)
        fclose(f);
    return yes;
}

/* A catalog a command reads: a directory, or a compiled catalog file (glocal
 * compile); any other file is told plainly, as check_dir does. */
int check_catalog(const char *cmd, const char *path)
{
    return has_compiled_magic(path) ? CONTINUE : check_dir(cmd, path);
}

/* The one DIR positional of lint and coverage. */
int take_dir(const char *cmd, const char **dir, const char *value)
{
    if (*dir)
        return usage_error(cmd, "one directory only (got `%s` and `%s`)", *dir, value);
    *dir = value;
    return CONTINUE;
}

/* IO problems are unreadable input (2); a catalog with lint errors is
 * input that cannot be used (1). */
int open_catalog(const char *cmd, const char *dir, glocal_catalog **out)
{
    int rc = check_catalog(cmd, dir);
    glocal_error *e = NULL;
    if (rc != CONTINUE)
        return rc;
    glocal_status st = glocal_catalog_open(dir, out, &e);
    if (st == GLOCAL_OK)
        return CONTINUE;
    print_error(cmd, e);
    glocal_error_free(e);
    if (st == GLOCAL_ERR_IO || st == GLOCAL_ERR_INVALID || st == GLOCAL_ERR_NOMEM)
        return EXIT_USAGE;
    fprintf(stderr, "glocal %s: run `glocal lint %s` for every problem\n", cmd, dir);
    return EXIT_FAILED;
}

/* BCP 47 extensions (-u-, -t-, -x-, ...) start with a one-letter subtag. */
static bool has_extension(const char *tag)
{
    for (const char *p = tag; (p = strchr(p, '-')) != NULL; p++)
        if (p[1] && (p[2] == '-' || p[2] == '\0'))
            return true;
    return false;
}

int bundle_locale(const char *cmd, const char *what, const char *tag, char *out)
{
    glocal_error *e = NULL;
    char *canon = NULL;
    if (glocal_locale_canonicalize(tag, &canon, &e) != GLOCAL_OK) {
        fprintf(stderr, "glocal %s: %s: %s\n", cmd, what, glocal_error_message(e));
        glocal_error_free(e);
        return EXIT_USAGE;
    }
    snprintf(out, LOCALE_MAX, "%s", canon);
    glocal_free(canon);
    if (strcmp(out, "base") == 0) {
        fprintf(stderr, "glocal %s: %s: base.yaml is the source, not a locale to translate "
                "into\n", cmd, what);
        return EXIT_USAGE;
    }
    if (has_extension(out)) {
        fprintf(stderr, "glocal %s: %s: `%s` has extensions; a bundle's locale has none (e.g. "
                "de-CH)\n", cmd, what, tag);
        return EXIT_USAGE;
    }
    return CONTINUE;
}

char *slurp(const char *path, size_t *len, char *err, size_t errcap)
{
    FILE *f = fopen(path, "rb");
    strbuf b = {0};
    char chunk[8192];
    size_t n;
    if (!f) {
        snprintf(err, errcap, "cannot read %s: %s", path, strerror(errno));
        return NULL;
    }
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        sb_putn(&b, chunk, n);
    bool bad = ferror(f);
    fclose(f);
    if (bad) {
        sb_free(&b);
        snprintf(err, errcap, "cannot read %s", path);
        return NULL;
    }
    *len = b.len;
    return sb_take(&b);
}

char *plural_categories(const char *locale, bool ordinal)
{
    char *spaced = NULL;
    if (glocal_plural_categories(locale, ordinal, &spaced, NULL) != GLOCAL_OK)
        return NULL;
    size_t n = strlen(spaced);
    char *list = xmalloc(n + 2);
    for (size_t i = 0; i < n; i++)
        list[i] = spaced[i] == ' ' ? '\0' : spaced[i];
    list[n] = list[n + 1] = '\0';
    glocal_free(spaced);
    return list;
}

/* Where base.yaml writes a message: its first variant's line. */
static unsigned base_line(const glocal_catalog *c, const glocal_message *m)
{
    glocal_variants *vs = NULL;
    glocal_catalog_variants(c, "base", glocal_message_id(m), &vs, NULL);
    unsigned line = glocal_variant_line(glocal_variants_at(vs, 0));
    glocal_variants_free(vs);
    return line;
}

typedef struct at_line {
    const glocal_message *m;
    unsigned line;
} at_line;

static int by_line(const void *a, const void *b)
{
    unsigned x = ((const at_line *)a)->line, y = ((const at_line *)b)->line;
    return (x > y) - (x < y);
}

const glocal_message **messages_in_file_order(const glocal_catalog *c, size_t *n)
{
    *n = glocal_catalog_message_count(c);
    at_line *order = xcalloc(*n, sizeof *order);
    for (size_t i = 0; i < *n; i++) {
        order[i].m = glocal_catalog_message_at(c, i);
        order[i].line = base_line(c, order[i].m);
    }
    qsort(order, *n, sizeof *order, by_line);
    const glocal_message **list = xcalloc(*n, sizeof *list);
    for (size_t i = 0; i < *n; i++)
        list[i] = order[i].m;
    free(order);
    return list;
}
