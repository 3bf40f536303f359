/* Opening a compiled catalog (docs/compiled.md): the header checked, the file
 * mapped read-only at its preferred base (or privately elsewhere and
 * relocated), every record the model's readers follow validated by the
 * descriptions of compiled_layout.c, in one pass over the records in the
 * order the writer laid them out.  Nothing is parsed and no string is read. */
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unicode/utypes.h>
#include <unicode/uversion.h>
#include <unistd.h>

#include "compiled.h"

void gl_icu_versions(char lib[16], char data[16])
{
    UVersionInfo v;
    UErrorCode status = U_ZERO_ERROR;
    u_getVersion(v);
    u_versionToString(v, lib);
    u_getDataVersion(v, &status);
    if (U_FAILURE(status))
        memset(v, 0, sizeof v);
    u_versionToString(v, data);
}

/* ---- errors ---- */

static glocal_status refuse(glocal_error **err, glocal_status st, const char *name,
                            const char *fmt, ...) GL_PRINTF(4, 5);

static glocal_status refuse(glocal_error **err, glocal_status st, const char *name,
                            const char *fmt, ...)
{
    gl_buf b = {0};
    va_list ap;
    va_start(ap, fmt);
    gl_buf_printf(&b, "%s: ", name);
    gl_buf_vprintf(&b, fmt, ap);
    va_end(ap);
    if (b.oom) {
        gl_buf_free(&b);
        return gl_nomem(err);
    }
    gl_fail(err, st, name, 0, 0, "%s", b.p);
    gl_buf_free(&b);
    return st;
}

/* ---- the header ---- */

/* A version string of the header: printable ASCII ending inside its field,
 * since errors quote it (a hostile file's bytes must not reach a message). */
static bool terminated(const char *s, size_t cap)
{
    size_t n = 0;
    while (n < cap && s[n] >= 0x20 && s[n] < 0x7f)
        n++;
    return n > 0 && n < cap && s[n] == '\0';
}

static bool region_ok(const gl_region *r, uint64_t from, uint64_t size)
{
    return r->off >= from && r->off % GL_COMPILED_PAGE == 0 && r->off <= size
           && r->len <= size - r->off;
}

/* Checks the header: the first `avail` bytes of a file of `len` bytes. */
static glocal_status check_header(const unsigned char *m, size_t avail, size_t len,
                                  const char *name, glocal_error **err)
{
    gl_compiled_header h;
    if (avail < GL_COMPILED_MAGIC_LEN
        || memcmp(m, GL_COMPILED_MAGIC, GL_COMPILED_MAGIC_LEN) != 0)
        return refuse(err, GLOCAL_ERR_SYNTAX, name, "not a compiled glocal catalog (no magic)");
    if (avail < sizeof h)
        return refuse(err, GLOCAL_ERR_SYNTAX, name, "truncated: %zu bytes, shorter than the "
                      "header", len);
    memcpy(&h, m, sizeof h);
    if (h.format != GL_COMPILED_FORMAT)
        return refuse(err, GLOCAL_ERR_SCHEMA, name, "compiled catalog format %u; this glocal "
                      "(%s) reads format %u: compile the catalog again", h.format,
                      GLOCAL_VERSION_STRING, GL_COMPILED_FORMAT);
    if (!terminated(h.icu_version, 16) || !terminated(h.icu_data_version, 16)
        || !terminated(h.glocal_version, 16) || h.header_size != sizeof h)
        return refuse(err, GLOCAL_ERR_SYNTAX, name, "corrupt header");
    char icu[16], data[16];
    gl_icu_versions(icu, data);
    if (h.layout != gl_layout_fingerprint())
        return refuse(err, GLOCAL_ERR_SCHEMA, name, "written by glocal %s, whose records differ "
                      "from this glocal's (%s): compile the catalog again", h.glocal_version,
                      GLOCAL_VERSION_STRING);
    if (strcmp(h.icu_data_version, data) != 0)
        return refuse(err, GLOCAL_ERR_SCHEMA, name, "compiled with ICU data %s (ICU %s); this "
                      "process has ICU data %s (ICU %s): compile the catalog again",
                      h.icu_data_version, h.icu_version, data, icu);
    if (h.file_size != len)
        return refuse(err, GLOCAL_ERR_SYNTAX, name, "truncated or extended: the header says "
                      "%llu bytes, the file has %zu", (unsigned long long)h.file_size, len);
    const gl_region *r = h.region;
    if (r[GL_REGION_RECORDS].off != GL_COMPILED_PAGE || h.root != GL_COMPILED_PAGE
        || !region_ok(&r[0], GL_COMPILED_PAGE, len)
        || !region_ok(&r[1], r[0].off + r[0].len, len)
        || !region_ok(&r[2], r[1].off + r[1].len, len)
        || r[0].len < sizeof(gl_image_root) + sizeof(glocal_catalog) + 8)
        return refuse(err, GLOCAL_ERR_SYNTAX, name, "corrupt header: regions out of the file");
    if (h.base < GL_COMPILED_BASE_LOW || h.base % GL_COMPILED_BASE_SLOT != 0
        || (h.base - GL_COMPILED_BASE_LOW) / GL_COMPILED_BASE_SLOT >= GL_COMPILED_BASE_SLOTS)
        return refuse(err, GLOCAL_ERR_SYNTAX, name, "corrupt header: base address 0x%llx",
                      (unsigned long long)h.base);
    return GLOCAL_OK;
}

