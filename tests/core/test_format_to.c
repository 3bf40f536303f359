/* glocal_format_to and the request's format memo: the caller's buffer gets
 * exactly what glocal_format returns (every shipped message x locale x
 * context, each formatted three times so that the memo is cold, then filled,
 * then hit), GLOCAL_ERR_BUFFER gives the size a text needs, and a request
 * changed after use never serves what it resolved before. */
#include <check.h>
#include <glocal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../run_suite.h"

static const int64_t DEC1 = 1796117400000; /* 2026-12-01T09:30:00Z */
static glocal_catalog *shipped;
/* two small catalogs of literals, written for the test: the shipped one has
 * none (its texts use terms or arguments) */
static char dir_a[] = "/tmp/glocal-formatto-a-XXXXXX", dir_b[] = "/tmp/glocal-formatto-b-XXXXXX";
static glocal_catalog *lit;

static void write_file(const char *dir, const char *name, const char *text)
{
    char path[96];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    fclose(f);
}

static void remove_file(const char *dir, const char *name)
{
    char path[96];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    unlink(path);
}

static void open_catalogs(void)
{
    ck_assert_int_eq(glocal_catalog_open(getenv("GLOCAL_LOCALES"), &shipped, NULL), GLOCAL_OK);
    ck_assert_ptr_nonnull(mkdtemp(dir_a));
    ck_assert_ptr_nonnull(mkdtemp(dir_b));
    write_file(dir_a, "base.yaml",
               "glocal: 1\nlocale: base\nlanguage: en\n"
               "channels:\n  sms: {kind: sms, encoding: gsm7}\n"
               "messages:\n"
               "  saved: \"Your changes have been saved.\"\n"
               "  dash:\n    other: \"Saved \u2013 all of it.\"\n    sms: \"Saved \u2013 by SMS.\"\n");
    write_file(dir_a, "de.yaml", "glocal: 1\nlocale: de\nmessages:\n"
                                 "  saved: \"Ihre \u00c4nderungen wurden gespeichert.\"\n");
    write_file(dir_b, "base.yaml", "glocal: 1\nlocale: base\nlanguage: en\nmessages:\n"
                                   "  saved: \"Saved in the other catalog.\"\n");
    ck_assert_int_eq(glocal_catalog_open(dir_a, &lit, NULL), GLOCAL_OK);
}

static void close_catalogs(void)
{
    glocal_catalog_unref(shipped);
    glocal_catalog_unref(lit);
    remove_file(dir_a, "base.yaml");
    remove_file(dir_a, "de.yaml");
    remove_file(dir_b, "base.yaml");
    rmdir(dir_a);
    rmdir(dir_b);
}

static glocal_request *request(const char *locale)
{
    glocal_request *r = NULL;
    ck_assert_int_eq(glocal_request_new(locale, &r, NULL), GLOCAL_OK);
    return r;
}

/* glocal_format_to into a buffer of cap bytes; "" when it failed (status in *st). */
static char *format_to(const glocal_catalog *c, const char *id, const glocal_request *r,
                       const glocal_args *a, size_t cap, glocal_status *st, size_t *len)
{
    char *buf = malloc(cap ? cap : 1);
    memset(buf, '#', cap);
    *st = glocal_format_to(c, id, r, a, cap ? buf : NULL, cap, len, NULL);
    return buf;
}

/* ---- the same bytes as glocal_format ---- */

/* A value of each declared type; any argument not declared is left out. */
static glocal_args *args_for(const glocal_message *m)
{
    glocal_args *a = NULL;
    ck_assert_int_eq(glocal_args_new(&a, NULL), GLOCAL_OK);
    for (size_t i = 0; i < glocal_message_arg_count(m); i++) {
        const char *name = glocal_message_arg_name(m, i), *type = glocal_message_arg_type(m, i);
        if (strcmp(type, "number") == 0)
            glocal_args_int(a, name, 3, NULL);
        else if (strcmp(type, "date") == 0 || strcmp(type, "day") == 0)
            glocal_args_date(a, name, DEC1, NULL);
        else if (strcmp(type, "money") == 0)
            glocal_args_money(a, name, "1234.5", "EUR", NULL);
        else if (strcmp(type, "code") == 0)
            glocal_args_code(a, name, "482913", NULL);
        else
            glocal_args_text(a, name, "Anna \xD7\x93\xD7\xA0\xD7\x94", NULL);
    }
    return a;
}

