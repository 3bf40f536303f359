/* Right for each market, on fixtures/market: calendar days in every zone, the
 * zone rule (docs/resolution.md#time-zones) and the conventions a profile
 * sets (calendar, numbers, hour_cycle).  Exact strings from ICU 72. */
#include <check.h>
#include <glocal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../run_suite.h"

#define RLM "\xE2\x80\x8F"
static const int64_t LATE = 1796167800000; /* 2026-12-01T23:30:00Z */

static glocal_catalog *cat;

static void setup(void)
{
    char path[4096];
    glocal_error *e = NULL;
    snprintf(path, sizeof path, "%s/market", getenv("GLOCAL_FIXTURES"));
    ck_assert_msg(glocal_catalog_open(path, &cat, &e) == GLOCAL_OK, "%s", glocal_error_message(e));
}

static void teardown(void)
{
    glocal_catalog_unref(cat);
}

static glocal_request *request(const char *locale, const char *zone)
{
    glocal_request *r = NULL;
    ck_assert_int_eq(glocal_request_new(locale, &r, NULL), GLOCAL_OK);
    if (zone)
        ck_assert_int_eq(glocal_request_set_time_zone(r, zone, NULL), GLOCAL_OK);
    return r;
}

static glocal_args *day_args(const char *name, int y, int m, int d)
{
    glocal_args *a = NULL;
    ck_assert_int_eq(glocal_args_new(&a, NULL), GLOCAL_OK);
    ck_assert_int_eq(glocal_args_day(a, name, y, m, d, NULL), GLOCAL_OK);
    return a;
}

static glocal_args *date_args(const char *name, int64_t ms)
{
    glocal_args *a = NULL;
    ck_assert_int_eq(glocal_args_new(&a, NULL), GLOCAL_OK);
    ck_assert_int_eq(glocal_args_date(a, name, ms, NULL), GLOCAL_OK);
    return a;
}

static void expect(const char *locale, const char *zone, const char *id, glocal_args *a,
                   const char *want)
{
    glocal_request *r = request(locale, zone);
    char *out = NULL;
    glocal_error *e = NULL;
    glocal_status st = glocal_format(cat, id, r, a, &out, &e);
    ck_assert_msg(st == GLOCAL_OK, "%s %s %s: %s", locale, zone ? zone : "-", id,
                  glocal_error_message(e));
    ck_assert_msg(strcmp(out, want) == 0, "%s %s %s: got \"%s\", want \"%s\"", locale,
                  zone ? zone : "-", id, out, want);
    glocal_free(out);
    glocal_request_free(r);
}

static glocal_status fail_status(const char *locale, const char *id, glocal_args *a)
{
    glocal_request *r = request(locale, NULL);
    char *out = NULL;
    glocal_status st = glocal_format(cat, id, r, a, &out, NULL);
    ck_assert_ptr_null(out);
    glocal_request_free(r);
    return st;
}

/* ---- calendar days ---- */

START_TEST(a_day_is_the_same_date_in_every_zone)
{
    static const char *const zones[] = {"Etc/GMT+12", "Pacific/Pago_Pago", "America/Los_Angeles",
                                        "UTC", "Asia/Tokyo", "Pacific/Kiritimati", NULL};
    glocal_args *a = day_args("eta", 2026, 12, 1);
    for (const char *const *z = zones; *z; z++) {
        expect("en-US", *z, "delivery", a, "Arriving Dec 1, 2026.");
        expect("fr-CA", *z, "delivery", a, "Livraison le 1 déc. 2026.");
        expect("en-US", *z, "plain", a, "12/1/26"); /* a day has no time: its short date */
    }
    glocal_args_free(a);
    a = day_args("eta", 1, 1, 1);
    expect("en-US", "Etc/GMT+12", "delivery", a, "Arriving Jan 1, 1.");
    glocal_args_free(a);
    a = day_args("eta", 9999, 12, 31);
    expect("en-US", "Pacific/Kiritimati", "delivery", a, "Arriving Dec 31, 9999.");
    glocal_args_free(a);
}
END_TEST

