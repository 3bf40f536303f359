/* Bundles as documents the CLI can change and write back (import, the
 * importers): libyaml's parser builds a tree that keeps key order and each
 * node's style; libyaml's emitter writes it.  The emitter writes no comments:
 * the comment lines at the top of a file are kept verbatim, and the others
 * are reported by yd_warn_lost_comments, never dropped silently. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "bundle_write.h"
#include "cli.h"
#include "strmap.h"
#include "yaml_doc.h"

/* ---- the tree ---- */

static yd_node *new_node(yd_kind kind, int style)
{
    yd_node *n = xcalloc(1, sizeof *n);
    n->kind = kind;
    n->style = style;
    return n;
}

yd_node *yd_scalar(const char *s)
{
    yd_node *n = new_node(YD_SCALAR, YAML_DOUBLE_QUOTED_SCALAR_STYLE);
    n->str = xstrdup(s);
    return n;
}

yd_node *yd_plain(const char *s)
{
    yd_node *n = yd_scalar(s);
    n->style = YAML_ANY_SCALAR_STYLE;
    return n;
}

yd_node *yd_map(bool flow)
{
    return new_node(YD_MAP, flow ? YAML_FLOW_MAPPING_STYLE : YAML_BLOCK_MAPPING_STYLE);
}

yd_node *yd_seq(bool flow)
{
    return new_node(YD_SEQ, flow ? YAML_FLOW_SEQUENCE_STYLE : YAML_BLOCK_SEQUENCE_STYLE);
}

void yd_free(yd_node *n)
{
    if (!n)
        return;
    for (size_t i = 0; i < n->n; i++)
        yd_free(n->items[i]);
    free(n->items);
    free(n->str);
    if (n->index)
        sm_free(n->index);
    free(n->index);
    free(n);
}

static void add_item(yd_node *n, yd_node *item)
{
    if (n->n == n->cap) {
        n->cap = n->cap ? 2 * n->cap : 8;
        n->items = xrealloc(n->items, n->cap * sizeof *n->items);
    }
    n->items[n->n++] = item;
}

size_t yd_len(const yd_node *n)
{
    return n->kind == YD_MAP ? n->n / 2 : n->kind == YD_SEQ ? n->n : 0;
}

/* Maps up to this many pairs are scanned; bigger ones (`messages:` of an
 * import) get an index, so that an import stays linear in its input. */
#define INDEX_FROM 16

#define NO_PAIR SIZE_MAX

/* Adds the pairs appended since the last lookup to map's index; the first
 * of two equal keys wins, as in a scan. */
static void update_index(yd_node *map)
{
    if (!map->index)
        map->index = xcalloc(1, sizeof *map->index);
    for (; map->indexed < map->n / 2; map->indexed++) {
        const yd_node *k = map->items[2 * map->indexed];
        if (k->kind == YD_SCALAR && !sm_get(map->index, k->str, NULL))
            sm_set(map->index, k->str, map->indexed);
    }
}

/* The pair of key in map, NO_PAIR when absent.  The index is a cache: a
 * lookup in a const map may build it. */
static size_t find_pair(const yd_node *map, const char *key)
{
    if (map->n / 2 >= INDEX_FROM) {
        size_t pair;
        update_index((yd_node *)map);
        return sm_get(map->index, key, &pair) ? pair : NO_PAIR;
    }
    for (size_t i = 0; i + 1 < map->n; i += 2)
        if (map->items[i]->kind == YD_SCALAR && strcmp(map->items[i]->str, key) == 0)
            return i / 2;
    return NO_PAIR;
}

yd_node *yd_get(const yd_node *map, const char *key)
{
    if (!map || map->kind != YD_MAP)
        return NULL;
    size_t pair = find_pair(map, key);
    return pair == NO_PAIR ? NULL : map->items[2 * pair + 1];
}

