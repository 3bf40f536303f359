/* The core library through its public API: resolution (docs/resolution.md),
 * formatting, argument and request validation, and every error path. */
#include <check.h>
#include <dirent.h>
#include <ftw.h>
#include <stdbool.h>
#include <glocal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../run_suite.h"

#define FSI "\xE2\x81\xA8"
#define PDI "\xE2\x81\xA9"
#define NNBSP "\xE2\x80\xAF"
#define NBSP "\xC2\xA0"

static const char *fixtures;       /* tests/core/fixtures */
static glocal_catalog *resolve_cat; /* fixtures/resolve */
static glocal_catalog *fmt_cat;     /* fixtures/fmt */
static const int64_t DEC1 = 1796117400000; /* 2026-12-01T09:30:00Z */

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

/* Builds a request from "key=value,key=value" (formality, tone, channel, tz, iso). */
static glocal_request *request(const char *locale, const char *ctx)
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

static glocal_args *std_args(void)
{
    glocal_args *a = glocal_args_new();
    ck_assert_ptr_nonnull(a);
    ck_assert_int_eq(glocal_args_text(a, "name", "Anna"), GLOCAL_OK);
    ck_assert_int_eq(glocal_args_int(a, "count", 1), GLOCAL_OK);
    ck_assert_int_eq(glocal_args_date(a, "d", DEC1), GLOCAL_OK);
    ck_assert_int_eq(glocal_args_decimal(a, "n", "1234.5"), GLOCAL_OK);
    return a;
}

