/* ICU MessageFormat templates split into what a translator may change (text)
 * and what they must keep (codes), for XLIFF.  Quoting follows ICU's default
 * apostrophe mode: `''` is an apostrophe; one quotes only before `{`, `}`, and
 * `#` inside a plural branch. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "msgparts.h"

#define MAX_DEPTH 32

typedef struct scan {
    const char *s;
    size_t i;
    mp_list *out;
    strbuf text;
    char *err;
    size_t errcap;
} scan;

static void push(mp_list *l, mp_kind kind, mp_code code, char *text, const char *name,
                 bool plural)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? 2 * l->cap : 16;
        l->p = xrealloc(l->p, l->cap * sizeof *l->p);
    }
    l->p[l->n++] = (mp_part){kind, code, text, name ? xstrdup(name) : NULL, plural};
}

static void push_raw(scan *sc, mp_kind kind, mp_code code, size_t from, const char *name,
                     bool plural)
{
    push(sc->out, kind, code, xstrndup(sc->s + from, sc->i - from), name, plural);
}

static void flush_text(scan *sc)
{
    if (sc->text.len)
        push(sc->out, MP_TEXT, MPC_NONE, sb_take(&sc->text), NULL, false);
}

static bool scan_fail(scan *sc, const char *what)
{
    snprintf(sc->err, sc->errcap, "%s at byte %zu", what, sc->i + 1);
    return false;
}

static void skip_ws(scan *sc)
{
    while (strchr(" \t\r\n", sc->s[sc->i]) && sc->s[sc->i])
        sc->i++;
}

static size_t word_end(const char *s, size_t i)
{
    while (s[i] && !strchr(" \t\r\n{},'#", s[i]))
        i++;
    return i;
}

/* A quoted literal after its opening apostrophe, up to the closing one. */
static void quoted(scan *sc)
{
    for (; sc->s[sc->i]; sc->i++) {
        if (sc->s[sc->i] != '\'') {
            sb_putc(&sc->text, sc->s[sc->i]);
        } else if (sc->s[sc->i + 1] == '\'') {
            sb_putc(&sc->text, '\'');
            sc->i++;
        } else {
            sc->i++;
            return;
        }
    }
}

/* An apostrophe in message text. */
static void apostrophe(scan *sc, bool in_plural)
{
    char next = sc->s[sc->i + 1];
    if (next == '\'') {
        sb_putc(&sc->text, '\'');
        sc->i += 2;
    } else if (next == '{' || next == '}' || (next == '#' && in_plural)) {
        sc->i++;
        quoted(sc);
    } else {
        sb_putc(&sc->text, '\'');
        sc->i++;
    }
}

/* The style of a simple argument up to its closing brace, quotes and nested
 * braces included. */
static bool skip_style(scan *sc)
{
    int depth = 0;
    for (; sc->s[sc->i]; sc->i++) {
        char c = sc->s[sc->i];
        if (c == '\'') {
            const char *q = strchr(sc->s + sc->i + 1, '\'');
            sc->i = q ? (size_t)(q - sc->s) : strlen(sc->s) - 1;
        } else if (c == '{') {
            depth++;
        } else if (c == '}' && depth-- == 0) {
            return true;
        }
    }
    return scan_fail(sc, "unterminated argument");
}

static bool message(scan *sc, bool in_plural, bool nested, int depth);

/* The branches of a plural/select after its head, and its tail. */
static bool branches(scan *sc, bool plural, int depth)
{
    for (;;) {
        size_t from = sc->i;
        skip_ws(sc);
        if (sc->s[sc->i] == '}') {
            sc->i++;
            push_raw(sc, MP_CODE, MPC_SELECT_TAIL, from, NULL, plural);
            return true;
        }
        size_t k = sc->i, end = word_end(sc->s, k);
        if (end == k)
            return scan_fail(sc, "a plural or select key expected");
        sc->i = end;
        if (strncmp(sc->s + k, "offset:", 7) == 0) { /* part of the next key's code */
            skip_ws(sc);
            k = sc->i;
            sc->i = end = word_end(sc->s, k);
        }
        char *key = xstrndup(sc->s + k, end - k);
        skip_ws(sc);
        if (sc->s[sc->i] != '{') {
            free(key);
            return scan_fail(sc, "`{` expected after a plural or select key");
        }
        sc->i++;
        push_raw(sc, MP_OPEN, MPC_NONE, from, key, plural);
        free(key);
        if (!message(sc, plural, true, depth + 1))
            return false;
        from = sc->i++;
        push_raw(sc, MP_CLOSE, MPC_NONE, from, NULL, plural);
    }
}

