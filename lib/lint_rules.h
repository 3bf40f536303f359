/* The warning-level lint rules (lint_rules.c). */
#ifndef GLOCAL_LINT_RULES_H
#define GLOCAL_LINT_RULES_H

#include "catalog.h"

void gl_lint_warnings(const glocal_catalog *c, gl_diag *d);
/* orphan and missing (lint_catalog.c), which gl_lint_warnings runs last. */
void gl_lint_catalog_warnings(const glocal_catalog *c, gl_diag *d);
/* register-slip (lint_register.c), which gl_lint_warnings runs too. */
void gl_lint_register_slips(const glocal_catalog *c, gl_diag *d);

/* A run of message text an ASCII apostrophe makes ICU quote (lint_quote.c). */
typedef struct gl_quote_trap {
    unsigned open, close;   /* template columns (code points, 1-based) of its apostrophes */
    const char *swallowed;  /* "argument `{order}` (column 3), `#` (column 9)" */
} gl_quote_trap;
typedef void (*gl_quote_trap_fn)(void *ud, const gl_quote_trap *t);
/* Calls fn for each quoted run of src whose apostrophe follows a letter or
 * digit (a prose apostrophe: `l'{order}`) and opens before `{` or `#`; a
 * run that never closes is left to template-syntax.  False when out of
 * memory. */
bool gl_find_quote_traps(const char *src, gl_quote_trap_fn fn, void *ud);

/* For a number or date slot whose style is neither a keyword nor a `::`
 * skeleton (a pattern to ICU): the first ASCII letter ICU would print or
 * drop there; 0 when there is none, or for any other slot (lint_style.c). */
char gl_style_stray_letter(const gl_slot *s);

/* sms-segments and html-markup (channel_lint.c), which gl_lint_warnings runs too. */
void gl_lint_channel_warnings(const glocal_catalog *c, gl_diag *d);

#endif
