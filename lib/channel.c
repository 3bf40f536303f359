/* Channel declarations beyond max_length (base.yaml's `channels:`): `kind`,
 * `medium`, `encoding`, `max_segments`; and a request's own medium.  What
 * they change is described in docs/channels.md. */
#include "load.h"

#include <stdlib.h>
#include <string.h>

#include "request.h"
#include "sms.h"

static const char *const kind_names[] = {
    [KIND_SMS] = "sms", [KIND_EMAIL] = "email", [KIND_CHAT] = "chat", [KIND_PUSH] = "push",
    [KIND_VOICE] = "voice", [KIND_WEB] = "web", NULL};
static const char *const medium_names[] = {[MEDIUM_PLAIN] = "plain", [MEDIUM_HTML] = "html",
                                           NULL};
static const char *const encoding_names[] = {[ENC_UNICODE] = "unicode", [ENC_GSM7] = "gsm7",
                                             [ENC_GSM7_FOLD] = "gsm7-fold", NULL};

static const gl_channel no_declaration;

const gl_channel *gl_channel_of(const glocal_catalog *c, uint32_t ch)
{
    return c->channels && ch ? &c->channels[ch] : &no_declaration;
}

uint32_t gl_channel_budget(const gl_channel *ch, const char *locale)
{
    size_t best = 0;
    uint32_t segments = ch->max_segments;
    for (size_t i = 0; i < ch->nbudgets; i++) {
        size_t n = strlen(ch->budgets[i].tag);
        bool covers = strncmp(locale, ch->budgets[i].tag, n) == 0 &&
                      (locale[n] == '\0' || locale[n] == '-');
        if (covers && n > best) {
            best = n;
            segments = ch->budgets[i].segments;
        }
    }
    return segments;
}

/* The index of s in names (index 0 may be unused), or -1 after reporting. */
void gl_channel_explain(const glocal_catalog *c, uint32_t ch, const char *locale,
                        const glocal_request *r, gl_buf *out)
{
    const gl_channel *d = gl_channel_of(c, ch);
    if (!ch || d == &no_declaration)
        return;
    gl_buf_printf(out, "channel %s:", c->axisvals[ch].name);
    if (d->kind != KIND_NONE)
        gl_buf_printf(out, " kind %s,", kind_names[d->kind]);
    bool html = r->medium == GLOCAL_MEDIUM_HTML ||
                (r->medium == GLOCAL_MEDIUM_CHANNEL && d->medium == MEDIUM_HTML);
    gl_buf_printf(out, " medium %s%s, encoding %s", html ? "html" : "plain",
                  r->medium == GLOCAL_MEDIUM_CHANNEL ? "" : " (from the request)",
                  encoding_names[d->encoding]);
    uint32_t parts = gl_channel_budget(d, locale);
    if (parts)
        gl_buf_printf(out, ", at most %u SMS part%s for %s", parts, parts == 1 ? "" : "s",
                      locale);
    gl_buf_puts(out, "\n");
}

static int one_of(gl_bundle_ctx *x, const ynode *v, const char *key,
                  const char *const *names, size_t count, const char *known)
{
    if (gl_want_scalar(x, v, key))
        for (size_t i = 0; i < count; i++)
            if (names[i] && strcmp(names[i], v->str) == 0)
                return (int)i;
    if (v->kind == YN_SCALAR)
        REPORT(x, R_SCHEMA, v, "%s `%s` is not one of %s", key, v->str, known);
    return -1;
}

static bool segments_value(gl_bundle_ctx *x, const ynode *v, uint32_t *out)
{
    char *end = NULL;
    unsigned long n = v->kind == YN_SCALAR ? strtoul(v->str, &end, 10) : 0;
    if (!end || *end || !*v->str || v->str[0] == '-' || n == 0 || n > 255) {
        REPORT(x, R_SCHEMA, v, "`max_segments` must be a whole number from 1 to 255 (or a map "
                               "of language tags and `other` to such numbers)");
        return false;
    }
    *out = (uint32_t)n;
    return true;
}

