/* Options: the safety limits and the link policy a catalog is opened or
 * linted with. */
#include <stdlib.h>

#include "catalog.h"
#include "error.h"
#include "limits.h"

struct glocal_options {
    gl_limits limits;
    glocal_links links;
    bool verify;              /* a compiled catalog's checksum at open */
};

const gl_limits gl_default_limits = {{
    [GLOCAL_LIMIT_FILE_BYTES] = 32u << 20,
    [GLOCAL_LIMIT_YAML_DEPTH] = 16,
    [GLOCAL_LIMIT_SCALAR_BYTES] = 256u << 10,
    [GLOCAL_LIMIT_MESSAGES] = 100000,
    [GLOCAL_LIMIT_VARIANTS] = 256,
    [GLOCAL_LIMIT_TEMPLATE_DEPTH] = 10,
    [GLOCAL_LIMIT_BUNDLES] = 4096,
    [GLOCAL_LIMIT_OUTPUT_BYTES] = 1u << 20,
}};

const uint64_t gl_hard_max_limits[GL_LIMIT_COUNT] = {
    [GLOCAL_LIMIT_FILE_BYTES] = 1u << 30,
    [GLOCAL_LIMIT_YAML_DEPTH] = GL_HARD_MAX_YAML_DEPTH,
    [GLOCAL_LIMIT_SCALAR_BYTES] = 64u << 20,
    [GLOCAL_LIMIT_MESSAGES] = 10000000,
    [GLOCAL_LIMIT_VARIANTS] = 65536,
    [GLOCAL_LIMIT_TEMPLATE_DEPTH] = GL_HARD_MAX_TEMPLATE_DEPTH,
    [GLOCAL_LIMIT_BUNDLES] = 1000000,
    [GLOCAL_LIMIT_OUTPUT_BYTES] = 256u << 20,
};

glocal_status glocal_options_new(glocal_options **out, glocal_error **err)
{
    if (!out)
        return gl_fail(err, GLOCAL_ERR_INVALID, NULL, 0, 0, "glocal_options_new: out is NULL");
    glocal_options *o = malloc(sizeof(*o));
    if (o) {
        o->limits = gl_default_limits;
        o->links = GLOCAL_LINKS_INSIDE;
        o->verify = false;
    }
    *out = o;
    return o ? GLOCAL_OK : gl_nomem(err);
}

glocal_status glocal_options_set_limit(glocal_options *o, glocal_limit which, uint64_t value,
                                       glocal_error **err)
{
    if (!o || (unsigned)which >= GL_LIMIT_COUNT)
        return gl_fail(err, GLOCAL_ERR_INVALID, NULL, 0, 0, "%s",
                       o ? "unknown limit" : "the options are NULL");
    if (value == 0 || value > gl_hard_max_limits[which])
        return gl_fail(err, GLOCAL_ERR_INVALID, NULL, 0, 0,
                       "limit %d must be between 1 and %llu", (int)which,
                       (unsigned long long)gl_hard_max_limits[which]);
    o->limits.v[which] = value;
    return GLOCAL_OK;
}

glocal_status glocal_options_set_links(glocal_options *o, glocal_links policy, glocal_error **err)
{
    if (!o)
        return gl_fail(err, GLOCAL_ERR_INVALID, NULL, 0, 0, "the options are NULL");
    if (policy != GLOCAL_LINKS_INSIDE && policy != GLOCAL_LINKS_ANYWHERE)
        return gl_fail(err, GLOCAL_ERR_INVALID, NULL, 0, 0,
                       "unknown link policy %d (GLOCAL_LINKS_INSIDE or GLOCAL_LINKS_ANYWHERE)",
                       (int)policy);
    o->links = policy;
    return GLOCAL_OK;
}

glocal_status glocal_options_set_verify(glocal_options *o, int on)
{
    if (!o)
        return GLOCAL_ERR_INVALID;
    o->verify = on != 0;
    return GLOCAL_OK;
}

void glocal_options_free(glocal_options *o)
{
    free(o);
}

const gl_limits *gl_options_limits(const glocal_options *o)
{
    return o ? &o->limits : &gl_default_limits;
}

glocal_links gl_options_links(const glocal_options *o)
{
    return o ? o->links : GLOCAL_LINKS_INSIDE;
}

bool gl_options_verify(const glocal_options *o)
{
    return o && o->verify;
}
