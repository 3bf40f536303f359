/*
 * MessageFormat 2 templates as parts (glocal_template_parse_mf2 in glocal.h):
 * the message is checked by gl_mf2_parse (grammar and data model), then its
 * source is cut into parts that tile it: text, placeholders, markup, and for
 * a complex message its head, its variants' openings and closings, its tail.
 * The cuts follow the grammar (message.abnf): in a valid message a `{`
 * outside a quoted literal opens a placeholder or a quoted pattern, and a
 * `}` in a pattern closes one.
 */
#include <cstring>
#include <memory>
#include <new>
#include <string>

#include "template_parts.hpp"

extern "C" {
#include "error.h"
#include "mf2.h"
}

namespace {

using Part = TemplatePart;

struct Cutter {
    const std::string &s;
    const gl_mf2 *m;
    std::vector<Part> &out;
    size_t done = 0; /* where the next part's source starts */
};

void add(Cutter &c, glocal_part_kind kind, size_t end, std::string text = std::string(),
         std::string type = std::string())
{
    c.out.push_back(Part{kind, std::move(text), std::move(type), std::string(),
                         c.s.substr(c.done, end - c.done)});
    c.done = end;
}

bool is_space(char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n';
}

/* Past a quoted literal starting at i (its `|`). */
size_t past_quoted(const std::string &s, size_t i)
{
    for (i++; i < s.size() && s[i] != '|'; i++)
        if (s[i] == '\\')
            i++;
    return i + 1;
}

/* Past the placeholder (or expression) whose `{` is at i. */
size_t past_placeholder(const std::string &s, size_t i)
{
    for (i++; i < s.size() && s[i] != '}'; i++)
        if (s[i] == '|')
            i = past_quoted(s, i) - 1;
    return i + 1;
}

/* A literal's value: `|a\|b|` is "a|b", an unquoted one as written. */
std::string literal_value(const std::string &s, size_t &i)
{
    std::string v;
    if (s[i] == '|') {
        for (i++; i < s.size() && s[i] != '|'; i++) {
            if (s[i] == '\\')
                i++;
            v += s[i];
        }
        i++;
        return v;
    }
    while (i < s.size() && !is_space(s[i]) && s[i] != '}' && s[i] != '/')
        v += s[i++];
    return v;
}

/* The length of the bidi mark at i (ALM, LRM, RLM, LRI..PDI), 0 when none:
 * the grammar allows them beside white space and names. */
size_t mark_at(const std::string &s, size_t i)
{
    static const char *const marks[] = {"\xD8\x9C", "\xE2\x80\x8E", "\xE2\x80\x8F",
                                        "\xE2\x81\xA6", "\xE2\x81\xA7", "\xE2\x81\xA8",
                                        "\xE2\x81\xA9"};
    for (const char *mk : marks)
        if (s.compare(i, strlen(mk), mk) == 0)
            return strlen(mk);
    return 0;
}

/* Skips white space (U+3000 too) and bidi marks. */
void skip_space(const std::string &s, size_t &i)
{
    while (i < s.size()) {
        size_t n = is_space(s[i]) ? 1 : s.compare(i, 3, "\xE3\x80\x80") == 0 ? 3 : mark_at(s, i);
        if (!n)
            return;
        i += n;
    }
}

/* The name starting at i (a variable's, a function's), up to white space, a
 * bidi mark or what ends it. */
std::string name_at(const std::string &s, size_t &i, size_t end, const char *stops)
{
    size_t from = i;
    while (i < end && !is_space(s[i]) && !strchr(stops, s[i]) && !mark_at(s, i))
        i++;
    return s.substr(from, i - from);
}

/* A placeholder from its `{` at i: markup, a term, or an expression. */
void placeholder(Cutter &c, size_t i)
{
    const std::string &s = c.s;
    size_t end = past_placeholder(s, i), j = i + 1;
    skip_space(s, j);
    if (s[j] == '#' || s[j] == '/') {
        bool close = s[j] == '/';
        j++;
        std::string markup = name_at(s, j, end - 1, "/}");
        size_t last = end - 2;
        while (last > j && is_space(s[last]))
            last--;
        const char *type = close ? "close" : s[last] == '/' ? "standalone" : "open";
        add(c, GLOCAL_PART_MARKUP, end, markup, type);
        return;
    }
    std::string name;
    bool literal = false;
    if (s[j] == '$') {
        j++;
        name = name_at(s, j, end - 1, "}");
    } else if (s[j] != ':') {
        name = literal_value(s, j);
        literal = true;
    }
    skip_space(s, j);
    std::string function;
    if (s[j] == ':') {
        j++;
        function = name_at(s, j, end - 1, "}@");
    }
    if (literal && function == "glocal:term")
        add(c, GLOCAL_PART_TERM, end, name);
    else
        add(c, GLOCAL_PART_ARGUMENT, end, literal ? std::string() : name, function);
}

/* A pattern from c.done up to its end (the end of src, or the `}}` closing
 * a quoted pattern), as text and placeholders. */
void pattern(Cutter &c)
{
    const std::string &s = c.s;
    std::string text;
    size_t i = c.done;
    while (i < s.size() && s[i] != '}') {
        if (s[i] == '{') {
            if (i > c.done)
                add(c, GLOCAL_PART_TEXT, i, text);
            text.clear();
            placeholder(c, i);
            i = c.done;
            continue;
        }
        if (s[i] == '\\')
            i++;
        text += s[i++];
    }
    if (i > c.done)
        add(c, GLOCAL_PART_TEXT, i, text);
}

/* Where a variant's `{{` is: past its keys, which start at `at`. */
size_t variant_open(const std::string &s, size_t at)
{
    size_t i = at;
    while (i < s.size() && s[i] != '{')
        i = s[i] == '|' ? past_quoted(s, i) : i + 1;
    return i;
}

std::string keys_text(const gl_mf2_variant &v)
{
    std::string keys;
    for (size_t k = 0; k < v.nkeys; k++) {
        if (k)
            keys += ' ';
        keys += v.keys[k].s ? std::string(v.keys[k].s, v.keys[k].len) : "*";
    }
    return keys;
}

/* A quoted pattern whose `{{` is at open: BRANCH, the pattern, BRANCH_END. */
void quoted_pattern(Cutter &c, size_t open, const std::string &keys)
{
    add(c, GLOCAL_PART_BRANCH, open + 2, keys);
    pattern(c);
    add(c, GLOCAL_PART_BRANCH_END, c.done + 2);
}

void complex_message(Cutter &c)
{
    const gl_mf2 *m = c.m;
    const std::string &s = c.s;
    if (m->nsels) {
        std::string names;
        for (size_t i = 0; i < m->nsels; i++)
            names += (i ? " " : "") + std::string(m->selectors[i]);
        add(c, GLOCAL_PART_SELECT, m->variants[0].at, names, "match");
        for (size_t v = 0; v < m->nvariants; v++) {
            size_t open = variant_open(s, m->variants[v].at);
            quoted_pattern(c, open, keys_text(m->variants[v]));
        }
    } else {
        /* the body's `{{` follows the last declaration's expression */
        size_t i = 0;
        if (m->ndecls)
            i = past_placeholder(s, m->decls[m->ndecls - 1].expr.at);
        skip_space(s, i);
        add(c, GLOCAL_PART_SELECT, i, std::string(), "pattern");
        quoted_pattern(c, i, std::string());
    }
    add(c, GLOCAL_PART_SELECT_END, s.size());
}

bool is_complex(const gl_mf2 *m, const std::string &s)
{
    size_t i = 0;
    skip_space(s, i);
    return m->ndecls || m->nsels || s.compare(i, 2, "{{") == 0;
}

glocal_status parse(const char *src, glocal_template **out, glocal_error **err)
{
    gl_arena *a = gl_arena_new();
    if (!a)
        return gl_nomem(err);
    gl_mf2 *m = nullptr;
    gl_mf2_problem why = {};
    size_t len = strlen(src);
    glocal_status st = GLOCAL_OK;
    switch (gl_mf2_parse(a, src, len, &m, &why)) {
    case MF2_OK:
        break;
    case MF2_NOMEM:
        st = gl_nomem(err);
        break;
    default: {
        unsigned col = 1;
        for (size_t i = 0; i < why.at && i < len; i++)
            col += ((unsigned char)src[i] & 0xC0) != 0x80;
        st = gl_fail(err, GLOCAL_ERR_SYNTAX, NULL, 1, col, "%s", why.message);
    }
    }
    if (st == GLOCAL_OK) {
        try {
            std::unique_ptr<glocal_template> t(new glocal_template());
            std::string s(src, len);
            Cutter c{s, m, t->parts};
            if (is_complex(m, s))
                complex_message(c);
            else
                pattern(c);
            *out = t.release();
        } catch (const std::bad_alloc &) {
            st = gl_nomem(err);
        }
    }
    gl_arena_free(a);
    return st;
}

} // namespace

extern "C" glocal_status glocal_template_parse_mf2(const char *src, glocal_template **out,
                                                   glocal_error **err)
{
    if (out)
        *out = nullptr;
    if (!src || !out)
        return gl_fail(err, GLOCAL_ERR_INVALID, NULL, 0, 0,
                       "glocal_template_parse_mf2: a required argument is NULL");
    if (!gl_utf8_valid(src, strlen(src)))
        return gl_fail(err, GLOCAL_ERR_INVALID, NULL, 0, 0,
                       "glocal_template_parse_mf2: the template is not UTF-8");
    return parse(src, out, err);
}
