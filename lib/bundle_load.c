/* One bundle file: from its YAML tree to a gl_bundle, checking the schema,
 * the locale tags and the profile as it goes; what only base declares is
 * base_config.c's, the messages message_load.c's (docs/bundles.md). */
#include "load.h"

#include <stdio.h>
#include <string.h>

#include "locales.h"
#include "standards.h"

/* ---- locale facts ---- */

/* The language and script its texts are in, how they are formatted, and
 * their direction. */
static bool set_locale_facts(gl_bundle_ctx *x, gl_bundle *b, const char *tag)
{
    gl_locale_facts f;
    char canon[GL_TAG_MAX];
    gl_tag_status st = gl_locale_canonical(tag, canon, sizeof canon);
    if (st == TAG_NOMEM || (st == TAG_OK && !gl_locale_facts_of(canon, &f)))
        return false;
    if (st != TAG_OK)
        gl_locale_facts_of("und", &f); /* already reported under locale-tag */
    char ls[64];
    snprintf(ls, sizeof ls, "%s-%s", f.language, f.script);
    b->lang_script = gl_arena_strdup(x->c->arena, ls);
    b->format_locale = gl_arena_strdup(x->c->arena, f.icu_id);
    b->rtl = f.rtl;
    return b->lang_script && b->format_locale;
}

/* ---- top-level keys ---- */

static const char *const top_keys[] = {"glocal", "locale", "parent", "language", "profile",
                                       "axes", "channels", "terms", "locked", "messages",
                                       "standards", "omits", NULL};
static const char *const base_only[] = {"language", "axes", "channels", NULL};

static bool in_list(const char *const *list, const char *s)
{
    for (; *list; list++)
        if (strcmp(*list, s) == 0)
            return true;
    return false;
}

static void check_top_keys(gl_bundle_ctx *x, const ynode *root)
{
    for (size_t i = 0; i < root->n && !gl_load_stopped(x); i++) {
        const ynode *k = root->items[2 * i];
        if (!in_list(top_keys, k->str))
            REPORT(x, R_SCHEMA, k, "unknown key `%s` (bundle keys: glocal, locale, parent, "
                                   "language, profile, axes, channels, terms, locked, messages, "
                                   "standards)",
                   k->str);
        else if (!x->is_base && in_list(base_only, k->str))
            REPORT(x, R_SCHEMA, k, "`%s` belongs in base.yaml only", k->str);
    }
}

static void check_version(gl_bundle_ctx *x, const ynode *root)
{
    const ynode *v = gl_yaml_get(root, "glocal");
    if (!v) {
        REPORT(x, R_SCHEMA, root, "missing `glocal: 1` (the bundle format version)");
        return;
    }
    const char *s = gl_want_scalar(x, v, "`glocal`");
    if (s && strcmp(s, "1") != 0)
        REPORT(x, R_SCHEMA, v, "format version `glocal: %s` is not supported; this glocal reads "
                               "version 1", s);
}

/* locale:, parent: and (base) language:. */
static void check_identity(gl_bundle_ctx *x, const ynode *root, const char *stem)
{
    gl_bundle *b = x->b;
    const ynode *loc = gl_yaml_get(root, "locale");
    if (!loc) {
        REPORT(x, R_SCHEMA, root, "missing `locale: %s`", x->is_base ? "base" : stem);
    } else if (gl_want_scalar(x, loc, "`locale`")) {
        if (x->is_base) {
            if (strcmp(loc->str, "base") != 0)
                REPORT(x, R_FILE_NAME, loc, "base.yaml must say `locale: base`, not `%s`",
                       loc->str);
        } else if (gl_check_tag(x, loc, "locale") && strcmp(loc->str, stem) != 0) {
            REPORT(x, R_FILE_NAME, loc, "file %s.yaml holds `locale: %s`; rename it to %s.yaml",
                   stem, loc->str, loc->str);
        }
    }
    const ynode *parent = gl_yaml_get(root, "parent");
    if (parent && gl_want_scalar(x, parent, "`parent`")) {
        if (x->is_base)
            REPORT(x, R_SCHEMA, parent, "base.yaml has no parent: it ends every chain");
        else if (gl_check_tag(x, parent, "parent")) {
            b->parent = gl_arena_strdup(x->c->arena, parent->str);
            b->parent_line = parent->line;
            b->parent_col = parent->col;
        }
    }
    if (x->is_base)
        gl_base_language(x, root);
}

