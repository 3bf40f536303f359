/* Which bundle and which variant serve a message: the one place glocal
 * decides it (docs/resolution.md).  Formatting, explain, the result API,
 * catalog reading (coverage) and lint's cross-bundle checks all call these
 * functions; none of them walks a chain on its own. */
#ifndef GLOCAL_RESOLVE_H
#define GLOCAL_RESOLVE_H

#include <string.h>

#include "chain.h"
#include "request.h"

/* The message's definition in bundle b; NULL when b does not define it (or
 * is a bundle lint could not read).  Inline: every format call asks. */
static inline const gl_msgdef *gl_msgdef_in(const gl_bundle *b, uint32_t msg)
{
    return b->msgs ? b->msgs[msg] : NULL;
}

/* The chain position whose bundle decides the text's language: the nearest
 * bundle holding a valid lock on msg (docs/bundles.md#locks), else base for a
 * message base locks, else the first bundle defining msg, else base (the
 * last position). */
size_t gl_deciding_position(const glocal_catalog *c, const uint32_t *chain, size_t n,
                            uint32_t msg);

/* The definitions that merge into a message's map, nearer bundles first: the
 * deciding bundle's, then those of later bundles of the same language, up to
 * and including the first scalar.  Their variants are the candidates a
 * context chooses from.  An iterator, inline, because every format call
 * walks it. */
typedef struct gl_merge {
    const glocal_catalog *c;
    const uint32_t *chain;
    size_t n, first, pos;
    uint32_t msg;
    bool done;
} gl_merge;

static inline gl_merge gl_merge_start(const glocal_catalog *c, const uint32_t *chain, size_t n,
                                      uint32_t msg, size_t first)
{
    return (gl_merge){c, chain, n, first, first, msg, false};
}

/* The next merging definition and its chain position, or NULL at the end. */
static inline const gl_msgdef *gl_merge_next(gl_merge *m, size_t *pos)
{
    const char *lang = m->c->bundles[m->chain[m->first]].lang_script;
    for (; !m->done && m->pos < m->n; m->pos++) {
        const gl_bundle *o = &m->c->bundles[m->chain[m->pos]];
        if (m->pos != m->first && strcmp(o->lang_script, lang) != 0)
            continue;
        const gl_msgdef *def = gl_msgdef_in(o, m->msg);
        if (!def)
            continue;
        m->done = def->scalar;
        *pos = m->pos++;
        return def;
    }
    return NULL;
}

/* Calls fn for every merging definition, in gl_merge_next's order. */
typedef void (*gl_definition_fn)(void *ud, const gl_msgdef *def, size_t pos);
void gl_each_merged(const glocal_catalog *c, const uint32_t *chain, size_t n, uint32_t msg,
                    size_t first, gl_definition_fn fn, void *ud);

/* -1 when v does not match the context; else its rank: channel beats
 * formality beats tone beats the custom axes in declared order, `other`
 * ranks 0. */
static inline int gl_variant_score(const gl_variant *v, const uint32_t *ctx)
{
    for (unsigned m = v->key->named; m; m &= m - 1) {
        int a = __builtin_ctz(m);
        if (v->key->ax[a] != ctx[a])
            return -1;
    }
    return v->key->rank;
}

/* The variant context ctx selects among the definitions merging from chain
 * position first: the best-ranked match; a farther variant with the same
 * key ranks the same as the nearer one seen first, so nearer bundles win per
 * key.  NULL when none matches; else *pos is its bundle's chain position.
 * gl_resolve's selection, and lint's (dropped-arg compares a local variant
 * with the base variant its own context selects).  Inline: every format call
 * selects. */
static inline const gl_variant *gl_select_variant(const glocal_catalog *c, const uint32_t *chain,
                                                  size_t n, uint32_t msg, size_t first,
                                                  const uint32_t *ctx, size_t *pos)
{
    gl_merge m = gl_merge_start(c, chain, n, msg, first);
    const gl_variant *best = NULL;
    int best_score = -1;
    size_t at;
    for (const gl_msgdef *def; (def = gl_merge_next(&m, &at));)
        for (size_t i = 0; i < def->nv; i++) {
            int s = gl_variant_score(&def->v[i], ctx);
            if (s > best_score) {
                best_score = s;
                best = &def->v[i];
                *pos = at;
            }
        }
    return best;
}

/* Where a context value came from. */
enum { GL_FROM_UNSET = -2, GL_FROM_REQUEST = -1 /* else: chain position of the profile */ };

typedef struct gl_resolution {
    const gl_chain *chain;
    bool chain_owned;
    uint32_t msg;
    uint32_t ctx[GL_MAX_AXES]; /* value index per axis, GL_AXIS_NONE unset */
    int ctx_from[GL_MAX_AXES];
    size_t first;              /* chain position deciding the text's language */
    const char *lang;          /* the text's language and script */
    const gl_variant *var;     /* the variant served */
    size_t var_pos;            /* chain position of the bundle defining var */
    const char *zone;
} gl_resolution;

/* Resolves message id for request r: chain, context, language, variant.
 * GLOCAL_ERR_NOT_FOUND, GLOCAL_ERR_INVALID (an axis value the catalog does
 * not have), GLOCAL_ERR_FORMAT (no variant matches), GLOCAL_ERR_NOMEM.
 * Call gl_resolution_done afterwards, whatever it returned. */
glocal_status gl_resolve(const glocal_catalog *c, const char *id, const glocal_request *r,
                         gl_resolution *res, glocal_error **err);
static inline void gl_resolution_done(gl_resolution *res)
{
    if (res->chain_owned)
        gl_chain_free((gl_chain *)res->chain);
    res->chain = NULL;
    res->chain_owned = false;
}

/* The bundle at chain position pos of a resolution. */
static inline const gl_bundle *gl_resolution_bundle(const glocal_catalog *c,
                                                    const gl_resolution *res, size_t pos)
{
    return &c->bundles[res->chain->idx[pos]];
}

#endif