/* Formats and compares; status must be OK. */
static void expect(glocal_catalog *c, const char *locale, const char *ctx, const char *id,
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

static void expect_std(glocal_catalog *c, const char *locale, const char *ctx, const char *id,
                       const char *want)
{
    glocal_args *a = std_args();
    expect(c, locale, ctx, id, a, want);
    glocal_args_free(a);
}

static glocal_status fail_status(glocal_catalog *c, const char *locale, const char *ctx,
                                 const char *id, glocal_args *a, glocal_error **e)
{
    glocal_request *r = request(locale, ctx);
    char *out = (char *)"sentinel";
    glocal_status st = glocal_format(c, id, r, a, &out, e);
    ck_assert_ptr_null(out);
    glocal_request_free(r);
    return st;
}

/* ---- fallback chains (docs/resolution.md#chains) ---- */

START_TEST(chain_truncation_and_script)
{
    expect_std(resolve_cat, "de", NULL, "whoami", "de");
    expect_std(resolve_cat, "de-CH", NULL, "whoami", "de-CH");
    expect_std(resolve_cat, "de-CH-1996", NULL, "whoami", "de-CH");
    expect_std(resolve_cat, "de-AT", NULL, "whoami", "de");
    expect_std(resolve_cat, "it", NULL, "whoami", "base");
    expect_std(resolve_cat, "de_ch", NULL, "whoami", "de-CH");
}
END_TEST

START_TEST(chain_never_crosses_script)
{
    expect_std(resolve_cat, "zh-TW", NULL, "whoami", "zh-Hant");
    expect_std(resolve_cat, "zh-HK", NULL, "whoami", "zh-Hant");
    expect_std(resolve_cat, "zh-Hant-TW", NULL, "whoami", "zh-Hant");
    expect_std(resolve_cat, "zh-CN", NULL, "whoami", "zh");
    expect_std(resolve_cat, "zh", NULL, "whoami", "zh");
}
END_TEST

START_TEST(chain_cldr_parents)
{
    expect_std(resolve_cat, "es-MX", NULL, "whoami", "es-419");
    expect_std(resolve_cat, "es-ES", NULL, "whoami", "es");
    expect_std(resolve_cat, "en-IN", NULL, "whoami", "base");
}
END_TEST

START_TEST(chain_explicit_parent)
{
    /* pt-AO -> pt-PT -> pt -> base; cart is only in pt-PT and base */
    expect_std(resolve_cat, "pt-AO", NULL, "whoami", "pt-AO");
    expect_std(resolve_cat, "pt-AO", NULL, "cart", "1 artigo");
    expect_std(resolve_cat, "pt-AO", NULL, "team.line", "Contato: Acme Care.");
    expect_std(resolve_cat, "pt-BR", NULL, "whoami", "pt");
}
END_TEST

START_TEST(locale_canonicalized)
{
    glocal_request *r = NULL;
    ck_assert_int_eq(glocal_request_new("iw", &r, NULL), GLOCAL_OK);
    glocal_request_free(r);
    expect_std(resolve_cat, "DE-ch", NULL, "whoami", "de-CH");
}
END_TEST

START_TEST(locale_malformed)
{
    const char *bad[] = {"de--CH", "", "x", "de-", "12", "de CH", "de-CH-"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        glocal_request *r = (glocal_request *)1;
        glocal_error *e = NULL;
        ck_assert_msg(glocal_request_new(bad[i], &r, &e) == GLOCAL_ERR_LOCALE, "%s", bad[i]);
        ck_assert_ptr_null(r);
        ck_assert_int_eq(glocal_error_code(e), GLOCAL_ERR_LOCALE);
        ck_assert_ptr_null(glocal_error_file(e));
        glocal_error_free(e);
    }
}
END_TEST

/* ---- context, merging, ranking (docs/resolution.md#context, #text, #variants) ---- */

START_TEST(profile_inheritance)
{
    /* de's profile makes de-CH formal; the request overrides */
    expect_std(resolve_cat, "de-CH", NULL, "greet", "Guten Tag Anna");
    expect_std(resolve_cat, "de-CH", "formality=informal", "greet", "Hoi Anna");
    expect_std(resolve_cat, "de", "formality=informal", "greet", "Hi Anna!");
    expect_std(resolve_cat, "ja", NULL, "greet", "Anna様");
    expect_std(resolve_cat, "ja", "formality=informal", "greet", "Annaさん");
}
END_TEST

START_TEST(variant_ranking)
{
    expect_std(resolve_cat, "en", NULL, "greet", "Hello Anna");
    expect_std(resolve_cat, "en", "formality=formal", "greet", "Good day Anna");
    expect_std(resolve_cat, "en", "channel=sms", "greet", "Hi Anna");
    expect_std(resolve_cat, "en", "formality=formal,channel=sms", "greet", "Dear Anna (sms)");
    expect_std(resolve_cat, "en", "tone=warm", "greet", "Hey there Anna");
    expect_std(resolve_cat, "en", "tone=warm,formality=formal", "greet", "Good day Anna");
    expect_std(resolve_cat, "en", "tone=solemn", "greet", "Greetings, Anna");
    /* channel beats formality even when the formality variant is nearer */
    expect_std(resolve_cat, "de-CH", "formality=informal,channel=sms", "greet", "Hallo Anna (SMS)");
    expect_std(resolve_cat, "en", "channel=whatsapp", "greet", "Hello Anna");
}
END_TEST

START_TEST(merge_only_same_language)
{
    /* de's map does not merge with base (en): no warm variant in German */
    expect_std(resolve_cat, "de", "tone=warm", "greet", "Guten Tag Anna");
    expect_std(resolve_cat, "de", "channel=sms", "greet", "Hallo Anna (SMS)");
}
END_TEST

START_TEST(unknown_axis_values)
{
    glocal_args *a = std_args();
    glocal_error *e = NULL;
    ck_assert_int_eq(fail_status(resolve_cat, "en", "tone=bogus", "greet", a, &e),
                     GLOCAL_ERR_INVALID);
    ck_assert_str_eq(glocal_error_message(e), "`bogus` is not a tone value of this catalog");
    glocal_error_free(e);
    ck_assert_int_eq(fail_status(resolve_cat, "en", "formality=warm", "greet", a, NULL),
                     GLOCAL_ERR_INVALID);
    glocal_args_free(a);
}
END_TEST

/* ---- format locale (docs/resolution.md#format-locale) ---- */

START_TEST(format_locale_rule)
{
    /* base's text (en) for a German request formats in English, keeping -u- keywords */
    expect_std(resolve_cat, "de-CH", NULL, "only.base", "1,234.5 on Dec 1, 2026");
    expect_std(resolve_cat, "de-u-nu-arab", NULL, "only.base",
               "\xd9\xa1\xd9\xac\xd9\xa2\xd9\xa3\xd9\xa4\xd9\xab\xd9\xa5 on Dec \xd9\xa1, "
               "\xd9\xa2\xd9\xa0\xd9\xa2\xd9\xa6");
    /* German text for de-CH formats in de-CH */
    glocal_args *a = std_args();
    ck_assert_int_eq(glocal_args_int(a, "count", 1234), GLOCAL_OK);
    expect(resolve_cat, "de-CH", NULL, "cart", a, "1\xE2\x80\x99" "234 Artikel");
    expect(resolve_cat, "de", NULL, "cart", a, "1.234 Artikel");
    glocal_args_free(a);
}
END_TEST

START_TEST(time_zones)
{
    expect_std(resolve_cat, "de", NULL, "when", "10:30 Uhr");
    expect_std(resolve_cat, "de", "tz=America/New_York", "when", "04:30 Uhr");
    expect_std(resolve_cat, "ja", NULL, "when", "6:30" NNBSP "PM");
    expect_std(resolve_cat, "en", NULL, "when", "9:30" NNBSP "AM");
    /* a date nested inside a plural branch gets the zone too */
    expect_std(resolve_cat, "en", "tz=Asia/Tokyo", "mixed", "Anna: one parcel on 12/1/26");
    glocal_args *a = std_args();
    ck_assert_int_eq(glocal_args_date(a, "d", DEC1 + 15 * 3600 * 1000), GLOCAL_OK);
    expect(resolve_cat, "en", "tz=Asia/Tokyo", "mixed", a, "Anna: one parcel on 12/2/26");
    expect(resolve_cat, "en", NULL, "mixed", a, "Anna: one parcel on 12/2/26");
    expect(resolve_cat, "en", "tz=America/Los_Angeles", "mixed", a, "Anna: one parcel on 12/1/26");
    glocal_args_free(a);
}
END_TEST

/* ---- locked entries, terms (docs/resolution.md#locked-entries) ---- */

START_TEST(locked_entries)
{
    expect_std(resolve_cat, "de-CH", NULL, "legal", "Acme Inc.");
    expect_std(resolve_cat, "de-CH", NULL, "team.line", "Kontakt: Acme Kundendienst.");
    expect_std(resolve_cat, "en", NULL, "team.line", "Contact Acme Care.");
}
END_TEST

START_TEST(quoting)
{
    expect_std(resolve_cat, "en", NULL, "quote", "It's {literal} and Anna");
}
END_TEST

/* ---- bidi isolation (docs/resolution.md#bidi-isolation) ---- */

START_TEST(bidi_isolation)
{
    expect_std(fmt_cat, "ar", NULL, "hello", "مرحبا " FSI "Anna" PDI "!");
    expect_std(fmt_cat, "en", NULL, "hello", "Hello Anna!");
    expect_std(fmt_cat, "en", "iso=2", "hello", "Hello " FSI "Anna" PDI "!");
    expect_std(fmt_cat, "ar", "iso=1", "hello", "مرحبا Anna!");
    glocal_args *a = glocal_args_new();
    ck_assert_int_eq(glocal_args_text(a, "name", "سارة"), GLOCAL_OK);
    expect(fmt_cat, "ar", NULL, "hello", a, "مرحبا سارة!");
    expect(fmt_cat, "en", NULL, "hello", a, "Hello " FSI "سارة" PDI "!");
    ck_assert_int_eq(glocal_args_text(a, "name", "12345"), GLOCAL_OK);
    expect(fmt_cat, "ar", NULL, "hello", a, "مرحبا " FSI "12345" PDI "!");
    expect(fmt_cat, "en", NULL, "hello", a, "Hello 12345!");
    /* select still matches the raw value; the selected branch's {name} is isolated */
    ck_assert_int_eq(glocal_args_text(a, "who", "staff"), GLOCAL_OK);
    expect(fmt_cat, "en", "iso=2", "pick", a, "Agent " FSI "12345" PDI);
    glocal_args_free(a);
}
END_TEST

/* ---- formatting per locale ---- */

START_TEST(money)
{
    glocal_args *a = glocal_args_new();
    ck_assert_int_eq(glocal_args_money(a, "amount", "1234.5", "EUR"), GLOCAL_OK);
    expect(fmt_cat, "en", NULL, "money", a, "Total: €1,234.50");
    expect(fmt_cat, "de-CH", NULL, "money", a, "Summe: EUR" NBSP "1\xE2\x80\x99" "234.50");
    expect(fmt_cat, "fr", NULL, "money", a, "Total : 1" NNBSP "234,50" NBSP "€");
    expect(fmt_cat, "ru", NULL, "money", a, "Итого: 1" NBSP "234,50" NBSP "€");
    expect(fmt_cat, "hi", NULL, "money", a, "कुल: €1,234.50");
    expect(fmt_cat, "ja", NULL, "money", a, "合計：€1,234.50");
    expect(fmt_cat, "en", NULL, "money.styled", a, "€1,234.50 / €1,234.50");
    ck_assert_int_eq(glocal_args_money(a, "amount", "19.9", "CHF"), GLOCAL_OK);
    expect(fmt_cat, "de-CH", NULL, "money", a, "Summe: CHF" NBSP "19.90");
    ck_assert_int_eq(glocal_args_money(a, "amount", "1500", "JPY"), GLOCAL_OK);
    expect(fmt_cat, "ja", NULL, "money", a, "合計：￥1,500");
    ck_assert_int_eq(glocal_args_money(a, "amount", "12345678.905", "INR"), GLOCAL_OK);
    expect(fmt_cat, "hi", NULL, "money", a, "कुल: ₹1,23,45,678.90");
    ck_assert_int_eq(glocal_args_money(a, "amount", "1234.5", "SAR"), GLOCAL_OK);
    expect(fmt_cat, "ar", NULL, "money", a,
           "المجموع: \xe2\x80\x8f\xd9\xa1\xd9\xac\xd9\xa2\xd9\xa3\xd9\xa4\xd9\xab\xd9\xa5\xd9\xa0"
           NBSP "ر.س.\xe2\x80\x8f");
    glocal_args_free(a);
}
END_TEST

START_TEST(dates)
{
    expect_std(fmt_cat, "en", NULL, "day",
               "12/1/26|Dec 1, 2026|December 1, 2026|Tuesday, December 1, 2026|9:30" NNBSP
               "AM|Dec 1, 2026");
    expect_std(fmt_cat, "de-CH", NULL, "day",
               "01.12.26|01.12.2026|1. Dezember 2026|Dienstag, 1. Dezember 2026|09:30|1. Dez. 2026");
    expect_std(fmt_cat, "fr", NULL, "day",
               "01/12/2026|1 déc. 2026|1 décembre 2026|mardi 1 décembre 2026|09:30|1 déc. 2026");
    expect_std(fmt_cat, "ja", NULL, "day",
               "2026/12/01|2026/12/01|2026年12月1日|2026年12月1日火曜日|9:30|2026年12月1日");
    expect_std(fmt_cat, "hi", NULL, "day", "1/12/26|1 दिसंबर 2026|9:30 am");
    expect_std(fmt_cat, "ru", NULL, "day", "01.12.2026|1 декабря 2026" NNBSP "г.|09:30");
    expect_std(fmt_cat, "ar", NULL, "day",
               "١\xe2\x80\x8f/١٢\xe2\x80\x8f/٢٠٢٦|١ ديسمبر ٢٠٢٦|٩:٣٠ ص");
}
END_TEST

static void expect_counts(const char *locale, const char *id, const char *const *want)
{
    static const char *const ns[] = {"0", "1", "2", "3", "5", "11", "21", "1.5", NULL};
    glocal_args *a = glocal_args_new();
    for (size_t i = 0; ns[i]; i++) {
        ck_assert_int_eq(glocal_args_decimal(a, "n", ns[i]), GLOCAL_OK);
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
    glocal_args *a = glocal_args_new();
    ck_assert_int_eq(glocal_args_decimal(a, "n", "1234.567"), GLOCAL_OK);
    expect(fmt_cat, "en", NULL, "num", a, "1,234.567|1,234.567|1,235|123,457%|1,235");
    expect(fmt_cat, "de-CH", NULL, "num", a,
           "1’234.567|1’234.567|1’235|123’457%|1’235");
    expect(fmt_cat, "hi", NULL, "num", a, "1,234.567|1,234.567|1,235|1,23,457%|1,235");
    /* exact decimals are never rounded through binary floating point */
    ck_assert_int_eq(glocal_args_decimal(a, "n", "9007199254740993"), GLOCAL_OK);
    expect(fmt_cat, "en", NULL, "num", a,
           "9,007,199,254,740,993|9,007,199,254,740,993|9,007,199,254,740,993|"
           "900,719,925,474,099,300%|9,007,199,254,740,993");
    ck_assert_int_eq(glocal_args_int(a, "n", -42), GLOCAL_OK);
    expect(fmt_cat, "en", NULL, "num", a, "-42|-42|-42|-4,200%|-42");
    ck_assert_int_eq(glocal_args_double(a, "n", 0.125), GLOCAL_OK);
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
        ck_assert_int_eq(glocal_args_int(a, arg, n), GLOCAL_OK);
        char *walked = format_with(c, locale, id, a);
        ck_assert_int_eq(glocal_args_decimal(a, arg, dec), GLOCAL_OK);
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
    glocal_args *a = glocal_args_new();
    const char *texts[][2] = {{"name", "Anna"}, {"order", "A-17"}, {"ticket", "T-9"},
                              {"code", "482913"}, {"who", "staff"}};
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++)
        ck_assert_int_eq(glocal_args_text(a, texts[i][0], texts[i][1]), GLOCAL_OK);
    ck_assert_int_eq(glocal_args_money(a, "amount", "19.9", "EUR"), GLOCAL_OK);
    ck_assert_int_eq(glocal_args_int(a, "days", 3), GLOCAL_OK);
    ck_assert_int_eq(glocal_args_int(a, "hours", 24), GLOCAL_OK);
    ck_assert_int_eq(glocal_args_int(a, "minutes", 10), GLOCAL_OK);
    const char *plurals[][2] = {{"cart.items", "count"}, {"refund.issued", "days"},
                                {"ticket.received", "hours"}, {"verification.code", "minutes"}};
    for (size_t l = 0; l < glocal_catalog_locale_count(shipped); l++)
        for (size_t i = 0; i < sizeof plurals / sizeof *plurals; i++)
            compare_paths(shipped, glocal_catalog_locale_at(shipped, l), plurals[i][0],
                          plurals[i][1], a);
    glocal_catalog_unref(shipped);
    ck_assert_int_eq(glocal_args_text(a, "who", "guest"), GLOCAL_OK);
    ck_assert_int_eq(glocal_args_int(a, "n", 22), GLOCAL_OK);
    expect(fmt_cat, "en", NULL, "nested", a, "22nd visit, 'Anna'");
    ck_assert_int_eq(glocal_args_text(a, "who", "staff"), GLOCAL_OK);
    ck_assert_int_eq(glocal_args_int(a, "n", 0), GLOCAL_OK);
    expect(fmt_cat, "en", NULL, "nested", a, "no tasks for Anna");
    const char *locales[] = {"en", "fr", "ru", "ar", "ja", "de-CH-u-nu-arab"};
    for (size_t l = 0; l < sizeof locales / sizeof *locales; l++) {
        compare_paths(fmt_cat, locales[l], "count", "n", a);
        compare_paths(fmt_cat, locales[l], "nested", "n", a);
        ck_assert_int_eq(glocal_args_text(a, "who", "guest"), GLOCAL_OK);
        compare_paths(fmt_cat, locales[l], "nested", "n", a);
        ck_assert_int_eq(glocal_args_text(a, "who", "staff"), GLOCAL_OK);
    }
    glocal_args_free(a);
}
END_TEST

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
    glocal_args *b = glocal_args_new();
    ck_assert_int_eq(glocal_args_int(b, "name", 5), GLOCAL_OK);
    ck_assert_int_eq(fail_status(resolve_cat, "en", NULL, "greet", b, &e), GLOCAL_ERR_ARGUMENT);
    glocal_error_free(e);
    /* missing in an untaken branch still counts */
    glocal_args *m = glocal_args_new();
    ck_assert_int_eq(glocal_args_int(m, "count", 1), GLOCAL_OK);
    ck_assert_int_eq(glocal_args_text(m, "name", "A"), GLOCAL_OK);
    ck_assert_int_eq(fail_status(resolve_cat, "en", NULL, "mixed", m, NULL), GLOCAL_ERR_ARGUMENT);
    /* money in a plural, a plain number where currency is required */
    glocal_args *p = glocal_args_new();
    ck_assert_int_eq(glocal_args_money(p, "count", "1", "EUR"), GLOCAL_OK);
    ck_assert_int_eq(fail_status(resolve_cat, "en", NULL, "cart", p, NULL), GLOCAL_ERR_ARGUMENT);
    ck_assert_int_eq(glocal_args_int(p, "amount", 5), GLOCAL_OK);
    ck_assert_int_eq(fail_status(fmt_cat, "en", NULL, "money", p, NULL), GLOCAL_ERR_ARGUMENT);
    /* declared by use: {qty, number} takes a number, the currency style money */
    glocal_args *q = glocal_args_new();
    ck_assert_int_eq(glocal_args_money(q, "qty", "2", "EUR"), GLOCAL_OK);
    ck_assert_int_eq(glocal_args_money(q, "price", "2.5", "EUR"), GLOCAL_OK);
    ck_assert_int_eq(fail_status(fmt_cat, "en", NULL, "inferred", q, NULL), GLOCAL_ERR_ARGUMENT);
    ck_assert_int_eq(glocal_args_int(q, "qty", 2), GLOCAL_OK);
    expect(fmt_cat, "en", NULL, "inferred", q, "2 and €2.50");
    glocal_args_free(q);
    /* extra arguments are ignored */
    ck_assert_int_eq(glocal_args_text(a, "unused", "x"), GLOCAL_OK);
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
    ck_assert_int_eq(glocal_request_set_axis(r, "mood", "happy", NULL), GLOCAL_ERR_INVALID);
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
    glocal_args *a = glocal_args_new();
    ck_assert_int_eq(glocal_args_text(a, "1bad", "x"), GLOCAL_ERR_INVALID);
    ck_assert_int_eq(glocal_args_text(a, "ok", "bad \xc3\x28"), GLOCAL_ERR_INVALID);
    ck_assert_int_eq(glocal_args_text(a, "ok", NULL), GLOCAL_ERR_INVALID);
    ck_assert_int_eq(glocal_args_text(NULL, "ok", "x"), GLOCAL_ERR_INVALID);
    ck_assert_int_eq(glocal_args_decimal(a, "n", "1.2.3"), GLOCAL_ERR_INVALID);
    ck_assert_int_eq(glocal_args_decimal(a, "n", "NaN"), GLOCAL_ERR_INVALID);
    ck_assert_int_eq(glocal_args_decimal(a, "n", "-1.5e3"), GLOCAL_OK);
    ck_assert_int_eq(glocal_args_double(a, "n", 1.0 / 0.0), GLOCAL_ERR_INVALID);
    ck_assert_int_eq(glocal_args_money(a, "m", "19.90", "eur"), GLOCAL_ERR_INVALID);
    ck_assert_int_eq(glocal_args_money(a, "m", "19,90", "EUR"), GLOCAL_ERR_INVALID);
    ck_assert_int_eq(glocal_args_money(a, "m", "19.90", "EURO"), GLOCAL_ERR_INVALID);
    ck_assert_int_eq(glocal_args_money(a, "m", "19.90", "ZZZ"), GLOCAL_ERR_INVALID);
    ck_assert_int_eq(glocal_args_money(a, "m", "19.90", "DEM"), GLOCAL_OK); /* historic */
    ck_assert_int_eq(glocal_args_money(a, "m", "19.90", "EUR"), GLOCAL_OK);
    /* a later value replaces an earlier one */
    ck_assert_int_eq(glocal_args_text(a, "name", "First"), GLOCAL_OK);
    ck_assert_int_eq(glocal_args_text(a, "name", "Second"), GLOCAL_OK);
    expect(resolve_cat, "en", NULL, "greet", a, "Hello Second");
    glocal_args_free(a);
    glocal_args_free(NULL);
}
END_TEST

