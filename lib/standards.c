/* `standards:` of a bundle (docs/standards.md): read strictly, every bad
 * shape reported under `schema` at its line and column, so a guide that does
 * not say what its author meant never silently checks nothing. */
#include "standards.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>

#include "locales.h"

#define MAX_PUNCT 1000 /* a `max` above this is a typo */

static const char *const section_names[STD_KINDS] = {
    "glossary", "forbidden", "emoji", "punctuation", "requires", "typography",
};

gl_rule gl_std_rule(gl_std_kind k)
{
    static const gl_rule rule[STD_KINDS] = {R_GLOSSARY, R_FORBIDDEN_TERM, R_EMOJI_POLICY,
                                            R_PUNCTUATION_POLICY, R_REQUIRES, R_TYPOGRAPHY};
    return rule[k];
}

bool gl_std_lang_applies(const char *key, const char *tag)
{
    size_t n = strlen(key);
    return strcmp(key, "all") == 0
           || (strncmp(key, tag, n) == 0 && (tag[n] == '\0' || tag[n] == '-'));
}

/* ---- shared shapes ---- */

static void *grow(gl_bundle_ctx *x, void *arr, size_t n, size_t size)
{
    void *p = gl_arena_grow_array(x->c->arena, arr, n, size);
    if (!p)
        gl_load_nomem(x);
    return p;
}

static const char *keep(gl_bundle_ctx *x, const char *s, size_t n)
{
    const char *p = gl_arena_strndup(x->c->arena, s, n);
    if (!p)
        gl_load_nomem(x);
    return p;
}

/* A language key: `all` or a canonical BCP 47 tag. */
static bool want_language(gl_bundle_ctx *x, const ynode *k, const char *section, bool all_ok)
{
    char canon[GL_TAG_MAX];
    if (all_ok && strcmp(k->str, "all") == 0)
        return true;
    gl_tag_status st = gl_locale_canonical(k->str, canon, sizeof canon);
    if (st == TAG_NOMEM)
        return !gl_load_nomem(x);
    if (st == TAG_OK && strcmp(canon, k->str) == 0)
        return true;
    REPORT(x, R_SCHEMA, k, "`standards.%s`: `%s` is not a canonical language tag%s%s%s",
           section, k->str, all_ok ? " or `all`" : "", st == TAG_OK ? "; write " : "",
           st == TAG_OK ? canon : "");
    return false;
}

/* `severity: warning | error` inside a section; true when k was that key. */
static bool read_severity(gl_bundle_ctx *x, gl_std_kind kind, const ynode *k, const ynode *v)
{
    if (strcmp(k->str, "severity") != 0)
        return false;
    const char *s = gl_want_scalar(x, v, "`severity`");
    if (s && strcmp(s, "error") == 0)
        x->b->standards->severity[kind] = GLOCAL_SEVERITY_ERROR;
    else if (s && strcmp(s, "warning") == 0)
        x->b->standards->severity[kind] = GLOCAL_SEVERITY_WARNING;
    else if (s)
        REPORT(x, R_SCHEMA, v, "`standards.%s.severity` is `warning` or `error`, not `%s`",
               section_names[kind], s);
    return true;
}

/* An axis value a policy applies to, or `all`; false when reported. */
static bool want_context(gl_bundle_ctx *x, const ynode *k, const char *section, uint32_t *out)
{
    *out = GL_AXIS_NONE;
    if (strcmp(k->str, "all") == 0 || gl_axis_value(x->c, k->str, out))
        return true;
    REPORT(x, R_SCHEMA, k, "`standards.%s`: `%s` is not `all` or an axis value of this catalog "
           "(a formality, tone, channel or custom axis value)", section, k->str);
    return false;
}

/* ---- glossary and forbidden ---- */

static void add_term(gl_bundle_ctx *x, gl_std_kind kind, const char *lang, const ynode *v,
                     const char *preferred)
{
    gl_standards *s = x->b->standards;
    const char *str = gl_want_scalar(x, v, kind == STD_GLOSSARY ? "a glossary variant"
                                                                : "a forbidden phrase");
    if (!str)
        return;
    size_t n = strlen(str);
    bool prefix = kind == STD_GLOSSARY && n > 1 && str[n - 1] == '*';
    if (prefix)
        n--;
    if (n == 0 || strchr(str, '\n') || u_isUWhiteSpace((UChar32)(unsigned char)str[0])) {
        REPORT(x, R_SCHEMA, v, "`standards.%s`: a phrase is one line of text that does not "
               "start with a space", section_names[kind]);
        return;
    }
    gl_std_term *t = grow(x, s->terms, s->nterms, sizeof(*t));
    const char *text = t ? keep(x, str, n) : NULL;
    if (!text)
        return;
    s->terms = t;
    s->terms[s->nterms++] = (gl_std_term){kind, lang, text, preferred, prefix, v->line, v->col};
}

