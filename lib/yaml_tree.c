#include "yaml_tree.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "limits.h"
#include "yaml_strict.h"

typedef struct frame {
    ynode *node;
    ynode *first, *last;
    size_t count;
} frame;

typedef struct loader {
    const char *file;
    gl_arena *arena;
    gl_diag *d;
    const gl_limits *limits;
    frame stack[GL_HARD_MAX_YAML_DEPTH + 1];
    size_t depth;
    ynode *root;
    unsigned documents;
    yaml_strict strict;
    size_t seen_line, seen_at; /* a line of the file and the byte it starts at */
    /* Schema findings held back until the whole file has parsed: a YAML
     * syntax error anywhere in the file is the first thing to report. */
    struct {
        glocal_status status;
        yaml_mark_t mark;
        const char *message;
    } pending[32];
    size_t npending;
} loader;

static bool report(loader *L, gl_rule rule, glocal_status st, yaml_mark_t m, const char *fmt,
                   const char *what)
{
    return gl_report(L->d, rule, st, L->file, (unsigned)m.line + 1, (unsigned)m.column + 1, NULL,
                     NULL, fmt, what);
}

/* A schema finding about the file's YAML (anchors, tags, documents), kept
 * until parsing ends.  Never asks the caller to stop. */
static bool defer(loader *L, glocal_status st, yaml_mark_t m, const char *fmt, const char *what)
{
    if (L->npending == sizeof L->pending / sizeof L->pending[0])
        return false;
    gl_buf b = {0};
    gl_buf_printf(&b, fmt, what);
    const char *msg = b.oom ? NULL : gl_arena_strdup(L->arena, b.p);
    gl_buf_free(&b);
    if (!msg) {
        gl_report_fatal(L->d, GLOCAL_ERR_NOMEM, L->file, "out of memory");
        return false;
    }
    L->pending[L->npending].status = st;
    L->pending[L->npending].mark = m;
    L->pending[L->npending].message = msg;
    L->npending++;
    return false;
}

static void flush_deferred(loader *L)
{
    for (size_t i = 0; i < L->npending && !L->d->stop; i++)
        report(L, R_SCHEMA, L->pending[i].status, L->pending[i].mark, "%s", L->pending[i].message);
}

/* The indentation of a literal block's first non-empty line, after the
 * line (0-based) of its `|`: where its template's positions are.  Blocks
 * come in file order, so the scan goes on from the last one. */
static unsigned block_indent(loader *L, size_t line)
{
    const char *buf = L->strict.buf;
    size_t i = L->seen_at, len = L->strict.len;
    for (; L->seen_line <= line && i < len; i++)
        if (buf[i] == '\n') {
            L->seen_line++;
            L->seen_at = i + 1;
        }
    for (unsigned n = 0; i < len; i++) {
        if (buf[i] == ' ')
            n++;
        else if (buf[i] == '\n')
            n = 0;
        else
            return n;
    }
    return 0;
}

static ynode *new_node(loader *L, yn_kind kind, yaml_mark_t m)
{
    ynode *n = gl_arena_alloc(L->arena, sizeof(*n));
    if (!n) {
        gl_report_fatal(L->d, GLOCAL_ERR_NOMEM, L->file, "out of memory");
        return NULL;
    }
    memset(n, 0, sizeof(*n));
    n->kind = kind;
    n->line = (unsigned)m.line + 1;
    n->col = (unsigned)m.column + 1;
    return n;
}

static bool check_duplicate_keys(loader *L, ynode *map)
{
    gl_map seen = {0};
    bool stop = false;
    size_t kept = 0;
    for (size_t i = 0; i < map->n && !stop; i++) {
        ynode *k = map->items[2 * i];
        uint32_t first;
        if (gl_map_get(&seen, k->str, &first)) {
            const ynode *fk = map->items[2 * first];
            stop = gl_report(L->d, R_DUPLICATE_KEY, GLOCAL_OK, L->file, k->line, k->col, NULL,
                             NULL, "key `%s` is repeated (first at line %u, column %u); "
                             "remove one of them", k->str, fk->line, fk->col);
            continue;
        }
        if (!gl_map_put(&seen, k->str, (uint32_t)kept)) {
            stop = gl_report_fatal(L->d, GLOCAL_ERR_NOMEM, L->file, "out of memory");
            break;
        }
        map->items[2 * kept] = k;
        map->items[2 * kept + 1] = map->items[2 * i + 1];
        kept++;
    }
    map->n = kept;
    gl_map_free(&seen);
    return !stop;
}

/* Moves a finished collection's children from its list into an array. */
static bool close_frame(loader *L, frame *f)
{
    ynode *node = f->node;
    ynode **items = gl_arena_alloc(L->arena, (f->count ? f->count : 1) * sizeof(ynode *));
    if (!items)
        return !gl_report_fatal(L->d, GLOCAL_ERR_NOMEM, L->file, "out of memory");
    size_t i = 0;
    for (ynode *c = f->first; c; c = c->next)
        items[i++] = c;
    node->items = items;
    if (node->kind == YN_MAP) {
        node->n = f->count / 2;
        return check_duplicate_keys(L, node);
    }
    node->n = f->count;
    return true;
}

