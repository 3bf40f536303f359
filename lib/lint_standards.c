/* The house standards (docs/standards.md) over every variant: glossary,
 * forbidden-term, emoji-policy, punctuation-policy and requires here,
 * typography in lint_typography.c.  A bundle's variants follow the standards
 * of every bundle on its chain: base's for all, a market's for itself and
 * the markets that fall back to it. */
#include "lint_standards.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include "term_match.h"

/* One spelling a glossary variant or forbidden phrase is searched in. */
typedef struct form {
    const gl_std_term *term;
    const gl_standards *from;
    char *text;
    size_t len;
} form;

typedef struct phrases {
    gl_term_matcher *match;
    form *forms;
    size_t n, cap;
    uint32_t *found;
    size_t nfound;
} phrases;

/* ---- reporting ---- */

static void nomem(gl_std_lint *x)
{
    gl_report_fatal(x->d, GLOCAL_ERR_NOMEM, x->b->file, "out of memory");
}

static const gl_file_text *file_of(gl_std_lint *x, const gl_bundle *b)
{
    gl_file_text *f = &x->files[b - x->c->bundles];
    if (!f->tried)
        gl_file_text_read(f, b->file);
    return f;
}

void gl_std_report(gl_std_lint *x, gl_std_kind kind, glocal_severity severity, size_t off,
                   const char *fmt, ...)
{
    gl_buf msg = {0};
    va_list ap;
    gl_buf_printf(&msg, "`%s`", x->m->id);
    if (!x->def->scalar)
        gl_buf_printf(&msg, " variant `%s`", x->v->key->text);
    if (x->owner != x->b)
        gl_buf_printf(&msg, " (as %s serves it)", x->b->locale);
    va_start(ap, fmt);
    gl_buf_vprintf(&msg, fmt, ap);
    va_end(ap);
    unsigned line, col;
    gl_file_position(file_of(x, x->owner), &x->v->tmpl, off, &line, &col);
    if (msg.oom)
        nomem(x);
    else
        gl_report_severity(x->d, gl_std_rule(kind), severity, x->owner->file, line, col,
                           x->b == gl_base(x->c) ? NULL : x->b->locale, x->m->id, "%s", msg.p);
    gl_buf_free(&msg);
}

glocal_severity gl_std_severity(const gl_std_lint *x, gl_std_kind kind)
{
    for (size_t i = 0; i < x->nchain; i++) {
        const gl_standards *s = x->c->bundles[x->chain[i]].standards;
        if (s && s->severity[kind] == GLOCAL_SEVERITY_ERROR)
            return GLOCAL_SEVERITY_ERROR;
    }
    return GLOCAL_SEVERITY_WARNING;
}

static const char *source_file(const gl_std_lint *x, const gl_standards *s)
{
    for (size_t i = 0; i < x->nchain; i++)
        if (x->c->bundles[x->chain[i]].standards == s)
            return strrchr(x->c->bundles[x->chain[i]].file, '/') + 1;
    return "base.yaml";
}

/* ---- words ---- */

/* ---- glossary and forbidden: the phrases of b's chain ---- */

/* s upper-cased in lang, whole or (first) its first character; malloc'ed. */
static char *upper(const char *s, const char *lang, bool first)
{
    UErrorCode st = U_ZERO_ERROR;
    UChar in[256], out[768];
    int32_t n = 0, head = 0;
    u_strFromUTF8(in, 256, &n, s, -1, &st);
    if (U_FAILURE(st) || n >= 256)
        return NULL;
    U16_FWD_1(in, head, n);
    int32_t m = u_strToUpper(out, 512, in, first ? head : n, lang, &st);
    if (U_FAILURE(st) || m + (first ? n - head : 0) >= 512)
        return NULL;
    if (first) {
        u_memcpy(out + m, in + head, n - head);
        m += n - head;
    }
    char *r = malloc((size_t)m * 3 + 1);
    if (r)
        u_strToUTF8(r, m * 3 + 1, NULL, out, m, &st);
    return r;
}

static bool add_form(phrases *p, const gl_std_term *t, const gl_standards *from, char *text)
{
    if (!text)
        return true; /* no other spelling (too long to case-map) */
    size_t len = strlen(text);
    form *f = p->n < p->cap ? p->forms : realloc(p->forms, (p->cap = p->cap * 2 + 16) * sizeof(*f));
    if (!f) {
        free(text);
        return false;
    }
    p->forms = f;
    int added = gl_term_matcher_add(p->match, text, len, (uint32_t)p->n);
    if (added <= 0) {
        free(text);
        return added == 0;
    }
    p->forms[p->n++] = (form){t, from, text, len};
    return true;
}