static void load_glossary_language(gl_bundle_ctx *x, const char *lang, const ynode *map)
{
    if (!gl_want_kind(x, map, YN_MAP, "a language's glossary (preferred term: [variants])"))
        return;
    for (size_t i = 0; i < map->n && !gl_load_stopped(x); i++) {
        const ynode *k = map->items[2 * i], *v = map->items[2 * i + 1];
        const char *preferred = keep(x, k->str, k->len);
        if (!preferred || !gl_want_kind(x, v, YN_SEQ, "a preferred term's variants"))
            continue;
        for (size_t j = 0; j < v->n && !gl_load_stopped(x); j++)
            add_term(x, STD_GLOSSARY, lang, v->items[j], preferred);
    }
}

static void load_terms_section(gl_bundle_ctx *x, gl_std_kind kind, const ynode *sec)
{
    const char *what = kind == STD_GLOSSARY ? "`standards.glossary` (language: {preferred: "
                                              "[variants]})"
                                            : "`standards.forbidden` (language or all: "
                                              "[phrases])";
    if (!gl_want_kind(x, sec, YN_MAP, what))
        return;
    for (size_t i = 0; i < sec->n && !gl_load_stopped(x); i++) {
        const ynode *k = sec->items[2 * i], *v = sec->items[2 * i + 1];
        if (read_severity(x, kind, k, v)
            || !want_language(x, k, section_names[kind], kind == STD_FORBIDDEN))
            continue;
        const char *lang = keep(x, k->str, k->len);
        if (!lang)
            return;
        if (kind == STD_GLOSSARY) {
            load_glossary_language(x, lang, v);
        } else if (gl_want_kind(x, v, YN_SEQ, "a language's forbidden phrases")) {
            for (size_t j = 0; j < v->n && !gl_load_stopped(x); j++)
                add_term(x, STD_FORBIDDEN, lang, v->items[j], NULL);
        }
    }
}

/* ---- emoji ---- */

static bool is_emoji_text(const char *s)
{
    while (*s) {
        UChar32 c = (UChar32)gl_utf8_next(&s);
        if (u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC)
            || u_hasBinaryProperty(c, UCHAR_REGIONAL_INDICATOR))
            return true;
    }
    return false;
}

/* The emoji without its U+FE0F presentation selectors, as matching sees it. */
static const char *emoji_key(gl_bundle_ctx *x, const char *s)
{
    gl_buf b = {0};
    for (const char *p = s; *p;) {
        const char *at = p;
        if (gl_utf8_next(&p) != 0xFE0F)
            gl_buf_putn(&b, at, (size_t)(p - at));
    }
    const char *k = b.oom ? NULL : keep(x, b.p ? b.p : "", b.len);
    if (b.oom)
        gl_load_nomem(x);
    gl_buf_free(&b);
    return k;
}

static void load_emoji_list(gl_bundle_ctx *x, gl_std_emoji *e, const ynode *v)
{
    e->policy = EMOJI_LIST;
    e->list = gl_arena_alloc(x->c->arena, (v->n ? v->n : 1) * sizeof(char *));
    if (!e->list) {
        gl_load_nomem(x);
        return;
    }
    for (size_t j = 0; j < v->n && !gl_load_stopped(x); j++) {
        const ynode *item = v->items[j];
        if (!gl_want_scalar(x, item, "an allowed emoji"))
            continue;
        if (!is_emoji_text(item->str))
            REPORT(x, R_SCHEMA, item, "`standards.emoji`: `%s` is not an emoji", item->str);
        else if ((e->list[e->nlist] = emoji_key(x, item->str)) != NULL)
            e->nlist++;
    }
}