/* ---- catalog API ---- */

START_TEST(catalog_api)
{
    ck_assert_str_eq(glocal_version(), "1.0.0");
    ck_assert_str_eq(glocal_status_name(GLOCAL_ERR_SYNTAX), "GLOCAL_ERR_SYNTAX");
    ck_assert_str_eq(glocal_status_name(GLOCAL_OK), "GLOCAL_OK");
    ck_assert_str_eq(glocal_status_name((glocal_status)99), "GLOCAL_ERR_UNKNOWN");
    ck_assert_uint_eq(glocal_catalog_locale_count(resolve_cat), 12);
    ck_assert_str_eq(glocal_catalog_locale_at(resolve_cat, 0), "ar");
    ck_assert_str_eq(glocal_catalog_locale_at(resolve_cat, 1), "de");
    ck_assert_str_eq(glocal_catalog_locale_at(resolve_cat, 2), "de-CH");
    ck_assert_str_eq(glocal_catalog_locale_at(resolve_cat, 11), "zh-Hant");
    ck_assert_ptr_null(glocal_catalog_locale_at(resolve_cat, 12));
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
    expect_profile("de-AT", "time_zone", "Europe/Berlin");
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

/* ---- open errors: golden cases in tests/core/open-errors/<case>/ ---- */

static void run_open_case(const char *root, const char *name)
{
    char dir[4096], path[4200], want[512] = "";
    snprintf(dir, sizeof dir, "%s/%s", root, name);
    snprintf(path, sizeof path, "%s/expected", dir);
    FILE *f = fopen(path, "r");
    ck_assert_ptr_nonnull(f);
    ck_assert_ptr_nonnull(fgets(want, sizeof want, f));
    fclose(f);
    want[strcspn(want, "\n")] = '\0';
    glocal_catalog *c = (glocal_catalog *)1;
    glocal_error *e = NULL;
    glocal_status st = glocal_catalog_open(dir, &c, &e);
    ck_assert_ptr_null(c);
    ck_assert_ptr_nonnull(e);
    char got[4608];
    const char *file = glocal_error_file(e);
    size_t dl = strlen(dir);
    ck_assert_msg(file && strncmp(file, dir, dl) == 0 && file[dl] == '/', "%s: file %s", name,
                  file ? file : "(null)");
    snprintf(got, sizeof got, "%s %s:%u:%u", glocal_status_name(st), file + dl + 1,
             glocal_error_line(e), glocal_error_column(e));
    ck_assert_msg(strcmp(got, want) == 0, "%s: got \"%s\" (%s), want \"%s\"", name, got,
                  glocal_error_message(e), want);
    ck_assert_int_eq(glocal_error_code(e), st);
    glocal_error_free(e);
}

START_TEST(open_error_cases)
{
    const char *root = getenv("GLOCAL_OPEN_ERRORS");
    ck_assert_ptr_nonnull(root);
    DIR *d = opendir(root);
    ck_assert_ptr_nonnull(d);
    struct dirent *ent;
    int cases = 0;
    while ((ent = readdir(d)) != NULL) {
        if (ent->d_name[0] == '.')
            continue;
        run_open_case(root, ent->d_name);
        cases++;
    }
    closedir(d);
    ck_assert_int_ge(cases, 29);
}
END_TEST

START_TEST(open_io_errors)
{
    glocal_catalog *c = NULL;
    glocal_error *e = NULL;
    ck_assert_int_eq(glocal_catalog_open("/nonexistent/glocal", &c, &e), GLOCAL_ERR_IO);
    ck_assert_str_eq(glocal_error_file(e), "/nonexistent/glocal");
    glocal_error_free(e);
    ck_assert_int_eq(glocal_catalog_open(NULL, &c, NULL), GLOCAL_ERR_INVALID);
    ck_assert_int_eq(glocal_catalog_open("locales", NULL, NULL), GLOCAL_ERR_INVALID);
    ck_assert_int_eq(glocal_catalog_open("\xff", &c, NULL), GLOCAL_ERR_INVALID);
}
END_TEST

/* ICU prints the rest of the template literally after an unclosed quote:
 * the catalog opens (ICU parses it), lint warns under template-syntax. */
START_TEST(open_quote_warns)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/open-quote", fixtures);
    glocal_catalog *c = NULL;
    ck_assert_int_eq(glocal_catalog_open(path, &c, NULL), GLOCAL_OK);
    glocal_args *a = std_args();
    expect(c, "en", NULL, "hello", a, "It's {name} and more");
    glocal_args_free(a);
    glocal_catalog_unref(c);
    glocal_findings *f = NULL;
    ck_assert_int_eq(glocal_lint(path, &f, NULL), GLOCAL_OK);
    ck_assert_uint_eq(glocal_findings_count(f), 1);
    const glocal_finding *x = glocal_findings_at(f, 0);
    ck_assert_str_eq(glocal_finding_rule(x), "template-syntax");
    ck_assert_int_eq(glocal_finding_severity(x), GLOCAL_SEVERITY_WARNING);
    ck_assert_uint_eq(glocal_finding_line(x), 7);
    ck_assert_uint_eq(glocal_finding_column(x), 12);
    ck_assert_str_eq(glocal_finding_message_id(x), "hello");
    glocal_findings_free(f);
}
END_TEST

