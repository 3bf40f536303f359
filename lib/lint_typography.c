/* typography (docs/standards.md#typography): a locale's own quotation marks
 * and letters from CLDR through ICU, and the rules CLDR does not hold:
 * French spacing, Swiss quotes, Spanish opening marks, CJK bracket widths,
 * spaces before commas, a full stop before a comma.  On for every bundle
 * unless a standards block on its chain says `typography: off`. */
#include "lint_standards.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/ulocdata.h>
#include <unicode/uset.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#define NNBSP 0x202F
#define NBSP 0x00A0

/* A locale's conventions. */
typedef struct conventions {
    UChar32 quote[4];         /* start, end, alternate start, alternate end */
    char lang[12];            /* "fr", "de", "zh" */
    bool swiss;               /* de-CH, de-LI: « » */
    gl_fr_spacing spacing;    /* French only */
} conventions;

struct gl_typo_state {
    bool off;
    bool ascii_letters[128];  /* letters' membership in `letters`, looked up once */
    glocal_severity severity;
    conventions own;          /* b's */
    USet *letters;            /* b's exemplar and auxiliary letters, any case; NULL: no data */
    const gl_bundle *owner;   /* whose conventions `theirs` holds */
    conventions theirs;
};

/* ---- a locale's conventions ---- */

static const char *icu_id(const gl_std_lint *x, const gl_bundle *b)
{
    return b == gl_base(x->c) ? x->c->language : b->format_locale;
}

static void read_quotes(const char *loc, conventions *cv)
{
    UErrorCode st = U_ZERO_ERROR;
    ULocaleData *ld = ulocdata_open(loc, &st);
    static const UChar32 fallback[4] = {0x201C, 0x201D, 0x2018, 0x2019};
    for (int k = 0; k < 4; k++) {
        UChar buf[8];
        UErrorCode s2 = U_ZERO_ERROR;
        int32_t n = ld ? ulocdata_getDelimiter(ld, (ULocaleDataDelimiterType)k, buf, 8, &s2) : 0;
        UChar32 c = fallback[k];
        if (U_SUCCESS(s2) && n > 0 && n <= 8)
            U16_GET(buf, 0, 0, n, c);
        cv->quote[k] = c;
    }
    if (ld)
        ulocdata_close(ld);
    if (cv->swiss) { /* CLDR 42 gives de-CH Germany's „ “; Swiss writing uses « » */
        static const UChar32 swiss[4] = {0xAB, 0xBB, 0x2039, 0x203A};
        memcpy(cv->quote, swiss, sizeof swiss);
    }
}

/* The spacing style a French bundle's chain declares: the longest matching
 * language key wins (fr-CA's over fr's). */
static gl_fr_spacing declared_spacing(const gl_std_lint *x, const uint32_t *chain, size_t n,
                                      const char *tag)
{
    gl_fr_spacing found = FR_SPACING_INFER;
    size_t best = 0;
    for (size_t i = 0; i < n; i++) {
        const gl_standards *s = x->c->bundles[chain[i]].standards;
        for (size_t k = 0; s && k < s->ntypography; k++) {
            const gl_std_typography *t = &s->typography[k];
            if (t->spacing != FR_SPACING_INFER && gl_std_lang_applies(t->lang, tag)
                && strlen(t->lang) > best) {
                best = strlen(t->lang);
                found = t->spacing;
            }
        }
    }
    return found;
}

static bool is_fr_mark(UChar32 c)
{
    return c == ';' || c == ':' || c == '!' || c == '?';
}

static bool is_space_cp(UChar32 c)
{
    return c == ' ' || c == NBSP || c == NNBSP || c == 0x2009;
}

/* The first no-break space before ; ! ? » in the chain's French texts, root
 * first: the style the rest must follow when none is declared. */
