/* The bad-input corpus (docs/robustness.md): every case directory under
 * $GLOCAL_CORPUS (committed) and $GLOCAL_CORPUS_GEN (written at build time by
 * gen_corpus.py: big, binary or unstorable inputs) is a catalog plus an
 * `expected` file.  Its first line other than comments is what
 * glocal_catalog_open gives: `STATUS FILE:LINE:COL` (FILE relative to the
 * case; `.` for the directory itself) or `GLOCAL_OK`.  Further lines:
 *
 *   # text                          a comment (the docs' table shows the first)
 *   root STATUS FILE:LINE:COL       replaces the first line when run as root
 *   links anywhere                  open and lint with GLOCAL_LINKS_ANYWHERE
 *   lint RULE FILE:LINE:COL         lint must report RULE there
 *   format LOCALE ID [NAME=TEXT|#NAME=DECIMAL]... => OUTPUT
 *                                   on the opened catalog: the output, or
 *   format LOCALE ID [...] => !STATUS   the call fails with STATUS
 *   format LOCALE ID [...] => #N        the output is N bytes long (N digits only)
 *
 * Every case also goes through glocal_lint: an IO case is GLOCAL_ERR_IO;
 * otherwise lint returns GLOCAL_OK, and for a case that does not open it
 * reports an error at the very place the open names. */
#include <check.h>
#include <dirent.h>
#include <glocal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../run_suite.h"

#define LINE_MAX_LEN 4096

typedef struct expectation {
    char open[LINE_MAX_LEN];   /* "GLOCAL_ERR_SYNTAX base.yaml:5:14" or "GLOCAL_OK" */
    char lint[8][LINE_MAX_LEN]; /* "duplicate-key base.yaml:6:3" */
    size_t nlint;
    char format[16][LINE_MAX_LEN];
    size_t nformat;
    glocal_links links;
} expectation;

static void chomp(char *s)
{
    s[strcspn(s, "\r\n")] = '\0';
}

static void read_expected(const char *dir, const char *name, expectation *x)
{
    char path[4200], line[LINE_MAX_LEN];
    snprintf(path, sizeof path, "%s/expected", dir);
    FILE *f = fopen(path, "r");
    ck_assert_msg(f != NULL, "%s: no expected file", name);
    memset(x, 0, sizeof *x);
    bool as_root = geteuid() == 0;
    while (fgets(line, sizeof line, f)) {
        chomp(line);
        if (!line[0] || line[0] == '#')
            continue;
        if (strncmp(line, "root ", 5) == 0) {
            /* Root reads files whatever their mode: what the case gives then. */
            if (as_root)
                snprintf(x->open, sizeof x->open, "%s", line + 5);
        } else if (strcmp(line, "links anywhere") == 0) {
            x->links = GLOCAL_LINKS_ANYWHERE;
        } else if (strncmp(line, "lint ", 5) == 0) {
            ck_assert_uint_lt(x->nlint, 8);
            snprintf(x->lint[x->nlint++], sizeof x->lint[0], "%s", line + 5);
        } else if (strncmp(line, "format ", 7) == 0) {
            ck_assert_uint_lt(x->nformat, 16);
            snprintf(x->format[x->nformat++], sizeof x->format[0], "%s", line + 7);
        } else if (!x->open[0] || strncmp(x->open, "GLOCAL_", 7) != 0) {
            ck_assert_msg(!x->open[0], "%s: two result lines", name);
            snprintf(x->open, sizeof x->open, "%s", line);
        }
    }
    fclose(f);
    ck_assert_msg(x->open[0], "%s: expected names no result", name);
}

/* "FILE:LINE:COL" of a place, FILE relative to dir. */
static void place(char *out, size_t cap, const char *dir, const char *file, unsigned line,
                  unsigned col)
{
    size_t dl = strlen(dir);
    const char *rel = "(none)";
    if (file && strcmp(file, dir) == 0)
        rel = ".";
    else if (file && strncmp(file, dir, dl) == 0 && file[dl] == '/')
        rel = file + dl + 1;
    else if (file)
        rel = file;
    snprintf(out, cap, "%s:%u:%u", rel, line, col);
}