/* `max_segments: 2`, or `max_segments: {other: 2, en: 1, fr: 1}`. */
static void load_budget(gl_bundle_ctx *x, gl_channel *ch, const ynode *v)
{
    if (v->kind != YN_MAP) {
        segments_value(x, v, &ch->max_segments);
        return;
    }
    ch->budgets = gl_arena_alloc(x->c->arena, (v->n ? v->n : 1) * sizeof(gl_budget));
    if (!ch->budgets) {
        gl_load_nomem(x);
        return;
    }
    for (size_t i = 0; i < v->n; i++) {
        const ynode *k = v->items[2 * i], *n = v->items[2 * i + 1];
        uint32_t segments;
        if (!segments_value(x, n, &segments))
            continue;
        if (strcmp(k->str, "other") == 0) {
            ch->max_segments = segments;
        } else if (!gl_check_tag(x, k, "`max_segments` key")) {
            continue;
        } else {
            const char *tag = gl_arena_strdup(x->c->arena, k->str);
            if (!tag) {
                gl_load_nomem(x);
                return;
            }
            ch->budgets[ch->nbudgets++] = (gl_budget){tag, segments};
        }
    }
    if (!ch->max_segments)
        REPORT(x, R_SCHEMA, v, "a `max_segments` map needs `other`, the budget of every "
                               "language it does not name");
}

bool gl_channel_key(gl_bundle_ctx *x, uint32_t idx, const ynode *k, const ynode *v)
{
    glocal_catalog *c = x->c;
    if (!c->channels) {
        c->channels = gl_arena_alloc(c->arena, c->naxisvals * sizeof(gl_channel));
        if (!c->channels) {
            gl_load_nomem(x);
            return true;
        }
        memset(c->channels, 0, c->naxisvals * sizeof(gl_channel));
    }
    gl_channel *ch = &c->channels[idx];
    int i;
    if (strcmp(k->str, "kind") == 0) {
        if ((i = one_of(x, v, "`kind`", kind_names, 7, "sms, email, chat, push, voice, web")) > 0)
            ch->kind = (uint8_t)i;
    } else if (strcmp(k->str, "medium") == 0) {
        if ((i = one_of(x, v, "`medium`", medium_names, 2, "plain, html")) >= 0)
            ch->medium = (uint8_t)i;
    } else if (strcmp(k->str, "encoding") == 0) {
        if ((i = one_of(x, v, "`encoding`", encoding_names, 3, "unicode, gsm7, gsm7-fold")) >= 0)
            ch->encoding = (uint8_t)i;
    } else if (strcmp(k->str, "max_segments") == 0) {
        load_budget(x, ch, v);
    } else {
        return false;
    }
    return true;
}

/* A declaration that cannot do what it says is refused while loading. */
void gl_channel_check(gl_bundle_ctx *x, uint32_t idx, const ynode *decl)
{
    const gl_channel *ch = gl_channel_of(x->c, idx);
    bool budget = ch->max_segments || ch->nbudgets;
    if ((budget || ch->encoding != ENC_UNICODE) && ch->kind != KIND_SMS)
        REPORT(x, R_SCHEMA, decl, "`%s`: `max_segments` and `encoding` describe an SMS "
                                  "channel; add `kind: sms`", x->c->axisvals[idx].name);
}

glocal_status glocal_request_set_medium(glocal_request *r, glocal_medium medium,
                                        glocal_error **err)
{
    if (!r || (unsigned)medium > GLOCAL_MEDIUM_HTML)
        return gl_fail(err, GLOCAL_ERR_INVALID, NULL, 0, 0, "%s",
                       r ? "unknown medium" : "the request is NULL");
    r->medium = medium;
    return GLOCAL_OK;
}
