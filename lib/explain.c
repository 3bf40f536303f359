/* glocal_explain: a resolution (resolve.c) told step by step — chain,
 * context, the text's language, every candidate and why it won or lost. */
#include <string.h>

#include "format.h"
#include "sms.h"

typedef struct explainer {
    const glocal_catalog *c;
    const gl_resolution *res;
    gl_buf *out;
} explainer;

static const char *bundle_name(const explainer *x, size_t pos)
{
    return gl_resolution_bundle(x->c, x->res, pos)->locale;
}

static void explain_variant(explainer *x, const gl_variant *v, size_t pos)
{
    int s = gl_variant_score(v, x->res->ctx);
    gl_buf_printf(x->out, "  %s %s: %s", v == x->res->var ? "*" : " ", bundle_name(x, pos),
                  v->key->text);
    if (s < 0) {
        gl_buf_puts(x->out, " (does not match the context)\n");
        return;
    }
    gl_buf_puts(x->out, s == 0 ? " (matches: the default)" : " (matches:");
    for (int w = 1 << (x->c->naxes - 1); w > 0; w >>= 1) /* the axes by rank */
        for (int a = 0; a < x->c->naxes; a++)
            if (x->c->axis_weight[a] == w && v->key->ax[a])
                gl_buf_printf(x->out, " %s", x->c->axis_name[a]);
    gl_buf_puts(x->out, s > 0 ? ")\n" : "\n");
}

static void explain_definition(void *ud, const gl_msgdef *def, size_t pos)
{
    for (size_t i = 0; i < def->nv; i++)
        explain_variant(ud, &def->v[i], pos);
}

static void explain_context(const explainer *x)
{
    const gl_resolution *res = x->res;
    for (int a = 0; a < x->c->naxes; a++) {
        gl_buf_printf(x->out, "%s: ", x->c->axis_name[a]);
        if (res->ctx_from[a] == GL_FROM_UNSET)
            gl_buf_puts(x->out, "(unset)\n");
        else if (res->ctx_from[a] == GL_FROM_REQUEST)
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
    else if (ch->time_zone && ch->time_zone == ch->region_zone)
        gl_buf_printf(x->out, "(the only zone of region %s)\n", ch->facts.region);
    else if (ch->time_zone)
        gl_buf_printf(x->out, "(from the profile of %s)\n", bundle_name(x, ch->zone_from));
    else if (*ch->facts.region)
        gl_buf_printf(x->out, "(default: no profile for region %s sets one, and it has several "
                      "zones)\n", ch->facts.region);
    else
        gl_buf_puts(x->out, "(default)\n");
}

static void explain_fallbacks(const explainer *x, const char *list)
{
    gl_buf_puts(x->out, "fallbacks:");
    for (const char *p = list; *p;) {
        size_t n = strcspn(p, "\n");
        gl_buf_printf(x->out, " %.*s", (int)n, p);
        p += n + (p[n] == '\n');
    }
    gl_buf_puts(x->out, "\n");
}

static void explain_chain(const explainer *x)
{
    gl_buf_puts(x->out, "chain:\n");
    for (size_t pos = 0; pos < x->res->chain->n; pos++) {
        const gl_bundle *b = gl_resolution_bundle(x->c, x->res, pos);
        gl_buf_printf(x->out, "  %zu. %s (%s)%s\n", pos + 1, b->locale, b->file,
                      b->msgs[x->res->msg] ? " defines it" : "");
    }
}

/* How the text is billed, on a channel declared `kind: sms`. */
static void explain_sms(const glocal_catalog *c, const gl_resolution *res, const gl_buf *text,
                        gl_buf *out)
{
    if (gl_channel_of(c, res->ctx[AX_CHANNEL])->kind != KIND_SMS)
        return;
    gl_sms m;
    gl_sms_measure_text(text->p ? text->p : "", text->len, &m);
    gl_buf_printf(out, "sms: %zu part%s, %s, %zu %s\n", m.segments, m.segments == 1 ? "" : "s",
                  m.ucs2 ? "UCS-2" : "GSM-7", m.units, m.ucs2 ? "UTF-16 units" : "septets");
}

static glocal_status explain(const glocal_catalog *c, const gl_resolution *res,
                             const glocal_request *r, const glocal_args *a, const char *id,
                             gl_buf *out, glocal_error **err)
{
    explainer x = {c, res, out};
    const gl_chain *ch = res->chain;
    const gl_bundle *holder = gl_resolution_bundle(c, res, res->first);
    if (gl_bundle_lock(holder, res->msg))
        gl_buf_printf(out, "message: %s (locked: %s's approved text)\n", id, holder->locale);
    else
        gl_buf_printf(out, "message: %s%s\n", id, c->messages[res->msg].locked ? " (locked: "
                      "always from base)" : "");
    size_t taglen = strcspn(ch->key, "\n");
    gl_buf_printf(out, "locale: %.*s (language %s, likely script %s)\n", (int)taglen, ch->key,
                  ch->facts.language, ch->facts.script);
    if (ch->key[taglen])
        explain_fallbacks(&x, ch->key + taglen + 1);
    explain_chain(&x);
    explain_context(&x);
    gl_channel_explain(c, res->ctx[AX_CHANNEL],
                       gl_resolution_bundle(c, res, res->var_pos)->locale, r, out);
    explain_zone(&x, r);
    gl_buf_printf(out, "text language: %s, decided by %s\n", res->lang,
                  bundle_name(&x, res->first));
    gl_buf_puts(out, "candidates (channel beats formality beats tone; `other` loses to any "
                     "match; nearer bundles win per key):\n");
    gl_each_merged(c, ch->idx, ch->n, res->msg, res->first, explain_definition, &x);
    gl_buf_printf(out, "selected: %s from %s (%s:%u:%u)\n", res->var->key->text,
                  bundle_name(&x, res->var_pos), gl_resolution_bundle(c, res, res->var_pos)->file,
                  res->var->line, res->var->col);
    gl_buf_printf(out, "format locale: %s\n", ch->format_locale[res->var_pos]);
    gl_buf_printf(out, "template: %s\n", res->var->tmpl.src);
    gl_buf rendered = {0};
    glocal_error *e = NULL;
    if (gl_render(c, res, r, a, id, &rendered, &e) == GLOCAL_OK) {
        gl_buf_printf(out, "output: %s\n", rendered.p ? rendered.p : "");
        explain_sms(c, res, &rendered, out);
    } else
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
    return gl_resolve_and_write(c, message_id, r, a, explain, out_utf8, err);
}
