/* Resolution (SPEC §3.3-3.9) and formatting: which variant, in which
 * locale, with which values; and the explanation of those choices. */
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>

#include "chain.h"
#include "limits.h"
#include "request.h"

static const int axis_weight[AX_COUNT] = {2, 1, 4}; /* channel, then formality, then tone */

typedef struct resolved {
    const gl_chain *chain;
    bool chain_owned;
    uint32_t msg;
    uint32_t ctx[AX_COUNT];
    int ctx_from[AX_COUNT];    /* -1 request, -2 unset, else chain position of the profile */
    size_t first;              /* chain position deciding the text's language */
    const char *lang;          /* the text's language and script, L */
    const gl_variant *var;
    size_t var_pos;            /* chain position of the bundle B of var */
    const char *zone;
} resolved;

static void resolved_done(resolved *res)
{
    if (res->chain_owned)
        gl_chain_free((gl_chain *)res->chain);
}

static const gl_bundle *at(const glocal_catalog *c, const resolved *res, size_t pos)
{
    return &c->bundles[res->chain->idx[pos]];
}

/* -1: no match; else a rank where channel > formality > tone, `other` 0. */
static int variant_score(const gl_variant *v, const uint32_t ctx[AX_COUNT])
{
    int s = 0;
    for (int a = 0; a < AX_COUNT; a++) {
        if (!v->ax[a])
            continue;
        if (v->ax[a] != ctx[a])
            return -1;
        s += axis_weight[a];
    }
    return s;
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

static glocal_status resolve_context(const glocal_catalog *c, const glocal_request *r,
                                     resolved *res, glocal_error **err)
{
    const gl_chain *ch = res->chain;
    for (int a = 0; a < AX_COUNT; a++) {
        res->ctx_from[a] = -2;
        if (r->axis[a]) {
            uint32_t v;
            if (!gl_axis_value(c, r->axis[a], &v) || gl_axis_of(c, v) != a)
                return gl_fail(err, GLOCAL_ERR_INVALID, NULL, 0, 0,
                               "`%s` is not a %s value of this catalog", r->axis[a],
                               gl_axis_names[a]);
            res->ctx[a] = v;
            res->ctx_from[a] = -1;
        } else if (a == AX_FORMALITY && ch->formality) {
            res->ctx[a] = ch->formality;
            res->ctx_from[a] = (int)ch->formality_from;
        } else if (a == AX_TONE && ch->tone) {
            res->ctx[a] = ch->tone;
            res->ctx_from[a] = (int)ch->tone_from;
        }
    }
    res->zone = r->zone ? r->zone : ch->time_zone ? ch->time_zone : "UTC";
    return GLOCAL_OK;
}

/* Calls fn for every candidate variant in merge order (nearer first). */
typedef void (*variant_fn)(void *ud, const gl_variant *v, size_t pos);

static void each_candidate(const glocal_catalog *c, const resolved *res, variant_fn fn, void *ud)
{
    for (size_t pos = res->first; pos < res->chain->n; pos++) {
        const gl_bundle *o = at(c, res, pos);
        if (pos != res->first && strcmp(o->lang_script, res->lang) != 0)
            continue;
        const gl_msgdef *def = o->msgs[res->msg];
        if (!def)
            continue;
        for (size_t i = 0; i < def->nv; i++)
            fn(ud, &def->v[i], pos);
        if (def->scalar)
            break;
    }
}

typedef struct best {
    const resolved *res;
    const gl_variant *v;
    size_t pos;
    int score;
} best;

/* Strictly better only: a farther variant with the same key has the same
 * score as the nearer one seen first, so nearer bundles win per key. */
static void keep_best(void *ud, const gl_variant *v, size_t pos)
{
    best *b = ud;
    int s = variant_score(v, b->res->ctx);
    if (s > b->score) {
        b->v = v;
        b->pos = pos;
        b->score = s;
    }
}

static glocal_status resolve(const glocal_catalog *c, const char *id, const glocal_request *r,
                             resolved *res, glocal_error **err)
{
    memset(res, 0, sizeof(*res));
    if (!gl_lookup_message(c, id, &res->msg))
        return not_found(c, id, err);
    res->chain = gl_chain_get(c, r->tag, r->hash, &res->chain_owned);
    if (!res->chain)
        return gl_nomem(err);
    glocal_status st = resolve_context(c, r, res, err);
    if (st != GLOCAL_OK)
        return st;
    size_t last = res->chain->n - 1;
    res->first = last;
    if (!c->messages[res->msg].locked)
        for (size_t pos = 0; pos < last; pos++)
            if (at(c, res, pos)->msgs[res->msg]) {
                res->first = pos;
                break;
            }
    res->lang = at(c, res, res->first)->lang_script;
    best b = {res, NULL, 0, -1};
    each_candidate(c, res, keep_best, &b);
    if (!b.v)
        return gl_fail(err, GLOCAL_ERR_FORMAT, NULL, 0, 0, "`%s` has no variant for this request",
                       id);
    res->var = b.v;
    res->var_pos = b.pos;
    return GLOCAL_OK;
}

/* ---- writing ---- */

static const char FSI[] = "\xE2\x81\xA8", PDI[] = "\xE2\x81\xA9";

/* SPEC §3.8 auto: a strong character of the other direction, or, in a
 * right-to-left locale, no strong character at all. */
static bool needs_isolation(const char *s, size_t n, bool rtl)
{
    bool ltr_seen = false, rtl_seen = false;
    const char *end = s + n;
    while (s < end) {
        unsigned char b = (unsigned char)*s;
        if (b < 0x80) {
            /* ASCII: letters are L, nothing else is strong (as u_charDirection says). */
            s++;
            if ((b | 0x20) >= 'a' && (b | 0x20) <= 'z') {
                ltr_seen = true;
                if (rtl)
                    return true;
            }
            continue;
        }
        uint32_t cp = gl_utf8_next(&s);
        UCharDirection d = u_charDirection((UChar32)cp);
        if (d == U_LEFT_TO_RIGHT)
            ltr_seen = true;
        else if (d == U_RIGHT_TO_LEFT || d == U_RIGHT_TO_LEFT_ARABIC)
            rtl_seen = true;
        if (rtl ? ltr_seen : rtl_seen)
            return true;
    }
    return rtl && !ltr_seen && !rtl_seen;
}

typedef struct writer {
    const glocal_catalog *c;
    const resolved *res;
    const glocal_request *r;
    const glocal_args *a;
    const char *id;
    gl_fmt_env env;
    bool rtl;
    glocal_error **err;
} writer;

static const char *term_text(const writer *w, const char *name)
{
    return gl_term_text(w->c, w->res->chain->idx, w->res->chain->n, w->res->lang, name);
}

static glocal_status arg_value(const writer *w, const char *name, gl_use use, const char *style,
                               const gl_value **out)
{
    const gl_message *m = &w->c->messages[w->res->msg];
    const gl_argdecl *decl = gl_message_arg(m, name);
    const gl_value *v = gl_args_find(w->a, name);
    if (!v)
        return gl_fail(w->err, GLOCAL_ERR_ARGUMENT, NULL, 0, 0,
                       "`%s` needs argument `%s`%s%s", w->id, name,
                       decl && decl->type != T_ANY ? ", a " : "",
                       decl && decl->type != T_ANY ? gl_argtype_name(decl->type) : "");
    gl_argtype t = gl_value_type(v);
    unsigned mask = (decl ? decl->mask : ALL_TYPES) & gl_use_mask(use, style);
    if (!(mask & TYPE_BIT(t))) {
        bool typed = decl && decl->type != T_ANY;
        return gl_fail(w->err, GLOCAL_ERR_ARGUMENT, NULL, 0, 0,
                       "argument `%s` of `%s` is a %s, which this message cannot write here%s%s%s",
                       name, w->id, gl_argtype_name(t), typed ? " (declared: " : "",
                       typed ? gl_argtype_name(decl->type) : "", typed ? ")" : "");
    }
    *out = v;
    return GLOCAL_OK;
}

static void put_maybe_isolated(const writer *w, gl_buf *out, const char *s, size_t n, bool textual)
{
    glocal_isolation mode = w->r->isolation;
    bool wrap = mode == GLOCAL_ISOLATE_ALWAYS ||
                (mode == GLOCAL_ISOLATE_AUTO && textual && needs_isolation(s, n, w->rtl));
    if (wrap)
        gl_buf_puts(out, FSI);
    gl_buf_putn(out, s, n);
    if (wrap)
        gl_buf_puts(out, PDI);
}

static glocal_status write_slot(const writer *w, const gl_slot *s, gl_buf *out)
{
    if (s->kind == SLOT_TERM) {
        const char *text = term_text(w, s->name);
        if (!text)
            return gl_fail(w->err, GLOCAL_ERR_FORMAT, NULL, 0, 0,
                           "`%s` uses term `{-%s}`, which no bundle of its chain defines", w->id,
                           s->name);
        put_maybe_isolated(w, out, text, strlen(text), true);
        return GLOCAL_OK;
    }
    const gl_value *v;
    glocal_status st = arg_value(w, s->name, s->use, s->style, &v);
    if (st != GLOCAL_OK)
        return st;
    if (v->kind == V_TEXT) {
        put_maybe_isolated(w, out, v->s, v->slen, true);
        return GLOCAL_OK;
    }
    gl_buf tmp = {0};
    st = gl_format_value(&w->env, s, v, &tmp);
    if (st == GLOCAL_OK && tmp.oom)
        st = GLOCAL_ERR_NOMEM;
    if (st == GLOCAL_OK)
        put_maybe_isolated(w, out, tmp.p ? tmp.p : "", tmp.len, false);
    gl_buf_free(&tmp);
    if (st == GLOCAL_ERR_NOMEM)
        return gl_nomem(w->err);
    if (st != GLOCAL_OK)
        return gl_fail(w->err, st, NULL, 0, 0, st == GLOCAL_ERR_ARGUMENT
                       ? "argument `%s` of `%s` cannot be written as this template asks"
                       : "ICU failed to format argument `%s` of `%s`", s->name, w->id);
    return GLOCAL_OK;
}

/* The first of slots 0..i written exactly like slot i: an argument repeated
 * in every branch of a plural or select is formatted once. */
static size_t first_same_slot(const gl_template *t, size_t i)
{
    const gl_slot *s = &t->slots[i];
    for (size_t j = 0; j < i && j < 32; j++) {
        const gl_slot *o = &t->slots[j];
        if (o->kind == s->kind && o->use == s->use && strcmp(o->name, s->name) == 0 &&
            strcmp(o->style, s->style) == 0)
            return j;
    }
    return i;
}

static glocal_status write_complex(const writer *w, const gl_template *t, gl_buf *out)
{
    enum { SMALL = 16 };
    const gl_value *sel_small[SMALL];
    const char *text_small[SMALL];
    size_t len_small[SMALL], off_small[SMALL];
    bool big = t->nslots > SMALL || t->nsels > SMALL;
    const gl_value **sel = big ? calloc(t->nsels + 1, sizeof(*sel)) : sel_small;
    const char **text = big ? calloc(t->nslots + 1, sizeof(*text)) : text_small;
    size_t *len = big ? calloc(t->nslots + 1, sizeof(*len)) : len_small;
    size_t *off = big ? calloc(t->nslots + 1, sizeof(*off)) : off_small;
    glocal_status st = GLOCAL_OK;
    gl_buf scratch = {0};
    if (!sel || !text || !len || !off)
        st = gl_nomem(w->err);
    for (size_t i = 0; i < t->nsels && st == GLOCAL_OK; i++)
        st = arg_value(w, t->sels[i].name, t->sels[i].use, "", &sel[i]);
    for (size_t i = 0; i < t->nslots && st == GLOCAL_OK; i++) {
        size_t same = first_same_slot(t, i);
        if (same < i) {
            off[i] = off[same];
            len[i] = len[same];
            continue;
        }
        off[i] = scratch.len;
        st = write_slot(w, &t->slots[i], &scratch);
        len[i] = scratch.len - off[i];
    }
    if (st == GLOCAL_OK && scratch.oom)
        st = gl_nomem(w->err);
    for (size_t i = 0; i < t->nslots && st == GLOCAL_OK; i++)
        text[i] = scratch.p + off[i];
    if (st == GLOCAL_OK) {
        st = gl_format_complex(&w->env, t, text, len, sel, out);
        if (st != GLOCAL_OK)
            gl_fail(w->err, st, NULL, 0, 0, st == GLOCAL_ERR_ARGUMENT
                    ? "an argument of `%s` cannot select a branch"
                    : "ICU failed to format `%s`", w->id);
    }
    gl_buf_free(&scratch);
    if (big) {
        free(sel);
        free(text);
        free(len);
        free(off);
    }
    return st;
}

static glocal_status write_template(const writer *w, const gl_template *t, gl_buf *out)
{
    switch (t->kind) {
    case TK_LITERAL:
        gl_buf_putn(out, t->literal, t->piece_len[0]);
        return GLOCAL_OK;
    case TK_SIMPLE:
        for (size_t i = 0; i < t->nslots; i++) {
            gl_buf_putn(out, t->pieces[i], t->piece_len[i]);
            glocal_status st = write_slot(w, &t->slots[i], out);
            if (st != GLOCAL_OK)
                return st;
        }
        gl_buf_putn(out, t->pieces[t->nslots], t->piece_len[t->nslots]);
        return GLOCAL_OK;
    default:
        return write_complex(w, t, out);
    }
}

/* Sizes an empty output buffer for the template, so that most messages take
 * one allocation instead of a chain of reallocs.  A failed malloc is left for
 * the buffer's own growth to report. */
static void reserve_output(gl_buf *out, const gl_template *t)
{
    size_t want = 64;
    if (t->kind == TK_COMPLEX) {
        want += 2 * (size_t)t->pattern_len;
    } else {
        for (size_t i = 0; i <= t->nslots; i++)
            want += t->piece_len[i];
        want += 32 * t->nslots;
    }
    if (out->p || !(out->p = malloc(want)))
        return;
    out->cap = want;
    out->p[0] = '\0';
}

static glocal_status render(const glocal_catalog *c, const resolved *res, const glocal_request *r,
                            const glocal_args *a, const char *id, gl_buf *out, glocal_error **err)
{
    const gl_template *t = &res->var->tmpl;
    glocal_status st = GLOCAL_OK;
    if (t->kind == TK_LITERAL && !out->p) {
        /* the whole output is known: one allocation, one copy */
        size_t n = t->piece_len[0];
        if (!(out->p = malloc(n + 1)))
            return gl_nomem(err);
        memcpy(out->p, t->literal, n);
        out->p[n] = '\0';
        out->len = n;
        out->cap = n + 1;
    } else {
        writer w = {c, res, r, a, id,
                    {res->chain->format_locale[res->var_pos], res->zone, c->serial},
                    res->chain->rtl[res->var_pos], err};
        reserve_output(out, t);
        st = write_template(&w, t, out);
    }
    if (st == GLOCAL_OK && out->oom)
        return gl_nomem(err);
    if (st == GLOCAL_OK && out->len > c->max_output)
        return gl_fail(err, GLOCAL_ERR_LIMIT, NULL, 0, 0,
                       "`%s` formats to more than the limit of %llu bytes", id,
                       (unsigned long long)c->max_output);
    return st;
}

static glocal_status check_call(const glocal_catalog *c, const char *id, const glocal_request *r,
                                char **out, glocal_error **err)
{
    if (out)
        *out = NULL;
    if (!c || !id || !r || !out)
        return gl_fail(err, GLOCAL_ERR_INVALID, NULL, 0, 0, "a required argument is NULL");
    /* ids are ASCII by the bundle rules: only a byte above 0x7F needs the full check */
    const unsigned char *p = (const unsigned char *)id;
    while (*p && *p < 0x80)
        p++;
    if (*p && !gl_utf8_valid(id, strlen(id)))
        return gl_fail(err, GLOCAL_ERR_INVALID, NULL, 0, 0, "the message id is not valid UTF-8");
    return GLOCAL_OK;
}

typedef glocal_status (*write_fn)(const glocal_catalog *c, const resolved *res,
                                  const glocal_request *r, const glocal_args *a, const char *id,
                                  gl_buf *out, glocal_error **err);

/* What glocal_format and glocal_explain share: check, resolve, write. */
static glocal_status resolve_and_write(const glocal_catalog *c, const char *id,
                                       const glocal_request *r, const glocal_args *a,
                                       write_fn write, char **out_utf8, glocal_error **err)
{
    glocal_status st = check_call(c, id, r, out_utf8, err);
    if (st != GLOCAL_OK)
        return st;
    resolved res;
    st = resolve(c, id, r, &res, err);
    gl_buf out = {0};
    if (st == GLOCAL_OK)
        st = write(c, &res, r, a, id, &out, err);
    resolved_done(&res);
    if (st != GLOCAL_OK) {
        gl_buf_free(&out);
        return st;
    }
    *out_utf8 = gl_buf_take(&out);
    return *out_utf8 ? GLOCAL_OK : gl_nomem(err);
}

glocal_status glocal_format(const glocal_catalog *c, const char *message_id,
                            const glocal_request *r, const glocal_args *a, char **out_utf8,
                            glocal_error **err)
{
    return resolve_and_write(c, message_id, r, a, render, out_utf8, err);
}

/* ---- explain ---- */

typedef struct explainer {
    const glocal_catalog *c;
    const resolved *res;
    gl_buf *out;
} explainer;

static const char *bundle_name(const explainer *x, size_t pos)
{
    return at(x->c, x->res, pos)->locale;
}

static void explain_candidate(void *ud, const gl_variant *v, size_t pos)
{
    explainer *x = ud;
    int s = variant_score(v, x->res->ctx);
    gl_buf_printf(x->out, "  %s %s: %s", v == x->res->var ? "*" : " ", bundle_name(x, pos), v->key);
    if (s < 0) {
        gl_buf_puts(x->out, " (does not match the context)\n");
        return;
    }
    gl_buf_puts(x->out, s == 0 ? " (matches: the default)" : " (matches:");
    static const int rank_order[AX_COUNT] = {AX_CHANNEL, AX_FORMALITY, AX_TONE};
    for (int k = 0; k < AX_COUNT; k++)
        if (v->ax[rank_order[k]])
            gl_buf_printf(x->out, " %s", gl_axis_names[rank_order[k]]);
    gl_buf_puts(x->out, s > 0 ? ")\n" : "\n");
}

static void explain_context(const explainer *x)
{
    const resolved *res = x->res;
    for (int a = 0; a < AX_COUNT; a++) {
        gl_buf_printf(x->out, "%s: ", gl_axis_names[a]);
        if (res->ctx_from[a] == -2)
            gl_buf_puts(x->out, "(unset)\n");
        else if (res->ctx_from[a] == -1)
            gl_buf_printf(x->out, "%s (from the request)\n", x->c->axisvals[res->ctx[a]].name);
        else
            gl_buf_printf(x->out, "%s (from the profile of %s)\n",
                          x->c->axisvals[res->ctx[a]].name, bundle_name(x, (size_t)res->ctx_from[a]));
    }
}

static void explain_zone(const explainer *x, const glocal_request *r)
{
    const gl_chain *ch = x->res->chain;
    gl_buf_printf(x->out, "time zone: %s ", x->res->zone);
    if (r->zone)
        gl_buf_puts(x->out, "(from the request)\n");
    else if (ch->time_zone)
        gl_buf_printf(x->out, "(from the profile of %s)\n", bundle_name(x, ch->zone_from));
    else
        gl_buf_puts(x->out, "(default)\n");
}

static void explain_chain(const explainer *x)
{
    gl_buf_puts(x->out, "chain:\n");
    for (size_t pos = 0; pos < x->res->chain->n; pos++) {
        const gl_bundle *b = at(x->c, x->res, pos);
        gl_buf_printf(x->out, "  %zu. %s (%s)%s\n", pos + 1, b->locale, b->file,
                      b->msgs[x->res->msg] ? " defines it" : "");
    }
}

static glocal_status explain(const glocal_catalog *c, const resolved *res,
                             const glocal_request *r, const glocal_args *a, const char *id,
                             gl_buf *out, glocal_error **err)
{
    explainer x = {c, res, out};
    const gl_chain *ch = res->chain;
    gl_buf_printf(out, "message: %s%s\n", id, c->messages[res->msg].locked ? " (locked: always "
                  "from base)" : "");
    gl_buf_printf(out, "locale: %s (language %s, likely script %s)\n", ch->tag,
                  ch->facts.language, ch->facts.script);
    explain_chain(&x);
    explain_context(&x);
    explain_zone(&x, r);
    gl_buf_printf(out, "text language: %s, decided by %s\n", res->lang,
                  bundle_name(&x, res->first));
    gl_buf_puts(out, "candidates (channel beats formality beats tone; `other` loses to any "
                     "match; nearer bundles win per key):\n");
    each_candidate(c, res, explain_candidate, &x);
    gl_buf_printf(out, "selected: %s from %s (%s:%u:%u)\n", res->var->key,
                  bundle_name(&x, res->var_pos), at(c, res, res->var_pos)->file,
                  res->var->line, res->var->col);
    gl_buf_printf(out, "format locale: %s\n", ch->format_locale[res->var_pos]);
    gl_buf_printf(out, "template: %s\n", res->var->tmpl.src);
    gl_buf rendered = {0};
    glocal_error *e = NULL;
    if (render(c, res, r, a, id, &rendered, &e) == GLOCAL_OK)
        gl_buf_printf(out, "output: %s\n", rendered.p ? rendered.p : "");
    else
        gl_buf_printf(out, "output: (not formatted: %s: %s)\n",
                      glocal_status_name(glocal_error_code(e)), glocal_error_message(e));
    glocal_error_free(e);
    gl_buf_free(&rendered);
    return out->oom ? gl_nomem(err) : GLOCAL_OK;
}

glocal_status glocal_explain(const glocal_catalog *c, const char *message_id,
                             const glocal_request *r, const glocal_args *a, char **out_utf8,
                             glocal_error **err)
{
    return resolve_and_write(c, message_id, r, a, explain, out_utf8, err);
}