static bool has_upper(const char *s)
{
    while (*s)
        if (u_isupper((UChar32)gl_utf8_next(&s)))
            return true;
    return false;
}

/* As written; a phrase written in lower case also Capitalized and in
 * CAPITALS, one with capitals also in CAPITALS (docs/standards.md). */
static bool add_term_forms(phrases *p, const gl_std_term *t, const gl_standards *from)
{
    const char *lang = strcmp(t->lang, "all") == 0 ? "" : t->lang;
    if (!add_form(p, t, from, gl_strdup(t->text)))
        return false;
    if (!has_upper(t->text) && !add_form(p, t, from, upper(t->text, lang, true)))
        return false;
    return add_form(p, t, from, upper(t->text, lang, false));
}

static void phrases_free(phrases *p)
{
    for (size_t i = 0; i < p->n; i++)
        free(p->forms[i].text);
    free(p->forms);
    free(p->found);
    gl_term_matcher_free(p->match);
    *p = (phrases){0};
}

static bool phrases_fill(gl_std_lint *x, phrases *p)
{
    if (!(p->match = gl_term_matcher_new()))
        return false;
    for (size_t i = 0; i < x->nchain; i++) {
        const gl_standards *s = x->c->bundles[x->chain[i]].standards;
        for (size_t k = 0; s && k < s->nterms; k++)
            if (gl_std_lang_applies(s->terms[k].lang, x->tag)
                && !add_term_forms(p, &s->terms[k], s))
                return false;
    }
    return (p->found = malloc((p->n + 1) * sizeof(uint32_t))) != NULL;
}

static void collect(void *ctx, uint32_t id)
{
    phrases *p = ctx;
    p->found[p->nfound++] = id;
}

static void report_phrase(gl_std_lint *x, const form *f, size_t off)
{
    const gl_std_term *t = f->term;
    if (t->kind == STD_GLOSSARY)
        gl_std_report(x, STD_GLOSSARY, f->from->severity[STD_GLOSSARY], off,
                      ": `%s` is not the house term; write `%s` (glossary of %s, line %u)",
                      f->text, t->preferred, source_file(x, f->from), t->line);
    else
        gl_std_report(x, STD_FORBIDDEN, f->from->severity[STD_FORBIDDEN], off,
                      ": `%s` is forbidden (%s, line %u); rephrase without it", f->text,
                      source_file(x, f->from), t->line);
}

static void check_phrases_in(gl_std_lint *x, phrases *p, const gl_text_part *part)
{
    const char *s = x->text.s + part->start;
    p->nfound = 0;
    if (!gl_term_matcher_find(p->match, s, part->len, collect, p)) {
        nomem(x);
        return;
    }
    for (size_t i = 0; i < p->nfound; i++) {
        const form *f = &p->forms[p->found[i]];
        for (const char *at = strstr(s, f->text); at; at = strstr(at + 1, f->text)) {
            size_t o = (size_t)(at - s);
            if (gl_word_edge(&x->words, s, part->len, o)
                && (f->term->prefix || gl_word_edge(&x->words, s, part->len, o + f->len)))
                report_phrase(x, f, x->text.src[part->start + o]);
        }
    }
}

/* ---- the variant's context ---- */

/* The axis value the variant's context has on axis a: its key's; for a
 * variant whose key names no axis (`other`, a market's default text), the
 * formality and tone the profile of its chain sets.  A channel variant of a
 * formal market is judged by its key: vous on WhatsApp may smile. */
static uint32_t context_value(const gl_std_lint *x, int a)
{
    if (x->v->key->named || a > AX_TONE)
        return x->v->key->ax[a];
    for (size_t i = 0; i < x->nchain; i++)
        if (x->c->bundles[x->chain[i]].profile_ax[a])
            return x->c->bundles[x->chain[i]].profile_ax[a];
    return GL_AXIS_NONE;
}

static bool applies(const gl_std_lint *x, uint32_t when)
{
    return when == GL_AXIS_NONE || context_value(x, gl_axis_of(x->c, when)) == when;
}