/* ---- profile ---- */

static bool profile_axis(gl_bundle_ctx *x, const ynode *v, int axis, uint32_t *out)
{
    uint32_t idx;
    if (!gl_want_scalar(x, v, "a profile value"))
        return false;
    if (!gl_map_get(&x->c->axis_index, v->str, &idx) || x->c->axisvals[idx].axis != axis) {
        REPORT(x, R_PROFILE, v, "`%s` is not a %s value of this catalog", v->str,
               gl_axis_names[axis]);
        return false;
    }
    *out = idx;
    return true;
}

static void load_channel_list(gl_bundle_ctx *x, const ynode *v)
{
    if (!gl_want_kind(x, v, YN_SEQ, "`profile.channels`"))
        return;
    gl_buf list = {0};
    for (size_t i = 0; i < v->n; i++) {
        uint32_t idx;
        if (!profile_axis(x, v->items[i], AX_CHANNEL, &idx))
            continue;
        if (list.len)
            gl_buf_putc(&list, ',');
        gl_buf_puts(&list, v->items[i]->str);
    }
    x->b->channels = gl_arena_strdup(x->c->arena, list.p ? list.p : "");
    gl_buf_free(&list);
}

static void load_profile(gl_bundle_ctx *x, const ynode *p)
{
    if (!gl_want_kind(x, p, YN_MAP, "`profile`"))
        return;
    for (size_t i = 0; i < p->n && !gl_load_stopped(x); i++) {
        const ynode *k = p->items[2 * i], *v = p->items[2 * i + 1];
        if (strcmp(k->str, "formality") == 0)
            profile_axis(x, v, AX_FORMALITY, &x->b->profile_ax[0]);
        else if (strcmp(k->str, "tone") == 0)
            profile_axis(x, v, AX_TONE, &x->b->profile_ax[1]);
        else if (strcmp(k->str, "channels") == 0)
            load_channel_list(x, v);
        else if (strcmp(k->str, "time_zone") == 0) {
            if (!gl_want_scalar(x, v, "`profile.time_zone`"))
                continue;
            if (!gl_time_zone_known(v->str))
                REPORT(x, R_PROFILE, v, "`%s` is not a known IANA time zone (e.g. Europe/Zurich)",
                       v->str);
            else
                x->b->time_zone = gl_arena_strdup(x->c->arena, v->str);
        } else if (!gl_profile_convention(x, k, v)) {
            REPORT(x, R_SCHEMA, k, "unknown profile key `%s` (known: formality, tone, channels, "
                                   "time_zone, calendar, numbers, hour_cycle)", k->str);
        }
    }
}

/* ---- terms ---- */

static void load_terms(gl_bundle_ctx *x, const ynode *t)
{
    if (!gl_want_kind(x, t, YN_MAP, "`terms`"))
        return;
    x->b->terms = gl_arena_alloc(x->c->arena, (t->n ? t->n : 1) * sizeof(gl_term));
    if (!x->b->terms) {
        gl_load_nomem(x);
        return;
    }
    for (size_t i = 0; i < t->n && !gl_load_stopped(x); i++) {
        const ynode *k = t->items[2 * i], *v = t->items[2 * i + 1];
        if (!gl_is_identifier(k->str)) {
            REPORT(x, R_SCHEMA, k, "term name `%s` must match [a-z][a-z0-9_-]*", k->str);
            continue;
        }
        if (!gl_want_scalar(x, v, "a term"))
            continue;
        gl_term *term = &x->b->terms[x->b->nterms];
        *term = (gl_term){gl_arena_intern(x->c->arena, k->str, strlen(k->str)),
                          gl_arena_strdup(x->c->arena, v->str), k->line, k->col, false};
        if (!term->name || !term->text || !gl_map_put(&x->b->term_index, term->name,
                                                      (uint32_t)x->b->nterms)) {
            gl_load_nomem(x);
            return;
        }
        x->b->nterms++;
    }
}

/* ---- omits ---- */

/* `omits:` argument -> why: the arguments a local bundle's texts leave out on
 * purpose (docs/bundles.md#omits); lint's dropped-arg does not report them. */