void yd_set(yd_node *map, const char *key, yd_node *val)
{
    size_t pair = find_pair(map, key);
    if (pair != NO_PAIR) {
        yd_free(map->items[2 * pair + 1]);
        map->items[2 * pair + 1] = val;
        return;
    }
    yd_node *k = yd_plain(key);
    k->blank_before = map->n >= 2 && map->items[map->n - 2]->blank_before;
    add_item(map, k);
    add_item(map, val);
}

void yd_push(yd_node *seq, yd_node *val)
{
    add_item(seq, val);
}

bool yd_same(const yd_node *n, const char *text)
{
    return n && n->kind == YD_SCALAR && strcmp(n->str, text) == 0;
}

bool yd_set_variant(yd_node *messages, const char *id, const char *key, const char *text)
{
    yd_node *m = yd_get(messages, id);
    if (!m) {
        yd_set(messages, id, strcmp(key, "other") == 0 ? yd_scalar(text) : yd_map(false));
        m = yd_get(messages, id);
        if (m->kind == YD_SCALAR)
            return true;
    }
    if (m->kind == YD_SCALAR && strcmp(key, "other") == 0) {
        if (yd_same(m, text))
            return false;
        free(m->str);
        m->str = xstrdup(text);
        return true;
    }
    if (m->kind == YD_SCALAR) {
        yd_node *map = yd_map(false);
        yd_set(map, "other", yd_scalar(m->str));
        yd_get(map, "other")->style = m->style;
        yd_set(messages, id, map);
        m = map;
    }
    if (yd_same(yd_get(m, key), text))
        return false;
    yd_set(m, key, yd_scalar(text));
    return true;
}

/* ---- reading ---- */

typedef struct span {
    size_t start, end;       /* character indices of a scalar in the file */
} span;

typedef struct loader {
    yaml_parser_t parser;
    unsigned depth;          /* collections open */
    bool over_limit;
    unsigned last_line;      /* 1-based line where the last scalar ended */
    const char *path;
    char *err;
    size_t errcap;
    span *spans;
    size_t nspans, capspans;
} loader;

/* PATH:LINE:COL, as lint gives it (libyaml counts columns in characters). */
static bool load_fail(loader *l, yaml_mark_t at, const char *what)
{
    snprintf(l->err, l->errcap, "%s:%zu:%zu: %s", l->path, at.line + 1, at.column + 1, what);
    return false;
}

static bool next_event(loader *l, yaml_event_t *ev)
{
    if (yaml_parser_parse(&l->parser, ev)) {
        /* a block collection's end is marked where the next key starts */
        if (ev->type == YAML_SCALAR_EVENT)
            l->last_line = (unsigned)ev->end_mark.line + 1;
        return true;
    }
    char what[256];
    snprintf(what, sizeof what, "YAML that does not parse: %s",
             l->parser.problem ? l->parser.problem : "unknown problem");
    return load_fail(l, l->parser.problem_mark, what);
}

static void add_span(loader *l, const yaml_event_t *ev)
{
    if (l->nspans == l->capspans) {
        l->capspans = l->capspans ? 2 * l->capspans : 64;
        l->spans = xrealloc(l->spans, l->capspans * sizeof *l->spans);
    }
    l->spans[l->nspans++] = (span){ev->start_mark.index, ev->end_mark.index};
}

static yd_node *load_node(loader *l, yaml_event_t *ev);

/* A limit of yaml_doc.h the input goes beyond. */
static bool limit_fail(loader *l, yaml_mark_t at, const char *what, unsigned long limit)
{
    char msg[160];
    snprintf(msg, sizeof msg, "%s the limit of %lu (docs/limits.md)", what, limit);
    l->over_limit = true;
    return load_fail(l, at, msg);
}

/* The entries of a mapping or sequence up to its end event. */
static bool load_items(loader *l, yd_node *n, yaml_event_type_t end)
{
    for (;;) {
        yaml_event_t ev;
        unsigned before = l->last_line;
        if (!next_event(l, &ev))
            return false;
        bool blank = n->kind == YD_MAP && n->n % 2 == 0 && n->n &&
                     ev.start_mark.line + 1 > before + 1;
        if (ev.type == end) {
            yaml_event_delete(&ev);
            return true;
        }
        yd_node *item = load_node(l, &ev);
        if (!item)
            return false;
        item->blank_before = blank;
        add_item(n, item);
    }
}

