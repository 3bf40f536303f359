/* A template of a `syntax: mf2` bundle: parsed by gl_mf2_parse into a
 * TK_MF2 gl_template whose slots and selectors are filled from the MF2 data
 * model, so that the catalog's argument checks and every lint rule read an
 * MF2 template the way they read an MF1 one (docs/mf2.md, "In bundles"). */
#include "template.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mf2.h"

/* The function that writes a term (docs/mf2.md). */
static const char term_function[] = "glocal:term";

/* ---- the data model, walked ---- */

static const gl_mf2_decl *declaration_of(const gl_mf2 *m, const char *name)
{
    for (size_t i = 0; i < m->ndecls; i++)
        if (strcmp(m->decls[i].name, name) == 0)
            return &m->decls[i];
    return NULL;
}

static void each_expr_of(const gl_mf2_pattern *p, void (*fn)(void *, const gl_mf2_expr *),
                         void *ud)
{
    for (size_t i = 0; i < p->nparts; i++)
        if (p->parts[i].kind == MF2_EXPR)
            fn(ud, &p->parts[i].expr);
}

/* Every expression of the message: declarations, then the patterns. */
static void each_expr(const gl_mf2 *m, void (*fn)(void *, const gl_mf2_expr *), void *ud)
{
    for (size_t i = 0; i < m->ndecls; i++)
        fn(ud, &m->decls[i].expr);
    each_expr_of(&m->pattern, fn, ud);
    for (size_t v = 0; v < m->nvariants; v++)
        each_expr_of(&m->variants[v].pattern, fn, ud);
}

static bool is_term(const gl_mf2_expr *e)
{
    return e->function && strcmp(e->function, term_function) == 0 &&
           e->operand.kind == MF2_LITERAL;
}

/* ---- slots: arguments and terms ---- */

typedef struct slot_list {
    gl_arena *a;
    gl_slot *v;
    size_t n, cap;
    bool oom;
} slot_list;

static void add_slot(slot_list *l, gl_slot s)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 8;
        gl_slot *v = gl_arena_alloc(l->a, cap * sizeof *v);
        if (!v) {
            l->oom = true;
            return;
        }
        if (l->n)
            memcpy(v, l->v, l->n * sizeof *v);
        l->v = v;
        l->cap = cap;
    }
    l->v[l->n++] = s;
}

/* An MF2 function as the MF1 use the catalog's type checks know: the table
 * of docs/mf2.md read backwards ({x, number, currency} is :currency). */
static void use_of(const char *function, gl_use *use, const char **style)
{
    static const struct {
        const char *function;
        gl_use use;
        const char *style;
    } table[] = {
        {"number", USE_NUMBER, ""},     {"offset", USE_NUMBER, ""},
        {"integer", USE_NUMBER, "integer"}, {"percent", USE_NUMBER, "percent"},
        {"currency", USE_NUMBER, "currency"}, {"date", USE_DATE, ""},
        {"datetime", USE_TIME, ""},     {"time", USE_TIME, ""},
    };
    *use = USE_PLAIN;
    *style = "";
    for (size_t i = 0; function && i < sizeof table / sizeof *table; i++)
        if (strcmp(table[i].function, function) == 0) {
            *use = table[i].use;
            *style = table[i].style;
        }
}

static void on_argument(void *ud, const char *name, const char *function, size_t at)
{
    (void)at;
    gl_slot s = {SLOT_ARG, USE_PLAIN, name, ""};
    use_of(function, &s.use, &s.style);
    add_slot(ud, s);
}

static void on_term(void *ud, const gl_mf2_expr *e)
{
    if (is_term(e))
        add_slot(ud, (gl_slot){SLOT_TERM, USE_PLAIN, e->operand.s, ""});
}

/* ---- selectors ---- */

static const char *option_of(const gl_mf2_expr *e, const char *name)
{
    for (size_t i = 0; i < e->nopts; i++)
        if (strcmp(e->opts[i].name, name) == 0 && e->opts[i].value.kind == MF2_LITERAL)
            return e->opts[i].value.s;
    return NULL;
}

