/* One bundle file: from its YAML tree to a gl_bundle, checking the schema,
 * locale tags, selectors, profiles and templates as it goes (SPEC §2). */
#include "bundle.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "limits.h"
#include "locales.h"

typedef struct ctx {
    gl_load *ld;
    glocal_catalog *c;
    gl_bundle *b;
    bool is_base;
} ctx;

#define REPORT(x, rule, node, ...)                                                           \
    gl_report((x)->ld->diag, rule, GLOCAL_OK, (x)->b->file, (node)->line, (node)->col,       \
              (x)->is_base ? NULL : (x)->b->locale, NULL, __VA_ARGS__)
#define REPORT_MSG(x, rule, node, id, ...)                                                   \
    gl_report((x)->ld->diag, rule, GLOCAL_OK, (x)->b->file, (node)->line, (node)->col,       \
              (x)->is_base ? NULL : (x)->b->locale, id, __VA_ARGS__)

static bool stopped(const ctx *x)
{
    return x->ld->diag->stop || x->ld->diag->fatal;
}

static bool nomem(ctx *x)
{
    return gl_report_fatal(x->ld->diag, GLOCAL_ERR_NOMEM, x->b->file, "out of memory");
}

static const char *kind_name(const ynode *n)
{
    return n->kind == YN_MAP ? "a mapping" : n->kind == YN_SEQ ? "a list" : "a string";
}

/* A scalar where one is required; reports and returns NULL otherwise. */
static const char *want_scalar(ctx *x, const ynode *n, const char *what)
{
    if (n->kind == YN_SCALAR)
        return n->str;
    REPORT(x, R_SCHEMA, n, "%s must be a string, not %s", what, kind_name(n));
    return NULL;
}

static bool want_kind(ctx *x, const ynode *n, yn_kind kind, const char *what)
{
    if (n->kind == kind)
        return true;
    REPORT(x, R_SCHEMA, n, "%s must be %s, not %s", what,
           kind == YN_MAP ? "a mapping" : kind == YN_SEQ ? "a list" : "a string", kind_name(n));
    return false;
}

/* ---- locale tags ---- */

/* Checks that a tag is well-formed and canonical; reports under locale-tag. */
static bool check_tag(ctx *x, const ynode *n, const char *key)
{
    char canon[GL_TAG_MAX];
    gl_tag_status st = gl_locale_canonical(n->str, canon, sizeof canon);
    if (st == TAG_NOMEM)
        return !nomem(x);
    if (st != TAG_OK) {
        REPORT(x, R_LOCALE_TAG, n, "`%s: %s` is not a well-formed BCP 47 tag", key, n->str);
        return false;
    }
    if (strcmp(canon, n->str) != 0) {
        REPORT(x, R_LOCALE_TAG, n, "`%s: %s` is not canonical; write `%s`", key, n->str, canon);
        return false;
    }
    return true;
}

static bool set_locale_facts(ctx *x, gl_bundle *b, const char *tag)
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
                                       "axes", "channels", "terms", "locked", "messages", NULL};
static const char *const base_only[] = {"language", "axes", "channels", "locked", NULL};

static bool in_list(const char *const *list, const char *s)
{
    for (; *list; list++)
        if (strcmp(*list, s) == 0)
            return true;
    return false;
}

static void check_top_keys(ctx *x, const ynode *root)
{
    for (size_t i = 0; i < root->n && !stopped(x); i++) {
        const ynode *k = root->items[2 * i];
        if (!in_list(top_keys, k->str))
            REPORT(x, R_SCHEMA, k, "unknown key `%s` (bundle keys: glocal, locale, parent, "
                                   "language, profile, axes, channels, terms, locked, messages)",
                   k->str);
        else if (!x->is_base && in_list(base_only, k->str))
            REPORT(x, R_SCHEMA, k, "`%s` belongs in base.yaml only", k->str);
    }
}

static void check_version(ctx *x, const ynode *root)
{
    const ynode *v = gl_yaml_get(root, "glocal");
    if (!v) {
        REPORT(x, R_SCHEMA, root, "missing `glocal: 1` (the bundle format version)");
        return;
    }
    const char *s = want_scalar(x, v, "`glocal`");
    if (s && strcmp(s, "1") != 0)
        REPORT(x, R_SCHEMA, v, "format version `glocal: %s` is not supported; this glocal reads "
                               "version 1", s);
}

