/* Same answers, at full scale: every shipped message (locales/) formatted for
 * every locale, every value of every axis (and the axis unset), every channel
 * and four argument sets, once from the YAML directory and once from its
 * compiled file (glocal_compile, then glocal_catalog_open on the file, in this
 * process: a second mapping of the same file relocated, opened with verify).
 * Status, text, error message and what glocal_format_result says it served
 * must agree byte for byte.  The count of combinations is printed, so that a
 * loop that compares nothing shows. */
#include <check.h>
#include <glocal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../run_suite.h"

static const int64_t DEC1 = 1796117400000; /* 2026-12-01T09:30:00Z */

/* Four argument sets: plural categories 0, 1, few/many and a large number,
 * scripts, markup, time zones and currencies with 0, 2 and 3 decimals. */
#define NSETS 4
static const int64_t numbers[NSETS] = {0, 1, 3, 1234567};
static const char *const texts[NSETS] = {"Anna", "田中 健太", "<b>R&D</b>", "עדנה"};
static const char *const amounts[NSETS][2] = {
    {"19.90", "EUR"}, {"0", "JPY"}, {"1234.5", "USD"}, {"-3.75", "KWD"}};
static const char *const zones[NSETS] = {NULL, "America/New_York", "Asia/Kolkata", "UTC"};

typedef struct pair {
    glocal_catalog *yaml, *compiled;
} pair;

static char compiled_path[] = "/tmp/glocal-differential-XXXXXX";

/* Compiles dir in memory and writes the image to a temporary file. */
static void write_compiled(const char *dir)
{
    void *image = NULL;
    size_t len = 0;
    glocal_error *e = NULL;
    glocal_status st = glocal_compile(dir, NULL, &image, &len, &e);
    ck_assert_msg(st == GLOCAL_OK, "compile %s: %s", dir, glocal_error_message(e));
    int fd = mkstemp(compiled_path);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(write(fd, image, len), (ssize_t)len);
    ck_assert_int_eq(close(fd), 0);
    glocal_free(image);
}

static pair open_both(const char *dir)
{
    pair p = {NULL, NULL};
    glocal_options *o = NULL;
    glocal_error *e = NULL;
    write_compiled(dir);
    ck_assert_int_eq(glocal_catalog_open(dir, &p.yaml, NULL), GLOCAL_OK);
    ck_assert_int_eq(glocal_options_new(&o, NULL), GLOCAL_OK);
    ck_assert_int_eq(glocal_options_set_verify(o, 1), GLOCAL_OK);
    glocal_status st = glocal_catalog_open_with(compiled_path, o, &p.compiled, &e);
    ck_assert_msg(st == GLOCAL_OK, "open %s: %s", compiled_path, glocal_error_message(e));
    glocal_options_free(o);
    return p;
}

static void close_both(pair p)
{
    glocal_catalog_unref(p.yaml);
    glocal_catalog_unref(p.compiled);
    unlink(compiled_path);
}

static glocal_args *args_for(const glocal_message *m, int set)
{
    glocal_args *a = NULL;
    ck_assert_int_eq(glocal_args_new(&a, NULL), GLOCAL_OK);
    for (size_t i = 0; i < glocal_message_arg_count(m); i++) {
        const char *name = glocal_message_arg_name(m, i), *type = glocal_message_arg_type(m, i);
        glocal_status st;
        if (strcmp(type, "number") == 0)
            st = glocal_args_int(a, name, numbers[set], NULL);
        else if (strcmp(type, "date") == 0)
            st = glocal_args_date(a, name, DEC1 + set * 7 * 3600000LL, NULL);
        else if (strcmp(type, "day") == 0)
            st = glocal_args_day(a, name, 2026, 1 + set * 3, 1 + set * 9, NULL);
        else if (strcmp(type, "money") == 0)
            st = glocal_args_money(a, name, amounts[set][0], amounts[set][1], NULL);
        else
            st = glocal_args_text(a, name, texts[set], NULL);
        ck_assert_int_eq(st, GLOCAL_OK);
    }
    return a;
}

/* One line saying everything a call gave: status, then the text or the
 * error, then what the result says it served. */
static char *describe(glocal_catalog *c, const char *id, const glocal_request *r,
                      const glocal_args *a)
{
    glocal_result *res = NULL;
    glocal_error *e = NULL;
    char *text = NULL, *out = NULL;
    glocal_status st = glocal_format(c, id, r, a, &text, &e);
    glocal_status st_res = glocal_format_result(c, id, r, a, &res, NULL);
    ck_assert_int_eq(st, st_res);
    size_t cap = 4096 + (text ? strlen(text) : 0);
    out = malloc(cap);
    ck_assert_ptr_nonnull(out);
    if (st != GLOCAL_OK)
        snprintf(out, cap, "%s %s", glocal_status_name(st), glocal_error_message(e));
    else
        snprintf(out, cap, "OK %s | %s %s %s:%u:%u %s %s %d %s %s %s", text,
                 glocal_result_variant(res), glocal_result_bundle(res), glocal_result_file(res),
                 glocal_result_line(res), glocal_result_column(res), glocal_result_language(res),
                 glocal_result_format_locale(res), glocal_result_fallback(res),
                 glocal_result_time_zone(res), glocal_result_axis_source(res, "formality"),
                 glocal_result_axis_source(res, "channel"));
    glocal_free(text);
    glocal_error_free(e);
    glocal_result_free(res);
    return out;
}

