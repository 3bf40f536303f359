/* The importer framework (importer.c): what import-gettext, import-i18next
 * and import-rails share to turn other catalogs into glocal bundles. */
#ifndef GLOCAL_IMPORTER_H
#define GLOCAL_IMPORTER_H

#include <stdbool.h>
#include <stddef.h>

#include "strbuf.h"
#include "yaml_doc.h"

typedef struct imp_bundle {
    char *locale;            /* "base" for base.yaml */
    char *path;
    yd_file file;            /* read from --out DIR when it exists there */
} imp_bundle;

typedef struct imp_catalog {
    const char *cmd;         /* "import-gettext", ... */
    const char *out;         /* the catalog directory written */
    const char *base_lang;   /* base's language (--base-language) */
    imp_bundle *b;
    size_t n;
    size_t carried, warnings;
    size_t errors;           /* input refused (imp_error): nothing is written */
} imp_catalog;

/* Parses the options every importer takes (--out DIR, --base-language TAG)
 * and collects the input files; CONTINUE or an exit code. */
int imp_parse(imp_catalog *c, int argc, char **argv, const char *help, char ***files,
              size_t *nfiles);
/* The bundle for locale ("base", or a canonical tag), read from the output
 * directory when it is there already, else new. */
imp_bundle *imp_bundle_of(imp_catalog *c, const char *locale);
/* Whether name is one of the catalog's channels: a built-in one, or one that
 * base.yaml (in --out DIR, or as imported so far) declares under axes. */
bool imp_is_channel(imp_catalog *c, const char *name);
/* Sets variant key of message id in the bundle; note (base only) to _note. */
void imp_put(imp_catalog *c, const char *locale, const char *id, const char *key,
             const char *tmpl, const char *note);
/* Sets a term. */
void imp_term(imp_catalog *c, const char *locale, const char *name, const char *text);
/* "glocal CMD: FILE:LINE: warning: ..." for what could not be carried over. */
void imp_warn(imp_catalog *c, const char *file, unsigned line, const char *fmt, ...)
    SB_PRINTF(4, 5);
/* "glocal CMD: FILE:LINE: error: ..." for input refused as a whole (beyond a
 * limit, not UTF-8): after one, imp_finish writes nothing. */
void imp_error(imp_catalog *c, const char *file, unsigned line, const char *fmt, ...)
    SB_PRINTF(4, 5);
/* Writes every bundle, says what was done; the exit code (1 after warnings,
 * 2 after errors, when nothing is written). */
int imp_finish(imp_catalog *c);
/* An importer's command: parse the options, import each file with fn into c,
 * then finish; the exit code.  c->cmd is set by the caller. */
int imp_run(imp_catalog *c, int argc, char **argv, const char *help,
            void (*fn)(imp_catalog *c, const char *file));
/* A message id ([a-z0-9][a-z0-9_.-]*) for a key of another format:
 * camelCase to snake_case, other characters to `-`. */
char *imp_message_id(const char *key);
/* "{arg, plural, one {...} other {...}}" from n (category, template) pairs in
 * CLDR order, `=N` first; `other` must be among them.  have: the language's
 * categories (plural_categories, cli.h): a `zero` it lacks becomes `=0`. */
char *imp_plural(const char *arg, bool ordinal, const char *have, const char *const *cats,
                 const char *const *tmpls, size_t n);
/* The canonical CLDR category names in order, and whether s is one. */
extern const char *const imp_categories[6];
bool imp_is_category(const char *s);
/* Appends literal text to b as template text (glocal_template_quote); text
 * that is not UTF-8, which no template can hold, is appended as it is. */
void imp_quote(strbuf *b, const char *text, bool in_plural);
/* Reads a whole file (NUL-terminated, its length in *len when len is not
 * NULL); NULL with a message on stderr, counted as a warning when it cannot
 * be read, as an error when it is larger than the limit (YD_MAX_FILE_BYTES). */
char *imp_read_file(imp_catalog *c, const char *path, size_t *len);
/* The 1-based line of byte offset off in text. */
unsigned imp_line_at(const char *text, size_t off);

#endif