/* Formats id both ways, three times with the same request, and compares. */
static void compare(const char *id, const glocal_request *r, const glocal_args *a,
                    const char *what)
{
    char *want = NULL;
    glocal_status want_st = glocal_format(shipped, id, r, a, &want, NULL);
    for (int round = 0; round < 3; round++) {
        char buf[4096];
        size_t len = 99;
        glocal_status st = glocal_format_to(shipped, id, r, a, buf, sizeof buf, &len, NULL);
        ck_assert_msg(st == want_st, "%s %s: %s, glocal_format %s", what, id,
                      glocal_status_name(st), glocal_status_name(want_st));
        if (st == GLOCAL_OK) {
            ck_assert_msg(len == strlen(want) && strcmp(buf, want) == 0,
                          "%s %s (round %d): `%s`, glocal_format `%s`", what, id, round, buf, want);
        } else {
            ck_assert_str_eq(buf, "");
            ck_assert_uint_eq(len, 0);
        }
        char *again = NULL;
        ck_assert_int_eq(glocal_format(shipped, id, r, a, &again, NULL), want_st);
        ck_assert_str_eq(again ? again : "", want ? want : "");
        glocal_free(again);
    }
    glocal_free(want);
}

static const char *const extra_locales[] = {"de-CH-1996", "ar-EG", "pt-AO", "sr-Latn",
                                            "en-u-nu-arab", "ja-JP-u-ca-japanese"};

/* The contexts: none, each value of each axis alone, and html / always-isolated. */
static void compare_contexts(const char *locale, const char *id, const glocal_args *a)
{
    glocal_request *r = request(locale);
    compare(id, r, a, locale);
    glocal_request_free(r);
    for (size_t ax = 0; ax < glocal_catalog_axis_count(shipped); ax++) {
        const char *axis = glocal_catalog_axis_name(shipped, ax);
        for (size_t v = 0; v < glocal_catalog_axis_value_count(shipped, axis); v++) {
            r = request(locale);
            char what[128];
            const char *value = glocal_catalog_axis_value(shipped, axis, v);
            snprintf(what, sizeof what, "%s %s=%s", locale, axis, value);
            ck_assert_int_eq(glocal_request_set_axis(r, axis, value, NULL), GLOCAL_OK);
            compare(id, r, a, what);
            glocal_request_free(r);
        }
    }
    r = request(locale);
    glocal_request_set_medium(r, GLOCAL_MEDIUM_HTML, NULL);
    glocal_request_set_isolation(r, GLOCAL_ISOLATE_ALWAYS, NULL);
    compare(id, r, a, "html, isolate always");
    glocal_request_free(r);
}

START_TEST(same_bytes_as_glocal_format)
{
    size_t nloc = glocal_catalog_locale_count(shipped);
    size_t nextra = sizeof extra_locales / sizeof *extra_locales;
    for (size_t m = 0; m < glocal_catalog_message_count(shipped); m++) {
        const glocal_message *msg = glocal_catalog_message_at(shipped, m);
        glocal_args *a = args_for(msg);
        for (size_t l = 0; l < nloc + nextra; l++)
            compare_contexts(l < nloc ? glocal_catalog_locale_at(shipped, l)
                                      : extra_locales[l - nloc],
                             glocal_message_id(msg), a);
        glocal_args_free(a);
    }
}
END_TEST

/* ---- the caller's buffer ---- */

/* "Your order {order} is confirmed."-like texts: the German greeting with a
 * name, and a literal (signoff on the shipped catalog has no argument). */
