/* MessageFormat 2 source → data model (mf2.h), by recursive descent over
 * the spec's grammar (message.abnf), then the data-model checks (mf2_model.c).
 * MF2 has no nesting beyond placeholder-in-pattern, so the descent is
 * bounded by the grammar itself, not by the input. */
#include <stdio.h>
#include <string.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "mf2.h"

typedef struct parser {
    gl_arena *a;
    const char *s;
    size_t n, i;
    gl_mf2_problem *why;
    gl_mf2_parse_status status;
} parser;

/* ---- failures ---- */

bool gl_mf2_fail(gl_mf2_parse_status *status, gl_mf2_problem *why, gl_mf2_parse_status st,
                 const char *name, size_t at, const char *fmt, const char *arg)
{
    if (*status != MF2_OK)
        return false;
    *status = st;
    why->name = name;
    why->at = at;
    snprintf(why->message, sizeof why->message, fmt, arg);
    return false;
}

static bool fail_at(parser *p, gl_mf2_parse_status st, const char *name, size_t at,
                    const char *fmt, const char *arg)
{
    return gl_mf2_fail(&p->status, p->why, st, name, at, fmt, arg);
}

static bool syntax(parser *p, const char *what)
{
    return fail_at(p, MF2_SYNTAX, "syntax-error", p->i, "syntax-error: %s", what);
}

static bool nomem(parser *p)
{
    return fail_at(p, MF2_NOMEM, "out-of-memory", p->i, "%s", "out of memory");
}

/* ---- characters (message.abnf) ---- */

/* The length of the (valid) UTF-8 sequence whose lead byte is b.  The
 * source is a slice, not a string: a decoder that reads continuation bytes
 * until none follows could read past its end. */
static size_t sequence_length(unsigned char b)
{
    return b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
}

static uint32_t peek(const parser *p)
{
    if (p->i >= p->n)
        return 0;
    const unsigned char *q = (const unsigned char *)p->s + p->i;
    size_t len = sequence_length(q[0]);
    uint32_t c = len == 1 ? q[0] : q[0] & (0x7F >> len);
    for (size_t k = 1; k < len; k++)
        c = (c << 6) | (q[k] & 0x3F);
    return c;
}

static void advance(parser *p)
{
    if (p->i < p->n)
        p->i += sequence_length((unsigned char)p->s[p->i]);
}

static bool at_end(const parser *p) { return p->i >= p->n; }

static bool is_ws(uint32_t c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0x3000;
}

static bool is_bidi(uint32_t c)
{
    return c == 0x61C || c == 0x200E || c == 0x200F || (c >= 0x2066 && c <= 0x2069);
}