static gl_fr_spacing inferred_spacing(gl_std_lint *x, const uint32_t *chain, size_t n)
{
    gl_text t = {0};
    for (size_t i = n; i-- > 0;) {
        const gl_bundle *a = &x->c->bundles[chain[i]];
        if (strncmp(a->lang_script, "fr-", 3) != 0 || a == gl_base(x->c))
            continue;
        for (size_t m = 0; m < x->c->nmessages; m++) {
            const gl_msgdef *d = a->msgs ? a->msgs[m] : NULL;
            for (size_t k = 0; d && k < d->nv; k++) {
                if (d->v[k].tmpl.broken || !gl_text_of(&t, d->v[k].tmpl.src))
                    continue;
                for (const char *p = t.s; p < t.s + t.len;) {
                    UChar32 c = (UChar32)gl_utf8_next(&p);
                    if ((c == NNBSP || c == NBSP) && *p && is_fr_mark((UChar32)*p)) {
                        gl_text_free(&t);
                        return c == NNBSP ? FR_SPACING_NARROW : FR_SPACING_NBSP;
                    }
                }
            }
        }
    }
    gl_text_free(&t);
    return FR_SPACING_NARROW;
}

static void conventions_of(gl_std_lint *x, const gl_bundle *b, conventions *cv)
{
    const char *tag = b == gl_base(x->c) ? x->c->language : b->locale;
    size_t n = strcspn(tag, "-");
    *cv = (conventions){0};
    memcpy(cv->lang, tag, n < sizeof cv->lang ? n : sizeof cv->lang - 1);
    const char *region = strstr(tag, "-CH") ? "CH" : strstr(tag, "-LI") ? "LI" : NULL;
    cv->swiss = strcmp(cv->lang, "de") == 0 && region;
    read_quotes(icu_id(x, b), cv);
    if (strcmp(cv->lang, "fr") != 0)
        return;
    uint32_t chain[GL_MAX_CHAIN];
    size_t nchain = gl_bundle_chain(x->c, b, chain, GL_MAX_CHAIN);
    cv->spacing = declared_spacing(x, chain, nchain, tag);
    if (cv->spacing == FR_SPACING_INFER)
        cv->spacing = strstr(tag, "-CA") ? FR_SPACING_QUEBEC : inferred_spacing(x, chain, nchain);
}

static USet *exemplar_set(const char *loc)
{
    UErrorCode st = U_ZERO_ERROR;
    ULocaleData *ld = ulocdata_open(loc, &st);
    USet *all = uset_openEmpty();
    for (int k = ULOCDATA_ES_STANDARD; ld && all && k <= ULOCDATA_ES_AUXILIARY; k++) {
        UErrorCode s2 = U_ZERO_ERROR;
        USet *s = ulocdata_getExemplarSet(ld, NULL, 0, (ULocaleDataExemplarSetType)k, &s2);
        if (s && U_SUCCESS(s2))
            uset_addAll(all, s);
        if (s)
            uset_close(s);
    }
    if (ld)
        ulocdata_close(ld);
    if (all && uset_isEmpty(all)) {
        uset_close(all);
        return NULL;
    }
    return all;
}

/* CLDR lists only the common ideographs (about 2,500), and a rarer one is
 * no typo: every Han character is a letter of a language written with them,
 * except, in Chinese, one that only the other script's set has (a
 * Simplified character in Traditional text, or the reverse). */
static void add_ideographs(USet *own, const char *lang_script)
{
    UErrorCode st = U_ZERO_ERROR;
    USet *han = uset_openPattern((const UChar[]){'[', ':', 'H', 'a', 'n', 'i', ':', ']', 0}, -1,
                                 &st);
    if (!han || U_FAILURE(st) || !uset_containsSome(own, han)) {
        uset_close(han);
        return;
    }
    USet *other = NULL;
    if (strcmp(lang_script, "zh-Hant") == 0)
        other = exemplar_set("zh_Hans");
    else if (strcmp(lang_script, "zh-Hans") == 0)
        other = exemplar_set("zh_Hant");
    if (other) {
        uset_removeAll(other, own);
        uset_removeAll(han, other);
        uset_close(other);
    }
    uset_addAll(own, han);
    uset_close(han);
}

static USet *exemplar_letters(const char *loc, const char *lang_script)
{
    USet *all = exemplar_set(loc);
    if (all) {
        add_ideographs(all, lang_script);
        uset_closeOver(all, USET_ADD_CASE_MAPPINGS);
        uset_freeze(all);
    }
    return all;
}

