/* The warning rules of docs/lint.md that look at one variant at a time:
 * dropped-arg, plural-categories, length, untranslated, brand-literal,
 * whitespace, apostrophe-quote (its scan is in lint_quote.c), style.
 * register-slip (lint_register.c), orphan and missing (lint_catalog.c) look at
 * more than one variant.  They run on a catalog the loader built in collect
 * mode, so every error rule has already reported; a local override of a locked
 * message is an error (`locked`) and is ignored at run time, so no warning
 * looks at it. */
#include "lint_rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include "chain.h"
#include "locales.h"
#include "resolve.h"
#include "term_match.h"

#define PLURAL_PROBE 1000 /* plural-categories looks at the integers 0-999 */
#define CAT_MAX 8         /* a category name ("other") with its NUL */
#define CATEGORIES 8      /* CLDR has six: zero, one, two, few, many, other */

typedef struct plural_table {
    bool ready;
    char cat[PLURAL_PROBE][CAT_MAX];
} plural_table;

typedef struct term_ref {
    const char *name, *text;
    size_t len;
} term_ref;

/* Terms with distinct texts, each found in a template by one pass of a
 * matcher: base's for every bundle, a bundle's own for that bundle. */
typedef struct term_set {
    gl_term_matcher *match;
    term_ref *refs;     /* by the ids given to match, less `first` */
    size_t n, first;
} term_set;

typedef struct lint {
    const glocal_catalog *c;
    gl_diag *d;
    const gl_bundle *b;
    uint32_t chain[GL_MAX_CHAIN];
    size_t nchain;
    plural_table plural[2];     /* cardinal, ordinal rules of b's format locale */
    const gl_message *m;
    uint32_t mi;
    const gl_variant *v;
    char *lit;                  /* v's literal text (gl_template_literal_text) */
    term_set base_terms;        /* brand-literal's terms: base's, built once */
    term_set own_terms;         /* b's own, unless base has their text */
    const term_ref **found;     /* the terms in v's literal text, longest first */
    size_t nfound;
    UBreakIterator *words;      /* opened on first use */
} lint;

static bool is_base(const lint *x)
{
    return x->b == gl_base(x->c);
}

static void nomem(lint *x)
{
    gl_report_fatal(x->d, GLOCAL_ERR_NOMEM, x->b->file, "out of memory");
}

/* Reports a finding at the current variant's template scalar; the message
 * starts with "`order.delayed`" or "`order.delayed` variant `sms`", then
 * the formatted tail. */
static void warn(lint *x, gl_rule rule, const char *fmt, ...) GL_PRINTF(3, 4);
static void warn(lint *x, gl_rule rule, const char *fmt, ...)
{
    gl_buf msg = {0};
    va_list ap;
    gl_buf_printf(&msg, "`%s`", x->m->id);
    if (!x->b->msgs[x->mi]->scalar)
        gl_buf_printf(&msg, " variant `%s`", x->v->key->text);
    va_start(ap, fmt);
    gl_buf_vprintf(&msg, fmt, ap);
    va_end(ap);
    if (msg.oom)
        nomem(x);
    else
        gl_report(x->d, rule, GLOCAL_OK, x->b->file, x->v->tmpl.line, x->v->tmpl.col,
                  is_base(x) ? NULL : x->b->locale, x->m->id, "%s", msg.p);
    gl_buf_free(&msg);
}

/* "a", "a and b", "a, b and c" */
static void join_and(gl_buf *out, const char *const *items, size_t n)
{
    for (size_t i = 0; i < n; i++)
        gl_buf_printf(out, "%s%s", i == 0 ? "" : i + 1 == n ? " and " : ", ", items[i]);
}

/* ---- arguments a template uses ---- */

/* The argument name of use i (slots, then selectors); NULL for a term. */
static const char *use_name(const gl_template *t, size_t i)
{
    if (i < t->nslots)
        return t->slots[i].kind == SLOT_ARG ? t->slots[i].name : NULL;
    return t->sels[i - t->nslots].name;
}

static size_t use_count(const gl_template *t)
{
    return t->nslots + t->nsels;
}

static bool template_uses(const gl_template *t, const char *name, size_t before)
{
    for (size_t i = 0; i < before; i++) {
        const char *u = use_name(t, i);
        if (u && strcmp(u, name) == 0)
            return true;
    }
    return false;
}