static bool argument(scan *sc, int depth)
{
    size_t from = sc->i++;
    skip_ws(sc);
    bool term = sc->s[sc->i] == '-';
    size_t n0 = sc->i + term, n1 = word_end(sc->s, n0);
    char *name = xstrndup(sc->s + n0, n1 - n0);
    sc->i = n1;
    skip_ws(sc);
    bool ok = true;
    if (sc->s[sc->i] == '}') {
        sc->i++;
        push_raw(sc, MP_CODE, term ? MPC_TERM : MPC_ARG, from, name, false);
    } else if (term || sc->s[sc->i] != ',' || n1 == n0) {
        ok = scan_fail(sc, "a malformed argument");
    } else {
        sc->i++;
        skip_ws(sc);
        size_t t0 = sc->i, t1 = word_end(sc->s, t0);
        sc->i = t1;
        skip_ws(sc);
        bool plural = (t1 - t0 == 6 && !strncmp(sc->s + t0, "plural", 6)) ||
                      (t1 - t0 == 13 && !strncmp(sc->s + t0, "selectordinal", 13));
        bool select = t1 - t0 == 6 && !strncmp(sc->s + t0, "select", 6);
        if ((plural || select) && sc->s[sc->i] == ',') {
            sc->i++;
            push_raw(sc, MP_CODE, MPC_SELECT_HEAD, from, name, plural);
            ok = branches(sc, plural, depth);
        } else if (sc->s[sc->i] == '}' || (sc->s[sc->i] == ',' && skip_style(sc))) {
            sc->i++;
            push_raw(sc, MP_CODE, MPC_ARG, from, name, false);
        } else {
            ok = scan_fail(sc, "a malformed argument");
        }
    }
    free(name);
    return ok;
}

/* Message text up to the end, or (nested) up to the branch's closing brace. */
static bool message(scan *sc, bool in_plural, bool nested, int depth)
{
    if (depth > MAX_DEPTH)
        return scan_fail(sc, "plural/select nested too deeply");
    for (;;) {
        char c = sc->s[sc->i];
        if (c == '\0' || c == '}') {
            flush_text(sc);
            if (c == '}' && !nested)
                return scan_fail(sc, "`}` without its `{`");
            if (c == '\0' && nested)
                return scan_fail(sc, "a plural or select branch without its `}`");
            return true;
        }
        if (c == '\'') {
            apostrophe(sc, in_plural);
        } else if (c == '{') {
            flush_text(sc);
            if (!argument(sc, depth))
                return false;
        } else if (c == '#' && in_plural) {
            flush_text(sc);
            size_t from = sc->i++;
            push_raw(sc, MP_CODE, MPC_HASH, from, NULL, true);
        } else {
            sb_putc(&sc->text, c);
            sc->i++;
        }
    }
}

bool mp_split(const char *src, mp_list *out, char *err, size_t errcap)
{
    scan sc = {.s = src, .out = out, .err = err, .errcap = errcap};
    memset(out, 0, sizeof *out);
    bool ok = message(&sc, false, false, 0);
    sb_free(&sc.text);
    if (!ok)
        mp_free(out);
    return ok;
}

void mp_free(mp_list *l)
{
    for (size_t i = 0; i < l->n; i++) {
        free(l->p[i].text);
        free(l->p[i].name);
    }
    free(l->p);
    memset(l, 0, sizeof *l);
}

static bool special(char c, bool in_plural)
{
    return c == '{' || c == '}' || (c == '#' && in_plural);
}

/* A run of syntax characters is quoted as one ('{}' not '{''}', which ICU
 * reads as "{'}"), apostrophes inside it doubled. */
void mp_quote(strbuf *b, const char *text, bool in_plural)
{
    for (const char *p = text; *p;) {
        if (special(*p, in_plural)) {
            sb_putc(b, '\'');
            for (; *p && (special(*p, in_plural) || *p == '\''); p++)
                sb_puts(b, *p == '\'' ? "''" : (char[]){*p, '\0'});
            sb_putc(b, '\'');
        } else {
            bool quotes = *p == '\'' && (!p[1] || p[1] == '\'' || p[1] == '|' ||
                                        special(p[1], in_plural));
            sb_puts(b, quotes ? "''" : (char[]){*p, '\0'});
            p++;
        }
    }
}

bool mp_has_category(const char *cats, const char *key)
{
    for (const char *c = cats; c && *c; c += strlen(c) + 1)
        if (strcmp(c, key) == 0)
            return true;
    return false;
}
