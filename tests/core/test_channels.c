/* Channels (docs/channels.md): the SMS measure, gsm7 and gsm7-fold at format
 * time, the html medium, the result's measure, and code arguments. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"

static glocal_catalog *ch_cat; /* fixtures/channels */

static void open_channels(void)
{
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/channels", fixtures);
    glocal_error *e = NULL;
    ck_assert_msg(glocal_catalog_open(dir, &ch_cat, &e) == GLOCAL_OK, "%s",
                  e ? glocal_error_message(e) : "");
}

static void close_channels(void)
{
    glocal_catalog_unref(ch_cat);
    ch_cat = NULL;
}

/* ---- glocal_sms_measure ---- */

static void measure(const char *text, size_t want_segments, size_t want_units, int want_ucs2)
{
    size_t segments = 99, units = 99;
    int ucs2 = 99;
    ck_assert_int_eq(glocal_sms_measure(text, &segments, &units, &ucs2, NULL), GLOCAL_OK);
    ck_assert_uint_eq(segments, want_segments);
    ck_assert_uint_eq(units, want_units);
    ck_assert_int_eq(ucs2, want_ucs2);
}

/* n copies of unit, then tail. */
static char *repeat(const char *unit, size_t n, const char *tail)
{
    size_t u = strlen(unit), t = strlen(tail);
    char *s = malloc(u * n + t + 1);
    ck_assert_ptr_nonnull(s);
    for (size_t i = 0; i < n; i++)
        memcpy(s + i * u, unit, u);
    memcpy(s + u * n, tail, t + 1);
    return s;
}

static void measure_repeat(const char *unit, size_t n, const char *tail, size_t segments,
                           size_t units, int ucs2)
{
    char *s = repeat(unit, n, tail);
    measure(s, segments, units, ucs2);
    free(s);
}

START_TEST(measure_gsm_basic)
{
    measure("", 0, 0, 0);
    measure("Hello", 1, 5, 0);
    measure("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./09:;<=>?¡AZÄÖÑÜ§¿azäöñüà",
            1, 71, 0);
    measure_repeat("a", 160, "", 1, 160, 0);
    measure_repeat("a", 161, "", 2, 161, 0);
    measure_repeat("a", 306, "", 2, 306, 0);
    measure_repeat("a", 307, "", 3, 307, 0);
}
END_TEST

START_TEST(measure_gsm_extension)
{
    measure("{}[]~^|\\€", 1, 18, 0);
    measure_repeat("€", 80, "", 1, 160, 0);
    measure_repeat("€", 81, "", 2, 162, 0);
    /* 152 septets, then an escape and its code that cannot share the first part */
    measure_repeat("a", 152, "{aaaaaaaaaa", 2, 164, 0);
    char *s = repeat("a", 152, "{");
    char *t = repeat("a", 152, "");
    char *both = malloc(strlen(s) + strlen(t) + 1);
    strcpy(both, s);
    strcat(both, t);
    measure(both, 3, 306, 0); /* 152 | { + 151 | 1: not ceil(306 / 153) = 2 */
    free(s);
    free(t);
    free(both);
}
END_TEST

START_TEST(measure_ucs2_boundaries)
{
    measure_repeat("a", 69, "ê", 1, 70, 1);
    measure_repeat("a", 70, "ê", 2, 71, 1);
    measure_repeat("a", 133, "ê", 2, 134, 1);
    measure_repeat("a", 134, "ê", 3, 135, 1);
    measure("`", 1, 1, 1); /* the backtick is not in GSM 03.38 */
    measure("’", 1, 1, 1);
}
END_TEST

