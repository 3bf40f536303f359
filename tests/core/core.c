/* The core library through its public API: resolution (docs/resolution.md),
 * formatting, argument and request validation, and every error path.  This
 * file holds the shared helpers of core.h and runs the suite; the tests are
 * in test_resolution.c, test_format.c, test_api.c, test_open.c and
 * test_parts.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../run_suite.h"
#include "core.h"

const char *fixtures;
glocal_catalog *resolve_cat;
glocal_catalog *fmt_cat;

static glocal_catalog *open_fixture(const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", fixtures, name);
    glocal_catalog *c = NULL;
    glocal_error *e = NULL;
    glocal_status st = glocal_catalog_open(path, &c, &e);
    ck_assert_msg(st == GLOCAL_OK, "open %s: %s", path, glocal_error_message(e));
    return c;
}

static void setup(void)
{
    resolve_cat = open_fixture("resolve");
    fmt_cat = open_fixture("fmt");
}

static void teardown(void)
{
    glocal_catalog_unref(resolve_cat);
    glocal_catalog_unref(fmt_cat);
}

TCase *core_tcase(const char *name)
{
    TCase *tc = tcase_create(name);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 120);
    return tc;
}

glocal_request *request(const char *locale, const char *ctx)
{
    glocal_request *r = NULL;
    ck_assert_int_eq(glocal_request_new(locale, &r, NULL), GLOCAL_OK);
    char buf[256];
    snprintf(buf, sizeof buf, "%s", ctx ? ctx : "");
    for (char *save, *kv = strtok_r(buf, ",", &save); kv; kv = strtok_r(NULL, ",", &save)) {
        char *eq = strchr(kv, '=');
        ck_assert_ptr_nonnull(eq);
        *eq = '\0';
        glocal_status st;
        if (strcmp(kv, "tz") == 0)
            st = glocal_request_set_time_zone(r, eq + 1, NULL);
        else if (strcmp(kv, "iso") == 0)
            st = glocal_request_set_isolation(r, (glocal_isolation)atoi(eq + 1), NULL);
        else
            st = glocal_request_set_axis(r, kv, eq + 1, NULL);
        ck_assert_int_eq(st, GLOCAL_OK);
    }
    return r;
}

glocal_args *new_args(void)
{
    glocal_args *a = NULL;
    ck_assert_int_eq(glocal_args_new(&a, NULL), GLOCAL_OK);
    return a;
}

glocal_args *std_args(void)
{
    glocal_args *a = new_args();
    ck_assert_ptr_nonnull(a);
    ck_assert_int_eq(glocal_args_text(a, "name", "Anna", NULL), GLOCAL_OK);
    ck_assert_int_eq(glocal_args_int(a, "count", 1, NULL), GLOCAL_OK);
    ck_assert_int_eq(glocal_args_date(a, "d", DEC1, NULL), GLOCAL_OK);
    ck_assert_int_eq(glocal_args_decimal(a, "n", "1234.5", NULL), GLOCAL_OK);
    return a;
}

void expect(glocal_catalog *c, const char *locale, const char *ctx, const char *id,
            glocal_args *a, const char *want)
{
    glocal_request *r = request(locale, ctx);
    char *out = NULL;
    glocal_error *e = NULL;
    glocal_status st = glocal_format(c, id, r, a, &out, &e);
    ck_assert_msg(st == GLOCAL_OK, "%s %s [%s]: %s %s", locale, id, ctx ? ctx : "",
                  glocal_status_name(st), glocal_error_message(e));
    ck_assert_msg(strcmp(out, want) == 0, "%s %s [%s]: got \"%s\", want \"%s\"", locale, id,
                  ctx ? ctx : "", out, want);
    glocal_free(out);
    glocal_request_free(r);
}

void expect_std(glocal_catalog *c, const char *locale, const char *ctx, const char *id,
                const char *want)
{
    glocal_args *a = std_args();
    expect(c, locale, ctx, id, a, want);
    glocal_args_free(a);
}

glocal_status fail_status(glocal_catalog *c, const char *locale, const char *ctx,
                          const char *id, glocal_args *a, glocal_error **e)
{
    glocal_request *r = request(locale, ctx);
    char *out = (char *)"sentinel";
    glocal_status st = glocal_format(c, id, r, a, &out, e);
    ck_assert_ptr_null(out);
    glocal_request_free(r);
    return st;
}

int main(void)
{
    fixtures = getenv("GLOCAL_FIXTURES");
    if (!fixtures) {
        fprintf(stderr, "GLOCAL_FIXTURES is not set\n");
        return 2;
    }
    Suite *s = suite_create("core");
    add_resolution_tests(s);
    add_format_tests(s);
    add_api_tests(s);
    add_open_tests(s);
    add_served_tests(s);
    add_fallback_tests(s);
    add_axes_tests(s);
    add_parts_tests(s);
    add_read_tests(s);
    add_channel_tests(s);
    return run_suite(s, CK_FORK_GETENV);
}
