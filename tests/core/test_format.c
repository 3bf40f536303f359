/* Formatting per locale: money, dates, plurals, numbers, and the two plural
 * paths (glocal's own walk and ICU's MessageFormat) agreeing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"

/* ---- formatting per locale ---- */

START_TEST(money)
{
    glocal_args *a = new_args();
    ck_assert_int_eq(glocal_args_money(a, "amount", "1234.5", "EUR", NULL), GLOCAL_OK);
    expect(fmt_cat, "en", NULL, "money", a, "Total: €1,234.50");
    expect(fmt_cat, "de-CH", NULL, "money", a, "Summe: EUR" NBSP "1\xE2\x80\x99" "234.50");
    expect(fmt_cat, "fr", NULL, "money", a, "Total : 1" NNBSP "234,50" NBSP "€");
    expect(fmt_cat, "ru", NULL, "money", a, "Итого: 1" NBSP "234,50" NBSP "€");
    expect(fmt_cat, "hi", NULL, "money", a, "कुल: €1,234.50");
    expect(fmt_cat, "ja", NULL, "money", a, "合計：€1,234.50");
    expect(fmt_cat, "en", NULL, "money.styled", a, "€1,234.50 / €1,234.50");
    ck_assert_int_eq(glocal_args_money(a, "amount", "19.9", "CHF", NULL), GLOCAL_OK);
    expect(fmt_cat, "de-CH", NULL, "money", a, "Summe: CHF" NBSP "19.90");
    ck_assert_int_eq(glocal_args_money(a, "amount", "1500", "JPY", NULL), GLOCAL_OK);
    expect(fmt_cat, "ja", NULL, "money", a, "合計：￥1,500");
    ck_assert_int_eq(glocal_args_money(a, "amount", "12345678.905", "INR", NULL), GLOCAL_OK);
    expect(fmt_cat, "hi", NULL, "money", a, "कुल: ₹1,23,45,678.90");
    ck_assert_int_eq(glocal_args_money(a, "amount", "1234.5", "SAR", NULL), GLOCAL_OK);
    expect(fmt_cat, "ar", NULL, "money", a,
           "المجموع: \xe2\x80\x8f\xd9\xa1\xd9\xac\xd9\xa2\xd9\xa3\xd9\xa4\xd9\xab\xd9\xa5\xd9\xa0"
           NBSP "ر.س.\xe2\x80\x8f");
    glocal_args_free(a);
}
END_TEST

/* A skeleton that names no unit writes money in its own currency. */
START_TEST(money_in_a_skeleton)
{
    glocal_args *a = new_args();
    ck_assert_int_eq(glocal_args_money(a, "amount", "1234500", "IDR", NULL), GLOCAL_OK);
    expect(fmt_cat, "en", NULL, "money.skeleton", a, "IDR" NBSP "1,234,500|IDR" NBSP "1,234,500.00");
    ck_assert_int_eq(glocal_args_money(a, "amount", "1234.57", "CHF", NULL), GLOCAL_OK);
    expect(fmt_cat, "en", NULL, "money.skeleton", a, "CHF" NBSP "1,234.57|CHF" NBSP "1,234.57");
    /* money in a skeleton that sets its own unit: refused, not re-scaled */
    ck_assert_int_eq(fail_status(fmt_cat, "en", NULL, "money.inferred", a, NULL),
                     GLOCAL_ERR_ARGUMENT);
    glocal_args_free(a);
}
END_TEST

