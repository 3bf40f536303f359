/* Fallback locales (docs/resolution.md#fallbacks), on fixtures/resolve:
 * fr defines only `whoami`; de defines greet, team.line and when, with a
 * formal profile in Europe/Berlin. */
#include <string.h>

#include "core.h"

static glocal_request *with_fallbacks(const char *locale, const char *const *fallbacks)
{
    glocal_request *r = request(locale, NULL);
    for (; *fallbacks; fallbacks++)
        ck_assert_int_eq(glocal_request_add_fallback(r, *fallbacks, NULL), GLOCAL_OK);
    return r;
}

static void expect_text(glocal_request *r, const char *id, const char *want)
{
    glocal_args *a = std_args();
    char *out = NULL;
    glocal_error *e = NULL;
    glocal_status st = glocal_format(resolve_cat, id, r, a, &out, &e);
    ck_assert_msg(st == GLOCAL_OK, "%s: %s", id, glocal_error_message(e));
    ck_assert_str_eq(out, want);
    glocal_free(out);
    glocal_args_free(a);
}

START_TEST(a_fallback_serves_what_the_locale_lacks)
{
    glocal_request *r = with_fallbacks("fr-CA", (const char *[]){"de", NULL});
    expect_text(r, "whoami", "fr");                 /* the locale's own chain first */
    expect_text(r, "greet", "Guten Tag Anna");      /* formal: de's profile, fr sets none */
    expect_text(r, "team.line", "Kontakt: Acme Kundendienst."); /* de's term for de text */
    expect_text(r, "when", "09:30 Uhr");            /* de's time format; not de's zone: */
                                                    /* Canada has many, UTC */
    glocal_request_free(r);

    r = request("fr-CA", NULL);                     /* without: base's English */
    expect_text(r, "greet", "Hello Anna");
    glocal_request_free(r);
}
END_TEST

START_TEST(the_result_names_the_fallback_that_served)
{
    glocal_request *r = with_fallbacks("fr-CA", (const char *[]){"fr", "de", NULL});
    glocal_args *a = std_args();
    glocal_result *res = NULL;
    ck_assert_int_eq(glocal_format_result(resolve_cat, "greet", r, a, &res, NULL), GLOCAL_OK);
    ck_assert_str_eq(glocal_result_bundle(res), "de");
    ck_assert_str_eq(glocal_result_variant(res), "formal");
    ck_assert_str_eq(glocal_result_language(res), "de-Latn");
    ck_assert_int_eq(glocal_result_fallback(res), 1);
    ck_assert_str_eq(glocal_result_axis_profile(res, "formality"), "de");
    /* a fr-CA reader never gets de's Europe/Berlin (docs/resolution.md#time-zones) */
    ck_assert_str_eq(glocal_result_time_zone(res), "UTC");
    glocal_result_free(res);

    char *text = NULL;
    ck_assert_int_eq(glocal_explain(resolve_cat, "greet", r, a, &text, NULL), GLOCAL_OK);
    ck_assert_ptr_nonnull(strstr(text, "locale: fr-CA (language fr, likely script Latn)\n"
                                       "fallbacks: fr de\n"));
    /* fr is on fr-CA's own chain already: read once */
    ck_assert_ptr_nonnull(strstr(text, "chain:\n  1. fr ("));
    ck_assert_ptr_nonnull(strstr(text, "\n  2. de ("));
    ck_assert_ptr_nonnull(strstr(text, "\n  3. base ("));
    glocal_free(text);
    glocal_args_free(a);
    glocal_request_free(r);
}
END_TEST

START_TEST(fallbacks_in_the_order_added)
{
    glocal_request *r = with_fallbacks("ja", (const char *[]){"es", "de", NULL});
    expect_text(r, "whoami", "ja");
    glocal_request_free(r);
    r = with_fallbacks("it", (const char *[]){"es", "de", NULL});
    expect_text(r, "whoami", "es");
    expect_text(r, "greet", "Guten Tag Anna");      /* es lacks it: the next fallback serves */
    glocal_request_free(r);
    r = with_fallbacks("it", (const char *[]){"de", "es", NULL});
    expect_text(r, "whoami", "de");
    glocal_request_free(r);
}
END_TEST

START_TEST(fallback_errors_leave_the_request_as_it_was)
{
    glocal_request *r = request("fr-CA", NULL);
    glocal_error *e = NULL;
    ck_assert_int_eq(glocal_request_add_fallback(r, "not a tag", &e), GLOCAL_ERR_LOCALE);
    glocal_error_free(e);
    ck_assert_int_eq(glocal_request_add_fallback(r, NULL, NULL), GLOCAL_ERR_INVALID);
    ck_assert_int_eq(glocal_request_add_fallback(NULL, "de", NULL), GLOCAL_ERR_INVALID);
    expect_text(r, "greet", "Hello Anna");
    for (int i = 0; i < 8; i++)
        ck_assert_int_eq(glocal_request_add_fallback(r, "de", NULL), GLOCAL_OK);
    e = NULL;
    ck_assert_int_eq(glocal_request_add_fallback(r, "es", &e), GLOCAL_ERR_LIMIT);
    ck_assert_str_eq(glocal_error_message(e), "a request has at most 8 fallback locales");
    glocal_error_free(e);
    expect_text(r, "greet", "Guten Tag Anna");
    glocal_request_free(r);
}
END_TEST

/* The request negotiation builds: the best match, then every other match as
 * a fallback, in the header's order of preference. */
START_TEST(negotiation_fills_the_fallbacks)
{
    glocal_request *r = NULL;
    ck_assert_int_eq(glocal_negotiate_request(resolve_cat, "fr-CA, it;q=0.9, de;q=0.8, "
                                              "de-AT;q=0.7, *;q=0.1", &r, NULL), GLOCAL_OK);
    expect_text(r, "whoami", "fr");
    expect_text(r, "greet", "Guten Tag Anna"); /* de, before base's English */
    glocal_args *a = std_args();
    char *text = NULL;
    ck_assert_int_eq(glocal_explain(resolve_cat, "greet", r, a, &text, NULL), GLOCAL_OK);
    /* it matches nothing; de-AT is served by de's chain (as negotiate says: de-AT) */
    ck_assert_ptr_nonnull(strstr(text, "locale: fr-CA (language fr, likely script Latn)\n"
                                       "fallbacks: de de-AT en\n"));
    glocal_free(text);
    glocal_args_free(a);
    glocal_request_free(r);

    r = (glocal_request *)&r;
    ck_assert_int_eq(glocal_negotiate_request(resolve_cat, "fr;q=x", &r, NULL),
                     GLOCAL_ERR_LOCALE);
    ck_assert_ptr_null(r);
    ck_assert_int_eq(glocal_negotiate_request(resolve_cat, "tlh", &r, NULL), GLOCAL_OK);
    expect_text(r, "whoami", "base"); /* nothing matched: base's language */
    glocal_request_free(r);
}
END_TEST

void add_fallback_tests(Suite *s)
{
    TCase *tc = core_tcase("fallbacks");
    tcase_add_test(tc, a_fallback_serves_what_the_locale_lacks);
    tcase_add_test(tc, the_result_names_the_fallback_that_served);
    tcase_add_test(tc, fallbacks_in_the_order_added);
    tcase_add_test(tc, fallback_errors_leave_the_request_as_it_was);
    tcase_add_test(tc, negotiation_fills_the_fallbacks);
    suite_add_tcase(s, tc);
}
