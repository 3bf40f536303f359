/* apostrophe-quote's scan (docs/lint.md): the runs of a template's message
 * text that an ASCII apostrophe makes ICU quote, and the syntax each one
 * swallows.  It reads the source the way MessagePattern does in ICU's default
 * apostrophe mode (DOUBLE_OPTIONAL; the same reading as the term scan of
 * icu_template_parse.cpp): `''` is an apostrophe, a single one starts
 * quoting only before `{`, `}` or `#` in a plural branch, and the quote runs
 * to the next single apostrophe.  Only templates that
 * compiled are scanned, so the syntax outside quotes is well formed.  Every
 * syntax character is ASCII, so the scan walks bytes. */
#include <string.h>
#include <strings.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "limits.h"
#include "lint_rules.h"

/* A sub-message and its argument per level of nesting, and the top. */
#define MAX_FRAMES (2 * GL_HARD_MAX_TEMPLATE_DEPTH + 2)

/* `choice` is refused at load, so its `|` never starts a quote here. */
typedef enum parent { P_NONE, P_PLURAL, P_SELECT } parent;

typedef struct frame {
    bool is_msg;
    parent parent;   /* a message: the kind of argument it is a branch of */
    int field;       /* an argument: 0 name, 1 type, 2 style */
    int nest;        /* an argument: braces inside a simple style */
    size_t type_at;  /* an argument: where its type starts */
} frame;

typedef struct scan {
    const char *s;
    size_t n;
    frame f[MAX_FRAMES];
    size_t depth;
} scan;