START_TEST(dates)
{
    /* the formats, in one zone (each locale's own is docs/resolution.md#time-zones') */
    expect_std(fmt_cat, "en", "tz=UTC", "day",
               "12/1/26|Dec 1, 2026|December 1, 2026|Tuesday, December 1, 2026|9:30" NNBSP
               "AM|Dec 1, 2026");
    expect_std(fmt_cat, "de-CH", "tz=UTC", "day",
               "01.12.26|01.12.2026|1. Dezember 2026|Dienstag, 1. Dezember 2026|09:30|1. Dez. 2026");
    expect_std(fmt_cat, "fr", "tz=UTC", "day",
               "01/12/2026|1 déc. 2026|1 décembre 2026|mardi 1 décembre 2026|09:30|1 déc. 2026");
    expect_std(fmt_cat, "ja", "tz=UTC", "day",
               "2026/12/01|2026/12/01|2026年12月1日|2026年12月1日火曜日|9:30|2026年12月1日");
    expect_std(fmt_cat, "hi", "tz=UTC", "day", "1/12/26|1 दिसंबर 2026|9:30 am");
    expect_std(fmt_cat, "ru", "tz=UTC", "day", "01.12.2026|1 декабря 2026" NNBSP "г.|09:30");
    expect_std(fmt_cat, "ar", "tz=UTC", "day",
               "١\xe2\x80\x8f/١٢\xe2\x80\x8f/٢٠٢٦|١ ديسمبر ٢٠٢٦|٩:٣٠ ص");
}
END_TEST

static glocal_args *date_args(int64_t unix_ms)
{
    glocal_args *a = new_args();
    ck_assert_int_eq(glocal_args_date(a, "d", unix_ms, NULL), GLOCAL_OK);
    return a;
}

static const int64_t HOUR = 3600 * 1000;

/* Proleptic Gregorian, as RFC 3339 and Python write dates: ICU's calendars
 * turned Julian before 1582-10-15 (1500-03-01 came out as February 19). */
START_TEST(dates_proleptic)
{
    glocal_args *a = date_args(-14826672000000 + 9 * HOUR); /* 1500-03-01T09:00:00Z */
    expect(fmt_cat, "en", NULL, "day", a, "3/1/00|Mar 1, 1500|March 1, 1500|"
           "Thursday, March 1, 1500|9:00" NNBSP "AM|Mar 1, 1500");
    expect(fmt_cat, "de-CH", "tz=UTC", "day", a, "01.03.00|01.03.1500|1. März 1500|"
           "Donnerstag, 1. März 1500|09:00|1. März 1500");
    glocal_args_free(a);
    a = date_args(-12219292800000 - 24 * HOUR); /* 1582-10-14, a Julian gap day */
    expect(fmt_cat, "en", NULL, "day", a, "10/14/82|Oct 14, 1582|October 14, 1582|"
           "Thursday, October 14, 1582|12:00" NNBSP "AM|Oct 14, 1582");
    glocal_args_free(a);
    a = date_args(-62135596800000); /* 0001-01-01T00:00:00Z, the first instant written */
    expect(fmt_cat, "en", NULL, "day", a, "1/1/01|Jan 1, 1|January 1, 1|Monday, January 1, 1|"
           "12:00" NNBSP "AM|Jan 1, 1");
    glocal_args_free(a);
}
END_TEST

static void expect_date_refused(const char *ctx, int64_t unix_ms)
{
    glocal_args *a = date_args(unix_ms);
    glocal_request *r = request("en", ctx);
    char *out = NULL;
    glocal_error *e = NULL;
    ck_assert_int_eq(glocal_format(fmt_cat, "day", r, a, &out, &e), GLOCAL_ERR_ARGUMENT);
    ck_assert_ptr_null(out);
    ck_assert_msg(strstr(glocal_error_message(e), "outside the years 1 to 9999"), "%lld: %s",
                  (long long)unix_ms, glocal_error_message(e));
    glocal_error_free(e);
    glocal_request_free(r);
    glocal_args_free(a);
}

/* Dates are written for the years 1 to 9999 of the local date; outside them
 * ICU clamped the instant silently and wrote years before 1 without an era. */
START_TEST(dates_out_of_range)
{
    const int64_t first = -62135596800000, end = 253402300800000; /* 0001-01-01, 10000-01-01 */
    glocal_args *a = date_args(end - 1);
    expect(fmt_cat, "en", NULL, "day", a, "12/31/99|Dec 31, 9999|December 31, 9999|"
           "Friday, December 31, 9999|11:59" NNBSP "PM|Dec 31, 9999");
    glocal_args_free(a);
    expect_date_refused(NULL, first - 1);
    expect_date_refused(NULL, end);
    expect_date_refused(NULL, INT64_MIN);
    expect_date_refused(NULL, INT64_MAX);
    /* the local date counts: in Berlin the last hour of 9999 in UTC is year 10000 */
    expect_date_refused("tz=Europe/Berlin", end - HOUR / 2);
    expect_date_refused("tz=America/New_York", first + HOUR);
}
END_TEST

