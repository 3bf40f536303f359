/* The compiled catalog's writer: glocal_compile loads a directory exactly as
 * open does, then copies the catalog record by record (compiled_layout.c)
 * into an image laid out for its preferred base address, with the files it
 * read kept beside it (docs/compiled.md).  The library never writes files:
 * the caller gets the image. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "compiled.h"

/* ---- growable bytes ---- */

typedef struct bytes {
    unsigned char *p;
    size_t len, cap;
    bool oom;
} bytes;

/* Room for n more bytes at an offset aligned to `align`, zeroed; the offset,
 * or SIZE_MAX when out of memory. */
static size_t bytes_alloc(bytes *b, size_t n, size_t align)
{
    size_t at = (b->len + align - 1) / align * align;
    if (b->oom || n > SIZE_MAX - at - 1) {
        b->oom = true;
        return SIZE_MAX;
    }
    if (at + n > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < at + n)
            cap *= 2;
        unsigned char *p = realloc(b->p, cap);
        if (!p) {
            b->oom = true;
            return SIZE_MAX;
        }
        b->p = p;
        b->cap = cap;
    }
    memset(b->p + b->len, 0, at + n - b->len);
    b->len = at + n;
    return at;
}

static void bytes_put(bytes *b, size_t at, const void *src, size_t n)
{
    if (at != SIZE_MAX && n)
        memcpy(b->p + at, src, n);
}

/* ---- the image being built ---- */

typedef struct image {
    bytes rec, str;
    bytes fixups;             /* size_t offsets in rec of slots holding a string offset */
    gl_map interned;          /* string -> offset in str + 1 */
    gl_arena *keys;           /* the interned strings' keys */
    uint64_t rec_base;        /* the address rec[0] will have */
    const glocal_catalog *cat;
    bytes deferred;           /* one `deferred` per F_DEFER array, in the order written */
    bytes shared;             /* one `shared` per record of an F_SHARED table */
    size_t nsorted;           /* how many of them are sorted by source address */
} image;

/* A record many others refer to (FK_REF), written once: where its copy is. */
typedef struct shared {
    const void *src;
    uint64_t addr;
} shared;

/* An F_DEFER array written empty, its records to come after all others. */
typedef struct deferred {
    size_t at;                /* the array in rec */
    const void *const *src;
    const gl_rectype *type;
} deferred;

static void set_word(image *im, size_t slot, uint64_t v)
{
    if (slot != SIZE_MAX && !im->rec.oom)
        memcpy(im->rec.p + slot, &v, sizeof v);
}

static uint64_t record_address(const image *im, size_t at)
{
    return im->rec_base + at;
}

/* Puts n bytes (a NUL follows them) in the strings region once per content
 * and makes the pointer at rec offset `slot` name them. */
static void put_string(image *im, size_t slot, const char *s, size_t n)
{
    uint32_t known;
    size_t at;
    /* short strings only (names, keys, styles repeat; long texts rarely), and
     * none with a NUL inside, which the map's keys cannot tell apart */
    bool internable = n < 4096 && !memchr(s, '\0', n);
    if (internable && gl_map_getn(&im->interned, s, n, &known)) {
        at = known - 1;
    } else {
        at = bytes_alloc(&im->str, n + 1, 1);
        bytes_put(&im->str, at, s, n);
        const char *key = at != SIZE_MAX && internable ? gl_arena_strndup(im->keys, s, n) : NULL;
        if (key && at < UINT32_MAX && !gl_map_put(&im->interned, key, (uint32_t)at + 1))
            im->str.oom = true;
    }
    size_t f = bytes_alloc(&im->fixups, sizeof(size_t), sizeof(size_t));
    bytes_put(&im->fixups, f, &slot, sizeof slot);
    set_word(im, slot, at);
}

static const void *ptr_at(const void *rec, size_t off)
{
    const void *p;
    memcpy(&p, (const char *)rec + off, sizeof p);
    return p;
}

static void copy_record(image *im, const gl_rectype *t, const void *src, size_t at);

static int by_source(const void *a, const void *b)
{
    uintptr_t x = (uintptr_t)((const shared *)a)->src, y = (uintptr_t)((const shared *)b)->src;
    return (x > y) - (x < y);
}

/* Makes the pointer at rec offset `slot` name the copy of shared record src.
 * Every record a FK_REF names is in its F_SHARED table, which the catalog's
 * description copies before any record that refers to it. */