static void hex(const uint8_t *d, char out[2 * GL_SHA256_LEN + 1])
{
    for (int i = 0; i < GL_SHA256_LEN; i++)
        snprintf(out + 2 * i, 3, "%02x", d[i]);
}

static glocal_status verify_content(const unsigned char *m, size_t len, const char *name,
                                    glocal_error **err)
{
    const gl_compiled_header *h = (const gl_compiled_header *)m;
    uint8_t d[GL_SHA256_LEN];
    gl_compiled_digest(m, len, d);
    if (memcmp(d, h->content_sha256, GL_SHA256_LEN) == 0)
        return GLOCAL_OK;
    char want[2 * GL_SHA256_LEN + 1], got[2 * GL_SHA256_LEN + 1];
    hex(h->content_sha256, want);
    hex(d, got);
    return refuse(err, GLOCAL_ERR_SYNTAX, name, "content checksum mismatch: the header says "
                  "sha256 %s, the content is %s", want, got);
}

/* ---- the records walk ---- */

typedef struct reader {
    unsigned char *m;         /* the mapping */
    uint64_t file_base;       /* the base the records were laid out for */
    uint64_t delta;           /* where the mapping is minus file_base: 0 at the base */
    uint64_t cursor, rec_end; /* file offsets: the next record, the region's end */
    uint64_t str_off, str_end;
    gl_walk w;
    const char *problem;      /* what the first failure found */
    const char *kind;         /* the record it is in */
    const char *field;        /* the field being walked */
    uint64_t at;
} reader;

static bool fail(reader *r, const gl_rectype *t, uint64_t at, const char *problem)
{
    if (!r->problem) {
        r->problem = problem;
        r->kind = t->name;
        r->at = at;
        r->field = r->field ? r->field : "";
    }
    return false;
}

static uint64_t word_at(const reader *r, uint64_t off)
{
    uint64_t v;
    memcpy(&v, r->m + off, sizeof v);
    return v;
}

/* The pointer in slot, moved with the mapping when it is not at its base. */
static void relocate(reader *r, uint64_t slot, uint64_t raw)
{
    if (r->delta) {
        uint64_t v = raw + r->delta;
        memcpy(r->m + slot, &v, sizeof v);
    }
}

/* A pointer to the next n bytes of records (aligned as the writer aligns):
 * nothing else, so every record is checked once and the walk ends. */
