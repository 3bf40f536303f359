/* A template's reader-visible text for the standards checks, and a source
 * byte's place in its file.  The text is read from the source itself (not
 * from the compiled template) because every byte must lead back to a column:
 * ICU's apostrophe quoting is undone, arguments, terms and # become one
 * U+FFFC each, and each plural/select branch is a part of its own. */
#include "std_text.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_FILE (64u << 20) /* the loader refuses larger bundles anyway */

/* A run of source bytes that belongs to one part, in source order. */
struct gl_text_seg {
    int part;
    uint32_t from, len;       /* len 0: a hole at `from` */
};

typedef struct scan {
    gl_text *t;
    const char *src;
    size_t i, n;
    bool oom;
} scan;

static void *grow(void *p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return p;
    size_t cap2 = *cap ? *cap * 2 : 64;
    while (cap2 < need)
        cap2 *= 2;
    void *q = realloc(p, cap2 * size);
    if (q)
        *cap = cap2;
    return q;
}

static void seg(scan *s, int part, size_t from, size_t len)
{
    gl_text *t = s->t;
    if (len && t->nsegs && t->segs[t->nsegs - 1].part == part && t->segs[t->nsegs - 1].len
        && t->segs[t->nsegs - 1].from + t->segs[t->nsegs - 1].len == from) {
        t->segs[t->nsegs - 1].len += (uint32_t)len;
        return;
    }
    gl_text_seg *g = grow(t->segs, &t->scap, t->nsegs + 1, sizeof(*g));
    if (!g) {
        s->oom = true;
        return;
    }
    t->segs = g;
    t->segs[t->nsegs++] = (gl_text_seg){part, (uint32_t)from, (uint32_t)len};
}

