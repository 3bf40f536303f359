/* One resolution, checked: for every shipped message, locale, channel and
 * formality, what glocal_format_result says it served is the variant the
 * catalog-reading API lists for that locale ranked by the documented rule
 * (docs/resolution.md#variants, computed here independently), and the one
 * glocal_explain selects.  The text is glocal_format's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"

static const char *const formalities[] = {NULL, "formal", "informal"};
static const char *const channels[] = {NULL, "email", "sms", "chat", "whatsapp", "push", "line",
                                       "wechat", "kakaotalk"};

static glocal_args *args_for(const glocal_message *m)
{
    glocal_args *a = new_args();
    for (size_t i = 0; i < glocal_message_arg_count(m); i++) {
        const char *name = glocal_message_arg_name(m, i), *type = glocal_message_arg_type(m, i);
        if (strcmp(type, "number") == 0)
            ck_assert_int_eq(glocal_args_int(a, name, 3, NULL), GLOCAL_OK);
        else if (strcmp(type, "date") == 0)
            ck_assert_int_eq(glocal_args_date(a, name, DEC1, NULL), GLOCAL_OK);
        else if (strcmp(type, "day") == 0)
            ck_assert_int_eq(glocal_args_day(a, name, 2026, 12, 1, NULL), GLOCAL_OK);
        else if (strcmp(type, "money") == 0)
            ck_assert_int_eq(glocal_args_money(a, name, "19.90", "EUR", NULL), GLOCAL_OK);
        else
            ck_assert_int_eq(glocal_args_text(a, name, "Anna", NULL), GLOCAL_OK);
    }
    return a;
}

/* The rank of a key in a context: channel 4, formality 2, tone 1, -1 when a
 * value of the key is not the context's.  Values are unique across axes. */
static int rank(const char *key, const char *const ctx[3])
{
    static const int weight[3] = {2, 1, 4}; /* formality, tone, channel */
    if (strcmp(key, "other") == 0)
        return 0;
    int score = 0;
    char buf[256];
    snprintf(buf, sizeof buf, "%s", key);
    for (char *save, *v = strtok_r(buf, "+", &save); v; v = strtok_r(NULL, "+", &save)) {
        int hit = -1;
        for (int a = 0; a < 3; a++)
            if (ctx[a] && strcmp(ctx[a], v) == 0)
                hit = a;
        if (hit < 0)
            return -1;
        score += weight[hit];
    }
    return score;
}

/* The first variant of the merged list with the highest rank. */
static const glocal_variant *expected_variant(const glocal_variants *vs, const char *const ctx[3])
{
    const glocal_variant *best = NULL;
    int best_rank = -1;
    for (size_t i = 0; i < glocal_variants_count(vs); i++) {
        int r = rank(glocal_variant_key(glocal_variants_at(vs, i)), ctx);
        if (r > best_rank) {
            best = glocal_variants_at(vs, i);
            best_rank = r;
        }
    }
    return best;
}

static void expect_explain_selects(glocal_catalog *c, const char *id, glocal_request *r,
                                   glocal_args *a, const glocal_result *res)
{
    char *text = NULL, want[512];
    ck_assert_int_eq(glocal_explain(c, id, r, a, &text, NULL), GLOCAL_OK);
    snprintf(want, sizeof want, "\nselected: %s from %s (%s:%u:%u)\n", glocal_result_variant(res),
             glocal_result_bundle(res), glocal_result_file(res), glocal_result_line(res),
             glocal_result_column(res));
    ck_assert_msg(strstr(text, want), "%s: explain does not select %s", id, want + 1);
    glocal_free(text);
}

/* Returns 1 when the context was served, 0 when the catalog refused it (a
 * channel value this catalog lacks). */
