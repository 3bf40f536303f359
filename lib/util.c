#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- arena ---- */

/* Nothing a catalog holds is aligned beyond 8 bytes (pointers, uint64_t,
 * double): rounding to max_align_t's 16 cost 8 bytes a record on average. */
#define ARENA_ALIGN 8u
#define CHUNK_BYTES 16384u

typedef struct gl_chunk {
    struct gl_chunk *next;
    size_t used, cap;
    max_align_t data[];
} gl_chunk;

/* Records and bulk text (gl_arena_text) come from separate chunks: text needs
 * no alignment, so it is packed byte to byte instead of being rounded up. */
struct gl_arena {
    gl_chunk *head, *text;
    gl_map interned;
};

gl_arena *gl_arena_new(void)
{
    return calloc(1, sizeof(gl_arena));
}

static void free_chunks(gl_chunk *c)
{
    for (gl_chunk *next; c; c = next) {
        next = c->next;
        free(c);
    }
}

void gl_arena_free(gl_arena *a)
{
    if (!a)
        return;
    free_chunks(a->head);
    free_chunks(a->text);
    gl_map_free(&a->interned);
    free(a);
}

/* n bytes from the list at *list.  A request larger than a quarter chunk
 * gets a chunk of its own behind the current one, which stays current: its
 * free room is not abandoned for one large block. */
static void *chunk_take(gl_chunk **list, size_t n)
{
    gl_chunk *c = *list;
    if (c && c->cap - c->used >= n) {
        void *p = (char *)c->data + c->used;
        c->used += n;
        return p;
    }
    bool alone = n > CHUNK_BYTES / 4;
    size_t cap = alone ? n : CHUNK_BYTES;
    gl_chunk *fresh = malloc(sizeof(gl_chunk) + cap);
    if (!fresh)
        return NULL;
    fresh->used = n;
    fresh->cap = cap;
    if (alone && c) {
        fresh->next = c->next;
        c->next = fresh;
    } else {
        fresh->next = c;
        *list = fresh;
    }
    return fresh->data;
}

void *gl_arena_alloc(gl_arena *a, size_t n)
{
    return chunk_take(&a->head, (n + ARENA_ALIGN - 1) / ARENA_ALIGN * ARENA_ALIGN);
}

/* 16-byte aligned, as malloc aligns: glibc's string functions take a longer
 * path on a string that starts mid-vector (names and locale ids are compared
 * and copied on every format call: ~70 more instructions a `text` call). */