/* Builds the node that starts with ev (consumed).  The recursion goes no
 * deeper than YD_MAX_DEPTH: the collection that would open one level more
 * stops the reading, before libyaml reads further. */
static yd_node *load_node(loader *l, yaml_event_t *ev)
{
    unsigned line = (unsigned)ev->start_mark.line + 1;
    yd_node *n = NULL;
    bool ok = true;
    bool opens = ev->type == YAML_MAPPING_START_EVENT || ev->type == YAML_SEQUENCE_START_EVENT;
    if (opens && l->depth == YD_MAX_DEPTH) {
        ok = limit_fail(l, ev->start_mark, "nesting deeper than", YD_MAX_DEPTH);
    } else if (ev->type == YAML_SCALAR_EVENT && ev->data.scalar.length > YD_MAX_SCALAR_BYTES) {
        ok = limit_fail(l, ev->start_mark, "a scalar longer than", YD_MAX_SCALAR_BYTES);
    } else if (ev->type == YAML_SCALAR_EVENT && !ev->data.scalar.anchor &&
               !ev->data.scalar.tag) {
        n = new_node(YD_SCALAR, ev->data.scalar.style);
        n->str = xstrndup((const char *)ev->data.scalar.value, ev->data.scalar.length);
        add_span(l, ev);
    } else if (ev->type == YAML_MAPPING_START_EVENT && !ev->data.mapping_start.anchor &&
               !ev->data.mapping_start.tag) {
        n = new_node(YD_MAP, ev->data.mapping_start.style);
        l->depth++;
        ok = load_items(l, n, YAML_MAPPING_END_EVENT);
        l->depth--;
    } else if (ev->type == YAML_SEQUENCE_START_EVENT && !ev->data.sequence_start.anchor &&
               !ev->data.sequence_start.tag) {
        n = new_node(YD_SEQ, ev->data.sequence_start.style);
        l->depth++;
        ok = load_items(l, n, YAML_SEQUENCE_END_EVENT);
        l->depth--;
    } else {
        ok = load_fail(l, ev->start_mark, "anchors, aliases and tags are not allowed in a "
                       "bundle");
    }
    yaml_event_delete(ev);
    if (!ok) {
        yd_free(n);
        return NULL;
    }
    n->line = line;
    return n;
}

static const char not_a_bundle[] =
    "a bundle is a mapping with `glocal: 1`, `locale:` and `messages:`";

/* Stream start, document start, the root (a mapping), document end, stream end. */
static yd_node *load_stream(loader *l)
{
    yaml_event_t ev;
    yd_node *root = NULL;
    for (int step = 0; step < 2; step++) {
        if (!next_event(l, &ev))
            return NULL;
        yaml_event_delete(&ev);
    }
    if (!next_event(l, &ev))
        return NULL;
    if (ev.type != YAML_MAPPING_START_EVENT) { /* also an empty file: no document at all */
        load_fail(l, ev.start_mark, not_a_bundle);
        yaml_event_delete(&ev);
        return NULL;
    }
    if (!(root = load_node(l, &ev)))
        return NULL;
    if (!next_event(l, &ev)) /* document end */
        return yd_free(root), NULL;
    yaml_event_delete(&ev);
    if (!next_event(l, &ev))
        return yd_free(root), NULL;
    bool more = ev.type != YAML_STREAM_END_EVENT;
    if (more)
        load_fail(l, ev.start_mark, "a bundle holds one YAML document");
    yaml_event_delete(&ev);
    if (more)
        return yd_free(root), NULL;
    return root;
}

/* Finds the comments: a `#` outside every scalar, at the start of a line
 * or after a space.  Comment lines before the first content line form the
 * header, kept verbatim; the lines of the others go to f->lost. */