/* Runs one `format LOCALE ID [NAME=TEXT]... => OUTPUT|!STATUS` line. */
static void check_format(const char *name, const glocal_catalog *c, const char *spec)
{
    char buf[LINE_MAX_LEN];
    snprintf(buf, sizeof buf, "%s", spec);
    char *arrow = strstr(buf, " => ");
    ck_assert_msg(arrow != NULL, "%s: format line without ` => `", name);
    *arrow = '\0';
    const char *want = arrow + 4;
    char *save = NULL;
    const char *locale = strtok_r(buf, " ", &save);
    const char *id = strtok_r(NULL, " ", &save);
    ck_assert_msg(locale && id, "%s: format line needs LOCALE and ID", name);
    glocal_args *a = NULL;
    glocal_args_new(&a, NULL);
    for (char *kv; (kv = strtok_r(NULL, " ", &save)) != NULL;) {
        char *eq = strchr(kv, '=');
        ck_assert_msg(eq != NULL, "%s: argument `%s` is not NAME=TEXT", name, kv);
        *eq = '\0';
        if (kv[0] == '#') /* #NAME=DECIMAL: a number */
            ck_assert_int_eq(glocal_args_decimal(a, kv + 1, eq + 1, NULL), GLOCAL_OK);
        else
            ck_assert_int_eq(glocal_args_text(a, kv, eq + 1, NULL), GLOCAL_OK);
    }
    glocal_request *r = NULL;
    ck_assert_int_eq(glocal_request_new(locale, &r, NULL), GLOCAL_OK);
    char *out = NULL;
    glocal_error *e = NULL;
    glocal_status st = glocal_format(c, id, r, a, &out, &e);
    if (want[0] == '#' && want[1] && want[1 + strspn(want + 1, "0123456789")] == '\0') {
        ck_assert_msg(st == GLOCAL_OK, "%s: format %s: %s", name, id, glocal_error_message(e));
        ck_assert_uint_eq(strlen(out), strtoul(want + 1, NULL, 10));
    } else if (want[0] == '!') {
        ck_assert_msg(strcmp(glocal_status_name(st), want + 1) == 0, "%s: format %s: got %s, want %s",
                      name, id, glocal_status_name(st), want + 1);
        ck_assert_ptr_null(out);
    } else {
        ck_assert_msg(st == GLOCAL_OK, "%s: format %s: %s", name, id, glocal_error_message(e));
        ck_assert_msg(strcmp(out, want) == 0, "%s: format %s: got \"%s\", want \"%s\"", name, id,
                      out, want);
    }
    glocal_free(out);
    glocal_error_free(e);
    glocal_request_free(r);
    glocal_args_free(a);
}

static bool has_finding(const glocal_findings *f, const char *dir, const char *rule,
                        const char *where, bool errors_only)
{
    for (size_t i = 0; i < glocal_findings_count(f); i++) {
        const glocal_finding *x = glocal_findings_at(f, i);
        char at[4608];
        place(at, sizeof at, dir, glocal_finding_file(x), glocal_finding_line(x),
              glocal_finding_column(x));
        if (strcmp(at, where) == 0 && (!rule || strcmp(rule, glocal_finding_rule(x)) == 0) &&
            (!errors_only || glocal_finding_severity(x) == GLOCAL_SEVERITY_ERROR))
            return true;
    }
    return false;
}

static size_t count_errors(const glocal_findings *f)
{
    size_t n = 0;
    for (size_t i = 0; i < glocal_findings_count(f); i++) {
        const glocal_finding *x = glocal_findings_at(f, i);
        n += glocal_finding_severity(x) == GLOCAL_SEVERITY_ERROR &&
             strcmp(glocal_finding_rule(x), "locked") != 0;
    }
    return n;
}