/* Base's variant with the same key (the same axis values, in any order). */
static const gl_variant *base_same_key(const lint *x)
{
    const gl_msgdef *def = gl_base(x->c)->msgs[x->mi];
    for (size_t i = 0; def && i < def->nv; i++)
        if (memcmp(def->v[i].key->ax, x->v->key->ax, sizeof x->v->key->ax) == 0)
            return &def->v[i];
    return NULL;
}

/* The variant base serves for the context v's key names (`informal+whatsapp`:
 * base's `whatsapp` when it has no `informal+whatsapp`), by resolution's own
 * selection; NULL when none of base's variants matches. */
static const gl_variant *base_served(const lint *x)
{
    const uint32_t base_only[1] = {0};
    uint32_t ctx[GL_MAX_AXES];
    for (int a = 0; a < GL_MAX_AXES; a++)
        ctx[a] = x->v->key->ax[a];
    size_t pos;
    return gl_select_variant(x->c, base_only, 1, x->mi, 0, ctx, &pos);
}

/* ---- dropped-arg ---- */

static gl_argtype declared_type(const gl_message *m, const char *name)
{
    for (size_t i = 0; i < m->nargs; i++)
        if (strcmp(m->args[i].name, name) == 0)
            return m->args[i].type;
    return T_ANY;
}

/* A declared text argument base's variant does not use, written in its place
 * (`full_name` where a language addresses the reader by the full name): the
 * reader still gets the information, in the form the language needs. */
static bool has_text_stand_in(const lint *x, const gl_template *bt, const gl_template *t)
{
    for (size_t i = 0; i < use_count(t); i++) {
        const char *u = use_name(t, i);
        if (u && declared_type(x->m, u) == T_TEXT && !template_uses(bt, u, use_count(bt)))
            return true;
    }
    return false;
}

/* Whether a bundle of x's chain declares in `omits:` that it leaves `name` out. */
static bool omitted_on_purpose(const lint *x, const char *name)
{
    uint32_t chain[GL_MAX_CHAIN];
    size_t n = gl_bundle_chain(x->c, x->b, chain, GL_MAX_CHAIN);
    for (size_t i = 0; i < n; i++) {
        const gl_bundle *b = &x->c->bundles[chain[i]];
        for (size_t k = 0; k < b->nomits; k++)
            if (strcmp(b->omits[k], name) == 0)
                return true;
    }
    return false;
}

static void check_dropped_args(lint *x)
{
    const gl_variant *bv = is_base(x) ? NULL : base_served(x);
    if (!bv)
        return;
    const gl_template *bt = &bv->tmpl, *t = &x->v->tmpl;
    gl_buf names = {0};
    size_t n = 0;
    for (size_t i = 0; i < use_count(bt); i++) {
        const char *name = use_name(bt, i);
        if (!name || template_uses(bt, name, i) || template_uses(t, name, use_count(t)))
            continue;
        if (declared_type(x->m, name) == T_TEXT && has_text_stand_in(x, bt, t))
            continue;
        if (omitted_on_purpose(x, name))
            continue;
        gl_buf_printf(&names, "%s`%s`", n++ ? ", " : "", name);
    }
    if (n)
        warn(x, R_DROPPED_ARG, " does not use %s %s, which base's `%s` uses; add %s back, or "
             "the reader misses that information", n > 1 ? "arguments" : "argument", names.p,
             bv->key->text, n > 1 ? "them" : "it");
    gl_buf_free(&names);
}

/* ---- plural-categories ---- */

static const plural_table *plural_rules(lint *x, bool ordinal)
{
    plural_table *p = &x->plural[ordinal];
    if (!p->ready) {
        for (int n = 0; n < PLURAL_PROBE; n++)
            gl_plural_select(x->b->format_locale, ordinal, n, p->cat[n], CAT_MAX);
        p->ready = true;
    }
    return p;
}

static bool has_key(const gl_selector *s, const char *key)
{
    for (size_t i = 0; i < s->nkeys; i++)
        if (strcmp(s->keys[i], key) == 0)
            return true;
    return false;
}

static bool has_exact_key(const gl_selector *s, int n)
{
    char key[16];
    snprintf(key, sizeof key, "=%d", n);
    return has_key(s, key);
}

static bool in_list0(const char *list, const char *s)
{
    for (; *list; list += strlen(list) + 1)
        if (strcmp(list, s) == 0)
            return true;
    return false;
}

static const char *rules_name(const gl_selector *s)
{
    return s->use == USE_ORDINAL ? "ordinal" : "plural";
}

