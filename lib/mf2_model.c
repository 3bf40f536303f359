/* The MF2 data model after parsing: the checks errors.md names
 * (duplicate-declaration, duplicate-option-name, duplicate-variant,
 * missing-fallback-variant, missing-selector-annotation,
 * variant-key-mismatch), and the readers lint and the catalog use. */
#include <stdio.h>
#include <string.h>

#include "mf2.h"

typedef struct checker {
    gl_arena *a;
    gl_mf2_problem *why;
    gl_mf2_parse_status status;
} checker;

static bool fail_at(checker *p, gl_mf2_parse_status st, const char *name, size_t at,
                    const char *fmt, const char *arg)
{
    if (p->status != MF2_OK)
        return false;
    p->status = st;
    p->why->name = name;
    p->why->at = at;
    snprintf(p->why->message, sizeof p->why->message, fmt, arg);
    return false;
}

static bool nomem(checker *p)
{
    return fail_at(p, MF2_NOMEM, "out-of-memory", 0, "%s", "out of memory");
}

/* ---- checks ---- */

static bool same(const char *a, const char *b) { return a && b && strcmp(a, b) == 0; }

static bool names_have(const char **names, size_t n, const char *name)
{
    for (size_t k = 0; k < n; k++)
        if (same(names[k], name))
            return true;
    return false;
}

static bool push_name(checker *p, const char ***names, size_t *n, const char *name)
{
    void *grown = gl_arena_grow_array(p->a, *names, *n, sizeof **names);
    if (!grown)
        return nomem(p);
    *names = grown;
    (*names)[(*n)++] = name;
    return true;
}

/* Records the variables expression e refers to (operand, option values). */
static bool note_references(checker *p, const gl_mf2_expr *e, const char ***seen, size_t *n)
{
    if (e->operand.kind == MF2_VARIABLE && !push_name(p, seen, n, e->operand.s))
        return false;
    for (size_t k = 0; k < e->nopts; k++)
        if (e->opts[k].value.kind == MF2_VARIABLE && !push_name(p, seen, n, e->opts[k].value.s))
            return false;
    return true;
}

static bool check_options(checker *p, const gl_mf2_expr *e)
{
    for (size_t k = 0; k < e->nopts; k++)
        for (size_t j = 0; j < k; j++)
            if (same(e->opts[k].name, e->opts[j].name))
                return fail_at(p, MF2_DATA_MODEL, "duplicate-option-name", e->at,
                               "duplicate-option-name: option `%s` is set twice",
                               e->opts[k].name);
    return true;
}

static bool check_pattern_options(checker *p, const gl_mf2_pattern *pat)
{
    for (size_t k = 0; k < pat->nparts; k++)
        if (pat->parts[k].kind != MF2_TEXT && !check_options(p, &pat->parts[k].expr))
            return false;
    return true;
}

/* A declaration may not name a variable declared before, nor one an earlier
 * declaration (or its own expression) already used as an argument. */
static bool check_declarations(checker *p, const gl_mf2 *m)
{
    const char **seen = NULL;
    size_t nseen = 0;
    for (size_t k = 0; k < m->ndecls; k++) {
        const gl_mf2_decl *d = &m->decls[k];
        if (!check_options(p, &d->expr))
            return false;
        if (!d->input && !note_references(p, &d->expr, &seen, &nseen))
            return false;
        if (names_have(seen, nseen, d->name))
            return fail_at(p, MF2_DATA_MODEL, "duplicate-declaration", d->expr.at,
                           "duplicate-declaration: `$%s` is declared after a use or twice",
                           d->name);
        if (d->input && !note_references(p, &d->expr, &seen, &nseen))
            return false;
        if (!push_name(p, &seen, &nseen, d->name))
            return false;
    }
    return true;
}

static const gl_mf2_decl *declaration_of(const gl_mf2 *m, const char *name)
{
    for (size_t k = m->ndecls; k-- > 0;)
        if (same(m->decls[k].name, name))
            return &m->decls[k];
    return NULL;
}

/* The function annotating variable name, through .local $a = {$b} chains. */
static const char *annotation_of(const gl_mf2 *m, const char *name)
{
    for (size_t hops = 0; hops <= m->ndecls; hops++) {
        const gl_mf2_decl *d = declaration_of(m, name);
        if (!d)
            return NULL;
        if (d->expr.function)
            return d->expr.function;
        if (d->input || d->expr.operand.kind != MF2_VARIABLE)
            return NULL;
        name = d->expr.operand.s;
    }
    return NULL;
}

static bool same_key(const gl_mf2_key *a, const gl_mf2_key *b)
{
    if (!a->s || !b->s)
        return !a->s && !b->s;
    return a->len == b->len && memcmp(a->s, b->s, a->len) == 0;
}

