/* Requests and argument lists: what the caller says about one message. */
#ifndef GLOCAL_REQUEST_H
#define GLOCAL_REQUEST_H

#include "catalog.h"
#include "locales.h"
#include "value.h"

#define GL_MAX_FALLBACKS 8

struct glocal_request {
    char tag[GL_TAG_MAX];     /* canonical BCP 47, extensions kept */
    char *fallbacks;          /* NULL, or the chain key: tag, then "\n" and each fallback */
    size_t nfallbacks;
    uint32_t hash;            /* of the chain key */
    struct {
        char *name, *value;
        int builtin;          /* AX_* for a built-in axis (no lookup by name), else -1 */
    } axis[GL_MAX_AXES];      /* the axes set, in the order first set */
    size_t naxes;
    char *zone;               /* NULL: unset */
    glocal_isolation isolation;
    glocal_medium medium;     /* GLOCAL_MEDIUM_CHANNEL: as the channel declares */
    /* the format memo (format_memo.c): what resolution decided for the
     * fields above but isolation and medium, which every call reads anew */
    _Atomic(struct gl_format_memo *) memo;
    atomic_bool resolved;     /* a first resolution was made: the memo starts at the second */
};

typedef struct gl_arg {
    char *name;
    gl_value v;
} gl_arg;

struct glocal_args {
    gl_arg *items;
    size_t count, cap;
};

/* What the chain memo knows this request's chain by (gl_chain_get). */
static inline const char *gl_request_chain_key(const glocal_request *r)
{
    return r->fallbacks ? r->fallbacks : r->tag;
}

const gl_value *gl_args_find(const glocal_args *a, const char *name);
gl_argtype gl_value_type(const gl_value *v);
/* Why s is not a code (1-64 ASCII letters, digits, `-`), NULL when it is one. */
const char *gl_code_problem(const char *s);
/* Canonicalizes a well-formed locale into out, or fails with GLOCAL_ERR_LOCALE. */
glocal_status gl_canonical_locale(const char *locale, char out[GL_TAG_MAX], glocal_error **err);
/* gl_canonical_locale, and GLOCAL_ERR_LOCALE too for a numbering system or
 * calendar glocal cannot use (-u-nu-foo, -u-nu-roman, -u-ca-foo): a caller's
 * locale. */
glocal_status gl_request_locale(const char *locale, char out[GL_TAG_MAX], glocal_error **err);

#endif