static bool take(reader *r, const gl_rectype *t, uint64_t at, uint64_t slot, uint64_t n,
                 bool null_ok, uint64_t *out)
{
    uint64_t raw = word_at(r, slot);
    *out = 0;
    if (raw == 0)
        return null_ok || fail(r, t, at, "NULL where a record is required");
    uint64_t next = (r->cursor + 7) / 8 * 8;
    if (raw - r->file_base != next)
        return fail(r, t, at, "a pointer that is not to the next record");
    if (next > r->rec_end || n > r->rec_end - next)
        return fail(r, t, at, "a record past the end of the records region");
    r->cursor = next + n;
    relocate(r, slot, raw);
    *out = next;
    return true;
}

/* A string or byte string (n bytes) in the strings region, whose last byte
 * is NUL: no read of it leaves the file. */
static bool string_in(reader *r, const gl_rectype *t, uint64_t at, uint64_t slot, uint64_t n)
{
    uint64_t raw = word_at(r, slot);
    if (raw == 0)
        return true;
    uint64_t off = raw - r->file_base;
    if (off < r->str_off || off >= r->str_end || n > r->str_end - off)
        return fail(r, t, at, "a string outside the strings region");
    relocate(r, slot, raw);
    return true;
}

static bool walk_record(reader *r, const gl_rectype *t, uint64_t at);

/* The record of type ty the pointer in slot (of record t at `at`) names. */
static bool walk_one(reader *r, const gl_rectype *ty, const gl_rectype *t, uint64_t at,
                     uint64_t slot, bool null_ok)
{
    uint64_t rec;
    if (!take(r, t, at, slot, ty->size, null_ok, &rec))
        return false;
    if (!rec)
        return true;
    size_t full = gl_record_size(ty, r->m + rec, r->w.cat);
    if (full == 0 || full - ty->size > r->rec_end - r->cursor)
        return fail(r, ty, rec, "a record past the end of the records region");
    r->cursor += full - ty->size;
    return walk_record(r, ty, rec);
}

static bool count_fits(const reader *r, uint64_t n, uint64_t elem)
{
    return n <= (r->rec_end - r->cursor) / elem;
}

static bool walk_array(reader *r, const gl_rectype *t, uint64_t at, const gl_field *f,
                       uint64_t n)
{
    uint64_t slot = at + f->off, arr;
    const uint64_t elem = f->kind == FK_ARR ? f->type->size : f->kind == FK_WORDS ? f->size : 8;
    bool null_ok = (f->flags & F_NULL) || n == 0;
    if (word_at(r, slot) && !count_fits(r, n, elem))
        return fail(r, t, at, "an array count larger than the records region");
    if (!take(r, t, at, slot, n * elem, null_ok, &arr))
        return false;
    if (f->flags & F_DEFER)
        return true; /* the records come after all others: walk_message */
    for (uint64_t i = 0; arr && i < n && f->kind != FK_WORDS; i++) {
        uint64_t e = arr + i * elem;
        if (f->kind == FK_ARR) {
            if (!walk_record(r, f->type, e))
                return false;
            continue;
        }
        if (word_at(r, e) == 0 && !(f->flags & F_ELEM_NULL))
            return fail(r, t, at, "a NULL element");
        if (f->kind == FK_STRS ? !string_in(r, t, at, e, 0)
                               : !walk_one(r, f->type, t, at, e, true))
            return false;
    }
    return true;
}

/* A template's pieces: byte strings whose lengths the (already walked)
 * piece_len array gives. */