static void run_case(const char *root, const char *name)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/%s", root, name);
    expectation x;
    read_expected(dir, name, &x);
    bool want_ok = strcmp(x.open, "GLOCAL_OK") == 0;
    bool want_io = strncmp(x.open, "GLOCAL_ERR_IO ", 14) == 0;
    glocal_options *o = NULL;
    ck_assert_int_eq(glocal_options_new(&o, NULL), GLOCAL_OK);
    ck_assert_int_eq(glocal_options_set_links(o, x.links, NULL), GLOCAL_OK);

    glocal_catalog *c = (glocal_catalog *)1;
    glocal_error *e = NULL;
    glocal_status st = glocal_catalog_open_with(dir, o, &c, &e);
    char got[5000];
    if (st == GLOCAL_OK) {
        snprintf(got, sizeof got, "GLOCAL_OK");
        ck_assert_ptr_nonnull(c);
        ck_assert_ptr_null(e);
    } else {
        char at[4608];
        ck_assert_ptr_null(c);
        ck_assert_ptr_nonnull(e);
        ck_assert_int_eq(glocal_error_code(e), st);
        place(at, sizeof at, dir, glocal_error_file(e), glocal_error_line(e),
              glocal_error_column(e));
        snprintf(got, sizeof got, "%s %s", glocal_status_name(st), at);
    }
    ck_assert_msg(strcmp(got, x.open) == 0, "%s: open gave \"%s\" (%s), want \"%s\"", name, got,
                  e ? glocal_error_message(e) : "", x.open);
    glocal_error_free(e);
    for (size_t i = 0; i < x.nformat; i++)
        check_format(name, c, x.format[i]);
    glocal_catalog_unref(c);

    glocal_findings *f = NULL;
    e = NULL;
    st = glocal_lint_with(dir, o, &f, &e);
    glocal_options_free(o);
    if (want_io) {
        ck_assert_msg(st == GLOCAL_ERR_IO, "%s: lint gave %s, want GLOCAL_ERR_IO", name,
                      glocal_status_name(st));
        ck_assert_ptr_null(f);
        glocal_error_free(e);
        return;
    }
    ck_assert_msg(st == GLOCAL_OK, "%s: lint gave %s: %s", name, glocal_status_name(st),
                  glocal_error_message(e));
    if (want_ok) {
        ck_assert_msg(count_errors(f) == 0, "%s: opens, but lint finds an error: %s", name,
                      glocal_finding_message(glocal_findings_at(f, 0)));
    } else {
        const char *where = strchr(x.open, ' ') + 1;
        ck_assert_uint_ge(glocal_findings_count(f), 1);
        ck_assert_msg(has_finding(f, dir, NULL, where, true),
                      "%s: lint reports no error at %s, where the open failed", name, where);
    }
    for (size_t i = 0; i < x.nlint; i++) {
        char rule[LINE_MAX_LEN];
        snprintf(rule, sizeof rule, "%s", x.lint[i]);
        char *sp = strchr(rule, ' ');
        ck_assert_msg(sp != NULL, "%s: lint line needs RULE FILE:LINE:COL", name);
        *sp = '\0';
        ck_assert_msg(has_finding(f, dir, rule, sp + 1, false), "%s: lint does not report %s",
                      name, x.lint[i]);
    }
    glocal_findings_free(f);
}

static int run_all(const char *env)
{
    const char *root = getenv(env);
    ck_assert_msg(root != NULL, "%s is not set", env);
    DIR *d = opendir(root);
    ck_assert_msg(d != NULL, "cannot read %s", root);
    struct dirent *ent;
    int cases = 0;
    while ((ent = readdir(d)) != NULL) {
        if (ent->d_name[0] == '.')
            continue;
        run_case(root, ent->d_name);
        cases++;
    }
    closedir(d);
    return cases;
}

START_TEST(committed_cases)
{
    ck_assert_int_ge(run_all("GLOCAL_CORPUS"), 60);
}
END_TEST

START_TEST(generated_cases)
{
    ck_assert_int_ge(run_all("GLOCAL_CORPUS_GEN"), 15);
}
END_TEST

/* `test-corpus --print DIR...`: what open and lint give for each catalog
 * directory, in the `expected` syntax (for writing a new case). */
static int print_cases(int argc, char **argv)
{
    for (int i = 2; i < argc; i++) {
        const char *dir = argv[i];
        glocal_catalog *c = NULL;
        glocal_error *e = NULL;
        glocal_status st = glocal_catalog_open(dir, &c, &e);
        char at[4608];
        place(at, sizeof at, dir, glocal_error_file(e), glocal_error_line(e),
              glocal_error_column(e));
        printf("== %s\n%s%s%s\n", dir, glocal_status_name(st), st ? " " : "", st ? at : "");
        if (e)
            printf("#   %s\n", glocal_error_message(e));
        glocal_error_free(e);
        glocal_catalog_unref(c);
        glocal_findings *f = NULL;
        e = NULL;
        st = glocal_lint(dir, &f, &e);
        if (st != GLOCAL_OK)
            printf("#   lint: %s: %s\n", glocal_status_name(st), glocal_error_message(e));
        for (size_t k = 0; k < glocal_findings_count(f); k++) {
            const glocal_finding *x = glocal_findings_at(f, k);
            place(at, sizeof at, dir, glocal_finding_file(x), glocal_finding_line(x),
                  glocal_finding_column(x));
            printf("#   lint %s %s (%s): %s\n", glocal_finding_rule(x), at,
                   glocal_finding_severity(x) == GLOCAL_SEVERITY_ERROR ? "error" : "warning",
                   glocal_finding_message(x));
        }
        glocal_error_free(e);
        glocal_findings_free(f);
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "--print") == 0)
        return print_cases(argc, argv);
    Suite *s = suite_create("corpus");
    TCase *tc = tcase_create("corpus");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, committed_cases);
    tcase_add_test(tc, generated_cases);
    suite_add_tcase(s, tc);
    return run_suite(s, CK_FORK_GETENV);
}