START_TEST(an_instant_for_a_day_is_its_date_in_the_zone)
{
    glocal_args *a = date_args("eta", LATE);
    expect("en-US", "Etc/GMT+12", "delivery", a, "Arriving Dec 1, 2026.");
    expect("en-US", "UTC", "delivery", a, "Arriving Dec 1, 2026.");
    expect("en-US", "Pacific/Auckland", "delivery", a, "Arriving Dec 2, 2026.");
    expect("en-US", "Pacific/Kiritimati", "plain", a, "12/2/26");
    glocal_args_free(a);
    a = date_args("eta", 253402297200000); /* 9999-12-31T23:00Z: year 10000 in Kiritimati */
    glocal_request *r = request("en-US", "Pacific/Kiritimati");
    char *out = NULL;
    glocal_error *e = NULL;
    ck_assert_int_eq(glocal_format(cat, "delivery", r, a, &out, &e), GLOCAL_ERR_ARGUMENT);
    ck_assert_ptr_nonnull(strstr(glocal_error_message(e), "day argument `eta` of `delivery`"));
    glocal_error_free(e);
    glocal_request_free(r);
    glocal_args_free(a);
}
END_TEST

START_TEST(a_day_that_does_not_exist_is_refused)
{
    glocal_args *a = NULL;
    glocal_error *e = NULL;
    ck_assert_int_eq(glocal_args_new(&a, NULL), GLOCAL_OK);
    ck_assert_int_eq(glocal_args_day(a, "eta", 2026, 2, 29, &e), GLOCAL_ERR_INVALID);
    ck_assert_str_eq(glocal_error_message(e), "day argument `eta` is not a calendar day of the "
                     "years 1 to 9999 (year, month 1-12, day of that month)");
    glocal_error_free(e);
    ck_assert_int_eq(glocal_args_day(a, "eta", 2024, 2, 29, NULL), GLOCAL_OK);
    ck_assert_int_eq(glocal_args_day(a, "eta", 2100, 2, 29, NULL), GLOCAL_ERR_INVALID);
    /* the failed setter left the name unset, not 2024-02-29 */
    ck_assert_int_eq(fail_status("en", "delivery", a), GLOCAL_ERR_ARGUMENT);
    ck_assert_int_eq(glocal_args_day(a, "eta", 0, 12, 1, NULL), GLOCAL_ERR_INVALID);
    ck_assert_int_eq(glocal_args_day(a, "eta", 10000, 1, 1, NULL), GLOCAL_ERR_INVALID);
    ck_assert_int_eq(glocal_args_day(a, "eta", 2026, 13, 1, NULL), GLOCAL_ERR_INVALID);
    ck_assert_int_eq(glocal_args_day(a, "eta", 2026, 4, 31, NULL), GLOCAL_ERR_INVALID);
    ck_assert_int_eq(glocal_args_day(a, "eta", 2026, 1, 0, NULL), GLOCAL_ERR_INVALID);
    ck_assert_int_eq(glocal_args_day(NULL, "eta", 2026, 1, 1, NULL), GLOCAL_ERR_INVALID);
    glocal_args_free(a);
}
END_TEST

START_TEST(a_day_has_no_time)
{
    /* `when` declares an instant and writes its time: a day is refused */
    glocal_args *a = day_args("at", 2026, 12, 1);
    ck_assert_int_eq(fail_status("en", "when", a), GLOCAL_ERR_ARGUMENT);
    glocal_args_free(a);
}
END_TEST

/* ---- the zone rule ---- */

static void expect_zone(const char *locale, const char *zone, const char *want,
                        const char *source, const char *profile)
{
    glocal_request *r = request(locale, zone);
    glocal_args *a = date_args("at", LATE);
    glocal_result *res = NULL;
    ck_assert_int_eq(glocal_format_result(cat, "when", r, a, &res, NULL), GLOCAL_OK);
    ck_assert_msg(strcmp(glocal_result_time_zone(res), want) == 0, "%s: zone %s, want %s", locale,
                  glocal_result_time_zone(res), want);
    ck_assert_str_eq(glocal_result_time_zone_source(res), source);
    if (profile)
        ck_assert_str_eq(glocal_result_time_zone_profile(res), profile);
    else
        ck_assert_ptr_null(glocal_result_time_zone_profile(res));
    glocal_result_free(res);
    glocal_args_free(a);
    glocal_request_free(r);
}