static void expect_counts(const char *locale, const char *id, const char *const *want)
{
    static const char *const ns[] = {"0", "1", "2", "3", "5", "11", "21", "1.5", NULL};
    glocal_args *a = new_args();
    for (size_t i = 0; ns[i]; i++) {
        ck_assert_int_eq(glocal_args_decimal(a, "n", ns[i], NULL), GLOCAL_OK);
        expect(fmt_cat, locale, NULL, id, a, want[i]);
    }
    glocal_args_free(a);
}

START_TEST(plurals)
{
    expect_counts("en", "count", (const char *const[]){"0 days", "1 day", "2 days", "3 days",
                                                       "5 days", "11 days", "21 days", "1.5 days"});
    expect_counts("fr", "count", (const char *const[]){"0 jour", "1 jour", "2 jours", "3 jours",
                                                       "5 jours", "11 jours", "21 jours", "1,5 jour"});
    expect_counts("ru", "count", (const char *const[]){"0 дней", "1 день", "2 дня", "3 дня",
                                                       "5 дней", "11 дней", "21 день", "1,5 дня"});
    expect_counts("ar", "count", (const char *const[]){"لا أيام", "يوم واحد", "يومان", "٣ أيام",
                                                       "٥ أيام", "١١ يومًا", "٢١ يومًا", "١٫٥ يوم"});
    expect_counts("ja", "count", (const char *const[]){"0日", "1日", "2日", "3日", "5日", "11日",
                                                       "21日", "1.5日"});
    expect_counts("hi", "count", (const char *const[]){"0 दिन", "1 दिन", "2 दिन", "3 दिन", "5 दिन",
                                                       "11 दिन", "21 दिन", "1.5 दिन"});
    expect_counts("en", "place", (const char *const[]){"0th", "1st", "2nd", "3rd", "5th", "11th",
                                                       "21st", "1.5th"});
}
END_TEST

START_TEST(numbers)
{
    glocal_args *a = new_args();
    ck_assert_int_eq(glocal_args_decimal(a, "n", "1234.567", NULL), GLOCAL_OK);
    expect(fmt_cat, "en", NULL, "num", a, "1,234.567|1,234.567|1,235|123,457%|1,235");
    expect(fmt_cat, "de-CH", NULL, "num", a,
           "1’234.567|1’234.567|1’235|123’457%|1’235");
    expect(fmt_cat, "hi", NULL, "num", a, "1,234.567|1,234.567|1,235|1,23,457%|1,235");
    /* exact decimals are never rounded through binary floating point */
    ck_assert_int_eq(glocal_args_decimal(a, "n", "9007199254740993", NULL), GLOCAL_OK);
    expect(fmt_cat, "en", NULL, "num", a,
           "9,007,199,254,740,993|9,007,199,254,740,993|9,007,199,254,740,993|"
           "900,719,925,474,099,300%|9,007,199,254,740,993");
    ck_assert_int_eq(glocal_args_int(a, "n", -42, NULL), GLOCAL_OK);
    expect(fmt_cat, "en", NULL, "num", a, "-42|-42|-42|-4,200%|-42");
    ck_assert_int_eq(glocal_args_double(a, "n", 0.125, NULL), GLOCAL_OK);
    expect(fmt_cat, "fr", NULL, "num", a, "0,125|0,125|0|12" NBSP "%|0");
    glocal_args_free(a);
}
END_TEST

/* Integer plural values take glocal's own walk over the parsed template, other
 * numbers ICU's MessageFormat: both must write the same text for the same
 * integer, in every shipped locale and for nested select/plural. */
static char *format_with(glocal_catalog *c, const char *locale, const char *id, glocal_args *a)
{
    glocal_request *r = request(locale, NULL);
    char *out = NULL;
    glocal_status st = glocal_format(c, id, r, a, &out, NULL);
    glocal_request_free(r);
    ck_assert_msg(st == GLOCAL_OK, "%s %s: %s", locale, id, glocal_status_name(st));
    return out;
}

