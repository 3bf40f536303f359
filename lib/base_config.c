/* What only base.yaml declares for the whole catalog: its language, the axes
 * and their values, the channels' limits (their other keys: channel.c), and
 * what is locked. */
#include "load.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "locales.h"

void gl_base_language(gl_bundle_ctx *x, const ynode *root)
{
    const ynode *lang = gl_yaml_get(root, "language");
    if (!lang) {
        REPORT(x, R_SCHEMA, root, "base.yaml needs `language:`, the locale the baseline is "
                                  "written in (e.g. `language: en`)");
    } else if (gl_want_scalar(x, lang, "`language`") && gl_check_tag(x, lang, "language")) {
        x->c->language = gl_arena_strdup(x->c->arena, lang->str);
    }
}

/* ---- axes and channels ---- */

const char *const gl_axis_names[AX_BUILTIN] = {"formality", "tone", "channel"};

static const char *const builtin_values[AX_BUILTIN][11] = {
    {"formal", "informal", "honorific", NULL},
    {"neutral", "warm", "direct", "playful", "empathetic", NULL},
    {"email", "sms", "chat", "whatsapp", "wechat", "line", "kakaotalk", "push", "voice", "web",
     NULL},
};

/* Names a custom axis may not take: the settings of a request and the
 * keywords the bindings take beside axes, so that `experiment="b"` in Python
 * or Lua can only ever mean an axis. */
static const char *const reserved_axis_names[] = {
    "locale", "time_zone", "zone", "isolation", "fallbacks", "fallback", "args", "arguments",
    "id", "message", "message_id", "other", "base", "language", "channels", "profile", NULL,
};

static bool reserved_axis_name(const char *name)
{
    for (const char *const *r = reserved_axis_names; *r; r++)
        if (strcmp(*r, name) == 0)
            return true;
    return false;
}

static bool add_axis_value(gl_bundle_ctx *x, const char *name, int axis)
{
    glocal_catalog *c = x->c;
    gl_axisval *v = gl_arena_grow_array(c->arena, c->axisvals, c->naxisvals, sizeof(*v));
    if (!v)
        return false;
    c->axisvals = v;
    c->axisvals[c->naxisvals] = (gl_axisval){name, axis};
    return gl_map_put(&c->axis_index, name, (uint32_t)c->naxisvals++);
}

static bool init_axes(gl_bundle_ctx *x)
{
    if (!add_axis_value(x, "", -1)) /* index 0: GL_AXIS_NONE */
        return false;
    for (int a = 0; a < AX_BUILTIN; a++)
        x->c->axis_name[a] = gl_axis_names[a];
    x->c->naxes = AX_BUILTIN;
    for (int a = 0; a < AX_BUILTIN; a++)
        for (const char *const *v = builtin_values[a]; *v; v++)
            if (!add_axis_value(x, *v, a))
                return false;
    return true;
}

/* A name base's `axes:` gives that is not a built-in axis declares a new one. */
static int declare_axis(gl_bundle_ctx *x, const ynode *k)
{
    glocal_catalog *c = x->c;
    if (!gl_is_axis_name(k->str) || reserved_axis_name(k->str)) {
        REPORT(x, R_SCHEMA, k, "`%s` cannot name an axis: axis names are [a-z][a-z0-9_]* and "
                               "not a request setting (locale, time_zone, isolation, "
                               "fallbacks, ...)", k->str);
        return -1;
    }
    if (c->naxes == GL_MAX_AXES) {
        REPORT(x, R_SCHEMA, k, "axis `%s`: a catalog has at most %d custom axes besides "
                               "formality, tone and channel", k->str, GL_MAX_AXES - AX_BUILTIN);
        return -1;
    }
    const char *name = gl_arena_strdup(c->arena, k->str);
    if (!name) {
        gl_load_nomem(x);
        return -1;
    }
    c->axis_name[c->naxes] = name;
    return c->naxes++;
}

static void load_axes(gl_bundle_ctx *x, const ynode *axes)
{
    if (!gl_want_kind(x, axes, YN_MAP, "`axes`"))
        return;
    for (size_t i = 0; i < axes->n && !gl_load_stopped(x); i++) {
        const ynode *k = axes->items[2 * i], *vals = axes->items[2 * i + 1];
        int a = gl_axis_named(x->c, k->str);
        if (a < 0 && (a = declare_axis(x, k)) < 0)
            continue;
        if (!gl_want_kind(x, vals, YN_SEQ, "an axis' values"))
            continue;
        for (size_t j = 0; j < vals->n && !gl_load_stopped(x); j++) {
            const ynode *v = vals->items[j];
            if (!gl_want_scalar(x, v, "an axis value"))
                continue;
            if (!gl_is_identifier(v->str) || strcmp(v->str, "other") == 0)
                REPORT(x, R_SCHEMA, v, "axis value `%s` must be a lowercase identifier "
                                       "([a-z][a-z0-9_-]*) other than `other`", v->str);
            else if (gl_map_get(&x->c->axis_index, v->str, NULL))
                REPORT(x, R_SCHEMA, v, "axis value `%s` already exists; values are unique "
                                       "across all axes", v->str);
            else if (x->c->naxisvals > GL_MAX_AXIS_VALUES)
                gl_report(x->ld->diag, R_SCHEMA, GLOCAL_ERR_LIMIT, x->b->file, v->line, v->col,
                          NULL, NULL, "axis value `%s`: a catalog has at most %u axis values",
                          v->str, GL_MAX_AXIS_VALUES);
            else if (!add_axis_value(x, gl_arena_strdup(x->c->arena, v->str), a))
                gl_load_nomem(x);
        }
    }
}

