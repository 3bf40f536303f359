#include "yaml_strict.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static void add_span(yaml_strict *s, size_t start, size_t end)
{
    if (s->nspans == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 64;
        yaml_span *p = realloc(s->spans, cap * sizeof(*p));
        if (!p) {
            s->oom = true;
            return;
        }
        s->spans = p;
        s->cap = cap;
    }
    s->spans[s->nspans++] = (yaml_span){start, end};
}

static yaml_mark_t mark_of(const yaml_strict *s, size_t index)
{
    yaml_mark_t m = {index, 0, 0};
    for (size_t i = 0; i < index && i < s->len; i++) {
        if (s->buf[i] == '\n') {
            m.line++;
            m.column = 0;
        } else if (((unsigned char)s->buf[i] & 0xC0) != 0x80) {
            m.column++;
        }
    }
    return m;
}

/* The byte offset of a character index (libyaml marks count characters). */
static size_t byte_of(yaml_strict *s, size_t chars)
{
    if (chars < s->cur_char)
        s->cur_char = s->cur_byte = 0;
    while (s->cur_char < chars && s->cur_byte < s->len) {
        s->cur_byte++;
        while (s->cur_byte < s->len && ((unsigned char)s->buf[s->cur_byte] & 0xC0) == 0x80)
            s->cur_byte++;
        s->cur_char++;
    }
    return s->cur_byte;
}

/* The indentation a continuation line inside [start, end) must exceed. */
static long parent_indent(const yaml_strict *s)
{
    for (size_t i = s->depth; i-- > 0;)
        if (!s->flow[i])
            return s->block_col[i];
    return -1;
}

/* Lines after the first of a multi-line flow scalar or flow collection must
 * be indented (with spaces) deeper than the enclosing block collection. */
static const char *check_continuation(yaml_strict *s, const yaml_event_t *ev,
                                      yaml_mark_t *where)
{
    long n = parent_indent(s);
    if (n < 0 || ev->end_mark.line == ev->start_mark.line)
        return NULL;
    size_t from = byte_of(s, ev->start_mark.index), to = byte_of(s, ev->end_mark.index);
    for (size_t i = from; i < to && i < s->len; i++) {
        if (s->buf[i] != '\n')
            continue;
        size_t j = i + 1;
        while (j < s->len && s->buf[j] == ' ')
            j++;
        if (j >= to || j >= s->len)
            break;
        char c = s->buf[j];
        bool blank = c == '\n' || c == '\r' || (c == '\t' && j + 1 < s->len &&
                                                (s->buf[j + 1] == '\n' || s->buf[j + 1] == '\r'));
        if (!blank && c != '#' && (long)(j - i - 1) <= n) {
            *where = mark_of(s, j);
            return c == '\t' ? "a tab where indentation is required"
                             : "a continuation line that is not indented deeper than its parent";
        }
    }
    return NULL;
}

static const char *check_scalar(yaml_strict *s, const yaml_event_t *ev, yaml_mark_t *where)
{
    const char *v = (const char *)ev->data.scalar.value;
    size_t start = ev->start_mark.index;
    if (ev->data.scalar.style == YAML_LITERAL_SCALAR_STYLE ||
        ev->data.scalar.style == YAML_FOLDED_SCALAR_STYLE) {
        /* The header line (`>`, `|-`) may carry a comment; the content may not. */
        size_t b = byte_of(s, start);
        while (b < s->len && s->buf[b] != '\n')
            b++, start++;
        add_span(s, start, ev->end_mark.index);
        return NULL;
    }
    add_span(s, start, ev->end_mark.index);
    if (ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE && strchr("-?:", v[0]) && v[0] &&
        (v[1] == '\0' || v[1] == ' ')) {
        *where = ev->start_mark;
        return "a plain scalar may not start with an indicator followed by a space";
    }
    return check_continuation(s, ev, where);
}

