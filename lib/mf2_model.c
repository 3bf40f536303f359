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
    gl_map declared; /* name → declaration index */
    gl_map seen;     /* names declared or used so far: no later declaration may take them */
} checker;

static bool fail_at(checker *p, gl_mf2_parse_status st, const char *name, size_t at,
                    const char *fmt, const char *arg)
{
    return gl_mf2_fail(&p->status, p->why, st, name, at, fmt, arg);
}

static bool nomem(checker *p)
{
    return fail_at(p, MF2_NOMEM, "out-of-memory", 0, "%s", "out of memory");
}

/* ---- checks ----
 * Every check is linear in the message (maps, not pairwise comparisons): a
 * template is translators' input, up to the scalar limit. */

static bool same(const char *a, const char *b) { return a && b && strcmp(a, b) == 0; }

/* Points ref at the declaration it names among those made so far, or at
 * the arguments, and records its name as used. */
static bool link(checker *p, gl_mf2_operand *ref)
{
    if (ref->kind != MF2_VARIABLE)
        return true;
    uint32_t k;
    ref->decl = gl_map_get(&p->declared, ref->s, &k) ? k : GL_MF2_ARGUMENT;
    return gl_map_put(&p->seen, ref->s, 0) || nomem(p);
}

static bool link_options(checker *p, gl_mf2_expr *e)
{
    for (size_t k = 0; k < e->nopts; k++)
        if (!link(p, &e->opts[k].value))
            return false;
    return true;
}

static bool duplicate_option(checker *p, const gl_mf2_expr *e, const char *name)
{
    return fail_at(p, MF2_DATA_MODEL, "duplicate-option-name", e->at,
                   "duplicate-option-name: option `%s` is set twice", name);
}

static bool check_options(checker *p, const gl_mf2_expr *e)
{
    if (e->nopts <= 8) { /* the usual few: no map */
        for (size_t k = 0; k < e->nopts; k++)
            for (size_t j = 0; j < k; j++)
                if (same(e->opts[k].name, e->opts[j].name))
                    return duplicate_option(p, e, e->opts[k].name);
        return true;
    }
    gl_map names = {0};
    bool ok = true;
    for (size_t k = 0; k < e->nopts && ok; k++) {
        if (gl_map_get(&names, e->opts[k].name, NULL))
            ok = duplicate_option(p, e, e->opts[k].name);
        else if (!gl_map_put(&names, e->opts[k].name, 0))
            ok = nomem(p);
    }
    gl_map_free(&names);
    return ok;
}

static bool link_pattern(checker *p, gl_mf2_pattern *pat)
{
    for (size_t k = 0; k < pat->nparts; k++) {
        gl_mf2_expr *e = &pat->parts[k].expr;
        if (pat->parts[k].kind == MF2_TEXT)
            continue;
        if (!check_options(p, e) || !link(p, &e->operand) || !link_options(p, e))
            return false;
    }
    return true;
}

static bool add_dependency(checker *p, gl_mf2_decl *d, const gl_mf2_operand *ref)
{
    if (ref->kind != MF2_VARIABLE || ref->decl == GL_MF2_ARGUMENT)
        return true;
    void *grown = gl_arena_grow_array(p->a, d->deps, d->ndeps, sizeof *d->deps);
    if (!grown)
        return nomem(p);
    d->deps = grown;
    d->deps[d->ndeps++] = ref->decl;
    return true;
}

/* What a declaration's expression refers to, so that the formatter can
 * resolve a chain of declarations in order instead of recursing along it. */
static bool note_dependencies(checker *p, gl_mf2_decl *d)
{
    if (!add_dependency(p, d, &d->expr.operand))
        return false;
    for (size_t o = 0; o < d->expr.nopts; o++)
        if (!add_dependency(p, d, &d->expr.opts[o].value))
            return false;
    return true;
}

/* A declaration may not name a variable declared before, nor one an earlier
 * declaration (or its own expression) already used as an argument.  An
 * .input's operand is its argument: it is linked before the name is declared. */
static bool check_declarations(checker *p, gl_mf2 *m)
{
    for (size_t k = 0; k < m->ndecls; k++) {
        gl_mf2_decl *d = &m->decls[k];
        if (!check_options(p, &d->expr))
            return false;
        if (!d->input && !(link(p, &d->expr.operand) && link_options(p, &d->expr)))
            return false;
        if (gl_map_get(&p->seen, d->name, NULL))
            return fail_at(p, MF2_DATA_MODEL, "duplicate-declaration", d->expr.at,
                           "duplicate-declaration: `$%s` is declared after a use or twice",
                           d->name);
        if (d->input && !(link(p, &d->expr.operand) && link_options(p, &d->expr)))
            return false;
        if (!note_dependencies(p, d))
            return false;
        if (!gl_map_put(&p->seen, d->name, 0) || !gl_map_put(&p->declared, d->name, (uint32_t)k))
            return nomem(p);
    }
    return true;
}