static void load_emoji(gl_bundle_ctx *x, const ynode *sec)
{
    gl_standards *s = x->b->standards;
    if (!gl_want_kind(x, sec, YN_MAP, "`standards.emoji` (context: allowed, none or [emoji])"))
        return;
    for (size_t i = 0; i < sec->n && !gl_load_stopped(x); i++) {
        const ynode *k = sec->items[2 * i], *v = sec->items[2 * i + 1];
        uint32_t when;
        if (read_severity(x, STD_EMOJI, k, v) || !want_context(x, k, "emoji", &when))
            continue;
        gl_std_emoji e = {.when = when, .line = v->line, .col = v->col};
        if (v->kind == YN_SEQ) {
            load_emoji_list(x, &e, v);
        } else if (v->kind == YN_SCALAR && strcmp(v->str, "none") == 0) {
            e.policy = EMOJI_NONE;
        } else if (v->kind == YN_SCALAR && strcmp(v->str, "allowed") == 0) {
            e.policy = EMOJI_ALLOWED;
        } else {
            REPORT(x, R_SCHEMA, v, "`standards.emoji.%s` is `allowed`, `none` or a list of "
                   "emoji", k->str);
            continue;
        }
        gl_std_emoji *arr = grow(x, s->emoji, s->nemoji, sizeof(*arr));
        if (!arr)
            return;
        s->emoji = arr;
        s->emoji[s->nemoji++] = e;
    }
}

/* ---- punctuation ---- */

static bool is_mark_text(const char *s)
{
    if (!*s)
        return false;
    while (*s) {
        UChar32 c = (UChar32)gl_utf8_next(&s);
        if (!u_ispunct(c) && !(U_GET_GC_MASK(c) & U_GC_S_MASK))
            return false;
    }
    return true;
}

static void load_punct_limits(gl_bundle_ctx *x, uint32_t when, const ynode *map)
{
    gl_standards *s = x->b->standards;
    if (!gl_want_kind(x, map, YN_MAP, "punctuation limits (mark: max)"))
        return;
    for (size_t j = 0; j < map->n && !gl_load_stopped(x); j++) {
        const ynode *mk = map->items[2 * j], *mv = map->items[2 * j + 1];
        char *end = NULL;
        if (!is_mark_text(mk->str)) {
            REPORT(x, R_SCHEMA, mk, "`standards.punctuation`: `%s` is not a punctuation mark",
                   mk->str);
            continue;
        }
        unsigned long max = mv->kind == YN_SCALAR ? strtoul(mv->str, &end, 10) : 0;
        if (!end || *end || !*mv->str || mv->str[0] == '-' || max > MAX_PUNCT) {
            REPORT(x, R_SCHEMA, mv, "the most `%s` a variant may have is a whole number from 0 "
                   "to %d", mk->str, MAX_PUNCT);
            continue;
        }
        gl_std_punct *arr = grow(x, s->punct, s->npunct, sizeof(*arr));
        const char *mark = arr ? keep(x, mk->str, mk->len) : NULL;
        if (!mark)
            return;
        s->punct = arr;
        s->punct[s->npunct++] = (gl_std_punct){when, mark, (unsigned)max, mk->line, mk->col};
    }
}

static void load_punctuation(gl_bundle_ctx *x, const ynode *sec)
{
    if (!gl_want_kind(x, sec, YN_MAP, "`standards.punctuation` (context: {mark: max})"))
        return;
    for (size_t i = 0; i < sec->n && !gl_load_stopped(x); i++) {
        const ynode *k = sec->items[2 * i], *v = sec->items[2 * i + 1];
        uint32_t when;
        if (!read_severity(x, STD_PUNCTUATION, k, v) && want_context(x, k, "punctuation", &when))
            load_punct_limits(x, when, v);
    }
}

/* ---- requires ---- */

static bool valid_required(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || strchr(s, '\n'))
        return false;
    if (s[0] != '{')
        return true;
    char name[128];
    if (n < 3 || n - 2 >= sizeof name || s[n - 1] != '}')
        return false;
    memcpy(name, s + 1, n - 2);
    name[n - 2] = '\0';
    return name[0] == '-' ? gl_is_identifier(name + 1) : gl_is_arg_name(name);
}

static void load_requires(gl_bundle_ctx *x, const ynode *sec)
{
    gl_standards *s = x->b->standards;
    if (!gl_want_kind(x, sec, YN_MAP, "`standards.requires` (message: [words or {args}])"))
        return;
    for (size_t i = 0; i < sec->n && !gl_load_stopped(x); i++) {
        const ynode *k = sec->items[2 * i], *v = sec->items[2 * i + 1];
        uint32_t m;
        if (read_severity(x, STD_REQUIRES, k, v))
            continue;
        if (!gl_lookup_message(x->c, k->str, &m)) {
            REPORT(x, R_SCHEMA, k, "`standards.requires`: base.yaml defines no message `%s`",
                   k->str);
            continue;
        }
        if (!gl_want_kind(x, v, YN_SEQ, "what a message requires"))
            continue;
        for (size_t j = 0; j < v->n && !gl_load_stopped(x); j++) {
            const ynode *item = v->items[j];
            if (!gl_want_scalar(x, item, "a required word or argument"))
                continue;
            if (!valid_required(item->str)) {
                REPORT(x, R_SCHEMA, item, "`standards.requires`: `%s` is not a word, an "
                       "argument use (`{eta}`) or a term (`{-brand}`)", item->str);
                continue;
            }
            gl_std_require *arr = grow(x, s->requires, s->nrequires, sizeof(*arr));
            const char *text = arr ? keep(x, item->str, item->len) : NULL;
            if (!text)
                return;
            s->requires = arr;
            s->requires[s->nrequires++] = (gl_std_require){m, text, item->line, item->col};
        }
    }
}