static int check_one(glocal_catalog *c, const char *locale, const glocal_message *m,
                     const char *formality, const char *channel)
{
    const char *id = glocal_message_id(m);
    glocal_request *r = request(locale, NULL);
    if (formality)
        ck_assert_int_eq(glocal_request_set_axis(r, "formality", formality, NULL), GLOCAL_OK);
    if (channel)
        ck_assert_int_eq(glocal_request_set_axis(r, "channel", channel, NULL), GLOCAL_OK);
    glocal_args *a = args_for(m);
    glocal_result *res = NULL;
    glocal_error *e = NULL;
    glocal_status st = glocal_format_result(c, id, r, a, &res, &e);
    if (st == GLOCAL_ERR_INVALID && channel) {
        glocal_error_free(e);
        glocal_args_free(a);
        glocal_request_free(r);
        return 0;
    }
    ck_assert_msg(st == GLOCAL_OK, "%s %s %s %s: %s", locale, id, formality ? formality : "-",
                  channel ? channel : "-", glocal_error_message(e));
    const char *ctx[3] = {glocal_result_axis(res, "formality"), glocal_result_axis(res, "tone"),
                          glocal_result_axis(res, "channel")};
    ck_assert_pstr_eq(ctx[0], formality ? formality : ctx[0]);
    ck_assert_pstr_eq(ctx[2], channel);

    glocal_variants *vs = NULL;
    ck_assert_int_eq(glocal_catalog_variants(c, locale, id, &vs, NULL), GLOCAL_OK);
    const glocal_variant *want = expected_variant(vs, ctx);
    ck_assert_ptr_nonnull(want);
    ck_assert_str_eq(glocal_result_variant(res), glocal_variant_key(want));
    ck_assert_str_eq(glocal_result_bundle(res), glocal_variant_bundle(want));
    ck_assert_str_eq(glocal_result_file(res), glocal_variant_file(want));
    ck_assert_uint_eq(glocal_result_line(res), glocal_variant_line(want));
    ck_assert_uint_eq(glocal_result_column(res), glocal_variant_column(want));
    glocal_variants_free(vs);

    expect_explain_selects(c, id, r, a, res);
    char *text = NULL;
    ck_assert_int_eq(glocal_format(c, id, r, a, &text, NULL), GLOCAL_OK);
    ck_assert_str_eq(glocal_result_text(res), text);
    ck_assert_uint_eq(glocal_result_length(res), strlen(text));
    glocal_free(text);
    glocal_result_free(res);
    glocal_args_free(a);
    glocal_request_free(r);
    return 1;
}

START_TEST(every_shipped_message_is_served_as_resolved)
{
    const char *dir = getenv("GLOCAL_LOCALES");
    ck_assert_ptr_nonnull(dir);
    glocal_catalog *c = NULL;
    ck_assert_int_eq(glocal_catalog_open(dir, &c, NULL), GLOCAL_OK);
    size_t served = 0, nmsg = glocal_catalog_message_count(c);
    ck_assert_uint_gt(nmsg, 10);
    /* every bundle's locale, a region without a bundle, and base's language */
    for (size_t l = 0; l <= glocal_catalog_locale_count(c) + 1; l++) {
        size_t n = glocal_catalog_locale_count(c);
        const char *locale = l < n ? glocal_catalog_locale_at(c, l) : l == n ? "de-AT" : "en";
        for (size_t i = 0; i < nmsg; i++)
            for (size_t f = 0; f < sizeof formalities / sizeof *formalities; f++)
                for (size_t ch = 0; ch < sizeof channels / sizeof *channels; ch++)
                    served += (size_t)check_one(c, locale, glocal_catalog_message_at(c, i),
                                                formalities[f], channels[ch]);
    }
    /* 17 locales x messages x 3 formalities x (unset + the channels the catalog knows) */
    ck_assert_uint_ge(served, 17 * nmsg * 3 * 3);
    glocal_catalog_unref(c);
}
END_TEST