/* The function annotating declaration k, through .local $a = {$b} chains
 * (each link points to an earlier declaration, so the walk ends). */
static const char *annotation_of(const gl_mf2 *m, size_t k)
{
    while (k != GL_MF2_ARGUMENT) {
        const gl_mf2_decl *d = &m->decls[k];
        if (d->expr.function)
            return d->expr.function;
        if (d->input || d->expr.operand.kind != MF2_VARIABLE)
            return NULL;
        k = d->expr.operand.decl;
    }
    return NULL;
}

static bool link_selectors(checker *p, gl_mf2 *m)
{
    if (m->nsels && !(m->selector_decl = gl_arena_alloc(p->a, m->nsels * sizeof(size_t))))
        return nomem(p);
    for (size_t k = 0; k < m->nsels; k++) {
        uint32_t d;
        m->selector_decl[k] = gl_map_get(&p->declared, m->selectors[k], &d) ? d : GL_MF2_ARGUMENT;
        if (!annotation_of(m, m->selector_decl[k]))
            return fail_at(p, MF2_DATA_MODEL, "missing-selector-annotation", m->selector_at[k],
                           "missing-selector-annotation: selector `$%s` needs a function "
                           "(declare it with one, e.g. `.input {$n :number}`)", m->selectors[k]);
    }
    return true;
}

/* A variant's keys as one string, for the duplicate check: each literal as
 * its length, a colon and its bytes (literals hold no NUL), `*` as itself. */
static const char *keys_text(checker *p, const gl_mf2_variant *var)
{
    gl_buf b = {0};
    for (size_t k = 0; k < var->nkeys; k++) {
        if (!var->keys[k].s)
            gl_buf_putc(&b, '*');
        else
            gl_buf_printf(&b, "%zu:%s", var->keys[k].len, var->keys[k].s);
    }
    const char *r = b.oom ? NULL : gl_arena_strdup(p->a, b.p ? b.p : "");
    gl_buf_free(&b);
    return r;
}

static bool check_variants(checker *p, gl_mf2 *m)
{
    for (size_t v = 0; v < m->nvariants; v++) {
        const gl_mf2_variant *var = &m->variants[v];
        if (var->nkeys != m->nsels)
            return fail_at(p, MF2_DATA_MODEL, "variant-key-mismatch", var->at,
                           "variant-key-mismatch: a variant needs one key per selector (%s)",
                           var->nkeys < m->nsels ? "too few" : "too many");
    }
    if (!link_selectors(p, m))
        return false;
    gl_map keys = {0};
    bool fallback = false, ok = true;
    for (size_t v = 0; v < m->nvariants && ok; v++) {
        gl_mf2_variant *var = &m->variants[v];
        bool all_star = true;
        for (size_t k = 0; k < m->nsels; k++)
            all_star &= var->keys[k].s == NULL;
        fallback |= all_star;
        const char *text = keys_text(p, var);
        if (!text || !gl_map_put(&keys, text, (uint32_t)v))
            ok = nomem(p);
        else if (keys.count != v + 1)
            ok = fail_at(p, MF2_DATA_MODEL, "duplicate-variant", var->at,
                         "duplicate-variant: an earlier variant has the same keys%s", "");
        else
            ok = link_pattern(p, &var->pattern);
    }
    gl_map_free(&keys);
    if (ok && m->nsels && !fallback)
        return fail_at(p, MF2_DATA_MODEL, "missing-fallback-variant", m->selector_at[0],
                       "missing-fallback-variant: .match needs a variant of `*` keys only%s",
                       "");
    return ok;
}

gl_mf2_parse_status gl_mf2_check(gl_arena *a, gl_mf2 *m, gl_mf2_problem *why)
{
    checker p = {.a = a, .why = why, .status = MF2_OK};
    bool ok = check_declarations(&p, m) && check_variants(&p, m) && link_pattern(&p, &m->pattern);
    gl_map_free(&p.declared);
    gl_map_free(&p.seen);
    if (ok)
        return MF2_OK;
    return p.status == MF2_OK ? MF2_NOMEM : p.status;
}

/* ---- readers ---- */

typedef void (*arg_fn)(void *ud, const char *name, const char *function, size_t at);

static void each_argument_in(const gl_mf2 *m, const gl_mf2_expr *e, arg_fn fn, void *ud)
{
    const gl_mf2_operand *op = &e->operand;
    if (op->kind == MF2_VARIABLE) {
        const gl_mf2_decl *d = op->decl == GL_MF2_ARGUMENT ? NULL : &m->decls[op->decl];
        if (!d || d->input)
            fn(ud, op->s, e->function ? e->function : d ? d->expr.function : NULL, e->at);
    }
    for (size_t k = 0; k < e->nopts; k++)
        if (e->opts[k].value.kind == MF2_VARIABLE && e->opts[k].value.decl == GL_MF2_ARGUMENT)
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
    return i < m->nsels ? annotation_of(m, m->selector_decl[i]) : NULL;
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
