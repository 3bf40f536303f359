/* Unicode MessageFormat 2 (docs/mf2.md): the parser and data model
 * (mf2_parse.c), the readers lint and the catalog checks use, and the
 * formatter (mf2_format.cpp).  Internal; never installed. */
#ifndef GLOCAL_MF2_H
#define GLOCAL_MF2_H

#include "value.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- data model (the spec's, data-model/README.md) ----
 * Everything lives in the arena given to gl_mf2_parse.  Strings are UTF-8,
 * NUL-terminated, escapes resolved; names (variables, functions, options,
 * markup) and variant keys are NFC, as the spec compares them. */

typedef enum gl_mf2_vkind {
    MF2_NONE,     /* no operand (a function-only expression), or an attribute without value */
    MF2_LITERAL,  /* s: the literal's text */
    MF2_VARIABLE  /* s: the variable's name, without `$` */
} gl_mf2_vkind;

/* What a variable refers to when no declaration defines it: an argument. */
#define GL_MF2_ARGUMENT SIZE_MAX

typedef struct gl_mf2_operand {
    gl_mf2_vkind kind;
    const char *s;
    size_t len;
    size_t decl;              /* MF2_VARIABLE: the declaration it names, or GL_MF2_ARGUMENT */
} gl_mf2_operand;

/* An option (`name=value`) or an attribute (`@name[=literal]`). */
typedef struct gl_mf2_option {
    const char *name;
    gl_mf2_operand value;
} gl_mf2_option;

/* An expression, or a markup's name with its options and attributes. */
typedef struct gl_mf2_expr {
    gl_mf2_operand operand;
    const char *function;     /* "number", "test:function"; NULL when none (markup: its name) */
    gl_mf2_option *opts;
    size_t nopts;
    gl_mf2_option *attrs;
    size_t nattrs;
    size_t at;                /* byte offset of its `{` in the source */
} gl_mf2_expr;

typedef enum gl_mf2_part_kind {
    MF2_TEXT,
    MF2_EXPR,
    MF2_MARKUP_OPEN,        /* {#b} */
    MF2_MARKUP_STANDALONE,  /* {#br/} */
    MF2_MARKUP_CLOSE        /* {/b} */
} gl_mf2_part_kind;

typedef struct gl_mf2_part {
    gl_mf2_part_kind kind;
    const char *text;         /* MF2_TEXT, escapes resolved */
    size_t len;
    gl_mf2_expr expr;         /* the rest */
} gl_mf2_part;

typedef struct gl_mf2_pattern {
    gl_mf2_part *parts;
    size_t nparts;
} gl_mf2_pattern;

typedef struct gl_mf2_decl {
    bool input;               /* .input {$name ...}, else .local $name = {...} */
    const char *name;
    gl_mf2_expr expr;
    size_t *deps;             /* the earlier declarations expr refers to (indexes) */
    size_t ndeps;
} gl_mf2_decl;

/* A variant key: a literal, or the catch-all `*` (s NULL). */
typedef struct gl_mf2_key {
    const char *s;
    size_t len;
} gl_mf2_key;

typedef struct gl_mf2_variant {
    gl_mf2_key *keys;         /* one per selector */
    size_t nkeys;
    gl_mf2_pattern pattern;
    size_t at;                /* byte offset of its first key */
} gl_mf2_variant;

typedef struct gl_mf2 {
    const char *src;
    gl_mf2_decl *decls;
    size_t ndecls;
    const char **selectors;   /* .match's variable names; none: a pattern message */
    size_t *selector_at;      /* byte offset of each selector's `$` */
    size_t *selector_decl;    /* the declaration each selector names, or GL_MF2_ARGUMENT */
    size_t nsels;
    gl_mf2_variant *variants;
    size_t nvariants;
    gl_mf2_pattern pattern;   /* when nsels is 0 */
} gl_mf2;

/* What went wrong, where: a syntax or data-model error from the parser, or
 * the first error formatting met. */
typedef struct gl_mf2_problem {
    const char *name;         /* the spec's error name: "syntax-error", "unresolved-variable" */
    char message[160];
    size_t at;                /* byte offset into the source */
} gl_mf2_problem;

/* ---- parsing ---- */

typedef enum gl_mf2_parse_status {
    MF2_OK,
    MF2_SYNTAX,
    MF2_DATA_MODEL,
    MF2_NOMEM
} gl_mf2_parse_status;

/* Records the first failure of a parse or check: *status and *why are set
 * only while *status is MF2_OK, so the first error found is the one told.
 * fmt takes one %s, arg.  Always returns false (the parser's "stop"). */
bool gl_mf2_fail(gl_mf2_parse_status *status, gl_mf2_problem *why, gl_mf2_parse_status st,
                 const char *name, size_t at, const char *fmt, const char *arg);

