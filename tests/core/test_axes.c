/* Custom axes (docs/bundles.md#axes, docs/resolution.md#variants) on
 * fixtures/axes: experiment [arm_a, arm_b] and segment [vip, newcomer],
 * ranked after channel, formality and tone in that order. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core.h"

static glocal_catalog *open_axes(void)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/axes", fixtures);
    glocal_catalog *c = NULL;
    glocal_error *e = NULL;
    ck_assert_msg(glocal_catalog_open(path, &c, &e) == GLOCAL_OK, "%s", glocal_error_message(e));
    return c;
}

/* Formats id with "axis=value,..." set on the request. */
static char *format_with(glocal_catalog *c, const char *id, const char *locale, const char *axes,
                         glocal_status want, const char *want_msg)
{
    glocal_request *r = request(locale, NULL);
    char buf[256];
    snprintf(buf, sizeof buf, "%s", axes);
    for (char *save, *kv = strtok_r(buf, ",", &save); kv; kv = strtok_r(NULL, ",", &save)) {
        char *eq = strchr(kv, '=');
        *eq = '\0';
        ck_assert_int_eq(glocal_request_set_axis(r, kv, eq + 1, NULL), GLOCAL_OK);
    }
    char *out = NULL;
    glocal_error *e = NULL;
    ck_assert_int_eq(glocal_format(c, id, r, NULL, &out, &e), want);
    if (want_msg)
        ck_assert_str_eq(glocal_error_message(e), want_msg);
    glocal_error_free(e);
    glocal_request_free(r);
    return out;
}

static void expect_promo(glocal_catalog *c, const char *locale, const char *axes,
                         const char *want)
{
    char *out = format_with(c, "promo", locale, axes, GLOCAL_OK, NULL);
    ck_assert_str_eq(out, want);
    glocal_free(out);
}

START_TEST(custom_axes_select_variants)
{
    glocal_catalog *c = open_axes();
    expect_promo(c, "en", "", "Our offer");
    expect_promo(c, "en", "experiment=arm_a", "Our offer");
    expect_promo(c, "en", "experiment=arm_b", "Our offer (B)");
    expect_promo(c, "en", "segment=vip", "Your private offer");
    /* the experiment outranks the segment; both outrank one alone */
    expect_promo(c, "en", "segment=vip,experiment=arm_b", "Your private offer (B)");
    expect_promo(c, "en", "segment=newcomer,experiment=arm_b", "Our offer (B)");
    /* the built-in axes outrank every custom one */
    expect_promo(c, "en", "experiment=arm_b,formality=formal", "We are pleased to present our offer");
    expect_promo(c, "en", "segment=vip,formality=formal",
                 "We are pleased to present your private offer");
    expect_promo(c, "en", "segment=vip,experiment=arm_b,channel=sms", "Offer");
    expect_promo(c, "en", "channel=kiosk", "Offer at the kiosk"); /* a value base adds */
    /* de's text merges only with German bundles: base's formal is not a candidate */
    expect_promo(c, "de", "segment=newcomer", "Willkommen: unser Angebot");
    expect_promo(c, "de", "experiment=arm_b", "Unser Angebot");
    expect_promo(c, "de", "segment=newcomer,experiment=arm_a,formality=informal",
                 "Willkommen: unser Angebot (A)");
    glocal_catalog_unref(c);
}
END_TEST

START_TEST(custom_axes_are_checked_at_format_time)
{
    glocal_catalog *c = open_axes();
    ck_assert_ptr_null(format_with(c, "promo", "en", "mood=happy", GLOCAL_ERR_INVALID,
                             "this catalog has no axis `mood`"));
    ck_assert_ptr_null(format_with(c, "promo", "en", "experiment=vip", GLOCAL_ERR_INVALID,
                             "`vip` is not an experiment value of this catalog"));
    ck_assert_ptr_null(format_with(c, "promo", "en", "segment=arm_c", GLOCAL_ERR_INVALID,
                             "`arm_c` is not a segment value of this catalog"));
    /* the same request is fine where the axis exists, not where it does not */
    ck_assert_ptr_null(format_with(resolve_cat, "whoami", "en", "segment=vip", GLOCAL_ERR_INVALID,
                             "this catalog has no axis `segment`"));
    glocal_catalog_unref(c);
}
END_TEST