START_TEST(result_says_what_was_served)
{
    glocal_catalog *c = NULL;
    ck_assert_int_eq(glocal_catalog_open(getenv("GLOCAL_LOCALES"), &c, NULL), GLOCAL_OK);
    glocal_request *r = request("de-CH", "channel=sms");
    glocal_args *a = new_args();
    glocal_args_text(a, "name", "Anna", NULL);
    glocal_args_text(a, "order", "A-17", NULL);
    glocal_args_date(a, "eta", DEC1, NULL);
    glocal_result *res = NULL;
    ck_assert_int_eq(glocal_format_result(c, "order.delayed", r, a, &res, NULL), GLOCAL_OK);
    ck_assert_str_eq(glocal_result_bundle(res), "de"); /* de-CH inherits it */
    ck_assert_str_eq(glocal_result_variant(res), "sms");
    ck_assert_ptr_nonnull(strstr(glocal_result_file(res), "/de.yaml"));
    ck_assert_str_eq(glocal_result_language(res), "de-Latn");
    ck_assert_int_eq(glocal_result_fallback(res), 0);
    ck_assert_str_eq(glocal_result_format_locale(res), "de-CH");
    ck_assert_str_eq(glocal_result_axis(res, "channel"), "sms");
    ck_assert_str_eq(glocal_result_axis_source(res, "channel"), "request");
    ck_assert_ptr_null(glocal_result_axis_profile(res, "channel"));
    ck_assert_str_eq(glocal_result_axis(res, "formality"), "formal");
    ck_assert_str_eq(glocal_result_axis_source(res, "formality"), "profile");
    ck_assert_str_eq(glocal_result_axis_profile(res, "formality"), "de");
    ck_assert_ptr_null(glocal_result_axis(res, "mood"));
    ck_assert_str_eq(glocal_result_time_zone(res), "Europe/Zurich");
    ck_assert_str_eq(glocal_result_time_zone_source(res), "profile");
    ck_assert_str_eq(glocal_result_text(res), "Kestrel: Bitte entschuldigen Sie, Ihre Bestellung "
                                              "A-17 verspätet sich. Neuer Liefertermin: "
                                              "01.12.2026.");
    size_t segments, units;
    int ucs2;
    ck_assert_int_eq(glocal_result_sms(res, &segments, &units, &ucs2), 1);
    ck_assert_uint_eq(segments, 1);
    ck_assert_uint_eq(units, 102);
    ck_assert_int_eq(ucs2, 0);
    glocal_result_free(res);
    glocal_request_free(r);

    /* a language the catalog lacks: base's English, a fallback; numbers still Swiss */
    r = request("rm-CH", "tz=UTC");
    ck_assert_int_eq(glocal_format_result(c, "order.delayed", r, a, &res, NULL), GLOCAL_OK);
    ck_assert_str_eq(glocal_result_bundle(res), "base");
    ck_assert_str_eq(glocal_result_language(res), "en-Latn");
    ck_assert_int_eq(glocal_result_fallback(res), 1);
    ck_assert_str_eq(glocal_result_time_zone_source(res), "request");
    glocal_result_free(res);
    glocal_request_free(r);
    glocal_args_free(a);

    /* failures leave *out NULL and say why */
    r = request("de", NULL);
    res = (glocal_result *)&res;
    glocal_error *e = NULL;
    ck_assert_int_eq(glocal_format_result(c, "no.such", r, NULL, &res, &e), GLOCAL_ERR_NOT_FOUND);
    ck_assert_ptr_null(res);
    ck_assert_str_eq(glocal_error_message(e), "unknown message id `no.such`");
    glocal_error_free(e);
    ck_assert_int_eq(glocal_format_result(c, "greeting", r, NULL, &res, NULL),
                     GLOCAL_ERR_ARGUMENT);
    ck_assert_ptr_null(res);
    ck_assert_int_eq(glocal_format_result(NULL, "greeting", r, NULL, &res, NULL),
                     GLOCAL_ERR_INVALID);
    glocal_result_free(NULL);
    glocal_request_free(r);
    glocal_catalog_unref(c);
}
END_TEST

START_TEST(a_result_outlives_its_request)
{
    glocal_catalog *c = NULL;
    ck_assert_int_eq(glocal_catalog_open(getenv("GLOCAL_LOCALES"), &c, NULL), GLOCAL_OK);
    glocal_request *r = request("ja", "tz=America/Argentina/ComodRivadavia");
    glocal_args *a = new_args();
    glocal_args_text(a, "name", "Anna", NULL);
    glocal_args_text(a, "full_name", "Anna Schmidt", NULL);
    glocal_result *res = NULL;
    ck_assert_int_eq(glocal_format_result(c, "greeting", r, a, &res, NULL), GLOCAL_OK);
    glocal_request_free(r); /* the result copied the zone the request named */
    glocal_args_free(a);
    ck_assert_str_eq(glocal_result_bundle(res), "ja");
    ck_assert_str_eq(glocal_result_variant(res), "other");
    ck_assert_str_eq(glocal_result_time_zone(res), "America/Argentina/ComodRivadavia");
    ck_assert_str_eq(glocal_result_time_zone_source(res), "request");
    glocal_catalog_unref(c); /* after the last read: the result borrows from it */
    glocal_result_free(res); /* freeing it later is fine */
}
END_TEST

void add_served_tests(Suite *s)
{
    TCase *tc = core_tcase("served");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, every_shipped_message_is_served_as_resolved);
    tcase_add_test(tc, result_says_what_was_served);
    tcase_add_test(tc, a_result_outlives_its_request);
    suite_add_tcase(s, tc);
}