static void set_axis(glocal_request *r, const char *axis, const char *value)
{
    if (value)
        ck_assert_int_eq(glocal_request_set_axis(r, axis, value, NULL), GLOCAL_OK);
}

/* The value of axis number k (0: unset) of axis `axis`. */
static const char *axis_value(const glocal_catalog *c, const char *axis, size_t k)
{
    return k == 0 ? NULL : glocal_catalog_axis_value(c, axis, k - 1);
}

/* Every locale x formality x tone x channel x argument set for one message;
 * returns the number of combinations compared. */
static size_t compare_message(pair p, const char *locale, const glocal_message *m)
{
    const char *id = glocal_message_id(m);
    const glocal_catalog *c = p.yaml;
    size_t nf = glocal_catalog_axis_value_count(c, "formality") + 1;
    size_t nt = glocal_catalog_axis_value_count(c, "tone") + 1;
    size_t nc = glocal_catalog_axis_value_count(c, "channel") + 1, count = 0;
    for (size_t f = 0; f < nf; f++)
        for (size_t t = 0; t < nt; t++)
            for (size_t ch = 0; ch < nc; ch++)
                for (int set = 0; set < NSETS; set++) {
                    glocal_request *r = NULL;
                    ck_assert_int_eq(glocal_request_new(locale, &r, NULL), GLOCAL_OK);
                    set_axis(r, "formality", axis_value(c, "formality", f));
                    set_axis(r, "tone", axis_value(c, "tone", t));
                    set_axis(r, "channel", axis_value(c, "channel", ch));
                    if (zones[set])
                        ck_assert_int_eq(glocal_request_set_time_zone(r, zones[set], NULL),
                                         GLOCAL_OK);
                    glocal_args *a = args_for(m, set);
                    char *want = describe(p.yaml, id, r, a), *got = describe(p.compiled, id, r, a);
                    ck_assert_msg(strcmp(want, got) == 0, "%s %s f%zu t%zu c%zu set %d:\n"
                                  "  yaml:     %s\n  compiled: %s", locale, id, f, t, ch, set,
                                  want, got);
                    free(want);
                    free(got);
                    glocal_args_free(a);
                    glocal_request_free(r);
                    count++;
                }
    return count;
}

START_TEST(every_shipped_message_formats_the_same_from_its_compiled_file)
{
    const char *dir = getenv("GLOCAL_LOCALES");
    ck_assert_ptr_nonnull(dir);
    pair p = open_both(dir);
    size_t nmsg = glocal_catalog_message_count(p.yaml), nloc = glocal_catalog_locale_count(p.yaml);
    ck_assert_uint_eq(glocal_catalog_message_count(p.compiled), nmsg);
    ck_assert_uint_eq(glocal_catalog_locale_count(p.compiled), nloc);
    /* every bundle's locale, a region without a bundle, base's language, and
     * a language the catalog lacks (base served as a fallback) */
    size_t count = 0, locales = 0;
    for (size_t l = 0; l < nloc + 3; l++, locales++) {
        const char *extra[] = {"de-AT", "en", "rm-CH"};
        const char *locale = l < nloc ? glocal_catalog_locale_at(p.yaml, l) : extra[l - nloc];
        if (l < nloc)
            ck_assert_str_eq(glocal_catalog_locale_at(p.compiled, l), locale);
        for (size_t i = 0; i < nmsg; i++) {
            const glocal_message *m = glocal_catalog_message_at(p.yaml, i);
            ck_assert_str_eq(glocal_message_id(glocal_catalog_message_at(p.compiled, i)),
                             glocal_message_id(m));
            count += compare_message(p, locale, m);
        }
    }
    printf("differential: %zu locales x %zu messages x contexts x %d argument sets = %zu "
           "calls compared, each through glocal_format and glocal_format_result\n",
           locales, nmsg, NSETS, count);
    /* 34 locales x 27 messages x 3 formalities x 4 argument sets at the very least */
    ck_assert_uint_ge(count, locales * nmsg * 3 * NSETS);
    close_both(p);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("compiled");
    TCase *tc = tcase_create("differential");
    tcase_set_timeout(tc, 1200);
    tcase_add_test(tc, every_shipped_message_formats_the_same_from_its_compiled_file);
    suite_add_tcase(s, tc);
    return run_suite(s, CK_FORK_GETENV);
}