static bool attach(loader *L, ynode *n, yaml_mark_t m)
{
    if (L->depth == 0) {
        if (!L->root) /* a refused second document must not replace the first */
            L->root = n;
        return true;
    }
    frame *f = &L->stack[L->depth - 1];
    bool is_key = f->node->kind == YN_MAP && f->count % 2 == 0;
    if (is_key && n->kind != YN_SCALAR) {
        if (defer(L, GLOCAL_OK, m, "%s", "a mapping key must be a plain string"))
            return false;
        n = new_node(L, YN_SCALAR, m);
        if (!n)
            return false;
        n->str = "";
    }
    if (f->last)
        f->last->next = n;
    else
        f->first = n;
    f->last = n;
    f->count++;
    return true;
}

/* libyaml gives a tag only where one is written, even the non-specific `!`. */
static bool refuse_decorations(loader *L, const yaml_event_t *ev, const yaml_char_t *anchor,
                               const yaml_char_t *tag)
{
    if (anchor &&
        defer(L, GLOCAL_OK, ev->start_mark,
               "anchor `&%s`: bundles may not use anchors or aliases; write the value out",
               (const char *)anchor))
        return false;
    if (tag &&
        defer(L, GLOCAL_OK, ev->start_mark,
               "tag `%s`: bundles are plain data and may not use YAML tags", (const char *)tag))
        return false;
    return true;
}

static bool on_scalar(loader *L, const yaml_event_t *ev)
{
    if (!refuse_decorations(L, ev, ev->data.scalar.anchor, ev->data.scalar.tag))
        return false;
    bool too_long = ev->data.scalar.length > GL_LIMIT(L->limits, SCALAR_BYTES);
    if (too_long) {
        char limit[32];
        snprintf(limit, sizeof limit, "%llu",
                 (unsigned long long)GL_LIMIT(L->limits, SCALAR_BYTES));
        if (defer(L, GLOCAL_ERR_LIMIT, ev->start_mark,
                  "a scalar longer than the limit of %s bytes", limit))
            return false;
    }
    ynode *n = new_node(L, YN_SCALAR, ev->start_mark);
    if (!n)
        return false;
    n->quoted = ev->data.scalar.style == YAML_SINGLE_QUOTED_SCALAR_STYLE ||
                ev->data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE;
    if (ev->data.scalar.style == YAML_LITERAL_SCALAR_STYLE)
        n->block_indent = block_indent(L, ev->start_mark.line);
    /* lint goes on after the finding: with the text left out, never with the whole of it */
    n->len = too_long ? 0 : ev->data.scalar.length;
    n->str = gl_arena_text(L->arena, (const char *)ev->data.scalar.value, n->len);
    if (!n->str)
        return !gl_report_fatal(L->d, GLOCAL_ERR_NOMEM, L->file, "out of memory");
    if (memchr(n->str, '\0', n->len) &&
        defer(L, GLOCAL_OK, ev->start_mark, "%s", "a NUL character in a scalar"))
        return false;
    return attach(L, n, ev->start_mark);
}

static bool on_open(loader *L, const yaml_event_t *ev, yn_kind kind)
{
    const yaml_char_t *anchor = kind == YN_MAP ? ev->data.mapping_start.anchor
                                               : ev->data.sequence_start.anchor;
    const yaml_char_t *tag = kind == YN_MAP ? ev->data.mapping_start.tag
                                            : ev->data.sequence_start.tag;
    if (!refuse_decorations(L, ev, anchor, tag))
        return false;
    if (L->depth == GL_LIMIT(L->limits, YAML_DEPTH)) {
        /* Stop here: libyaml's time grows with the square of flow depth. */
        char limit[32];
        snprintf(limit, sizeof limit, "%llu", (unsigned long long)L->depth);
        report(L, R_SCHEMA, GLOCAL_ERR_LIMIT, ev->start_mark,
               "nesting deeper than the limit of %s levels", limit);
        return false;
    }
    ynode *n = new_node(L, kind, ev->start_mark);
    if (!n || !attach(L, n, ev->start_mark))
        return false;
    L->stack[L->depth++] = (frame){n, NULL, NULL, 0};
    return true;
}

