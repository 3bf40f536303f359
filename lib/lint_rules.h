/* The warning-level lint rules (lint_rules.c). */
#ifndef GLOCAL_LINT_RULES_H
#define GLOCAL_LINT_RULES_H

#include "catalog.h"

void gl_lint_warnings(const glocal_catalog *c, gl_diag *d);
/* orphan and missing (lint_catalog.c), which gl_lint_warnings runs last. */
void gl_lint_catalog_warnings(const glocal_catalog *c, gl_diag *d);
/* sms-segments and html-markup (channel_lint.c), which gl_lint_warnings runs too. */
void gl_lint_channel_warnings(const glocal_catalog *c, gl_diag *d);

#endif