/* A variant's rank adds one weight per axis it names; each axis outweighs
 * all those ranked after it together: channel, formality, tone, then the
 * custom axes in the order base declares them. */
static void rank_axes(glocal_catalog *c)
{
    static const int builtin_rank[AX_BUILTIN] = {1, 2, 0}; /* formality, tone, channel */
    for (int a = 0; a < c->naxes; a++) {
        int rank = a < AX_BUILTIN ? builtin_rank[a] : a;
        c->axis_weight[a] = 1 << (c->naxes - 1 - rank);
    }
}

void gl_base_axes(gl_bundle_ctx *x, const ynode *axes)
{
    if (!init_axes(x))
        gl_load_nomem(x);
    else if (axes && !gl_load_stopped(x))
        load_axes(x, axes);
    rank_axes(x->c);
}

void gl_base_channels(gl_bundle_ctx *x, const ynode *ch)
{
    glocal_catalog *c = x->c;
    if (!gl_want_kind(x, ch, YN_MAP, "`channels`"))
        return;
    c->channel_max = gl_arena_alloc(c->arena, c->naxisvals * sizeof(uint32_t));
    if (!c->channel_max) {
        gl_load_nomem(x);
        return;
    }
    memset(c->channel_max, 0, c->naxisvals * sizeof(uint32_t));
    for (size_t i = 0; i < ch->n && !gl_load_stopped(x); i++) {
        const ynode *k = ch->items[2 * i], *v = ch->items[2 * i + 1];
        uint32_t idx;
        if (!gl_map_get(&c->axis_index, k->str, &idx) || c->axisvals[idx].axis != AX_CHANNEL) {
            REPORT(x, R_SCHEMA, k, "`%s` is not a channel", k->str);
            continue;
        }
        if (!gl_want_kind(x, v, YN_MAP, "a channel's constraints"))
            continue;
        for (size_t j = 0; j < v->n; j++) {
            const ynode *ck = v->items[2 * j], *cv = v->items[2 * j + 1];
            char *end = NULL;
            if (strcmp(ck->str, "max_length") != 0) {
                if (!gl_channel_key(x, idx, ck, cv))
                    REPORT(x, R_SCHEMA, ck, "unknown channel key `%s` (known: max_length, "
                                            "kind, medium, encoding, max_segments)", ck->str);
                continue;
            }
            unsigned long n = cv->kind == YN_SCALAR ? strtoul(cv->str, &end, 10) : 0;
            if (!end || *end || !*cv->str || n == 0 || n > 1000000 || cv->str[0] == '-')
                REPORT(x, R_SCHEMA, cv, "`max_length` must be a positive whole number");
            else
                c->channel_max[idx] = (uint32_t)n;
        }
        gl_channel_check(x, idx, k);
    }
}

/* ---- market conventions in profiles ---- */

const char *const gl_convention_keys[GL_CONVENTIONS] = {"calendar", "numbers", "hour_cycle"};
const char *const gl_convention_ukeys[GL_CONVENTIONS] = {"ca", "nu", "hc"};

/* Whether ICU can use value as the -u-KEY- default: the same test a
 * request's own tag passes (gl_request_locale).  -1 out of memory. */
static int convention_usable(int k, const char *value)
{
    if (k == 2)
        return strcmp(value, "h11") == 0 || strcmp(value, "h12") == 0 ||
               strcmp(value, "h23") == 0 || strcmp(value, "h24") == 0;
    char tag[64], canon[GL_TAG_MAX];
    const char *key = "";
    if (strlen(value) > 40 || strchr(value, '@') || strchr(value, '_'))
        return 0;
    snprintf(tag, sizeof tag, "und-u-%s-%s", gl_convention_ukeys[k], value);
    gl_tag_status st = gl_locale_canonical(tag, canon, sizeof canon);
    if (st != TAG_OK)
        return st == TAG_NOMEM ? -1 : 0;
    return gl_locale_extensions_known(canon, &key);
}