static bool walk_pieces(reader *r, const gl_rectype *t, uint64_t at, const gl_field *f,
                        uint64_t n)
{
    uint64_t arr;
    const uint32_t *len = (const uint32_t *)(uintptr_t)word_at(r, at + f->aux_off);
    if (word_at(r, at + f->off) && !len)
        return fail(r, t, at, "pieces without their lengths");
    if (word_at(r, at + f->off) && !count_fits(r, n, 8))
        return fail(r, t, at, "an array count larger than the records region");
    if (!take(r, t, at, at + f->off, n * 8, true, &arr))
        return false;
    for (uint64_t i = 0; arr && i < n; i++) {
        if (word_at(r, arr + 8 * i) == 0)
            return fail(r, t, at, "a NULL piece");
        if (!string_in(r, t, at, arr + 8 * i, len[i]))
            return false;
    }
    return true;
}

/* A shared record (a variant's key): one the catalog's table names, which
 * the walk checked before it met any reference to it. */
static bool walk_ref(reader *r, const gl_rectype *t, uint64_t at, const gl_field *f)
{
    uint64_t raw = word_at(r, at + f->off);
    const void *p = (const void *)(uintptr_t)(raw + r->delta);
    if (!gl_shared_record(r->w.cat, f->type, p))
        return fail(r, t, at, "a reference to no record of its table");
    relocate(r, at + f->off, raw);
    return true;
}

static bool walk_field(reader *r, const gl_rectype *t, uint64_t at, const gl_field *f)
{
    uint64_t slot = at + f->off;
    if (!r->problem)
        r->field = f->name;
    const void *rec = r->m + at;
    if (!gl_field_present(f, rec))
        return true; /* the other member of its union holds the place */
    switch ((gl_fkind)f->kind) {
    case FK_DATA:
        return true;
    case FK_BOOL:
        return r->m[slot] <= 1 || fail(r, t, at, "a bool that is neither 0 nor 1");
    case FK_STR:
        return string_in(r, t, at, slot, 0);
    case FK_REC:
        return walk_one(r, f->type, t, at, slot, f->flags & F_NULL);
    case FK_EMBED:
        return walk_record(r, f->type, slot);
    case FK_ARR:
    case FK_PTRS:
    case FK_STRS:
    case FK_WORDS:
        return walk_array(r, t, at, f, gl_field_count(f, rec, r->w.cat));
    case FK_PIECES:
        return walk_pieces(r, t, at, f, gl_field_count(f, rec, r->w.cat));
    case FK_REF:
        return walk_ref(r, t, at, f);
    case FK_FLEXARR: {
        uint64_t n = gl_field_count(f, rec, r->w.cat); /* walk_one reserved their bytes */
        for (uint64_t i = 0; i < n; i++)
            if (!walk_record(r, f->type, slot + i * f->type->size))
                return false;
        return true;
    }
    case FK_FLEXSTRS: {
        uint64_t n = gl_field_count(f, rec, r->w.cat);
        for (uint64_t i = 0; i < n; i++)
            if (!string_in(r, t, at, slot + 8 * i, 0))
                return false;
        return true;
    }
    }
    return fail(r, t, at, "an unknown field kind");
}

static bool walk_record(reader *r, const gl_rectype *t, uint64_t at)
{
    for (size_t i = 0; i < t->nfields; i++)
        if (!walk_field(r, t, at, &t->fields[i]))
            return false;
    const char *problem = t->check(r->m + at, &r->w);
    return !problem || fail(r, t, at, problem);
}

/* Message m's block of deferred definitions: each bundle's, in bundle order,
 * filling the block exactly. */
static bool walk_message(reader *r, const uint64_t *blocks, size_t m)
{
    const gl_field *f = gl_deferred_field();
    const glocal_catalog *c = r->w.cat;
    r->cursor = blocks[m];
    r->rec_end = blocks[m + 1];
    for (size_t b = 0; b < c->nbundles; b++) {
        uint64_t arr = (uint64_t)((const unsigned char *)c->bundles[b].msgs - r->m);
        if (!walk_one(r, f->type, f->type, blocks[m], arr + 8 * m, true))
            return false;
    }
    return r->cursor == r->rec_end
           || fail(r, f->type, r->cursor, "bytes in a definition block no definition uses");
}