static void expect_explained(const char *locale, const char *line)
{
    glocal_request *r = request(locale, NULL);
    glocal_args *a = date_args("at", LATE);
    char *out = NULL;
    ck_assert_int_eq(glocal_explain(cat, "when", r, a, &out, NULL), GLOCAL_OK);
    ck_assert_msg(strstr(out, line) != NULL, "%s: no \"%s\" in\n%s", locale, line, out);
    glocal_free(out);
    glocal_args_free(a);
    glocal_request_free(r);
}

START_TEST(the_request_zone_first)
{
    expect_zone("es-US", "America/Chicago", "America/Chicago", "request", NULL);
    expect_zone("de", "Asia/Tokyo", "Asia/Tokyo", "request", NULL);
}
END_TEST

START_TEST(a_profile_of_the_readers_country)
{
    expect_zone("de", NULL, "Europe/Berlin", "profile", "de");
    expect_zone("de-DE", NULL, "Europe/Berlin", "profile", "de");
    expect_zone("es", NULL, "Europe/Madrid", "profile", "es");
    expect_zone("ar", NULL, "Asia/Riyadh", "profile", "ar"); /* ar is EG, as ar.yaml is */
    expect_explained("de", "time zone: Europe/Berlin (from the profile of de)\n");
}
END_TEST

START_TEST(never_another_countrys_profile_zone)
{
    /* es-US: not es's Europe/Madrid; the US has many zones */
    expect_zone("es-US", NULL, "UTC", "default", NULL);
    /* fr-CA's bundle sets none: not fr's Europe/Paris; Canada has many zones */
    expect_zone("fr-CA", NULL, "UTC", "default", NULL);
    expect_explained("fr-CA", "time zone: UTC (default: no profile for region CA sets one, and "
                              "it has several zones)\n");
    expect_zone("en-US", NULL, "UTC", "default", NULL);
    glocal_args *a = date_args("at", LATE);
    expect("es-US", NULL, "when", a, "Dec 1, 2026 11:30\xE2\x80\xAFPM");
    glocal_args_free(a);
}
END_TEST

START_TEST(the_only_zone_of_the_readers_country)
{
    expect_zone("de-AT", NULL, "Europe/Vienna", "region", NULL);
    expect_zone("de-CH", NULL, "Europe/Zurich", "region", NULL);
    expect_zone("ar-SA", NULL, "Asia/Riyadh", "region", NULL);
    expect_zone("ar-AE", NULL, "Asia/Dubai", "region", NULL);
    expect_zone("zh-HK", NULL, "Asia/Hong_Kong", "region", NULL);
    expect_zone("ja", NULL, "Asia/Tokyo", "region", NULL);
    expect_zone("en-IN", NULL, "Asia/Kolkata", "region", NULL); /* IANA's name, not Calcutta */
    expect_explained("de-AT", "time zone: Europe/Vienna (the only zone of region AT)\n");
    /* with a fallback, the request's own region still decides */
    glocal_request *r = request("fr-CA", NULL);
    ck_assert_int_eq(glocal_request_add_fallback(r, "de", NULL), GLOCAL_OK);
    glocal_args *a = date_args("at", LATE);
    glocal_result *res = NULL;
    ck_assert_int_eq(glocal_format_result(cat, "when", r, a, &res, NULL), GLOCAL_OK);
    ck_assert_str_eq(glocal_result_time_zone(res), "UTC");
    glocal_result_free(res);
    glocal_args_free(a);
    glocal_request_free(r);
}
END_TEST

/* ---- conventions a profile sets ---- */

static void expect_profile(const char *locale, const char *key, const char *want)
{
    char *out = NULL;
    ck_assert_int_eq(glocal_profile(cat, locale, key, &out, NULL), GLOCAL_OK);
    ck_assert_msg(strcmp(out, want) == 0, "%s %s: got %s want %s", locale, key, out, want);
    glocal_free(out);
}

static void expect_format_locale(const char *locale, const char *id, glocal_args *a,
                                 const char *want)
{
    glocal_request *r = request(locale, NULL);
    glocal_result *res = NULL;
    ck_assert_int_eq(glocal_format_result(cat, id, r, a, &res, NULL), GLOCAL_OK);
    ck_assert_str_eq(glocal_result_format_locale(res), want);
    glocal_result_free(res);
    glocal_request_free(r);
}