/* 1-based column of byte i in code points. */
static unsigned column(const char *s, size_t i)
{
    unsigned col = 1;
    for (size_t k = 0; k < i; k++)
        col += ((unsigned char)s[k] & 0xC0) != 0x80;
    return col;
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The argument kind a type names, as ICU matches it: ASCII, any case. */
static parent parent_of(const char *type, size_t len)
{
    while (len && is_space(*type))
        type++, len--;
    while (len && is_space(type[len - 1]))
        len--;
    static const struct {
        const char *word;
        parent p;
    } kinds[] = {{"plural", P_PLURAL}, {"selectordinal", P_PLURAL}, {"select", P_SELECT}};
    for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
        if (strlen(kinds[i].word) == len && strncasecmp(type, kinds[i].word, len) == 0)
            return kinds[i].p;
    return P_NONE;
}

/* The index after the quote opened at s[i], or 0 when it never closes. */
static size_t quote_end(const scan *x, size_t i)
{
    for (i++; i < x->n; i++)
        if (x->s[i] == '\'') {
            if (i + 1 < x->n && x->s[i + 1] == '\'')
                i++;
            else
                return i + 1;
        }
    return 0;
}

static bool starts_quote(const frame *f, char next)
{
    return next == '{' || next == '}' || (next == '#' && f->parent == P_PLURAL);
}

/* The brace closing the one at s[i] before `end`, or 0. */
static size_t closing_brace(const char *s, size_t i, size_t end)
{
    int depth = 0;
    for (; i < end; i++)
        if (s[i] == '{')
            depth++;
        else if (s[i] == '}' && --depth == 0)
            return i;
    return 0;
}

static bool is_name_start(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

/* Lists what the quote from s[open] to s[close] (its apostrophes) swallows. */
static void swallowed(const scan *x, const frame *f, size_t open, size_t close, gl_buf *out)
{
    for (size_t i = open + 1; i < close; i++) {
        char c = x->s[i];
        size_t end = c == '{' ? closing_brace(x->s, i, close) : 0;
        const char *what = NULL;
        if (end && x->s[i + 1] == '-') {
            what = "term";
        } else if (end) {
            size_t k = i + 1;
            while (k < end && x->s[k] == ' ')
                k++;
            what = is_name_start(x->s[k]) ? "argument" : "braces";
        } else if (c == '{' || c == '}') {
            what = "brace";
        } else if (c == '#' && f->parent == P_PLURAL) {
            what = "";
        } else {
            continue;
        }
        gl_buf_printf(out, "%s%s%s`%.*s` (column %u)", out->len ? ", " : "", what,
                      *what ? " " : "", (int)(end ? end + 1 - i : 1), x->s + i,
                      column(x->s, i));
        if (end)
            i = end;
    }
}

/* An apostrophe right after a letter or digit is prose: `l'`, `jusqu'`. */
static bool after_word(const char *s, size_t i)
{
    int32_t at = (int32_t)i;
    UChar32 c = 0;
    if (i)
        U8_PREV((const uint8_t *)s, 0, at, c);
    return i && u_isalnum(c);
}

/* Reports the quote opened at s[i] (closing before s[end]) when its apostrophe
 * is prose: right after a word, before a `{` or `#` (`'}'` after a word
 * closes a quoted `{`, as in `'{'order'}'`).  Quoting written on purpose
 * (`'{'`, `'{name}'` after a space) is not reported.  False when out of
 * memory. */
static bool consider(const scan *x, size_t i, size_t end, gl_quote_trap_fn fn, void *ud)
{
    if (x->s[i + 1] == '}' || !after_word(x->s, i))
        return true;
    gl_buf items = {0};
    swallowed(x, &x->f[x->depth - 1], i, end - 1, &items);
    bool oom = items.oom;
    if (!oom && items.len)
        fn(ud, &(gl_quote_trap){column(x->s, i), column(x->s, end - 1), items.p});
    gl_buf_free(&items);
    return !oom;
}

/* One step in message text at s[i]; returns the next index, 0 to stop. */
static size_t message_step(scan *x, size_t i, gl_quote_trap_fn fn, void *ud, bool *ok)
{
    frame *f = &x->f[x->depth - 1];
    char c = x->s[i], next = i + 1 < x->n ? x->s[i + 1] : 0;
    if (c == '\'' && next == '\'')
        return i + 2;
    if (c == '\'' && starts_quote(f, next)) {
        size_t end = quote_end(x, i);
        if (!end) /* it never closes: template-syntax warns about it */
            return 0;
        *ok = consider(x, i, end, fn, ud);
        return *ok ? end : 0;
    }
    size_t term_end = c == '{' && next == '-' ? closing_brace(x->s, i, x->n) : 0;
    if (term_end)
        return term_end + 1;
    if (c == '{' && x->depth < MAX_FRAMES)
        x->f[x->depth++] = (frame){.type_at = i + 1};
    else if (c == '{')
        return 0;
    else if (c == '}' && x->depth > 1)
        x->depth--;
    return i + 1;
}

/* One step inside an argument at s[i]; returns the next index, 0 to stop. */
static size_t argument_step(scan *x, size_t i)
{
    frame *f = &x->f[x->depth - 1];
    char c = x->s[i];
    if (f->field < 2) {
        if (c == ',' && ++f->field == 1)
            f->type_at = i + 1;
        else if (c == ',') /* the type ends: a plural's or select's style is branches */
            f->parent = parent_of(x->s + f->type_at, i - f->type_at);
        else if (c == '}')
            x->depth--;
    } else if (f->parent != P_NONE) {
        if (c == '{' && x->depth < MAX_FRAMES)
            x->f[x->depth++] = (frame){.is_msg = true, .parent = f->parent};
        else if (c == '{')
            return 0;
        else if (c == '}')
            x->depth--;
    } else if (c == '\'') {
        return quote_end(x, i);
    } else if (c == '{') {
        f->nest++;
    } else if (c == '}' && f->nest-- == 0) {
        x->depth--;
    }
    return i + 1;
}

bool gl_find_quote_traps(const char *src, gl_quote_trap_fn fn, void *ud)
{
    scan x = {.s = src, .n = strlen(src), .depth = 1};
    x.f[0] = (frame){.is_msg = true};
    bool ok = true;
    size_t i = 0;
    while (i < x.n && x.depth > 0) {
        i = x.f[x.depth - 1].is_msg ? message_step(&x, i, fn, ud, &ok) : argument_step(&x, i);
        if (i == 0) /* the end of what can be read, or out of memory (ok false) */
            break;
    }
    return ok;
}