START_TEST(measure_surrogate_pairs)
{
    measure("😀", 1, 2, 1);
    measure_repeat("😀", 35, "", 1, 70, 1);
    measure_repeat("😀", 36, "", 2, 72, 1);
    /* 66 units, then a pair that would straddle units 67 and 68: it opens part 2 */
    measure_repeat("a", 66, "😀" "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                   2, 133, 1);
    measure_repeat("a", 66, "😀" "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                   3, 134, 1);
}
END_TEST

START_TEST(measure_errors)
{
    glocal_error *e = NULL;
    ck_assert_int_eq(glocal_sms_measure(NULL, NULL, NULL, NULL, &e), GLOCAL_ERR_INVALID);
    glocal_error_free(e);
    e = NULL;
    ck_assert_int_eq(glocal_sms_measure("a\xC3", NULL, NULL, NULL, &e), GLOCAL_ERR_INVALID);
    ck_assert_str_eq(glocal_error_message(e), "glocal_sms_measure: text is not valid UTF-8");
    glocal_error_free(e);
    size_t seg;
    ck_assert_int_eq(glocal_sms_measure("ok", &seg, NULL, NULL, NULL), GLOCAL_OK);
    ck_assert_uint_eq(seg, 1);
}
END_TEST

/* ---- format time ---- */

static glocal_args *paid_args(const char *name)
{
    glocal_args *a = new_args();
    ck_assert_int_eq(glocal_args_text(a, "name", name, NULL), GLOCAL_OK);
    ck_assert_int_eq(glocal_args_money(a, "amount", "1234.5", "EUR", NULL), GLOCAL_OK);
    ck_assert_int_eq(glocal_args_date(a, "when", DEC1, NULL), GLOCAL_OK);
    ck_assert_int_eq(glocal_args_code(a, "code", "AB-12", NULL), GLOCAL_OK);
    ck_assert_int_eq(glocal_args_int(a, "count", 3, NULL), GLOCAL_OK);
    return a;
}

/* Formats through the result API and checks its measure too (segments 0:
 * not an SMS channel). */
static void expect_sms(const char *locale, const char *ctx, const char *id, glocal_args *a,
                       const char *want, size_t segments, size_t units, int ucs2)
{
    glocal_request *r = request(locale, ctx);
    glocal_result *res = NULL;
    glocal_error *e = NULL;
    ck_assert_msg(glocal_format_result(ch_cat, id, r, a, &res, &e) == GLOCAL_OK, "%s",
                  e ? glocal_error_message(e) : "");
    ck_assert_str_eq(glocal_result_text(res), want);
    size_t s = 99, u = 99;
    int is_ucs2 = 99;
    ck_assert_int_eq(glocal_result_sms(res, &s, &u, &is_ucs2), segments != 0);
    ck_assert_uint_eq(s, segments);
    ck_assert_uint_eq(u, units);
    ck_assert_int_eq(is_ucs2, ucs2);
    char *text = NULL;
    ck_assert_int_eq(glocal_format(ch_cat, id, r, a, &text, NULL), GLOCAL_OK);
    ck_assert_str_eq(text, want);
    glocal_free(text);
    glocal_result_free(res);
    glocal_request_free(r);
}

START_TEST(gsm7_replaces_typography_and_icu_spaces)
{
    glocal_args *a = paid_args("Anna");
    /* unicode (no channel): ICU's U+202F and U+00A0 in the amount, the template's – */
    expect_sms("fr", NULL, "order.paid", a, "Bonjour Anna, nous avons reçu 1" NNBSP "234,50" NBSP
               "€ pour la commande AB-12 le 1 décembre 2026 – merci !", 0, 0, 0);
    /* gsm7: « » ’ – … and the amount's spaces replaced; é and € are GSM-7 */
    expect_sms("fr", "channel=sms", "order.paid", a, "Tom & Jerry's <Shop> : \" Anna \", "
               "paiement de 1 234,50 € du 1 décembre 2026 - commande AB-12... C'est noté.",
               1, 107, 0);
    glocal_args_free(a);
}
END_TEST

/* ç has no GSM-7 equivalent: the text is UCS-2 whatever is replaced, so it is
 * sent as written, ’ included (replacing it would not save a part). */
START_TEST(gsm7_keeps_what_has_no_equivalent)
{
    glocal_args *a = paid_args("François");
    expect_sms("en", "channel=sms", "order.paid", a,
               "François|3|€1,234.50|12/1/26|AB-12|Tom & Jerry’s <Shop>", 1, 55, 1);
    glocal_args_free(a);
}
END_TEST

START_TEST(gsm7_fold)
{
    glocal_args *a = paid_args("Łucja");
    /* á ã ç Ł Ó Ź ş → a a c L O Z s, œ → oe, — → -; à is GSM-7 and stays */
    expect_sms("fr", "channel=sms-fold", "order.paid", a,
               "Ola Lucja - acao às 01/12/2026: 1 234,50 €, LODZ scoe.", 1, 55, 0);
    glocal_args_free(a);
}
END_TEST

START_TEST(gsm7_drops_directional_controls)
{
    glocal_args *a = paid_args("\xE2\x80\xAE" "Anna" "\xE2\x80\xAC\xE2\x81\xA6");
    /* 51 characters, 57 septets: € and the five | are extension characters */
    expect_sms("en", "channel=sms", "order.paid", a,
               "Anna|3|€1,234.50|12/1/26|AB-12|Tom & Jerry's <Shop>", 1, 57, 0);
    /* isolation `always` writes no isolates a Latin SMS could not send */
    expect_sms("en", "channel=sms,iso=2", "order.paid", a,
               "Anna|3|€1,234.50|12/1/26|AB-12|Tom & Jerry's <Shop>", 1, 57, 0);
    /* elsewhere they are contained, as in 1.0 */
    expect_sms("en", NULL, "order.paid", a, FSI "\xE2\x80\xAE" "Anna" "\xE2\x80\xAC\xE2\x81\xA6"
               PDI PDI "|3|€1,234.50|12/1/26|AB-12|Tom & Jerry’s <Shop>", 0, 0, 0);
    glocal_args_free(a);
}
END_TEST

START_TEST(html_escapes_values_and_terms)
{
    glocal_args *a = paid_args("<img src=x onerror=alert(1)> & \"Bob\" 'B'");
    expect_sms("en", "channel=email", "order.paid", a,
               "<p>Hi <b>&lt;img src=x onerror=alert(1)&gt; &amp; &quot;Bob&quot; &#39;B&#39;"
               "</b>, Tom &amp; Jerry’s &lt;Shop&gt; got €1,234.50 for order AB-12 on 12/1/26 "
               "(3 items).</p>", 0, 0, 0);
    /* a plural written by ICU: its branches' markup kept, the slot escaped */
    ck_assert_int_eq(glocal_args_text(a, "name", "<b>", NULL), GLOCAL_OK);
    ck_assert_int_eq(glocal_args_int(a, "count", 1, NULL), GLOCAL_OK);
    expect_sms("en", "channel=email", "cart.items", a, "<i>1</i> item for &lt;b&gt;", 0, 0, 0);
    glocal_args_free(a);
}
END_TEST

START_TEST(html_escapes_values_with_directional_controls)
{
    /* a value with a directional control is contained (its isolate closed):
     * the containment must not skip the escaping */
    glocal_args *a = paid_args("<script>x</script>\xE2\x81\xA7");
    expect_sms("en", "channel=email", "order.paid", a,
               "<p>Hi <b>" FSI "&lt;script&gt;x&lt;/script&gt;\xE2\x81\xA7" PDI PDI "</b>, Tom "
               "&amp; Jerry’s &lt;Shop&gt; got €1,234.50 for order AB-12 on 12/1/26 (3 items).</p>",
               0, 0, 0);
    glocal_args_free(a);
}
END_TEST

static char *format_with_medium(const char *ctx, glocal_medium medium, const char *id,
                                glocal_args *a)
{
    glocal_request *r = request("en", ctx);
    ck_assert_int_eq(glocal_request_set_medium(r, medium, NULL), GLOCAL_OK);
    char *text = NULL;
    ck_assert_int_eq(glocal_format(ch_cat, id, r, a, &text, NULL), GLOCAL_OK);
    glocal_request_free(r);
    return text;
}

START_TEST(html_every_argument_type)
{
    /* a number, a date and money written by ICU pass through the escaper too:
     * a -u-nu- or pattern can never smuggle markup, and nothing in them changes */
    glocal_args *a = paid_args("A&B");
    char *plain = format_with_medium("channel=email", GLOCAL_MEDIUM_PLAIN, "order.paid", a);
    ck_assert_str_eq(plain, "<p>Hi <b>A&B</b>, Tom & Jerry’s <Shop> got €1,234.50 for order "
                            "AB-12 on 12/1/26 (3 items).</p>");
    char *html = format_with_medium(NULL, GLOCAL_MEDIUM_HTML, "order.paid", a);
    ck_assert_str_eq(html, "A&amp;B|3|€1,234.50|12/1/26|AB-12|Tom &amp; Jerry’s &lt;Shop&gt;");
    char *channel = format_with_medium("channel=email", GLOCAL_MEDIUM_CHANNEL, "order.paid", a);
    ck_assert_str_eq(channel, "<p>Hi <b>A&amp;B</b>, Tom &amp; Jerry’s &lt;Shop&gt; got €1,234.50 "
                              "for order AB-12 on 12/1/26 (3 items).</p>");
    glocal_free(plain);
    glocal_free(html);
    glocal_free(channel);
    glocal_args_free(a);
}
END_TEST

START_TEST(set_medium_errors)
{
    glocal_request *r = request("en", NULL);
    glocal_error *e = NULL;
    ck_assert_int_eq(glocal_request_set_medium(r, (glocal_medium)3, &e), GLOCAL_ERR_INVALID);
    ck_assert_str_eq(glocal_error_message(e), "unknown medium");
    glocal_error_free(e);
    ck_assert_int_eq(glocal_request_set_medium(NULL, GLOCAL_MEDIUM_HTML, NULL),
                     GLOCAL_ERR_INVALID);
    glocal_request_free(r);
}
END_TEST

/* ---- codes ---- */

static void code_refused(const char *code, glocal_status want, const char *message)
{
    glocal_args *a = new_args();
    glocal_error *e = NULL;
    ck_assert_int_eq(glocal_args_code(a, "code", "OK-1", NULL), GLOCAL_OK);
    ck_assert_int_eq(glocal_args_code(a, "code", code, &e), want);
    ck_assert_str_eq(glocal_error_message(e), message);
    glocal_error_free(e);
    /* the earlier value is gone: the format fails instead of sending it */
    glocal_request *r = request("en", NULL);
    char *out = NULL;
    ck_assert_int_eq(glocal_format(ch_cat, "otp", r, a, &out, NULL), GLOCAL_ERR_ARGUMENT);
    ck_assert_ptr_null(out);
    glocal_request_free(r);
    glocal_args_free(a);
}

START_TEST(code_errors)
{
    const char *not_code = "code argument `code` is not a code: only ASCII letters, digits and "
                           "`-` (\"482913\", \"AB-12\")";
    code_refused("482 913", GLOCAL_ERR_ARGUMENT, not_code);
    code_refused("\xD9\xA4\xD9\xA8\xD9\xA2", GLOCAL_ERR_ARGUMENT, not_code); /* ٤٨٢ */
    code_refused("48291\xE2\x80\x8B", GLOCAL_ERR_ARGUMENT, not_code);        /* ZWSP */
    code_refused("AB_12", GLOCAL_ERR_ARGUMENT, not_code);
    code_refused("", GLOCAL_ERR_ARGUMENT, "code argument `code` is empty");
    code_refused("12345678901234567890123456789012345678901234567890123456789012345",
                 GLOCAL_ERR_ARGUMENT, "code argument `code` is longer than 64 characters");
    code_refused(NULL, GLOCAL_ERR_INVALID, "code argument `code` is NULL");
}
END_TEST

START_TEST(code_declared_reads_text_as_a_code)
{
    glocal_args *a = new_args();
    ck_assert_int_eq(glocal_args_text(a, "code", "482913", NULL), GLOCAL_OK);
    expect(ch_cat, "ar", "iso=2", "otp", a, "الرمز: 482913");
    ck_assert_int_eq(glocal_args_text(a, "code", "482\xE2\x80\x8F" "913", NULL), GLOCAL_OK);
    glocal_error *e = NULL;
    ck_assert_int_eq(fail_status(ch_cat, "en", NULL, "otp", a, &e), GLOCAL_ERR_ARGUMENT);
    ck_assert_str_eq(glocal_error_message(e), "argument `code` of `otp` is declared a code, and "
                                              "its value is not a code: only ASCII letters, "
                                              "digits and `-` (\"482913\", \"AB-12\")");
    glocal_error_free(e);
    glocal_args_free(a);
}
END_TEST

START_TEST(code_never_isolated_replaced_or_escaped)
{
    glocal_args *a = new_args();
    ck_assert_int_eq(glocal_args_code(a, "code", "AB-482913", NULL), GLOCAL_OK);
    ck_assert_int_eq(glocal_args_code(a, "any", "X-1", NULL), GLOCAL_OK);
    /* Arabic text, Latin code: a text would be wrapped in FSI...PDI */
    expect(ch_cat, "ar", NULL, "otp", a, "الرمز: AB-482913");
    expect(ch_cat, "ar", "iso=2", "otp", a, "الرمز: AB-482913");
    expect_sms("ar", "channel=sms", "otp", a, "الرمز: AB-482913", 1, 16, 1);
    /* an argument without declaration takes a code too, written the same way */
    expect(ch_cat, "en", "iso=2,channel=email", "loose", a, "Code X-1");
    glocal_args_free(a);
}
END_TEST

/* ---- lint: the messages of the golden cases (tests/lint/ checks positions) ---- */

static void expect_findings(const char *dir, const char *rule, const char *const *want, size_t n)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/../../lint/cases/%s", fixtures, dir);
    glocal_findings *f = NULL;
    ck_assert_int_eq(glocal_lint(path, &f, NULL), GLOCAL_OK);
    size_t seen = 0;
    for (size_t i = 0; i < glocal_findings_count(f); i++) {
        const glocal_finding *x = glocal_findings_at(f, i);
        if (strcmp(glocal_finding_rule(x), rule) != 0)
            continue;
        ck_assert_uint_lt(seen, n);
        ck_assert_str_eq(glocal_finding_message(x), want[seen++]);
    }
    ck_assert_uint_eq(seen, n);
    glocal_findings_free(f);
}

START_TEST(lint_sms_segments_messages)
{
    const char *want[] = {
        "`order.shipped` variant `sms` is sent as 2 GSM-7 parts (161 septets) with sample "
        "values, over the budget of 1 for en; shorten it",
        "`order.shipped` variant `sms` is sent as 2 UCS-2 parts (96 UTF-16 units) with sample "
        "values, over the budget of 1 for fr; UCS-2 because of `û` U+00FB in {eta} at column "
        "60; reword around them, or shorten it",
        "`order.delayed` variant `sms` is sent as 2 UCS-2 parts (117 UTF-16 units) with sample "
        "values, over the budget of 1 for fr; UCS-2 because of `û` U+00FB in {eta} at column "
        "80; reword around them, or shorten it",
        "`otp` variant `sms` is sent as 2 UCS-2 parts (111 UTF-16 units) with sample values, "
        "over the budget of 1 for fr; UCS-2 because of `ê` U+00EA at column 55; reword around "
        "them, or shorten it",
    };
    expect_findings("sms-segments", "sms-segments", want, 4);
}
END_TEST

START_TEST(lint_html_markup_messages)
{
    const char *want[] = {
        "`order.shipped` variant `email`: `<p>` at column 37 is never closed; close it in the "
        "same template",
        "`reset` variant `email`: `</p>` at column 13 closes `<b>` opened at column 4; close the "
        "inner tag first",
        "`bye` variant `email`: `</p>` at column 9 closes no tag; remove it, or open it first",
    };
    expect_findings("html-markup", "html-markup", want, 3);
}
END_TEST

void add_channel_tests(Suite *s)
{
    TCase *tc = tcase_create("channels");
    tcase_add_unchecked_fixture(tc, open_channels, close_channels);
    tcase_add_test(tc, measure_gsm_basic);
    tcase_add_test(tc, measure_gsm_extension);
    tcase_add_test(tc, measure_ucs2_boundaries);
    tcase_add_test(tc, measure_surrogate_pairs);
    tcase_add_test(tc, measure_errors);
    tcase_add_test(tc, gsm7_replaces_typography_and_icu_spaces);
    tcase_add_test(tc, gsm7_keeps_what_has_no_equivalent);
    tcase_add_test(tc, gsm7_fold);
    tcase_add_test(tc, gsm7_drops_directional_controls);
    tcase_add_test(tc, html_escapes_values_and_terms);
    tcase_add_test(tc, html_escapes_values_with_directional_controls);
    tcase_add_test(tc, html_every_argument_type);
    tcase_add_test(tc, set_medium_errors);
    tcase_add_test(tc, code_errors);
    tcase_add_test(tc, code_declared_reads_text_as_a_code);
    tcase_add_test(tc, code_never_isolated_replaced_or_escaped);
    tcase_add_test(tc, lint_sms_segments_messages);
    tcase_add_test(tc, lint_html_markup_messages);
    suite_add_tcase(s, tc);
}