static void find_comments(const char *text, const loader *l, yd_file *f)
{
    size_t ci = 0, si = 0, header_end = 0;
    unsigned line = 1;
    bool content_seen = false, line_has_content = false;
    const char *p = text;
    char prev = '\n';
    size_t cap = 0;
    while (*p) {
        while (si < l->nspans && l->spans[si].end <= ci)
            si++;
        bool in_scalar = si < l->nspans && l->spans[si].start <= ci;
        if (*p == '\n') {
            if (!content_seen && !line_has_content)
                header_end = (size_t)(p + 1 - text);
            content_seen = content_seen || line_has_content;
            line_has_content = false;
            line++;
        } else if (*p == '#' && !in_scalar && (prev == ' ' || prev == '\t' || prev == '\n')) {
            if (content_seen || line_has_content) {
                if (f->nlost == cap)
                    f->lost = xrealloc(f->lost, (cap = cap ? 2 * cap : 16) * sizeof(unsigned));
                f->lost[f->nlost++] = line;
            }
            while (p[1] && p[1] != '\n') /* the rest of the line is the comment */
                p++, ci += (((unsigned char)*p & 0xC0) != 0x80);
        } else if (*p != ' ' && *p != '\t' && *p != '\r') {
            line_has_content = true;
        }
        prev = *p;
        ci += (((unsigned char)*p & 0xC0) != 0x80);
        p++;
    }
    f->header = xstrndup(text, header_end);
}