START_TEST(buffer_too_small_says_the_size)
{
    glocal_request *r = request("de");
    glocal_args *a = NULL;
    glocal_args_new(&a, NULL);
    glocal_args_text(a, "name", "Anna", NULL);
    char *want = NULL;
    ck_assert_int_eq(glocal_format(shipped, "greeting", r, a, &want, NULL), GLOCAL_OK);
    size_t n = strlen(want), len;
    glocal_status st;
    for (int round = 0; round < 3; round++) { /* memo cold, filled, hit */
        char *buf = format_to(shipped, "greeting", r, a, n + 1, &st, &len);
        ck_assert_int_eq(st, GLOCAL_OK);
        ck_assert_str_eq(buf, want);
        ck_assert_uint_eq(len, n);
        free(buf);
        buf = format_to(shipped, "greeting", r, a, n, &st, &len);
        ck_assert_int_eq(st, GLOCAL_ERR_BUFFER);
        ck_assert_uint_eq(len, n);
        ck_assert_str_eq(buf, ""); /* nothing partial */
        free(buf);
        buf = format_to(shipped, "greeting", r, a, 1, &st, &len);
        ck_assert_int_eq(st, GLOCAL_ERR_BUFFER);
        ck_assert_uint_eq(len, n);
        ck_assert_str_eq(buf, "");
        free(buf);
        buf = format_to(shipped, "greeting", r, a, 0, &st, &len); /* the size alone */
        ck_assert_int_eq(st, GLOCAL_ERR_BUFFER);
        ck_assert_uint_eq(len, n);
        free(buf);
    }
    glocal_error *e = NULL;
    char small[4];
    ck_assert_int_eq(glocal_format_to(shipped, "greeting", r, a, small, sizeof small, &len, &e),
                     GLOCAL_ERR_BUFFER);
    ck_assert_int_eq(glocal_error_code(e), GLOCAL_ERR_BUFFER);
    char says[128];
    snprintf(says, sizeof says, "need a buffer of %zu; this one holds 4", n + 1);
    ck_assert_msg(strstr(glocal_error_message(e), says), "%s", glocal_error_message(e));
    ck_assert_str_eq(glocal_status_name(GLOCAL_ERR_BUFFER), "GLOCAL_ERR_BUFFER");
    glocal_error_free(e);
    glocal_free(want);
    glocal_args_free(a);
    glocal_request_free(r);
}
END_TEST

/* Checks c's id for r at the exact size and one byte short, three times. */
static void fits_exactly(const glocal_catalog *c, const char *id, const glocal_request *r,
                         const glocal_args *a, const char *what)
{
    char *want = NULL;
    ck_assert_int_eq(glocal_format(c, id, r, a, &want, NULL), GLOCAL_OK);
    size_t n = strlen(want), len;
    glocal_status st;
    for (int round = 0; round < 3; round++) {
        char *buf = format_to(c, id, r, a, n + 1, &st, &len);
        ck_assert_int_eq(st, GLOCAL_OK);
        ck_assert_str_eq(buf, want);
        ck_assert_uint_eq(len, n);
        free(buf);
        /* one byte short; half; a few bytes (shorter than a plural's slot texts) */
        size_t short_caps[] = {n, n / 2, 8, 1};
        for (size_t k = 0; k < 4; k++) {
            buf = format_to(c, id, r, a, short_caps[k], &st, &len);
            ck_assert_msg(st == GLOCAL_ERR_BUFFER && len == n && buf[0] == '\0',
                          "%s %s, %zu bytes: %s, %zu of %zu", id, what, short_caps[k],
                          glocal_status_name(st), len, n);
            free(buf);
        }
    }
    glocal_free(want);
}

/* Terms and text (legal.footer, signoff), a plural, money and a plural,
 * dates (ICU's paths), each on no channel, a gsm7 one and another. */
START_TEST(every_path_fits_exactly)
{
    static const char *const ids[] = {"legal.footer", "signoff", "cart.items", "refund.issued",
                                      "delivery.window"};
    static const char *const channels[] = {NULL, "sms", "email"};
    for (size_t i = 0; i < sizeof ids / sizeof *ids; i++)
        for (size_t k = 0; k < 3; k++) {
            glocal_request *r = request("fr-CA");
            if (channels[k])
                glocal_request_set_axis(r, "channel", channels[k], NULL);
            glocal_args *a = args_for(glocal_catalog_message(shipped, ids[i]));
            fits_exactly(shipped, ids[i], r, a, channels[k] ? channels[k] : "-");
            glocal_args_free(a);
            glocal_request_free(r);
        }
}
END_TEST

/* A literal: copied from the catalog, or through gsm7's replacements. */
START_TEST(literals_fit_exactly)
{
    glocal_request *de = request("de-CH"), *sms = request("en");
    glocal_request_set_axis(sms, "channel", "sms", NULL);
    fits_exactly(lit, "saved", de, NULL, "de-CH");
    fits_exactly(lit, "dash", de, NULL, "de-CH");
    fits_exactly(lit, "dash", sms, NULL, "sms");
    char buf[64];
    size_t len;
    ck_assert_int_eq(glocal_format_to(lit, "saved", de, NULL, buf, sizeof buf, &len, NULL),
                     GLOCAL_OK);
    ck_assert_str_eq(buf, "Ihre \xC3\x84nderungen wurden gespeichert.");
    ck_assert_int_eq(glocal_format_to(lit, "dash", sms, NULL, buf, sizeof buf, &len, NULL),
                     GLOCAL_OK);
    ck_assert_str_eq(buf, "Saved - by SMS.");
    glocal_request_free(de);
    glocal_request_free(sms);
}
END_TEST

