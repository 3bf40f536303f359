/*
 * Golden lint cases, run through the public API (glocal_lint).
 *
 * Every directory under cases/ and near-miss/ is a catalog with a file
 * `expected`: the exact findings, one a line, `FILE:LINE:COL severity rule`
 * (FILE relative to the case directory; `#` starts a comment).  Adding a case
 * is adding a directory.  cases/<rule>/ holds a defect every rule must find;
 * near-miss/<rule>/ holds what the rule must not flag.
 */
#include <check.h>
#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "glocal.h"

#include "../run_suite.h"

#define MAX_CASES 256
#define MAX_LINES 256
#define LINE_MAX_LEN 512

static const char *roots[2]; /* cases/, near-miss/ */
static char *case_dirs[MAX_CASES];
static size_t ncases;

typedef struct lines {
    char item[MAX_LINES][LINE_MAX_LEN];
    size_t n;
} lines;

static int str_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void collect_cases(const char *root)
{
    DIR *d = opendir(root);
    if (!d) {
        perror(root);
        exit(2);
    }
    size_t first = ncases;
    struct dirent *e;
    while ((e = readdir(d)) != NULL && ncases < MAX_CASES) {
        if (e->d_name[0] == '.')
            continue;
        char *path = malloc(strlen(root) + strlen(e->d_name) + 2);
        sprintf(path, "%s/%s", root, e->d_name);
        case_dirs[ncases++] = path;
    }
    closedir(d);
    qsort(case_dirs + first, ncases - first, sizeof(char *), str_cmp);
}

static void read_expected(const char *dir, lines *out)
{
    char path[1024], buf[LINE_MAX_LEN];
    snprintf(path, sizeof path, "%s/expected", dir);
    FILE *f = fopen(path, "r");
    ck_assert_msg(f != NULL, "%s: missing", path);
    out->n = 0;
    while (fgets(buf, sizeof buf, f) && out->n < MAX_LINES) {
        buf[strcspn(buf, "\r\n")] = '\0';
        if (buf[0] == '\0' || buf[0] == '#')
            continue;
        snprintf(out->item[out->n++], LINE_MAX_LEN, "%s", buf);
    }
    fclose(f);
}

static glocal_findings *lint(const char *dir)
{
    glocal_findings *f = NULL;
    glocal_error *e = NULL;
    glocal_status st = glocal_lint(dir, &f, &e);
    ck_assert_msg(st == GLOCAL_OK, "%s: glocal_lint failed: %s", dir, glocal_error_message(e));
    return f;
}

static void actual_lines(const char *dir, const glocal_findings *f, lines *out)
{
    size_t prefix = strlen(dir) + 1;
    out->n = 0;
    for (size_t i = 0; i < glocal_findings_count(f) && out->n < MAX_LINES; i++) {
        const glocal_finding *x = glocal_findings_at(f, i);
        const char *file = glocal_finding_file(x);
        ck_assert_msg(strncmp(file, dir, prefix - 1) == 0, "%s: finding outside the case", file);
        snprintf(out->item[out->n++], LINE_MAX_LEN, "%s:%u:%u %s %s", file + prefix,
                 glocal_finding_line(x), glocal_finding_column(x),
                 glocal_finding_severity(x) == GLOCAL_SEVERITY_ERROR ? "error" : "warning",
                 glocal_finding_rule(x));
    }
}

static void dump(const char *title, const lines *l)
{
    fprintf(stderr, "  %s:\n", title);
    for (size_t i = 0; i < l->n; i++)
        fprintf(stderr, "    %s\n", l->item[i]);
}

START_TEST(test_case)
{
    const char *dir = case_dirs[_i];
    static lines want, got;
    read_expected(dir, &want);
    glocal_findings *f = lint(dir);
    actual_lines(dir, f, &got);
    bool same = want.n == got.n;
    for (size_t i = 0; same && i < want.n; i++)
        same = strcmp(want.item[i], got.item[i]) == 0;
    if (!same) {
        fprintf(stderr, "%s: findings differ\n", dir);
        dump("expected", &want);
        dump("got", &got);
        for (size_t i = 0; i < glocal_findings_count(f); i++)
            fprintf(stderr, "    | %s\n", glocal_finding_message(glocal_findings_at(f, i)));
    }
    glocal_findings_free(f);
    ck_assert_msg(same, "%s: findings differ from `expected` (see above)", dir);
}
END_TEST

