/* Writing a resolution as text, shared by glocal_format, glocal_explain and
 * the result API. */
#ifndef GLOCAL_FORMAT_H
#define GLOCAL_FORMAT_H

#include "resolve.h"
#include "sms.h"
#include "value.h"

/* Everything writing one template needs besides its arguments: where its
 * terms come from, its message, how values are written, its channel's
 * medium and encoding.  Built from a resolution (gl_render_ctx_init), or by
 * lint for a variant it measures. */
typedef struct gl_render_ctx {
    const glocal_catalog *c;
    const uint32_t *chain;    /* the chain terms are read along */
    size_t nchain;
    const char *lang;         /* the text's language */
    uint32_t msg;             /* base message index */
    const char *id;
    gl_fmt_env env;
    bool rtl;
    glocal_isolation isolation;
    bool html;                /* escape argument values and terms */
    gl_encoding encoding;     /* the channel's: replacements after writing */
} gl_render_ctx;

void gl_render_ctx_init(gl_render_ctx *x, const glocal_catalog *c, const gl_resolution *res,
                        const glocal_request *r, const char *id);
/* Writes t with args into out (an empty buffer) within the catalog's output
 * limit, the channel's encoding applied. */
glocal_status gl_render_template(const gl_render_ctx *x, const gl_template *t,
                                 const glocal_args *a, gl_buf *out, glocal_error **err);

/* gl_render_template within out's own max, set by the caller: the output
 * limit, or a caller's smaller buffer (glocal_format_to, whose out->p is the
 * caller's and never grows). */
glocal_status gl_render_within(const gl_render_ctx *x, const gl_template *t,
                               const glocal_args *a, gl_buf *out, glocal_error **err);

/* The whole output when the resolved variant is a literal its channel writes
 * as it is (no encoding to apply): a literal is the catalog's own text, never
 * escaped or isolated, so it needs no render context.  NULL otherwise. */
const char *gl_plain_literal(const glocal_catalog *c, const gl_resolution *res, size_t *n);

/* A known text (n bytes) into an empty out: one allocation and one copy,
 * within the catalog's output limit. */
glocal_status gl_write_literal(const glocal_catalog *c, const char *id, const char *text,
                               size_t n, gl_buf *out, glocal_error **err);

/* GLOCAL_ERR_LIMIT: message id formats past the catalog's output limit. */
glocal_status gl_over_limit(const glocal_catalog *c, const char *id, glocal_error **err);

/* Writes the resolved variant with args into out (an empty buffer), within
 * the catalog's output limit. */
glocal_status gl_render(const glocal_catalog *c, const gl_resolution *res,
                        const glocal_request *r, const glocal_args *a, const char *id,
                        gl_buf *out, glocal_error **err);

/* GLOCAL_ERR_INVALID when a message id is not UTF-8. */
glocal_status gl_check_message_id(const char *id, glocal_error **err);

/* What a format call serves: the request's memoized resolution, or the
 * call's own.  Only the fields a call reads are set: a memo hit costs a few
 * stores. */
typedef struct gl_served {
    const gl_resolution *res;
    const char *literal;      /* the whole output when a plain literal (gl_plain_literal) */
    size_t literal_len;
    gl_resolution own;        /* set on a miss; own.chain_owned always */
} gl_served;

/* Checks id and resolves it for r through r's memo (format_memo.h), offering
 * the memo what it resolved: the statuses of gl_resolve and
 * gl_check_message_id.  Call gl_resolution_done(&s->own) afterwards,
 * whatever it returned (serve.c). */
glocal_status gl_serve(const glocal_catalog *c, const char *id, const glocal_request *r,
                       gl_served *s, glocal_error **err);

/* The resolved variant with args into the caller's buf of cap bytes, NUL
 * included, as glocal_format_to writes it: GLOCAL_ERR_BUFFER with the size
 * needed in *len when it does not fit (serve.c). */
glocal_status gl_render_to(const glocal_catalog *c, const gl_resolution *res,
                           const glocal_request *r, const glocal_args *a, const char *id,
                           char *buf, size_t cap, size_t *len, glocal_error **err);

typedef glocal_status (*gl_write_fn)(const glocal_catalog *c, const gl_resolution *res,
                                     const glocal_request *r, const glocal_args *a,
                                     const char *id, gl_buf *out, glocal_error **err);

/* What every formatting entry point shares: check the call, resolve, write
 * with `write`, hand the text to the caller in *out_utf8. */
glocal_status gl_resolve_and_write(const glocal_catalog *c, const char *id,
                                   const glocal_request *r, const glocal_args *a,
                                   gl_write_fn write, char **out_utf8, glocal_error **err);

#endif