static int new_part(scan *s, int parent)
{
    gl_text *t = s->t;
    gl_text_part *p = grow(t->parts, &t->pcap, t->nparts + 1, sizeof(*p));
    if (!p) {
        s->oom = true;
        return parent;
    }
    t->parts = p;
    t->parts[t->nparts] = (gl_text_part){0, 0, parent};
    return (int)t->nparts++;
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static void skip_space(scan *s)
{
    while (s->i < s->n && is_space(s->src[s->i]))
        s->i++;
}

/* Past the `}` that closes the argument the scan is inside (styles and
 * skeletons, with their quoting). */
static void skip_argument(scan *s)
{
    int depth = 1;
    bool quoted = false;
    for (; s->i < s->n && depth; s->i++) {
        char c = s->src[s->i];
        if (c == '\'')
            quoted = !quoted;
        else if (!quoted && c == '{')
            depth++;
        else if (!quoted && c == '}')
            depth--;
    }
}

static void message(scan *s, int part, bool plural);

/* The branches of a plural or select, up to its closing `}`. */
static void branches(scan *s, int part, bool plural)
{
    while (s->i < s->n && !s->oom) {
        skip_space(s);
        if (s->i >= s->n || s->src[s->i] == '}') {
            s->i++;
            return;
        }
        while (s->i < s->n && !is_space(s->src[s->i]) && s->src[s->i] != '{'
               && s->src[s->i] != '}')
            s->i++; /* the key, or offset:n */
        skip_space(s);
        if (s->i < s->n && s->src[s->i] == '{') {
            s->i++;
            message(s, new_part(s, part), plural);
            s->i++; /* its `}` */
        }
    }
}

/* An argument from its `{`: a hole in the part, and a selector's branches
 * as parts of their own. */
static void argument(scan *s, int part)
{
    size_t open = s->i++;
    seg(s, part, open, 0);
    while (s->i < s->n && s->src[s->i] != ',' && s->src[s->i] != '}')
        s->i++;
    if (s->i >= s->n || s->src[s->i] == '}') {
        s->i++;
        return;
    }
    s->i++;
    skip_space(s);
    size_t type = s->i;
    while (s->i < s->n && !is_space(s->src[s->i]) && s->src[s->i] != ',' && s->src[s->i] != '}')
        s->i++;
    size_t tlen = s->i - type;
    bool plural = (tlen == 6 && memcmp(s->src + type, "plural", 6) == 0)
                  || (tlen == 13 && memcmp(s->src + type, "selectordinal", 13) == 0);
    bool select = tlen == 6 && memcmp(s->src + type, "select", 6) == 0;
    if (!plural && !select) {
        skip_argument(s);
        return;
    }
    skip_space(s);
    if (s->i < s->n && s->src[s->i] == ',')
        s->i++;
    branches(s, part, plural);
}

/* Quoted literal text after an apostrophe that starts quoting. */
static void quoted(scan *s, int part)
{
    for (s->i++; s->i < s->n; s->i++) {
        if (s->src[s->i] != '\'') {
            seg(s, part, s->i, 1);
        } else if (s->i + 1 < s->n && s->src[s->i + 1] == '\'') {
            seg(s, part, s->i++, 1);
        } else {
            s->i++;
            return;
        }
    }
}

/* Text up to the `}` that ends this part (not consumed) or the end. */
static void message(scan *s, int part, bool plural)
{
    while (s->i < s->n && !s->oom) {
        char c = s->src[s->i], next = s->i + 1 < s->n ? s->src[s->i + 1] : '\0';
        if (c == '}') {
            return;
        } else if (c == '{') {
            argument(s, part);
        } else if (c == '#' && plural) {
            seg(s, part, s->i++, 0);
        } else if (c == '\'' && next == '\'') {
            seg(s, part, s->i, 1);
            s->i += 2;
        } else if (c == '\'' && (next == '{' || next == '}' || next == '|'
                                 || (next == '#' && plural))) {
            quoted(s, part);
        } else {
            seg(s, part, s->i++, 1);
        }
    }
}

static bool put(gl_text *t, const char *bytes, size_t n, uint32_t from, bool same_offset)
{
    if (t->len + n + 1 > t->cap) { /* s and src grow together */
        size_t cap = t->cap, cap2 = t->cap;
        char *s = grow(t->s, &cap, t->len + n + 1, 1);
        if (s)
            t->s = s;
        uint32_t *o = s ? grow(t->src, &cap2, t->len + n + 1, sizeof(uint32_t)) : NULL;
        if (!o)
            return false;
        t->src = o;
        t->cap = cap;
    }
    memcpy(t->s + t->len, bytes, n);
    for (size_t k = 0; k < n; k++)
        t->src[t->len + k] = same_offset ? from : from + (uint32_t)k;
    t->len += n;
    return true;
}

/* Each part's segments, in order, into s. */
static bool assemble(gl_text *t, const char *src)
{
    for (size_t p = 0; p < t->nparts; p++) {
        t->parts[p].start = t->len;
        for (size_t k = 0; k < t->nsegs; k++) {
            const gl_text_seg *g = &t->segs[k];
            if (g->part != (int)p)
                continue;
            if (!(g->len ? put(t, src + g->from, g->len, g->from, false)
                         : put(t, GL_TEXT_HOLE, 3, g->from, true)))
                return false;
        }
        t->parts[p].len = t->len - t->parts[p].start;
        if (!put(t, "", 1, 0, true))
            return false;
    }
    return true;
}

bool gl_text_of(gl_text *t, const char *src)
{
    t->len = t->nparts = t->nsegs = 0;
    scan s = {t, src, 0, strlen(src), false};
    new_part(&s, -1);
    while (s.i < s.n && !s.oom) {
        message(&s, 0, false);
        if (s.i < s.n) /* a stray `}` (the loader reported it): text */
            seg(&s, 0, s.i++, 1);
    }
    return !s.oom && assemble(t, src);
}

void gl_text_free(gl_text *t)
{
    free(t->s);
    free(t->src);
    free(t->parts);
    free(t->segs);
    *t = (gl_text){0};
}

/* ---- positions in the file ---- */

/* Where each line starts, so that a finding's position costs no scan from
 * the top of the file (a bundle may have thousands of findings). */
static void index_lines(gl_file_text *f)
{
    size_t n = 1;
    for (size_t p = 0; p < f->len; p++)
        n += f->raw[p] == '\n';
    if (!(f->lines = malloc(n * sizeof(size_t)))) {
        free(f->raw); /* no positions: findings keep their scalar's */
        f->raw = NULL;
        return;
    }
    f->lines[0] = 0;
    f->nlines = 1;
    for (size_t p = 0; p < f->len; p++)
        if (f->raw[p] == '\n')
            f->lines[f->nlines++] = p + 1;
}

void gl_file_text_read(gl_file_text *f, const char *path)
{
    f->tried = true;
    int fd = open(path, O_RDONLY | O_NONBLOCK);
    struct stat st;
    if (fd < 0)
        return;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && (size_t)st.st_size < MAX_FILE
        && (f->raw = malloc((size_t)st.st_size + 1)) != NULL) {
        ssize_t got = read(fd, f->raw, (size_t)st.st_size);
        f->len = got > 0 ? (size_t)got : 0;
        f->raw[f->len] = '\0';
    }
    close(fd);
    if (f->raw)
        index_lines(f);
}