/* Every finding has a message, a known rule, and locale/message id only
 * where they apply; findings are sorted by file, line, column, rule. */
START_TEST(test_case_findings_well_formed)
{
    const char *dir = case_dirs[_i];
    glocal_findings *f = lint(dir);
    const glocal_finding *prev = NULL;
    for (size_t i = 0; i < glocal_findings_count(f); i++) {
        const glocal_finding *x = glocal_findings_at(f, i);
        ck_assert_msg(glocal_finding_message(x) && *glocal_finding_message(x), "%s: no message",
                      dir);
        ck_assert_msg(glocal_rule_find(glocal_finding_rule(x)) != NULL, "%s: unknown rule %s",
                      dir, glocal_finding_rule(x));
        const char *loc = glocal_finding_locale(x);
        ck_assert_msg(!loc || strstr(glocal_finding_file(x), "/base.yaml") == NULL,
                      "%s: a base finding with locale %s", dir, loc);
        if (prev) {
            int c = strcmp(glocal_finding_file(prev), glocal_finding_file(x));
            if (c == 0 && glocal_finding_line(prev) != glocal_finding_line(x))
                c = glocal_finding_line(prev) < glocal_finding_line(x) ? -1 : 1;
            if (c == 0 && glocal_finding_column(prev) != glocal_finding_column(x))
                c = glocal_finding_column(prev) < glocal_finding_column(x) ? -1 : 1;
            if (c == 0)
                c = strcmp(glocal_finding_rule(prev), glocal_finding_rule(x)) > 0;
            ck_assert_msg(c <= 0, "%s: findings out of order at %zu", dir, i);
        }
        prev = x;
    }
    glocal_findings_free(f);
}
END_TEST

static bool expects_rule(const char *dir, const char *rule)
{
    static lines want;
    read_expected(dir, &want);
    for (size_t i = 0; i < want.n; i++) {
        const char *last = strrchr(want.item[i], ' ');
        if (last && strcmp(last + 1, rule) == 0)
            return true;
    }
    return false;
}

/* Each rule of the registry (the 31 of docs/lint.md, test_rules.c checks)
 * has a case that finds it and a near-miss directory. */
START_TEST(test_every_rule_covered)
{
    ck_assert_uint_eq(glocal_rule_count(), 31);
    for (size_t r = 0; r < glocal_rule_count(); r++) {
        const char *id = glocal_rule_id(glocal_rule_at(r));
        char dir[1024];
        snprintf(dir, sizeof dir, "%s/%s", roots[0], id);
        ck_assert_msg(expects_rule(dir, id), "%s: expects no `%s` finding", dir, id);
        snprintf(dir, sizeof dir, "%s/%s", roots[1], id);
        ck_assert_msg(!expects_rule(dir, id), "%s: a near miss must not be flagged", dir);
    }
}
END_TEST

/* Lint reports problems as findings; only a directory it cannot read fails. */
START_TEST(test_unreadable_directory)
{
    glocal_findings *f = (glocal_findings *)1;
    glocal_error *e = NULL;
    char missing[1024];
    snprintf(missing, sizeof missing, "%s/no-such-catalog", roots[0]);
    ck_assert_int_eq(glocal_lint(missing, &f, &e), GLOCAL_ERR_IO);
    ck_assert_ptr_null(f);
    ck_assert_ptr_nonnull(glocal_error_message(e));
    glocal_error_free(e);
    e = NULL;
    ck_assert_int_eq(glocal_lint(NULL, &f, &e), GLOCAL_ERR_INVALID);
    glocal_error_free(e);
}
END_TEST

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: %s CASES_DIR NEAR_MISS_DIR\n", argv[0]);
        return 2;
    }
    roots[0] = argv[1];
    roots[1] = argv[2];
    collect_cases(roots[0]);
    collect_cases(roots[1]);
    Suite *s = suite_create("lint");
    TCase *tc = tcase_create("golden");
    tcase_set_timeout(tc, 60);
    tcase_add_loop_test(tc, test_case, 0, (int)ncases);
    tcase_add_loop_test(tc, test_case_findings_well_formed, 0, (int)ncases);
    tcase_add_test(tc, test_every_rule_covered);
    tcase_add_test(tc, test_unreadable_directory);
    suite_add_tcase(s, tc);
    int failed = run_suite(s, CK_FORK_GETENV);
    for (size_t i = 0; i < ncases; i++)
        free(case_dirs[i]);
    return failed;
}