/* locale:, parent: and (base) language:. */
static void check_identity(ctx *x, const ynode *root, const char *stem)
{
    gl_bundle *b = x->b;
    const ynode *loc = gl_yaml_get(root, "locale");
    if (!loc) {
        REPORT(x, R_SCHEMA, root, "missing `locale: %s`", x->is_base ? "base" : stem);
    } else if (want_scalar(x, loc, "`locale`")) {
        if (x->is_base) {
            if (strcmp(loc->str, "base") != 0)
                REPORT(x, R_FILE_NAME, loc, "base.yaml must say `locale: base`, not `%s`",
                       loc->str);
        } else if (check_tag(x, loc, "locale") && strcmp(loc->str, stem) != 0) {
            REPORT(x, R_FILE_NAME, loc, "file %s.yaml holds `locale: %s`; rename it to %s.yaml",
                   stem, loc->str, loc->str);
        }
    }
    const ynode *parent = gl_yaml_get(root, "parent");
    if (parent && want_scalar(x, parent, "`parent`")) {
        if (x->is_base)
            REPORT(x, R_SCHEMA, parent, "base.yaml has no parent: it ends every chain");
        else if (check_tag(x, parent, "parent")) {
            b->parent = gl_arena_strdup(x->c->arena, parent->str);
            b->parent_line = parent->line;
            b->parent_col = parent->col;
        }
    }
    if (!x->is_base)
        return;
    const ynode *lang = gl_yaml_get(root, "language");
    if (!lang) {
        REPORT(x, R_SCHEMA, root, "base.yaml needs `language:`, the locale the baseline is "
                                  "written in (e.g. `language: en`)");
    } else if (want_scalar(x, lang, "`language`") && check_tag(x, lang, "language")) {
        x->c->language = gl_arena_strdup(x->c->arena, lang->str);
    }
}

/* ---- axes (base) ---- */

const char *const gl_axis_names[AX_COUNT] = {"formality", "tone", "channel"};
static const char *const builtin_values[AX_COUNT][11] = {
    {"formal", "informal", "honorific", NULL},
    {"neutral", "warm", "direct", "playful", "empathetic", NULL},
    {"email", "sms", "chat", "whatsapp", "wechat", "line", "kakaotalk", "push", "voice", "web",
     NULL},
};

static int axis_index(const char *name)
{
    for (int a = 0; a < AX_COUNT; a++)
        if (strcmp(gl_axis_names[a], name) == 0)
            return a;
    return -1;
}

static bool add_axis_value(ctx *x, const char *name, int axis)
{
    glocal_catalog *c = x->c;
    size_t n = c->naxisvals;
    /* the arena keeps every old copy: grow by doubling, never by one (quadratic memory) */
    if ((n & (n - 1)) == 0) {
        gl_axisval *v = gl_arena_alloc(c->arena, (n ? 2 * n : 1) * sizeof(*v));
        if (!v)
            return false;
        if (n)
            memcpy(v, c->axisvals, n * sizeof(*v));
        c->axisvals = v;
    }
    c->axisvals[n] = (gl_axisval){name, axis};
    return gl_map_put(&c->axis_index, name, (uint32_t)c->naxisvals++);
}

static bool init_axes(ctx *x)
{
    if (!add_axis_value(x, "", -1)) /* index 0: GL_AXIS_NONE */
        return false;
    for (int a = 0; a < AX_COUNT; a++)
        for (const char *const *v = builtin_values[a]; *v; v++)
            if (!add_axis_value(x, *v, a))
                return false;
    return true;
}