/* A key with control characters is quoted back escaped: one finding, one line. */
START_TEST(messages_escape_controls)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/control-key", fixtures);
    glocal_findings *f = NULL;
    ck_assert_int_eq(glocal_lint(path, &f, NULL), GLOCAL_OK);
    ck_assert_uint_eq(glocal_findings_count(f), 1);
    const char *msg = glocal_finding_message(glocal_findings_at(f, 0));
    ck_assert_msg(strstr(msg, "`a\\nb\\x07`") != NULL, "%s", msg);
    ck_assert_ptr_null(strchr(msg, '\n'));
    glocal_findings_free(f);
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
    expect_negotiated(c, "it, de;q=0.8", "de");
    expect_negotiated(c, "de-AT;q=0.5, ja", "ja");
    expect_negotiated(c, "ko-KR;q=0.1, ar-EG;q=0.3", "ar-EG");
    expect_negotiated(c, "da, sv;q=0.5", "en");
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

/* Limits move with glocal_options; each one names its place when crossed. */
START_TEST(options_limits)
{
    glocal_options *o = glocal_options_new();
    ck_assert_ptr_nonnull(o);
    ck_assert_int_eq(glocal_options_set_limit(o, GLOCAL_LIMIT_YAML_DEPTH, 0, NULL),
                     GLOCAL_ERR_INVALID);
    ck_assert_int_eq(glocal_options_set_limit(o, GLOCAL_LIMIT_TEMPLATE_DEPTH, 33, NULL),
                     GLOCAL_ERR_INVALID);
    ck_assert_int_eq(glocal_options_set_limit(o, (glocal_limit)8, 1, NULL), GLOCAL_ERR_INVALID);
    ck_assert_int_eq(glocal_options_set_limit(NULL, GLOCAL_LIMIT_YAML_DEPTH, 4, NULL),
                     GLOCAL_ERR_INVALID);

    char path[4096];
    snprintf(path, sizeof path, "%s/resolve", fixtures);
    glocal_catalog *c = NULL;
    glocal_error *e = NULL;
    ck_assert_int_eq(glocal_options_set_limit(o, GLOCAL_LIMIT_SCALAR_BYTES, 40, NULL), GLOCAL_OK);
    ck_assert_int_eq(glocal_catalog_open_with(path, o, &c, &e), GLOCAL_ERR_LIMIT);
    ck_assert_ptr_null(c);
    ck_assert_uint_eq(glocal_error_line(e), 36); /* mixed.other: the first scalar over 40 bytes */
    ck_assert_uint_eq(glocal_error_column(e), 12);
    glocal_error_free(e);
    e = NULL;

    glocal_options *small = glocal_options_new();
    ck_assert_int_eq(glocal_options_set_limit(small, GLOCAL_LIMIT_OUTPUT_BYTES, 8, NULL),
                     GLOCAL_OK);
    ck_assert_int_eq(glocal_options_set_limit(small, GLOCAL_LIMIT_MESSAGES, 100, NULL), GLOCAL_OK);
    ck_assert_int_eq(glocal_catalog_open_with(path, small, &c, &e), GLOCAL_OK);
    glocal_args *a = std_args();
    ck_assert_int_eq(fail_status(c, "en", NULL, "greet", a, &e), GLOCAL_ERR_LIMIT);
    glocal_error_free(e);
    expect(c, "de", NULL, "whoami", a, "de");
    glocal_catalog_unref(c);
    glocal_args_free(a);

    glocal_findings *f = NULL;
    ck_assert_int_eq(glocal_lint_with(path, o, &f, NULL), GLOCAL_OK);
    int over = 0;
    for (size_t i = 0; i < glocal_findings_count(f); i++) {
        const glocal_finding *x = glocal_findings_at(f, i);
        over += strstr(glocal_finding_message(x), "limit of 40 bytes") != NULL;
    }
    ck_assert_int_eq(over, 4); /* base: cart, mixed; de and pt-PT: cart */
    glocal_findings_free(f);
    glocal_options_free(o);
    glocal_options_free(small);
    glocal_options_free(NULL);
}
END_TEST