/* The output limit stays GLOCAL_ERR_LIMIT, whatever the buffer. */
static void expect_limit(const glocal_catalog *c, const char *id, const glocal_request *r,
                         const glocal_args *a)
{
    for (int round = 0; round < 3; round++) {
        char small[4], big[4096];
        size_t len = 99;
        ck_assert_int_eq(glocal_format_to(c, id, r, a, small, sizeof small, &len, NULL),
                         GLOCAL_ERR_LIMIT);
        ck_assert_uint_eq(len, 0);
        ck_assert_int_eq(glocal_format_to(c, id, r, a, big, sizeof big, &len, NULL),
                         GLOCAL_ERR_LIMIT);
        ck_assert_str_eq(big, "");
    }
}

START_TEST(limit_is_not_buffer)
{
    glocal_options *o = NULL;
    glocal_catalog *c = NULL, *l = NULL;
    ck_assert_int_eq(glocal_options_new(&o, NULL), GLOCAL_OK);
    ck_assert_int_eq(glocal_options_set_limit(o, GLOCAL_LIMIT_OUTPUT_BYTES, 8, NULL), GLOCAL_OK);
    ck_assert_int_eq(glocal_catalog_open_with(getenv("GLOCAL_LOCALES"), o, &c, NULL), GLOCAL_OK);
    ck_assert_int_eq(glocal_catalog_open_with(dir_a, o, &l, NULL), GLOCAL_OK);
    glocal_request *r = request("de");
    glocal_args *a = args_for(glocal_catalog_message(c, "greeting"));
    expect_limit(c, "legal.footer", r, NULL);
    expect_limit(c, "greeting", r, a);
    expect_limit(l, "saved", r, NULL);
    glocal_args_free(a);
    glocal_request_free(r);
    glocal_catalog_unref(c);
    glocal_catalog_unref(l);
    glocal_options_free(o);
}
END_TEST

START_TEST(refusals)
{
    glocal_request *r = request("de");
    char buf[64];
    size_t len = 99;
    ck_assert_int_eq(glocal_format_to(NULL, "signoff", r, NULL, buf, sizeof buf, &len, NULL),
                     GLOCAL_ERR_INVALID);
    ck_assert_uint_eq(len, 0);
    ck_assert_int_eq(glocal_format_to(shipped, NULL, r, NULL, buf, sizeof buf, &len, NULL),
                     GLOCAL_ERR_INVALID);
    ck_assert_int_eq(glocal_format_to(shipped, "signoff", NULL, NULL, buf, sizeof buf, &len,
                                      NULL), GLOCAL_ERR_INVALID);
    ck_assert_int_eq(glocal_format_to(shipped, "signoff", r, NULL, buf, sizeof buf, NULL, NULL),
                     GLOCAL_ERR_INVALID);
    ck_assert_int_eq(glocal_format_to(shipped, "signoff", r, NULL, NULL, 8, &len, NULL),
                     GLOCAL_ERR_INVALID);
    for (int round = 0; round < 3; round++) {
        ck_assert_int_eq(glocal_format_to(shipped, "no.such", r, NULL, buf, sizeof buf, &len,
                                          NULL), GLOCAL_ERR_NOT_FOUND);
        ck_assert_int_eq(glocal_format_to(shipped, "greeting\xFF", r, NULL, buf, sizeof buf,
                                          &len, NULL), GLOCAL_ERR_INVALID);
        ck_assert_int_eq(glocal_format_to(shipped, "greeting", r, NULL, buf, sizeof buf, &len,
                                          NULL), GLOCAL_ERR_ARGUMENT);
        ck_assert_str_eq(buf, "");
    }
    glocal_request_free(r);
}
END_TEST

/* ---- a request changed after use ---- */

static char *formatted_in(const glocal_catalog *c, const char *id, const glocal_request *r,
                          const glocal_args *a)
{
    static char buf[4][1024];
    static int next;
    char *b = buf[next++ % 4];
    size_t len;
    ck_assert_int_eq(glocal_format_to(c, id, r, a, b, sizeof buf[0], &len, NULL), GLOCAL_OK);
    return b;
}

static char *formatted(const char *id, const glocal_request *r, const glocal_args *a)
{
    return formatted_in(shipped, id, r, a);
}

/* Each setter that changes resolution, after the memo served the message:
 * the next call serves the new resolution, exactly as a fresh request would. */