static void load_omits(gl_bundle_ctx *x, const ynode *o)
{
    if (x->is_base) {
        REPORT(x, R_SCHEMA, o, "`omits:` belongs in a local bundle: base's texts are the ones "
                               "that define what each message says");
        return;
    }
    if (!gl_want_kind(x, o, YN_MAP, "`omits`"))
        return;
    x->b->omits = gl_arena_alloc(x->c->arena, (o->n ? o->n : 1) * sizeof(char *));
    if (!x->b->omits) {
        gl_load_nomem(x);
        return;
    }
    for (size_t i = 0; i < o->n && !gl_load_stopped(x); i++) {
        const ynode *k = o->items[2 * i], *v = o->items[2 * i + 1];
        if (!gl_is_arg_name(k->str)) {
            REPORT(x, R_SCHEMA, k, "`omits`: `%s` is not an argument name "
                                   "([A-Za-z_][A-Za-z0-9_]*)", k->str);
            continue;
        }
        const char *why = gl_want_scalar(x, v, "the reason an argument is omitted");
        if (!why)
            continue;
        if (!*why) {
            REPORT(x, R_SCHEMA, v, "`omits`: say why the bundle leaves out `%s`", k->str);
            continue;
        }
        const char *name = gl_arena_intern(x->c->arena, k->str, strlen(k->str));
        if (!name) {
            gl_load_nomem(x);
            return;
        }
        x->b->omits[x->b->nomits++] = name;
    }
}

/* ---- the bundle ---- */

/* Lint reports findings about a whole bundle (e.g. `missing`) at its
 * `messages:` key. */
static void record_messages_key(gl_bundle *b, const ynode *root)
{
    for (size_t i = 0; i < root->n; i++) {
        const ynode *k = root->items[2 * i];
        if (strcmp(k->str, "messages") == 0) {
            b->msgs_line = k->line;
            b->msgs_col = k->col;
        }
    }
}

void gl_bundle_load(gl_load *ld, gl_bundle *b, const ynode *root, const char *stem, bool is_base)
{
    gl_bundle_ctx x = {ld, ld->cat, b, is_base};
    b->parent_idx = -1;
    if (!root || root->kind != YN_MAP) {
        ynode top = {.line = root ? root->line : 1, .col = root ? root->col : 1};
        REPORT(&x, R_SCHEMA, &top, "a bundle is a mapping with `glocal: 1`, `locale:` and "
                                   "`messages:`; this file is %s",
               root ? gl_node_kind_name(root) : "empty");
        /* lint goes on: other bundles' chains meet this one and need its language */
        if (!is_base && !set_locale_facts(&x, b, b->locale))
            gl_load_nomem(&x);
        return;
    }
    check_top_keys(&x, root);
    check_version(&x, root);
    check_identity(&x, root, stem);
    if (is_base && !gl_load_stopped(&x))
        gl_base_axes(&x, gl_yaml_get(root, "axes"));
    const ynode *n;
    if (is_base && (n = gl_yaml_get(root, "channels")) && !gl_load_stopped(&x))
        gl_base_channels(&x, n);
    if ((n = gl_yaml_get(root, "profile")) && !gl_load_stopped(&x))
        load_profile(&x, n);
    if ((n = gl_yaml_get(root, "terms")) && !gl_load_stopped(&x))
        load_terms(&x, n);
    record_messages_key(b, root);
    if ((n = gl_yaml_get(root, "messages")) && !gl_load_stopped(&x))
        gl_load_messages(&x, n);
    else if (!n && !gl_load_stopped(&x))
        REPORT(&x, R_SCHEMA, root, "missing `messages:`");
    if ((n = gl_yaml_get(root, "locked")) && !gl_load_stopped(&x))
        (is_base ? gl_base_locked : gl_local_locked)(&x, n);
    if ((n = gl_yaml_get(root, "standards")) && !gl_load_stopped(&x))
        gl_load_standards(&x, n);
    if ((n = gl_yaml_get(root, "omits")) && !gl_load_stopped(&x))
        load_omits(&x, n);
    const char *tag = is_base ? x.c->language : b->locale;
    if (tag && !gl_load_stopped(&x) && !set_locale_facts(&x, b, tag))
        gl_load_nomem(&x);
}
