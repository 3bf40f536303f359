/* Resolution through glocal_format: fallback chains, locale tags, context,
 * merging, variant ranking, format locale, time zones, locked entries, quoting
 * and bidi isolation (docs/resolution.md). */
#include <stddef.h>

#include "core.h"

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
    ck_assert_int_eq(glocal_args_int(a, "count", 1234, NULL), GLOCAL_OK);
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
    ck_assert_int_eq(glocal_args_date(a, "d", DEC1 + 15 * 3600 * 1000, NULL), GLOCAL_OK);
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
    glocal_args *a = new_args();
    ck_assert_int_eq(glocal_args_text(a, "name", "سارة", NULL), GLOCAL_OK);
    expect(fmt_cat, "ar", NULL, "hello", a, "مرحبا سارة!");
    expect(fmt_cat, "en", NULL, "hello", a, "Hello " FSI "سارة" PDI "!");
    ck_assert_int_eq(glocal_args_text(a, "name", "12345", NULL), GLOCAL_OK);
    expect(fmt_cat, "ar", NULL, "hello", a, "مرحبا " FSI "12345" PDI "!");
    expect(fmt_cat, "en", NULL, "hello", a, "Hello 12345!");
    /* select still matches the raw value; the selected branch's {name} is isolated */
    ck_assert_int_eq(glocal_args_text(a, "who", "staff", NULL), GLOCAL_OK);
    expect(fmt_cat, "en", "iso=2", "pick", a, "Agent " FSI "12345" PDI);
    glocal_args_free(a);
}
END_TEST

#define LRE "\xE2\x80\xAA"
#define RLE "\xE2\x80\xAB"
#define PDF "\xE2\x80\xAC"
#define RLO "\xE2\x80\xAE"
#define LRI "\xE2\x81\xA6"
#define RLI "\xE2\x81\xA7"

static void expect_name(const char *locale, const char *ctx, const char *id, const char *name,
                        const char *want)
{
    glocal_args *a = new_args();
    ck_assert_int_eq(glocal_args_text(a, "name", name, NULL), GLOCAL_OK);
    ck_assert_int_eq(glocal_args_text(a, "who", "staff", NULL), GLOCAL_OK);
    expect(fmt_cat, locale, ctx, id, a, want);
    glocal_args_free(a);
}

/* A value's own directional controls never reach past its slot: it is isolated
 * in auto and always, its openers are closed, its stray closers dropped. */
START_TEST(bidi_controls_contained)
{
    /* an RLO in a Latin-only value (no reason to wrap in auto) */
    expect_name("en", NULL, "hello", "Anna" RLO, "Hello " FSI "Anna" RLO PDF PDI "!");
    /* a PDI that would close glocal's FSI early is dropped, the RLO after it closed */
    expect_name("en", "iso=2", "hello", "A" PDI RLO, "Hello " FSI "A" RLO PDF PDI "!");
    expect_name("ar", NULL, "hello", "Anna" PDI RLO, "مرحبا " FSI "Anna" RLO PDF PDI "!");
    /* digits only, in a select branch (the plural/select writer) */
    expect_name("en", NULL, "pick", "K-1" RLO "7184", "Agent " FSI "K-1" RLO "7184" PDF PDI);
    /* a PDI closes its isolate and the embeddings inside it; the PDF after it is stray */
    expect_name("en", NULL, "hello", RLI "x" RLE "y" PDI "z" PDF,
                "Hello " FSI RLI "x" RLE "y" PDI "z" PDI "!");
    /* a PDF never closes across an isolate: the open ones close innermost first */
    expect_name("en", NULL, "hello", LRE "x" LRI "y" PDF "z",
                "Hello " FSI LRE "x" LRI "y" "z" PDI PDF PDI "!");
    /* balanced controls are kept as they are */
    expect_name("en", NULL, "hello", RLI "abc" PDI, "Hello " FSI RLI "abc" PDI PDI "!");
    /* `never` writes the value as it is */
    expect_name("en", "iso=1", "hello", "A" PDI RLO, "Hello A" PDI RLO "!");
}
END_TEST

void add_resolution_tests(Suite *s)
{
    TCase *tc = core_tcase("chain");
    tcase_add_test(tc, chain_truncation_and_script);
    tcase_add_test(tc, chain_never_crosses_script);
    tcase_add_test(tc, chain_cldr_parents);
    tcase_add_test(tc, chain_explicit_parent);
    tcase_add_test(tc, locale_canonicalized);
    tcase_add_test(tc, locale_malformed);
    suite_add_tcase(s, tc);
    tc = core_tcase("variants");
    tcase_add_test(tc, profile_inheritance);
    tcase_add_test(tc, variant_ranking);
    tcase_add_test(tc, merge_only_same_language);
    tcase_add_test(tc, unknown_axis_values);
    tcase_add_test(tc, format_locale_rule);
    tcase_add_test(tc, time_zones);
    tcase_add_test(tc, locked_entries);
    tcase_add_test(tc, quoting);
    tcase_add_test(tc, bidi_isolation);
    tcase_add_test(tc, bidi_controls_contained);
    suite_add_tcase(s, tc);
}
