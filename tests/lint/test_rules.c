/*
 * The rule registry, through the public API (glocal_rule_*), and
 * docs/lint.md: the doc's `### id` headings under "## Error rules" and
 * "## Warning rules" are the registry's rules, in its order and with its
 * severities, so neither can change without the other.
 */
#include <check.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "glocal.h"

#include "../run_suite.h"

#define MAX_DOC_RULES 64
#define ID_MAX 64

static const char *lint_md; /* path of docs/lint.md */

typedef struct doc_rule {
    char id[ID_MAX];
    glocal_severity severity;
} doc_rule;

/* The rules docs/lint.md describes, with the severity of their section. */
static size_t doc_rules(doc_rule *out)
{
    FILE *f = fopen(lint_md, "r");
    ck_assert_msg(f != NULL, "%s: cannot open", lint_md);
    char line[1024];
    int section = -1; /* a glocal_severity inside a rule section, else -1 */
    size_t n = 0;
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = '\0';
        if (strncmp(line, "## ", 3) == 0) {
            section = strcmp(line, "## Error rules") == 0     ? GLOCAL_SEVERITY_ERROR
                      : strcmp(line, "## Warning rules") == 0 ? GLOCAL_SEVERITY_WARNING
                                                              : -1;
        } else if (strncmp(line, "### ", 4) == 0 && section >= 0) {
            ck_assert_msg(n < MAX_DOC_RULES, "%s: too many rules", lint_md);
            ck_assert_msg(strlen(line + 4) < ID_MAX, "%s: `%s` is too long", lint_md, line);
            snprintf(out[n].id, ID_MAX, "%s", line + 4);
            out[n++].severity = (glocal_severity)section;
        }
    }
    fclose(f);
    return n;
}

static const char *severity_name(glocal_severity s)
{
    return s == GLOCAL_SEVERITY_ERROR ? "error" : "warning";
}

/* Every rule docs/lint.md describes is in the registry, and every rule of
 * the registry is in docs/lint.md, in the same order and section. */
START_TEST(test_doc_lists_the_registry)
{
    static doc_rule doc[MAX_DOC_RULES];
    size_t n = doc_rules(doc);
    for (size_t i = 0; i < n; i++) {
        const glocal_rule *r = glocal_rule_find(doc[i].id);
        ck_assert_msg(r != NULL, "%s describes `%s`, which the registry does not have", lint_md,
                      doc[i].id);
        ck_assert_msg(glocal_rule_severity(r) == doc[i].severity,
                      "%s lists `%s` as an %s rule, the registry says %s", lint_md, doc[i].id,
                      severity_name(doc[i].severity), severity_name(glocal_rule_severity(r)));
    }
    for (size_t i = 0; i < glocal_rule_count(); i++) {
        const char *id = glocal_rule_id(glocal_rule_at(i));
        bool found = false;
        for (size_t j = 0; j < n; j++)
            found = found || strcmp(doc[j].id, id) == 0;
        ck_assert_msg(found, "the registry has `%s`, which %s does not describe", id, lint_md);
        ck_assert_msg(i < n && strcmp(doc[i].id, id) == 0,
                      "rule %zu is `%s` in the registry, `%s` in %s", i, id,
                      i < n ? doc[i].id : "(none)", lint_md);
    }
    ck_assert_uint_eq(n, glocal_rule_count());
}
END_TEST

/* Each rule has an id glocal_rule_find returns it for, and a one-line summary. */
START_TEST(test_registry_well_formed)
{
    ck_assert_uint_gt(glocal_rule_count(), 0);
    for (size_t i = 0; i < glocal_rule_count(); i++) {
        const glocal_rule *r = glocal_rule_at(i);
        ck_assert_ptr_nonnull(r);
        const char *id = glocal_rule_id(r), *summary = glocal_rule_summary(r);
        ck_assert_msg(id && *id, "rule %zu has no id", i);
        ck_assert_msg(strspn(id, "abcdefghijklmnopqrstuvwxyz-") == strlen(id),
                      "`%s` is not a lowercase id", id);
        ck_assert_ptr_eq(glocal_rule_find(id), r);
        ck_assert_msg(summary && *summary, "`%s` has no summary", id);
        ck_assert_msg(!strchr(summary, '\n'), "`%s`: the summary is not one line", id);
    }
}
END_TEST

START_TEST(test_out_of_range_and_null)
{
    ck_assert_ptr_null(glocal_rule_at(glocal_rule_count()));
    ck_assert_ptr_null(glocal_rule_at((size_t)-1));
    ck_assert_ptr_null(glocal_rule_find(NULL));
    ck_assert_ptr_null(glocal_rule_find(""));
    ck_assert_ptr_null(glocal_rule_find("no-such-rule"));
    ck_assert_ptr_null(glocal_rule_find("Duplicate-Key"));
    ck_assert_ptr_null(glocal_rule_id(NULL));
    ck_assert_ptr_null(glocal_rule_summary(NULL));
    ck_assert_int_eq(glocal_rule_severity(NULL), GLOCAL_SEVERITY_ERROR);
}
END_TEST

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s LINT_MD\n", argv[0]);
        return 2;
    }
    lint_md = argv[1];
    Suite *s = suite_create("rules");
    TCase *tc = tcase_create("registry");
    tcase_add_test(tc, test_doc_lists_the_registry);
    tcase_add_test(tc, test_registry_well_formed);
    tcase_add_test(tc, test_out_of_range_and_null);
    suite_add_tcase(s, tc);
    return run_suite(s, CK_FORK_GETENV);
}