START_TEST(profile_calendar_and_numbers)
{
    glocal_args *n = NULL;
    ck_assert_int_eq(glocal_args_new(&n, NULL), GLOCAL_OK);
    ck_assert_int_eq(glocal_args_int(n, "n", 1234, NULL), GLOCAL_OK);
    /* ICU writes Latin digits for ar-AE; ar's profile says arab, as its text writes */
    expect("ar-AE", NULL, "count", n, "١٬٢٣٤");
    expect("ar-SA", NULL, "count", n, "١٬٢٣٤");
    expect("ar-AE-u-nu-latn", NULL, "count", n, "1,234"); /* the request's own wins */
    expect_format_locale("ar-AE", "count", n, "ar-AE-u-ca-gregory-nu-arab");
    expect_format_locale("ar-AE-u-nu-latn", "count", n, "ar-AE-u-ca-gregory-nu-latn");
    /* English text keeps English conventions: the profile is ar's */
    expect("de", NULL, "count", n, "1,234");
    glocal_args_free(n);

    /* ar-SA's ICU default is the Hijri calendar; the profile says Gregorian */
    glocal_args *a = day_args("eta", 2026, 12, 1);
    expect("ar-SA", NULL, "delivery", a, "التسليم ٠١" RLM "/١٢" RLM "/٢٠٢٦.");
    expect("ar-SA-u-ca-islamic-umalqura", NULL, "delivery", a, "التسليم ٢١ جمادى الآخرة ١٤٤٨ هـ.");
    glocal_args_free(a);

    expect_profile("ar-AE", "calendar", "gregory");
    expect_profile("ar-AE", "numbers", "arab");
    expect_profile("ar-AE", "hour_cycle", "");
    expect_profile("fr-CA", "calendar", "");
    expect_profile("de-AT", "hour_cycle", "h11");
    expect_profile("de-AT", "time_zone", "Europe/Vienna");
}
END_TEST

START_TEST(profile_hour_cycle)
{
    /* ICU 72 applies -u-hc to skeletons (::jmm), not to the style patterns (short) */
    glocal_args *a = date_args("at", LATE);
    expect("de", NULL, "when", a, "02.12.2026 0:30\xE2\x80\xAF" "AM 00:30");
    expect("de-u-hc-h23", NULL, "when", a, "02.12.2026 00:30 00:30");
    expect_format_locale("de-AT", "when", a, "de-AT-u-hc-h11");
    glocal_args_free(a);
}
END_TEST

/* ---- approved local text (docs/bundles.md#locks) ---- */

static void expect_lock(glocal_catalog *c, const char *locale, const char *id, const char *want)
{
    const char *by = "unset";
    ck_assert_int_eq(glocal_catalog_locked_by(c, locale, id, &by, NULL), GLOCAL_OK);
    if (want)
        ck_assert_msg(by && strcmp(by, want) == 0, "%s %s: locked by %s, want %s", locale, id,
                      by ? by : "(none)", want);
    else
        ck_assert_msg(!by, "%s %s: locked by %s, want none", locale, id, by);
}

static void expect_text(glocal_catalog *c, const char *locale, const char *id, const char *want)
{
    glocal_request *r = request(locale, NULL);
    char *out = NULL;
    ck_assert_int_eq(glocal_format(c, id, r, NULL, &out, NULL), GLOCAL_OK);
    ck_assert_msg(strcmp(out, want) == 0, "%s %s: got \"%s\", want \"%s\"", locale, id, out,
                  want);
    glocal_free(out);
    glocal_request_free(r);
}