/* ---- typography ---- */

static bool read_spacing(gl_bundle_ctx *x, const ynode *v, gl_fr_spacing *out)
{
    static const char *const names[] = {"infer", "narrow", "nbsp", "quebec"};
    if (!gl_want_scalar(x, v, "`spacing`"))
        return false;
    for (int i = 0; i < 4; i++)
        if (strcmp(v->str, names[i]) == 0) {
            *out = (gl_fr_spacing)i;
            return true;
        }
    REPORT(x, R_SCHEMA, v, "`spacing` is `narrow` (U+202F), `nbsp` (U+00A0), `quebec` (none "
           "before ; ! ?) or `infer`, not `%s`", v->str);
    return false;
}

static void load_typography_language(gl_bundle_ctx *x, const ynode *k, const ynode *v)
{
    gl_standards *s = x->b->standards;
    gl_std_typography t = {0};
    if (!gl_want_kind(x, v, YN_MAP, "a language's typography ({spacing: narrow})")
        || !(t.lang = keep(x, k->str, k->len)))
        return;
    for (size_t j = 0; j < v->n; j++) {
        const ynode *tk = v->items[2 * j], *tv = v->items[2 * j + 1];
        if (strcmp(tk->str, "spacing") != 0)
            REPORT(x, R_SCHEMA, tk, "unknown typography setting `%s` (known: spacing)",
                   tk->str);
        else if (strncmp(k->str, "fr", 2) != 0 || (k->str[2] && k->str[2] != '-'))
            REPORT(x, R_SCHEMA, tk, "`spacing` is French typography; `%s` is not French",
                   k->str);
        else
            read_spacing(x, tv, &t.spacing);
    }
    gl_std_typography *arr = grow(x, s->typography, s->ntypography, sizeof(*arr));
    if (!arr)
        return;
    s->typography = arr;
    s->typography[s->ntypography++] = t;
}

static void load_typography(gl_bundle_ctx *x, const ynode *sec)
{
    if (sec->kind == YN_SCALAR && strcmp(sec->str, "off") == 0) {
        x->b->standards->typography_off = true;
        return;
    }
    if (!gl_want_kind(x, sec, YN_MAP, "`standards.typography` (off, or language: {...})"))
        return;
    for (size_t i = 0; i < sec->n && !gl_load_stopped(x); i++) {
        const ynode *k = sec->items[2 * i], *v = sec->items[2 * i + 1];
        if (!read_severity(x, STD_TYPOGRAPHY, k, v) && want_language(x, k, "typography", false))
            load_typography_language(x, k, v);
    }
}

/* ---- the section ---- */

void gl_load_standards(gl_bundle_ctx *x, const ynode *n)
{
    if (!gl_want_kind(x, n, YN_MAP, "`standards`"))
        return;
    gl_standards *s = gl_arena_alloc(x->c->arena, sizeof(*s));
    if (!s) {
        gl_load_nomem(x);
        return;
    }
    *s = (gl_standards){0};
    for (int k = 0; k < STD_KINDS; k++)
        s->severity[k] = GLOCAL_SEVERITY_WARNING;
    x->b->standards = s;
    for (size_t i = 0; i < n->n && !gl_load_stopped(x); i++) {
        const ynode *k = n->items[2 * i], *v = n->items[2 * i + 1];
        if (strcmp(k->str, "glossary") == 0)
            load_terms_section(x, STD_GLOSSARY, v);
        else if (strcmp(k->str, "forbidden") == 0)
            load_terms_section(x, STD_FORBIDDEN, v);
        else if (strcmp(k->str, "emoji") == 0)
            load_emoji(x, v);
        else if (strcmp(k->str, "punctuation") == 0)
            load_punctuation(x, v);
        else if (strcmp(k->str, "requires") == 0)
            load_requires(x, v);
        else if (strcmp(k->str, "typography") == 0)
            load_typography(x, v);
        else
            REPORT(x, R_SCHEMA, k, "unknown standards key `%s` (known: glossary, forbidden, "
                   "emoji, punctuation, requires, typography)", k->str);
    }
}
