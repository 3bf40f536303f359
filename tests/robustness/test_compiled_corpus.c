/* The bad-input corpus of the compiled catalog file (docs/robustness.md,
 * docs/compiled.md): the shipped catalog compiled with glocal_compile, then
 * damaged one way per case — cut short, another magic, format version or ICU
 * data version, a pointer out of its region, a hash table without an empty
 * slot, a count beyond the limits — written to a file and opened through the
 * public glocal_catalog_open.  Each case asserts the exact status and the
 * start of the message (the file, then what is wrong).
 *
 * White-box: the damage is placed with the header and record definitions of
 * lib/compiled.h and lib/catalog.h (offsetof, not hand-counted offsets), so
 * the cases follow the format when it changes.  Links the internal library. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../run_suite.h"
#include "compiled.h"

static unsigned char *image;
static size_t image_len;
static char path[64];

static void compile_shipped(void)
{
    void *p = NULL;
    glocal_error *e = NULL;
    glocal_status st = glocal_compile(getenv("GLOCAL_LOCALES"), NULL, &p, &image_len, &e);
    ck_assert_msg(st == GLOCAL_OK, "%s", glocal_error_message(e));
    image = p;
}

/* A copy of the image to damage; freed by open_case. */
static unsigned char *copy(void)
{
    unsigned char *c = malloc(image_len);
    ck_assert_ptr_nonnull(c);
    memcpy(c, image, image_len);
    return c;
}

static gl_compiled_header header_of(const unsigned char *m)
{
    gl_compiled_header h;
    memcpy(&h, m, sizeof h);
    return h;
}

/* The file offset of an address laid out for the image's base. */
static uint64_t off_of(const unsigned char *m, uint64_t addr)
{
    return addr - header_of(m).base;
}

static uint64_t word(const unsigned char *m, uint64_t off)
{
    uint64_t v;
    memcpy(&v, m + off, sizeof v);
    return v;
}

static void set_word(unsigned char *m, uint64_t off, uint64_t v)
{
    memcpy(m + off, &v, sizeof v);
}

/* The file offset of the catalog record. */
static uint64_t catalog_at(const unsigned char *m)
{
    gl_compiled_header h = header_of(m);
    return off_of(m, word(m, h.root + offsetof(gl_image_root, cat)));
}

/* Writes len bytes of m as a file, opens it (with o), expects the status and
 * a message starting with "PATH: " + want (and containing `also`, when given). */
static void open_case(unsigned char *m, size_t len, const glocal_options *o, glocal_status want,
                      const char *start, const char *also)
{
    snprintf(path, sizeof path, "/tmp/glocal-compiled-corpus-XXXXXX");
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(write(fd, m, len), (ssize_t)len);
    close(fd);
    glocal_catalog *c = NULL;
    glocal_error *e = NULL;
    glocal_status st = glocal_catalog_open_with(path, o, &c, &e);
    char prefix[256];
    snprintf(prefix, sizeof prefix, "%s: %s", path, start);
    ck_assert_msg(st == want, "%s: %s, want %s: %s", path, glocal_status_name(st),
                  glocal_status_name(want), e ? glocal_error_message(e) : "(no error)");
    ck_assert_ptr_null(c);
    ck_assert_str_eq(glocal_error_file(e), path);
    ck_assert_msg(strncmp(glocal_error_message(e), prefix, strlen(prefix)) == 0,
                  "message `%s` does not start with `%s`", glocal_error_message(e), prefix);
    if (also)
        ck_assert_msg(strstr(glocal_error_message(e), also), "message `%s` lacks `%s`",
                      glocal_error_message(e), also);
    glocal_error_free(e);
    unlink(path);
    if (m != image)
        free(m);
}

/* The same for damage found when a message is first used: the file opens,
 * formatting message id fails. */
static void format_case(unsigned char *m, size_t len, const glocal_options *o, const char *id,
                        glocal_status want, const char *start, const char *also)
{
    snprintf(path, sizeof path, "/tmp/glocal-compiled-corpus-XXXXXX");
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(write(fd, m, len), (ssize_t)len);
    close(fd);
    glocal_catalog *c = NULL;
    glocal_request *r = NULL;
    glocal_args *a = NULL;
    glocal_error *e = NULL;
    char *out = NULL, prefix[256];
    glocal_status opened = glocal_catalog_open_with(path, o, &c, &e);
    if (opened != GLOCAL_OK) {
        /* a file that could not be mapped at its base (ThreadSanitizer, valgrind) is
         * relocated, and a relocated file checks every definition at open */
        ck_assert_msg(opened == want, "%s: open %s, want %s", path, glocal_status_name(opened),
                      glocal_status_name(want));
        ck_assert_msg(strstr(glocal_error_message(e), also), "message `%s` lacks `%s`",
                      glocal_error_message(e), also);
        glocal_error_free(e);
        unlink(path);
        return;
    }
    ck_assert_int_eq(glocal_request_new("de", &r, NULL), GLOCAL_OK);
    ck_assert_int_eq(glocal_args_new(&a, NULL), GLOCAL_OK);
    ck_assert_int_eq(glocal_args_text(a, "name", "Anna", NULL), GLOCAL_OK);
    glocal_status st = glocal_format(c, id, r, a, &out, &e);
    ck_assert_msg(st == want, "%s: %s, want %s: %s", path, glocal_status_name(st),
                  glocal_status_name(want), e ? glocal_error_message(e) : "(no error)");
    ck_assert_ptr_null(out);
    snprintf(prefix, sizeof prefix, "%s: %s", path, start);
    ck_assert_msg(strncmp(glocal_error_message(e), prefix, strlen(prefix)) == 0,
                  "message `%s` does not start with `%s`", glocal_error_message(e), prefix);
    ck_assert_msg(strstr(glocal_error_message(e), also), "message `%s` lacks `%s`",
                  glocal_error_message(e), also);
    glocal_error_free(e);
    glocal_args_free(a);
    glocal_request_free(r);
    glocal_catalog_unref(c);
    unlink(path);
}