/* Throws every input of the YAML test suite at the loader as base.yaml:
 * never a crash; a clean error with a location; inputs a conforming parser
 * must reject are YAML syntax errors. */
static char suite_dir[64];
static int suite_inputs, suite_must_fail;

static void load_suite_case(const char *input)
{
    char target[128], marker[4096];
    snprintf(target, sizeof target, "%s/base.yaml", suite_dir);
    unlink(target);
    ck_assert_int_eq(symlink(input, target), 0);
    snprintf(marker, sizeof marker, "%.*s/error", (int)(strrchr(input, '/') - input), input);
    bool must_fail = access(marker, F_OK) == 0;
    /* The one invalid input glocal still reads as YAML: leading empty lines of
     * a block scalar with more spaces than its indentation (docs/robustness.md). */
    bool known_gap = strstr(input, "/S98Z/") != NULL;
    glocal_catalog *c = NULL;
    glocal_error *e = NULL;
    glocal_status st = glocal_catalog_open(suite_dir, &c, &e);
    ck_assert_msg(st == GLOCAL_ERR_SYNTAX || st == GLOCAL_ERR_SCHEMA || st == GLOCAL_ERR_LIMIT,
                  "%s: %s", input, glocal_status_name(st));
    ck_assert_msg(!must_fail || known_gap || st == GLOCAL_ERR_SYNTAX, "%s must be a syntax error: %s", input,
                  glocal_error_message(e));
    ck_assert_str_eq(glocal_error_file(e), target);
    ck_assert_msg(glocal_error_line(e) >= 1 && glocal_error_column(e) >= 1, "%s: no location",
                  input);
    glocal_error_free(e);
    glocal_findings *fs = NULL;
    ck_assert_int_eq(glocal_lint(suite_dir, &fs, NULL), GLOCAL_OK);
    ck_assert_uint_ge(glocal_findings_count(fs), 1);
    glocal_findings_free(fs);
    suite_inputs++;
    suite_must_fail += must_fail;
}

