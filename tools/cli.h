/* Shared by the files of the glocal CLI: exit codes, option parsing, error
 * printing, opening a catalog, and the commands that live outside glocal.c. */
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

/* ---- YAML documents (yaml_doc.c): read, change and write a bundle with
 * libyaml, keeping key order and each node's style ---- */

typedef enum yd_kind { YD_SCALAR, YD_MAP, YD_SEQ } yd_kind;

typedef struct yd_node {
    yd_kind kind;
    char *str;               /* SCALAR */
    int style;               /* libyaml's scalar, mapping or sequence style */
    struct yd_node **items;  /* MAP: key0, value0, key1, ...; SEQ: values */
    size_t n, cap;           /* entries of items */
    unsigned line;           /* 1-based where it was read; 0 for new nodes */
    bool blank_before;       /* a map key with an empty line (or comment) above it */
} yd_node;

yd_node *yd_scalar(const char *s);        /* written double-quoted unless plain is safe */
yd_node *yd_plain(const char *s);         /* plain when libyaml allows it */
yd_node *yd_map(bool flow);
yd_node *yd_seq(bool flow);
void yd_free(yd_node *n);
/* The value of key in map (NULL when absent or not a map). */
yd_node *yd_get(const yd_node *map, const char *key);
/* Replaces key's value in place, else appends key: value; takes val. */
void yd_set(yd_node *map, const char *key, yd_node *val);
void yd_push(yd_node *seq, yd_node *val);
/* The pairs of a map, the items of a sequence. */
size_t yd_len(const yd_node *n);
/* Whether n is a scalar holding text. */
bool yd_same(const yd_node *n, const char *text);
/* Sets variant `key` of message `id` in a `messages:` map to text: a new
 * message is a scalar for `other`, a map otherwise; a scalar message becomes
 * a map with `other` when another key arrives.  Returns whether it changed. */
bool yd_set_variant(yd_node *messages, const char *id, const char *key, const char *text);

/* A bundle read from disk: the tree, the comment lines at its top (kept
 * verbatim) and where the other comments were (the emitter cannot keep them). */
typedef struct yd_file {
    yd_node *root;
    char *header;            /* "" when none */
    unsigned *lost;          /* lines of comments after the first content line */
    size_t nlost;
} yd_file;

/* Reads path; false with a message in err (FILE:LINE: ...) when it cannot. */
bool yd_load(const char *path, yd_file *out, char *err, size_t errcap);
void yd_file_free(yd_file *f);
/* Says on stderr which comments of f writing it drops. */
void yd_warn_lost_comments(const char *cmd, const char *path, const yd_file *f);

/* ---- ICU MessageFormat templates as parts (msgparts.c) ----
 * What a translator may change (text) and what they must keep (codes): a
 * template is text, codes ({name}, {eta, date, long}, {-brand}, `#`, a
 * selector's head and tail), and branches of plural/select (open: " one {",
 * close: "}") whose content is again text and codes. */

typedef enum mp_kind { MP_TEXT, MP_CODE, MP_OPEN, MP_CLOSE } mp_kind;

typedef enum mp_code {
    MPC_ARG, MPC_TERM, MPC_HASH, MPC_SELECT_HEAD, MPC_SELECT_TAIL, MPC_NONE
} mp_code;

typedef struct mp_part {
    mp_kind kind;
    mp_code code;            /* MP_CODE */
    char *text;              /* TEXT: the literal text (quoting resolved); else the source */
    char *name;              /* ARG, TERM, SELECT_HEAD: the argument or term; OPEN: the key */
    bool plural;             /* SELECT_HEAD, OPEN: of plural/selectordinal */
} mp_part;

typedef struct mp_list {
    mp_part *p;
    size_t n, cap;
} mp_list;

/* Splits template src; false with a message in err when it does not parse. */
bool mp_split(const char *src, mp_list *out, char *err, size_t errcap);
void mp_free(mp_list *l);
/* Whether key is in cats, a list of gl_plural_categories (NULL: no). */
bool mp_has_category(const char *cats, const char *key);
/* Appends literal text to b quoted for ICU (braces, apostrophes that would
 * quote, `#` inside a plural branch). */
void mp_quote(gl_buf *b, const char *text, bool in_plural);

/* ---- importers (importer.c): gettext, i18next and Rails catalogs into
 * glocal bundles ---- */

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
} imp_catalog;

/* Parses the options every importer takes (--out DIR, --base-language TAG)
 * and collects the input files; CONTINUE or an exit code. */
int imp_parse(imp_catalog *c, int argc, char **argv, const char *help, char ***files,
              size_t *nfiles);
/* The bundle for locale ("base", or a canonical tag), read from the output
 * directory when it is there already, else new. */
imp_bundle *imp_bundle_of(imp_catalog *c, const char *locale);
/* Sets variant key of message id in the bundle; note (base only) to _note. */
void imp_put(imp_catalog *c, const char *locale, const char *id, const char *key,
             const char *tmpl, const char *note);
/* Sets a term. */
void imp_term(imp_catalog *c, const char *locale, const char *name, const char *text);
/* "glocal CMD: FILE:LINE: warning: ..." for what could not be carried over. */
void imp_warn(imp_catalog *c, const char *file, unsigned line, const char *fmt, ...)
    GL_PRINTF(4, 5);
/* Writes every bundle, says what was done; the exit code (1 after warnings). */
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
 * categories (gl_plural_categories): a `zero` it lacks becomes `=0`. */
char *imp_plural(const char *arg, bool ordinal, const char *have, const char *const *cats,
                 const char *const *tmpls, size_t n);
/* The canonical CLDR category names in order, and whether s is one. */
extern const char *const imp_categories[6];
bool imp_is_category(const char *s);
/* Reads a whole file (NUL-terminated); NULL with a message on stderr. */
char *imp_read_file(imp_catalog *c, const char *path);
/* The 1-based line of byte offset off in text. */
unsigned imp_line_at(const char *text, size_t off);

/* A command implemented outside glocal.c. */
typedef struct cli_command {
    const char *name;
    int (*run)(int argc, char **argv);
} cli_command;

/* The command called `name`, or NULL. */
const cli_command *cli_find_command(const char *name);

int cmd_negotiate(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_import(int argc, char **argv);
int cmd_import_gettext(int argc, char **argv);
int cmd_import_i18next(int argc, char **argv);
int cmd_import_rails(int argc, char **argv);

#endif