bool gl_typography_begin(gl_std_lint *x)
{
    gl_typo_state *t = x->typo = calloc(1, sizeof(*x->typo));
    if (!t)
        return false;
    for (size_t i = 0; i < x->nchain; i++) {
        const gl_standards *s = x->c->bundles[x->chain[i]].standards;
        t->off |= s && s->typography_off;
    }
    t->severity = gl_std_severity(x, STD_TYPOGRAPHY);
    if (t->off)
        return true;
    conventions_of(x, x->b, &t->own);
    t->letters = exemplar_letters(icu_id(x, x->b), x->b->lang_script);
    for (UChar32 c = 0; t->letters && c < 128; c++)
        t->ascii_letters[c] = uset_contains(t->letters, c);
    return true;
}

void gl_typography_end(gl_std_lint *x)
{
    if (x->typo && x->typo->letters)
        uset_close(x->typo->letters);
    free(x->typo);
    x->typo = NULL;
}

/* ---- reading a part ---- */

typedef struct cursor {
    const char *s;
    size_t len, start;        /* start: the part's first byte in x->text.s */
} cursor;

static UChar32 cp_at(const cursor *c, size_t i)
{
    UChar32 ch = 0;
    int32_t k = (int32_t)i;
    if (i < c->len)
        U8_NEXT((const uint8_t *)c->s, k, (int32_t)c->len, ch);
    return ch;
}

static UChar32 cp_before(const cursor *c, size_t i, size_t *at)
{
    UChar32 ch = 0;
    int32_t k = (int32_t)i;
    if (i > 0)
        U8_PREV((const uint8_t *)c->s, 0, k, ch);
    if (at)
        *at = (size_t)k;
    return ch;
}

static size_t next_i(const cursor *c, size_t i)
{
    for (i++; i < c->len && (c->s[i] & 0xC0) == 0x80; i++) {}
    return i;
}

static void report(gl_std_lint *x, const cursor *c, size_t i, const char *fmt, ...)
    GL_PRINTF(4, 5);
static void report(gl_std_lint *x, const cursor *c, size_t i, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    gl_std_report(x, STD_TYPOGRAPHY, x->typo->severity, x->text.src[c->start + i], ": %s", msg);
}

/* ---- quotation marks ---- */

static bool is_quote(UChar32 ch)
{
    return ch == '"' || (ch >= 0x201C && ch <= 0x201F) || ch == 0xAB || ch == 0xBB
           || ch == 0x2039 || ch == 0x203A || (ch >= 0x300C && ch <= 0x300F);
}

static void check_quote(gl_std_lint *x, const conventions *cv, const cursor *c, size_t i,
                        UChar32 ch)
{
    for (int k = 0; k < 4; k++)
        if (cv->quote[k] == ch || cv->quote[0] == '"')
            return;
    char a[5] = {0}, b[5] = {0}, alt_a[5] = {0}, alt_b[5] = {0};
    int32_t n = 0;
    U8_APPEND_UNSAFE(a, n, cv->quote[0]);
    n = 0;
    U8_APPEND_UNSAFE(b, n, cv->quote[1]);
    n = 0;
    U8_APPEND_UNSAFE(alt_a, n, cv->quote[2]);
    n = 0;
    U8_APPEND_UNSAFE(alt_b, n, cv->quote[3]);
    report(x, c, i, "%s quotation mark U+%04X is not %s's; quote with %s…%s (inside: %s…%s)",
           ch == '"' ? "the ASCII" : "the", (unsigned)ch, x->tag, a, b, alt_a,
           alt_b);
}

/* ---- French spacing ---- */

static const char *space_name(UChar32 s)
{
    return s == NNBSP ? "U+202F (narrow no-break space)" : s == NBSP ? "U+00A0 (no-break space)"
           : s == ' ' ? "an ordinary space" : s == 0x2009 ? "U+2009 (thin space)" : "no space";
}

/* What the style wants at a mark: 0 no space, else the space; *also: a
 * second acceptable space (before `:`, either no-break space). */
