/* MF1 → MF2, one template at a time (mf2_convert.h).  The template is read
 * as the library reads it (glocal_template_parse) into a tree of text,
 * placeholders and selections; each selection gets a selector variable
 * (declared with `.input`, or `.local` when its argument already has another
 * one), and the tree is flattened into one variant per combination of keys,
 * `*` standing for `other` and for a selection the path does not reach.
 * Every choice made here is a row of the converter table in docs/mf2.md. */
#include "mf2_convert.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "glocal.h"

/* How a term is written in MF2: the function docs/mf2.md documents. */
#define TERM_FUNCTION ":glocal:term"

typedef struct node node;

typedef struct seq {
    node *v;
    size_t n, cap;
} seq;

typedef struct branch {
    const char *key;           /* as written: "one", "=0", "other", "male" */
    seq body;
} branch;

typedef enum nkind { N_TEXT, N_ARG, N_TERM, N_POUND, N_SELECT } nkind;

struct node {
    nkind kind;
    size_t part;               /* its part in the parsed template */
    size_t sel;                /* N_SELECT: its selector; N_POUND: the plural it counts */
    branch *b;                 /* N_SELECT: its branches */
    size_t nb;
};

/* A selection's selector: the variable `.match` names and how it is declared. */
typedef struct selector {
    const char *arg;           /* the MF1 argument */
    const char *type;          /* "plural", "selectordinal", "select" */
    long offset;               /* plural offset, 0 when none */
    size_t part;               /* its SELECT part */
    char *var;                 /* the MF2 variable, without `$` */
    bool input;                /* declared by `.input {$arg ...}` (var == arg) */
} selector;

/* One variant being built: a key per selector (NULL: `*`) and its pattern. */
typedef struct variant {
    const char **keys;
    strbuf pat;
} variant;

typedef struct variants {
    variant *v;
    size_t n;
} variants;

typedef struct conv {
    const glocal_template *t;
    seq root;
    selector *sels;
    size_t nsels;
    char *why;
    size_t whycap;
    unsigned col;
    bool failed;
} conv;

static void fail_at(conv *c, size_t part, const char *fmt, ...) SB_PRINTF(3, 4);

/* The 1-based code point column where part begins. */
static unsigned column_of(const conv *c, size_t part)
{
    unsigned col = 1;
    for (size_t i = 0; i < part; i++)
        for (const char *s = glocal_template_part_source(c->t, i); *s; s++)
            col += ((unsigned char)*s & 0xC0) != 0x80;
    return col;
}

static void fail_at(conv *c, size_t part, const char *fmt, ...)
{
    if (c->failed)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->why, c->whycap, fmt, ap);
    va_end(ap);
    c->col = column_of(c, part);
    c->failed = true;
}

/* ---- the tree ---- */

static node *seq_add(seq *s, nkind kind, size_t part)
{
    if (s->n == s->cap) {
        s->cap = s->cap ? 2 * s->cap : 8;
        s->v = xrealloc(s->v, s->cap * sizeof *s->v);
    }
    node *n = &s->v[s->n++];
    memset(n, 0, sizeof *n);
    n->kind = kind;
    n->part = part;
    return n;
}

static void seq_free(seq *s)
{
    for (size_t i = 0; i < s->n; i++) {
        for (size_t j = 0; j < s->v[i].nb; j++)
            seq_free(&s->v[i].b[j].body);
        free(s->v[i].b);
    }
    free(s->v);
}

static size_t add_selector(conv *c, size_t part)
{
    c->sels = xrealloc(c->sels, (c->nsels + 1) * sizeof *c->sels);
    selector *s = &c->sels[c->nsels];
    memset(s, 0, sizeof *s);
    s->part = part;
    s->arg = glocal_template_part_text(c->t, part);
    s->type = glocal_template_part_type(c->t, part);
    const char *style = glocal_template_part_style(c->t, part);
    if (strncmp(style, "offset:", 7) == 0) {
        char *end;
        s->offset = strtol(style + 7, &end, 10);
        if (*end || s->offset < 0 || s->offset > 1000000)
            fail_at(c, part, "plural offset `%s` is not a small whole number", style + 7);
    }
    return c->nsels++;
}