bool gl_profile_convention(gl_bundle_ctx *x, const ynode *k, const ynode *v)
{
    static const char *const examples[GL_CONVENTIONS] = {
        "a BCP 47 calendar ICU knows: gregory, islamic-umalqura, buddhist, japanese, ...",
        "a decimal numbering system ICU knows: latn, arab, arabext, deva, thai, ...",
        "h11, h12, h23 or h24"};
    for (int i = 0; i < GL_CONVENTIONS; i++) {
        if (strcmp(k->str, gl_convention_keys[i]) != 0)
            continue;
        char what[32];
        snprintf(what, sizeof what, "`profile.%s`", gl_convention_keys[i]);
        if (!gl_want_scalar(x, v, what))
            return true;
        int ok = convention_usable(i, v->str);
        if (ok < 0)
            gl_load_nomem(x);
        else if (!ok)
            REPORT(x, R_PROFILE, v, "`%s` is not a value glocal can use for %s (%s)", v->str,
                   what, examples[i]);
        else if (!(x->b->convention[i] = gl_arena_strdup(x->c->arena, v->str)))
            gl_load_nomem(x);
        return true;
    }
    return false;
}

/* ---- locked ---- */

/* The locales a locked message's map entry approves (`legal.footer: [de, fr]`). */
static void load_approved(gl_bundle_ctx *x, gl_message *m, const ynode *list)
{
    if (!gl_want_kind(x, list, YN_SEQ, "a locked message's approved locales"))
        return;
    gl_approved *ap = gl_arena_alloc(x->c->arena, sizeof(*ap) + list->n * sizeof(char *));
    if (!ap) {
        gl_load_nomem(x);
        return;
    }
    ap->n = 0;
    m->approved = ap;
    for (size_t i = 0; i < list->n; i++) {
        const ynode *t = list->items[i];
        char canon[GL_TAG_MAX];
        if (!gl_want_scalar(x, t, "an approved locale"))
            continue;
        if (gl_locale_canonical(t->str, canon, sizeof canon) != TAG_OK ||
            strcmp(canon, t->str) != 0) {
            REPORT(x, R_SCHEMA, t, "`%s` is not a canonical locale tag of a bundle (de, fr-CA, "
                                   "zh-Hant)", t->str);
            continue;
        }
        if (!(ap->locales[ap->n++] = gl_arena_strdup(x->c->arena, t->str)))
            gl_load_nomem(x);
    }
}

/* `locked:` as a list of entries, or as a map from each entry to the locales
 * allowed an approved version of it (terms: none). */
void gl_base_locked(gl_bundle_ctx *x, const ynode *l)
{
    glocal_catalog *c = x->c;
    bool map = l->kind == YN_MAP;
    if (!map && !gl_want_kind(x, l, YN_SEQ, "`locked`"))
        return;
    for (size_t i = 0; i < l->n && !gl_load_stopped(x); i++) {
        const ynode *v = map ? l->items[2 * i] : l->items[i];
        const ynode *list = map ? l->items[2 * i + 1] : NULL;
        if (!gl_want_scalar(x, v, "a locked entry"))
            continue;
        uint32_t m;
        if (list && v->str[0] == '-' && (list->kind != YN_SEQ || list->n))
            REPORT(x, R_SCHEMA, list, "a locked term has no approved local versions: write "
                                      "`%s: []`", v->str);
        else if (list && v->str[0] != '-' && gl_lookup_message(c, v->str, &m))
            load_approved(x, &c->messages[m], list);
        if (v->str[0] == '-') {
            if (!gl_map_get(&x->b->term_index, v->str + 1, &m)) {
                REPORT(x, R_SCHEMA, v, "locked term `%s` is not defined in base's `terms`",
                       v->str + 1);
            } else {
                x->b->terms[m].locked = true;
            }
        } else if (!gl_lookup_message(c, v->str, &m)) {
            REPORT(x, R_SCHEMA, v, "locked message `%s` is not defined in base.yaml", v->str);
        } else {
            c->messages[m].locked = true;
        }
    }
}

void gl_local_locked(gl_bundle_ctx *x, const ynode *l)
{
    if (!gl_want_kind(x, l, YN_SEQ, "`locked`"))
        return;
    x->b->locks = gl_arena_alloc(x->c->arena, (l->n ? l->n : 1) * sizeof(gl_lock));
    if (!x->b->locks) {
        gl_load_nomem(x);
        return;
    }
    for (size_t i = 0; i < l->n && !gl_load_stopped(x); i++) {
        const ynode *v = l->items[i];
        uint32_t m;
        if (!gl_want_scalar(x, v, "a locked entry"))
            continue;
        if (v->str[0] == '-')
            REPORT(x, R_SCHEMA, v, "only base.yaml locks terms; a bundle locks its own messages");
        else if (!gl_lookup_message(x->c, v->str, &m) || !x->b->msgs || !x->b->msgs[m])
            REPORT(x, R_SCHEMA, v, "locked message `%s` is not defined in this bundle: a bundle "
                                   "locks only lines it defines", v->str);
        else
            x->b->locks[x->b->nlocks++] = (gl_lock){m, v->line, v->col, false};
    }
}
