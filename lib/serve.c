/* glocal_format and glocal_format_to: a message served through the request's
 * format memo (format_memo.c), written by format.c. */
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "format_memo.h"

/* A memo hit skips the id check too: the id equals one of the catalog's. */
glocal_status gl_serve(const glocal_catalog *c, const char *id, const glocal_request *r,
                       gl_served *s, glocal_error **err)
{
    size_t n = strlen(id);
    uint32_t h = gl_memo_hash(id, n);
    const gl_memo_entry *e = gl_memo_find(r, c, id, n, h);
    s->own.chain_owned = false;
    if (e) {
        s->res = &e->res;
        s->literal = e->literal;
        s->literal_len = e->literal_len;
        return GLOCAL_OK;
    }
    glocal_status st = gl_check_message_id(id, err);
    if (st == GLOCAL_OK)
        st = gl_resolve(c, id, r, &s->own, err);
    if (st != GLOCAL_OK)
        return st;
    s->res = &s->own;
    s->literal = gl_plain_literal(c, &s->own, &s->literal_len);
    gl_memo_offer(r, c, h, &s->own, s->literal, s->literal_len);
    return GLOCAL_OK;
}

glocal_status glocal_format(const glocal_catalog *c, const char *message_id,
                            const glocal_request *r, const glocal_args *a, char **out_utf8,
                            glocal_error **err)
{
    if (out_utf8)
        *out_utf8 = NULL;
    if (!c || !message_id || !r || !out_utf8)
        return gl_fail(err, GLOCAL_ERR_INVALID, NULL, 0, 0, "a required argument is NULL");
    gl_served s;
    glocal_status st = gl_serve(c, message_id, r, &s, err);
    gl_buf out = {0};
    if (st == GLOCAL_OK && s.literal)
        st = gl_write_literal(c, message_id, s.literal, s.literal_len, &out, err);
    else if (st == GLOCAL_OK)
        st = gl_render(c, s.res, r, a, message_id, &out, err);
    gl_resolution_done(&s.own);
    if (st != GLOCAL_OK) {
        gl_buf_free(&out);
        return st;
    }
    *out_utf8 = gl_buf_take(&out);
    return *out_utf8 ? GLOCAL_OK : gl_nomem(err);
}

/* text (n bytes) and a NUL into buf, or GLOCAL_ERR_BUFFER with the size in *len. */
static glocal_status copy_to(const char *id, const char *text, size_t n, char *buf, size_t cap,
                             size_t *len, glocal_error **err)
{
    if (n >= cap) {
        *len = n;
        return gl_fail(err, GLOCAL_ERR_BUFFER, NULL, 0, 0,
                       "`%s` formats to %zu bytes, which with the NUL need a buffer of %zu; "
                       "this one holds %zu", id, n, n + 1, cap);
    }
    memcpy(buf, text, n);
    buf[n] = '\0';
    *len = n;
    return GLOCAL_OK;
}

/* Writes into buf directly when the channel has no encoding to apply (which
 * replaces the whole text): no allocation but ICU's.  When the buffer, not
 * the output limit, was the bound that stopped the writer, the text is
 * written again into a buffer of the library's own to learn its size (or the
 * error glocal_format gives). */
glocal_status gl_render_to(const glocal_catalog *c, const gl_resolution *res,
                           const glocal_request *r, const glocal_args *a, const char *id,
                           char *buf, size_t cap, size_t *len, glocal_error **err)
{
    gl_render_ctx x;
    gl_render_ctx_init(&x, c, res, r, id);
    size_t limit = (size_t)c->max_output;
    /* a max of 0 is no max: a buffer of one byte holds only "", written below */
    if (x.encoding == ENC_UNICODE && cap >= 2) {
        gl_buf out = {.p = buf, .cap = cap, .max = cap - 1 < limit ? cap - 1 : limit};
        glocal_error *e = NULL;
        glocal_status st = gl_render_within(&x, &res->var->tmpl, a, &out, err ? &e : NULL);
        /* the bound stops the output, or a plural's slot texts, which it bounds too */
        bool stopped = out.full || st == GLOCAL_ERR_LIMIT;
        if (!stopped || out.max == limit) {
            if (err && e)
                *err = e;
            if (st == GLOCAL_OK)
                *len = out.len;
            else
                buf[0] = '\0';
            return st;
        }
        glocal_error_free(e);
        buf[0] = '\0';
    }
    gl_buf out = {0};
    glocal_status st = gl_render(c, res, r, a, id, &out, err);
    if (st == GLOCAL_OK)
        st = copy_to(id, out.p ? out.p : "", out.len, buf, cap, len, err);
    gl_buf_free(&out);
    return st;
}

glocal_status glocal_format_to(const glocal_catalog *c, const char *message_id,
                               const glocal_request *r, const glocal_args *a, char *buf,
                               size_t cap, size_t *len, glocal_error **err)
{
    if (len)
        *len = 0;
    if (buf && cap)
        buf[0] = '\0';
    if (!c || !message_id || !r || !len || (!buf && cap))
        return gl_fail(err, GLOCAL_ERR_INVALID, NULL, 0, 0, "a required argument is NULL");
    gl_served s;
    glocal_status st = gl_serve(c, message_id, r, &s, err);
    if (st == GLOCAL_OK && s.literal && s.literal_len > (size_t)c->max_output)
        st = gl_over_limit(c, message_id, err);
    else if (st == GLOCAL_OK && s.literal)
        st = copy_to(message_id, s.literal, s.literal_len, buf, cap, len, err);
    else if (st == GLOCAL_OK)
        st = gl_render_to(c, s.res, r, a, message_id, buf, cap, len, err);
    gl_resolution_done(&s.own);
    return st;
}