static void read_seq(conv *c, size_t *i, seq *out, size_t plural);

/* A SELECT part and its branches, up to its SELECT_END. */
static void read_select(conv *c, size_t *i, node *n)
{
    n->sel = add_selector(c, *i);
    const char *type = c->sels[n->sel].type;
    size_t counted = strcmp(type, "select") == 0 ? SIZE_MAX : n->sel;
    for (++*i; *i < glocal_template_part_count(c->t); ++*i) {
        glocal_part_kind k = glocal_template_part_kind(c->t, *i);
        if (k == GLOCAL_PART_SELECT_END)
            return;
        if (k != GLOCAL_PART_BRANCH)
            continue; /* the parts reader puts nothing else between branches */
        n->b = xrealloc(n->b, (n->nb + 1) * sizeof *n->b);
        branch *b = &n->b[n->nb++];
        memset(b, 0, sizeof *b);
        b->key = glocal_template_part_text(c->t, *i);
        ++*i;
        read_seq(c, i, &b->body, counted);
    }
}

/* Parts up to a BRANCH_END (or the end); plural is the selector `#` counts
 * for here, SIZE_MAX outside plurals. */
static void read_seq(conv *c, size_t *i, seq *out, size_t plural)
{
    for (; *i < glocal_template_part_count(c->t); ++*i) {
        glocal_part_kind k = glocal_template_part_kind(c->t, *i);
        switch (k) {
        case GLOCAL_PART_BRANCH_END:
            return;
        case GLOCAL_PART_TEXT:
            seq_add(out, N_TEXT, *i);
            break;
        case GLOCAL_PART_ARGUMENT:
            seq_add(out, N_ARG, *i);
            break;
        case GLOCAL_PART_TERM:
            seq_add(out, N_TERM, *i);
            break;
        case GLOCAL_PART_POUND:
            if (plural == SIZE_MAX)
                seq_add(out, N_TEXT, *i); /* not counted: the reader says so, kept as text */
            else
                seq_add(out, N_POUND, *i)->sel = plural;
            break;
        case GLOCAL_PART_SELECT:
            read_select(c, i, seq_add(out, N_SELECT, *i));
            break;
        default:
            fail_at(c, *i, "a part the converter does not know (kind %d)", (int)k);
            return;
        }
    }
}

/* ---- MF2 text ---- */

/* Pattern text: `\`, `{` and `}` escaped (MF1's quoting is already resolved). */
void mf2_put_text(strbuf *b, const char *s)
{
    for (; *s; s++) {
        if (*s == '\\' || *s == '{' || *s == '}')
            sb_putc(b, '\\');
        sb_putc(b, *s);
    }
}

/* name-char of message.abnf: ASCII letters, digits, `+-._`, and the code
 * points above U+00A0 but white space, bidi controls and non-characters. */
static bool is_name_char(uint32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') ||
               cp == '+' || cp == '-' || cp == '.' || cp == '_';
    return cp >= 0xA1 && cp != 0x61C && cp != 0x1680 && !(cp >= 0x2000 && cp <= 0x200A) &&
           cp != 0x200E && cp != 0x200F && !(cp >= 0x2028 && cp <= 0x202F) && cp != 0x205F &&
           !(cp >= 0x2066 && cp <= 0x2069) && cp != 0x3000 && !(cp >= 0xD800 && cp <= 0xDFFF) &&
           !(cp >= 0xFDD0 && cp <= 0xFDEF) && (cp & 0xFFFE) != 0xFFFE;
}

/* A literal: unquoted when it is all name characters, else `|…|` with `\`
 * and `|` escaped. */