START_TEST(changed_request_never_served_stale)
{
    glocal_args *a = args_for(glocal_catalog_message(shipped, "appointment.reminder"));
    glocal_request *r = request("de"), *fresh = request("de");
    for (int i = 0; i < 3; i++)
        formatted("appointment.reminder", r, a);
    const char *before = formatted("appointment.reminder", r, a);
    glocal_request_set_axis(r, "channel", "sms", NULL);
    glocal_request_set_axis(fresh, "channel", "sms", NULL);
    ck_assert_str_ne(formatted("appointment.reminder", r, a), before);
    ck_assert_str_eq(formatted("appointment.reminder", r, a),
                     formatted("appointment.reminder", fresh, a));

    for (int i = 0; i < 3; i++)
        formatted("appointment.reminder", r, a);
    before = formatted("appointment.reminder", r, a);
    glocal_request_set_time_zone(r, "America/New_York", NULL);
    glocal_request_set_time_zone(fresh, "America/New_York", NULL);
    ck_assert_str_ne(formatted("appointment.reminder", r, a), before);
    ck_assert_str_eq(formatted("appointment.reminder", r, a),
                     formatted("appointment.reminder", fresh, a));

    glocal_request_set_axis(r, "channel", NULL, NULL);
    glocal_request_set_axis(fresh, "channel", NULL, NULL);
    ck_assert_str_eq(formatted("appointment.reminder", r, a),
                     formatted("appointment.reminder", fresh, a));
    glocal_request_free(fresh);
    glocal_request_free(r);
    glocal_args_free(a);

    /* a fallback changes the language of a message the locale lacks */
    a = args_for(glocal_catalog_message(shipped, "signoff"));
    r = request("xx");
    fresh = request("xx");
    for (int i = 0; i < 3; i++)
        formatted("signoff", r, a);
    before = formatted("signoff", r, a);
    glocal_request_add_fallback(r, "fr", NULL);
    glocal_request_add_fallback(fresh, "fr", NULL);
    ck_assert_str_ne(formatted("signoff", r, a), before);
    ck_assert_str_eq(formatted("signoff", r, a), formatted("signoff", fresh, a));
    glocal_request_free(fresh);
    glocal_request_free(r);
    glocal_args_free(a);
}
END_TEST

START_TEST(medium_and_isolation_read_every_call)
{
    glocal_args *a = NULL;
    glocal_args_new(&a, NULL);
    glocal_args_text(a, "name", "<b>", NULL);
    glocal_request *r = request("en");
    for (int i = 0; i < 3; i++)
        ck_assert_str_eq(formatted("greeting", r, a), "Hi <b>,");
    glocal_request_set_medium(r, GLOCAL_MEDIUM_HTML, NULL);
    ck_assert_str_eq(formatted("greeting", r, a), "Hi &lt;b&gt;,");
    glocal_request_set_isolation(r, GLOCAL_ISOLATE_ALWAYS, NULL);
    ck_assert_str_eq(formatted("greeting", r, a), "Hi \xE2\x81\xA8&lt;b&gt;\xE2\x81\xA9,");
    glocal_request_free(r);
    glocal_args_free(a);
}
END_TEST

/* One request, two catalogs: each serves its own text; a catalog freed and
 * another opened (maybe at the same address) never serves the freed one's. */
START_TEST(one_request_several_catalogs)
{
    glocal_request *r = request("en");
    for (int round = 0; round < 5; round++) {
        glocal_catalog *other = NULL;
        ck_assert_int_eq(glocal_catalog_open(round % 2 ? dir_a : dir_b, &other, NULL),
                         GLOCAL_OK);
        for (int i = 0; i < 3; i++) {
            ck_assert_str_eq(formatted_in(lit, "saved", r, NULL),
                             "Your changes have been saved.");
            ck_assert_str_eq(formatted_in(other, "saved", r, NULL),
                             round % 2 ? "Your changes have been saved."
                                       : "Saved in the other catalog.");
        }
        glocal_catalog_unref(other);
    }
    glocal_request_free(r);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("format-to");
    TCase *tc = tcase_create("format-to");
    tcase_add_unchecked_fixture(tc, open_catalogs, close_catalogs);
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, same_bytes_as_glocal_format);
    tcase_add_test(tc, buffer_too_small_says_the_size);
    tcase_add_test(tc, every_path_fits_exactly);
    tcase_add_test(tc, literals_fit_exactly);
    tcase_add_test(tc, limit_is_not_buffer);
    tcase_add_test(tc, refusals);
    tcase_add_test(tc, changed_request_never_served_stale);
    tcase_add_test(tc, medium_and_isolation_read_every_call);
    tcase_add_test(tc, one_request_several_catalogs);
    suite_add_tcase(s, tc);
    return run_suite(s, CK_NOFORK);
}
