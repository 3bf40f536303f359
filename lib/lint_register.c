/* register-slip (docs/lint.md): a channel variant whose key names no
 * formality beats every formality variant, so a reader addressed with
 * another formality than the profile's gets it by that channel: du by email,
 * Sie by SMS.  What a reader gets is decided by gl_resolve, the one
 * resolution, for a request of the bundle's own locale; each bundle's own
 * variants are checked for its own readers. */
#include <stdlib.h>
#include <string.h>

#include "lint_rules.h"
#include "request.h"
#include "resolve.h"

typedef struct slip {
    const glocal_catalog *c;
    gl_diag *d;
    const gl_bundle *b;
    const char *reader;       /* the locale the request is for: b's, base's language for base */
    const gl_bundle *profile_of; /* the bundle whose profile sets it */
    glocal_request *r;        /* for `reader`; axes set per check, cleared after it */
    uint32_t profile;         /* the formality b's readers get by default (its chain's profile) */
    uint32_t *others;         /* other formalities the message has variants for */
    size_t nothers;
} slip;

static void nomem(slip *s)
{
    gl_report_fatal(s->d, GLOCAL_ERR_NOMEM, s->b->file, "out of memory");
}

static const char *value_name(const slip *s, uint32_t v)
{
    return s->c->axisvals[v].name;
}

static void note_formality(void *ud, const gl_msgdef *def, size_t pos)
{
    slip *s = ud;
    (void)pos;
    for (size_t i = 0; i < def->nv; i++) {
        uint32_t f = def->v[i].key->ax[AX_FORMALITY];
        bool seen = !f || f == s->profile;
        for (size_t k = 0; k < s->nothers && !seen; k++)
            seen = s->others[k] == f;
        if (!seen)
            s->others[s->nothers++] = f;
    }
}

/* The formalities other than the profile's that the definitions merging for
 * b's readers name in some variant key (`informal`, `informal+push`). */
static void other_formalities(slip *s, const gl_chain *ch, uint32_t msg)
{
    s->nothers = 0;
    size_t first = gl_deciding_position(s->c, ch->idx, ch->n, msg);
    gl_each_merged(s->c, ch->idx, ch->n, msg, first, note_formality, s);
}

static bool has_slip_shape(const gl_variant *v)
{
    return v->key->ax[AX_CHANNEL] != GL_AXIS_NONE && v->key->ax[AX_FORMALITY] == GL_AXIS_NONE;
}

/* Sets the request to v's context with formality f. */
static glocal_status set_context(slip *s, const gl_variant *v, uint32_t f)
{
    glocal_status st = glocal_request_set_axis(s->r, gl_axis_names[AX_FORMALITY],
                                               value_name(s, f), NULL);
    for (unsigned m = v->key->named; m && st == GLOCAL_OK; m &= m - 1) {
        int a = __builtin_ctz(m);
        st = glocal_request_set_axis(s->r, s->c->axis_name[a], value_name(s, v->key->ax[a]), NULL);
    }
    return st;
}

static void clear_context(slip *s, const gl_variant *v)
{
    glocal_request_set_axis(s->r, gl_axis_names[AX_FORMALITY], NULL, NULL);
    for (unsigned m = v->key->named; m; m &= m - 1)
        glocal_request_set_axis(s->r, s->c->axis_name[__builtin_ctz(m)], NULL, NULL);
}

/* Whether a reader addressed with formality f, in v's context, is served v. */
static bool serves(slip *s, const gl_message *m, const gl_variant *v, uint32_t f)
{
    gl_resolution res = {0};
    glocal_status st = set_context(s, v, f);
    if (st == GLOCAL_OK)
        st = gl_resolve(s->c, m->id, s->r, &res, NULL);
    if (st == GLOCAL_ERR_NOMEM)
        nomem(s);
    bool served = st == GLOCAL_OK && res.var == v;
    gl_resolution_done(&res);
    clear_context(s, v);
    return served;
}

static void report(slip *s, const gl_message *m, const gl_variant *v, uint32_t f)
{
    const char *channel = value_name(s, v->key->ax[AX_CHANNEL]);
    gl_report(s->d, R_REGISTER_SLIP, GLOCAL_OK, s->b->file, v->tmpl.line, v->tmpl.col,
              s->b == gl_base(s->c) ? NULL : s->b->locale, m->id,
              "`%s` variant `%s`: a %s reader addressed as `%s` gets this text by %s (the "
              "profile%s%s sets formality `%s`, and the message has `%s` text), so the "
              "register slips; add the variant `%s+%s`", m->id, v->key->text, s->reader,
              value_name(s, f), channel, s->profile_of == s->b ? "" : " of ",
              s->profile_of == s->b ? "" : s->profile_of->locale, value_name(s, s->profile),
              value_name(s, f), value_name(s, f), v->key->text);
}

static void check_message(slip *s, const gl_chain *ch, uint32_t msg)
{
    const gl_msgdef *def = gl_msgdef_in(s->b, msg);
    const gl_message *m = &s->c->messages[msg];
    bool any = false;
    for (size_t i = 0; def && i < def->nv && !any; i++)
        any = has_slip_shape(&def->v[i]);
    if (!any || (m->locked && s->b != gl_base(s->c)))
        return;
    other_formalities(s, ch, msg);
    for (size_t i = 0; i < def->nv && !s->d->fatal; i++)
        for (size_t k = 0; has_slip_shape(&def->v[i]) && k < s->nothers; k++)
            if (serves(s, m, &def->v[i], s->others[k]))
                report(s, m, &def->v[i], s->others[k]);
}

/* A bundle whose readers get no formality by default, or whose locale is
 * no request's (the request refuses it), has nothing to check. */
static void check_bundle(slip *s, const gl_bundle *b)
{
    s->b = b;
    s->reader = b == gl_base(s->c) ? s->c->language : b->locale;
    glocal_status st = glocal_request_new(s->reader, &s->r, NULL);
    if (st != GLOCAL_OK) {
        if (st == GLOCAL_ERR_NOMEM)
            nomem(s);
        return;
    }
    bool owned = false;
    const gl_chain *ch = gl_chain_get(s->c, gl_request_chain_key(s->r), s->r->hash, &owned);
    if (!ch) {
        nomem(s);
    } else if ((s->profile = ch->formality) != GL_AXIS_NONE) {
        s->profile_of = &s->c->bundles[ch->idx[ch->formality_from]];
        for (uint32_t i = 0; i < s->c->nmessages && !s->d->fatal; i++)
            check_message(s, ch, i);
    }
    if (owned)
        gl_chain_free((gl_chain *)ch);
    glocal_request_free(s->r);
    s->r = NULL;
}

void gl_lint_register_slips(const glocal_catalog *c, gl_diag *d)
{
    slip s = {.c = c, .d = d, .others = malloc((c->naxisvals + 1) * sizeof(uint32_t))};
    if (!s.others) {
        gl_report_fatal(d, GLOCAL_ERR_NOMEM, NULL, "out of memory");
        return;
    }
    for (size_t i = 0; i < c->nbundles && !d->fatal; i++)
        if (c->bundles[i].msgs && c->bundles[i].lang_script)
            check_bundle(&s, &c->bundles[i]);
    free(s.others);
}
