/* What every stage of loading a bundle checks on a YAML node, and how it
 * reports against the bundle being loaded. */
#include "load.h"

#include <string.h>

#include "locales.h"

bool gl_load_stopped(const gl_bundle_ctx *x)
{
    return x->ld->diag->stop || x->ld->diag->fatal;
}

bool gl_load_nomem(gl_bundle_ctx *x)
{
    return gl_report_fatal(x->ld->diag, GLOCAL_ERR_NOMEM, x->b->file, "out of memory");
}

static const char *kind_word(yn_kind kind)
{
    return kind == YN_MAP ? "a mapping" : kind == YN_SEQ ? "a list" : "a string";
}

const char *gl_node_kind_name(const ynode *n)
{
    return kind_word(n->kind);
}

const char *gl_want_scalar(gl_bundle_ctx *x, const ynode *n, const char *what)
{
    if (n->kind == YN_SCALAR)
        return n->str;
    REPORT(x, R_SCHEMA, n, "%s must be a string, not %s", what, gl_node_kind_name(n));
    return NULL;
}

bool gl_want_kind(gl_bundle_ctx *x, const ynode *n, yn_kind kind, const char *what)
{
    if (n->kind == kind)
        return true;
    REPORT(x, R_SCHEMA, n, "%s must be %s, not %s", what, kind_word(kind), kind_word(n->kind));
    return false;
}

bool gl_check_tag(gl_bundle_ctx *x, const ynode *n, const char *key)
{
    char canon[GL_TAG_MAX];
    gl_tag_status st = gl_locale_canonical(n->str, canon, sizeof canon);
    if (st == TAG_NOMEM)
        return !gl_load_nomem(x);
    if (st != TAG_OK) {
        REPORT(x, R_LOCALE_TAG, n, "`%s: %s` is not a well-formed BCP 47 tag", key, n->str);
        return false;
    }
    if (strcmp(canon, n->str) != 0) {
        REPORT(x, R_LOCALE_TAG, n, "`%s: %s` is not canonical; write `%s`", key, n->str, canon);
        return false;
    }
    /* the rule glocal_request_new applies: a catalog opens only with tags a
     * request for them could use */
    const char *ext = "";
    int known = gl_locale_extensions_known(canon, &ext);
    if (known < 0)
        return !gl_load_nomem(x);
    if (!known) {
        REPORT(x, R_LOCALE_TAG, n, "`%s: %s` asks for a %s (-u-%s-) that ICU does not know or "
               "glocal cannot write numbers with", key, n->str,
               strcmp(ext, "nu") == 0 ? "numbering system" : "calendar", ext);
        return false;
    }
    return true;
}