static void put_ref(image *im, size_t slot, const void *src)
{
    shared *s = (shared *)im->shared.p;
    size_t n = im->shared.len / sizeof(shared);
    if (im->nsorted != n) {
        qsort(s, n, sizeof *s, by_source);
        im->nsorted = n;
    }
    shared key = {src, 0};
    const shared *found = n ? bsearch(&key, s, n, sizeof *s, by_source) : NULL;
    if (!found) {
        im->rec.oom = true; /* a loaded catalog's keys are all in its table */
        return;
    }
    set_word(im, slot, found->addr);
}

/* A new copy of one record of t; its address goes in the slot. */
static void copy_one(image *im, const gl_rectype *t, const void *src, size_t slot)
{
    size_t n = gl_record_size(t, src, im->cat);
    size_t at = n ? bytes_alloc(&im->rec, n, 8) : SIZE_MAX;
    im->rec.oom |= at == SIZE_MAX;
    set_word(im, slot, record_address(im, at));
    if (at != SIZE_MAX)
        copy_record(im, t, src, at);
}

static void copy_array(image *im, const gl_field *f, const void *arr, size_t n, size_t slot)
{
    size_t elem = f->kind == FK_ARR ? f->type->size : f->kind == FK_WORDS ? f->size
                                                                            : sizeof(void *);
    size_t at = n <= SIZE_MAX / elem ? bytes_alloc(&im->rec, n * elem, 8) : SIZE_MAX;
    im->rec.oom |= at == SIZE_MAX;
    set_word(im, slot, record_address(im, at));
    if (at == SIZE_MAX)
        return;
    if (f->kind == FK_WORDS) {
        bytes_put(&im->rec, at, arr, n * elem);
        return;
    }
    if (f->flags & F_DEFER) {
        deferred d = {at, arr, f->type};
        bytes_put(&im->deferred, bytes_alloc(&im->deferred, sizeof d, sizeof(void *)), &d,
                  sizeof d);
        return;
    }
    for (size_t i = 0; i < n && !im->rec.oom; i++) {
        const void *e = (const char *)arr + i * elem;
        if (f->kind == FK_ARR) {
            copy_record(im, f->type, e, at + i * elem);
            continue;
        }
        const void *p = ptr_at(e, 0);
        if (p && f->kind == FK_PTRS)
            copy_one(im, f->type, p, at + i * elem);
        if (p && (f->flags & F_SHARED)) {
            shared s = {p, 0};
            memcpy(&s.addr, im->rec.p + at + i * elem, sizeof s.addr); /* the copy's address */
            bytes_put(&im->shared, bytes_alloc(&im->shared, sizeof s, sizeof(void *)), &s,
                      sizeof s);
        } else if (p && f->kind == FK_STRS)
            put_string(im, at + i * elem, p, strlen(p));
    }
}

/* The string field before field `before` of record src (a template's `src`)
 * that the first piece points into, or -1: pieces cut from it share its
 * bytes in the file (that field is written already). */
static long home_string(const gl_rectype *t, size_t before, const void *src, const char *piece,
                        size_t *home_len)
{
    for (size_t k = 0; piece && k < before; k++) {
        const char *s = t->fields[k].kind == FK_STR ? ptr_at(src, t->fields[k].off) : NULL;
        if (s && piece >= s && piece <= s + (*home_len = strlen(s)))
            return (long)k;
    }
    return -1;
}

/* A template's pieces: byte strings (not NUL-terminated) that share the bytes
 * of the string they were cut from when it is in the same record. */
static void put_pieces(image *im, const gl_rectype *t, const gl_field *f, const void *src,
                       size_t at, size_t arr, const char *const *p, const uint32_t *len, size_t n)
{
    size_t home_len = 0;
    long home = n ? home_string(t, (size_t)(f - t->fields), src, p[0], &home_len) : -1;
    const char *s = home >= 0 ? ptr_at(src, t->fields[home].off) : NULL;
    uint64_t s_at = 0;
    if (s)
        memcpy(&s_at, im->rec.p + at + t->fields[home].off, sizeof s_at); /* its offset */
    for (size_t i = 0; i < n; i++) {
        size_t slot = arr + i * sizeof(char *);
        if (!s || p[i] < s || len[i] > home_len || p[i] - s > (ptrdiff_t)(home_len - len[i])) {
            put_string(im, slot, p[i], len[i]);
            continue;
        }
        size_t f = bytes_alloc(&im->fixups, sizeof(size_t), sizeof(size_t));
        bytes_put(&im->fixups, f, &slot, sizeof slot);
        set_word(im, slot, s_at + (uint64_t)(p[i] - s));
    }
}