static void put_literal(strbuf *b, const char *s)
{
    bool plain = *s != '\0';
    for (const char *p = s; *p && plain;)
        plain = is_name_char(utf8_next(&p));
    if (plain) {
        sb_puts(b, s);
        return;
    }
    sb_putc(b, '|');
    for (; *s; s++) {
        if (*s == '\\' || *s == '|')
            sb_putc(b, '\\');
        sb_putc(b, *s);
    }
    sb_putc(b, '|');
}

/* The MF2 function and options of `{x, number|date|time, style}`: the table
 * of docs/mf2.md.  Styles are matched in any case, as ICU does. */
static void put_function(strbuf *b, const char *type, const char *style)
{
    static const struct {
        const char *type, *style, *mf2;
    } table[] = {
        {"number", "", " :number"},
        /* not :integer, which truncates: MF1's integer style rounds half-even */
        {"number", "integer", " :number maximumFractionDigits=0"},
        {"number", "percent", " :percent"},
        {"number", "currency", " :currency"},
        {"date", "", " :date"},
        {"date", "short", " :date length=short"},
        {"date", "medium", " :date"},
        {"date", "long", " :date length=long"},
        {"date", "full", " :date fields=year-month-day-weekday length=long"},
        {"time", "", " :time precision=second"},
        {"time", "short", " :time"},
        {"time", "medium", " :time precision=second"},
        {"time", "long", " :time precision=second timeZoneStyle=short"},
        {"time", "full", " :time precision=second timeZoneStyle=long"},
    };
    if (!*type)
        return;
    for (size_t i = 0; i < sizeof table / sizeof *table; i++)
        if (strcmp(table[i].type, type) == 0 && strcasecmp(table[i].style, style) == 0) {
            sb_puts(b, table[i].mf2);
            return;
        }
    /* A skeleton or a pattern: glocal's own options (docs/mf2.md). */
    sb_printf(b, " :%s glocal:%s=", type, strncmp(style, "::", 2) == 0 ? "skeleton" : "pattern");
    put_literal(b, strncmp(style, "::", 2) == 0 ? style + 2 : style);
}

static void put_node(conv *c, strbuf *b, const node *n)
{
    const glocal_template *t = c->t;
    switch (n->kind) {
    case N_TEXT:
        mf2_put_text(b, glocal_template_part_kind(t, n->part) == GLOCAL_PART_POUND
                        ? "#"
                        : glocal_template_part_text(t, n->part));
        break;
    case N_ARG:
        sb_printf(b, "{$%s", glocal_template_part_text(t, n->part));
        put_function(b, glocal_template_part_type(t, n->part),
                     glocal_template_part_style(t, n->part));
        sb_putc(b, '}');
        break;
    case N_TERM:
        sb_putc(b, '{');
        put_literal(b, glocal_template_part_text(t, n->part));
        sb_puts(b, " " TERM_FUNCTION "}");
        break;
    case N_POUND:
        sb_printf(b, "{$%s}", c->sels[n->sel].var);
        break;
    case N_SELECT:
        break; /* flattened by expand_seq */
    }
}

/* ---- flattening ---- */

static void variants_free(variants *vs)
{
    for (size_t i = 0; i < vs->n; i++) {
        free(vs->v[i].keys);
        sb_free(&vs->v[i].pat);
    }
    free(vs->v);
    vs->v = NULL;
    vs->n = 0;
}

static void variants_add(conv *c, variants *vs, const char **keys, const char *a, const char *b)
{
    vs->v = xrealloc(vs->v, (vs->n + 1) * sizeof *vs->v);
    variant *v = &vs->v[vs->n++];
    v->keys = xcalloc(c->nsels ? c->nsels : 1, sizeof *v->keys);
    memcpy(v->keys, keys, c->nsels * sizeof *keys);
    memset(&v->pat, 0, sizeof v->pat);
    sb_puts(&v->pat, a);
    sb_puts(&v->pat, b);
}

static void expand_seq(conv *c, const seq *s, variants *out);