static const char *when_name(const gl_std_lint *x, uint32_t when)
{
    return when == GL_AXIS_NONE ? "all" : x->c->axisvals[when].name;
}

/* ---- emoji ---- */

static bool emoji_start(UChar32 c, UChar32 next)
{
    if (c < 0x2000 && c != 0xA9 && c != 0xAE && next != 0xFE0F && next != 0x20E3)
        return false; /* no emoji below U+2000 but ©, ® and keycaps: skip ICU's lookups */
    return u_hasBinaryProperty(c, UCHAR_EMOJI_PRESENTATION)
           || u_hasBinaryProperty(c, UCHAR_REGIONAL_INDICATOR)
           || (next == 0xFE0F && u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC))
           || (next == 0x20E3 || (next == 0xFE0F && (u_isdigit(c) || c == '#' || c == '*')));
}

static bool emoji_continues(UChar32 prev, UChar32 c)
{
    return c == 0xFE0F || c == 0x200D || c == 0x20E3 || (c >= 0xE0020 && c <= 0xE007F)
           || u_hasBinaryProperty(c, UCHAR_EMOJI_MODIFIER)
           || (prev == 0x200D && u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC))
           || (u_hasBinaryProperty(prev, UCHAR_REGIONAL_INDICATOR)
               && u_hasBinaryProperty(c, UCHAR_REGIONAL_INDICATOR));
}

static bool in_list(const gl_std_emoji *e, const char *key)
{
    for (size_t i = 0; i < e->nlist; i++)
        if (strcmp(e->list[i], key) == 0)
            return true;
    return false;
}

/* The first policy of the chain that refuses the emoji `key`, none first. */
static const gl_std_emoji *refusing(const gl_std_lint *x, const char *key,
                                    const gl_standards **from)
{
    const gl_std_emoji *found = NULL;
    for (size_t i = 0; i < x->nchain; i++) {
        const gl_standards *s = x->c->bundles[x->chain[i]].standards;
        for (size_t k = 0; s && k < s->nemoji; k++) {
            const gl_std_emoji *e = &s->emoji[k];
            if (!applies(x, e->when) || e->policy == EMOJI_ALLOWED
                || (e->policy == EMOJI_LIST && in_list(e, key)))
                continue;
            if (!found || (e->policy == EMOJI_NONE && found->policy != EMOJI_NONE)) {
                found = e;
                *from = s;
            }
        }
    }
    return found;
}

static void report_emoji(gl_std_lint *x, const char *seq, size_t len, const char *key,
                         size_t off)
{
    const gl_standards *from = NULL;
    const gl_std_emoji *e = refusing(x, key, &from);
    if (!e)
        return;
    gl_buf allowed = {0};
    for (size_t i = 0; e->policy == EMOJI_LIST && i < e->nlist; i++)
        gl_buf_printf(&allowed, "%s%s", i ? " " : "", e->list[i]);
    gl_std_report(x, STD_EMOJI, from->severity[STD_EMOJI], off,
                  ": %.*s is not allowed in `%s` variants (emoji of %s, line %u); %s%s",
                  (int)len, seq, when_name(x, e->when), source_file(x, from), e->line,
                  e->policy == EMOJI_NONE ? "remove it" : "use one of ",
                  allowed.p ? allowed.p : "");
    gl_buf_free(&allowed);
}

static void check_emoji_in(gl_std_lint *x, const gl_text_part *part)
{
    const char *s = x->text.s + part->start;
    int32_t n = (int32_t)part->len;
    for (int32_t i = 0; i < n;) {
        if ((unsigned char)s[i] < 0x80 && (i + 1 >= n || (unsigned char)s[i + 1] < 0x80)) {
            i++; /* ASCII not followed by U+FE0F or U+20E3: no emoji starts here */
            continue;
        }
        int32_t start = i, j;
        UChar32 c, next = 0, prev;
        U8_NEXT((const uint8_t *)s, i, n, c);
        j = i;
        if (j < n)
            U8_NEXT((const uint8_t *)s, j, n, next);
        if (!emoji_start(c, next))
            continue;
        char key[64];
        size_t klen = 0;
        for (int32_t k = start; k < i && klen < sizeof key - 1; k++)
            key[klen++] = s[k];
        for (prev = c; i < n; prev = next) {
            j = i;
            U8_NEXT((const uint8_t *)s, j, n, next);
            if (!emoji_continues(prev, next))
                break;
            for (int32_t k = i; k < j && next != 0xFE0F && klen < sizeof key - 1; k++)
                key[klen++] = s[k];
            i = j;
        }
        key[klen] = '\0';
        report_emoji(x, s + start, (size_t)(i - start), key, x->text.src[part->start + start]);
    }
}