START_TEST(a_request_sets_each_axis_once)
{
    glocal_request *r = request("en", NULL);
    static const char *const names[] = {"a", "b", "c", "d", "e", "f", "g", "h"};
    for (int i = 0; i < 8; i++)
        ck_assert_int_eq(glocal_request_set_axis(r, names[i], "x", NULL), GLOCAL_OK);
    glocal_error *e = NULL;
    ck_assert_int_eq(glocal_request_set_axis(r, "i", "x", &e), GLOCAL_ERR_LIMIT);
    ck_assert_str_eq(glocal_error_message(e), "a request sets at most 8 axes");
    glocal_error_free(e);
    ck_assert_int_eq(glocal_request_set_axis(r, "a", "y", NULL), GLOCAL_OK); /* replaces */
    ck_assert_int_eq(glocal_request_set_axis(r, "b", NULL, NULL), GLOCAL_OK); /* clears */
    ck_assert_int_eq(glocal_request_set_axis(r, "i", "x", NULL), GLOCAL_OK);
    ck_assert_int_eq(glocal_request_set_axis(r, "zz", NULL, NULL), GLOCAL_OK); /* not set */
    glocal_request_free(r);
}
END_TEST

START_TEST(the_result_and_explain_know_custom_axes)
{
    glocal_catalog *c = open_axes();
    glocal_request *r = request("de", NULL);
    ck_assert_int_eq(glocal_request_set_axis(r, "segment", "newcomer", NULL), GLOCAL_OK);
    ck_assert_int_eq(glocal_request_set_axis(r, "formality", "informal", NULL), GLOCAL_OK);
    glocal_result *res = NULL;
    ck_assert_int_eq(glocal_format_result(c, "promo", r, NULL, &res, NULL), GLOCAL_OK);
    ck_assert_str_eq(glocal_result_variant(res), "newcomer");
    ck_assert_str_eq(glocal_result_axis(res, "segment"), "newcomer");
    ck_assert_str_eq(glocal_result_axis_source(res, "segment"), "request");
    ck_assert_ptr_null(glocal_result_axis(res, "experiment"));
    glocal_result_free(res);
    char *text = NULL;
    ck_assert_int_eq(glocal_explain(c, "promo", r, NULL, &text, NULL), GLOCAL_OK);
    ck_assert_ptr_nonnull(strstr(text, "channel: (unset)\nexperiment: (unset)\n"
                                       "segment: newcomer (from the request)\n"));
    ck_assert_ptr_nonnull(strstr(text, "  * de: newcomer (matches: segment)\n"));
    ck_assert_ptr_nonnull(strstr(text, "    de: newcomer+arm_a (does not match the context)\n"));
    glocal_free(text);
    glocal_request_free(r);
    glocal_catalog_unref(c);
}
END_TEST

/* A variant keeps an axis value in two bytes: a base declaring more than
 * 65,535 values in all is refused at the value that passes the limit. */
START_TEST(axis_values_are_limited)
{
    char dir[] = "/tmp/glocal-axes-XXXXXX", path[64];
    ck_assert_ptr_nonnull(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/base.yaml", dir);
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs("glocal: 1\nlocale: base\nlanguage: en\naxes:\n  segment:\n", f);
    for (int i = 0; i < 65535; i++)
        fprintf(f, "    - v%d\n", i); /* value i on line 6 + i */
    fputs("messages:\n  hi: \"Hi\"\n", f);
    fclose(f);
    glocal_catalog *c = NULL;
    glocal_error *e = NULL;
    ck_assert_int_eq(glocal_catalog_open(dir, &c, &e), GLOCAL_ERR_LIMIT);
    const char *msg = glocal_error_message(e), *v = strstr(msg, "`v");
    ck_assert_msg(v && strstr(msg, "a catalog has at most 65535 axis values"), "%s", msg);
    int first_refused = atoi(v + 2);
    ck_assert_int_gt(first_refused, 65000); /* the built-in values come first */
    ck_assert_uint_eq(glocal_error_line(e), 6 + (unsigned)first_refused);
    ck_assert_uint_eq(glocal_error_column(e), 7);
    glocal_error_free(e);
    unlink(path);
    rmdir(dir);
}
END_TEST

void add_axes_tests(Suite *s)
{
    TCase *tc = core_tcase("axes");
    tcase_add_test(tc, custom_axes_select_variants);
    tcase_add_test(tc, custom_axes_are_checked_at_format_time);
    tcase_add_test(tc, a_request_sets_each_axis_once);
    tcase_add_test(tc, the_result_and_explain_know_custom_axes);
    tcase_add_test(tc, axis_values_are_limited);
    suite_add_tcase(s, tc);
}
