/* The lint rule registry (rules.c): every rule's id, severity, the status
 * an open fails with, and a one-line summary.  The checks name rules by
 * gl_rule; everything else about a rule is read from the registry. */
#ifndef GLOCAL_RULES_H
#define GLOCAL_RULES_H

#include "glocal.h"

/* The rules of docs/lint.md, in its order: errors, then warnings. */
typedef enum gl_rule {
    R_YAML_SYNTAX, R_DUPLICATE_KEY, R_SCHEMA, R_LOCALE_TAG, R_FILE_NAME, R_TEMPLATE_SYNTAX,
    R_UNKNOWN_TERM, R_UNKNOWN_ARG, R_ARG_TYPE, R_SELECTOR, R_LOCKED, R_PROFILE,
    R_DROPPED_ARG, R_PLURAL_CATEGORIES, R_ORPHAN, R_MISSING, R_LENGTH, R_UNTRANSLATED,
    R_BRAND_LITERAL, R_WHITESPACE,
    R_REGISTER_SLIP, R_APOSTROPHE_QUOTE,
    /* the house standards (lint_standards.c, lint_typography.c) */
    R_GLOSSARY, R_FORBIDDEN_TERM, R_EMOJI_POLICY, R_PUNCTUATION_POLICY, R_REQUIRES, R_TYPOGRAPHY,
    R_SMS_SEGMENTS, R_HTML_MARKUP,
    R_STYLE,
    R_COUNT
} gl_rule;

const char *gl_rule_id(gl_rule r);
glocal_severity gl_rule_severity(gl_rule r);
/* What glocal_catalog_open returns for an error of rule r; GLOCAL_OK for a
 * warning rule, which never fails an open. */
glocal_status gl_rule_status(gl_rule r);

#endif