static void load_axes(ctx *x, const ynode *axes)
{
    if (!want_kind(x, axes, YN_MAP, "`axes`"))
        return;
    for (size_t i = 0; i < axes->n && !stopped(x); i++) {
        const ynode *k = axes->items[2 * i], *vals = axes->items[2 * i + 1];
        int a = axis_index(k->str);
        if (a < 0) {
            REPORT(x, R_SCHEMA, k, "unknown axis `%s` (axes: formality, tone, channel)", k->str);
            continue;
        }
        if (!want_kind(x, vals, YN_SEQ, "an axis' values"))
            continue;
        for (size_t j = 0; j < vals->n && !stopped(x); j++) {
            const ynode *v = vals->items[j];
            if (!want_scalar(x, v, "an axis value"))
                continue;
            if (!gl_is_identifier(v->str) || strcmp(v->str, "other") == 0)
                REPORT(x, R_SCHEMA, v, "axis value `%s` must be a lowercase identifier "
                                       "([a-z][a-z0-9_-]*) other than `other`", v->str);
            else if (gl_map_get(&x->c->axis_index, v->str, NULL))
                REPORT(x, R_SCHEMA, v, "axis value `%s` already exists; values are unique "
                                       "across all three axes", v->str);
            else if (!add_axis_value(x, gl_arena_strdup(x->c->arena, v->str), a))
                nomem(x);
        }
    }
}

static void load_channels(ctx *x, const ynode *ch)
{
    glocal_catalog *c = x->c;
    if (!want_kind(x, ch, YN_MAP, "`channels`"))
        return;
    c->channel_max = gl_arena_alloc(c->arena, c->naxisvals * sizeof(uint32_t));
    if (!c->channel_max) {
        nomem(x);
        return;
    }
    memset(c->channel_max, 0, c->naxisvals * sizeof(uint32_t));
    for (size_t i = 0; i < ch->n && !stopped(x); i++) {
        const ynode *k = ch->items[2 * i], *v = ch->items[2 * i + 1];
        uint32_t idx;
        if (!gl_map_get(&c->axis_index, k->str, &idx) || c->axisvals[idx].axis != AX_CHANNEL) {
            REPORT(x, R_SCHEMA, k, "`%s` is not a channel", k->str);
            continue;
        }
        if (!want_kind(x, v, YN_MAP, "a channel's constraints"))
            continue;
        for (size_t j = 0; j < v->n; j++) {
            const ynode *ck = v->items[2 * j], *cv = v->items[2 * j + 1];
            char *end = NULL;
            if (strcmp(ck->str, "max_length") != 0) {
                REPORT(x, R_SCHEMA, ck, "unknown channel constraint `%s` (known: max_length)",
                       ck->str);
                continue;
            }
            unsigned long n = cv->kind == YN_SCALAR ? strtoul(cv->str, &end, 10) : 0;
            if (!end || *end || !*cv->str || n == 0 || n > 1000000 || cv->str[0] == '-')
                REPORT(x, R_SCHEMA, cv, "`max_length` must be a positive whole number");
            else
                c->channel_max[idx] = (uint32_t)n;
        }
    }
}

/* ---- profile ---- */

static bool profile_axis(ctx *x, const ynode *v, int axis, uint32_t *out)
{
    uint32_t idx;
    if (!want_scalar(x, v, "a profile value"))
        return false;
    if (!gl_map_get(&x->c->axis_index, v->str, &idx) || x->c->axisvals[idx].axis != axis) {
        REPORT(x, R_PROFILE, v, "`%s` is not a %s value of this catalog", v->str,
               gl_axis_names[axis]);
        return false;
    }
    *out = idx;
    return true;
}