static UChar32 wanted_space(gl_fr_spacing style, UChar32 mark, UChar32 *also)
{
    *also = 0;
    if (style == FR_SPACING_NBSP)
        return NBSP;
    if (mark == ':' || ((mark == 0xAB || mark == 0xBB) && style == FR_SPACING_QUEBEC)) {
        *also = NNBSP;
        return NBSP;
    }
    if (style == FR_SPACING_QUEBEC)
        return 0;
    if (mark == ':')
        *also = NBSP;
    return NNBSP;
}

static bool prose_mark_ends(UChar32 next)
{
    return next == 0 || u_isUWhiteSpace(next) || next == GL_TEXT_HOLE_CP || u_ispunct(next);
}

static void check_french_mark(gl_std_lint *x, const conventions *cv, const cursor *c, size_t i,
                              UChar32 mark)
{
    size_t at;
    UChar32 also, want = wanted_space(cv->spacing, mark, &also);
    bool opening = mark == 0xAB;
    UChar32 got = opening ? cp_at(c, next_i(c, i)) : cp_before(c, i, &at);
    if (opening)
        at = next_i(c, i);
    if (!is_space_cp(got))
        got = 0;
    if (got == want || (also && got == also))
        return;
    if (!opening && got == 0 && cp_before(c, i, NULL) == 0)
        return; /* a mark at the start of a part: after a placeholder's branch */
    const char *style = cv->spacing == FR_SPACING_QUEBEC ? "quebec"
                        : cv->spacing == FR_SPACING_NBSP ? "nbsp" : "narrow";
    char m[5] = {0};
    int32_t n = 0;
    U8_APPEND_UNSAFE(m, n, mark);
    if (want)
        report(x, c, got ? at : i, "%s %s `%s`; %s's French spacing (%s) puts %s there",
               space_name(got), opening ? "after" : "before", m, x->tag, style,
               space_name(want));
    else
        report(x, c, at, "%s before `%s`; %s's French spacing (%s) puts no space there: "
               "delete it", space_name(got), m, x->tag, style);
}

/* ; ! ? : » and « in prose (not in 10:30, https://, ?!'s second mark). */
static void check_french(gl_std_lint *x, const conventions *cv, const cursor *c, size_t i,
                         UChar32 ch)
{
    if (ch != 0xAB && ch != 0xBB && !is_fr_mark(ch))
        return;
    UChar32 next = cp_at(c, next_i(c, i)), prev = cp_before(c, i, NULL);
    if (ch == 0xAB || ch == 0xBB) {
        check_french_mark(x, cv, c, i, ch);
        return;
    }
    if (!is_fr_mark(ch) || !prose_mark_ends(next) || is_fr_mark(prev)
        || (ch == ':' && (u_isdigit(prev) || next == '/')))
        return;
    check_french_mark(x, cv, c, i, ch);
}

/* ---- checks on one part ---- */

/* A space before a comma; a full stop before a comma after a number. */
static void check_comma(gl_std_lint *x, const cursor *c, size_t i, UChar32 ch)
{
    size_t at;
    if (ch != ',' && ch != 0x060C && ch != 0x3001 && ch != 0xFF0C)
        return;
    UChar32 prev = cp_before(c, i, &at);
    if (is_space_cp(prev)) {
        report(x, c, at, "a space before a comma; delete it");
        return;
    }
    UChar32 before = cp_before(c, at, NULL);
    if ((prev == '.' && (ch == 0x060C || u_isdigit(before) || before == GL_TEXT_HOLE_CP))
        || (prev == 0x3002 && ch != ','))
        report(x, c, at, "a full stop before a comma; keep one of them");
}

static void report_unclosed(gl_std_lint *x, const cursor *c, const size_t *open, size_t *depth)
{
    for (int k = 0; k < 2; k++)
        if (depth[k])
            report(x, c, open[k], "`%s` is never closed with `%s`", k ? "¿" : "¡", k ? "?" : "!");
    depth[0] = depth[1] = 0;
}

/* Spanish: every ! and ? closes a ¡ or ¿ opened in the same sentence of the
 * same part. */