START_TEST(the_undamaged_image_opens)
{
    glocal_catalog *c = NULL;
    snprintf(path, sizeof path, "/tmp/glocal-compiled-corpus-XXXXXX");
    int fd = mkstemp(path);
    ck_assert_int_eq(write(fd, image, image_len), (ssize_t)image_len);
    close(fd);
    ck_assert_int_eq(glocal_catalog_open(path, &c, NULL), GLOCAL_OK);
    glocal_catalog_unref(c);
    unlink(path);
}
END_TEST

START_TEST(truncated)
{
    open_case(image, 100, NULL, GLOCAL_ERR_SYNTAX, "truncated: 100 bytes, shorter than the header",
              NULL);
    char want[128];
    snprintf(want, sizeof want, "truncated or extended: the header says %zu bytes, the file has "
             "%zu", image_len, image_len / 2);
    open_case(image, image_len / 2, NULL, GLOCAL_ERR_SYNTAX, want, NULL);
}
END_TEST

/* Another magic is no compiled catalog: the path is read as a directory, as
 * any other file is (glocal.h). */
START_TEST(wrong_magic)
{
    unsigned char *m = copy();
    m[0] = 'X';
    open_case(m, image_len, NULL, GLOCAL_ERR_IO, "cannot read the catalog directory", NULL);
}
END_TEST

START_TEST(wrong_format_version)
{
    unsigned char *m = copy();
    uint32_t format = GL_COMPILED_FORMAT + 1;
    memcpy(m + offsetof(gl_compiled_header, format), &format, sizeof format);
    char want[160];
    snprintf(want, sizeof want, "compiled catalog format %u; this glocal (%s) reads format %u",
             format, GLOCAL_VERSION_STRING, GL_COMPILED_FORMAT);
    open_case(m, image_len, NULL, GLOCAL_ERR_SCHEMA, want, NULL);
}
END_TEST

START_TEST(wrong_icu_data_version)
{
    unsigned char *m = copy();
    gl_compiled_header h = header_of(m);
    char *data = (char *)m + offsetof(gl_compiled_header, icu_data_version);
    memset(data, 0, sizeof h.icu_data_version);
    strcpy(data, "71.1");
    char want[160];
    snprintf(want, sizeof want, "compiled with ICU data 71.1 (ICU %s); this process has ICU "
             "data %s", h.icu_version, h.icu_data_version);
    open_case(m, image_len, NULL, GLOCAL_ERR_SCHEMA, want, NULL);

    /* a version that is not printable ASCII never reaches a message (fuzz-compiled) */
    m = copy();
    memcpy(m + offsetof(gl_compiled_header, icu_version), "72.\xbb" "1", 6);
    open_case(m, image_len, NULL, GLOCAL_ERR_SYNTAX, "corrupt header", NULL);
}
END_TEST

START_TEST(pointer_out_of_bounds)
{
    unsigned char *m = copy();
    gl_compiled_header h = header_of(m);
    set_word(m, h.root + offsetof(gl_image_root, cat), h.base + image_len + 4096);
    char want[160];
    snprintf(want, sizeof want, "root record at offset %llu, field cat: a pointer",
             (unsigned long long)h.root);
    open_case(m, image_len, NULL, GLOCAL_ERR_SCHEMA, want, NULL);

    /* a string of the catalog (its directory) outside the strings region */
    m = copy();
    uint64_t cat = catalog_at(m);
    set_word(m, cat + offsetof(glocal_catalog, dir), h.base + 8);
    snprintf(want, sizeof want, "catalog record at offset %llu, field dir: a string outside the "
             "strings region", (unsigned long long)cat);
    open_case(m, image_len, NULL, GLOCAL_ERR_SCHEMA, want, NULL);
}
END_TEST

/* The message index with every slot taken: a lookup of an id it lacks would
 * probe forever. */
