/* The format memo (format_memo.h): a fixed table of entries in the request,
 * each published once with a compare-and-swap like the chain memo (chain.c),
 * so that readers never lock and never see a half-written entry.  Entries are
 * freed only with the table, when the request is freed or changed, which no
 * other thread may do while it formats with the request: no entry is freed
 * under a reader. */
#include <stdlib.h>
#include <string.h>

#include "format_memo.h"

/* The request's own mutable part: a request is const to formatting, and
 * every thread formatting with it may publish here. */
static _Atomic(struct gl_format_memo *) *memo_of(const glocal_request *r)
{
    return (_Atomic(struct gl_format_memo *) *)&r->memo;
}

/* r's table, created on first use; NULL when out of memory. */
static struct gl_format_memo *table_of(const glocal_request *r)
{
    struct gl_format_memo *m = atomic_load_explicit(memo_of(r), memory_order_acquire);
    if (m)
        return m;
    struct gl_format_memo *mine = calloc(1, sizeof(*mine));
    if (!mine)
        return NULL;
    if (atomic_compare_exchange_strong_explicit(memo_of(r), &m, mine, memory_order_acq_rel,
                                                memory_order_acquire))
        return mine;
    free(mine);
    return m;
}

/* A request's first resolution is not kept: most requests built for a single
 * call (the bindings build one per call) never format again. */
static bool first_resolution(const glocal_request *r)
{
    atomic_bool *seen = (atomic_bool *)&r->resolved;
    if (atomic_load_explicit(seen, memory_order_relaxed))
        return false;
    atomic_store_explicit(seen, true, memory_order_relaxed);
    return true;
}

void gl_memo_offer(const glocal_request *r, const glocal_catalog *c, uint32_t h,
                   const gl_resolution *res, const char *literal, size_t literal_len)
{
    if (res->chain_owned || first_resolution(r))
        return;
    struct gl_format_memo *m = table_of(r);
    gl_memo_entry *e = m ? malloc(sizeof(*e)) : NULL;
    if (!e)
        return;
    const char *id = c->messages[res->msg].id;
    *e = (gl_memo_entry){c->serial, h, strlen(id), id, literal, literal_len, *res};
    size_t at = gl_memo_first_slot(c->serial, h);
    for (size_t probe = 0; probe < GL_MEMO_PROBES; probe++) {
        _Atomic(gl_memo_entry *) *slot = &m->slot[(at + probe) % GL_MEMO_SLOTS];
        gl_memo_entry *cur = NULL;
        if (atomic_compare_exchange_strong_explicit(slot, &cur, e, memory_order_acq_rel,
                                                    memory_order_acquire))
            return;
        if (gl_memo_same_key(cur, e->serial, e->id, e->id_len, h))
            break; /* another thread kept the same resolution first */
    }
    free(e);
}

void gl_request_forget(glocal_request *r)
{
    struct gl_format_memo *m = atomic_exchange(memo_of(r), NULL);
    if (!m)
        return;
    for (size_t i = 0; i < GL_MEMO_SLOTS; i++)
        free(atomic_load(&m->slot[i]));
    free(m);
}