/* Categories the rules select for some uncovered integer 0-999, with up to
 * three examples each, e.g. "`few` (2, 3, 4)". */
static size_t missing_categories(lint *x, const gl_selector *s, gl_buf *out)
{
    const plural_table *p = plural_rules(x, s->use == USE_ORDINAL);
    const char *found[CATEGORIES];
    size_t nfound = 0;
    for (int n = 0; n < PLURAL_PROBE && nfound < CATEGORIES; n++) {
        const char *cat = p->cat[n];
        bool seen = false;
        for (size_t k = 0; k < nfound && !seen; k++)
            seen = strcmp(found[k], cat) == 0;
        if (seen || has_key(s, cat) || has_exact_key(s, n))
            continue;
        found[nfound] = cat;
        gl_buf_printf(out, "%s`%s` (%d", nfound++ ? ", " : "", cat, n);
        int examples = 1;
        for (int k = n + 1; k < PLURAL_PROBE && examples < 3; k++)
            if (strcmp(p->cat[k], cat) == 0 && !has_exact_key(s, k)) {
                gl_buf_printf(out, ", %d", k);
                examples++;
            }
        gl_buf_puts(out, ")");
    }
    return nfound;
}

/* The selection as the template's syntax writes it: `{n, plural}` in MF1,
 * `.match` on `$n :number` in MF2. */
static const char *selection_text(const lint *x, const gl_selector *s, char *buf, size_t cap)
{
    bool ordinal = s->use == USE_ORDINAL;
    if (x->v->tmpl.kind == TK_MF2)
        snprintf(buf, cap, ".match` on `$%s :number%s", s->name, ordinal ? " select=ordinal" : "");
    else
        snprintf(buf, cap, "{%s, %s}", s->name, ordinal ? "selectordinal" : "plural");
    return buf;
}

static void check_plural_keys(lint *x, const gl_selector *s, const char *cats)
{
    char sel[160];
    for (size_t i = 0; i < s->nkeys; i++) {
        if (s->keys[i][0] == '=' || in_list0(cats, s->keys[i]))
            continue;
        gl_buf have = {0};
        for (const char *c = cats; *c; c += strlen(c) + 1)
            gl_buf_printf(&have, "%s%s", have.len ? ", " : "", c);
        warn(x, R_PLURAL_CATEGORIES, ": `%s` has a `%s` branch, but the %s rules of %s "
             "have no such category (they have: %s); remove it",
             selection_text(x, s, sel, sizeof sel), s->keys[i], rules_name(s),
             x->b->format_locale, have.p ? have.p : "other");
        gl_buf_free(&have);
    }
}

static void check_plural(lint *x, const gl_selector *s)
{
    char *cats = gl_plural_categories(x->b->format_locale, s->use == USE_ORDINAL);
    gl_buf missing = {0};
    char sel[160];
    if (!cats) {
        nomem(x);
        return;
    }
    size_t n = missing_categories(x, s, &missing);
    if (n)
        warn(x, R_PLURAL_CATEGORIES, ": `%s` has no branch for %s, which the %s rules "
             "of %s select; add %s", selection_text(x, s, sel, sizeof sel), missing.p,
             rules_name(s),
             x->b->format_locale, n > 1 ? "those branches" : "that branch");
    check_plural_keys(x, s, cats);
    gl_buf_free(&missing);
    free(cats);
}

static void check_plural_categories(lint *x)
{
    const gl_template *t = &x->v->tmpl;
    for (size_t i = 0; i < t->nsels && !x->d->fatal; i++)
        if (t->sels[i].use == USE_PLURAL || t->sels[i].use == USE_ORDINAL)
            check_plural(x, &t->sels[i]);
}

/* ---- length ---- */

/* A term's text as the bundle's messages get it at run time (the rule of
 * gl_term_text; "" for a term no bundle defines, reported by unknown-term). */
static const char *term_text(const lint *x, const char *name)
{
    const char *text = gl_term_text(x->c, x->chain, x->nchain, x->b->lang_script, name);
    return text ? text : "";
}

