/* The format memo: what a request's resolution of a message decided, kept in
 * the request, so that formatting a message again is a lookup (and, for a
 * literal, a copy).  docs/internals.md, "Memory and threads". */
#ifndef GLOCAL_FORMAT_MEMO_H
#define GLOCAL_FORMAT_MEMO_H

#include <string.h>

#include "resolve.h"

/* One memoized resolution, immutable once published.  Its pointers are the
 * catalog's (and the request's time zone), valid while both live unchanged:
 * the serial, never reused, keeps an entry of a freed catalog from matching
 * a new one at the same address, and a setter that changes what resolution
 * reads forgets the request's memo (gl_request_forget). */
typedef struct gl_memo_entry {
    uint64_t serial;          /* the catalog's */
    uint32_t hash;            /* gl_memo_hash of the id */
    size_t id_len;
    const char *id;           /* the catalog's copy of the message id */
    const char *literal;      /* the whole output when it is a plain literal, else NULL */
    size_t literal_len;
    gl_resolution res;        /* its chain is the catalog's memoized one */
} gl_memo_entry;

/* 256 messages per request (an entry is about 150 bytes: at most some 40 KiB
 * a request), probed 8 slots deep: a request that formats more messages, or
 * outlives many catalogs (their entries never match again), resolves the
 * rest on every call, as without a memo. */
enum { GL_MEMO_SLOTS = 256, GL_MEMO_PROBES = 8 };

struct gl_format_memo {
    _Atomic(gl_memo_entry *) slot[GL_MEMO_SLOTS];
};

/* The memo's hash of a message id of n bytes: eight bytes at a time (ids are
 * short, and a byte-at-a-time hash was a large part of a literal's time).
 * Inline, like the lookup: a literal's whole time is a few dozen
 * instructions. */
static inline uint32_t gl_memo_hash(const char *id, size_t n)
{
    uint64_t h = 0x9E3779B97F4A7C15u ^ n, w = 0;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        memcpy(&w, id + i, 8);
        h = (h ^ w) * 0xFF51AFD7ED558CCDu;
        h ^= h >> 32;
    }
    if (n >= 8) {
        memcpy(&w, id + n - 8, 8); /* the last 8 bytes, overlapping the loop's */
    } else {
        w = 0;
        for (; i < n; i++)
            w = w << 8 | (unsigned char)id[i];
    }
    h = (h ^ w) * 0xC4CEB9FE1A85EC53u;
    return (uint32_t)(h ^ (h >> 29));
}

/* Two catalogs' entries for one id start at different slots. */
static inline size_t gl_memo_first_slot(uint64_t serial, uint32_t h)
{
    return (h + (uint32_t)(serial * 0x9E3779B97F4A7C15u)) % GL_MEMO_SLOTS;
}

static inline bool gl_memo_same_key(const gl_memo_entry *e, uint64_t serial, const char *id,
                                    size_t n, uint32_t h)
{
    return e->serial == serial && e->hash == h && e->id_len == n && memcmp(e->id, id, n) == 0;
}

/* r's entry for message id (n bytes, hash h) on catalog c, or NULL.  Never
 * locks, never allocates: any number of threads may look up at once.  An
 * empty slot ends the probe: entries are never removed one by one. */
static inline const gl_memo_entry *gl_memo_find(const glocal_request *r,
                                                const glocal_catalog *c, const char *id,
                                                size_t n, uint32_t h)
{
    struct gl_format_memo *m = atomic_load_explicit(&r->memo, memory_order_acquire);
    if (!m)
        return NULL;
    size_t at = gl_memo_first_slot(c->serial, h);
    for (size_t probe = 0; probe < GL_MEMO_PROBES; probe++) {
        gl_memo_entry *e = atomic_load_explicit(&m->slot[(at + probe) % GL_MEMO_SLOTS],
                                                memory_order_acquire);
        if (!e || gl_memo_same_key(e, c->serial, id, n, h))
            return e;
    }
    return NULL;
}

/* Offers res, a successful resolution of message res->msg for r on c, to r's
 * memo.  Kept only on the request's second resolution onward (a request
 * built for one call pays nothing), with a chain the catalog memoizes, and
 * while r's memo has room; literal (NULL: none) is the output when the
 * variant is a plain literal.  Never fails: what is not kept is resolved
 * again on the next call. */
void gl_memo_offer(const glocal_request *r, const glocal_catalog *c, uint32_t h,
                   const gl_resolution *res, const char *literal, size_t literal_len);

/* Frees r's memo: on request free, and when a setter changes what
 * resolution reads (no other thread may use r then). */
void gl_request_forget(glocal_request *r);

#endif
