/* Resolution (docs/resolution.md): which bundle decides a text's language,
 * which variants merge, which one a context selects. */
#include <string.h>

#include "compiled.h"
#include "resolve.h"

size_t gl_deciding_position(const glocal_catalog *c, const uint32_t *chain, size_t n,
                            uint32_t msg)
{
    size_t last = n - 1;
    /* a lock holder's text is the one every nearer bundle's override yields to */
    for (size_t pos = 0; c->messages[msg].local_lock && pos < last; pos++)
        if (gl_bundle_lock(&c->bundles[chain[pos]], msg))
            return pos;
    if (c->messages[msg].locked)
        return last;
    for (size_t pos = 0; pos < last; pos++)
        if (gl_msgdef_in(&c->bundles[chain[pos]], msg))
            return pos;
    return last;
}

void gl_each_merged(const glocal_catalog *c, const uint32_t *chain, size_t n, uint32_t msg,
                    size_t first, gl_definition_fn fn, void *ud)
{
    gl_merge m = gl_merge_start(c, chain, n, msg, first);
    size_t pos;
    for (const gl_msgdef *def; (def = gl_merge_next(&m, &pos));)
        fn(ud, def, pos);
}

static glocal_status not_found(const glocal_catalog *c, const char *id, glocal_error **err)
{
    for (size_t i = 1; i < c->nbundles; i++)
        for (size_t k = 0; k < c->bundles[i].norphans; k++)
            if (strcmp(c->bundles[i].orphan_ids[k], id) == 0)
                return gl_fail(err, GLOCAL_ERR_NOT_FOUND, NULL, 0, 0,
                               "message `%s` is defined only in %s; base.yaml must define it",
                               id, c->bundles[i].file);
    return gl_fail(err, GLOCAL_ERR_NOT_FOUND, NULL, 0, 0, "unknown message id `%s`", id);
}

/* The request's values, checked against the catalog's axes: a request does
 * not know its catalog, so an axis or value it lacks is found here. */
static glocal_status request_context(const glocal_catalog *c, const glocal_request *r,
                                     gl_resolution *res, glocal_error **err)
{
    for (size_t i = 0; i < r->naxes; i++) {
        int a = r->axis[i].builtin >= 0 ? r->axis[i].builtin : gl_axis_named(c, r->axis[i].name);
        uint32_t v;
        if (a < 0)
            return gl_fail(err, GLOCAL_ERR_INVALID, NULL, 0, 0,
                           "this catalog has no axis `%s`", r->axis[i].name);
        if (!gl_axis_value(c, r->axis[i].value, &v) || gl_axis_of(c, v) != a)
            return gl_fail(err, GLOCAL_ERR_INVALID, NULL, 0, 0,
                           "`%s` is not a%s %s value of this catalog", r->axis[i].value,
                           strchr("aeiou", c->axis_name[a][0]) ? "n" : "", c->axis_name[a]);
        res->ctx[a] = v;
        res->ctx_from[a] = GL_FROM_REQUEST;
    }
    return GLOCAL_OK;
}

/* The request's value for each axis, else the profile's along the chain. */
static glocal_status resolve_context(const glocal_catalog *c, const glocal_request *r,
                                     gl_resolution *res, glocal_error **err)
{
    const gl_chain *ch = res->chain;
    for (int a = 0; a < c->naxes; a++)
        res->ctx_from[a] = GL_FROM_UNSET;
    glocal_status st = request_context(c, r, res, err);
    if (st != GLOCAL_OK)
        return st;
    if (res->ctx_from[AX_FORMALITY] == GL_FROM_UNSET && ch->formality) {
        res->ctx[AX_FORMALITY] = ch->formality;
        res->ctx_from[AX_FORMALITY] = (int)ch->formality_from;
    }
    if (res->ctx_from[AX_TONE] == GL_FROM_UNSET && ch->tone) {
        res->ctx[AX_TONE] = ch->tone;
        res->ctx_from[AX_TONE] = (int)ch->tone_from;
    }
    res->zone = r->zone ? r->zone : ch->time_zone ? ch->time_zone : "UTC";
    return GLOCAL_OK;
}

glocal_status gl_resolve(const glocal_catalog *c, const char *id, const glocal_request *r,
                         gl_resolution *res, glocal_error **err)
{
    memset(res, 0, sizeof(*res));
    if (!gl_lookup_message(c, id, &res->msg))
        return not_found(c, id, err);
    glocal_status ready = gl_compiled_message_ready(c, res->msg, err);
    if (ready != GLOCAL_OK)
        return ready;
    res->chain = gl_chain_get(c, gl_request_chain_key(r), r->hash, &res->chain_owned);
    if (!res->chain)
        return gl_nomem(err);
    glocal_status st = resolve_context(c, r, res, err);
    if (st != GLOCAL_OK)
        return st;
    const gl_chain *ch = res->chain;
    res->first = gl_deciding_position(c, ch->idx, ch->n, res->msg);
    res->lang = gl_resolution_bundle(c, res, res->first)->lang_script;
    res->var = gl_select_variant(c, ch->idx, ch->n, res->msg, res->first, res->ctx, &res->var_pos);
    if (!res->var)
        return gl_fail(err, GLOCAL_ERR_FORMAT, NULL, 0, 0, "`%s` has no variant for this request",
                       id);
    return GLOCAL_OK;
}