START_TEST(approved_local_locks)
{
    char path[4096];
    glocal_catalog *c = NULL;
    snprintf(path, sizeof path, "%s/locks", getenv("GLOCAL_FIXTURES"));
    ck_assert_int_eq(glocal_catalog_open(path, &c, NULL), GLOCAL_OK);
    const char *de = "Acme GmbH, eingetragen beim Amtsgericht Berlin.";
    const char *base = "Acme Inc., registered in Delaware.";
    expect_text(c, "de", "legal.footer", de);     /* de's approved, locked version */
    expect_text(c, "de-CH", "legal.footer", de);  /* de-CH's override is ignored */
    expect_text(c, "de-AT", "legal.footer", de);
    expect_text(c, "fr", "legal.footer", base);   /* approved, but fr.yaml did not lock it */
    expect_text(c, "ja", "legal.footer", base);   /* ja locked it without approval */
    expect_text(c, "de-CH", "promo", "Unser Winterschlussverkauf beginnt heute.");
    expect_text(c, "de-CH", "greet", "Grüezi");   /* nothing locked: the nearest wins */
    expect_lock(c, "de-CH", "legal.footer", "de");
    expect_lock(c, "de", "promo", "de");
    expect_lock(c, "fr", "legal.footer", "base");
    expect_lock(c, "en", "legal.footer", "base");
    expect_lock(c, "fr", "promo", NULL);
    expect_lock(c, "de-CH", "greet", NULL);
    const char *by = "unset";
    ck_assert_int_eq(glocal_catalog_locked_by(c, "de", "nope", &by, NULL), GLOCAL_ERR_NOT_FOUND);
    ck_assert_ptr_null(by);
    glocal_variants *vs = NULL;
    ck_assert_int_eq(glocal_catalog_variants(c, "de-CH", "legal.footer", &vs, NULL), GLOCAL_OK);
    ck_assert_uint_eq(glocal_variants_count(vs), 1);
    ck_assert_str_eq(glocal_variant_bundle(glocal_variants_at(vs, 0)), "de");
    ck_assert_int_eq(glocal_variant_locked(glocal_variants_at(vs, 0)), 1);
    glocal_variants_free(vs);
    glocal_catalog_unref(c);
}
END_TEST

/* ---- Norwegian: CLDR's `no` is the parent of nb and nn ---- */

START_TEST(norwegian_tags_reach_the_no_bundle)
{
    glocal_catalog *shipped = NULL;
    ck_assert_int_eq(glocal_catalog_open(getenv("GLOCAL_LOCALES"), &shipped, NULL), GLOCAL_OK);
    glocal_args *a = NULL;
    ck_assert_int_eq(glocal_args_new(&a, NULL), GLOCAL_OK);
    ck_assert_int_eq(glocal_args_text(a, "name", "Kari", NULL), GLOCAL_OK);
    ck_assert_int_eq(glocal_args_text(a, "full_name", "Kari Nordmann", NULL), GLOCAL_OK);
    const char *tags[] = {"no", "no-NO", "nb", "nb-NO", "nn", "nn-NO"};
    for (size_t i = 0; i < sizeof tags / sizeof *tags; i++) {
        glocal_request *r = request(tags[i], NULL);
        glocal_result *res = NULL;
        ck_assert_int_eq(glocal_format_result(shipped, "greeting", r, a, &res, NULL), GLOCAL_OK);
        ck_assert_msg(strcmp(glocal_result_text(res), "Hei Kari!") == 0, "%s: %s", tags[i],
                      glocal_result_text(res));
        ck_assert_str_eq(glocal_result_bundle(res), "no");
        glocal_result_free(res);
        glocal_request_free(r);
    }
    glocal_args_free(a);
    glocal_catalog_unref(shipped);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("market");
    TCase *tc = tcase_create("market");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, a_day_is_the_same_date_in_every_zone);
    tcase_add_test(tc, an_instant_for_a_day_is_its_date_in_the_zone);
    tcase_add_test(tc, a_day_that_does_not_exist_is_refused);
    tcase_add_test(tc, a_day_has_no_time);
    tcase_add_test(tc, the_request_zone_first);
    tcase_add_test(tc, a_profile_of_the_readers_country);
    tcase_add_test(tc, never_another_countrys_profile_zone);
    tcase_add_test(tc, the_only_zone_of_the_readers_country);
    tcase_add_test(tc, profile_calendar_and_numbers);
    tcase_add_test(tc, profile_hour_cycle);
    tcase_add_test(tc, approved_local_locks);
    tcase_add_test(tc, norwegian_tags_reach_the_no_bundle);
    suite_add_tcase(s, tc);
    return run_suite(s, CK_FORK_GETENV);
}