static void check_spanish(gl_std_lint *x, const cursor *c)
{
    size_t open[2] = {0, 0}, depth[2] = {0, 0};
    static const UChar32 opener[2] = {0xA1, 0xBF}, closer[2] = {'!', '?'};
    for (size_t i = 0; i < c->len; i = next_i(c, i)) {
        UChar32 ch = cp_at(c, i);
        if (ch == '.' && (next_i(c, i) >= c->len || u_isUWhiteSpace(cp_at(c, next_i(c, i)))))
            report_unclosed(x, c, open, depth); /* a full stop ends the sentence */
        for (int k = 0; k < 2; k++) {
            if (ch == opener[k] && !depth[k]++) {
                open[k] = i;
            } else if (ch == closer[k] && depth[k]) {
                depth[k]--;
            } else if (ch == closer[k] && cp_before(c, i, NULL) != closer[k]) {
                report(x, c, i, "`%s` without its opening `%s`; Spanish opens the %s with `%s`",
                       k ? "?" : "!", k ? "¿" : "¡", k ? "question" : "exclamation",
                       k ? "¿" : "¡");
            }
        }
    }
    report_unclosed(x, c, open, depth);
}

/* Scripts written without spaces between words, where a Latin name runs
 * into the text around it ("LINEで"). */
static bool unspaced(UChar32 ch)
{
    UErrorCode st = U_ZERO_ERROR;
    UScriptCode s = uscript_getScript(ch, &st);
    return s == USCRIPT_HAN || s == USCRIPT_HIRAGANA || s == USCRIPT_KATAKANA
           || s == USCRIPT_HANGUL || s == USCRIPT_THAI || s == USCRIPT_LAO
           || s == USCRIPT_KHMER || s == USCRIPT_MYANMAR;
}

static bool letter_run_breaks(UChar32 prev, UChar32 ch)
{
    return (prev < 0x80) != (ch < 0x80) && (unspaced(prev) || unspaced(ch));
}

/* A letter neither the locale's exemplar nor auxiliary set holds, unless
 * its word is all ASCII (codes, units and names every market writes). */
static void check_letters(gl_std_lint *x, const cursor *c)
{
    USet *letters = x->typo->letters;
    for (size_t i = 0; letters && i < c->len;) {
        size_t w = i, bad = (size_t)-1;
        bool ascii = true;
        for (UChar32 prev = 0; w < c->len; w = next_i(c, w)) {
            UChar32 ch = cp_at(c, w);
            bool letter = ch < 0x80 ? (ch | 0x20) >= 'a' && (ch | 0x20) <= 'z'
                                    : (U_GET_GC_MASK(ch) & (U_GC_L_MASK | U_GC_M_MASK)) != 0;
            if (!letter || (prev && letter_run_breaks(prev, ch)))
                break;
            prev = ch;
            ascii &= ch < 0x80;
            if (bad == (size_t)-1 && !(ch < 0x80 ? x->typo->ascii_letters[ch]
                                                 : uset_contains(letters, ch))
                && !u_hasBinaryProperty(ch, UCHAR_DEFAULT_IGNORABLE_CODE_POINT))
                bad = w;
        }
        if (bad != (size_t)-1 && !ascii) {
            UChar32 ch = cp_at(c, bad);
            report(x, c, bad, "`%.*s` (U+%04X) is not a letter of %s (CLDR's exemplar and "
                   "auxiliary characters): a letter of another script or language?",
                   (int)(next_i(c, bad) - bad), c->s + bad, (unsigned)ch, x->tag);
        }
        i = w == i ? next_i(c, i) : w;
    }
}

static bool is_cjk(const conventions *cv)
{
    return strcmp(cv->lang, "ja") == 0 || strcmp(cv->lang, "zh") == 0;
}

