/* MessageFormat 2 templates of a compiled catalog.  The file keeps such a
 * template's source, slots and selectors but not its parsed message (the MF2
 * data model of mf2.h is not in the record descriptions): like a message's
 * definitions, it is checked on first use, parsed into a table the catalog
 * owns, one entry per template id, published by compare-and-swap so readers
 * never lock (docs/compiled.md).  Threads that race parse the same source;
 * one entry wins and the others are freed. */
#include <stdlib.h>
#include <string.h>

#include "compiled.h"
#include "mf2.h"

typedef struct parsed {
    gl_arena *arena;
    const gl_mf2 *m;
} parsed;

struct gl_mf2_memo {
    size_t n;                 /* the catalog's template ids */
    _Atomic(parsed *) entry[];
};

static gl_mf2_memo *memo_of(const glocal_catalog *c)
{
    _Atomic(gl_mf2_memo *) *slot = &((glocal_catalog *)c)->mf2_memo;
    gl_mf2_memo *memo = atomic_load_explicit(slot, memory_order_acquire);
    if (memo)
        return memo;
    gl_mf2_memo *fresh = malloc(sizeof(*fresh) + c->ntemplates * sizeof(fresh->entry[0]));
    if (!fresh)
        return NULL;
    fresh->n = c->ntemplates;
    for (size_t i = 0; i < fresh->n; i++)
        atomic_init(&fresh->entry[i], NULL);
    if (atomic_compare_exchange_strong_explicit(slot, &memo, fresh, memory_order_acq_rel,
                                                memory_order_acquire))
        return fresh;
    free(fresh);
    return memo;
}

static void parsed_free(parsed *p)
{
    if (p)
        gl_arena_free(p->arena);
    free(p);
}

glocal_status gl_template_mf2(const glocal_catalog *c, const gl_template *t, const gl_mf2 **out)
{
    *out = t->mf2;
    if (t->mf2) /* a catalog opened from a directory */
        return GLOCAL_OK;
    gl_mf2_memo *memo = memo_of(c);
    if (!memo)
        return GLOCAL_ERR_NOMEM;
    if (t->id >= memo->n) /* the walk checked it: not reached */
        return GLOCAL_ERR_SCHEMA;
    parsed *known = atomic_load_explicit(&memo->entry[t->id], memory_order_acquire);
    if (known) {
        *out = known->m;
        return GLOCAL_OK;
    }
    parsed *fresh = calloc(1, sizeof(*fresh));
    gl_mf2 *m = NULL;
    gl_mf2_problem why = {0};
    gl_mf2_parse_status st = fresh && (fresh->arena = gl_arena_new())
                                 ? gl_mf2_parse(fresh->arena, t->src, strlen(t->src), &m, &why)
                                 : MF2_NOMEM;
    if (st != MF2_OK) {
        parsed_free(fresh);
        /* the source parsed when the file was compiled: a file changed since */
        return st == MF2_NOMEM ? GLOCAL_ERR_NOMEM : GLOCAL_ERR_SCHEMA;
    }
    fresh->m = m;
    if (atomic_compare_exchange_strong_explicit(&memo->entry[t->id], &known, fresh,
                                                memory_order_acq_rel, memory_order_acquire)) {
        *out = m;
        return GLOCAL_OK;
    }
    parsed_free(fresh);
    *out = known->m;
    return GLOCAL_OK;
}

void gl_mf2_memo_free(gl_mf2_memo *memo)
{
    if (!memo)
        return;
    for (size_t i = 0; i < memo->n; i++)
        parsed_free(atomic_load_explicit(&memo->entry[i], memory_order_relaxed));
    free(memo);
}