static void compare_paths(glocal_catalog *c, const char *locale, const char *id, const char *arg,
                          glocal_args *a)
{
    for (int n = 0; n <= 130; n++) {
        char dec[16];
        snprintf(dec, sizeof dec, "%d", n);
        ck_assert_int_eq(glocal_args_int(a, arg, n, NULL), GLOCAL_OK);
        char *walked = format_with(c, locale, id, a);
        ck_assert_int_eq(glocal_args_decimal(a, arg, dec, NULL), GLOCAL_OK);
        char *icu = format_with(c, locale, id, a);
        ck_assert_msg(strcmp(walked, icu) == 0, "%s %s n=%d: \"%s\" vs MessageFormat \"%s\"",
                      locale, id, n, walked, icu);
        glocal_free(walked);
        glocal_free(icu);
    }
}

START_TEST(plural_paths_agree)
{
    glocal_catalog *shipped = NULL;
    ck_assert_int_eq(glocal_catalog_open(getenv("GLOCAL_LOCALES"), &shipped, NULL), GLOCAL_OK);
    glocal_args *a = new_args();
    const char *texts[][2] = {{"name", "Anna"}, {"full_name", "Anna Schmidt"}, {"order", "A-17"},
                              {"ticket", "T-9"}, {"code", "482913"}, {"who", "staff"}};
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++)
        ck_assert_int_eq(glocal_args_text(a, texts[i][0], texts[i][1], NULL), GLOCAL_OK);
    ck_assert_int_eq(glocal_args_money(a, "amount", "19.9", "EUR", NULL), GLOCAL_OK);
    ck_assert_int_eq(glocal_args_int(a, "days", 3, NULL), GLOCAL_OK);
    ck_assert_int_eq(glocal_args_int(a, "hours", 24, NULL), GLOCAL_OK);
    ck_assert_int_eq(glocal_args_int(a, "minutes", 10, NULL), GLOCAL_OK);
    const char *plurals[][2] = {{"cart.items", "count"}, {"refund.issued", "days"},
                                {"ticket.received", "hours"}, {"verification.code", "minutes"}};
    for (size_t l = 0; l < glocal_catalog_locale_count(shipped); l++)
        for (size_t i = 0; i < sizeof plurals / sizeof *plurals; i++)
            compare_paths(shipped, glocal_catalog_locale_at(shipped, l), plurals[i][0],
                          plurals[i][1], a);
    glocal_catalog_unref(shipped);
    ck_assert_int_eq(glocal_args_text(a, "who", "guest", NULL), GLOCAL_OK);
    ck_assert_int_eq(glocal_args_int(a, "n", 22, NULL), GLOCAL_OK);
    expect(fmt_cat, "en", NULL, "nested", a, "22nd visit, 'Anna'");
    ck_assert_int_eq(glocal_args_text(a, "who", "staff", NULL), GLOCAL_OK);
    ck_assert_int_eq(glocal_args_int(a, "n", 0, NULL), GLOCAL_OK);
    expect(fmt_cat, "en", NULL, "nested", a, "no tasks for Anna");
    const char *locales[] = {"en", "fr", "ru", "ar", "ja", "de-CH-u-nu-arab"};
    for (size_t l = 0; l < sizeof locales / sizeof *locales; l++) {
        compare_paths(fmt_cat, locales[l], "count", "n", a);
        compare_paths(fmt_cat, locales[l], "nested", "n", a);
        ck_assert_int_eq(glocal_args_text(a, "who", "guest", NULL), GLOCAL_OK);
        compare_paths(fmt_cat, locales[l], "nested", "n", a);
        ck_assert_int_eq(glocal_args_text(a, "who", "staff", NULL), GLOCAL_OK);
    }
    glocal_args_free(a);
}
END_TEST

void add_format_tests(Suite *s)
{
    TCase *tc = core_tcase("format");
    tcase_add_test(tc, money);
    tcase_add_test(tc, money_in_a_skeleton);
    tcase_add_test(tc, dates);
    tcase_add_test(tc, dates_proleptic);
    tcase_add_test(tc, dates_out_of_range);
    tcase_add_test(tc, plurals);
    tcase_add_test(tc, numbers);
    tcase_add_test(tc, plural_paths_agree);
    suite_add_tcase(s, tc);
}
