/* The API's own rules: errors at format time, invalid calls, argument
 * validation, catalog accessors, profiles, explain and negotiation. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"

/* ---- errors at format time (docs/resolution.md#errors-at-format-time) ---- */

START_TEST(format_errors)
{
    glocal_args *a = std_args();
    glocal_error *e = NULL;
    ck_assert_int_eq(fail_status(resolve_cat, "en", NULL, "nope", a, &e), GLOCAL_ERR_NOT_FOUND);
    ck_assert_str_eq(glocal_error_message(e), "unknown message id `nope`");
    glocal_error_free(e);
    e = NULL;
    ck_assert_int_eq(fail_status(resolve_cat, "en", NULL, "de.num", a, &e), GLOCAL_ERR_NOT_FOUND);
    ck_assert_ptr_nonnull(strstr(glocal_error_message(e), "de.yaml"));
    glocal_error_free(e);
    e = NULL;
    /* missing argument */
    ck_assert_int_eq(fail_status(resolve_cat, "en", NULL, "greet", NULL, &e), GLOCAL_ERR_ARGUMENT);
    ck_assert_str_eq(glocal_error_message(e), "`greet` needs argument `name`, a text");
    glocal_error_free(e);
    e = NULL;
    /* a type its declaration does not allow */
    glocal_args *b = new_args();
    ck_assert_int_eq(glocal_args_int(b, "name", 5, NULL), GLOCAL_OK);
    ck_assert_int_eq(fail_status(resolve_cat, "en", NULL, "greet", b, &e), GLOCAL_ERR_ARGUMENT);
    glocal_error_free(e);
    /* missing in an untaken branch still counts */
    glocal_args *m = new_args();
    ck_assert_int_eq(glocal_args_int(m, "count", 1, NULL), GLOCAL_OK);
    ck_assert_int_eq(glocal_args_text(m, "name", "A", NULL), GLOCAL_OK);
    ck_assert_int_eq(fail_status(resolve_cat, "en", NULL, "mixed", m, NULL), GLOCAL_ERR_ARGUMENT);
    /* money in a plural, a plain number where currency is required */
    glocal_args *p = new_args();
    ck_assert_int_eq(glocal_args_money(p, "count", "1", "EUR", NULL), GLOCAL_OK);
    ck_assert_int_eq(fail_status(resolve_cat, "en", NULL, "cart", p, NULL), GLOCAL_ERR_ARGUMENT);
    ck_assert_int_eq(glocal_args_int(p, "amount", 5, NULL), GLOCAL_OK);
    ck_assert_int_eq(fail_status(fmt_cat, "en", NULL, "money", p, NULL), GLOCAL_ERR_ARGUMENT);
    /* declared by use: {qty, number} takes a number, the currency style money */
    glocal_args *q = new_args();
    ck_assert_int_eq(glocal_args_money(q, "qty", "2", "EUR", NULL), GLOCAL_OK);
    ck_assert_int_eq(glocal_args_money(q, "price", "2.5", "EUR", NULL), GLOCAL_OK);
    ck_assert_int_eq(fail_status(fmt_cat, "en", NULL, "inferred", q, NULL), GLOCAL_ERR_ARGUMENT);
    ck_assert_int_eq(glocal_args_int(q, "qty", 2, NULL), GLOCAL_OK);
    expect(fmt_cat, "en", NULL, "inferred", q, "2 and €2.50");
    glocal_args_free(q);
    /* extra arguments are ignored */
    ck_assert_int_eq(glocal_args_text(a, "unused", "x", NULL), GLOCAL_OK);
    expect(resolve_cat, "en", NULL, "greet", a, "Hello Anna");
    glocal_args_free(a);
    glocal_args_free(b);
    glocal_args_free(m);
    glocal_args_free(p);
}
END_TEST