static bool on_event(loader *L, const yaml_event_t *ev)
{
    yaml_mark_t where;
    const char *invalid = gl_yaml_strict_event(&L->strict, ev, &where);
    if (invalid) {
        report(L, R_YAML_SYNTAX, GLOCAL_OK, where, "YAML does not parse: %s", invalid);
        return false;
    }
    switch (ev->type) {
    case YAML_DOCUMENT_START_EVENT:
        if (++L->documents == 2)
            return !defer(L, GLOCAL_OK, ev->start_mark, "%s",
                           "a second YAML document: a bundle is exactly one document");
        return true;
    case YAML_ALIAS_EVENT:
        if (defer(L, GLOCAL_OK, ev->start_mark,
                   "alias `*%s`: bundles may not use anchors or aliases; write the value out",
                   (const char *)ev->data.alias.anchor))
            return false;
        {
            ynode *n = new_node(L, YN_SCALAR, ev->start_mark);
            if (!n)
                return false;
            n->str = "";
            return attach(L, n, ev->start_mark);
        }
    case YAML_SCALAR_EVENT:
        return on_scalar(L, ev);
    case YAML_MAPPING_START_EVENT:
        return on_open(L, ev, YN_MAP);
    case YAML_SEQUENCE_START_EVENT:
        return on_open(L, ev, YN_SEQ);
    case YAML_MAPPING_END_EVENT:
    case YAML_SEQUENCE_END_EVENT:
        return close_frame(L, &L->stack[--L->depth]);
    default:
        return true;
    }
}

/* Reader errors (bad UTF-8, NUL) carry a byte offset but no mark. */
static yaml_mark_t mark_at_offset(const char *buf, size_t len, size_t offset)
{
    yaml_mark_t m = {offset, 0, 0};
    for (size_t i = 0; i < offset && i < len; i++) {
        if (buf[i] == '\n') {
            m.line++;
            m.column = 0;
        } else if (((unsigned char)buf[i] & 0xC0) != 0x80) {
            m.column++;
        }
    }
    return m;
}

static void report_parse_error(loader *L, const yaml_parser_t *p, const char *buf, size_t len)
{
    if (p->error == YAML_MEMORY_ERROR) {
        gl_report_fatal(L->d, GLOCAL_ERR_NOMEM, L->file, "out of memory");
        return;
    }
    yaml_mark_t m = p->problem_mark;
    if (p->error == YAML_READER_ERROR) {
        size_t at = p->problem_offset;
        /* libyaml names the bad trailing byte; the character starts at its lead byte */
        if (p->problem && strstr(p->problem, "trailing") && at > 0 && at <= len)
            for (at--; at > 0 && ((unsigned char)buf[at] & 0xC0) == 0x80; at--)
                ;
        m = mark_at_offset(buf, len, at);
    } else if (m.line > mark_at_offset(buf, len, len).line) {
        /* libyaml ends a stream that lacks a final line break on a line of its own */
        m = mark_at_offset(buf, len, len);
    }
    char what[256];
    if (p->context)
        snprintf(what, sizeof what, "%s %s (from line %zu, column %zu)",
                 p->problem ? p->problem : "syntax error", p->context,
                 p->context_mark.line + 1, p->context_mark.column + 1);
    else
        snprintf(what, sizeof what, "%s", p->problem ? p->problem : "syntax error");
    report(L, R_YAML_SYNTAX, GLOCAL_OK, m, "YAML does not parse: %s", what);
}

ynode *gl_yaml_load(const char *buf, size_t len, const char *file, const gl_limits *limits,
                    gl_arena *arena, gl_diag *d, bool *ok)
{
    loader L = {.file = file, .arena = arena, .d = d, .limits = limits};
    *ok = false;
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser)) {
        gl_report_fatal(d, GLOCAL_ERR_NOMEM, file, "out of memory");
        return NULL;
    }
    yaml_parser_set_input_string(&parser, (const unsigned char *)buf, len);
    L.strict.buf = buf;
    L.strict.len = len;
    bool good = true, done = false;
    while (good && !done) {
        yaml_event_t ev;
        if (!yaml_parser_parse(&parser, &ev)) {
            report_parse_error(&L, &parser, buf, len);
            good = false;
            break;
        }
        done = ev.type == YAML_STREAM_END_EVENT;
        good = on_event(&L, &ev);
        yaml_event_delete(&ev);
    }
    yaml_mark_t where;
    const char *invalid = good && done ? gl_yaml_strict_finish(&L.strict, &where) : NULL;
    if (invalid) {
        report(&L, R_YAML_SYNTAX, GLOCAL_OK, where, "YAML does not parse: %s", invalid);
        good = false;
    }
    if (L.strict.oom)
        good = !gl_report_fatal(d, GLOCAL_ERR_NOMEM, file, "out of memory");
    if (good && done)
        flush_deferred(&L);
    gl_yaml_strict_free(&L.strict);
    yaml_parser_delete(&parser);
    *ok = good && done && !d->stop && !d->fatal;
    return *ok ? L.root : NULL;
}

const ynode *gl_yaml_get(const ynode *map, const char *key)
{
    if (!map || map->kind != YN_MAP)
        return NULL;
    for (size_t i = 0; i < map->n; i++)
        if (strcmp(map->items[2 * i]->str, key) == 0)
            return map->items[2 * i + 1];
    return NULL;
}