static void copy_field(image *im, const gl_rectype *t, const gl_field *f, const void *src,
                       size_t at)
{
    const void *from = (const char *)src + f->off;
    size_t slot = at + f->off;
    if (!gl_field_present(f, src))
        return; /* the other member of its union is written there */
    const void *p = f->kind == FK_DATA || f->kind == FK_BOOL || f->kind == FK_EMBED
                            || f->kind == FK_FLEXSTRS || f->kind == FK_FLEXARR
                        ? NULL : ptr_at(src, f->off);
    switch ((gl_fkind)f->kind) {
    case FK_DATA:
    case FK_BOOL:
        bytes_put(&im->rec, slot, from, f->size);
        break;
    case FK_EMBED:
        copy_record(im, f->type, from, slot);
        break;
    case FK_STR:
        if (p)
            put_string(im, slot, p, strlen(p));
        break;
    case FK_REC:
        if (p)
            copy_one(im, f->type, p, slot);
        break;
    case FK_ARR:
    case FK_PTRS:
    case FK_STRS:
    case FK_WORDS:
        if (p)
            copy_array(im, f, p, gl_field_count(f, src, im->cat), slot);
        break;
    case FK_PIECES:
        if (p) {
            size_t n = gl_field_count(f, src, im->cat);
            const uint32_t *len = ptr_at(src, f->aux_off);
            size_t arr = bytes_alloc(&im->rec, n * sizeof(char *), 8);
            set_word(im, slot, record_address(im, arr));
            if (arr != SIZE_MAX)
                put_pieces(im, t, f, src, at, arr, p, len, n);
        }
        break;
    case FK_REF:
        if (p)
            put_ref(im, slot, p);
        break;
    case FK_FLEXARR: {
        size_t n = gl_field_count(f, src, im->cat);
        for (size_t i = 0; i < n && !im->rec.oom; i++)
            copy_record(im, f->type, (const char *)from + i * f->type->size,
                        slot + i * f->type->size);
        break;
    }
    case FK_FLEXSTRS: {
        size_t n = gl_field_count(f, src, im->cat);
        for (size_t i = 0; i < n; i++) {
            const char *s = ((const char *const *)from)[i];
            if (s)
                put_string(im, slot + i * sizeof(char *), s, strlen(s));
        }
        break;
    }
    }
}

/* Copies src, a record of t, into the record at rec offset `at`. */
static void copy_record(image *im, const gl_rectype *t, const void *src, size_t at)
{
    for (size_t i = 0; i < t->nfields && !im->rec.oom; i++)
        copy_field(im, t, &t->fields[i], src, at);
}

/* The deferred records, message by message: block m holds every bundle's
 * definition of message m, so that open can validate one message alone.
 * blocks_at: the root's def_blocks array in rec. */
static void write_deferred(image *im, size_t blocks_at)
{
    const deferred *d = (const deferred *)im->deferred.p;
    size_t nd = im->deferred.len / sizeof(deferred);
    for (size_t m = 0; m <= im->cat->nmessages && !im->rec.oom; m++) {
        uint64_t start = GL_COMPILED_PAGE + im->rec.len;
        bytes_put(&im->rec, blocks_at + m * sizeof start, &start, sizeof start);
        for (size_t k = 0; k < nd && m < im->cat->nmessages; k++)
            if (d[k].src[m])
                copy_one(im, d[k].type, d[k].src[m], d[k].at + m * sizeof(void *));
    }
}

/* ---- the warnings ---- */

/* The findings of the open as records the image can hold (borrowing their
 * strings until the copy). */
static gl_image_warning *warning_records(const glocal_findings *f, size_t *n)
{
    *n = f ? glocal_findings_count(f) : 0;
    gl_image_warning *w = calloc(*n ? *n : 1, sizeof(*w));
    for (size_t i = 0; w && i < *n; i++) {
        const glocal_finding *x = glocal_findings_at(f, i);
        w[i] = (gl_image_warning){glocal_finding_file(x), glocal_finding_message(x),
                                  glocal_finding_locale(x), glocal_finding_message_id(x),
                                  glocal_finding_rule(x), glocal_finding_line(x),
                                  glocal_finding_column(x),
                                  (uint32_t)glocal_finding_severity(x)};
    }
    return w;
}

