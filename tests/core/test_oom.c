/* Out of memory, everywhere in glocal and libyaml: fail the Nth allocation of
 * an open, a format, an explain and a lint, for every N until the call
 * succeeds.  ICU's own allocations go around the failing malloc (ICU 72
 * crashes inside Calendar when memory runs out while a DateFormat is built;
 * that is ICU's to fix, not ours to test).  Every failure
 * must be a clean GLOCAL_ERR_NOMEM (never a crash, a wrong status or, under
 * ASan/valgrind, a leak), and the call must work once memory is back. */
#include <check.h>
#include <errno.h>
#include <glocal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uclean.h>

#include "../run_suite.h"

extern void *__libc_malloc(size_t n);
extern void *__libc_calloc(size_t n, size_t size);
extern void *__libc_realloc(void *p, size_t n);

static long countdown = -1; /* allocations left before one fails; -1: never */
static long failures;

static int fail_now(void)
{
    if (countdown < 0)
        return 0;
    if (countdown-- == 0) {
        failures++;
        errno = ENOMEM;
        return 1;
    }
    return 0;
}

void *malloc(size_t n)
{
    return fail_now() ? NULL : __libc_malloc(n);
}

void *calloc(size_t n, size_t size)
{
    return fail_now() ? NULL : __libc_calloc(n, size);
}

void *realloc(void *p, size_t n)
{
    return fail_now() ? NULL : __libc_realloc(p, n);
}

static const char *fixture;

/* Not a glocal status: an operation's results disagree with its status. */
#define GLOCAL_ERR_UNKNOWN_FOR_TEST ((glocal_status)1000)

typedef glocal_status (*operation)(glocal_catalog *c, char **out);

/* No assertion runs while allocations may fail: Check allocates too. */
static glocal_status op_open(glocal_catalog *unused, char **out)
{
    (void)unused;
    glocal_catalog *c = NULL;
    glocal_error *e = NULL;
    glocal_status st = glocal_catalog_open(fixture, &c, &e);
    bool consistent = st == GLOCAL_OK ? e == NULL && c != NULL
                                      : glocal_error_code(e) == st && c == NULL;
    glocal_error_free(e);
    glocal_catalog_unref(c);
    *out = NULL;
    return consistent ? st : GLOCAL_ERR_UNKNOWN_FOR_TEST;
}

static glocal_status request_and_args(const char *locale, glocal_request **r, glocal_args **a)
{
    glocal_status st = glocal_request_new(locale, r, NULL);
    if (st == GLOCAL_OK)
        st = glocal_request_set_axis(*r, "channel", "sms", NULL);
    *a = NULL;
    if (st == GLOCAL_OK)
        st = glocal_args_new(a, NULL);
    if (st == GLOCAL_OK)
        st = glocal_args_text(*a, "name", "Anna", NULL);
    if (st == GLOCAL_OK)
        st = glocal_args_int(*a, "count", 3, NULL);
    if (st == GLOCAL_OK)
        st = glocal_args_date(*a, "d", 1796117400000, NULL);
    return st;
}

static glocal_status run_format(glocal_catalog *c, char **out, bool explain)
{
    glocal_request *r = NULL;
    glocal_args *a = NULL;
    glocal_status st = request_and_args("de-CH-u-nu-arab", &r, &a);
    const char *ids[] = {"greet", "mixed", "team.line", "cart"};
    for (size_t i = 0; st == GLOCAL_OK && i < sizeof ids / sizeof *ids; i++) {
        glocal_free(*out);
        *out = NULL;
        st = explain ? glocal_explain(c, ids[i], r, a, out, NULL)
                     : glocal_format(c, ids[i], r, a, out, NULL);
    }
    glocal_args_free(a);
    glocal_request_free(r);
    return st;
}

static glocal_status op_format(glocal_catalog *c, char **out)
{
    return run_format(c, out, false);
}

static glocal_status op_explain(glocal_catalog *c, char **out)
{
    return run_format(c, out, true);
}