/* Parses src[0..len) (UTF-8, checked here) into *out, allocating in a, and
 * checks the data model: variant-key-mismatch, missing-fallback-variant,
 * missing-selector-annotation, duplicate-declaration, duplicate-option-name,
 * duplicate-variant.  On failure *why names the error and its offset, and
 * *out is left alone. */
gl_mf2_parse_status gl_mf2_parse(gl_arena *a, const char *src, size_t len, gl_mf2 **out,
                                 gl_mf2_problem *why);

/* The data-model checks gl_mf2_parse runs on what it parsed (mf2_model.c),
 * which also link every variable to its declaration (decl, selector_decl,
 * deps): MF2_OK, MF2_DATA_MODEL with *why, or MF2_NOMEM. */
gl_mf2_parse_status gl_mf2_check(gl_arena *a, gl_mf2 *m, gl_mf2_problem *why);

/* ---- readers (lint, the catalog's argument checks) ---- */

/* Calls fn for every use of an argument (a variable no declaration defines):
 * function is the function that annotates it there, directly or through
 * its .input declaration or a .local that takes it as operand (NULL:
 * none; "glocal:term" never appears, terms are not arguments); at is the
 * byte offset of the use.  Option values that are arguments are reported
 * with function NULL. */
void gl_mf2_each_argument(const gl_mf2 *m,
                          void (*fn)(void *ud, const char *name, const char *function, size_t at),
                          void *ud);
/* The function that annotates selector i (through the declarations), or NULL. */
const char *gl_mf2_selector_function(const gl_mf2 *m, size_t i);
/* Whether a catalog's template may call function name ("number",
 * "glocal:term"): the spec's functions glocal implements and its own, never
 * the conformance suite's test functions.  A bundle's template that calls
 * another is refused when the catalog opens (template_mf2.c), as MF1 refuses
 * an unknown argument type, so that formatting never meets one. */
bool gl_mf2_function_known(const char *name);
/* Calls fn for every text part and every literal operand of the message (the
 * words a reader sees), in source order. */
void gl_mf2_each_text(const gl_mf2 *m, void (*fn)(void *ud, const char *s, size_t n), void *ud);
/* Calls fn for every markup placeholder. */
void gl_mf2_each_markup(const gl_mf2 *m, void (*fn)(void *ud, const gl_mf2_part *markup),
                        void *ud);

/* ---- formatting ---- */

/* The argument called name, or NULL when the caller has none. */
typedef const gl_value *(*gl_mf2_arg_fn)(void *ud, const char *name);
/* Writes term name (`{|brand| :glocal:term}`) into out; GLOCAL_ERR_ARGUMENT
 * when there is no such term. */
typedef glocal_status (*gl_mf2_term_fn)(void *ud, const char *name, gl_buf *out);
/* Told every error when env.recover is set. */
typedef void (*gl_mf2_error_fn)(void *ud, const gl_mf2_problem *p);

typedef struct gl_mf2_env {
    gl_fmt_env fmt;            /* ICU locale id, IANA zone; the serial is not needed: the
                                * per-thread ICU caches key by locale and options only */
    bool rtl;                  /* the locale writes right to left */
    glocal_isolation isolation; /* AUTO: glocal's; ALWAYS: the spec's Default Bidi Strategy;
                                * NEVER: the spec's `none` */
    bool html;                 /* markup as HTML elements (allow-list, docs/mf2.md), values
                                * and terms escaped; the message's own text written as is */
    gl_mf2_arg_fn arg;
    gl_mf2_term_fn term;       /* NULL: :glocal:term is an unknown function */
    void *ud;                  /* for arg and term */
    /* The conformance runner's: recover from errors as the spec describes
     * (fallback text, every error told to on_error) instead of stopping at
     * the first, and know the :test:* functions.  Never set by glocal_format. */
    bool recover;
    bool test_functions;
    gl_mf2_error_fn on_error;
    void *error_ud;
} gl_mf2_env;

/* Appends m's text to out.  GLOCAL_OK, or (unless env->recover) the first
 * error: GLOCAL_ERR_ARGUMENT for an unresolved variable, a bad operand,
 * option, selector or variant key, an unknown function; GLOCAL_ERR_FORMAT
 * when ICU fails; GLOCAL_ERR_NOMEM; GLOCAL_ERR_LIMIT when out is full
 * (gl_buf.max).  On failure out holds what it held before (its latches
 * aside), and *err (may be NULL) the spec's error name and the offset of the
 * expression or selector.  Thread-safe: m is read only, ICU objects are
 * cached per thread.  The channel's encoding (gsm7 replacements) is the
 * caller's to apply afterwards. */
glocal_status gl_mf2_format(const gl_mf2 *m, const gl_mf2_env *env, gl_buf *out,
                            gl_mf2_problem *err);

#ifdef __cplusplus
}
#endif

#endif