/* ---- the file ---- */

void gl_compiled_digest(const unsigned char *file, size_t len, uint8_t out[GL_SHA256_LEN])
{
    const size_t at = offsetof(gl_compiled_header, content_sha256);
    static const uint8_t zero[GL_SHA256_LEN];
    gl_sha256_ctx s;
    gl_sha256_init(&s);
    gl_sha256_update(&s, file, at);
    gl_sha256_update(&s, zero, sizeof zero);
    gl_sha256_update(&s, file + at + GL_SHA256_LEN, len - at - GL_SHA256_LEN);
    gl_sha256_final(&s, out);
}

static uint64_t page_up(uint64_t n)
{
    return (n + GL_COMPILED_PAGE - 1) / GL_COMPILED_PAGE * GL_COMPILED_PAGE;
}

/* A 4 GiB slot chosen from the sources' digest: two catalogs rarely ask for
 * the same address, and the same catalog always asks for the same one. */
static uint64_t preferred_base(const gl_compiled_source *table, size_t n)
{
    uint8_t d[GL_SHA256_LEN];
    gl_sha256_ctx s;
    gl_sha256_init(&s);
    for (size_t i = 0; i < n; i++)
        gl_sha256_update(&s, table[i].sha256, GL_SHA256_LEN);
    gl_sha256_final(&s, d);
    uint64_t v = 0;
    for (int i = 0; i < 8; i++)
        v = v << 8 | d[i];
    return GL_COMPILED_BASE_LOW + (v % GL_COMPILED_BASE_SLOTS) * GL_COMPILED_BASE_SLOT;
}

/* The sources region: the table, then each name and content. */
static size_t sources_size(const gl_source *src, size_t n)
{
    size_t len = n * sizeof(gl_compiled_source);
    for (size_t i = 0; i < n; i++)
        len += strlen(src[i].name) + 1 + src[i].len; /* names end with NUL */
    return len;
}

static void write_sources(unsigned char *file, uint64_t off, const gl_source *src, size_t n,
                          gl_compiled_source *table)
{
    uint64_t at = off + n * sizeof(gl_compiled_source);
    for (size_t i = 0; i < n; i++) {
        size_t name_len = strlen(src[i].name);
        table[i].name_off = at;
        table[i].name_len = name_len;
        memcpy(file + at, src[i].name, name_len + 1);
        at += name_len + 1;
        table[i].off = at;
        table[i].len = src[i].len;
        if (src[i].len)
            memcpy(file + at, src[i].bytes, src[i].len);
        at += src[i].len;
    }
    memcpy(file + off, table, n * sizeof(gl_compiled_source));
}

static void fill_header(gl_compiled_header *h, uint64_t base, size_t nsources,
                        const gl_region *regions, uint64_t size)
{
    memset(h, 0, sizeof(*h));
    memcpy(h->magic, GL_COMPILED_MAGIC, GL_COMPILED_MAGIC_LEN);
    h->format = GL_COMPILED_FORMAT;
    h->header_size = sizeof(*h);
    h->layout = gl_layout_fingerprint();
    gl_icu_versions(h->icu_version, h->icu_data_version);
    strncpy(h->glocal_version, GLOCAL_VERSION_STRING, sizeof h->glocal_version - 1);
    h->file_size = size;
    h->base = base;
    h->root = regions[GL_REGION_RECORDS].off;
    h->nsources = nsources;
    memcpy(h->region, regions, sizeof h->region);
}

/* The file: header page, records, strings (each string pointer fixed up to
 * its address now that the region's place is known), sources; NULL when out
 * of memory. */
