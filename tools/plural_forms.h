/* The Plural-Forms expression of a PO file (plural_forms.c), a C expression
 * in n, evaluated as GNU gettext's plural-eval does: in unsigned long
 * arithmetic, which wraps (no overflow, no LONG_MIN / -1 trap); where
 * gettext raises SIGFPE (division or remainder by zero) the expression does
 * not evaluate.  Real expressions are under 200 bytes and nest a few levels;
 * the evaluator recurses once per level of parentheses, `!` or `?:`, so
 * more is refused (docs/migrating.md). */
#ifndef GLOCAL_PLURAL_FORMS_H
#define GLOCAL_PLURAL_FORMS_H

#define PLURAL_FORMS_MAX_BYTES 1024 /* the expression, up to its `;` */
#define PLURAL_FORMS_MAX_DEPTH 32   /* levels below the top */

enum { PLURAL_FORMS_BAD = -1, PLURAL_FORMS_TOO_DEEP = -2 };

/* The form expression selects for n (max_forms for any form from there on),
 * PLURAL_FORMS_BAD when it does not evaluate, PLURAL_FORMS_TOO_DEEP when it
 * nests deeper than the limit (whatever n is).  The caller checks the
 * length: the reader reads up to the first `;` or the end. */
long plural_forms_eval(const char *expression, unsigned long n, long max_forms);

#endif