static bool is_name_start(uint32_t c)
{
    if (c < 0x80)
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '+' || c == '_';
    if (c < 0xA1 || c == 0x61C || c == 0x1680 || (c >= 0x2000 && c <= 0x200A))
        return false;
    if (c == 0x200E || c == 0x200F || (c >= 0x2028 && c <= 0x202F) || c == 0x205F)
        return false;
    if ((c >= 0x2066 && c <= 0x2069) || c == 0x3000 || (c >= 0xD800 && c <= 0xDFFF))
        return false;
    if ((c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE)
        return false;
    return c <= 0x10FFFD;
}

static bool is_name_char(uint32_t c)
{
    return is_name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

/* o = *(ws / bidi); true when it held a ws, which makes it the grammar's s. */
static bool skip_o(parser *p)
{
    bool ws = false;
    for (uint32_t c; !at_end(p) && ((c = peek(p)), is_ws(c) || is_bidi(c)); advance(p))
        ws |= is_ws(c);
    return ws;
}

static bool expect(parser *p, char c, const char *what)
{
    if (at_end(p) || p->s[p->i] != c)
        return syntax(p, what);
    p->i++;
    return true;
}

/* ---- strings ---- */

/* The NFC form of s[0..n) in the arena: names and keys compare that way. */
static const char *nfc(parser *p, const char *s, size_t n, size_t *out_len)
{
    bool ascii = true;
    for (size_t k = 0; k < n && ascii; k++)
        ascii = (unsigned char)s[k] < 0x80;
    char *r = NULL;
    if (ascii) {
        r = gl_arena_strndup(p->a, s, n);
        *out_len = n;
        return r;
    }
    UErrorCode st = U_ZERO_ERROR;
    const UNormalizer2 *norm = unorm2_getNFCInstance(&st);
    int32_t ulen = 0;
    u_strFromUTF8(NULL, 0, &ulen, s, (int32_t)n, &st);
    st = U_ZERO_ERROR;
    UChar *u = gl_arena_alloc(p->a, sizeof(UChar) * (size_t)(ulen + 1) * 4);
    if (!u)
        return NULL;
    UChar *v = u + ulen + 1;
    u_strFromUTF8(u, ulen + 1, NULL, s, (int32_t)n, &st);
    int32_t vlen = unorm2_normalize(norm, u, ulen, v, ulen * 3 + 3, &st);
    int32_t blen = 0;
    if (U_SUCCESS(st)) {
        u_strToUTF8(NULL, 0, &blen, v, vlen, &st);
        st = U_ZERO_ERROR;
        r = gl_arena_alloc(p->a, (size_t)blen + 1);
        if (r)
            u_strToUTF8(r, blen + 1, NULL, v, vlen, &st);
    }
    if (U_FAILURE(st) || !r) /* cannot grow past three times in NFC: only out of memory */
        return NULL;
    *out_len = (size_t)blen;
    return r;
}

/* name = [bidi] name-start *name-char [bidi], as NFC. */
static const char *parse_name(parser *p, size_t *len)
{
    if (is_bidi(peek(p)))
        advance(p);
    if (!is_name_start(peek(p)))
        return syntax(p, "expected a name"), NULL;
    size_t start = p->i;
    while (!at_end(p) && is_name_char(peek(p)))
        advance(p);
    size_t end = p->i;
    if (is_bidi(peek(p)))
        advance(p);
    size_t n;
    const char *r = nfc(p, p->s + start, end - start, len ? len : &n);
    if (!r)
        nomem(p);
    return r;
}

/* identifier = [namespace ":"] name */
static const char *parse_identifier(parser *p)
{
    size_t n1;
    const char *first = parse_name(p, &n1);
    if (!first)
        return NULL;
    if (at_end(p) || p->s[p->i] != ':')
        return first;
    p->i++;
    size_t n2;
    const char *second = parse_name(p, &n2);
    if (!second)
        return NULL;
    char *r = gl_arena_alloc(p->a, n1 + n2 + 2);
    if (!r)
        return nomem(p), NULL;
    memcpy(r, first, n1);
    r[n1] = ':';
    memcpy(r + n1 + 1, second, n2 + 1);
    return r;
}

/* Appends the escaped-char at p->i (a backslash) to b. */
static bool parse_escape(parser *p, gl_buf *b)
{
    char c = p->i + 1 < p->n ? p->s[p->i + 1] : 0;
    if (c != '\\' && c != '{' && c != '|' && c != '}')
        return syntax(p, "a backslash escapes only `\\`, `{`, `|` and `}`");
    gl_buf_putc(b, c);
    p->i += 2;
    return true;
}

static const char *take(parser *p, gl_buf *b, size_t *len)
{
    if (b->oom)
        return gl_buf_free(b), nomem(p), NULL;
    *len = b->len;
    const char *r = gl_arena_strndup(p->a, b->p ? b->p : "", b->len);
    gl_buf_free(b);
    if (!r)
        nomem(p);
    return r;
}

/* literal = quoted-literal / unquoted-literal */
static bool parse_literal(parser *p, gl_mf2_operand *out)
{
    gl_buf b = {0};
    out->kind = MF2_LITERAL;
    if (!at_end(p) && p->s[p->i] == '|') {
        p->i++;
        for (;;) {
            if (at_end(p) || p->s[p->i] == '\0')
                return gl_buf_free(&b), syntax(p, "a quoted literal needs its closing `|`");
            if (p->s[p->i] == '|')
                break;
            if (p->s[p->i] == '\\') {
                if (!parse_escape(p, &b))
                    return gl_buf_free(&b), false;
                continue;
            }
            size_t at = p->i;
            advance(p);
            gl_buf_putn(&b, p->s + at, p->i - at);
        }
        p->i++;
        return (out->s = take(p, &b, &out->len)) != NULL;
    }
    size_t start = p->i;
    while (!at_end(p) && is_name_char(peek(p)))
        advance(p);
    if (p->i == start)
        return syntax(p, "expected a literal");
    out->s = gl_arena_strndup(p->a, p->s + start, p->i - start);
    out->len = p->i - start;
    return out->s ? true : nomem(p);
}

static bool parse_variable(parser *p, gl_mf2_operand *out)
{
    if (!expect(p, '$', "expected a variable (`$name`)"))
        return false;
    out->kind = MF2_VARIABLE;
    return (out->s = parse_name(p, &out->len)) != NULL;
}

/* ---- expressions and markup ---- */

#define PUSH(p, arr, n, item)                                                                \
    do {                                                                                     \
        void *grown_ = gl_arena_grow_array((p)->a, (arr), (n), sizeof *(arr));               \
        if (!grown_)                                                                         \
            return nomem(p);                                                                 \
        (arr) = grown_;                                                                      \
        (arr)[(n)++] = (item);                                                               \
    } while (0)

/* option = identifier o "=" o (literal / variable) */
static bool parse_option(parser *p, gl_mf2_expr *e)
{
    gl_mf2_option o = {0};
    if (!(o.name = parse_identifier(p)))
        return false;
    skip_o(p);
    if (!expect(p, '=', "an option needs `=` and a value"))
        return false;
    skip_o(p);
    if (!at_end(p) && p->s[p->i] == '$' ? !parse_variable(p, &o.value)
                                        : !parse_literal(p, &o.value))
        return false;
    PUSH(p, e->opts, e->nopts, o);
    return true;
}

/* attribute = "@" identifier [o "=" o literal] */
static bool parse_attribute(parser *p, gl_mf2_expr *e)
{
    gl_mf2_option o = {0};
    p->i++;
    if (!(o.name = parse_identifier(p)))
        return false;
    size_t before = p->i;
    skip_o(p);
    if (!at_end(p) && p->s[p->i] == '=') {
        p->i++;
        skip_o(p);
        if (!parse_literal(p, &o.value))
            return false;
    } else {
        p->i = before;
    }
    PUSH(p, e->attrs, e->nattrs, o);
    return true;
}

/* *(s option) *(s attribute) o, up to (not over) the closing `}` or `/}`;
 * options only when the expression has a function or is markup. */
static bool parse_items(parser *p, gl_mf2_expr *e, bool options)
{
    for (;;) {
        bool ws = skip_o(p);
        if (at_end(p))
            return syntax(p, "a placeholder needs its closing `}`");
        char c = p->s[p->i];
        if (c == '}' || c == '/')
            return true;
        if (!ws)
            return syntax(p, "expected whitespace, or `}` to close the placeholder");
        if (c == '@') {
            options = false;
            if (!parse_attribute(p, e))
                return false;
        } else if (options) {
            if (!parse_option(p, e))
                return false;
        } else {
            return syntax(p, "expected an attribute (`@name`) or `}`");
        }
    }
}

static bool parse_function(parser *p, gl_mf2_expr *e)
{
    p->i++; /* ':' */
    return (e->function = parse_identifier(p)) != NULL;
}

/* The placeholder at `{`: an expression or markup. */
static bool parse_placeholder(parser *p, gl_mf2_part *part)
{
    gl_mf2_expr *e = &part->expr;
    e->at = p->i;
    p->i++;
    skip_o(p);
    char c = at_end(p) ? 0 : p->s[p->i];
    if (c == '#' || c == '/') {
        part->kind = c == '#' ? MF2_MARKUP_OPEN : MF2_MARKUP_CLOSE;
        p->i++;
        if (!(e->function = parse_identifier(p)) || !parse_items(p, e, true))
            return false;
        if (p->s[p->i] == '/') {
            if (part->kind == MF2_MARKUP_CLOSE)
                return syntax(p, "a closing markup cannot also be standalone");
            part->kind = MF2_MARKUP_STANDALONE;
            p->i++;
        }
        return expect(p, '}', "expected `}` to close the markup");
    }
    part->kind = MF2_EXPR;
    bool has_function = false;
    if (c == ':') {
        has_function = parse_function(p, e);
        if (!has_function)
            return false;
    } else {
        if (c == '$' ? !parse_variable(p, &e->operand) : !parse_literal(p, &e->operand))
            return false;
        size_t before = p->i;
        if (skip_o(p) && !at_end(p) && p->s[p->i] == ':') {
            if (!(has_function = parse_function(p, e)))
                return false;
        } else {
            p->i = before;
        }
    }
    if (!parse_items(p, e, has_function))
        return false;
    return expect(p, '}', "expected `}` to close the placeholder");
}

/* ---- patterns ---- */

static bool push_text(parser *p, gl_mf2_pattern *pat, gl_buf *text)
{
    if (text->len == 0 && !text->oom)
        return true;
    gl_mf2_part part = {.kind = MF2_TEXT};
    if (!(part.text = take(p, text, &part.len)))
        return false;
    *text = (gl_buf){0};
    PUSH(p, pat->parts, pat->nparts, part);
    return true;
}

/* pattern up to the end of the source (simple) or `}}` (quoted). */
static bool parse_pattern(parser *p, gl_mf2_pattern *pat, bool quoted)
{
    gl_buf text = {0};
    for (;;) {
        if (at_end(p)) {
            if (quoted)
                return gl_buf_free(&text), syntax(p, "a quoted pattern needs its closing `}}`");
            break;
        }
        char c = p->s[p->i];
        if (c == '}') {
            if (quoted && p->i + 1 < p->n && p->s[p->i + 1] == '}')
                break;
            return gl_buf_free(&text), syntax(p, "a `}` in text must be escaped as `\\}`");
        }
        if (c == '\0')
            return gl_buf_free(&text), syntax(p, "a message cannot hold U+0000");
        if (c == '\\') {
            if (!parse_escape(p, &text))
                return gl_buf_free(&text), false;
            continue;
        }
        if (c != '{') {
            size_t at = p->i;
            advance(p);
            gl_buf_putn(&text, p->s + at, p->i - at);
            continue;
        }
        if (!push_text(p, pat, &text))
            return false;
        gl_mf2_part part = {0};
        if (!parse_placeholder(p, &part))
            return false;
        PUSH(p, pat->parts, pat->nparts, part);
    }
    return push_text(p, pat, &text);
}

static bool parse_quoted_pattern(parser *p, gl_mf2_pattern *pat)
{
    if (p->i + 1 >= p->n || p->s[p->i] != '{' || p->s[p->i + 1] != '{')
        return syntax(p, "expected a quoted pattern `{{...}}`");
    p->i += 2;
    if (!parse_pattern(p, pat, true))
        return false;
    p->i += 2;
    return true;
}

/* ---- complex messages ---- */

static bool keyword(parser *p, const char *kw)
{
    size_t n = strlen(kw);
    if (p->n - p->i < n || memcmp(p->s + p->i, kw, n) != 0)
        return false;
    /* `.inputs` is no keyword: what follows must not continue the word */
    if (p->i + n < p->n && is_name_char((unsigned char)p->s[p->i + n]) &&
        (unsigned char)p->s[p->i + n] < 0x80)
        return false;
    p->i += n;
    return true;
}

static bool parse_declaration(parser *p, gl_mf2 *m)
{
    gl_mf2_decl d = {0};
    gl_mf2_part part = {0};
    if (keyword(p, ".input")) {
        d.input = true;
        skip_o(p);
        if (at_end(p) || p->s[p->i] != '{')
            return syntax(p, ".input needs a variable expression `{$name ...}`");
        size_t at = p->i;
        if (!parse_placeholder(p, &part))
            return false;
        if (part.kind != MF2_EXPR || part.expr.operand.kind != MF2_VARIABLE) {
            p->i = at;
            return syntax(p, ".input needs a variable expression `{$name ...}`");
        }
        d.name = part.expr.operand.s;
    } else if (keyword(p, ".local")) {
        if (!skip_o(p))
            return syntax(p, "expected whitespace after .local");
        gl_mf2_operand v;
        if (!parse_variable(p, &v))
            return false;
        d.name = v.s;
        skip_o(p);
        if (!expect(p, '=', "expected `=` after the .local's variable"))
            return false;
        skip_o(p);
        if (at_end(p) || p->s[p->i] != '{')
            return syntax(p, ".local needs an expression `{...}`");
        size_t at = p->i;
        if (!parse_placeholder(p, &part))
            return false;
        if (part.kind != MF2_EXPR) {
            p->i = at;
            return syntax(p, ".local needs an expression, not markup");
        }
    } else {
        return syntax(p, "expected .input, .local, .match or a quoted pattern");
    }
    d.expr = part.expr;
    PUSH(p, m->decls, m->ndecls, d);
    return true;
}

static bool parse_key(parser *p, gl_mf2_key *k)
{
    if (!at_end(p) && p->s[p->i] == '*') {
        p->i++;
        k->s = NULL;
        return true;
    }
    gl_mf2_operand lit;
    if (!parse_literal(p, &lit))
        return false;
    k->s = nfc(p, lit.s, lit.len, &k->len);
    return k->s ? true : nomem(p);
}

static bool parse_variant(parser *p, gl_mf2 *m)
{
    gl_mf2_variant v = {.at = p->i};
    size_t nkeys = 0; /* checked against the selectors with the data model */
    for (;;) {
        gl_mf2_key k;
        if (!parse_key(p, &k))
            return false;
        PUSH(p, v.keys, nkeys, k);
        bool ws = skip_o(p);
        if (!at_end(p) && p->s[p->i] == '{')
            break;
        if (!ws)
            return syntax(p, "expected whitespace between variant keys");
    }
    v.nkeys = nkeys;
    if (!parse_quoted_pattern(p, &v.pattern))
        return false;
    PUSH(p, m->variants, m->nvariants, v);
    return true;
}

static bool parse_matcher(parser *p, gl_mf2 *m)
{
    bool ws = skip_o(p);
    while (ws && !at_end(p) && p->s[p->i] == '$') {
        gl_mf2_operand v;
        size_t at = p->i, n = m->nsels;
        if (!parse_variable(p, &v))
            return false;
        PUSH(p, m->selector_at, n, at);
        PUSH(p, m->selectors, m->nsels, v.s);
        ws = skip_o(p);
    }
    if (m->nsels == 0)
        return syntax(p, ".match needs at least one selector `$name`");
    if (!ws)
        return syntax(p, "expected whitespace after the selectors");
    if (at_end(p))
        return syntax(p, ".match needs variants");
    do {
        if (!parse_variant(p, m))
            return false;
        skip_o(p);
    } while (!at_end(p));
    return true;
}

static bool parse_complex(parser *p, gl_mf2 *m)
{
    for (;;) {
        skip_o(p);
        if (at_end(p))
            return syntax(p, "a message with declarations needs a body");
        if (p->s[p->i] == '{')
            break;
        if (keyword(p, ".match")) {
            size_t before = p->i;
            if (!skip_o(p))
                return syntax(p, "expected whitespace after .match");
            p->i = before;
            return parse_matcher(p, m);
        }
        if (!parse_declaration(p, m))
            return false;
    }
    if (!parse_quoted_pattern(p, &m->pattern))
        return false;
    skip_o(p);
    return at_end(p) ? true : syntax(p, "nothing may follow the quoted pattern");
}

/* ---- entry ---- */

static bool starts_complex(const parser *p)
{
    size_t i = 0;
    parser q = *p;
    skip_o(&q);
    i = q.i;
    if (i >= p->n)
        return false;
    return p->s[i] == '.' || (p->s[i] == '{' && i + 1 < p->n && p->s[i + 1] == '{');
}

gl_mf2_parse_status gl_mf2_parse(gl_arena *a, const char *src, size_t len, gl_mf2 **out,
                                 gl_mf2_problem *why)
{
    parser p = {.a = a, .s = src, .n = len, .why = why, .status = MF2_OK};
    if (!gl_utf8_valid(src, len)) {
        fail_at(&p, MF2_SYNTAX, "syntax-error", 0, "syntax-error: %s", "the text is not UTF-8");
        return p.status;
    }
    gl_mf2 *m = gl_arena_alloc(a, sizeof *m);
    if (!m)
        return MF2_NOMEM;
    memset(m, 0, sizeof *m);
    m->src = src;
    bool ok = starts_complex(&p) ? parse_complex(&p, m) : parse_pattern(&p, &m->pattern, false);
    if (!ok)
        return p.status == MF2_OK ? MF2_NOMEM : p.status;
    gl_mf2_parse_status st = gl_mf2_check(a, m, why);
    if (st != MF2_OK)
        return st;
    *out = m;
    return MF2_OK;
}