START_TEST(invalid_calls)
{
    glocal_request *r = request("en", NULL);
    char *out = (char *)"x";
    glocal_error *e = NULL;
    ck_assert_int_eq(glocal_format(NULL, "greet", r, NULL, &out, &e), GLOCAL_ERR_INVALID);
    ck_assert_ptr_null(out);
    ck_assert_int_eq(glocal_error_code(e), GLOCAL_ERR_INVALID);
    glocal_error_free(e);
    ck_assert_int_eq(glocal_format(resolve_cat, NULL, r, NULL, &out, NULL), GLOCAL_ERR_INVALID);
    ck_assert_int_eq(glocal_format(resolve_cat, "greet", NULL, NULL, &out, NULL),
                     GLOCAL_ERR_INVALID);
    ck_assert_int_eq(glocal_format(resolve_cat, "greet", r, NULL, NULL, NULL), GLOCAL_ERR_INVALID);
    ck_assert_int_eq(glocal_format(resolve_cat, "gr\xff", r, NULL, &out, NULL),
                     GLOCAL_ERR_INVALID);
    ck_assert_int_eq(glocal_request_set_axis(r, "Mood", "happy", NULL), GLOCAL_ERR_INVALID);
    ck_assert_int_eq(glocal_request_set_axis(r, "ab-test", "a", NULL), GLOCAL_ERR_INVALID);
    ck_assert_int_eq(glocal_request_set_axis(r, "tone", "Warm", NULL), GLOCAL_ERR_INVALID);
    ck_assert_int_eq(glocal_request_set_axis(r, "tone", "other", NULL), GLOCAL_ERR_INVALID);
    ck_assert_int_eq(glocal_request_set_axis(r, NULL, "warm", NULL), GLOCAL_ERR_INVALID);
    ck_assert_int_eq(glocal_request_set_axis(r, "tone", NULL, NULL), GLOCAL_OK);
    ck_assert_int_eq(glocal_request_set_time_zone(r, "Mars/Olympus", NULL), GLOCAL_ERR_INVALID);
    ck_assert_int_eq(glocal_request_set_time_zone(r, "Europe/Zurich", NULL), GLOCAL_OK);
    ck_assert_int_eq(glocal_request_set_time_zone(r, NULL, NULL), GLOCAL_OK);
    ck_assert_int_eq(glocal_request_set_isolation(r, (glocal_isolation)7, NULL),
                     GLOCAL_ERR_INVALID);
    ck_assert_int_eq(glocal_request_set_isolation(NULL, GLOCAL_ISOLATE_AUTO, NULL),
                     GLOCAL_ERR_INVALID);
    glocal_request *r2 = r;
    ck_assert_int_eq(glocal_request_new(NULL, &r2, NULL), GLOCAL_ERR_INVALID);
    ck_assert_ptr_null(r2);
    ck_assert_int_eq(glocal_request_new("d\xc3", &r2, NULL), GLOCAL_ERR_INVALID);
    glocal_request_free(NULL);
    glocal_request_free(r);
}
END_TEST

START_TEST(args_validation)
{
    glocal_args *a = new_args();
    ck_assert_int_eq(glocal_args_text(a, "1bad", "x", NULL), GLOCAL_ERR_INVALID);
    ck_assert_int_eq(glocal_args_text(a, "ok", "bad \xc3\x28", NULL), GLOCAL_ERR_INVALID);
    ck_assert_int_eq(glocal_args_text(a, "ok", NULL, NULL), GLOCAL_ERR_INVALID);
    ck_assert_int_eq(glocal_args_text(NULL, "ok", "x", NULL), GLOCAL_ERR_INVALID);
    ck_assert_int_eq(glocal_args_decimal(a, "n", "1.2.3", NULL), GLOCAL_ERR_INVALID);
    ck_assert_int_eq(glocal_args_decimal(a, "n", "NaN", NULL), GLOCAL_ERR_INVALID);
    ck_assert_int_eq(glocal_args_decimal(a, "n", "-1.5e3", NULL), GLOCAL_OK);
    ck_assert_int_eq(glocal_args_double(a, "n", 1.0 / 0.0, NULL), GLOCAL_ERR_INVALID);
    ck_assert_int_eq(glocal_args_money(a, "m", "19.90", "eur", NULL), GLOCAL_ERR_INVALID);
    ck_assert_int_eq(glocal_args_money(a, "m", "19,90", "EUR", NULL), GLOCAL_ERR_INVALID);
    ck_assert_int_eq(glocal_args_money(a, "m", "19.90", "EURO", NULL), GLOCAL_ERR_INVALID);
    ck_assert_int_eq(glocal_args_money(a, "m", "19.90", "ZZZ", NULL), GLOCAL_ERR_INVALID);
    ck_assert_int_eq(glocal_args_money(a, "m", "19.90", "DEM", NULL), GLOCAL_OK); /* historic */
    ck_assert_int_eq(glocal_args_money(a, "m", "19.90", "EUR", NULL), GLOCAL_OK);
    /* a later value replaces an earlier one */
    ck_assert_int_eq(glocal_args_text(a, "name", "First", NULL), GLOCAL_OK);
    ck_assert_int_eq(glocal_args_text(a, "name", "Second", NULL), GLOCAL_OK);
    expect(resolve_cat, "en", NULL, "greet", a, "Hello Second");
    glocal_args_free(a);
    glocal_args_free(NULL);
}
END_TEST