static glocal_status report_walk(const reader *r, const char *name, glocal_error **err)
{
    return refuse(err, GLOCAL_ERR_SCHEMA, name, "%s record at offset %llu, field %s: %s",
                  r->kind, (unsigned long long)r->at, r->field, r->problem);
}

static reader reader_for(unsigned char *m, const gl_compiled_header *h, uint64_t actual,
                         const glocal_catalog *cat, const gl_limits *limits)
{
    const gl_region *rg = h->region;
    return (reader){.m = m, .file_base = h->base, .delta = actual - h->base,
                    .cursor = rg[0].off + sizeof(gl_image_root),
                    .rec_end = rg[0].off + rg[0].len, .str_off = rg[1].off,
                    .str_end = rg[1].off + rg[1].len, .w = {cat, limits}};
}

/* Walks every record but the deferred definitions, which it walks too when
 * the mapping is not at its base (their pointers need relocating at once);
 * *blocks: the definition blocks' offsets, in the mapping. */
static glocal_status walk_image(unsigned char *m, const gl_compiled_header *h, uint64_t actual,
                                const gl_limits *limits, const char *name,
                                const uint64_t **blocks, glocal_error **err)
{
    const gl_region *rg = h->region;
    uint64_t cat_at = (rg[0].off + sizeof(gl_image_root) + 7) / 8 * 8; /* checked by the walk */
    reader r = reader_for(m, h, actual, (const glocal_catalog *)(m + cat_at), limits);
    if (!walk_record(&r, &gl_root_type, rg[0].off))
        return report_walk(&r, name, err);
    const gl_image_root *root = (const gl_image_root *)(m + rg[0].off);
    *blocks = root->def_blocks;
    const uint64_t *b = *blocks;
    if (b[0] != r.cursor || b[root->ndef_blocks - 1] != r.rec_end) {
        fail(&r, &gl_root_type, rg[0].off, "definition blocks outside the records region");
        return report_walk(&r, name, err);
    }
    for (size_t msg = 0; r.delta && msg + 1 < root->ndef_blocks; msg++)
        if (!walk_message(&r, b, msg))
            return report_walk(&r, name, err);
    return GLOCAL_OK;
}

/* ---- mapping ---- */

enum { MSG_UNCHECKED, MSG_GOOD, MSG_BAD };

struct gl_mapping {
    void *addr;
    size_t len;
    char *name;               /* the file, for errors */
    const uint64_t *blocks;   /* the definition blocks (gl_image_root) */
    gl_limits limits;
    _Atomic(unsigned char) *ready; /* per message, MSG_*; NULL: all checked at open */
};

/* The mapping at the preferred base, or NULL when the address is taken. */
static void *map_at_base(int fd, size_t len, uint64_t base)
{
    void *want = (void *)(uintptr_t)base;
    /* A plain hint, not MAP_FIXED_NOREPLACE: Linux maps at the hint when the
     * range is free, and a sanitizer that drops a hint outside its memory
     * (ThreadSanitizer) then maps elsewhere instead of at address 0. */
    int flags = MAP_PRIVATE | (fd < 0 ? MAP_ANONYMOUS : 0);
    void *p = mmap(want, len, fd < 0 ? PROT_READ | PROT_WRITE : PROT_READ, flags, fd, 0);
    if (p == MAP_FAILED)
        return NULL;
    if (p != want) { /* the range was taken: the caller relocates */
        munmap(p, len);
        return NULL;
    }
    return p;
}

/* The rule whose id a kept warning names (checked by the walk). */
static gl_rule rule_named(const char *id)
{
    const glocal_rule *r = glocal_rule_find(id);
    for (size_t i = 0; i < glocal_rule_count(); i++)
        if (glocal_rule_at(i) == r)
            return (gl_rule)i;
    return R_SCHEMA;
}

/* Checks a mapping whose first bytes passed check_header, relocating it
 * when it is not at its base, and makes the catalog. */