static void push(yaml_strict *s, const yaml_event_t *ev, bool flow)
{
    if (s->depth < GL_HARD_MAX_YAML_DEPTH + 2) {
        s->flow[s->depth] = flow;
        s->block_col[s->depth] = (long)ev->start_mark.column;
        s->start[s->depth] = ev->start_mark;
        s->depth++;
    }
}

const char *gl_yaml_strict_event(yaml_strict *s, const yaml_event_t *ev, yaml_mark_t *where)
{
    switch (ev->type) {
    case YAML_DOCUMENT_START_EVENT: {
        bool directives = ev->data.document_start.version_directive ||
                          ev->data.document_start.tag_directives.start !=
                              ev->data.document_start.tag_directives.end;
        if (s->documents++ && directives && s->implicit_end) {
            *where = ev->start_mark;
            return "a directive after a document that did not end with `...`";
        }
        return NULL;
    }
    case YAML_DOCUMENT_END_EVENT:
        s->implicit_end = ev->data.document_end.implicit;
        return NULL;
    case YAML_SCALAR_EVENT:
        return check_scalar(s, ev, where);
    case YAML_SEQUENCE_START_EVENT:
    case YAML_MAPPING_START_EVENT: {
        bool flow = ev->type == YAML_SEQUENCE_START_EVENT
                        ? ev->data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE
                        : ev->data.mapping_start.style == YAML_FLOW_MAPPING_STYLE;
        push(s, ev, flow);
        return NULL;
    }
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT:
        if (s->depth && s->flow[--s->depth] && (s->depth == 0 || !s->flow[s->depth - 1])) {
            /* an outermost flow collection, from its opening bracket to its end */
            yaml_event_t whole = *ev;
            whole.start_mark = s->start[s->depth];
            return check_continuation(s, &whole, where);
        }
        return NULL;
    default:
        return NULL;
    }
}

static bool in_span(const yaml_strict *s, size_t at, size_t *hint)
{
    while (*hint < s->nspans && s->spans[*hint].end <= at)
        (*hint)++;
    return *hint < s->nspans && s->spans[*hint].start <= at;
}

/* Characters (bytes other than UTF-8 continuation bytes) in buf[from, to),
 * eight bytes at a time: a continuation byte has bit 7 set and bit 6 clear. */
static size_t count_chars(const char *buf, size_t from, size_t to)
{
    size_t n = to - from, i = from;
    for (; i + 8 <= to; i += 8) {
        uint64_t w;
        memcpy(&w, buf + i, 8);
        n -= (size_t)__builtin_popcountll(w & ~(w << 1) & 0x8080808080808080ull);
    }
    for (; i < to; i++)
        n -= ((unsigned char)buf[i] & 0xC0) == 0x80;
    return n;
}

/* A `#` outside scalars starts a comment only after white space (or at the
 * start of a line); inside a comment, up to the end of its line, a `#` is
 * text ("see docs/x.md#anchor"). */
const char *gl_yaml_strict_finish(yaml_strict *s, yaml_mark_t *where)
{
    size_t hint = 0, chars = 0, counted = 0; /* chars: characters in buf[0, counted) */
    const char *end = s->buf + s->len;
    for (const char *p = s->len ? memchr(s->buf, '#', s->len) : NULL; p;
         p = p + 1 < end ? memchr(p + 1, '#', (size_t)(end - p - 1)) : NULL) {
        size_t i = (size_t)(p - s->buf);
        chars += count_chars(s->buf, counted, i);
        counted = i;
        if (in_span(s, chars, &hint))
            continue;
        char prev = i ? s->buf[i - 1] : '\n';
        if (prev != ' ' && prev != '\t' && prev != '\n' && prev != '\r') {
            *where = mark_of(s, i);
            return "a comment needs whitespace before `#`";
        }
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        if (!eol)
            break;
        p = eol; /* the rest of the line is the comment's */
    }
    return NULL;
}

void gl_yaml_strict_free(yaml_strict *s)
{
    free(s->spans);
    s->spans = NULL;
}
