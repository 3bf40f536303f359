/* The output limit bounds memory while the text is written: a format call
 * whose output would pass GLOCAL_LIMIT_OUTPUT_BYTES never holds more than
 * four times the limit at once (docs/robustness.md), however often a template
 * repeats a long argument or term, on every writing path: simple templates,
 * the plural/select walker, ICU's MessageFormat.  The test replaces malloc and
 * friends to count the bytes live at the peak of each call; it is built only
 * without sanitizers, which own the allocator. */
#include <check.h>
#include <glocal.h>
#include <malloc.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../run_suite.h"

extern void *__libc_malloc(size_t n);
extern void *__libc_calloc(size_t n, size_t size);
extern void *__libc_realloc(void *p, size_t n);
extern void __libc_free(void *p);

static size_t live, peak;

static void counted(void *p)
{
    if (p && (live += malloc_usable_size(p)) > peak)
        peak = live;
}

static void uncounted(void *p)
{
    if (p)
        live -= malloc_usable_size(p);
}

void *malloc(size_t n)
{
    void *p = __libc_malloc(n);
    counted(p);
    return p;
}

void *calloc(size_t n, size_t size)
{
    void *p = __libc_calloc(n, size);
    counted(p);
    return p;
}

void *realloc(void *p, size_t n)
{
    size_t old = p ? malloc_usable_size(p) : 0;
    void *q = __libc_realloc(p, n);
    if (q || n == 0) {
        live -= old;
        counted(q);
    }
    return q;
}

void free(void *p)
{
    uncounted(p);
    __libc_free(p);
}

enum { LIMIT = 256 << 10, ARG = 100 << 10 };

static char dir[] = "/tmp/glocal-outmem-XXXXXX";
static glocal_catalog *cat;
static char *big_text;

/* `n` copies of `unit`, between `head` and `tail`, as one YAML line. */
static void put_repeated(FILE *f, const char *head, const char *unit, int n, const char *tail)
{
    fputs(head, f);
    for (int i = 0; i < n; i++)
        fputs(unit, f);
    fputs(tail, f);
}

/* Messages that repeat a long argument or term far past the limit: a naive
 * writer would need hundreds of megabytes for any of them. */
static void write_catalog(void)
{
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char path[256];
    snprintf(path, sizeof path, "%s/base.yaml", dir);
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs("glocal: 1\nlocale: base\nlanguage: en\nterms:\n  big: \"", f);
    for (int i = 0; i < 20000; i++)
        fputc('t', f);
    fputs("\"\nmessages:\n", f);
    put_repeated(f, "  simple: \"", "{name}", 4000, "\"\n");
    put_repeated(f, "  term: \"", "{-big}", 4000, "\"\n");
    put_repeated(f, "  numbers: \"", "{d, number}", 4000, "\"\n");
    put_repeated(f, "  walked: \"{n, plural, one {x} other {", "{name}", 4000, "}}\"\n");
    put_repeated(f, "  offset: \"{n, plural, offset:1 =5 {x} other {#", "{name}", 4000,
                 "}}\"\n");
    fputs("  slots: \"{n, plural, one {x} other {", f);
    for (int i = 0; i < 200; i++)
        fprintf(f, "{a%d}", i);
    fputs("}}\"\n  fits: \"{name}{name}\"\n", f);
    fputs("  icu_fits: \"{n, plural, one {x} other {{name}}}\"\n", f);
    fputs("  saved: \"Your changes have been saved.\"\n", f);
    fclose(f);
    glocal_options *o = NULL;
    glocal_options_new(&o, NULL);
    ck_assert_int_eq(glocal_options_set_limit(o, GLOCAL_LIMIT_OUTPUT_BYTES, LIMIT, NULL),
                     GLOCAL_OK);
    glocal_error *e = NULL;
    ck_assert_msg(glocal_catalog_open_with(dir, o, &cat, &e) == GLOCAL_OK, "%s",
                  glocal_error_message(e));
    glocal_options_free(o);
}

static void remove_catalog(void)
{
    glocal_catalog_unref(cat);
    char path[256];
    snprintf(path, sizeof path, "%s/base.yaml", dir);
    unlink(path);
    rmdir(dir);
}

/* name: `name_len` bytes (at most ARG); n: an int, or the fraction 1.5 that only
 * MessageFormat formats; d: 10,000 digits; a0..a199: `name_len` bytes each. */
static glocal_args *args(size_t name_len, bool fraction)
{
    glocal_args *a = NULL;
    glocal_args_new(&a, NULL);
    char saved = big_text[name_len];
    big_text[name_len] = '\0';
    glocal_args_text(a, "name", big_text, NULL);
    for (int i = 0; i < 200; i++) {
        char key[8];
        snprintf(key, sizeof key, "a%d", i);
        glocal_args_text(a, key, big_text, NULL);
    }
    big_text[name_len] = saved;
    if (fraction)
        glocal_args_double(a, "n", 1.5, NULL);
    else
        glocal_args_int(a, "n", 2, NULL);
    glocal_args_decimal(a, "d", "9e9999", NULL);
    return a;
}

/* Formats `id`, returning its status and in *most the bytes the call held
 * at its peak beyond what was live before it. */
