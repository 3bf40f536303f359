/* The standards rules (lint_standards.c: glossary, forbidden-term,
 * emoji-policy, punctuation-policy, requires; lint_typography.c: typography)
 * and what the two files share while they walk a catalog. */
#ifndef GLOCAL_LINT_STANDARDS_H
#define GLOCAL_LINT_STANDARDS_H

#include <unicode/ubrk.h>

#include "chain.h"
#include "standards.h"
#include "std_text.h"

typedef struct gl_typo_state gl_typo_state;

/* One walk over the catalog; `b`, `m`, `v` are what is being checked. */
typedef struct gl_std_lint {
    const glocal_catalog *c;
    gl_diag *d;
    const gl_bundle *b;       /* whose locale's conventions apply */
    const char *tag;          /* b's locale; base's language for base */
    uint32_t chain[GL_MAX_CHAIN];
    size_t nchain;
    const gl_message *m;
    uint32_t mi;
    const gl_msgdef *def;
    const gl_variant *v;
    const gl_bundle *owner;   /* the bundle that defines v (b, or an ancestor b serves it from) */
    gl_text text;             /* v's text */
    gl_file_text *files;      /* per bundle index, read on a first finding */
    UBreakIterator *words;    /* opened on first use */
    gl_typo_state *typo;
} gl_std_lint;

/* Runs every standards rule over the catalog (lint.c). */
void gl_lint_standards(const glocal_catalog *c, gl_diag *d);

/* Reports a finding of `kind` at byte `off` of the variant's source (owner's
 * file, b's locale), at `severity`; the message starts with the message id
 * and variant key. */
void gl_std_report(gl_std_lint *x, gl_std_kind kind, glocal_severity severity, size_t off,
                   const char *fmt, ...) GL_PRINTF(5, 6);
/* The severity b's chain gives a section: error when any of its bundles'
 * standards says so. */
glocal_severity gl_std_severity(const gl_std_lint *x, gl_std_kind kind);

/* lint_typography.c: per bundle set-up, per variant checks (own texts, and
 * `inherited` ones b serves from an ancestor of its language), clean-up. */
bool gl_typography_begin(gl_std_lint *x);
void gl_typography_check(gl_std_lint *x, bool inherited);
void gl_typography_end(gl_std_lint *x);

#endif