/* Follows selector var through its declarations to the argument it reads
 * and to how it selects (the nearest `select=` option, else its function). */
static void trace_selector(const gl_mf2 *m, const char *var, gl_selector *s)
{
    const char *function = NULL, *select = NULL;
    s->name = var;
    for (size_t hops = 0; hops <= m->ndecls; hops++) {
        const gl_mf2_decl *d = declaration_of(m, s->name);
        if (!d)
            break;
        function = function ? function : d->expr.function;
        select = select ? select : option_of(&d->expr, "select");
        if (d->input || d->expr.operand.kind != MF2_VARIABLE)
            break;
        s->name = d->expr.operand.s;
    }
    if (!function || strcmp(function, "string") == 0)
        s->use = USE_SELECT;
    else if (select && strcmp(select, "ordinal") == 0)
        s->use = USE_ORDINAL;
    else if (select && strcmp(select, "exact") == 0)
        s->use = USE_NUMBER; /* numbers, but no plural categories to lint */
    else if (strcmp(function, "number") == 0 || strcmp(function, "integer") == 0 ||
             strcmp(function, "offset") == 0 || strcmp(function, "percent") == 0)
        s->use = USE_PLURAL;
    else
        s->use = USE_PLAIN;
}

/* An MF2 key as lint reads an MF1 one: `*` is `other`, a number `=N`. */
static const char *mf1_key(gl_arena *a, const gl_mf2_key *k)
{
    if (!k->s)
        return "other";
    if (k->len && ((k->s[0] >= '0' && k->s[0] <= '9') || k->s[0] == '-')) {
        char *s = gl_arena_alloc(a, k->len + 2);
        if (s) {
            s[0] = '=';
            memcpy(s + 1, k->s, k->len);
            s[k->len + 1] = '\0';
        }
        return s;
    }
    return k->s;
}

/* The distinct keys of selector i over every variant. */
static bool collect_keys(gl_arena *a, const gl_mf2 *m, size_t i, gl_selector *s)
{
    s->keys = gl_arena_alloc(a, (m->nvariants ? m->nvariants : 1) * sizeof *s->keys);
    if (!s->keys)
        return false;
    s->nkeys = 0;
    for (size_t v = 0; v < m->nvariants; v++) {
        const char *key = mf1_key(a, &m->variants[v].keys[i]);
        if (!key)
            return false;
        bool seen = false;
        for (size_t j = 0; j < s->nkeys && !seen; j++)
            seen = strcmp(s->keys[j], key) == 0;
        if (!seen)
            s->keys[s->nkeys++] = key;
    }
    return true;
}

static bool fill_selectors(gl_arena *a, gl_template *t, const gl_mf2 *m)
{
    t->nsels = 0;
    t->sels = gl_arena_alloc(a, (m->nsels ? m->nsels : 1) * sizeof *t->sels);
    if (!t->sels)
        return false;
    for (size_t i = 0; i < m->nsels; i++) {
        gl_selector *s = &t->sels[t->nsels++];
        trace_selector(m, m->selectors[i], s);
        if (!collect_keys(a, m, i, s))
            return false;
    }
    return true;
}

/* ---- the template ---- */

/* The first expression calling a function glocal does not have, NULL none. */
static void on_unknown_function(void *ud, const gl_mf2_expr *e)
{
    const gl_mf2_expr **first = ud;
    if (!*first && e->function && !gl_mf2_function_known(e->function))
        *first = e;
}

gl_compile_status gl_template_build_mf2(gl_arena *a, gl_template *t, char *msg, size_t msgcap,
                                        size_t *at)
{
    gl_mf2 *m = NULL;
    gl_mf2_problem why = {0};
    *at = 0;
    switch (gl_mf2_parse(a, t->src, strlen(t->src), &m, &why)) {
    case MF2_OK:
        break;
    case MF2_NOMEM:
        return TC_NOMEM;
    default:
        /* the parser's message starts with the spec's error name */
        snprintf(msg, msgcap, "%s", why.message);
        *at = why.at;
        return TC_SYNTAX;
    }
    const gl_mf2_expr *unknown = NULL;
    each_expr(m, on_unknown_function, &unknown);
    if (unknown) {
        snprintf(msg, msgcap, "unknown-function: no function :%s", unknown->function);
        *at = unknown->at;
        return TC_SYNTAX;
    }
    t->kind = TK_MF2;
    t->mf2 = m;
    slot_list l = {.a = a};
    gl_mf2_each_argument(m, on_argument, &l);
    each_expr(m, on_term, &l);
    if (l.oom || !fill_selectors(a, t, m))
        return TC_NOMEM;
    t->slots = l.v;
    t->nslots = l.n;
    return TC_OK;
}