static glocal_status open_mapping(unsigned char *m, size_t len, const glocal_options *o,
                                  const char *name, glocal_catalog **out, glocal_error **err)
{
    const gl_compiled_header *h = (const gl_compiled_header *)m;
    const gl_region *s = &h->region[GL_REGION_STRINGS];
    glocal_status st = GLOCAL_OK;
    if (s->len && m[s->off + s->len - 1] != '\0')
        st = refuse(err, GLOCAL_ERR_SYNTAX, name, "the strings region does not end with NUL");
    if (st == GLOCAL_OK && gl_options_verify(o))
        st = verify_content(m, len, name, err);
    const uint64_t *blocks = NULL;
    bool at_base = (uint64_t)(uintptr_t)m == h->base;
    if (st == GLOCAL_OK)
        st = walk_image(m, h, (uint64_t)(uintptr_t)m, gl_options_limits(o), name, &blocks, err);
    if (st == GLOCAL_OK && mprotect(m, len, PROT_READ) != 0)
        st = refuse(err, GLOCAL_ERR_IO, name, "cannot protect the mapping: %s", strerror(errno));
    if (st != GLOCAL_OK)
        return st;
    const gl_image_root *root = (const gl_image_root *)(m + h->root);
    gl_mapping *map = calloc(1, sizeof(*map));
    if (map) {
        *map = (gl_mapping){m, len, gl_strdup(name), blocks, *gl_options_limits(o), NULL};
        if (at_base)
            map->ready = calloc(root->cat->nmessages ? root->cat->nmessages : 1, 1);
    }
    glocal_catalog *c = map && map->name && (map->ready || !at_base)
                            ? gl_catalog_from_image(root->cat, map) : NULL;
    if (!c) {
        if (map) {
            map->addr = NULL; /* the caller unmaps */
            gl_compiled_unmap(map);
        }
        return gl_nomem(err);
    }
    c->max_output = GL_LIMIT(gl_options_limits(o), OUTPUT_BYTES);
    gl_diag d = {.keep_warnings = true};
    for (size_t i = 0; i < root->nwarnings; i++) {
        const gl_image_warning *x = &root->warnings[i];
        gl_report_severity(&d, rule_named(x->rule), x->severity, x->file,
                           x->line, x->col, x->locale, x->msgid, "%s", x->message);
    }
    if (d.fatal) {
        glocal_findings_free(d.findings);
        gl_catalog_free(c);
        return gl_nomem(err);
    }
    if (d.findings)
        gl_findings_sort(d.findings);
    c->warnings = d.findings;
    *out = c;
    return GLOCAL_OK;
}

void gl_compiled_unmap(gl_mapping *map)
{
    if (!map)
        return;
    if (map->addr)
        munmap(map->addr, map->len);
    free(map->name);
    free((void *)map->ready);
    free(map);
}

/* Reads message msg's definitions as open would have; true when sound. */
static bool check_message(const glocal_catalog *c, uint32_t msg, reader *r)
{
    const gl_mapping *map = c->mapping;
    *r = reader_for(map->addr, map->addr, (uint64_t)(uintptr_t)map->addr, c, &map->limits);
    return walk_message(r, map->blocks, msg);
}

glocal_status gl_compiled_message_ready(const glocal_catalog *c, uint32_t msg,
                                        glocal_error **err)
{
    const gl_mapping *map = c->mapping;
    if (!map || !map->ready)
        return GLOCAL_OK;
    unsigned char state = atomic_load_explicit(&map->ready[msg], memory_order_acquire);
    reader r;
    if (state == MSG_UNCHECKED) {
        /* read-only at the base: threads racing here reach the same verdict */
        state = check_message(c, msg, &r) ? MSG_GOOD : MSG_BAD;
        atomic_store_explicit(&map->ready[msg], state, memory_order_release);
    }
    if (state == MSG_GOOD)
        return GLOCAL_OK;
    check_message(c, msg, &r); /* again, for the error's words */
    return report_walk(&r, map->name, err);
}

