/* A bundle's `standards:` (docs/standards.md): the house guide lint enforces.
 * standards.c reads it while the bundle loads; lint_standards.c and
 * lint_typography.c check every variant against the standards of its
 * bundle's chain. */
#ifndef GLOCAL_STANDARDS_H
#define GLOCAL_STANDARDS_H

#include "load.h"

/* The sections, in the order docs/standards.md describes them; each has its
 * own lint rule and its own `severity:`. */
typedef enum gl_std_kind {
    STD_GLOSSARY, STD_FORBIDDEN, STD_EMOJI, STD_PUNCTUATION, STD_REQUIRES, STD_TYPOGRAPHY,
    STD_KINDS
} gl_std_kind;

/* A glossary variant to flag, or a forbidden phrase. */
typedef struct gl_std_term {
    gl_std_kind kind;         /* STD_GLOSSARY or STD_FORBIDDEN */
    const char *lang;         /* the language key, "all" for every language */
    const char *text;         /* without the prefix marker `*` */
    const char *preferred;    /* glossary: the term to write instead; NULL for forbidden */
    bool prefix;              /* `Auftrag*`: the word may go on (Auftrags, Auftragsnummer) */
    unsigned line, col;
} gl_std_term;

typedef enum gl_emoji_policy { EMOJI_ALLOWED, EMOJI_LIST, EMOJI_NONE } gl_emoji_policy;

/* An emoji or punctuation policy applies to the variants whose context has
 * axis value `when` (GL_AXIS_NONE: every variant). */
typedef struct gl_std_emoji {
    uint32_t when;
    gl_emoji_policy policy;
    const char **list;        /* EMOJI_LIST: the emoji allowed, without U+FE0F */
    size_t nlist;
    unsigned line, col;
} gl_std_emoji;

typedef struct gl_std_punct {
    uint32_t when;
    const char *mark;         /* "!", "?!", "…" */
    unsigned max;             /* occurrences a reader may see in one variant */
    unsigned line, col;
} gl_std_punct;

/* `requires`: what every variant of a message must contain: a word or number
 * ("10"), an argument use ("{eta}") or a term ("{-brand}"). */
typedef struct gl_std_require {
    uint32_t msg;
    const char *item;
    unsigned line, col;
} gl_std_require;

/* French spacing before : ; ! ? and inside « » (docs/standards.md#typography). */
typedef enum gl_fr_spacing {
    FR_SPACING_INFER, FR_SPACING_NARROW, FR_SPACING_NBSP, FR_SPACING_QUEBEC
} gl_fr_spacing;

typedef struct gl_std_typography {
    const char *lang;
    gl_fr_spacing spacing;
} gl_std_typography;

typedef struct gl_standards {
    glocal_severity severity[STD_KINDS];
    gl_std_term *terms;
    size_t nterms;
    gl_std_emoji *emoji;
    size_t nemoji;
    gl_std_punct *punct;
    size_t npunct;
    gl_std_require *requires;
    size_t nrequires;
    gl_std_typography *typography;
    size_t ntypography;
    bool typography_off;      /* `typography: off` */
} gl_standards;

/* Reads `standards:` into x->b->standards; reports bad shapes under
 * `schema` at their line and column.  Base reads it after its messages (a
 * `requires` names them). */
void gl_load_standards(gl_bundle_ctx *x, const ynode *standards);
/* The lint rule of a section. */
gl_rule gl_std_rule(gl_std_kind k);
/* Whether a language key of the standards (`de`, `pt-PT`, `all`) applies to
 * texts of locale `tag` (a bundle's locale, base's language for base). */
bool gl_std_lang_applies(const char *key, const char *tag);

#endif