/* ---- lint's readers ---- */

/* The length the slot of term name is counted as: the first such slot's. */
static size_t term_length(const gl_template *t, const char *name, const size_t *slot_len)
{
    for (size_t i = 0; i < t->nslots; i++)
        if (t->slots[i].kind == SLOT_TERM && strcmp(t->slots[i].name, name) == 0)
            return slot_len[i];
    return 0;
}

static size_t code_points(const char *s, size_t n)
{
    size_t cps = 0;
    for (size_t i = 0; i < n; i++)
        cps += ((unsigned char)s[i] & 0xC0) != 0x80;
    return cps;
}

static size_t pattern_length(const gl_template *t, const gl_mf2_pattern *p,
                             const size_t *slot_len)
{
    size_t len = 0;
    for (size_t i = 0; i < p->nparts; i++) {
        const gl_mf2_part *part = &p->parts[i];
        if (part->kind == MF2_TEXT)
            len += code_points(part->text, part->len);
        else if (part->kind == MF2_EXPR && is_term(&part->expr))
            len += term_length(t, part->expr.operand.s, slot_len);
        else if (part->kind == MF2_EXPR && part->expr.operand.kind == MF2_LITERAL &&
                 !part->expr.function)
            len += code_points(part->expr.operand.s, part->expr.operand.len);
    }
    return len;
}

size_t gl_template_mf2_max_length(const gl_template *t, const size_t *slot_len)
{
    const gl_mf2 *m = t->mf2;
    size_t best = pattern_length(t, &m->pattern, slot_len);
    for (size_t v = 0; v < m->nvariants; v++) {
        size_t len = pattern_length(t, &m->variants[v].pattern, slot_len);
        best = len > best ? len : best;
    }
    return best;
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static void pattern_edges(const gl_mf2_pattern *p, bool *lead, bool *trail)
{
    if (!p->nparts)
        return;
    const gl_mf2_part *first = &p->parts[0], *last = &p->parts[p->nparts - 1];
    *lead = *lead || (first->kind == MF2_TEXT && first->len && is_space(first->text[0]));
    *trail = *trail || (last->kind == MF2_TEXT && last->len && is_space(last->text[last->len - 1]));
}

void gl_template_mf2_edge_space(const gl_template *t, bool *lead, bool *trail)
{
    const gl_mf2 *m = t->mf2;
    *lead = *trail = false;
    pattern_edges(&m->pattern, lead, trail);
    for (size_t v = 0; v < m->nvariants; v++)
        pattern_edges(&m->variants[v].pattern, lead, trail);
}

static void put_pattern_text(const gl_mf2_pattern *p, gl_buf *out)
{
    for (size_t i = 0; i < p->nparts; i++) {
        if (p->parts[i].kind == MF2_TEXT)
            gl_buf_putn(out, p->parts[i].text, p->parts[i].len);
        else
            gl_buf_putc(out, '\n');
    }
}

char *gl_template_mf2_literal_text(const gl_template *t)
{
    const gl_mf2 *m = t->mf2;
    gl_buf out = {0}; /* no cap: lint reads its own catalog */
    put_pattern_text(&m->pattern, &out);
    for (size_t v = 0; v < m->nvariants; v++) {
        if (v)
            gl_buf_putc(&out, '\n');
        put_pattern_text(&m->variants[v].pattern, &out);
    }
    if (out.oom) {
        gl_buf_free(&out);
        return NULL;
    }
    char *s = gl_strdup(out.p ? out.p : "");
    gl_buf_free(&out);
    return s;
}