char *yd_read_file(const char *path, size_t *len, bool *too_big, char *err, size_t errcap)
{
    FILE *f = fopen(path, "rb");
    strbuf b = {0};
    char chunk[8192];
    size_t n;
    *too_big = false;
    if (!f) {
        snprintf(err, errcap, "cannot read %s: %s", path, strerror(errno));
        return NULL;
    }
    while (!*too_big && (n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        sb_putn(&b, chunk, n);
        *too_big = b.len > YD_MAX_FILE_BYTES;
    }
    bool bad = ferror(f);
    fclose(f);
    if (bad || *too_big) {
        sb_free(&b);
        if (*too_big)
            snprintf(err, errcap, "%s: larger than the limit of %u bytes (docs/limits.md)",
                     path, YD_MAX_FILE_BYTES);
        else
            snprintf(err, errcap, "cannot read %s", path);
        return NULL;
    }
    *len = b.len;
    return sb_take(&b);
}

bool yd_load(const char *path, yd_file *out, char *err, size_t errcap)
{
    size_t len;
    bool too_big;
    memset(out, 0, sizeof *out);
    char *text = yd_read_file(path, &len, &too_big, err, errcap);
    if (!text) {
        out->over_limit = too_big;
        return false;
    }
    loader l = {.path = path, .err = err, .errcap = errcap};
    if (!yaml_parser_initialize(&l.parser)) {
        free(text);
        snprintf(err, errcap, "out of memory");
        return false;
    }
    yaml_parser_set_input_string(&l.parser, (const unsigned char *)text, len);
    out->root = load_stream(&l);
    out->over_limit = l.over_limit;
    yaml_parser_delete(&l.parser);
    if (out->root)
        find_comments(text, &l, out);
    free(l.spans);
    free(text);
    return out->root != NULL;
}

/* Where a writer would have to replace what it cannot read: `messages:` or
 * `terms:` that is not a mapping, a message that is neither text nor a
 * mapping of variants. */
static const yd_node *misshapen(const yd_node *root, const char **what)
{
    for (int s = 0; s < 2; s++) {
        const yd_node *m = yd_get(root, s ? "terms" : "messages");
        *what = s ? "`terms:` is not a mapping" : "`messages:` is not a mapping";
        if (m && m->kind != YD_MAP)
            return m;
        *what = "a message is text or a mapping of variants";
        for (size_t i = 1; !s && m && i < m->n; i += 2)
            if (m->items[i]->kind == YD_SEQ)
                return m->items[i];
    }
    return NULL;
}

bool yd_writable(const yd_file *f, const char *path, char *err, size_t errcap)
{
    const char *what;
    const yd_node *bad = misshapen(f->root, &what);
    if (bad)
        snprintf(err, errcap, "%s:%u: %s", path, bad->line, what);
    return !bad;
}

void yd_file_free(yd_file *f)
{
    yd_free(f->root);
    free(f->header);
    free(f->lost);
    memset(f, 0, sizeof *f);
}

void yd_warn_lost_comments(const char *cmd, const char *path, const yd_file *f)
{
    if (!f->nlost)
        return;
    fprintf(stderr, "glocal %s: warning: %s: libyaml's emitter cannot keep comments after the "
            "first key; %zu comment%s dropped (line%s", cmd, path, f->nlost,
            f->nlost == 1 ? " is" : "s are", f->nlost == 1 ? "" : "s");
    for (size_t i = 0; i < f->nlost && i < 10; i++)
        fprintf(stderr, "%s%u", i ? ", " : " ", f->lost[i]);
    fprintf(stderr, "%s); the comment lines at the top of the file are kept\n",
            f->nlost > 10 ? ", ..." : "");
}

/* ---- writing ---- */

static bool emit(yaml_emitter_t *e, yaml_event_t *ev)
{
    return yaml_emitter_emit(e, ev) != 0;
}

/* libyaml escapes every character beyond U+FFFF ("\U0001F44B"), which
 * no one wants in a bundle full of emoji.  Such characters go through the
 * emitter as private-use characters (U+E000 + their index) and come back in
 * the output; a document that has private-use characters of its own keeps
 * the escapes. */
#define PUA_FIRST 0xE000u
#define PUA_COUNT 0x1900u

#define ASTRAL_COUNT 0x100000u /* U+10000 to U+10FFFF */

typedef struct astral {
    uint32_t cp[PUA_COUNT];
    size_t n;
    bool off;
    bool invalid;            /* a scalar is not UTF-8: nothing is written */
    uint16_t *slot;          /* cp - 0x10000 -> its index in cp + 1, 0 none: a
                                lookup per character, not a scan of cp */
} astral;

static void put_utf8(strbuf *b, uint32_t cp)
{
    char u[4];
    int n = cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (cp < 0x80) {
        sb_putc(b, (char)cp);
        return;
    }
    u[0] = (char)(n == 2 ? 0xC0 | (cp >> 6) : n == 3 ? 0xE0 | (cp >> 12) : 0xF0 | (cp >> 18));
    for (int i = 1; i < n; i++)
        u[i] = (char)(0x80 | ((cp >> (6 * (n - 1 - i))) & 0x3F));
    sb_putn(b, u, (size_t)n);
}

static void scan_astral(astral *a, const yd_node *n)
{
    /* utf8_next reads UTF-8 only; a writer that put other bytes in a tree is
     * refused here rather than read past them (found by fuzz-import-gettext) */
    a->invalid = a->invalid || (n->kind == YD_SCALAR && !utf8_valid(n->str, strlen(n->str)));
    for (const char *p = n->str; n->kind == YD_SCALAR && *p && !a->off && !a->invalid;) {
        uint32_t cp = utf8_next(&p);
        if (cp >= PUA_FIRST && cp < 0xF900)
            a->off = true;
        if (cp < 0x10000 || a->slot[cp - 0x10000])
            continue;
        if (a->n == PUA_COUNT)
            a->off = true;
        else
            a->cp[a->n++] = cp, a->slot[cp - 0x10000] = (uint16_t)a->n;
    }
    for (size_t i = 0; i < n->n; i++)
        scan_astral(a, n->items[i]);
}

/* s with its astral characters replaced by their stand-ins (or s). */
static char *mask(const astral *a, const char *s)
{
    strbuf b = {0};
    for (const char *p = s; *p;) {
        uint32_t cp = utf8_next(&p);
        if (cp >= 0x10000 && !a->off && a->slot[cp - 0x10000])
            cp = PUA_FIRST + a->slot[cp - 0x10000] - 1u;
        put_utf8(&b, cp);
    }
    sb_putc(&b, '\0');
    b.len--;
    return sb_take(&b);
}

/* The emitter's output with the stand-ins replaced, appended to b. */
static void unmask(const astral *a, const strbuf *out, strbuf *b)
{
    for (const char *p = out->p ? out->p : ""; *p;) {
        uint32_t cp = utf8_next(&p);
        if (!a->off && cp >= PUA_FIRST && cp < PUA_FIRST + a->n)
            cp = a->cp[cp - PUA_FIRST];
        put_utf8(b, cp);
    }
}

typedef struct emit_ctx {
    yaml_emitter_t e;
    strbuf out;
    astral *astral;
} emit_ctx;

/* An empty line above a map key, written behind the emitter's back when
 * everything before the key has been written; when the emitter still holds
 * events back (to look ahead), the empty line is left out. */
static bool blank_line(emit_ctx *x)
{
    if (x->e.events.head != x->e.events.tail)
        return true;
    bool ok = yaml_emitter_flush(&x->e);
    sb_putc(&x->out, '\n');
    return ok;
}

static bool emit_node(emit_ctx *x, const yd_node *n)
{
    yaml_emitter_t *e = &x->e;
    yaml_event_t ev;
    if (n->kind == YD_SCALAR) {
        char *s = mask(x->astral, n->str);
        yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)s, (int)strlen(s), 1, 1,
                                     (yaml_scalar_style_t)n->style);
        free(s);
        return emit(e, &ev);
    }
    if (n->kind == YD_MAP)
        yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1, (yaml_mapping_style_t)n->style);
    else
        yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1,
                                             (yaml_sequence_style_t)n->style);
    if (!emit(e, &ev))
        return false;
    for (size_t i = 0; i < n->n; i++) {
        bool blank = n->kind == YD_MAP && i % 2 == 0 && i && n->items[i]->blank_before &&
                     n->style != YAML_FLOW_MAPPING_STYLE;
        if ((blank && !blank_line(x)) || !emit_node(x, n->items[i]))
            return false;
    }
    if (n->kind == YD_MAP)
        yaml_mapping_end_event_initialize(&ev);
    else
        yaml_sequence_end_event_initialize(&ev);
    return emit(e, &ev);
}