static void load_channel_list(ctx *x, const ynode *v)
{
    if (!want_kind(x, v, YN_SEQ, "`profile.channels`"))
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

static void load_profile(ctx *x, const ynode *p)
{
    if (!want_kind(x, p, YN_MAP, "`profile`"))
        return;
    for (size_t i = 0; i < p->n && !stopped(x); i++) {
        const ynode *k = p->items[2 * i], *v = p->items[2 * i + 1];
        if (strcmp(k->str, "formality") == 0)
            profile_axis(x, v, AX_FORMALITY, &x->b->profile_ax[0]);
        else if (strcmp(k->str, "tone") == 0)
            profile_axis(x, v, AX_TONE, &x->b->profile_ax[1]);
        else if (strcmp(k->str, "channels") == 0)
            load_channel_list(x, v);
        else if (strcmp(k->str, "time_zone") == 0) {
            if (!want_scalar(x, v, "`profile.time_zone`"))
                continue;
            if (!gl_time_zone_known(v->str))
                REPORT(x, R_PROFILE, v, "`%s` is not a known IANA time zone (e.g. Europe/Zurich)",
                       v->str);
            else
                x->b->time_zone = gl_arena_strdup(x->c->arena, v->str);
        } else {
            REPORT(x, R_SCHEMA, k, "unknown profile key `%s` (known: formality, tone, channels, "
                                   "time_zone)", k->str);
        }
    }
}

/* ---- terms and locked ---- */

static void load_terms(ctx *x, const ynode *t)
{
    if (!want_kind(x, t, YN_MAP, "`terms`"))
        return;
    x->b->terms = gl_arena_alloc(x->c->arena, (t->n ? t->n : 1) * sizeof(gl_term));
    if (!x->b->terms) {
        nomem(x);
        return;
    }
    for (size_t i = 0; i < t->n && !stopped(x); i++) {
        const ynode *k = t->items[2 * i], *v = t->items[2 * i + 1];
        if (!gl_is_identifier(k->str)) {
            REPORT(x, R_SCHEMA, k, "term name `%s` must match [a-z][a-z0-9_-]*", k->str);
            continue;
        }
        if (!want_scalar(x, v, "a term"))
            continue;
        gl_term *term = &x->b->terms[x->b->nterms];
        *term = (gl_term){gl_arena_intern(x->c->arena, k->str, strlen(k->str)),
                          gl_arena_strdup(x->c->arena, v->str), k->line, k->col, false};
        if (!term->name || !term->text || !gl_map_put(&x->b->term_index, term->name,
                                                      (uint32_t)x->b->nterms)) {
            nomem(x);
            return;
        }
        x->b->nterms++;
    }
}

static void load_locked(ctx *x, const ynode *l)
{
    glocal_catalog *c = x->c;
    if (!want_kind(x, l, YN_SEQ, "`locked`"))
        return;
    c->locked_terms = gl_arena_alloc(c->arena, (l->n ? l->n : 1) * sizeof(char *));
    if (!c->locked_terms) {
        nomem(x);
        return;
    }
    for (size_t i = 0; i < l->n && !stopped(x); i++) {
        const ynode *v = l->items[i];
        if (!want_scalar(x, v, "a locked entry"))
            continue;
        uint32_t m;
        if (v->str[0] == '-') {
            if (!gl_map_get(&x->b->term_index, v->str + 1, &m)) {
                REPORT(x, R_SCHEMA, v, "locked term `%s` is not defined in base's `terms`",
                       v->str + 1);
            } else {
                x->b->terms[m].locked = true;
                c->locked_terms[c->nlocked_terms++] = gl_arena_strdup(c->arena, v->str + 1);
            }
        } else if (!gl_lookup_message(c, v->str, &m)) {
            REPORT(x, R_SCHEMA, v, "locked message `%s` is not defined in base.yaml", v->str);
        } else {
            c->messages[m].locked = true;
        }
    }
}

/* ---- messages ---- */

static const char *const type_names[] = {"any", "text", "number", "date", "money"};

static void load_args(ctx *x, gl_message *m, const ynode *args)
{
    if (!want_kind(x, args, YN_MAP, "`_args`"))
        return;
    m->args = gl_arena_alloc(x->c->arena, (args->n ? args->n : 1) * sizeof(gl_argdecl));
    if (!m->args) {
        nomem(x);
        return;
    }
    m->args_declared = true;
    for (size_t i = 0; i < args->n && !stopped(x); i++) {
        const ynode *k = args->items[2 * i], *v = args->items[2 * i + 1];
        if (!gl_is_arg_name(k->str)) {
            REPORT_MSG(x, R_SCHEMA, k, m->id, "argument name `%s` must match "
                                              "[A-Za-z_][A-Za-z0-9_]*", k->str);
            continue;
        }
        if (!want_scalar(x, v, "an argument type"))
            continue;
        gl_argtype t = T_ANY;
        for (int j = T_TEXT; j <= T_MONEY; j++)
            if (strcmp(v->str, type_names[j]) == 0)
                t = (gl_argtype)j;
        if (t == T_ANY) {
            REPORT_MSG(x, R_SCHEMA, v, m->id, "argument type `%s` is not one of text, number, "
                                              "date, money", v->str);
            continue;
        }
        const char *name = gl_arena_intern(x->c->arena, k->str, strlen(k->str));
        if (!name || !gl_map_put(&m->arg_index, name, (uint32_t)m->nargs)) {
            nomem(x);
            return;
        }
        m->args[m->nargs++] = (gl_argdecl){name, t, TYPE_BIT(t)};
    }
}

/* Parses "formal+sms" into axis values; reports under `selector`. */
static bool parse_selector(ctx *x, const ynode *k, const char *id, uint32_t ax[AX_COUNT])
{
    memset(ax, 0, AX_COUNT * sizeof(uint32_t));
    if (strcmp(k->str, "other") == 0)
        return true;
    const char *s = k->str;
    while (*s) {
        const char *plus = strchr(s, '+');
        size_t n = plus ? (size_t)(plus - s) : strlen(s);
        uint32_t idx;
        if (!gl_map_getn(&x->c->axis_index, s, n, &idx) || idx == 0) {
            REPORT_MSG(x, R_SELECTOR, k, id, "variant key `%s`: `%.*s` is not an axis value of "
                                             "this catalog", k->str, (int)n, s);
            return false;
        }
        int a = x->c->axisvals[idx].axis;
        if (ax[a]) {
            REPORT_MSG(x, R_SELECTOR, k, id, "variant key `%s` names the %s axis twice",
                       k->str, gl_axis_names[a]);
            return false;
        }
        ax[a] = idx;
        s += n + (plus ? 1 : 0);
        if (plus && !*s) {
            REPORT_MSG(x, R_SELECTOR, k, id, "variant key `%s` ends with `+`", k->str);
            return false;
        }
    }
    return true;
}

/* A template that did not compile stays as empty text, so that lint goes on
 * without reporting the same defect again under other rules (the open has
 * already failed). */
static bool keep_broken(ctx *x, gl_template *t)
{
    t->kind = TK_LITERAL;
    t->broken = true;
    t->nslots = t->nsels = 0;
    t->pieces = gl_arena_alloc(x->c->arena, sizeof(char *));
    t->piece_len = gl_arena_alloc(x->c->arena, sizeof(size_t));
    if (!t->pieces || !t->piece_len)
        return !nomem(x);
    t->pieces[0] = t->literal = "";
    t->piece_len[0] = 0;
    return true;
}

/* Text without braces or apostrophes is its own output: ICU would find
 * nothing in it to parse, so it is not asked (a third of a typical catalog).
 * The result is what gl_template_compile gives for such text, sharing src. */
static bool compile_plain(ctx *x, gl_template *t)
{
    t->pieces = gl_arena_alloc(x->c->arena, sizeof(char *));
    t->piece_len = gl_arena_alloc(x->c->arena, sizeof(size_t));
    if (!t->pieces || !t->piece_len)
        return !nomem(x);
    t->kind = TK_LITERAL;
    t->pieces[0] = t->literal = t->src;
    t->piece_len[0] = strlen(t->src);
    return true;
}

static bool arg_start(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static bool arg_char(char c)
{
    return arg_start(c) || (c >= '0' && c <= '9');
}

static bool term_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

/* The end of `{name}` or `{-term}` at p, or NULL for anything else. */
static const char *simple_slot_end(const char *p)
{
    const char *q = p + 1;
    if (*q == '-') {
        if (*++q < 'a' || *q > 'z')
            return NULL;
        while (term_char(*q))
            q++;
    } else {
        if (!arg_start(*q))
            return NULL;
        while (arg_char(*q))
            q++;
    }
    return *q == '}' && q - p <= 256 ? q : NULL;
}

/* Text with `{name}` and `{-term}` slots and nothing else ICU would read (no
 * apostrophe, no other brace): its pieces and slots are cut here, as
 * gl_template_compile would cut them, without the UTF-16 round trip and
 * MessagePattern.  0: not such a template; 1: compiled; -1: out of memory. */
static int compile_simple(ctx *x, gl_template *t)
{
    size_t n = 0;
    for (const char *p = t->src; *p; p++) {
        if (*p == '\'' || *p == '}')
            return 0;
        if (*p == '{') {
            if (!(p = simple_slot_end(p)))
                return 0;
            n++;
        }
    }
    gl_arena *a = x->c->arena;
    t->pieces = gl_arena_alloc(a, (n + 1) * sizeof(char *));
    t->piece_len = gl_arena_alloc(a, (n + 1) * sizeof(size_t));
    t->slots = gl_arena_alloc(a, n * sizeof(gl_slot));
    if (!t->pieces || !t->piece_len || !t->slots)
        return -1;
    const char *piece = t->src;
    size_t k = 0;
    for (const char *p = t->src;; p++) {
        if (*p != '{' && *p)
            continue;
        /* pieces point into src: slots split it, nothing in between changes */
        t->pieces[k] = piece;
        t->piece_len[k] = (size_t)(p - piece);
        if (!*p)
            break;
        const char *end = simple_slot_end(p);
        bool term = p[1] == '-';
        const char *name = p + 1 + term;
        gl_slot *s = &t->slots[k];
        *s = (gl_slot){term ? SLOT_TERM : SLOT_ARG, USE_PLAIN,
                       gl_arena_intern(a, name, (size_t)(end - name)), ""};
        if (!s->name)
            return -1;
        k++;
        piece = end + 1;
        p = end;
    }
    t->kind = TK_SIMPLE;
    t->nslots = n;
    t->literal = t->pieces[0];
    return 1;
}

static bool compile_template(ctx *x, gl_template *t, const ynode *v, const char *id)
{
    char msg[512];
    t->src = gl_arena_strndup(x->c->arena, v->str, v->len);
    t->line = v->line;
    t->col = v->col;
    t->id = x->c->ntemplates++;
    if (!t->src)
        return !nomem(x);
    if (!strpbrk(t->src, "{}'"))
        return compile_plain(x, t);
    switch (compile_simple(x, t)) {
    case 1:
        return true;
    case -1:
        return !nomem(x);
    default:
        break;
    }
    switch (gl_template_compile(x->c->arena, t, (unsigned)GL_LIMIT(x->ld->limits, TEMPLATE_DEPTH),
                                msg, sizeof msg)) {
    case TC_OK:
        if (t->open_quote)
            gl_report_warning(x->ld->diag, R_TEMPLATE_SYNTAX, x->b->file, v->line, v->col,
                              x->is_base ? NULL : x->b->locale, id,
                              "`%s`: an apostrophe starts a quoted run that never ends, so ICU "
                              "prints the rest of the template as it is; write '' for an "
                              "apostrophe (or use ’)", id);
        return true;
    case TC_NOMEM:
        nomem(x);
        return false;
    case TC_DEPTH:
        gl_report(x->ld->diag, R_TEMPLATE_SYNTAX, GLOCAL_ERR_LIMIT, x->b->file, v->line, v->col,
                  x->is_base ? NULL : x->b->locale, id, "`%s`: %s", id, msg);
        return keep_broken(x, t);
    default:
        REPORT_MSG(x, R_TEMPLATE_SYNTAX, v, id, "`%s`: %s", id, msg);
        return keep_broken(x, t);
    }
}

static bool same_axes(const uint32_t *a, const uint32_t *b)
{
    return memcmp(a, b, AX_COUNT * sizeof(uint32_t)) == 0;
}

static void add_variant(ctx *x, gl_msgdef *def, const ynode *k, const ynode *v, const char *id)
{
    gl_variant *var = &def->v[def->nv];
    memset(var, 0, sizeof(*var));
    if (strcmp(k->str, "other") == 0)
        def->other_written = true;
    if (v->kind != YN_SCALAR) {
        REPORT_MSG(x, R_SCHEMA, v, id, "variant `%s` of `%s` must be a template string; "
                                       "message maps do not nest", k->str, id);
        return;
    }
    if (!parse_selector(x, k, id, var->ax))
        return;
    for (size_t j = 0; j < def->nv; j++) {
        if (same_axes(def->v[j].ax, var->ax)) {
            REPORT_MSG(x, R_SELECTOR, k, id, "variant keys `%s` and `%s` name the same values",
                       def->v[j].key, k->str);
            return;
        }
    }
    var->key = gl_arena_intern(x->c->arena, k->str, strlen(k->str));
    var->line = k->line;
    var->col = k->col;
    if (var->key && compile_template(x, &var->tmpl, v, id))
        def->nv++;
}

static void load_message_map(ctx *x, gl_msgdef *def, gl_message *m, const ynode *map,
                             const char *id)
{
    for (size_t i = 0; i < map->n && !stopped(x); i++) {
        const ynode *k = map->items[2 * i], *v = map->items[2 * i + 1];
        if (k->str[0] != '_') {
            if (def->nv == GL_LIMIT(x->ld->limits, VARIANTS)) {
                gl_report(x->ld->diag, R_SCHEMA, GLOCAL_ERR_LIMIT, x->b->file, k->line, k->col,
                          NULL, id, "`%s` has more than the limit of %llu variants", id,
                          (unsigned long long)GL_LIMIT(x->ld->limits, VARIANTS));
                return;
            }
            add_variant(x, def, k, v, id);
        } else if (!x->is_base && (strcmp(k->str, "_args") == 0 || strcmp(k->str, "_note") == 0)) {
            REPORT_MSG(x, R_SCHEMA, k, id, "`%s` belongs in base.yaml only", k->str);
        } else if (strcmp(k->str, "_args") == 0) {
            load_args(x, m, v);
        } else if (strcmp(k->str, "_note") == 0) {
            if (want_scalar(x, v, "`_note`"))
                m->note = gl_arena_strdup(x->c->arena, v->str);
        } else {
            REPORT_MSG(x, R_SCHEMA, k, id, "unknown metadata key `%s` (known: _args, _note)",
                       k->str);
        }
    }
}

static gl_msgdef *load_message(ctx *x, const ynode *k, const ynode *v, gl_message *m)
{
    gl_msgdef *def = gl_arena_alloc(x->c->arena, sizeof(*def));
    if (!def) {
        nomem(x);
        return NULL;
    }
    memset(def, 0, sizeof(*def));
    def->line = k->line;
    def->col = k->col;
    if (v->kind == YN_SEQ) {
        REPORT_MSG(x, R_SCHEMA, v, k->str, "message `%s` must be a template or a map of "
                                           "variants, not a list", k->str);
        return NULL;
    }
    def->scalar = v->kind == YN_SCALAR;
    size_t nvar = 1; /* room for the variants only, not for _args and _note */
    if (!def->scalar) {
        nvar = 0;
        for (size_t i = 0; i < v->n; i++)
            nvar += v->items[2 * i]->str[0] != '_';
    }
    def->v = gl_arena_alloc(x->c->arena, (nvar ? nvar : 1) * sizeof(gl_variant));
    if (!def->v) {
        nomem(x);
        return NULL;
    }
    if (def->scalar) {
        gl_variant *var = &def->v[0];
        memset(var, 0, sizeof(*var));
        var->key = "other";
        var->line = v->line;
        var->col = v->col;
        if (compile_template(x, &var->tmpl, v, k->str))
            def->nv = 1;
        return def->nv ? def : NULL;
    }
    load_message_map(x, def, m, v, k->str);
    return def;
}

static bool register_base_message(ctx *x, const ynode *k)
{
    glocal_catalog *c = x->c;
    gl_message *m = &c->messages[c->nmessages];
    memset(m, 0, sizeof(*m));
    m->id = gl_arena_strdup(c->arena, k->str);
    if (!m->id || !gl_map_put(&c->message_index, m->id, (uint32_t)c->nmessages))
        return !nomem(x);
    c->nmessages++;
    return true;
}

static bool add_orphan(ctx *x, const ynode *k, gl_msgdef *def)
{
    gl_bundle *b = x->b;
    size_t n = b->norphans;
    /* the arena keeps every old copy: grow by doubling, never by one (quadratic memory) */
    if ((n & (n - 1)) == 0) {
        const char **ids = gl_arena_alloc(x->c->arena, (n ? 2 * n : 1) * sizeof(char *));
        gl_msgdef **defs = gl_arena_alloc(x->c->arena, (n ? 2 * n : 1) * sizeof(gl_msgdef *));
        if (!ids || !defs)
            return !nomem(x);
        if (n) {
            memcpy(ids, b->orphan_ids, n * sizeof(char *));
            memcpy(defs, b->orphans, n * sizeof(gl_msgdef *));
        }
        b->orphan_ids = ids;
        b->orphans = defs;
    }
    b->orphan_ids[n] = gl_arena_intern(x->c->arena, k->str, strlen(k->str));
    b->orphans[n] = def;
    b->norphans++;
    return true;
}

static void load_messages(ctx *x, const ynode *msgs)
{
    glocal_catalog *c = x->c;
    if (!want_kind(x, msgs, YN_MAP, "`messages`"))
        return;
    if (msgs->n > GL_LIMIT(x->ld->limits, MESSAGES)) {
        gl_report(x->ld->diag, R_SCHEMA, GLOCAL_ERR_LIMIT, x->b->file, msgs->line, msgs->col,
                  NULL, NULL, "more than the limit of %llu messages in one bundle",
                  (unsigned long long)GL_LIMIT(x->ld->limits, MESSAGES));
        return;
    }
    if (x->is_base) {
        c->messages = gl_arena_alloc(c->arena, (msgs->n ? msgs->n : 1) * sizeof(gl_message));
        if (!c->messages) {
            nomem(x);
            return;
        }
        for (size_t i = 0; i < msgs->n && !stopped(x); i++) {
            const ynode *k = msgs->items[2 * i];
            if (!gl_is_message_id(k->str))
                REPORT_MSG(x, R_SCHEMA, k, k->str, "message id `%s` must match "
                                                   "[a-z0-9][a-z0-9_.-]*", k->str);
            else
                register_base_message(x, k);
        }
    }
    x->b->msgs = gl_arena_alloc(c->arena, (c->nmessages ? c->nmessages : 1) * sizeof(gl_msgdef *));
    if (!x->b->msgs) {
        nomem(x);
        return;
    }
    memset(x->b->msgs, 0, (c->nmessages ? c->nmessages : 1) * sizeof(gl_msgdef *));
    for (size_t i = 0; i < msgs->n && !stopped(x); i++) {
        const ynode *k = msgs->items[2 * i], *v = msgs->items[2 * i + 1];
        uint32_t idx;
        if (!gl_is_message_id(k->str)) {
            if (!x->is_base)
                REPORT_MSG(x, R_SCHEMA, k, k->str, "message id `%s` must match "
                                                   "[a-z0-9][a-z0-9_.-]*", k->str);
            continue;
        }
        bool known = gl_lookup_message(c, k->str, &idx);
        gl_msgdef *def = load_message(x, k, v, known ? &c->messages[idx] : NULL);
        if (!def)
            continue;
        if (known)
            x->b->msgs[idx] = def;
        else
            add_orphan(x, k, def);
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
    ctx x = {ld, ld->cat, b, is_base};
    b->parent_idx = -1;
    if (!root || root->kind != YN_MAP) {
        ynode top = {.line = root ? root->line : 1, .col = root ? root->col : 1};
        REPORT(&x, R_SCHEMA, &top, "a bundle is a mapping with `glocal: 1`, `locale:` and "
                                   "`messages:`; this file is %s",
               root ? kind_name(root) : "empty");
        /* lint goes on: other bundles' chains meet this one and need its language */
        if (!is_base && !set_locale_facts(&x, b, b->locale))
            nomem(&x);
        return;
    }
    check_top_keys(&x, root);
    check_version(&x, root);
    check_identity(&x, root, stem);
    if (is_base && !stopped(&x) && !init_axes(&x))
        nomem(&x);
    const ynode *n;
    if (is_base && (n = gl_yaml_get(root, "axes")) && !stopped(&x))
        load_axes(&x, n);
    if (is_base && (n = gl_yaml_get(root, "channels")) && !stopped(&x))
        load_channels(&x, n);
    if ((n = gl_yaml_get(root, "profile")) && !stopped(&x))
        load_profile(&x, n);
    if ((n = gl_yaml_get(root, "terms")) && !stopped(&x))
        load_terms(&x, n);
    record_messages_key(b, root);
    if ((n = gl_yaml_get(root, "messages")) && !stopped(&x))
        load_messages(&x, n);
    else if (!n && !stopped(&x))
        REPORT(&x, R_SCHEMA, root, "missing `messages:`");
    if (is_base && (n = gl_yaml_get(root, "locked")) && !stopped(&x))
        load_locked(&x, n);
    const char *tag = is_base ? x.c->language : b->locale;
    if (tag && !stopped(&x) && !set_locale_facts(&x, b, tag))
        nomem(&x);
}

const char *gl_argtype_name(gl_argtype t)
{
    return type_names[t];
}