static unsigned char *assemble(image *im, uint64_t base, const gl_source *src, size_t n,
                               gl_compiled_source *table, size_t *len)
{
    gl_region r[GL_REGIONS];
    r[GL_REGION_RECORDS] = (gl_region){GL_COMPILED_PAGE, im->rec.len};
    r[GL_REGION_STRINGS] = (gl_region){page_up(GL_COMPILED_PAGE + im->rec.len), im->str.len};
    r[GL_REGION_SOURCES] = (gl_region){page_up(r[1].off + r[1].len), sources_size(src, n)};
    uint64_t size = r[GL_REGION_SOURCES].off + r[GL_REGION_SOURCES].len;
    unsigned char *file = size <= SIZE_MAX ? calloc(1, (size_t)size) : NULL;
    if (!file)
        return NULL;
    const size_t *slots = (const size_t *)im->fixups.p;
    for (size_t i = 0; i < im->fixups.len / sizeof(size_t); i++) {
        uint64_t v;
        memcpy(&v, im->rec.p + slots[i], sizeof v);
        v += base + r[GL_REGION_STRINGS].off;
        memcpy(im->rec.p + slots[i], &v, sizeof v);
    }
    if (im->rec.len)
        memcpy(file + r[GL_REGION_RECORDS].off, im->rec.p, im->rec.len);
    if (im->str.len)
        memcpy(file + r[GL_REGION_STRINGS].off, im->str.p, im->str.len);
    write_sources(file, r[GL_REGION_SOURCES].off, src, n, table);
    gl_compiled_header h;
    fill_header(&h, base, n, r, size);
    memcpy(file, &h, sizeof h);
    gl_compiled_digest(file, (size_t)size, h.content_sha256);
    memcpy(file, &h, sizeof h);
    *len = (size_t)size;
    return file;
}

/* Copies catalog c, its warnings and its sources into a new image. */
static unsigned char *build_image(const glocal_catalog *c, const glocal_findings *warnings,
                                  const gl_source *src, size_t n, size_t *len)
{
    gl_compiled_source *table = calloc(n ? n : 1, sizeof(*table));
    size_t nw = 0;
    gl_image_warning *w = warning_records(warnings, &nw);
    image im = {.cat = c, .keys = gl_arena_new()};
    unsigned char *file = NULL;
    if (table && w && im.keys) {
        for (size_t i = 0; i < n; i++)
            gl_sha256(src[i].bytes, src[i].len, table[i].sha256);
        uint64_t base = preferred_base(table, n);
        im.rec_base = base + GL_COMPILED_PAGE;
        uint64_t *blocks = calloc(c->nmessages + 1, sizeof(uint64_t));
        gl_image_root root = {(glocal_catalog *)c, w, nw, blocks, c->nmessages + 1};
        size_t at = blocks ? bytes_alloc(&im.rec, sizeof root, 8) : SIZE_MAX;
        if (at != SIZE_MAX)
            copy_record(&im, &gl_root_type, &root, at);
        if (at != SIZE_MAX && !im.rec.oom) {
            uint64_t blocks_addr;
            memcpy(&blocks_addr, im.rec.p + at + offsetof(gl_image_root, def_blocks), 8);
            write_deferred(&im, (size_t)(blocks_addr - im.rec_base));
        }
        free(blocks);
        if (blocks && !im.rec.oom && !im.str.oom && !im.fixups.oom && !im.deferred.oom
            && !im.shared.oom)
            file = assemble(&im, base, src, n, table, len);
    }
    free(im.rec.p);
    free(im.str.p);
    free(im.fixups.p);
    free(im.deferred.p);
    free(im.shared.p);
    gl_map_free(&im.interned);
    gl_arena_free(im.keys);
    free(w);
    free(table);
    return file;
}

/* ---- public API ---- */

glocal_status glocal_compile(const char *dir, const glocal_options *o, void **image,
                             size_t *len, glocal_error **err)
{
    if (image)
        *image = NULL;
    if (len)
        *len = 0;
    if (!dir || !image || !len)
        return gl_fail(err, GLOCAL_ERR_INVALID, NULL, 0, 0, "glocal_compile: %s is NULL",
                       !dir ? "dir" : !image ? "image" : "len");
    if (!gl_utf8_valid(dir, strlen(dir)))
        return gl_fail(err, GLOCAL_ERR_INVALID, NULL, 0, 0,
                       "glocal_compile: the directory name is not valid UTF-8");
    gl_diag d = {.keep_warnings = true};
    glocal_catalog *c = NULL;
    gl_source *src = NULL;
    size_t n = 0;
    glocal_status st = gl_catalog_load_dir(dir, o, &d, &c, &src, &n);
    if (st == GLOCAL_OK) {
        if (d.findings)
            gl_findings_sort(d.findings);
        *image = build_image(c, d.findings, src, n, len);
        st = *image ? GLOCAL_OK : gl_nomem(err);
    } else if (err && d.first_error) {
        *err = d.first_error;
        d.first_error = NULL;
    } else {
        gl_fail(err, st, NULL, 0, 0, "%s: the catalog could not be compiled", dir);
    }
    glocal_error_free(d.first_error);
    glocal_findings_free(d.findings);
    gl_catalog_free(c);
    gl_sources_free(src, n);
    return st;
}