static glocal_status format_counted(const char *id, glocal_args *a, size_t *most)
{
    glocal_request *r = NULL;
    ck_assert_int_eq(glocal_request_new("en", &r, NULL), GLOCAL_OK);
    char *out = NULL;
    glocal_error *e = NULL;
    size_t before = live;
    peak = live;
    glocal_status st = glocal_format(cat, id, r, a, &out, &e);
    *most = peak - before;
    free(out);
    glocal_error_free(e);
    glocal_request_free(r);
    return st;
}

static void expect_bounded(const char *id, bool fraction, size_t name_len, glocal_status want)
{
    /* a first call with short arguments fills the per-thread ICU caches,
     * which belong to the thread, not to one call */
    size_t most;
    glocal_args *small = args(8, fraction);
    format_counted(id, small, &most);
    glocal_args_free(small);
    glocal_args *a = args(name_len, fraction);
    ck_assert_int_eq(format_counted(id, a, &most), want);
    glocal_args_free(a);
    ck_assert_msg(most <= 4 * (size_t)LIMIT, "`%s` held %zu bytes at once; limit %d", id, most,
                  LIMIT);
}

START_TEST(repeated_argument)
{
    expect_bounded("simple", false, ARG, GLOCAL_ERR_LIMIT);
}
END_TEST

START_TEST(repeated_term)
{
    expect_bounded("term", false, ARG, GLOCAL_ERR_LIMIT);
}
END_TEST

START_TEST(repeated_long_number)
{
    expect_bounded("numbers", false, ARG, GLOCAL_ERR_LIMIT);
}
END_TEST

START_TEST(plural_walker)
{
    expect_bounded("walked", false, ARG, GLOCAL_ERR_LIMIT);
}
END_TEST

START_TEST(messageformat_fraction)
{
    expect_bounded("walked", true, ARG, GLOCAL_ERR_LIMIT);
}
END_TEST

START_TEST(messageformat_offset)
{
    expect_bounded("offset", false, ARG, GLOCAL_ERR_LIMIT);
}
END_TEST

START_TEST(many_slot_texts)
{
    expect_bounded("slots", false, ARG, GLOCAL_ERR_LIMIT);
}
END_TEST

/* Just under the limit the text is written in full, within the same bound. */
START_TEST(output_under_limit)
{
    expect_bounded("fits", false, ARG, GLOCAL_OK);
}
END_TEST

/* MessageFormat is handed a text whose UTF-16 copies fit in the limit (a
 * slot of a quarter of it, in the output once), and formats it. */
START_TEST(messageformat_under_limit)
{
    expect_bounded("icu_fits", true, LIMIT / 4 - 1024, GLOCAL_OK);
}
END_TEST

/* glocal_format_to allocates nothing on the literal and text paths: not on
 * the first call of a request built for one call, nor once the request's
 * memo serves the message (its second call fills the memo: that allocates). */
static void expect_no_allocation(const char *id)
{
    glocal_args *a = args(8, false);
    glocal_request *r = NULL;
    char buf[256];
    size_t len;
    ck_assert_int_eq(glocal_request_new("en", &r, NULL), GLOCAL_OK);
    /* the catalog's chain for "en" is built on first use, once per catalog */
    ck_assert_int_eq(glocal_format_to(cat, id, r, a, buf, sizeof buf, &len, NULL), GLOCAL_OK);
    glocal_request_free(r);
    ck_assert_int_eq(glocal_request_new("en", &r, NULL), GLOCAL_OK);
    for (int call = 0; call < 5; call++) {
        size_t before = live;
        peak = live;
        glocal_status st = glocal_format_to(cat, id, r, a, buf, sizeof buf, &len, NULL);
        size_t most = peak; /* Check's asserts allocate */
        ck_assert_int_eq(st, GLOCAL_OK);
        ck_assert_msg(call == 1 || most == before, "`%s`, call %d: %zu bytes allocated", id,
                      call, most - before);
    }
    glocal_request_free(r);
    glocal_args_free(a);
}

START_TEST(format_to_literal_allocates_nothing)
{
    expect_no_allocation("saved");
}
END_TEST

START_TEST(format_to_text_allocates_nothing)
{
    expect_no_allocation("fits");
}
END_TEST

int main(void)
{
    big_text = __libc_malloc(ARG + 1);
    memset(big_text, 'x', ARG);
    big_text[ARG] = '\0';
    Suite *s = suite_create("output-memory");
    TCase *tc = tcase_create("output-memory");
    tcase_add_unchecked_fixture(tc, write_catalog, remove_catalog);
    tcase_add_test(tc, repeated_argument);
    tcase_add_test(tc, repeated_term);
    tcase_add_test(tc, repeated_long_number);
    tcase_add_test(tc, plural_walker);
    tcase_add_test(tc, messageformat_fraction);
    tcase_add_test(tc, messageformat_offset);
    tcase_add_test(tc, many_slot_texts);
    tcase_add_test(tc, output_under_limit);
    tcase_add_test(tc, messageformat_under_limit);
    tcase_add_test(tc, format_to_literal_allocates_nothing);
    tcase_add_test(tc, format_to_text_allocates_nothing);
    suite_add_tcase(s, tc);
    int rc = run_suite(s, CK_NOFORK);
    __libc_free(big_text);
    return rc;
}