/* CJK: ( and （ (or [ and ［) in one variant; the fewer are flagged. */
static void check_brackets(gl_std_lint *x)
{
    size_t half = 0, full = 0;
    for (size_t p = 0; p < x->text.nparts; p++) {
        cursor c = {x->text.s + x->text.parts[p].start, x->text.parts[p].len,
                    x->text.parts[p].start};
        for (size_t i = 0; i < c.len; i = next_i(&c, i)) {
            UChar32 ch = cp_at(&c, i);
            half += ch == '(' || ch == '[';
            full += ch == 0xFF08 || ch == 0xFF3B;
        }
    }
    if (!half || !full)
        return;
    bool flag_half = half <= full;
    for (size_t p = 0; p < x->text.nparts; p++) {
        cursor c = {x->text.s + x->text.parts[p].start, x->text.parts[p].len,
                    x->text.parts[p].start};
        for (size_t i = 0; i < c.len; i = next_i(&c, i)) {
            UChar32 ch = cp_at(&c, i);
            if (flag_half ? (ch == '(' || ch == '[') : (ch == 0xFF08 || ch == 0xFF3B))
                report(x, &c, i, "a %s-width bracket in a message whose other brackets are "
                       "%s-width; write %s", flag_half ? "half" : "full",
                       flag_half ? "full" : "half",
                       ch == '(' ? "（" : ch == '[' ? "［" : ch == 0xFF08 ? "(" : "[");
        }
    }
}

/* The ASCII characters a check looks at; every other ASCII byte is passed
 * over without decoding (most of a catalog's text). */
static bool ascii_of_interest(unsigned char b)
{
    return b == '"' || b == ',' || b == ';' || b == ':' || b == '!' || b == '?' || b == '('
           || b == '[';
}

static bool has_non_ascii(const cursor *c)
{
    for (size_t i = 0; i < c->len; i++)
        if ((unsigned char)c->s[i] >= 0x80)
            return true;
    return false;
}

/* Whether v is written for a channel whose medium is html: its tags are the
 * catalog owner's markup (`<a href="…">`), not prose, and are not checked. */
static bool html_variant(const gl_std_lint *x)
{
    uint32_t ch = x->v->key->ax[AX_CHANNEL];
    return ch && gl_channel_of(x->c, ch)->medium == MEDIUM_HTML;
}

/* The end of the tag starting at c->s[i] (`<` then a letter or `/`), or i
 * when none starts there. */
static size_t tag_end(const cursor *c, size_t i)
{
    char next = i + 1 < c->len ? (char)(c->s[i + 1] | 0x20) : 0;
    if (c->s[i] != '<' || !(next == '/' || (next >= 'a' && next <= 'z')))
        return i;
    const char *gt = memchr(c->s + i, '>', c->len - i);
    return gt ? (size_t)(gt - c->s) : i;
}

static void check_part(gl_std_lint *x, const conventions *cv, const cursor *c, bool inherited)
{
    bool french = strcmp(cv->lang, "fr") == 0, html = html_variant(x);
    for (size_t i = 0; i < c->len; i = next_i(c, i)) {
        if (html && c->s[i] == '<')
            i = tag_end(c, i);
        if ((unsigned char)c->s[i] < 0x80 && !ascii_of_interest((unsigned char)c->s[i]))
            continue;
        UChar32 ch = cp_at(c, i);
        if (is_quote(ch))
            check_quote(x, cv, c, i, ch);
        if (french)
            check_french(x, cv, c, i, ch);
        if (!inherited)
            check_comma(x, c, i, ch);
    }
    if (inherited)
        return;
    if (strcmp(cv->lang, "es") == 0)
        check_spanish(x, c);
    if (has_non_ascii(c)) /* an all-ASCII word is accepted everywhere */
        check_letters(x, c);
}

/* Whether b's conventions differ from those of the bundle it inherits from. */
static bool differs(gl_std_lint *x)
{
    gl_typo_state *t = x->typo;
    if (t->owner != x->owner) {
        conventions_of(x, x->owner, &t->theirs);
        t->owner = x->owner;
    }
    return memcmp(t->own.quote, t->theirs.quote, sizeof t->own.quote) != 0
           || t->own.spacing != t->theirs.spacing;
}

void gl_typography_check(gl_std_lint *x, bool inherited)
{
    if (x->typo->off || (inherited && !differs(x)))
        return;
    for (size_t p = 0; p < x->text.nparts && !x->d->fatal; p++) {
        cursor c = {x->text.s + x->text.parts[p].start, x->text.parts[p].len,
                    x->text.parts[p].start};
        check_part(x, &x->typo->own, &c, inherited);
    }
    if (!inherited && is_cjk(&x->typo->own))
        check_brackets(x);
}