START_TEST(hash_table_without_an_empty_slot)
{
    unsigned char *m = copy();
    uint64_t map = catalog_at(m) + offsetof(glocal_catalog, message_index);
    uint64_t cap = word(m, map + offsetof(gl_map, cap));
    uint64_t keys = off_of(m, word(m, map + offsetof(gl_map, keys)));
    uint64_t hashes = off_of(m, word(m, map + offsetof(gl_map, hashes)));
    uint64_t some_key = 0;
    for (uint64_t i = 0; i < cap && !some_key; i++)
        some_key = word(m, keys + 8 * i);
    ck_assert_uint_ne(some_key, 0);
    for (uint64_t i = 0; i < cap; i++) {
        uint32_t hash;
        memcpy(&hash, m + hashes + 4 * i, sizeof hash);
        if (!hash) {
            hash = 1;
            memcpy(m + hashes + 4 * i, &hash, sizeof hash);
            set_word(m, keys + 8 * i, some_key);
        }
    }
    set_word(m, map + offsetof(gl_map, count), cap);
    char want[160];
    snprintf(want, sizeof want, "map record at offset %llu", (unsigned long long)map);
    open_case(m, image_len, NULL, GLOCAL_ERR_SCHEMA, want, "map count does not match its slots");
}
END_TEST

START_TEST(count_beyond_the_limits)
{
    /* the file's 31 bundles against a process that allows 8 */
    glocal_options *o = NULL;
    ck_assert_int_eq(glocal_options_new(&o, NULL), GLOCAL_OK);
    ck_assert_int_eq(glocal_options_set_limit(o, GLOCAL_LIMIT_BUNDLES, 8, NULL), GLOCAL_OK);
    char want[160];
    snprintf(want, sizeof want, "catalog record at offset %llu",
             (unsigned long long)catalog_at(image));
    open_case(image, image_len, o, GLOCAL_ERR_SCHEMA, want, "bundle count out of range");
    glocal_options_free(o);

    /* a message definition with more variants than the limit: definitions are
     * checked when their message is first used (docs/compiled.md), so the
     * open succeeds and formatting that message fails */
    ck_assert_int_eq(glocal_options_new(&o, NULL), GLOCAL_OK);
    ck_assert_int_eq(glocal_options_set_limit(o, GLOCAL_LIMIT_VARIANTS, 1, NULL), GLOCAL_OK);
    format_case(image, image_len, o, "greeting", GLOCAL_ERR_SCHEMA,
                "definition record at offset ", "more variants than the limit");
    glocal_options_free(o);

    /* a count no region could hold: the catalog's message count, which the
     * first bundle's array of definitions (one per message) meets first */
    unsigned char *m = copy();
    uint64_t cat = catalog_at(m);
    set_word(m, cat + offsetof(glocal_catalog, nmessages), (uint64_t)1 << 60);
    snprintf(want, sizeof want, "bundle record at offset %llu, field msgs: an array count "
             "larger than the records region",
             (unsigned long long)off_of(m, word(m, cat + offsetof(glocal_catalog, bundles))));
    open_case(m, image_len, NULL, GLOCAL_ERR_SCHEMA, want, NULL);
}
END_TEST

START_TEST(checksum_only_with_verify)
{
    /* a flipped byte in a kept source: structure intact, so only verify sees it */
    unsigned char *m = copy();
    gl_compiled_header h = header_of(m);
    m[h.region[GL_REGION_SOURCES].off + h.region[GL_REGION_SOURCES].len - 2] ^= 0x20;
    glocal_catalog *c = NULL;
    snprintf(path, sizeof path, "/tmp/glocal-compiled-corpus-XXXXXX");
    int fd = mkstemp(path);
    ck_assert_int_eq(write(fd, m, image_len), (ssize_t)image_len);
    close(fd);
    ck_assert_int_eq(glocal_catalog_open(path, &c, NULL), GLOCAL_OK);
    glocal_catalog_unref(c);
    unlink(path);
    glocal_options *o = NULL;
    ck_assert_int_eq(glocal_options_new(&o, NULL), GLOCAL_OK);
    ck_assert_int_eq(glocal_options_set_verify(o, 1), GLOCAL_OK);
    open_case(m, image_len, o, GLOCAL_ERR_SYNTAX, "content checksum mismatch: the header says "
              "sha256 ", NULL);
    glocal_options_free(o);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("compiled-corpus");
    TCase *tc = tcase_create("compiled-corpus");
    tcase_add_unchecked_fixture(tc, compile_shipped, NULL);
    tcase_add_test(tc, the_undamaged_image_opens);
    tcase_add_test(tc, truncated);
    tcase_add_test(tc, wrong_magic);
    tcase_add_test(tc, wrong_format_version);
    tcase_add_test(tc, wrong_icu_data_version);
    tcase_add_test(tc, pointer_out_of_bounds);
    tcase_add_test(tc, hash_table_without_an_empty_slot);
    tcase_add_test(tc, count_beyond_the_limits);
    tcase_add_test(tc, checksum_only_with_verify);
    suite_add_tcase(s, tc);
    return run_suite(s, CK_FORK_GETENV);
}