/* ---- public entries ---- */

bool gl_is_compiled_file(const char *path)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    struct stat st;
    char magic[GL_COMPILED_MAGIC_LEN];
    bool is = fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode)
              && pread(fd, magic, sizeof magic, 0) == (ssize_t)sizeof magic
              && memcmp(magic, GL_COMPILED_MAGIC, sizeof magic) == 0;
    if (fd >= 0)
        close(fd);
    return is;
}

glocal_status gl_compiled_open_image(const void *buf, size_t len, const char *name,
                                     const glocal_options *o, glocal_catalog **out,
                                     glocal_error **err)
{
    *out = NULL;
    glocal_status st = check_header(buf, len, len, name, err);
    if (st != GLOCAL_OK)
        return st;
    const gl_compiled_header *h = buf;
    unsigned char *m = map_at_base(-1, len, h->base);
    if (!m) {
        m = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (m == MAP_FAILED)
            return gl_nomem(err);
    }
    memcpy(m, buf, len);
    st = open_mapping(m, len, o, name, out, err);
    if (st != GLOCAL_OK)
        munmap(m, len);
    return st;
}

glocal_status gl_compiled_open_file(const char *path, const glocal_options *o,
                                    glocal_catalog **out, glocal_error **err)
{
    *out = NULL;
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    struct stat sb;
    if (fd < 0 || fstat(fd, &sb) != 0) {
        glocal_status st = refuse(err, errno == ENOMEM ? GLOCAL_ERR_NOMEM : GLOCAL_ERR_IO, path,
                                  "cannot open: %s", strerror(errno));
        if (fd >= 0)
            close(fd);
        return st;
    }
    gl_compiled_header h;
    size_t len = (size_t)sb.st_size;
    ssize_t got = pread(fd, &h, sizeof h, 0);
    glocal_status st = got < 0 ? refuse(err, GLOCAL_ERR_IO, path, "cannot read: %s",
                                        strerror(errno))
                               : check_header((const unsigned char *)&h, (size_t)got, len,
                                              path, err);
    unsigned char *m = NULL;
    if (st == GLOCAL_OK && !(m = map_at_base(fd, len, h.base))) {
        /* the address is taken (a second open, a sanitizer): a private copy, relocated */
        m = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
        if (m == MAP_FAILED) {
            m = NULL;
            st = refuse(err, errno == ENOMEM ? GLOCAL_ERR_NOMEM : GLOCAL_ERR_IO, path,
                        "cannot map: %s", strerror(errno));
        }
    }
    close(fd);
    if (st == GLOCAL_OK)
        st = open_mapping(m, len, o, path, out, err);
    if (st != GLOCAL_OK && m)
        munmap(m, len);
    return st;
}

gl_source *gl_compiled_sources(const glocal_catalog *c, size_t *n)
{
    *n = 0;
    if (!c->mapping)
        return NULL;
    const unsigned char *m = c->mapping->addr;
    const gl_compiled_header *h = (const gl_compiled_header *)m;
    const gl_region *r = &h->region[GL_REGION_SOURCES];
    if (h->nsources > r->len / sizeof(gl_compiled_source))
        return NULL;
    gl_source *s = calloc(h->nsources ? h->nsources : 1, sizeof(*s));
    for (uint64_t i = 0; s && i < h->nsources; i++) {
        gl_compiled_source e;
        memcpy(&e, m + r->off + i * sizeof e, sizeof e);
        uint64_t end = r->off + r->len;
        if (e.name_off < r->off || e.name_off >= end || e.name_len >= end - e.name_off
            || m[e.name_off + e.name_len] != '\0' || e.off < r->off || e.off > end
            || e.len > end - e.off) {
            free(s);
            return NULL;
        }
        s[i] = (gl_source){(const char *)m + e.name_off, (const char *)m + e.off, e.len};
    }
    if (s)
        *n = h->nsources;
    return s;
}