static bool check_variants(checker *p, const gl_mf2 *m)
{
    for (size_t k = 0; k < m->nsels; k++)
        if (!annotation_of(m, m->selectors[k]))
            return fail_at(p, MF2_DATA_MODEL, "missing-selector-annotation", m->selector_at[k],
                           "missing-selector-annotation: selector `$%s` needs a function "
                           "(declare it with one, e.g. `.input {$n :number}`)", m->selectors[k]);
    bool fallback = false;
    for (size_t v = 0; v < m->nvariants; v++) {
        const gl_mf2_variant *var = &m->variants[v];
        if (var->nkeys != m->nsels)
            return fail_at(p, MF2_DATA_MODEL, "variant-key-mismatch", var->at,
                           "variant-key-mismatch: a variant needs one key per selector (%s)",
                           var->nkeys < m->nsels ? "too few" : "too many");
    }
    for (size_t v = 0; v < m->nvariants; v++) {
        const gl_mf2_variant *var = &m->variants[v];
        bool all_star = true;
        for (size_t k = 0; k < m->nsels; k++)
            all_star &= var->keys[k].s == NULL;
        fallback |= all_star;
        for (size_t w = 0; w < v; w++) {
            bool dup = true;
            for (size_t k = 0; k < m->nsels && dup; k++)
                dup = same_key(&var->keys[k], &m->variants[w].keys[k]);
            if (dup)
                return fail_at(p, MF2_DATA_MODEL, "duplicate-variant", var->at,
                               "duplicate-variant: an earlier variant has the same keys%s", "");
        }
        if (!check_pattern_options(p, &var->pattern))
            return false;
    }
    if (m->nsels && !fallback)
        return fail_at(p, MF2_DATA_MODEL, "missing-fallback-variant", m->selector_at[0],
                       "missing-fallback-variant: .match needs a variant of `*` keys only%s",
                       "");
    return true;
}

gl_mf2_parse_status gl_mf2_check(gl_arena *a, const gl_mf2 *m, gl_mf2_problem *why)
{
    checker p = {.a = a, .why = why, .status = MF2_OK};
    if (check_declarations(&p, m) && check_variants(&p, m) && check_pattern_options(&p, &m->pattern))
        return MF2_OK;
    return p.status == MF2_OK ? MF2_NOMEM : p.status;
}

/* ---- readers ---- */

typedef void (*arg_fn)(void *ud, const char *name, const char *function, size_t at);

static const char *argument_function(const gl_mf2 *m, const char *name)
{
    const gl_mf2_decl *d = declaration_of(m, name);
    return d && d->input ? d->expr.function : NULL;
}

static void each_argument_in(const gl_mf2 *m, const gl_mf2_expr *e, arg_fn fn, void *ud)
{
    if (e->operand.kind == MF2_VARIABLE) {
        const char *name = e->operand.s;
        const gl_mf2_decl *d = declaration_of(m, name);
        if (!d || d->input)
            fn(ud, name, e->function ? e->function : argument_function(m, name), e->at);
    }
    for (size_t k = 0; k < e->nopts; k++)
        if (e->opts[k].value.kind == MF2_VARIABLE && !declaration_of(m, e->opts[k].value.s))
            fn(ud, e->opts[k].value.s, NULL, e->at);
}

static void each_argument_of(const gl_mf2 *m, const gl_mf2_pattern *pat, arg_fn fn, void *ud)
{
    for (size_t k = 0; k < pat->nparts; k++)
        if (pat->parts[k].kind != MF2_TEXT)
            each_argument_in(m, &pat->parts[k].expr, fn, ud);
}

void gl_mf2_each_argument(const gl_mf2 *m, arg_fn fn, void *ud)
{
    for (size_t k = 0; k < m->ndecls; k++)
        each_argument_in(m, &m->decls[k].expr, fn, ud);
    each_argument_of(m, &m->pattern, fn, ud);
    for (size_t v = 0; v < m->nvariants; v++)
        each_argument_of(m, &m->variants[v].pattern, fn, ud);
}

const char *gl_mf2_selector_function(const gl_mf2 *m, size_t i)
{
    return i < m->nsels ? annotation_of(m, m->selectors[i]) : NULL;
}

static void each_text_of(const gl_mf2_pattern *pat, void (*fn)(void *, const char *, size_t),
                         void *ud)
{
    for (size_t k = 0; k < pat->nparts; k++) {
        const gl_mf2_part *part = &pat->parts[k];
        if (part->kind == MF2_TEXT)
            fn(ud, part->text, part->len);
        else if (part->kind == MF2_EXPR && part->expr.operand.kind == MF2_LITERAL)
            fn(ud, part->expr.operand.s, part->expr.operand.len);
    }
}

void gl_mf2_each_text(const gl_mf2 *m, void (*fn)(void *ud, const char *s, size_t n), void *ud)
{
    each_text_of(&m->pattern, fn, ud);
    for (size_t v = 0; v < m->nvariants; v++)
        each_text_of(&m->variants[v].pattern, fn, ud);
}

static void each_markup_of(const gl_mf2_pattern *pat,
                           void (*fn)(void *, const gl_mf2_part *), void *ud)
{
    for (size_t k = 0; k < pat->nparts; k++)
        if (pat->parts[k].kind != MF2_TEXT && pat->parts[k].kind != MF2_EXPR)
            fn(ud, &pat->parts[k]);
}

void gl_mf2_each_markup(const gl_mf2 *m, void (*fn)(void *ud, const gl_mf2_part *markup),
                        void *ud)
{
    each_markup_of(&m->pattern, fn, ud);
    for (size_t v = 0; v < m->nvariants; v++)
        each_markup_of(&m->variants[v].pattern, fn, ud);
}