/* ---- catalog API ---- */

START_TEST(catalog_api)
{
    ck_assert_str_eq(glocal_version(), "1.1.0");
    ck_assert_str_eq(glocal_status_name(GLOCAL_ERR_SYNTAX), "GLOCAL_ERR_SYNTAX");
    ck_assert_str_eq(glocal_status_name(GLOCAL_OK), "GLOCAL_OK");
    ck_assert_str_eq(glocal_status_name((glocal_status)99), "GLOCAL_ERR_UNKNOWN");
    ck_assert_uint_eq(glocal_catalog_locale_count(resolve_cat), 12);
    ck_assert_str_eq(glocal_catalog_locale_at(resolve_cat, 0), "ar");
    ck_assert_str_eq(glocal_catalog_locale_at(resolve_cat, 1), "de");
    ck_assert_str_eq(glocal_catalog_locale_at(resolve_cat, 2), "de-CH");
    ck_assert_str_eq(glocal_catalog_locale_at(resolve_cat, 11), "zh-Hant");
    ck_assert_ptr_null(glocal_catalog_locale_at(resolve_cat, 12));
    /* i + 1 wraps to 0 (base) for the largest index: still no such locale */
    ck_assert_ptr_null(glocal_catalog_locale_at(resolve_cat, SIZE_MAX));
    ck_assert_ptr_null(glocal_catalog_locale_at(resolve_cat, SIZE_MAX - 1));
    ck_assert_ptr_eq(glocal_catalog_ref(resolve_cat), resolve_cat);
    glocal_catalog_unref(resolve_cat);
    glocal_catalog_unref(NULL);
    glocal_error_free(NULL);
    ck_assert_ptr_null(glocal_error_message(NULL));
}
END_TEST

static void expect_profile(const char *locale, const char *key, const char *want)
{
    char *out = NULL;
    ck_assert_int_eq(glocal_profile(resolve_cat, locale, key, &out, NULL), GLOCAL_OK);
    ck_assert_msg(strcmp(out, want) == 0, "%s %s: got %s want %s", locale, key, out, want);
    glocal_free(out);
}

START_TEST(profiles)
{
    expect_profile("de-CH", "formality", "formal");
    expect_profile("de-CH", "time_zone", "Europe/Zurich");
    /* not de's Europe/Berlin: Austria's only zone (docs/resolution.md#time-zones) */
    expect_profile("de-AT", "time_zone", "Europe/Vienna");
    expect_profile("ja", "channels", "line,email");
    expect_profile("ja", "tone", "warm");
    expect_profile("de", "tone", "neutral");
    expect_profile("de", "channels", "");
    expect_profile("it", "formality", "");
    char *out = NULL;
    ck_assert_int_eq(glocal_profile(resolve_cat, "de", "mood", &out, NULL), GLOCAL_ERR_INVALID);
    ck_assert_int_eq(glocal_profile(resolve_cat, "de--x", "tone", &out, NULL), GLOCAL_ERR_LOCALE);
    ck_assert_ptr_null(out);
}
END_TEST

START_TEST(explain_text)
{
    glocal_request *r = request("de-CH", "formality=informal");
    glocal_args *a = std_args();
    char *out = NULL;
    ck_assert_int_eq(glocal_explain(resolve_cat, "greet", r, a, &out, NULL), GLOCAL_OK);
    ck_assert_ptr_nonnull(strstr(out, "locale: de-CH (language de, likely script Latn)\n"));
    ck_assert_ptr_nonnull(strstr(out, "formality: informal (from the request)\n"));
    ck_assert_ptr_nonnull(strstr(out, "time zone: Europe/Zurich (from the profile of de-CH)\n"));
    ck_assert_ptr_nonnull(strstr(out, "  * de-CH: informal (matches: formality)\n"));
    ck_assert_ptr_nonnull(strstr(out, "output: Hoi Anna\n"));
    glocal_free(out);
    glocal_request_free(r);
    glocal_args_free(a);
}
END_TEST

