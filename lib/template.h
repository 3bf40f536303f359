/* Templates: ICU MessageFormat patterns with named arguments and {-term}s,
 * compiled once at load into what formatting needs (icu_template.cpp). */
#ifndef GLOCAL_TEMPLATE_H
#define GLOCAL_TEMPLATE_H

#include "util.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum gl_use {
    USE_PLAIN,    /* {x} */
    USE_NUMBER,   /* {x, number[, style]} */
    USE_DATE,     /* {x, date[, style]} */
    USE_TIME,     /* {x, time[, style]} */
    USE_PLURAL,   /* {x, plural, ...} */
    USE_ORDINAL,  /* {x, selectordinal, ...} */
    USE_SELECT    /* {x, select, ...} */
} gl_use;

typedef enum gl_slot_kind { SLOT_ARG, SLOT_TERM } gl_slot_kind;

/* A place in the text that glocal writes itself: an argument outside any
 * plural/select structure role, or a term. */
typedef struct gl_slot {
    gl_slot_kind kind;
    gl_use use;               /* USE_PLAIN, USE_NUMBER, USE_DATE or USE_TIME */
    const char *name;
    const char *style;        /* "" when none: "integer", "currency", "short", "::yMMMd" */
} gl_slot;

/* A plural, selectordinal or select argument. */
typedef struct gl_selector {
    const char *name;
    const char **keys;        /* "one", "=0", "other", ... */
    gl_use use;
    uint32_t nkeys;
} gl_selector;

typedef enum gl_tkind {
    TK_LITERAL,  /* no slot: `literal` is the output */
    TK_SIMPLE,   /* pieces[0] slot0 pieces[1] ... pieces[nslots] */
    TK_COMPLEX,  /* plural/select: formatted by ICU (a pattern with slots as λ0, λ1...) */
    TK_MF2       /* a `syntax: mf2` bundle's: `mf2` (template_mf2.c) */
} gl_tkind;

struct gl_mf2;

typedef struct gl_template {
    const char *src;          /* as written in the bundle */
    const char *literal;
    /* A catalog has a template per 100 bytes of YAML, so a template is kept
     * small: pieces, piece_len and slots are one block, and `kind` decides
     * which of pieces and piece_len (TK_LITERAL, TK_SIMPLE), sels (TK_COMPLEX,
     * TK_MF2) and mf2 (TK_MF2) it has. */
    union {
        const char **pieces;  /* piece i is piece_len[i] bytes, not always NUL-terminated */
        gl_selector *sels;    /* nsels of them; nsels is 0 unless TK_COMPLEX or TK_MF2 */
    };
    union {
        uint32_t *piece_len;
        /* the parsed message, slots and sels read from it; NULL in a compiled
         * catalog, which parses src on first use (gl_template_mf2) */
        const struct gl_mf2 *mf2;
    };
    gl_slot *slots;
    unsigned line, col;       /* of the scalar */
    uint32_t id;              /* unique in the catalog; keys per-thread caches */
    int32_t pattern_len;      /* TK_COMPLEX: UTF-16 units of the pattern ICU formats, slots
                                 as {λ0}, {λ1}...; not kept, rebuilt from src on demand */
    uint32_t nslots;
    uint32_t nsels;
    uint8_t kind;             /* gl_tkind */
    bool open_quote;          /* an apostrophe quotes the rest: ICU prints it literally */
    bool broken;              /* did not compile (reported); kept as empty text for lint */
} gl_template;

/* The pieces, piece lengths and slots of a template with nslots slots, in one
 * allocation; false when out of memory. */
bool gl_template_alloc_parts(gl_arena *a, gl_template *t, size_t nslots);

typedef enum gl_compile_status {
    TC_OK, TC_SYNTAX, TC_DEPTH, TC_NOMEM
} gl_compile_status;

/* Compiles t->src into t, allocating in `a`, the cheapest way its text
 * allows (template.c); on failure writes a message naming the problem. */
gl_compile_status gl_template_build(gl_arena *a, gl_template *t, unsigned max_depth, char *msg,
                                    size_t msgcap);
/* Compiles t->src into t through ICU, allocating in `a`.  On failure writes a message
 * naming the problem into msg. */
gl_compile_status gl_template_compile(gl_arena *a, gl_template *t, unsigned max_depth, char *msg,
                                      size_t msgcap);

/* Parses t->src as MessageFormat 2 into a TK_MF2 template (template_mf2.c):
 * slots are its argument uses (the function that annotates each, as the MF1
 * use it stands for) and its terms, sels its selectors traced to their
 * arguments.  TC_SYNTAX with the spec's error name and message in msg and
 * the byte offset of the problem in *at. */
gl_compile_status gl_template_build_mf2(gl_arena *a, gl_template *t, char *msg, size_t msgcap,
                                        size_t *at);
/* gl_template_max_length and gl_template_literal_text of a TK_MF2 template:
 * the longest variant; every variant's text. */
size_t gl_template_mf2_max_length(const gl_template *t, const size_t *slot_len);
char *gl_template_mf2_literal_text(const gl_template *t);
/* Whether a pattern of a TK_MF2 template starts (*lead) or ends (*trail)
 * with white space: what the reader sees, unlike the space around a complex
 * message, which MF2 ignores. */
void gl_template_mf2_edge_space(const gl_template *t, bool *lead, bool *trail);

/* Lint helpers. */
/* The longest output in code points: arguments empty, each plural/select its
 * longest branch, term i counted as term_len[i] (slot order). */
size_t gl_template_max_length(const gl_template *t, const size_t *slot_len);
/* The literal text (quoting resolved) of every message part, parts separated
 * by '\n'; the caller frees it with free(). */
char *gl_template_literal_text(const gl_template *t);

#ifdef __cplusplus
}
#endif

#endif