static int write_buf(void *data, unsigned char *buffer, size_t size)
{
    sb_putn(data, (const char *)buffer, size);
    return 1;
}

static bool emit_document(strbuf *b, const yd_node *root)
{
    emit_ctx x = {.astral = xcalloc(1, sizeof(astral))};
    x.astral->slot = xcalloc(ASTRAL_COUNT, sizeof *x.astral->slot);
    yaml_emitter_t *e = &x.e;
    yaml_event_t ev;
    scan_astral(x.astral, root);
    if (x.astral->invalid || !yaml_emitter_initialize(e)) {
        free(x.astral->slot);
        free(x.astral);
        return false;
    }
    yaml_emitter_set_output(e, write_buf, &x.out);
    yaml_emitter_set_unicode(e, 1);
    yaml_emitter_set_width(e, -1);
    yaml_emitter_set_indent(e, 2);
    yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING);
    bool ok = emit(e, &ev);
    if (ok) {
        yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1);
        ok = emit(e, &ev) && emit_node(&x, root);
    }
    if (ok) {
        yaml_document_end_event_initialize(&ev, 1);
        ok = emit(e, &ev);
    }
    if (ok) {
        yaml_stream_end_event_initialize(&ev);
        ok = emit(e, &ev) && yaml_emitter_flush(e);
    }
    yaml_emitter_delete(e);
    if (ok)
        unmask(x.astral, &x.out, b);
    sb_free(&x.out);
    free(x.astral->slot);
    free(x.astral);
    return ok;
}

bool yd_render(const yd_node *root, const char *header, strbuf *out)
{
    sb_puts(out, header ? header : "");
    return emit_document(out, root);
}