static void check_length(lint *x)
{
    uint32_t ch = x->v->key->ax[AX_CHANNEL];
    uint32_t limit = ch && x->c->channel_max ? x->c->channel_max[ch] : 0;
    const gl_template *t = &x->v->tmpl;
    if (!limit)
        return;
    size_t *slot_len = calloc(t->nslots + 1, sizeof(size_t));
    if (!slot_len) {
        nomem(x);
        return;
    }
    for (size_t i = 0; i < t->nslots; i++) {
        const char *text = t->slots[i].kind == SLOT_TERM ? term_text(x, t->slots[i].name) : "";
        slot_len[i] = gl_utf8_count(text, strlen(text));
    }
    size_t len = gl_template_max_length(t, slot_len);
    free(slot_len);
    if (len <= limit)
        return;
    warn(x, R_LENGTH, " can be %zu characters long (terms written out, arguments left empty, "
         "the longest plural/select branch), over the %s limit of %u; shorten it by %zu", len,
         x->c->axisvals[ch].name, limit, len - limit);
}

/* ---- untranslated ---- */

/* NFC with every run of white space as one space, trimmed; malloc'ed. */
static UChar *normalized(const char *s, int32_t *len)
{
    UErrorCode st = U_ZERO_ERROR;
    int32_t n = 0;
    u_strFromUTF8(NULL, 0, &n, s, -1, &st);
    st = U_ZERO_ERROR;
    UChar *src = malloc(((size_t)n + 1) * sizeof(UChar));
    UChar *nfc = malloc(((size_t)n * 3 + 1) * sizeof(UChar)); /* NFC grows at most 3x */
    const UNormalizer2 *norm = unorm2_getNFCInstance(&st);
    if (src && nfc) {
        u_strFromUTF8(src, n + 1, NULL, s, -1, &st);
        n = unorm2_normalize(norm, src, n, nfc, n * 3 + 1, &st);
    }
    free(src);
    if (!nfc || U_FAILURE(st)) {
        free(nfc);
        return NULL;
    }
    int32_t out = 0;
    for (int32_t i = 0; i < n;) {
        UChar32 c;
        U16_NEXT(nfc, i, n, c);
        if (!u_isUWhiteSpace(c)) {
            U16_APPEND_UNSAFE(nfc, out, c);
        } else if (out && nfc[out - 1] != ' ') {
            nfc[out++] = ' ';
        }
    }
    if (out && nfc[out - 1] == ' ')
        out--;
    *len = out;
    return nfc;
}

static bool has_letter(const char *s)
{
    while (*s)
        if (u_isalpha((UChar32)gl_utf8_next(&s)))
            return true;
    return false;
}

static bool same_text(const char *a, const char *b, bool *oom)
{
    int32_t na = 0, nb = 0;
    UChar *x = normalized(a, &na), *y = normalized(b, &nb);
    bool same = x && y && na == nb && memcmp(x, y, (size_t)na * sizeof(UChar)) == 0;
    *oom = !x || !y;
    free(x);
    free(y);
    return same;
}

static void check_untranslated(lint *x)
{
    const gl_bundle *base = gl_base(x->c);
    const gl_variant *bv = base_same_key(x);
    bool oom = false;
    if (is_base(x) || !bv || strcmp(x->b->lang_script, base->lang_script) == 0 ||
        !has_letter(x->lit) || !same_text(x->v->tmpl.src, bv->tmpl.src, &oom)) {
        if (oom)
            nomem(x);
        return;
    }
    warn(x, R_UNTRANSLATED, " is the same as base's `%s` (written in %s); translate it into %s, "
         "or remove it so the text falls back", bv->key->text, x->c->language, x->b->lang_script);
}

/* ---- brand-literal ---- */

static int longer_first(const void *pa, const void *pb)
{
    const term_ref *a = *(const term_ref *const *)pa, *b = *(const term_ref *const *)pb;
    return a->len != b->len ? (a->len < b->len ? 1 : -1) : strcmp(a->name, b->name);
}

static void term_set_free(term_set *s)
{
    gl_term_matcher_free(s->match);
    free(s->refs);
    *s = (term_set){0};
}

/* Adds the terms of `from` whose text neither `skip` (base's set, whose ids
 * this set's follow) nor the set itself has, the first of each text; false
 * when out of memory. */
static bool term_set_fill(term_set *s, const glocal_catalog *c, const gl_bundle *from,
                          const term_set *skip)
{
    s->first = skip ? skip->n : 0;
    s->match = gl_term_matcher_new();
    s->refs = malloc((from->nterms ? from->nterms : 1) * sizeof(*s->refs));
    if (!s->match || !s->refs)
        return false;
    for (size_t i = 0; i < from->nterms; i++) {
        const gl_term *t = &from->terms[i];
        size_t len = strlen(t->text);
        if (!len || (skip && (gl_term_locked(c, t->name) /* base's text wins */
                              || gl_term_matcher_has(skip->match, t->text, len))))
            continue;
        int added = gl_term_matcher_add(s->match, t->text, len, (uint32_t)(s->first + s->n));
        if (added < 0)
            return false;
        if (added)
            s->refs[s->n++] = (term_ref){t->name, t->text, len};
    }
    return true;
}