static int visit_suite_file(const char *path, const struct stat *sb, int type, struct FTW *ftw)
{
    (void)sb;
    (void)ftw;
    const char *slash = strrchr(path, '/');
    if (type == FTW_F && slash && strcmp(slash + 1, "in.yaml") == 0)
        load_suite_case(path);
    return 0;
}

START_TEST(yaml_test_suite)
{
    const char *root = getenv("GLOCAL_YAML_SUITE");
    ck_assert_ptr_nonnull(root);
    snprintf(suite_dir, sizeof suite_dir, "/tmp/glocal-yaml-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(suite_dir));
    ck_assert_int_eq(nftw(root, visit_suite_file, 16, FTW_PHYS), 0);
    char target[128];
    snprintf(target, sizeof target, "%s/base.yaml", suite_dir);
    unlink(target);
    rmdir(suite_dir);
    ck_assert_int_eq(suite_inputs, 402);
    ck_assert_int_eq(suite_must_fail, 94);
}
END_TEST

/* The shipped catalog opens and renders every locale. */
START_TEST(shipped_locales)
{
    const char *dir = getenv("GLOCAL_LOCALES");
    glocal_catalog *c = NULL;
    glocal_error *e = NULL;
    ck_assert_ptr_nonnull(dir);
    ck_assert_msg(glocal_catalog_open(dir, &c, &e) == GLOCAL_OK, "%s", glocal_error_message(e));
    ck_assert_uint_ge(glocal_catalog_locale_count(c), 15);
    glocal_catalog_unref(c);
}
END_TEST

static Suite *core_suite(void)
{
    Suite *s = suite_create("core");
    struct {
        const char *name;
        const TTest *tests[16];
    } groups[] = {
        {"chain", {chain_truncation_and_script, chain_never_crosses_script, chain_cldr_parents,
                   chain_explicit_parent, locale_canonicalized, locale_malformed}},
        {"variants", {profile_inheritance, variant_ranking, merge_only_same_language,
                      unknown_axis_values, format_locale_rule, time_zones, locked_entries,
                      quoting, bidi_isolation}},
        {"format", {money, dates, plurals, numbers, plural_paths_agree}},
        {"errors", {format_errors, invalid_calls, args_validation, catalog_api, profiles,
                    explain_text, open_error_cases, open_io_errors, shipped_locales,
                    options_limits, negotiation, open_quote_warns,
                    messages_escape_controls}},
        {"robustness", {yaml_test_suite}},
    };
    for (size_t g = 0; g < sizeof groups / sizeof *groups; g++) {
        TCase *tc = tcase_create(groups[g].name);
        tcase_add_checked_fixture(tc, setup, teardown);
        tcase_set_timeout(tc, 120);
        for (size_t i = 0; groups[g].tests[i]; i++)
            tcase_add_test(tc, groups[g].tests[i]);
        suite_add_tcase(s, tc);
    }
    return s;
}

int main(void)
{
    fixtures = getenv("GLOCAL_FIXTURES");
    if (!fixtures) {
        fprintf(stderr, "GLOCAL_FIXTURES is not set\n");
        return 2;
    }
    return run_suite(core_suite(), CK_FORK_GETENV);
}