/* ---- punctuation ---- */

/* Occurrences of mark a reader may see: the top-level text's and the most
 * any one branch has; *where: the byte of the first one over max. */
static unsigned count_mark(gl_std_lint *x, const char *mark, unsigned max, size_t *where)
{
    unsigned top = 0, branch = 0;
    size_t mlen = strlen(mark);
    *where = 0;
    for (size_t p = 0; p < x->text.nparts; p++) {
        const gl_text_part *part = &x->text.parts[p];
        const char *s = x->text.s + part->start;
        unsigned n = 0, seen = p ? top : 0;
        for (const char *at = strstr(s, mark); at; at = strstr(at + mlen, mark)) {
            if (++n + seen == max + 1 && (p == 0 || n + top > top + branch))
                *where = x->text.src[part->start + (size_t)(at - s)];
        }
        if (p == 0)
            top = n;
        else if (n > branch)
            branch = n;
    }
    return top + branch;
}

static void check_punctuation(gl_std_lint *x)
{
    for (size_t i = 0; i < x->nchain; i++) {
        const gl_standards *s = x->c->bundles[x->chain[i]].standards;
        for (size_t k = 0; s && k < s->npunct; k++) {
            const gl_std_punct *p = &s->punct[k];
            size_t where;
            unsigned n;
            if (!applies(x, p->when) || (n = count_mark(x, p->mark, p->max, &where)) <= p->max)
                continue;
            gl_std_report(x, STD_PUNCTUATION, s->severity[STD_PUNCTUATION], where,
                          ": has %u `%s`, over the %u of `%s` variants (punctuation of %s, "
                          "line %u); rephrase with at most %u", n, p->mark, p->max,
                          when_name(x, p->when), source_file(x, s), p->line, p->max);
        }
    }
}

/* ---- requires ---- */

static bool uses(const gl_template *t, const char *name, bool term)
{
    for (size_t i = 0; i < t->nslots; i++)
        if ((t->slots[i].kind == SLOT_TERM) == term && strcmp(t->slots[i].name, name) == 0)
            return true;
    for (size_t i = 0; !term && i < t->nsels; i++)
        if (strcmp(t->sels[i].name, name) == 0)
            return true;
    return false;
}

/* Same character, ignoring case, a digit matching any script's digit of its
 * value (٠ and ۱۰ state 0 and 10 as well as 0 and 10 do). */
static bool same_char(UChar32 a, UChar32 b)
{
    int32_t da = u_charDigitValue(a), db = u_charDigitValue(b);
    if (da >= 0 || db >= 0)
        return da == db;
    return u_foldCase(a, U_FOLD_CASE_DEFAULT) == u_foldCase(b, U_FOLD_CASE_DEFAULT);
}

/* The end of item matched at s[at..], or 0. */
static size_t match_at(const char *s, size_t len, size_t at, const char *item)
{
    int32_t i = (int32_t)at, n = (int32_t)len;
    for (const char *p = item; *p;) {
        UChar32 want = (UChar32)gl_utf8_next(&p), got;
        if (i >= n)
            return 0;
        U8_NEXT((const uint8_t *)s, i, n, got);
        if (!same_char(want, got))
            return 0;
    }
    return (size_t)i;
}

static bool contains_word(gl_std_lint *x, const char *item)
{
    for (size_t p = 0; p < x->text.nparts; p++) {
        const char *s = x->text.s + x->text.parts[p].start;
        size_t len = x->text.parts[p].len, end;
        for (size_t at = 0; at < len; at++)
            if ((s[at] & 0xC0) != 0x80 && (end = match_at(s, len, at, item))
                && gl_word_edge(&x->words, s, len, at) && gl_word_edge(&x->words, s, len, end))
                return true;
    }
    return false;
}

static bool has_required(gl_std_lint *x, const char *item)
{
    if (item[0] != '{')
        return contains_word(x, item);
    char name[128];
    bool term = item[1] == '-';
    snprintf(name, sizeof name, "%.*s", (int)(strlen(item) - 2 - term), item + 1 + term);
    return uses(&x->v->tmpl, name, term);
}

