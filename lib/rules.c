/* The lint rule registry: the one table of what each rule is called, how
 * severe it is, what an open fails with, and what it checks.  The loader and
 * lint_rules.c report by gl_rule; the CLI, the bindings and applications read
 * the table through glocal_rule_*.  docs/lint.md describes each rule in full
 * (tests/lint checks that the two list the same rules). */
#include "rules.h"

#include <string.h>

struct glocal_rule {
    const char *id;
    glocal_severity severity;
    glocal_status status; /* an open's status for an error; GLOCAL_OK for a warning */
    const char *summary;
};

#define ERROR_RULE(id, status, summary) {id, GLOCAL_SEVERITY_ERROR, status, summary}
#define WARNING_RULE(id, summary) {id, GLOCAL_SEVERITY_WARNING, GLOCAL_OK, summary}

static const glocal_rule rules[R_COUNT] = {
    [R_YAML_SYNTAX] = ERROR_RULE("yaml-syntax", GLOCAL_ERR_SYNTAX, "YAML that does not parse"),
    [R_DUPLICATE_KEY] = ERROR_RULE("duplicate-key", GLOCAL_ERR_SYNTAX,
                                   "A key repeated in one mapping"),
    [R_SCHEMA] = ERROR_RULE("schema", GLOCAL_ERR_SCHEMA,
                            "Unknown, misplaced or mistyped keys; refused YAML features; "
                            "missing base, parent or version"),
    [R_LOCALE_TAG] = ERROR_RULE("locale-tag", GLOCAL_ERR_SCHEMA,
                                "A locale or parent that is not a well-formed, canonical "
                                "BCP 47 tag"),
    [R_FILE_NAME] = ERROR_RULE("file-name", GLOCAL_ERR_SCHEMA,
                               "A file name that does not match its locale"),
    [R_TEMPLATE_SYNTAX] = ERROR_RULE("template-syntax", GLOCAL_ERR_SYNTAX,
                                     "A template ICU MessageFormat cannot parse, or nested "
                                     "too deeply"),
    [R_UNKNOWN_TERM] = ERROR_RULE("unknown-term", GLOCAL_ERR_SCHEMA,
                                  "A {-term} no bundle on the chain defines"),
    [R_UNKNOWN_ARG] = ERROR_RULE("unknown-arg", GLOCAL_ERR_SCHEMA,
                                 "A template argument base.yaml does not declare"),
    [R_ARG_TYPE] = ERROR_RULE("arg-type", GLOCAL_ERR_SCHEMA,
                              "An argument used in a way its type cannot be written"),
    [R_SELECTOR] = ERROR_RULE("selector", GLOCAL_ERR_SCHEMA,
                              "A bad variant key, or a message without an `other` variant"),
    [R_LOCKED] = ERROR_RULE("locked", GLOCAL_ERR_SCHEMA,
                            "A local bundle overriding a locked message or term"),
    [R_PROFILE] = ERROR_RULE("profile", GLOCAL_ERR_SCHEMA,
                             "A profile value that is not an axis value, or an unknown time "
                             "zone"),
    [R_DROPPED_ARG] = WARNING_RULE("dropped-arg",
                                   "A local variant that omits an argument base's variant uses"),
    [R_PLURAL_CATEGORIES] = WARNING_RULE("plural-categories",
                                         "A plural missing a category of the locale's rules, "
                                         "or having one they lack"),
    [R_ORPHAN] = WARNING_RULE("orphan", "A message only a local bundle defines"),
    [R_MISSING] = WARNING_RULE("missing", "A message no bundle of some language defines"),
    [R_LENGTH] = WARNING_RULE("length", "A channel variant longer than the channel's max_length"),
    [R_UNTRANSLATED] = WARNING_RULE("untranslated", "A local template identical to base's"),
    [R_BRAND_LITERAL] = WARNING_RULE("brand-literal",
                                     "A term's text written literally instead of {-term}"),
    [R_WHITESPACE] = WARNING_RULE("whitespace",
                                  "Leading, trailing or doubled spaces in a template"),
    [R_REGISTER_SLIP] = WARNING_RULE("register-slip",
                                     "A channel variant without a formality served to readers "
                                     "of another formality the message writes text for"),
    [R_APOSTROPHE_QUOTE] = WARNING_RULE("apostrophe-quote",
                                        "An ASCII apostrophe that makes ICU quote an argument, "
                                        "term, # or brace"),
    /* the house standards: warnings unless a standard says `severity: error` */
    [R_GLOSSARY] = WARNING_RULE("glossary", "A variant the glossary flags instead of its "
                                            "preferred term"),
    [R_FORBIDDEN_TERM] = WARNING_RULE("forbidden-term", "A phrase the standards forbid"),
    [R_EMOJI_POLICY] = WARNING_RULE("emoji-policy",
                                    "An emoji where the emoji policy of the variant's context "
                                    "does not allow it"),
    [R_PUNCTUATION_POLICY] = WARNING_RULE("punctuation-policy",
                                          "More of a punctuation mark than the standards allow "
                                          "in a variant"),
    [R_REQUIRES] = WARNING_RULE("requires",
                                "A variant without a word or argument its message requires"),
    [R_TYPOGRAPHY] = WARNING_RULE("typography",
                                  "Quotation marks, spacing, paired marks, bracket widths or "
                                  "letters that are not the locale's"),
    [R_SMS_SEGMENTS] = WARNING_RULE("sms-segments", "An SMS variant that, filled with sample "
                                    "values, takes more parts than its channel's budget"),
    [R_HTML_MARKUP] = WARNING_RULE("html-markup",
                                   "An html channel's template whose tags do not balance"),
    [R_STYLE] = WARNING_RULE("style", "A number or date style that is no keyword or skeleton, "
                             "taken as a pattern whose letters ICU would print or drop"),
};

const char *gl_rule_id(gl_rule r)
{
    return rules[r].id;
}

glocal_severity gl_rule_severity(gl_rule r)
{
    return rules[r].severity;
}

glocal_status gl_rule_status(gl_rule r)
{
    return rules[r].status;
}

size_t glocal_rule_count(void)
{
    return R_COUNT;
}

const glocal_rule *glocal_rule_at(size_t i)
{
    return i < R_COUNT ? &rules[i] : NULL;
}

const glocal_rule *glocal_rule_find(const char *id)
{
    for (size_t i = 0; id && i < R_COUNT; i++)
        if (strcmp(rules[i].id, id) == 0)
            return &rules[i];
    return NULL;
}

const char *glocal_rule_id(const glocal_rule *r)
{
    return r ? r->id : NULL;
}

glocal_severity glocal_rule_severity(const glocal_rule *r)
{
    return r ? r->severity : GLOCAL_SEVERITY_ERROR;
}

const char *glocal_rule_summary(const glocal_rule *r)
{
    return r ? r->summary : NULL;
}