static void expect_negotiated(const glocal_catalog *c, const char *header, const char *want)
{
    char *out = NULL;
    glocal_error *e = NULL;
    glocal_status st = glocal_negotiate(c, header, &out, &e);
    ck_assert_msg(st == GLOCAL_OK, "%s: %s", header, glocal_error_message(e));
    ck_assert_msg(strcmp(out, want) == 0, "%s: got %s, want %s", header, out, want);
    glocal_free(out);
}

START_TEST(negotiation)
{
    glocal_catalog *c = NULL;
    ck_assert_int_eq(glocal_catalog_open(getenv("GLOCAL_LOCALES"), &c, NULL), GLOCAL_OK);
    expect_negotiated(c, "fr-CH, fr;q=0.9, en;q=0.5", "fr-CH");
    expect_negotiated(c, "en-AU", "en-GB");
    expect_negotiated(c, "en-US", "en-US");
    expect_negotiated(c, "zh-TW", "zh-TW");
    expect_negotiated(c, "zh-HK;q=0.9, en;q=0.1", "zh-HK");
    expect_negotiated(c, "zh-CN", "zh-CN");
    expect_negotiated(c, "fi, de;q=0.8", "de");
    expect_negotiated(c, "de-AT;q=0.5, ja", "ja");
    expect_negotiated(c, "ko-KR;q=0.1, ar-EG;q=0.3", "ar-EG");
    expect_negotiated(c, "fi, et;q=0.5", "en");
    expect_negotiated(c, "*", "en");
    expect_negotiated(c, "ja;q=0, de", "de");
    expect_negotiated(c, "  de_ch ; q=0.7 ", "de-CH");
    const char *bad[] = {"", "de,,en", "x;q=2", "de;q=0.1234", "de;level=1", "de--CH"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        char *out = (char *)"x";
        ck_assert_msg(glocal_negotiate(c, bad[i], &out, NULL) == GLOCAL_ERR_LOCALE, "%s", bad[i]);
        ck_assert_ptr_null(out);
    }
    char *out;
    ck_assert_int_eq(glocal_negotiate(c, NULL, &out, NULL), GLOCAL_ERR_INVALID);
    glocal_catalog_unref(c);

    /* a catalog with a Simplified zh only never serves Traditional requests */
    ck_assert_int_eq(glocal_catalog_open(getenv("GLOCAL_FIXTURES_RESOLVE_ZH"), &c, NULL),
                     GLOCAL_OK);
    expect_negotiated(c, "zh-TW", "en");
    expect_negotiated(c, "zh-CN", "zh-CN");
    glocal_catalog_unref(c);
}
END_TEST

/* A numbering system or calendar ICU does not know, or an algorithmic numbering
 * system (no decimal format), is refused where the locale comes in, not at every
 * number later (GLOCAL_ERR_FORMAT); negotiation skips it. */
START_TEST(unknown_extension_values)
{
    const char *unknown[] = {"fr-CH-u-nu-foo", "en-u-ca-foo", "en-u-nu-latn-ca-foo",
                             "de-u-nu-abcdefgh", "en-u-nu-roman", "ja-u-nu-traditio"};
    for (size_t i = 0; i < sizeof unknown / sizeof *unknown; i++) {
        glocal_request *r = (glocal_request *)1;
        glocal_error *e = NULL;
        ck_assert_msg(glocal_request_new(unknown[i], &r, &e) == GLOCAL_ERR_LOCALE, "%s",
                      unknown[i]);
        ck_assert_ptr_null(r);
        ck_assert_ptr_nonnull(strstr(glocal_error_message(e), "ICU does not know"));
        glocal_error_free(e);
    }
    ck_assert_int_eq(glocal_request_new("fr-CH-u-nu-foo", NULL, NULL), GLOCAL_ERR_INVALID);
    /* known values, and the ones ICU resolves per locale */
    glocal_args *a = new_args();
    ck_assert_int_eq(glocal_args_int(a, "count", 12, NULL), GLOCAL_OK);
    ck_assert_int_eq(glocal_args_text(a, "name", "Anna", NULL), GLOCAL_OK);
    glocal_catalog *c = NULL;
    ck_assert_int_eq(glocal_catalog_open(getenv("GLOCAL_LOCALES"), &c, NULL), GLOCAL_OK);
    expect(c, "en-u-nu-native", NULL, "cart.items", a, "12 items in your cart");
    expect(c, "en-u-ca-japanese", NULL, "cart.items", a, "12 items in your cart");
    expect(c, "en-u-ca-islamic-civil-nu-arab", NULL, "cart.items", a, "١٢ items in your cart");
    glocal_args_free(a);
    expect_negotiated(c, "fr-CH-u-nu-foo, de;q=0.5", "de");
    expect_negotiated(c, "ja-u-ca-foo, fr-u-nu-roman;q=0.5", "en");
    expect_negotiated(c, "fr-CH-u-nu-arab, de;q=0.5", "fr-CH-u-nu-arab");
    glocal_catalog_unref(c);
}
END_TEST

