/* The compiled catalog (docs/compiled.md): SHA-256 against FIPS 180-4's
 * vectors; the shipped catalog compiled and opened from its file gives the
 * same answers as from its directory, byte for byte, at the preferred base
 * and relocated; hostile files (truncated, bit-flipped, other versions) are
 * refused with GLOCAL_ERR_SYNTAX or GLOCAL_ERR_SCHEMA, never a crash.
 * White-box: it links the internal library for sha256.h and compiled.h. */
#include <check.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../run_suite.h"
#include "compiled.h"
#include "sha256.h"

static const char *locales;
static char tmpdir[] = "/tmp/glocal-compiled-XXXXXX";
static unsigned char *image;
static size_t image_len;
static char image_path[4096];

/* ---- SHA-256 ---- */

static void sha_hex(const void *data, size_t n, char out[65])
{
    uint8_t d[GL_SHA256_LEN];
    gl_sha256(data, n, d);
    for (int i = 0; i < GL_SHA256_LEN; i++)
        sprintf(out + 2 * i, "%02x", d[i]);
}

START_TEST(sha256_vectors)
{
    char hex[65];
    sha_hex("abc", 3, hex);
    ck_assert_str_eq(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    sha_hex("", 0, hex);
    ck_assert_str_eq(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    sha_hex(two, strlen(two), hex);
    ck_assert_str_eq(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    const char *four = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno"
                       "ijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";
    sha_hex(four, strlen(four), hex);
    ck_assert_str_eq(hex, "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
    /* one million 'a', fed in uneven pieces: the streaming path */
    gl_sha256_ctx s;
    gl_sha256_init(&s);
    char block[997];
    memset(block, 'a', sizeof block);
    size_t left = 1000000;
    while (left) {
        size_t n = left < sizeof block ? left : sizeof block;
        gl_sha256_update(&s, block, n);
        left -= n;
    }
    uint8_t d[GL_SHA256_LEN];
    gl_sha256_final(&s, d);
    for (int i = 0; i < GL_SHA256_LEN; i++)
        sprintf(hex + 2 * i, "%02x", d[i]);
    ck_assert_str_eq(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}
END_TEST

/* ---- fixtures ---- */

static void write_file(const char *path, const void *p, size_t n)
{
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_eq(fwrite(p, 1, n, f), n);
    ck_assert_int_eq(fclose(f), 0);
}

static void setup_image(void)
{
    glocal_error *e = NULL;
    void *img = NULL;
    glocal_status st = glocal_compile(locales, NULL, &img, &image_len, &e);
    ck_assert_msg(st == GLOCAL_OK, "compile: %s", glocal_error_message(e));
    image = img;
    snprintf(image_path, sizeof image_path, "%s/locales.glc", tmpdir);
    write_file(image_path, image, image_len);
}

static void teardown_image(void)
{
    glocal_free(image);
    image = NULL;
    unlink(image_path);
}

static glocal_catalog *open_ok(const char *path)
{
    glocal_catalog *c = NULL;
    glocal_error *e = NULL;
    glocal_status st = glocal_catalog_open(path, &c, &e);
    ck_assert_msg(st == GLOCAL_OK, "open %s: %s", path, glocal_error_message(e));
    return c;
}

/* ---- same answers ---- */

static const char *const formalities[] = {NULL, "formal", "informal"};
static const char *const channels[] = {NULL, "email", "sms", "chat", "whatsapp", "push", "line",
                                       "wechat", "kakaotalk", "voice"};

/* Two argument sets per message, from its declared types: the second takes
 * plural and select to other branches. */
static glocal_args *args_for(const glocal_message *m, int set)
{
    glocal_args *a = NULL;
    ck_assert_int_eq(glocal_args_new(&a, NULL), GLOCAL_OK);
    for (size_t i = 0; i < glocal_message_arg_count(m); i++) {
        const char *name = glocal_message_arg_name(m, i), *type = glocal_message_arg_type(m, i);
        if (strcmp(type, "number") == 0)
            glocal_args_int(a, name, set ? 1 : 3, NULL);
        else if (strcmp(type, "date") == 0)
            glocal_args_date(a, name, set ? 1767225600000 : 1796117400000, NULL);
        else if (strcmp(type, "day") == 0)
            glocal_args_day(a, name, 2026, 12, set ? 31 : 1, NULL);
        else if (strcmp(type, "money") == 0)
            glocal_args_money(a, name, set ? "1234.5" : "19.90", set ? "JPY" : "EUR", NULL);
        else
            glocal_args_text(a, name, set ? "female" : "Anna", NULL);
    }
    return a;
}

/* "STATUS\ttext or error message" of one format call. */
static char *answer(const glocal_catalog *c, const char *id, const glocal_request *r,
                    const glocal_args *a)
{
    char *out = NULL;
    glocal_error *e = NULL;
    glocal_status st = glocal_format(c, id, r, a, &out, &e);
    size_t n = strlen(out ? out : "") + strlen(e ? glocal_error_message(e) : "") + 32;
    char *s = malloc(n);
    snprintf(s, n, "%s\t%s", glocal_status_name(st), st == GLOCAL_OK ? out : glocal_error_message(e));
    glocal_free(out);
    glocal_error_free(e);
    return s;
}

/* Formats every message x locale x formality x channel x argument set from
 * both catalogs; returns the number of answers compared. */
static size_t compare_all(const glocal_catalog *yaml, const glocal_catalog *comp)
{
    size_t compared = 0;
    ck_assert_uint_eq(glocal_catalog_message_count(comp), glocal_catalog_message_count(yaml));
    ck_assert_uint_eq(glocal_catalog_locale_count(comp), glocal_catalog_locale_count(yaml));
    for (size_t l = 0; l <= glocal_catalog_locale_count(yaml); l++) {
        const char *loc = l < glocal_catalog_locale_count(yaml) ? glocal_catalog_locale_at(yaml, l)
                                                               : "und";
        ck_assert_str_eq(loc, l < glocal_catalog_locale_count(yaml)
                                  ? glocal_catalog_locale_at(comp, l) : "und");
        for (size_t f = 0; f < sizeof formalities / sizeof *formalities; f++)
            for (size_t ch = 0; ch < sizeof channels / sizeof *channels; ch++) {
                glocal_request *r = NULL;
                ck_assert_int_eq(glocal_request_new(loc, &r, NULL), GLOCAL_OK);
                if (formalities[f])
                    glocal_request_set_axis(r, "formality", formalities[f], NULL);
                if (channels[ch] && glocal_request_set_axis(r, "channel", channels[ch], NULL))
                    continue; /* a channel this catalog lacks */
                for (size_t i = 0; i < glocal_catalog_message_count(yaml); i++) {
                    const glocal_message *m = glocal_catalog_message_at(yaml, i);
                    for (int set = 0; set < 2; set++) {
                        glocal_args *a = args_for(m, set);
                        char *want = answer(yaml, glocal_message_id(m), r, a);
                        char *got = answer(comp, glocal_message_id(m), r, a);
                        ck_assert_msg(strcmp(want, got) == 0, "%s %s %s/%s: yaml `%s`, compiled `%s`",
                                      glocal_message_id(m), loc, formalities[f] ? formalities[f] : "-",
                                      channels[ch] ? channels[ch] : "-", want, got);
                        free(want);
                        free(got);
                        glocal_args_free(a);
                        compared++;
                    }
                }
                glocal_request_free(r);
            }
    }
    return compared;
}

START_TEST(same_answers_at_base_and_relocated)
{
    glocal_catalog *yaml = open_ok(locales);
    glocal_catalog *first = open_ok(image_path);  /* the preferred base, normally */
    glocal_catalog *second = open_ok(image_path); /* that address is taken: relocated */
    uint64_t base = ((const gl_compiled_header *)image)->base;
    uintptr_t at = (uintptr_t)second->bundles;
    ck_assert_msg(at < base || at >= base + image_len, "the second open was not relocated");
    size_t n = compare_all(yaml, first);
    ck_assert_uint_gt(n, 10000);
    ck_assert_uint_eq(compare_all(yaml, second), n);
    ck_assert_uint_eq(glocal_findings_count(glocal_catalog_warnings(first)),
                      glocal_findings_count(glocal_catalog_warnings(yaml)));
    glocal_catalog_unref(second);
    glocal_catalog_unref(first);
    glocal_catalog_unref(yaml);
}
END_TEST

START_TEST(kept_sources_are_the_files)
{
    glocal_catalog *c = open_ok(image_path);
    size_t n = 0;
    gl_source *s = gl_compiled_sources(c, &n);
    ck_assert_ptr_nonnull(s);
    ck_assert_uint_eq(n, glocal_catalog_locale_count(c) + 1);
    ck_assert_str_eq(s[0].name, "base.yaml");
    for (size_t i = 0; i < n; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", locales, s[i].name);
        FILE *f = fopen(path, "rb");
        ck_assert_ptr_nonnull(f);
        char *buf = malloc(s[i].len + 1);
        ck_assert_uint_eq(fread(buf, 1, s[i].len + 1, f), s[i].len);
        fclose(f);
        ck_assert(memcmp(buf, s[i].bytes, s[i].len) == 0);
        free(buf);
    }
    /* lint's way back: the kept sources load into the same catalog */
    gl_diag d = {0};
    glocal_catalog *again = NULL;
    ck_assert_int_eq(gl_catalog_load_sources(s, n, locales, NULL, &d, &again), GLOCAL_OK);
    ck_assert_uint_eq(glocal_catalog_message_count(again), glocal_catalog_message_count(c));
    gl_catalog_free(again);
    glocal_findings_free(d.findings);
    free(s);
    glocal_catalog_unref(c);
}
END_TEST

/* Reproducible: the same directory gives the same bytes (no padding, address
 * or order left to chance), so a deploy can compare digests. */
START_TEST(compiling_twice_gives_the_same_bytes)
{
    void *again = NULL;
    size_t len = 0;
    ck_assert_int_eq(glocal_compile(locales, NULL, &again, &len, NULL), GLOCAL_OK);
    ck_assert_uint_eq(len, image_len);
    ck_assert(memcmp(again, image, len) == 0);
    glocal_free(again);
}
END_TEST

START_TEST(compile_refuses_what_open_refuses)
{
    void *img = (void *)1;
    size_t len = 1;
    glocal_error *e = NULL;
    ck_assert_int_eq(glocal_compile("/nonexistent-glocal-dir", NULL, &img, &len, &e),
                     GLOCAL_ERR_IO);
    ck_assert_ptr_null(img);
    ck_assert_uint_eq(len, 0);
    ck_assert_ptr_nonnull(strstr(glocal_error_message(e), "/nonexistent-glocal-dir"));
    glocal_error_free(e);
    ck_assert_int_eq(glocal_compile(NULL, NULL, &img, &len, NULL), GLOCAL_ERR_INVALID);
    ck_assert_int_eq(glocal_compile(locales, NULL, NULL, &len, NULL), GLOCAL_ERR_INVALID);
    ck_assert_int_eq(glocal_options_set_verify(NULL, 1), GLOCAL_ERR_INVALID);
}
END_TEST

/* ---- hostile files ---- */

/* Opens bytes from memory and from a file; both must agree and never crash. */
static glocal_status open_bytes(const unsigned char *p, size_t n, bool verify, char **msg)
{
    glocal_options *o = NULL;
    glocal_options_new(&o, NULL);
    glocal_options_set_verify(o, verify);
    glocal_catalog *c = NULL;
    glocal_error *e = NULL;
    glocal_status st = gl_compiled_open_image(p, n, "hostile.glc", o, &c, &e);
    if (st == GLOCAL_OK) {
        /* what formatting follows was validated: use it */
        glocal_request *r = NULL;
        glocal_request_new("de-CH", &r, NULL);
        for (size_t i = 0; i < glocal_catalog_message_count(c); i++) {
            char *out = NULL;
            glocal_format(c, glocal_message_id(glocal_catalog_message_at(c, i)), r, NULL, &out,
                          NULL);
            glocal_free(out);
        }
        glocal_request_free(r);
    } else {
        ck_assert_ptr_nonnull(e);
        ck_assert_ptr_nonnull(strstr(glocal_error_message(e), "hostile.glc"));
        ck_assert_msg(st == GLOCAL_ERR_SYNTAX || st == GLOCAL_ERR_SCHEMA, "%s: %s",
                      glocal_status_name(st), glocal_error_message(e));
    }
    if (msg)
        *msg = e ? gl_strdup(glocal_error_message(e)) : NULL;
    glocal_error_free(e);
    glocal_catalog_unref(c);
    glocal_options_free(o);
    return st;
}

START_TEST(truncated_files_are_refused)
{
    size_t cuts[] = {0, 1, 7, 8, 100, sizeof(gl_compiled_header) - 1, sizeof(gl_compiled_header),
                     4096, 4097, image_len / 2, image_len - 1};
    for (size_t i = 0; i < sizeof cuts / sizeof *cuts; i++) {
        char *msg = NULL;
        ck_assert_int_eq(open_bytes(image, cuts[i], false, &msg), GLOCAL_ERR_SYNTAX);
        free(msg);
    }
    /* and as a file: the same refusal, naming it */
    char path[4096];
    snprintf(path, sizeof path, "%s/cut.glc", tmpdir);
    write_file(path, image, image_len - 10);
    glocal_catalog *c = NULL;
    glocal_error *e = NULL;
    ck_assert_int_eq(glocal_catalog_open(path, &c, &e), GLOCAL_ERR_SYNTAX);
    ck_assert_ptr_nonnull(strstr(glocal_error_message(e), "truncated"));
    ck_assert_ptr_nonnull(strstr(glocal_error_message(e), path));
    glocal_error_free(e);
    unlink(path);
}
END_TEST

static uint64_t rng_state = 0x9e3779b97f4a7c15ull;

static uint64_t rng(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

START_TEST(flipped_bits_never_crash_and_verify_finds_them)
{
    unsigned char *copy = malloc(image_len);
    const gl_compiled_header *h = (const gl_compiled_header *)image;
    uint64_t rec_end = h->region[GL_REGION_RECORDS].off + h->region[GL_REGION_RECORDS].len;
    glocal_catalog *holder = NULL; /* from half way, it holds the base: opens relocate */
    for (int i = 0; i < 1500; i++) {
        if (i == 750)
            ck_assert_int_eq(gl_compiled_open_image(image, image_len, "good.glc", NULL, &holder,
                                                    NULL), GLOCAL_OK);
        memcpy(copy, image, image_len);
        /* mostly the header and records, which open reads */
        uint64_t at = i % 4 == 3 ? rng() % image_len : rng() % rec_end;
        copy[at] ^= (unsigned char)(1u << (rng() % 8));
        open_bytes(copy, image_len, false, NULL);
        if (i % 10 == 0)
            ck_assert_int_ne(open_bytes(copy, image_len, true, NULL), GLOCAL_OK);
    }
    /* random words in the records: hostile values, not just one bit */
    for (int i = 0; i < 500; i++) {
        memcpy(copy, image, image_len);
        uint64_t at = (GL_COMPILED_PAGE + rng() % (rec_end - GL_COMPILED_PAGE - 8)) & ~7ull;
        uint64_t v = i % 2 ? rng() : h->base + rng() % image_len;
        memcpy(copy + at, &v, sizeof v);
        open_bytes(copy, image_len, false, NULL);
    }
    glocal_catalog_unref(holder);
    free(copy);
}
END_TEST

START_TEST(other_versions_are_refused_naming_both)
{
    unsigned char *copy = malloc(image_len);
    gl_compiled_header h;
    char *msg = NULL;

    memcpy(copy, image, image_len);
    memcpy(&h, copy, sizeof h);
    strcpy(h.icu_data_version, "99.9");
    memcpy(copy, &h, sizeof h);
    ck_assert_int_eq(open_bytes(copy, image_len, false, &msg), GLOCAL_ERR_SCHEMA);
    char icu[16], data[16];
    gl_icu_versions(icu, data);
    ck_assert_ptr_nonnull(strstr(msg, "ICU data 99.9"));
    ck_assert_ptr_nonnull(strstr(msg, data));
    free(msg);

    memcpy(copy, image, image_len);
    h.format = GL_COMPILED_FORMAT + 1;
    strcpy(h.icu_data_version, data);
    memcpy(copy, &h, sizeof h);
    ck_assert_int_eq(open_bytes(copy, image_len, false, &msg), GLOCAL_ERR_SCHEMA);
    ck_assert_ptr_nonnull(strstr(msg, "format 2"));
    ck_assert_ptr_nonnull(strstr(msg, "format 1"));
    free(msg);

    memcpy(copy, image, image_len);
    copy[0] = 'X';
    ck_assert_int_eq(open_bytes(copy, image_len, false, &msg), GLOCAL_ERR_SYNTAX);
    ck_assert_ptr_nonnull(strstr(msg, "not a compiled glocal catalog"));
    free(msg);
    free(copy);
}
END_TEST

START_TEST(verify_names_the_mismatch)
{
    unsigned char *copy = malloc(image_len);
    memcpy(copy, image, image_len);
    const gl_compiled_header *h = (const gl_compiled_header *)image;
    copy[h->region[GL_REGION_SOURCES].off + 10] ^= 1; /* a kept source: open never reads it */
    ck_assert_int_eq(open_bytes(copy, image_len, false, NULL), GLOCAL_OK);
    char *msg = NULL;
    ck_assert_int_eq(open_bytes(copy, image_len, true, &msg), GLOCAL_ERR_SYNTAX);
    ck_assert_ptr_nonnull(strstr(msg, "content checksum mismatch"));
    free(msg);
    ck_assert_int_eq(open_bytes(image, image_len, true, NULL), GLOCAL_OK);
    free(copy);
}
END_TEST

/* A corrupt definition in a file at its base: open defers it, and the first
 * format of that message refuses it, naming the file and the record. */
START_TEST(a_corrupt_definition_is_refused_on_first_use)
{
    unsigned char *copy = malloc(image_len);
    memcpy(copy, image, image_len);
    const gl_compiled_header *h = (const gl_compiled_header *)image;
    const gl_image_root *root = (const gl_image_root *)(image + h->root);
    uint64_t blocks_at = (uint64_t)(uintptr_t)root->def_blocks - h->base, block0;
    memcpy(&block0, copy + blocks_at, sizeof block0);
    block0 = (block0 + 7) / 8 * 8;  /* message 0's first definition: base's */
    copy[block0 + offsetof(gl_msgdef, scalar)] = 7; /* a bool that is neither 0 nor 1 */
    glocal_catalog *c = NULL;
    glocal_error *e = NULL;
    ck_assert_int_eq(gl_compiled_open_image(copy, image_len, "corrupt.glc", NULL, &c, &e),
                     GLOCAL_OK);
    if ((uintptr_t)c->bundles >= h->base && (uintptr_t)c->bundles < h->base + image_len) {
        glocal_request *r = NULL;
        glocal_request_new("de", &r, NULL);
        char *out = NULL;
        ck_assert_int_eq(glocal_format(c, c->messages[0].id, r, NULL, &out, &e),
                         GLOCAL_ERR_SCHEMA);
        ck_assert_ptr_nonnull(strstr(glocal_error_message(e), "corrupt.glc"));
        ck_assert_ptr_nonnull(strstr(glocal_error_message(e), "definition record"));
        glocal_error_free(e);
        e = NULL;
        /* the verdict is kept: the same error again */
        ck_assert_int_eq(glocal_format(c, c->messages[0].id, r, NULL, &out, &e),
                         GLOCAL_ERR_SCHEMA);
        glocal_error_free(e);
        glocal_request_free(r);
        glocal_catalog_unref(c);
    } else {
        ck_abort_msg("the preferred base was taken in a fresh process");
    }
    /* relocated, the same definition is refused at open */
    glocal_catalog *first = NULL;
    ck_assert_int_eq(gl_compiled_open_image(image, image_len, "good.glc", NULL, &first, NULL),
                     GLOCAL_OK);
    ck_assert_int_eq(gl_compiled_open_image(copy, image_len, "corrupt.glc", NULL, &c, &e),
                     GLOCAL_ERR_SCHEMA);
    ck_assert_ptr_nonnull(strstr(glocal_error_message(e), "definition record"));
    glocal_error_free(e);
    glocal_catalog_unref(first);
    free(copy);
}
END_TEST

/* Every variant's key is one of the catalog's key records, one per distinct
 * key: the file holds each once, and two variants written with the same key
 * share it, in every bundle. */
START_TEST(variants_share_one_key_record_per_key)
{
    glocal_catalog *c = open_ok(image_path);
    size_t shared = 0;
    for (uint32_t m = 0; m < c->nmessages; m++) {
        ck_assert_int_eq(gl_compiled_message_ready(c, m, NULL), GLOCAL_OK);
        for (size_t b = 0; b < c->nbundles; b++) {
            const gl_msgdef *d = c->bundles[b].msgs[m];
            for (uint32_t i = 0; d && i < d->nv; i++) {
                const gl_vkey *k = d->v[i].key;
                ck_assert_ptr_nonnull(k);
                uint32_t at = 0;
                while (at < c->nvkeys && c->vkeys[at] != k)
                    at++;
                ck_assert_uint_lt(at, c->nvkeys);
                ck_assert_int_eq(k - c->vkeys[0], at); /* one table, in order */
                shared += strcmp(k->text, "other") == 0;
            }
        }
    }
    for (uint32_t a = 0; a < c->nvkeys; a++)
        for (uint32_t b = a + 1; b < c->nvkeys; b++)
            ck_assert_str_ne(c->vkeys[a]->text, c->vkeys[b]->text);
    ck_assert_uint_gt(shared, 1); /* `other` is written in several messages */
    glocal_catalog_unref(c);
}
END_TEST

/* Message 0's definition in base, in a copy of the image: its offset. */
static uint64_t first_definition(const unsigned char *img)
{
    const gl_compiled_header *h = (const gl_compiled_header *)img;
    const gl_image_root *root = (const gl_image_root *)(img + h->root);
    uint64_t blocks_at = (uint64_t)(uintptr_t)root->def_blocks - h->base, block0;
    memcpy(&block0, img + blocks_at, sizeof block0);
    return (block0 + 7) / 8 * 8;
}

/* Opens the corrupt copy at its base and formats message 0: refused with
 * GLOCAL_ERR_SCHEMA, the error naming the record kind and the problem. */
static void refused_on_first_use(const unsigned char *copy, const char *record,
                                 const char *problem)
{
    const gl_compiled_header *h = (const gl_compiled_header *)copy;
    glocal_catalog *c = NULL;
    glocal_error *e = NULL;
    ck_assert_int_eq(gl_compiled_open_image(copy, image_len, "corrupt.glc", NULL, &c, &e),
                     GLOCAL_OK);
    ck_assert_msg((uintptr_t)c->bundles >= h->base && (uintptr_t)c->bundles < h->base + image_len,
                  "the preferred base was taken in a fresh process");
    glocal_request *r = NULL;
    glocal_request_new("de", &r, NULL);
    char *out = NULL;
    ck_assert_int_eq(glocal_format(c, c->messages[0].id, r, NULL, &out, &e), GLOCAL_ERR_SCHEMA);
    ck_assert_ptr_nonnull(strstr(glocal_error_message(e), record));
    ck_assert_msg(strstr(glocal_error_message(e), problem), "%s", glocal_error_message(e));
    glocal_error_free(e);
    glocal_request_free(r);
    glocal_catalog_unref(c);
}

/* A variant's key must be one of the checked key records: one pointing
 * between two of them, or at any other record, is refused. */
START_TEST(a_key_outside_the_key_table_is_refused)
{
    unsigned char *copy = malloc(image_len);
    memcpy(copy, image, image_len);
    uint64_t key_at = first_definition(copy) + offsetof(gl_msgdef, v) + offsetof(gl_variant, key);
    uint64_t key;
    memcpy(&key, copy + key_at, sizeof key);
    key += 8; /* inside a key record, not at one */
    memcpy(copy + key_at, &key, sizeof key);
    refused_on_first_use(copy, "variant record", "a reference to no record of its table");
    key = first_definition(copy) + ((const gl_compiled_header *)image)->base; /* the definition */
    memcpy(copy + key_at, &key, sizeof key);
    refused_on_first_use(copy, "variant record", "a reference to no record of its table");
    free(copy);
}
END_TEST

/* pieces and sels share their place; the kind says which is there, and a
 * kind that disagrees with the records or the counts is refused before
 * anything reads the template (the walk no longer meets the records in the
 * order the writer laid them out). */
START_TEST(a_template_whose_kind_disagrees_is_refused)
{
    unsigned char *copy = malloc(image_len);
    memcpy(copy, image, image_len);
    uint64_t t_at = first_definition(copy) + offsetof(gl_msgdef, v) + offsetof(gl_variant, tmpl);
    gl_template t;
    memcpy(&t, copy + t_at, sizeof t);
    ck_assert_int_ne(t.kind, TK_COMPLEX); /* base's first message is plain text */
    uint32_t one = 1;
    memcpy(copy + t_at + offsetof(gl_template, nsels), &one, sizeof one);
    refused_on_first_use(copy, "template record", "selectors in a template without any");
    memcpy(copy, image, image_len);
    copy[t_at + offsetof(gl_template, kind)] = TK_COMPLEX; /* its pieces read as selectors */
    refused_on_first_use(copy, "template record", "a pointer that is not to the next record");
    memcpy(copy, image, image_len);
    copy[t_at + offsetof(gl_template, kind)] = TK_MF2; /* its pieces read as selectors */
    refused_on_first_use(copy, "template record", "a pointer that is not to the next record");
    free(copy);
}
END_TEST

START_TEST(a_regular_file_without_the_magic_opens_as_before)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/plain.txt", tmpdir);
    write_file(path, "glocal: 1\n", 10);
    glocal_catalog *c = NULL;
    glocal_error *e = NULL;
    ck_assert_int_eq(glocal_catalog_open(path, &c, &e), GLOCAL_ERR_IO);
    glocal_error_free(e);
    unlink(path);
}
END_TEST

int main(void)
{
    locales = getenv("GLOCAL_LOCALES");
    if (!locales || !mkdtemp(tmpdir))
        return 1;
    Suite *s = suite_create("compiled");
    TCase *sha = tcase_create("sha256");
    tcase_add_test(sha, sha256_vectors);
    suite_add_tcase(s, sha);
    TCase *tc = tcase_create("compiled");
    tcase_set_timeout(tc, 600);
    tcase_add_checked_fixture(tc, setup_image, teardown_image);
    tcase_add_test(tc, same_answers_at_base_and_relocated);
    tcase_add_test(tc, kept_sources_are_the_files);
    tcase_add_test(tc, compiling_twice_gives_the_same_bytes);
    tcase_add_test(tc, compile_refuses_what_open_refuses);
    tcase_add_test(tc, truncated_files_are_refused);
    tcase_add_test(tc, flipped_bits_never_crash_and_verify_finds_them);
    tcase_add_test(tc, other_versions_are_refused_naming_both);
    tcase_add_test(tc, verify_names_the_mismatch);
    tcase_add_test(tc, a_corrupt_definition_is_refused_on_first_use);
    tcase_add_test(tc, a_regular_file_without_the_magic_opens_as_before);
    tcase_add_test(tc, variants_share_one_key_record_per_key);
    tcase_add_test(tc, a_key_outside_the_key_table_is_refused);
    tcase_add_test(tc, a_template_whose_kind_disagrees_is_refused);
    suite_add_tcase(s, tc);
    int rc = run_suite(s, CK_FORK_GETENV);
    rmdir(tmpdir);
    return rc;
}