void gl_file_text_free(gl_file_text *f)
{
    free(f->raw);
    free(f->lines);
    *f = (gl_file_text){0};
}

static bool continuation(unsigned char c)
{
    return (c & 0xC0) == 0x80;
}

/* The byte where line/col (1-based, col in code points) starts; len if none. */
static size_t byte_at(const gl_file_text *f, unsigned line, unsigned col)
{
    if (line == 0 || line > f->nlines)
        return f->len;
    size_t p = f->lines[line - 1];
    for (unsigned c = 1; c < col && p < f->len && f->raw[p] != '\n'; c++)
        for (p++; p < f->len && continuation((unsigned char)f->raw[p]); p++) {}
    return p;
}

/* The UTF-8 length of a double-quoted escape's character, and the escape's
 * own length in the file. */
static void escape_lengths(const char *r, size_t *esc, size_t *dec)
{
    static const char hex_len[] = {'x', 2, 'u', 4, 'U', 8};
    *esc = 2;
    *dec = r[1] == 'N' || r[1] == '_' ? 2 : r[1] == 'L' || r[1] == 'P' ? 3 : 1;
    for (int k = 0; k < 6; k += 2)
        if (r[1] == hex_len[k]) {
            char digits[9] = {0};
            for (int h = 0; h < hex_len[k + 1] && r[2 + h]; h++) /* the file ends with a NUL */
                digits[h] = r[2 + h];
            unsigned long cp = strtoul(digits, NULL, 16);
            *esc = 2 + (size_t)hex_len[k + 1];
            *dec = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
        }
}

/* Past a line break and the next line's indentation (at most `indent`
 * columns in a block scalar, all of it otherwise). */
static size_t skip_break(const gl_file_text *f, size_t p, size_t indent)
{
    if (f->raw[p] == '\r')
        p++;
    if (p < f->len && f->raw[p] == '\n')
        p++;
    for (size_t k = 0; p < f->len && (f->raw[p] == ' ' || f->raw[p] == '\t') && k < indent; k++)
        p++;
    return p;
}

/* A block scalar's content: after its header line, past the indentation of
 * its first non-empty line, which *indent receives. */
static size_t block_start(const gl_file_text *f, size_t p, size_t *indent)
{
    while (p < f->len && f->raw[p] != '\n')
        p++;
    p++;
    size_t q = p;
    for (;;) {
        size_t k = 0;
        while (q + k < f->len && f->raw[q + k] == ' ')
            k++;
        if (q + k < f->len && f->raw[q + k] == '\n') {
            q += k + 1;
            continue;
        }
        *indent = k;
        return p + k;
    }
}

static size_t raw_of(const gl_file_text *f, const gl_template *t, size_t off)
{
    size_t p = byte_at(f, t->line, t->col), indent = (size_t)-1, d = 0;
    char style = p < f->len ? f->raw[p] : '\0';
    if (style == '"' || style == '\'')
        p++;
    else if (style == '|' || style == '>')
        p = block_start(f, p, &indent);
    while (d < off && p < f->len) {
        char r = f->raw[p], c = t->src[d];
        if (style == '"' && r == '\\' && (f->raw[p + 1] == '\n' || f->raw[p + 1] == '\r')) {
            p = skip_break(f, p + 1, indent);
        } else if (style == '"' && r == '\\') {
            size_t esc, dec;
            escape_lengths(f->raw + p, &esc, &dec);
            p += esc;
            d += dec;
        } else if (style == '\'' && r == '\'' && f->raw[p + 1] == '\'') {
            p += 2;
            d++;
        } else if (r == '\n' || r == '\r') {
            p = skip_break(f, p, indent);
            d += c == ' ' || c == '\n';
        } else if (r == c) {
            p++;
            d++;
        } else if (r == ' ' || r == '\t') {
            p++; /* white space that folding dropped */
        } else {
            return (size_t)-1;
        }
    }
    return d == off ? p : (size_t)-1;
}

void gl_file_position(const gl_file_text *f, const gl_template *t, size_t off, unsigned *line,
                      unsigned *col)
{
    *line = t->line;
    *col = t->col;
    size_t p = f->raw ? raw_of(f, t, off) : (size_t)-1;
    if (p == (size_t)-1)
        return;
    size_t lo = 0, hi = f->nlines; /* the last line that starts at or before p */
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (f->lines[mid] <= p)
            lo = mid;
        else
            hi = mid;
    }
    unsigned c = 1;
    for (size_t k = f->lines[lo]; k < p; k++)
        c += !continuation((unsigned char)f->raw[k]);
    *line = (unsigned)lo + 1;
    *col = c;
}