static char *aligned_copy(gl_arena *a, const char *s, size_t n)
{
    char *p = gl_arena_alloc(a, n + 1 + ARENA_ALIGN);
    if (!p)
        return NULL;
    p += (uintptr_t)p % 16; /* 0 or ARENA_ALIGN */
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *gl_arena_strndup(gl_arena *a, const char *s, size_t n)
{
    return aligned_copy(a, s, n);
}

char *gl_arena_strdup(gl_arena *a, const char *s)
{
    return gl_arena_strndup(a, s, strlen(s));
}

char *gl_arena_text(gl_arena *a, const char *s, size_t n)
{
    char *p = chunk_take(&a->text, n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

void *gl_arena_grow_array(gl_arena *a, void *arr, size_t n, size_t size)
{
    if (n & (n - 1))
        return arr; /* room left: capacities are the powers of two */
    void *more = gl_arena_alloc(a, (n ? 2 * n : 1) * size);
    if (more && n)
        memcpy(more, arr, n * size);
    return more;
}

const char *gl_arena_intern(gl_arena *a, const char *s, size_t n)
{
    const char *known = gl_map_keyn(&a->interned, s, n);
    if (known)
        return known;
    char *copy = aligned_copy(a, s, n);
    if (!copy)
        return NULL;
    return gl_map_put(&a->interned, copy, 0) ? copy : NULL;
}

/* ---- buffer ---- */

static bool buf_reserve(gl_buf *b, size_t extra)
{
    if (b->oom || b->full)
        return false;
    if (b->max && extra > b->max - b->len) {
        b->full = true;
        return false;
    }
    if (b->len + extra + 1 <= b->cap)
        return true;
    size_t cap = b->cap ? b->cap * 2 : 64;
    while (cap < b->len + extra + 1)
        cap *= 2;
    if (b->max && cap > b->max + 1)
        cap = b->max + 1; /* doubling past the cap would allocate what can never be used */
    char *p = realloc(b->p, cap);
    if (!p) {
        b->oom = true;
        return false;
    }
    b->p = p;
    b->cap = cap;
    return true;
}

void gl_buf_putn(gl_buf *b, const char *s, size_t n)
{
    if (!buf_reserve(b, n))
        return;
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

void gl_buf_puts(gl_buf *b, const char *s)
{
    gl_buf_putn(b, s, strlen(s));
}

void gl_buf_putc(gl_buf *b, char c)
{
    gl_buf_putn(b, &c, 1);
}

void gl_buf_vprintf(gl_buf *b, const char *fmt, va_list ap)
{
    va_list cp;
    va_copy(cp, ap);
    int n = vsnprintf(NULL, 0, fmt, cp);
    va_end(cp);
    if (n < 0 || !buf_reserve(b, (size_t)n))
        return;
    vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
}

void gl_buf_printf(gl_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    gl_buf_vprintf(b, fmt, ap);
    va_end(ap);
}

bool gl_buf_failed(const gl_buf *b)
{
    return b->oom || b->full;
}

char *gl_buf_take(gl_buf *b)
{
    char *p = NULL;
    if (!b->oom) {
        p = b->p ? b->p : calloc(1, 1);
        b->p = NULL;
    }
    gl_buf_free(b);
    return p;
}

void gl_buf_free(gl_buf *b)
{
    free(b->p);
    b->p = NULL;
    b->len = b->cap = 0;
    b->oom = b->full = false;
}

/* ---- map ---- */

uint32_t gl_hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h ? h : 1;
}

static bool map_grow(gl_map *m)
{
    size_t cap = m->cap ? m->cap * 2 : 16;
    gl_map n = {calloc(cap, sizeof(char *)), calloc(cap, sizeof(uint32_t)),
                calloc(cap, sizeof(uint32_t)), cap, 0};
    if (!n.keys || !n.vals || !n.hashes) {
        gl_map_free(&n);
        return false;
    }
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->hashes[i])
            continue;
        size_t j = m->hashes[i] & (cap - 1);
        while (n.hashes[j])
            j = (j + 1) & (cap - 1);
        n.keys[j] = m->keys[i];
        n.vals[j] = m->vals[i];
        n.hashes[j] = m->hashes[i];
        n.count++;
    }
    gl_map_free(m);
    *m = n;
    return true;
}

static size_t map_slot(const gl_map *m, const char *key, size_t n, uint32_t h)
{
    size_t j = h & (m->cap - 1);
    while (m->hashes[j] &&
           (m->hashes[j] != h || strncmp(m->keys[j], key, n) != 0 || m->keys[j][n] != '\0'))
        j = (j + 1) & (m->cap - 1);
    return j;
}

bool gl_map_put(gl_map *m, const char *key, uint32_t val)
{
    if ((m->count + 1) * 4 > m->cap * 3 && !map_grow(m))
        return false;
    size_t n = strlen(key);
    uint32_t h = gl_hash(key, n);
    size_t j = map_slot(m, key, n, h);
    if (!m->hashes[j])
        m->count++;
    m->keys[j] = key;
    m->vals[j] = val;
    m->hashes[j] = h;
    return true;
}

bool gl_map_getn(const gl_map *m, const char *key, size_t n, uint32_t *val)
{
    if (!m->cap)
        return false;
    size_t j = map_slot(m, key, n, gl_hash(key, n));
    if (!m->hashes[j])
        return false;
    if (val)
        *val = m->vals[j];
    return true;
}

const char *gl_map_keyn(const gl_map *m, const char *key, size_t n)
{
    if (!m->cap)
        return NULL;
    size_t j = map_slot(m, key, n, gl_hash(key, n));
    return m->hashes[j] ? m->keys[j] : NULL;
}

bool gl_map_get(const gl_map *m, const char *key, uint32_t *val)
{
    return gl_map_getn(m, key, strlen(key), val);
}

void gl_map_free(gl_map *m)
{
    free(m->keys);
    free(m->vals);
    free(m->hashes);
    memset(m, 0, sizeof(*m));
}

/* ---- UTF-8 ---- */

bool gl_utf8_valid(const char *str, size_t n)
{
    const unsigned char *s = (const unsigned char *)str, *end = s + n;
    while (s < end) {
        unsigned c = *s;
        if (c < 0x80) {
            s++;
            continue;
        }
        size_t len;
        uint32_t cp, min;
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2, cp = c & 0x1F, min = 0x80;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3, cp = c & 0x0F, min = 0x800;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4, cp = c & 0x07, min = 0x10000;
        } else {
            return false;
        }
        if ((size_t)(end - s) < len)
            return false;
        for (size_t i = 1; i < len; i++) {
            if ((s[i] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (s[i] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        s += len;
    }
    return true;
}

size_t gl_utf8_count(const char *s, size_t n)
{
    size_t count = 0;
    for (size_t i = 0; i < n; i++)
        count += ((unsigned char)s[i] & 0xC0) != 0x80;
    return count;
}

uint32_t gl_utf8_next(const char **sp)
{
    const unsigned char *s = (const unsigned char *)*sp;
    uint32_t c = *s++;
    if (c >= 0xF0)
        c = c & 0x07;
    else if (c >= 0xE0)
        c = c & 0x0F;
    else if (c >= 0xC0)
        c = c & 0x1F;
    else {
        *sp = (const char *)s;
        return c;
    }
    while ((*s & 0xC0) == 0x80)
        c = (c << 6) | (*s++ & 0x3F);
    *sp = (const char *)s;
    return c;
}

static bool all_of(const char *s, const char *first, const char *rest)
{
    if (!s || !*s || !strchr(first, *s))
        return false;
    for (s++; *s; s++)
        if (!strchr(rest, *s))
            return false;
    return true;
}

#define LOWER "abcdefghijklmnopqrstuvwxyz"
#define UPPER "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
#define DIGIT "0123456789"

bool gl_is_identifier(const char *s)
{
    return all_of(s, LOWER, LOWER DIGIT "_-");
}

bool gl_is_arg_name(const char *s)
{
    return all_of(s, LOWER UPPER "_", LOWER UPPER DIGIT "_");
}

bool gl_is_axis_name(const char *s)
{
    return all_of(s, LOWER, LOWER DIGIT "_");
}

bool gl_is_message_id(const char *s)
{
    return all_of(s, LOWER DIGIT, LOWER DIGIT "_.-");
}

char *gl_strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = malloc(n);
    if (p)
        memcpy(p, s, n);
    return p;
}