/* Every variant so far followed by every variant of every branch of n. */
static void expand_select(conv *c, const node *n, variants *vs)
{
    variants next = {0};
    for (size_t i = 0; i < vs->n && !c->failed; i++)
        for (size_t j = 0; j < n->nb && !c->failed; j++) {
            variants tail = {0};
            expand_seq(c, &n->b[j].body, &tail);
            for (size_t k = 0; k < tail.n && !c->failed; k++) {
                if (next.n == MF2_CONVERT_MAX_VARIANTS) {
                    fail_at(c, n->part, "nested selections make more than %d variants",
                            MF2_CONVERT_MAX_VARIANTS);
                    break;
                }
                const char **keys = tail.v[k].keys;
                for (size_t s = 0; s < c->nsels; s++)
                    if (vs->v[i].keys[s])
                        keys[s] = vs->v[i].keys[s];
                const char *key = n->b[j].key;
                keys[n->sel] = strcmp(key, "other") == 0 ? NULL : key;
                variants_add(c, &next, keys, vs->v[i].pat.p ? vs->v[i].pat.p : "",
                             tail.v[k].pat.p ? tail.v[k].pat.p : "");
            }
            variants_free(&tail);
        }
    variants_free(vs);
    *vs = next;
}

static void expand_seq(conv *c, const seq *s, variants *out)
{
    const char **none = xcalloc(c->nsels ? c->nsels : 1, sizeof *none);
    variants_add(c, out, none, "", "");
    free(none);
    for (size_t i = 0; i < s->n && !c->failed; i++) {
        if (s->v[i].kind == N_SELECT) {
            expand_select(c, &s->v[i], out);
            continue;
        }
        strbuf piece = {0};
        put_node(c, &piece, &s->v[i]);
        for (size_t j = 0; j < out->n; j++)
            sb_puts(&out->v[j].pat, piece.p ? piece.p : "");
        sb_free(&piece);
    }
}

/* ---- declarations ---- */

/* Whether name is taken in the message: an argument, or a selector's variable. */
static bool name_taken(const conv *c, const char *name)
{
    for (size_t i = 0; i < glocal_template_part_count(c->t); i++) {
        glocal_part_kind k = glocal_template_part_kind(c->t, i);
        if ((k == GLOCAL_PART_ARGUMENT || k == GLOCAL_PART_SELECT) &&
            strcmp(glocal_template_part_text(c->t, i), name) == 0)
            return true;
    }
    for (size_t i = 0; i < c->nsels; i++)
        if (c->sels[i].var && strcmp(c->sels[i].var, name) == 0)
            return true;
    return false;
}

/* The selector function of s, as written after its operand. */
static const char *selector_function(const selector *s)
{
    if (strcmp(s->type, "select") == 0)
        return ":string";
    return strcmp(s->type, "selectordinal") == 0 ? ":number select=ordinal" : ":number";
}

/* The first selector of an argument without an offset is its `.input`;
 * another selector on the same argument with the same function shares it;
 * the rest (a different function, an offset) are `.local`s under a fresh name. */
static void name_selectors(conv *c)
{
    for (size_t i = 0; i < c->nsels; i++) {
        selector *s = &c->sels[i];
        for (size_t j = 0; j < i && !s->var; j++)
            if (c->sels[j].input && strcmp(c->sels[j].arg, s->arg) == 0 && !s->offset &&
                strcmp(selector_function(&c->sels[j]), selector_function(s)) == 0)
                s->var = xstrdup(s->arg);
        bool declared = false;
        for (size_t j = 0; j < i; j++)
            declared = declared || (c->sels[j].input && strcmp(c->sels[j].arg, s->arg) == 0);
        if (!s->var && !declared && !s->offset) {
            s->var = xstrdup(s->arg);
            s->input = true;
        }
        for (unsigned n = 2; !s->var; n++) {
            strbuf name = {0};
            sb_printf(&name, "%s_%u", s->arg, n);
            if (name_taken(c, name.p))
                sb_free(&name);
            else
                s->var = sb_take(&name);
        }
    }
}