/* Base's terms on the first call, b's own on every call. */
static bool brand_terms(lint *x)
{
    if (!x->base_terms.match && !term_set_fill(&x->base_terms, x->c, gl_base(x->c), NULL))
        return false;
    if (!is_base(x) && !term_set_fill(&x->own_terms, x->c, x->b, &x->base_terms))
        return false;
    x->found = malloc((x->base_terms.n + x->own_terms.n + 1) * sizeof(*x->found));
    return x->found != NULL;
}

static void collect_found(void *ctx, uint32_t id)
{
    lint *x = ctx;
    const term_set *s = id < x->base_terms.n ? &x->base_terms : &x->own_terms;
    x->found[x->nfound++] = &s->refs[id - s->first];
}

/* The terms whose text occurs in lit, longest first (so "Kestrel Care" is
 * found before "Kestrel" inside it); false when out of memory. */
static bool found_terms(lint *x, const char *lit, size_t len)
{
    x->nfound = 0;
    return gl_term_matcher_find(x->base_terms.match, lit, len, collect_found, x)
           && (!x->own_terms.match
               || gl_term_matcher_find(x->own_terms.match, lit, len, collect_found, x))
           && (qsort(x->found, x->nfound, sizeof(*x->found), longer_first), true);
}

/* Finds a term's text on word boundaries in lit and blanks every match with a
 * byte no UTF-8 text holds, so no other term matches across it (and it is no
 * word character at a later match's edge). */
static bool find_and_blank(lint *x, char *lit, size_t len, const term_ref *t)
{
    bool found = false;
    for (char *p = strstr(lit, t->text); p; p = strstr(p + 1, t->text)) {
        size_t at = (size_t)(p - lit);
        if (gl_word_edge(&x->words, lit, len, at) &&
            gl_word_edge(&x->words, lit, len, at + t->len)) {
            memset(p, 0xFF, t->len);
            found = true;
        }
    }
    return found;
}

static void check_brand_literal(lint *x)
{
    size_t len = strlen(x->lit);
    if (!found_terms(x, x->lit, len)) {
        nomem(x);
        return;
    }
    char *lit = x->nfound ? gl_strdup(x->lit) : NULL; /* matches are blanked out */
    if (x->nfound && !lit) {
        nomem(x);
        return;
    }
    for (size_t i = 0; i < x->nfound; i++)
        if (find_and_blank(x, lit, len, x->found[i]))
            warn(x, R_BRAND_LITERAL, " writes `%s` as plain text; write `{-%s}` instead, so the "
                 "term is spelled the same everywhere", x->found[i]->text, x->found[i]->name);
    free(lit);
}

/* ---- whitespace ---- */

static bool has_doubled_space(const char *s)
{
    bool prev = false;
    while (*s) {
        bool blank = u_isblank((UChar32)gl_utf8_next(&s));
        if (blank && prev)
            return true;
        prev = blank;
    }
    return false;
}

static bool ends_with_space(const char *s)
{
    size_t n = strlen(s);
    int32_t i = (int32_t)n;
    UChar32 c = 0;
    if (n)
        U8_PREV((const uint8_t *)s, 0, i, c);
    return n && u_isUWhiteSpace(c);
}

/* Leading and trailing white space in the source; doubled spaces in the
 * text the reader sees (so spacing inside plural/select syntax is fine). */
static void check_whitespace(lint *x)
{
    const char *src = x->v->tmpl.src, *p = src;
    const char *what[3];
    size_t n = 0;
    bool lead, trail;
    if (x->v->tmpl.kind == TK_MF2) {
        /* around an MF2 complex message white space means nothing: its patterns' edges count */
        gl_template_mf2_edge_space(&x->v->tmpl, &lead, &trail);
    } else {
        lead = *p && u_isUWhiteSpace((UChar32)gl_utf8_next(&p));
        trail = ends_with_space(src);
    }
    if (lead)
        what[n++] = "leading white space";
    if (trail)
        what[n++] = "trailing white space";
    if (has_doubled_space(x->lit))
        what[n++] = "a doubled space";
    if (!n)
        return;
    gl_buf list = {0};
    join_and(&list, what, n);
    warn(x, R_WHITESPACE, " has %s; delete the extra white space (glocal writes the text as it "
         "is)", list.p ? list.p : "");
    gl_buf_free(&list);
}