/* Every refused argument says why, and leaves the name unset: a format that
 * needs it then fails instead of writing the value it was meant to replace. */
START_TEST(argument_errors_say_why)
{
    static const struct {
        const char *want;
    } cases[] = {
        {"`1name` is not an argument name ([A-Za-z_][A-Za-z0-9_]*)"},
        {"text argument `name` is not valid UTF-8"},
        {"number argument `n` is NaN"},
        {"number argument `n` is not a decimal number (digits, an optional sign, point and "
         "exponent: \"-1234.50\", \"1e3\")"},
        {"money argument `total`: the currency is not an ISO 4217 code ICU knows (e.g. EUR, "
         "JPY)"},
        {"money argument `total`: the amount is not a decimal number (digits, an optional sign, "
         "point and exponent: \"-1234.50\", \"1e3\")"},
    };
    glocal_args *a = new_args();
    glocal_error *e[6] = {NULL};
    ck_assert_int_eq(glocal_args_text(a, "1name", "x", &e[0]), GLOCAL_ERR_INVALID);
    ck_assert_int_eq(glocal_args_text(a, "name", "Anna", NULL), GLOCAL_OK);
    ck_assert_int_eq(glocal_args_text(a, "name", "\xff", &e[1]), GLOCAL_ERR_INVALID);
    ck_assert_int_eq(glocal_args_double(a, "n", NAN, &e[2]), GLOCAL_ERR_INVALID);
    ck_assert_int_eq(glocal_args_decimal(a, "n", "1,5", &e[3]), GLOCAL_ERR_INVALID);
    ck_assert_int_eq(glocal_args_money(a, "total", "19.90", "XYZ", &e[4]), GLOCAL_ERR_INVALID);
    ck_assert_int_eq(glocal_args_money(a, "total", "19,90", "EUR", &e[5]), GLOCAL_ERR_INVALID);
    for (size_t i = 0; i < 6; i++) {
        ck_assert_int_eq(glocal_error_code(e[i]), GLOCAL_ERR_INVALID);
        ck_assert_str_eq(glocal_error_message(e[i]), cases[i].want);
        glocal_error_free(e[i]);
    }
    /* `name` was set, then refused: it is unset now, not Anna */
    glocal_request *r = request("en", NULL);
    char *out = NULL;
    glocal_error *fe = NULL;
    ck_assert_int_eq(glocal_format(resolve_cat, "greet", r, a, &out, &fe), GLOCAL_ERR_ARGUMENT);
    ck_assert_ptr_null(out);
    ck_assert_str_eq(glocal_error_message(fe), "`greet` needs argument `name`, a text");
    glocal_error_free(fe);
    glocal_request_free(r);
    glocal_args_free(a);
    ck_assert_int_eq(glocal_args_new(NULL, NULL), GLOCAL_ERR_INVALID);
    glocal_options *o = NULL;
    ck_assert_int_eq(glocal_options_new(&o, NULL), GLOCAL_OK);
    glocal_options_free(o);
}
END_TEST

void add_api_tests(Suite *s)
{
    TCase *tc = core_tcase("api");
    tcase_add_test(tc, format_errors);
    tcase_add_test(tc, invalid_calls);
    tcase_add_test(tc, args_validation);
    tcase_add_test(tc, catalog_api);
    tcase_add_test(tc, profiles);
    tcase_add_test(tc, explain_text);
    tcase_add_test(tc, negotiation);
    tcase_add_test(tc, unknown_extension_values);
    tcase_add_test(tc, argument_errors_say_why);
    suite_add_tcase(s, tc);
}