static void put_declarations(const conv *c, strbuf *b)
{
    for (size_t i = 0; i < c->nsels; i++)
        if (c->sels[i].input)
            sb_printf(b, ".input {$%s %s}\n", c->sels[i].arg, selector_function(&c->sels[i]));
    for (size_t i = 0; i < c->nsels; i++) {
        const selector *s = &c->sels[i];
        if (s->input || strcmp(s->var, s->arg) == 0)
            continue;
        if (s->offset)
            sb_printf(b, ".local $%s = {$%s :offset subtract=%ld}\n", s->var, s->arg, s->offset);
        else
            sb_printf(b, ".local $%s = {$%s %s}\n", s->var, s->arg, selector_function(s));
    }
}

/* ---- keys ---- */

/* An MF1 key as an MF2 key: `=N` is the exact number N (less the offset,
 * since `:offset` selects on the value it returns); `other` is `*`. */
static void put_key(conv *c, strbuf *b, const selector *s, const char *key)
{
    if (!key) {
        sb_putc(b, '*');
        return;
    }
    if (key[0] != '=') {
        put_literal(b, key);
        return;
    }
    if (!s->offset) {
        sb_puts(b, key + 1);
        return;
    }
    char *end;
    long n = strtol(key + 1, &end, 10);
    if (*end || end == key + 1)
        fail_at(c, s->part, "exact key `%s` with an offset: only whole numbers convert", key);
    else
        sb_printf(b, "%ld", n - s->offset);
}

/* A pattern that may not open a simple message (`.` first, after white
 * space) goes in `{{…}}`. */
static bool needs_quoting(const char *p)
{
    p += strspn(p, " \t\r\n");
    return *p == '.';
}

static void put_matcher(conv *c, strbuf *out, const variants *vs)
{
    put_declarations(c, out);
    sb_puts(out, ".match");
    for (size_t i = 0; i < c->nsels; i++)
        sb_printf(out, " $%s", c->sels[i].var);
    for (size_t i = 0; i < vs->n; i++) {
        sb_putc(out, '\n');
        for (size_t s = 0; s < c->nsels; s++) {
            if (s)
                sb_putc(out, ' ');
            put_key(c, out, &c->sels[s], vs->v[i].keys[s]);
        }
        sb_printf(out, " {{%s}}", vs->v[i].pat.p ? vs->v[i].pat.p : "");
    }
}

bool mf2_convert(const char *src, strbuf *out, char *why, size_t whycap, unsigned *col)
{
    glocal_error *err = NULL;
    glocal_template *t = NULL;
    *col = 0;
    if (glocal_template_parse(src, &t, &err) != GLOCAL_OK) {
        snprintf(why, whycap, "%s", glocal_error_message(err));
        *col = glocal_error_column(err);
        glocal_error_free(err);
        return false;
    }
    conv c = {.t = t, .why = why, .whycap = whycap};
    size_t i = 0;
    read_seq(&c, &i, &c.root, SIZE_MAX);
    name_selectors(&c);
    variants vs = {0};
    if (!c.failed)
        expand_seq(&c, &c.root, &vs);
    if (!c.failed && c.nsels)
        put_matcher(&c, out, &vs);
    else if (!c.failed && vs.n == 1 && vs.v[0].pat.p && needs_quoting(vs.v[0].pat.p))
        sb_printf(out, "{{%s}}", vs.v[0].pat.p);
    else if (!c.failed && vs.n == 1)
        sb_puts(out, vs.v[0].pat.p ? vs.v[0].pat.p : "");
    variants_free(&vs);
    seq_free(&c.root);
    for (size_t s = 0; s < c.nsels; s++)
        free(c.sels[s].var);
    free(c.sels);
    glocal_template_free(t);
    *col = c.failed ? c.col : 0;
    return !c.failed;
}