/* ---- apostrophe-quote ---- */

static void report_quote_trap(void *ud, const gl_quote_trap *t)
{
    warn(ud, R_APOSTROPHE_QUOTE, ": the ASCII apostrophe at column %u of the template makes "
         "ICU quote the text up to the next one (column %u), so it prints %s as plain text and "
         "drops both apostrophes; write ’ for an apostrophe in text, or '' for an ASCII one",
         t->open, t->close, t->swallowed);
}

static void check_apostrophes(lint *x)
{
    const char *src = x->v->tmpl.src;
    if (strchr(src, '\'') && !gl_find_quote_traps(src, report_quote_trap, x))
        nomem(x);
}

/* ---- style ---- */

/* A style that is neither a keyword (the template compiler has lower-cased
 * those, in any case) nor a `::` skeleton is a pattern to ICU, whatever it
 * holds: `{n, number, intger}` prints "intger4", `{d, date, shrot}` a
 * fraction of a second and an hour.  Such a style is reported here, since ICU
 * accepts it and so must the loader. */
static void check_style(lint *x)
{
    const gl_template *t = &x->v->tmpl;
    for (size_t i = 0; i < t->nslots; i++) {
        const gl_slot *s = &t->slots[i];
        bool date = s->use == USE_DATE || s->use == USE_TIME;
        char c = gl_style_stray_letter(s);
        if (c)
            warn(x, R_STYLE, " writes argument `%s` with the %s style `%s`, which is not a "
                 "keyword (%s) or a `::` skeleton: ICU takes it as a pattern, in which `%c` "
                 "%s; correct the keyword, or put text meant literally in quotes ('…')",
                 s->name, date ? "date" : "number", s->style,
                 date ? "short, medium, long or full" : "integer, percent or currency", c,
                 date ? "is no pattern letter" : "is printed as it is");
    }
}

/* ---- per bundle ---- */

static void check_variant(lint *x)
{
    x->lit = gl_template_literal_text(&x->v->tmpl);
    if (!x->lit) {
        nomem(x);
        return;
    }
    check_dropped_args(x);
    check_plural_categories(x);
    check_length(x);
    check_untranslated(x);
    if (!x->m->locked)
        check_brand_literal(x);
    check_whitespace(x);
    check_apostrophes(x);
    check_style(x);
    free(x->lit);
    x->lit = NULL;
}

static void check_bundle(lint *x, const gl_bundle *b)
{
    x->b = b;
    x->nchain = gl_bundle_chain(x->c, b, x->chain, GL_MAX_CHAIN);
    if (x->nchain == 0) {
        nomem(x);
        return;
    }
    x->plural[0].ready = x->plural[1].ready = false;
    if (!brand_terms(x))
        nomem(x);
    for (uint32_t i = 0; i < x->c->nmessages && !x->d->fatal; i++) {
        const gl_msgdef *def = b->msgs[i];
        x->m = &x->c->messages[i];
        x->mi = i;
        if (!def || (x->m->locked && !is_base(x)))
            continue;
        for (size_t k = 0; k < def->nv && !x->d->fatal; k++) {
            x->v = &def->v[k];
            if (!x->v->tmpl.broken) /* already a template-syntax error */
                check_variant(x);
        }
    }
    term_set_free(&x->own_terms);
    free(x->found);
    x->found = NULL;
}

void gl_lint_warnings(const glocal_catalog *c, gl_diag *d)
{
    lint *x = calloc(1, sizeof(*x));
    if (!x) {
        gl_report_fatal(d, GLOCAL_ERR_NOMEM, NULL, "out of memory");
        return;
    }
    x->c = c;
    x->d = d;
    for (size_t i = 0; i < c->nbundles && !d->fatal; i++)
        if (c->bundles[i].msgs && c->bundles[i].lang_script)
            check_bundle(x, &c->bundles[i]);
    if (x->words)
        ubrk_close(x->words);
    term_set_free(&x->base_terms);
    free(x);
    gl_lint_register_slips(c, d);
    gl_lint_channel_warnings(c, d);
    gl_lint_catalog_warnings(c, d);
}
