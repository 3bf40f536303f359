/* The format memo: what a request's resolution of a message decided, kept in
 * the request, so that formatting a message again is a lookup (and, for a
 * literal, a copy).  docs/internals.md, "Memory and threads". */
#ifndef GLOCAL_FORMAT_MEMO_H
#define GLOCAL_FORMAT_MEMO_H

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

/* The memo's hash of a message id of n bytes. */
uint32_t gl_memo_hash(const char *id, size_t n);

/* r's entry for message id (n bytes, hash h) on catalog c, or NULL.  Never
 * locks, never allocates: any number of threads may look up at once. */
const gl_memo_entry *gl_memo_find(const glocal_request *r, const glocal_catalog *c,
                                  const char *id, size_t n, uint32_t h);

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
