/* Formatting: a resolution (resolve.c) written out as text — slots,
 * plural/select structures, bidi isolation, the output limit.  Every buffer a
 * format call writes is capped at the limit (gl_buf.max) and every writer stops
 * at the first refused write, so the limit bounds memory and time while the
 * text is written, not after (docs/robustness.md). */
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>

#include "compiled.h"
#include "format.h"
#include "limits.h"
#include "mf2.h"
#include "request.h"
#include "sms.h"
#include "text_write.h"


static const char FSI[] = "\xE2\x81\xA8", PDI[] = "\xE2\x81\xA9", PDF[] = "\xE2\x80\xAC";

/* Isolation `auto` (docs/resolution.md): a strong character of the other direction, or, in a
 * right-to-left locale, no strong character at all. */
bool gl_needs_isolation(const char *s, size_t n, bool rtl)
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

/* ---- explicit directional controls in argument values ----
 * A value's LRE, RLE, LRO, RLO (U+202A, 202B, 202D, 202E, closed by PDF U+202C)
 * and LRI, RLI, FSI (U+2066-2068, closed by PDI U+2069) must not reach past its
 * slot: the value is isolated, its openers left open are closed at its end and
 * its closers that close nothing of its own are dropped (docs/resolution.md). */

static bool is_bidi_control(uint32_t cp)
{
    return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

bool gl_has_bidi_controls(const char *s, size_t n)
{
    /* every control is E2 80 AA-AE or E2 81 A6-A9 in UTF-8 */
    for (const char *p = s, *end = s + n; (p = memchr(p, 0xE2, (size_t)(end - p))); p++) {
        if (end - p < 3)
            return false;
        const char *q = p;
        if (is_bidi_control(gl_utf8_next(&q)))
            return true;
    }
    return false;
}

/* UAX #9 allows 125 levels; openers past this depth are dropped instead of
 * tracked, which keeps the value balanced without an allocation. */
enum { BIDI_DEPTH = 64 };

/* Writes s with its directional controls balanced: what it opens is closed
 * (innermost first), a closer without an opener of its own is dropped.  A PDI
 * also closes the embeddings opened inside its isolate, as UAX #9 rule X6a
 * does, and a PDF never closes across an isolate. */
void gl_put_contained(gl_buf *out, const char *s, size_t n)
{
    char open[BIDI_DEPTH]; /* 'E' embedding or override, 'I' isolate */
    size_t depth = 0, isolates = 0;
    const char *p = s, *end = s + n, *run = s;
    while (p < end) {
        const char *at = p;
        uint32_t cp = gl_utf8_next(&p);
        if (!is_bidi_control(cp))
            continue;
        gl_buf_putn(out, run, (size_t)(at - run));
        run = p;
        bool opener = cp != 0x202C && cp != 0x2069;
        if (opener && depth < BIDI_DEPTH) {
            open[depth++] = cp >= 0x2066 ? 'I' : 'E';
            isolates += cp >= 0x2066;
        } else if (cp == 0x202C && depth && open[depth - 1] == 'E') {
            depth--;
        } else if (cp == 0x2069 && isolates) {
            while (open[--depth] != 'I')
                ;
            isolates--;
        } else {
            continue; /* a stray closer, or an opener too deep: dropped */
        }
        gl_buf_putn(out, at, (size_t)(p - at));
    }
    gl_buf_putn(out, run, (size_t)(end - run));
    while (depth)
        gl_buf_puts(out, open[--depth] == 'I' ? PDI : PDF);
}

/* A gsm7 channel cannot send directional controls: a value's are dropped. */
static void put_without_controls(gl_buf *out, const char *s, size_t n)
{
    const char *p = s, *end = s + n, *run = s;
    while (p < end) {
        const char *at = p;
        if (is_bidi_control(gl_utf8_next(&p))) {
            gl_buf_putn(out, run, (size_t)(at - run));
            run = p;
        }
    }
    gl_buf_putn(out, run, (size_t)(end - run));
}

/* ---- medium: html ---- */

static const char *html_entity(char ch)
{
    switch (ch) {
    case '&':
        return "&amp;";
    case '<':
        return "&lt;";
    case '>':
        return "&gt;";
    case '"':
        return "&quot;";
    case '\'':
        return "&#39;";
    }
    return NULL;
}

void gl_put_html_escaped(gl_buf *out, const char *s, size_t n)
{
    const char *run = s, *end = s + n;
    for (const char *p = s; p < end; p++) {
        const char *entity = html_entity(*p);
        if (!entity)
            continue;
        gl_buf_putn(out, run, (size_t)(p - run));
        gl_buf_puts(out, entity);
        run = p + 1;
    }
    gl_buf_putn(out, run, (size_t)(end - run));
}

typedef struct writer {
    const gl_render_ctx *x;
    const glocal_args *a;
    const char *id;
    glocal_error **err;
} writer;

glocal_status gl_over_limit(const glocal_catalog *c, const char *id, glocal_error **err)
{
    return gl_fail(err, GLOCAL_ERR_LIMIT, NULL, 0, 0,
                   "`%s` formats to more than the limit of %llu bytes", id,
                   (unsigned long long)c->max_output);
}

static const char *term_text(const writer *w, const char *name)
{
    return gl_term_text(w->x->c, w->x->chain, w->x->nchain, w->x->lang, name);
}

/* An instant given for a `day` argument, as its date in the request's zone
 * (into *day). */
static glocal_status as_day(const writer *w, const char *name, const gl_value **v, gl_value *day)
{
    glocal_status st = gl_day_of_instant(w->x->env.zone, (*v)->i, day);
    *v = day;
    if (st == GLOCAL_ERR_NOMEM)
        return gl_nomem(w->err);
    if (st != GLOCAL_OK)
        return gl_fail(w->err, GLOCAL_ERR_ARGUMENT, NULL, 0, 0, "day argument `%s` of `%s` "
                       "falls outside the years %d to %d (in time zone %s)", name, w->id,
                       GL_DATE_FIRST_YEAR, GL_DATE_LAST_YEAR, w->x->env.zone);
    return GLOCAL_OK;
}

/* The value of argument `name` for this use; day (NULL: not wanted) holds an
 * instant turned into a day; *code tells a text the message declares a code
 * (written like one). */
static glocal_status arg_value(const writer *w, const char *name, gl_use use, const char *style,
                               gl_value *day, const gl_value **out, bool *code)
{
    const gl_message *m = &w->x->c->messages[w->x->msg];
    const gl_argdecl *decl = gl_message_arg(m, name);
    const gl_value *v = gl_args_find(w->a, name);
    if (!v)
        return gl_fail(w->err, GLOCAL_ERR_ARGUMENT, NULL, 0, 0,
                       "`%s` needs argument `%s`%s%s", w->id, name,
                       decl && decl->type != T_ANY ? ", a " : "",
                       decl && decl->type != T_ANY ? gl_argtype_name(decl->type) : "");
    if (day && decl && decl->type == T_DAY && v->kind == V_DATE) {
        glocal_status st = as_day(w, name, &v, day);
        if (st != GLOCAL_OK)
            return st;
    }
    gl_argtype t = gl_value_type(v);
    if (t == T_TEXT && decl && decl->type == T_CODE) {
        /* a text where a code is declared (bindings, the CLI, 1.0 callers) is read as one */
        const char *problem = gl_code_problem(v->s);
        if (problem)
            return gl_fail(w->err, GLOCAL_ERR_ARGUMENT, NULL, 0, 0,
                           "argument `%s` of `%s` is declared a code, and its value is %s", name,
                           w->id, problem);
        t = T_CODE;
        *code = true;
    }
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

/* On a gsm7 channel: a value's directional controls are dropped, since they
 * cannot be sent, and isolates are written only where `auto` would write
 * them, so that a Latin text stays GSM-7. */
static void put_for_gsm7(const writer *w, gl_buf *out, const char *s, size_t n, bool textual,
                         bool argument)
{
    gl_buf clean = {.max = out->max};
    if (argument && w->x->isolation != GLOCAL_ISOLATE_NEVER && gl_has_bidi_controls(s, n)) {
        put_without_controls(&clean, s, n);
        s = clean.p ? clean.p : "";
        n = clean.len;
    }
    bool wrap = w->x->isolation != GLOCAL_ISOLATE_NEVER && textual &&
                gl_needs_isolation(s, n, w->x->rtl);
    if (wrap)
        gl_buf_puts(out, FSI);
    if (w->x->html)
        gl_put_html_escaped(out, s, n);
    else
        gl_buf_putn(out, s, n);
    if (wrap)
        gl_buf_puts(out, PDI);
    out->oom |= clean.oom;
    gl_buf_free(&clean);
}

/* `argument`: a value from the caller, whose directional controls are
 * contained (above); terms are the catalog's own text, written as they are.
 * Direction is judged on the value, before any escaping. */
/* A value with directional controls, balanced, then escaped: containment
 * must not be a way around the html medium's escaping. */
static void put_contained_html(gl_buf *out, const char *s, size_t n)
{
    gl_buf tmp = {.max = out->max};
    gl_put_contained(&tmp, s, n);
    if (tmp.oom)
        out->oom = true;
    gl_put_html_escaped(out, tmp.p ? tmp.p : "", tmp.len);
    if (tmp.full)
        out->full = true;
    gl_buf_free(&tmp);
}

static void put_maybe_isolated(const writer *w, gl_buf *out, const char *s, size_t n, bool textual,
                               bool argument)
{
    const gl_render_ctx *x = w->x;
    if (x->encoding != ENC_UNICODE) {
        put_for_gsm7(w, out, s, n, textual, argument);
        return;
    }
    glocal_isolation mode = x->isolation;
    bool contain = argument && mode != GLOCAL_ISOLATE_NEVER && gl_has_bidi_controls(s, n);
    bool wrap = mode == GLOCAL_ISOLATE_ALWAYS || contain ||
                (mode == GLOCAL_ISOLATE_AUTO && textual && gl_needs_isolation(s, n, x->rtl));
    if (wrap)
        gl_buf_puts(out, FSI);
    if (contain && x->html)
        put_contained_html(out, s, n);
    else if (contain)
        gl_put_contained(out, s, n);
    else if (x->html)
        gl_put_html_escaped(out, s, n);
    else
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
        put_maybe_isolated(w, out, text, strlen(text), true, false);
        return GLOCAL_OK;
    }
    const gl_value *v;
    bool code = false;
    gl_value day;
    glocal_status st = arg_value(w, s->name, s->use, s->style, &day, &v, &code);
    if (st != GLOCAL_OK)
        return st;
    if (v->kind == V_CODE || code) {
        /* copied or auto-filled: exactly as given */
        gl_buf_putn(out, v->s, v->slen);
        return GLOCAL_OK;
    }
    if (v->kind == V_TEXT) {
        put_maybe_isolated(w, out, v->s, v->slen, true, true);
        return GLOCAL_OK;
    }
    gl_buf tmp = {.max = out->max};
    st = gl_format_value(&w->x->env, s, v, &tmp);
    if (st == GLOCAL_OK && tmp.oom)
        st = GLOCAL_ERR_NOMEM;
    if (st == GLOCAL_OK && tmp.full)
        out->full = true; /* the value alone passes the limit */
    else if (st == GLOCAL_OK)
        put_maybe_isolated(w, out, tmp.p ? tmp.p : "", tmp.len, false, true);
    gl_buf_free(&tmp);
    if (st == GLOCAL_ERR_NOMEM)
        return gl_nomem(w->err);
    if (st == GLOCAL_ERR_ARGUMENT && v->kind == V_DATE && s->use != USE_NUMBER)
        return gl_fail(w->err, st, NULL, 0, 0, "date argument `%s` of `%s` falls outside the "
                       "years %d to %d, the dates glocal writes (in time zone %s)", s->name,
                       w->id, GL_DATE_FIRST_YEAR, GL_DATE_LAST_YEAR, w->x->env.zone);
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
    /* the slot texts obey the output cap too: a slot past it could only be
     * written by passing the limit, and a thousand slots must not add up */
    gl_buf scratch = {.max = out->max};
    if (!sel || !text || !len || !off)
        st = gl_nomem(w->err);
    for (size_t i = 0; i < t->nsels && st == GLOCAL_OK; i++)
        st = arg_value(w, t->sels[i].name, t->sels[i].use, "", NULL, &sel[i], &(bool){false});
    for (size_t i = 0; i < t->nslots && st == GLOCAL_OK && !gl_buf_failed(&scratch); i++) {
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
    if (st == GLOCAL_OK && scratch.full)
        st = gl_over_limit(w->x->c, w->id, w->err);
    for (size_t i = 0; i < t->nslots && st == GLOCAL_OK; i++)
        text[i] = scratch.p + off[i];
    if (st == GLOCAL_OK) {
        st = gl_format_complex(&w->x->env, t, text, len, sel, out);
        if (st == GLOCAL_ERR_LIMIT)
            gl_over_limit(w->x->c, w->id, w->err);
        else if (st != GLOCAL_OK)
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

/* ---- MessageFormat 2 templates (mf2.h) ---- */

/* What an MF2 message reads its arguments through: the caller's values, a
 * `day` argument given as an instant turned into its day and a text given
 * for a `code` argument read as a code, as the MF1 path does (arg_value). */
typedef struct mf2_args {
    const writer *w;
    gl_value made[16];        /* the values turned into another kind */
    size_t nmade;
    glocal_status failed;     /* a day out of range: the value is refused */
} mf2_args;

static const gl_value *mf2_arg(void *ud, const char *name)
{
    mf2_args *m = ud;
    const gl_message *msg = &m->w->x->c->messages[m->w->x->msg];
    const gl_argdecl *decl = gl_message_arg(msg, name);
    const gl_value *v = gl_args_find(m->w->a, name);
    if (!v || !decl || m->nmade == sizeof m->made / sizeof *m->made)
        return v;
    gl_value *made = &m->made[m->nmade];
    if (decl->type == T_DAY && v->kind == V_DATE) {
        const gl_value *day = v;
        glocal_status st = as_day(m->w, name, &day, made);
        if (st != GLOCAL_OK) {
            m->failed = st;
            return NULL;
        }
    } else if (decl->type == T_CODE && v->kind == V_TEXT && !gl_code_problem(v->s)) {
        *made = *v;
        made->kind = V_CODE;
    } else {
        return v;
    }
    m->nmade++;
    return made;
}

static glocal_status mf2_term(void *ud, const char *name, gl_buf *out)
{
    const char *text = term_text(((const mf2_args *)ud)->w, name);
    if (!text)
        return GLOCAL_ERR_ARGUMENT;
    gl_buf_puts(out, text);
    return GLOCAL_OK;
}

static glocal_status write_mf2(const writer *w, const gl_template *t, gl_buf *out)
{
    const gl_render_ctx *x = w->x;
    mf2_args args; /* not zeroed whole: `made` is written before it is read */
    args.w = w;
    args.nmade = 0;
    args.failed = GLOCAL_OK;
    /* on an encoded (gsm7) channel isolates go only where `auto` puts them, as for MF1 */
    glocal_isolation iso = x->encoding != ENC_UNICODE && x->isolation == GLOCAL_ISOLATE_ALWAYS
                               ? GLOCAL_ISOLATE_AUTO
                               : x->isolation;
    gl_mf2_env env = {.fmt = x->env, .rtl = x->rtl, .isolation = iso, .html = x->html,
                      .arg = mf2_arg, .term = mf2_term, .ud = &args};
    gl_mf2_problem why; /* written on failure, read only then */
    const gl_mf2 *m = NULL;
    glocal_status st = gl_template_mf2(x->c, t, &m);
    if (st == GLOCAL_ERR_NOMEM)
        return gl_nomem(w->err);
    if (st != GLOCAL_OK)
        return gl_fail(w->err, st, NULL, 0, 0, "`%s`: its MessageFormat 2 source no longer "
                       "parses: the compiled file is corrupt", w->id);
    st = gl_mf2_format(m, &env, out, &why);
    if (args.failed)
        return args.failed; /* as_day said why */
    if (st == GLOCAL_ERR_LIMIT)
        return gl_over_limit(x->c, w->id, w->err);
    if (st == GLOCAL_ERR_NOMEM)
        return gl_nomem(w->err);
    if (st != GLOCAL_OK)
        return gl_fail(w->err, st, NULL, 0, 0, "`%s`: %s", w->id, why.message);
    return GLOCAL_OK;
}

static glocal_status write_template(const writer *w, const gl_template *t, gl_buf *out)
{
    switch (t->kind) {
    case TK_LITERAL:
        gl_buf_putn(out, t->literal, t->piece_len[0]);
        return GLOCAL_OK;
    case TK_SIMPLE:
        for (size_t i = 0; i < t->nslots && !gl_buf_failed(out); i++) {
            gl_buf_putn(out, t->pieces[i], t->piece_len[i]);
            glocal_status st = write_slot(w, &t->slots[i], out);
            if (st != GLOCAL_OK)
                return st;
        }
        gl_buf_putn(out, t->pieces[t->nslots], t->piece_len[t->nslots]);
        return GLOCAL_OK;
    case TK_MF2:
        return write_mf2(w, t, out);
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
    if (t->kind == TK_MF2) {
        want += 2 * strlen(t->src);
    } else if (t->kind == TK_COMPLEX) {
        want += 2 * (size_t)t->pattern_len;
    } else {
        for (size_t i = 0; i <= t->nslots; i++)
            want += t->piece_len[i];
        want += 32 * t->nslots;
    }
    if (want > out->max + 1)
        want = out->max + 1;
    if (out->p || !(out->p = malloc(want)))
        return;
    out->cap = want;
    out->p[0] = '\0';
}

/* A gsm7 channel's replacements, over the whole text: the template's own
 * typography and what ICU wrote into numbers, dates and money alike.  Codes
 * are ASCII and never touched. */
static glocal_status encode_output(const gl_render_ctx *x, gl_buf *out, glocal_error **err)
{
    if (x->encoding == ENC_UNICODE || !gl_sms_needs_encoding(out->p, out->len, x->encoding))
        return GLOCAL_OK;
    gl_buf sent = {.max = out->max};
    gl_sms_encode(out->p, out->len, x->encoding, &sent);
    glocal_status st = sent.oom ? gl_nomem(err) : sent.full ? gl_over_limit(x->c, x->id, err)
                                                            : GLOCAL_OK;
    gl_buf_free(out);
    *out = sent;
    return st;
}

glocal_status gl_write_literal(const glocal_catalog *c, const char *id, const char *text,
                               size_t n, gl_buf *out, glocal_error **err)
{
    if (n > (size_t)c->max_output)
        return gl_over_limit(c, id, err);
    if (!(out->p = malloc(n + 1)))
        return gl_nomem(err);
    memcpy(out->p, text, n);
    out->p[n] = '\0';
    out->len = n;
    out->cap = n + 1;
    return GLOCAL_OK;
}

glocal_status gl_render_within(const gl_render_ctx *x, const gl_template *t,
                               const glocal_args *a, gl_buf *out, glocal_error **err)
{
    glocal_status st = GLOCAL_OK;
    if (t->kind == TK_LITERAL && !out->p) {
        st = gl_write_literal(x->c, x->id, t->literal, t->piece_len[0], out, err);
    } else {
        writer w = {x, a, x->id, err};
        reserve_output(out, t);
        st = write_template(&w, t, out);
    }
    if (st == GLOCAL_OK && out->oom)
        return gl_nomem(err);
    if (st == GLOCAL_OK && out->full)
        return gl_over_limit(x->c, x->id, err);
    return st == GLOCAL_OK ? encode_output(x, out, err) : st;
}

glocal_status gl_render_template(const gl_render_ctx *x, const gl_template *t,
                                 const glocal_args *a, gl_buf *out, glocal_error **err)
{
    out->max = (size_t)x->c->max_output;
    return gl_render_within(x, t, a, out, err);
}

void gl_render_ctx_init(gl_render_ctx *x, const glocal_catalog *c, const gl_resolution *res,
                        const glocal_request *r, const char *id)
{
    const gl_channel *ch = gl_channel_of(c, res->ctx[AX_CHANNEL]);
    glocal_medium medium = r->medium;
    *x = (gl_render_ctx){
        .c = c, .chain = res->chain->idx, .nchain = res->chain->n, .lang = res->lang,
        .msg = res->msg, .id = id,
        .env = {res->chain->format_locale[res->var_pos], res->zone, c->serial},
        .rtl = res->chain->rtl[res->var_pos], .isolation = r->isolation,
        .html = medium == GLOCAL_MEDIUM_HTML ||
                (medium == GLOCAL_MEDIUM_CHANNEL && ch->medium == MEDIUM_HTML),
        .encoding = (gl_encoding)ch->encoding,
    };
}

const char *gl_plain_literal(const glocal_catalog *c, const gl_resolution *res, size_t *n)
{
    const gl_template *t = &res->var->tmpl;
    if (t->kind != TK_LITERAL || gl_channel_of(c, res->ctx[AX_CHANNEL])->encoding != ENC_UNICODE)
        return NULL;
    *n = t->piece_len[0];
    return t->literal;
}

glocal_status gl_render(const glocal_catalog *c, const gl_resolution *res, const glocal_request *r,
                            const glocal_args *a, const char *id, gl_buf *out, glocal_error **err)
{
    size_t n;
    const char *literal = out->p ? NULL : gl_plain_literal(c, res, &n);
    if (literal) {
        out->max = (size_t)c->max_output;
        return gl_write_literal(c, id, literal, n, out, err);
    }
    gl_render_ctx x;
    gl_render_ctx_init(&x, c, res, r, id);
    return gl_render_template(&x, &res->var->tmpl, a, out, err);
}

glocal_status gl_check_message_id(const char *id, glocal_error **err)
{
    /* ids are ASCII by the bundle rules: only a byte above 0x7F needs the full check */
    const unsigned char *p = (const unsigned char *)id;
    while (*p && *p < 0x80)
        p++;
    if (*p && !gl_utf8_valid(id, strlen(id)))
        return gl_fail(err, GLOCAL_ERR_INVALID, NULL, 0, 0, "the message id is not valid UTF-8");
    return GLOCAL_OK;
}

static glocal_status check_call(const glocal_catalog *c, const char *id, const glocal_request *r,
                                char **out, glocal_error **err)
{
    if (out)
        *out = NULL;
    if (!c || !id || !r || !out)
        return gl_fail(err, GLOCAL_ERR_INVALID, NULL, 0, 0, "a required argument is NULL");
    return gl_check_message_id(id, err);
}

glocal_status gl_resolve_and_write(const glocal_catalog *c, const char *id,
                                       const glocal_request *r, const glocal_args *a,
                                       gl_write_fn write, char **out_utf8, glocal_error **err)
{
    glocal_status st = check_call(c, id, r, out_utf8, err);
    if (st != GLOCAL_OK)
        return st;
    gl_resolution res;
    st = gl_resolve(c, id, r, &res, err);
    gl_buf out = {0};
    if (st == GLOCAL_OK)
        st = write(c, &res, r, a, id, &out, err);
    gl_resolution_done(&res);
    if (st != GLOCAL_OK) {
        gl_buf_free(&out);
        return st;
    }
    *out_utf8 = gl_buf_take(&out);
    return *out_utf8 ? GLOCAL_OK : gl_nomem(err);
}