static void check_requires(gl_std_lint *x)
{
    for (size_t i = 0; i < x->nchain; i++) {
        const gl_standards *s = x->c->bundles[x->chain[i]].standards;
        for (size_t k = 0; s && k < s->nrequires; k++) {
            const gl_std_require *r = &s->requires[k];
            if (r->msg == x->mi && !has_required(x, r->item))
                gl_std_report(x, STD_REQUIRES, s->severity[STD_REQUIRES], 0,
                              " does not contain `%s`, which every variant of `%s` must "
                              "(requires of %s, line %u); add it", r->item, x->m->id,
                              source_file(x, s), r->line);
        }
    }
}

/* ---- the walk ---- */

static void check_variant(gl_std_lint *x, phrases *p)
{
    if (!gl_text_of(&x->text, x->v->tmpl.src)) {
        nomem(x);
        return;
    }
    for (size_t i = 0; i < x->text.nparts && !x->d->fatal; i++) {
        if (p->n)
            check_phrases_in(x, p, &x->text.parts[i]);
        check_emoji_in(x, &x->text.parts[i]);
    }
    check_punctuation(x);
    check_requires(x);
    gl_typography_check(x, false);
}

/* The variants b serves from an earlier bundle of its own language that no
 * closer bundle redefines: typography checks them with b's conventions. */
static bool redefined(const gl_std_lint *x, size_t upto, const gl_variant *v)
{
    for (size_t i = 0; i < upto; i++) {
        const gl_bundle *o = &x->c->bundles[x->chain[i]];
        const gl_msgdef *d = o->msgs ? o->msgs[x->mi] : NULL;
        for (size_t k = 0; d && k < d->nv; k++)
            if (memcmp(d->v[k].key->ax, v->key->ax, sizeof v->key->ax) == 0)
                return true;
    }
    return false;
}

static void check_inherited(gl_std_lint *x)
{
    for (size_t i = 1; i < x->nchain && !x->d->fatal; i++) {
        const gl_bundle *a = &x->c->bundles[x->chain[i]];
        const gl_msgdef *def = a->msgs ? a->msgs[x->mi] : NULL;
        if (!def || a == gl_base(x->c) || strcmp(a->lang_script, x->b->lang_script) != 0)
            continue;
        x->owner = a;
        x->def = def;
        for (size_t k = 0; k < def->nv && !x->d->fatal; k++) {
            x->v = &def->v[k];
            if (x->v->tmpl.broken || redefined(x, i, x->v))
                continue;
            if (!gl_text_of(&x->text, x->v->tmpl.src))
                nomem(x);
            else
                gl_typography_check(x, true);
        }
    }
}

static void check_bundle(gl_std_lint *x, const gl_bundle *b)
{
    phrases p = {0};
    x->b = b;
    x->tag = b == gl_base(x->c) ? x->c->language : b->locale;
    x->nchain = gl_bundle_chain(x->c, b, x->chain, GL_MAX_CHAIN);
    if (!x->tag || x->nchain == 0 || !phrases_fill(x, &p) || !gl_typography_begin(x)) {
        phrases_free(&p);
        gl_typography_end(x);
        nomem(x);
        return;
    }
    for (uint32_t i = 0; i < x->c->nmessages && !x->d->fatal; i++) {
        x->m = &x->c->messages[i];
        x->mi = i;
        if (x->m->locked && b != gl_base(x->c))
            continue;
        x->owner = b;
        x->def = b->msgs[i];
        for (size_t k = 0; x->def && k < x->def->nv && !x->d->fatal; k++) {
            x->v = &x->def->v[k];
            if (!x->v->tmpl.broken) /* already a template-syntax error */
                check_variant(x, &p);
        }
        check_inherited(x);
    }
    gl_typography_end(x);
    phrases_free(&p);
}

void gl_lint_standards(const glocal_catalog *c, gl_diag *d)
{
    gl_std_lint *x = calloc(1, sizeof(*x));
    if (x)
        x->files = calloc(c->nbundles, sizeof(*x->files));
    if (!x || !x->files) {
        free(x);
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
    for (size_t i = 0; i < c->nbundles; i++)
        gl_file_text_free(&x->files[i]);
    gl_text_free(&x->text);
    free(x->files);
    free(x);
}