/* The result of the last message, with a zone from the request and fallbacks
 * (so that the result copies what it cannot borrow), as its text. */
static glocal_status op_result(glocal_catalog *c, char **out)
{
    glocal_request *r = NULL;
    glocal_args *a = NULL;
    glocal_result *res = NULL;
    glocal_status st = request_and_args("de-CH-u-nu-arab", &r, &a);
    if (st == GLOCAL_OK)
        st = glocal_request_set_time_zone(r, "Asia/Tokyo", NULL);
    if (st == GLOCAL_OK)
        st = glocal_request_add_fallback(r, "fr", NULL);
    if (st == GLOCAL_OK)
        st = glocal_format_result(c, "cart", r, a, &res, NULL);
    if (st == GLOCAL_OK && !(*out = strdup(glocal_result_text(res))))
        st = GLOCAL_ERR_NOMEM;
    glocal_result_free(res);
    glocal_args_free(a);
    glocal_request_free(r);
    return st;
}

static glocal_status op_lint(glocal_catalog *unused, char **out)
{
    (void)unused;
    glocal_findings *f = NULL;
    glocal_status st = glocal_lint(fixture, &f, NULL);
    *out = st == GLOCAL_OK ? strdup(glocal_finding_rule(glocal_findings_at(f, 0))) : NULL;
    glocal_findings_free(f);
    return st;
}

/* Runs op with the Nth allocation failing, N = 0, 1, 2, ... until it succeeds. */
static void exhaust(operation op, glocal_catalog *c, const char *want)
{
    for (long n = 0;; n++) {
        char *out = NULL;
        failures = 0;
        countdown = n;
        glocal_status st = op(c, &out);
        countdown = -1;
        if (st == GLOCAL_OK && failures == 0) {
            ck_assert_msg(!want || (out && strcmp(out, want) == 0), "n=%ld: %s", n, out);
            free(out);
            ck_assert_int_gt(n, 0);
            return;
        }
        /* Out of memory, or memory ran out inside ICU and glocal still succeeded. */
        ck_assert_msg(st == GLOCAL_ERR_NOMEM || st == GLOCAL_ERR_FORMAT || st == GLOCAL_OK,
                      "n=%ld: %s", n, glocal_status_name(st));
        free(out);
        ck_assert_int_lt(n, 200000);
    }
}

START_TEST(oom_everywhere)
{
    glocal_catalog *c = NULL;
    ck_assert_int_eq(glocal_catalog_open(fixture, &c, NULL), GLOCAL_OK);
    exhaust(op_open, NULL, NULL);
    exhaust(op_format, c, "\xd9\xa3 Artikel");
    exhaust(op_explain, c, NULL);
    exhaust(op_result, c, "\xd9\xa3 Artikel");
    exhaust(op_lint, NULL, NULL);
    glocal_catalog_unref(c);
}
END_TEST

static void *U_CALLCONV icu_alloc(const void *ctx, size_t n)
{
    (void)ctx;
    return __libc_malloc(n);
}

static void *U_CALLCONV icu_realloc(const void *ctx, void *p, size_t n)
{
    (void)ctx;
    return __libc_realloc(p, n);
}

static void U_CALLCONV icu_free(const void *ctx, void *p)
{
    (void)ctx;
    free(p);
}

int main(void)
{
    UErrorCode st = U_ZERO_ERROR;
    u_setMemoryFunctions(NULL, icu_alloc, icu_realloc, icu_free, &st);
    if (U_FAILURE(st))
        return 2;
    const char *dir = getenv("GLOCAL_FIXTURES");
    if (!dir)
        return 2;
    static char path[4096];
    snprintf(path, sizeof path, "%s/resolve", dir);
    fixture = path;
    Suite *s = suite_create("oom");
    TCase *tc = tcase_create("oom");
    tcase_set_timeout(tc, 900);
    tcase_add_test(tc, oom_everywhere);
    suite_add_tcase(s, tc);
    return run_suite(s, CK_NOFORK);
}
