/* The checks that span bundles, run once every bundle is loaded: parents,
 * the arguments base's templates declare by use, each template's uses against
 * base's declarations, and what each bundle's own chain makes of every
 * message. */
#include "load.h"

#include <stdlib.h>
#include <string.h>

#include "chain.h"
#include "resolve.h"

/* How a bundle's run of `parent:` links ends. */
typedef enum run_end { UNSEEN, ON_PATH, MEASURED, IN_CYCLE, BEHIND_CYCLE } run_end;

typedef struct parent_run {
    run_end end;
    uint32_t depth; /* MEASURED: `parent:` links to the bundle that names none */
    uint32_t root;  /* MEASURED: that bundle */
} parent_run;

/* Follows `parent:` from one bundle until a bundle already measured, one
 * without parent, or one on this path (a cycle), then measures the path on
 * the way back: every bundle is walked once, so all of them take time linear
 * in the catalog.  path has room for every bundle. */
static void measure_parent_run(const glocal_catalog *c, size_t from, parent_run *run,
                               uint32_t *path)
{
    size_t n = 0, at = from;
    while (run[at].end == UNSEEN) {
        run[at].end = ON_PATH;
        path[n++] = (uint32_t)at;
        if (c->bundles[at].parent_idx <= 0)
            break;
        at = (size_t)c->bundles[at].parent_idx;
    }
    if (run[at].end == ON_PATH && c->bundles[at].parent_idx > 0) {
        size_t k = n;
        while (path[--k] != at) {
        }
        for (size_t i = k; i < n; i++)
            run[path[i]].end = IN_CYCLE;
        n = k;
    }
    while (n-- > 0) {
        uint32_t b = path[n];
        int32_t p = c->bundles[b].parent_idx;
        if (p <= 0)
            run[b] = (parent_run){MEASURED, 0, b};
        else if (run[p].end == MEASURED)
            run[b] = (parent_run){MEASURED, run[p].depth + 1, run[p].root};
        else
            run[b].end = BEHIND_CYCLE; /* the cycle's own bundles report it */
    }
}

/* A cycle of `parent:`s is an error at each of its `parent:`s; a run longer
 * than GL_MAX_PARENT_DEPTH at the `parent:` that passes the limit. */
static void check_parent_runs(const glocal_catalog *c, gl_diag *d)
{
    parent_run *run = calloc(c->nbundles, sizeof(*run));
    uint32_t *path = malloc(c->nbundles * sizeof(*path));
    if (!run || !path)
        gl_report_fatal(d, GLOCAL_ERR_NOMEM, NULL, "out of memory");
    for (size_t i = 1; i < c->nbundles && !d->fatal; i++)
        measure_parent_run(c, i, run, path);
    for (size_t i = 1; i < c->nbundles && !d->stop; i++) {
        const gl_bundle *b = &c->bundles[i];
        if (run[i].end == IN_CYCLE)
            gl_report(d, R_SCHEMA, GLOCAL_OK, b->file, b->parent_line, b->parent_col,
                      b->locale, NULL, "parent cycle: `%s` leads back to itself through "
                      "`parent:`", b->locale);
        else if (run[i].end == MEASURED && run[i].depth == GL_MAX_PARENT_DEPTH + 1)
            gl_report(d, R_SCHEMA, GLOCAL_ERR_LIMIT, b->file, b->parent_line, b->parent_col,
                      b->locale, NULL, "`parent: %s` makes `%s` reach `%s` through %d `parent:` "
                      "links, over the limit of %d (docs/limits.md); shorten the run",
                      b->parent, b->locale, c->bundles[run[i].root].locale,
                      GL_MAX_PARENT_DEPTH + 1, GL_MAX_PARENT_DEPTH);
    }
    free(run);
    free(path);
}

static void resolve_parents(glocal_catalog *c, gl_diag *d)
{
    for (size_t i = 1; i < c->nbundles && !d->stop; i++) {
        gl_bundle *b = &c->bundles[i];
        uint32_t p;
        if (!b->parent)
            continue;
        if (strcmp(b->parent, "base") == 0) {
            gl_report(d, R_SCHEMA, GLOCAL_OK, b->file, b->parent_line, b->parent_col, b->locale,
                      NULL, "`parent: base`: base ends every chain by itself; remove `parent:`");
            continue;
        }
        if (!gl_map_get(&c->bundle_index, b->parent, &p) || p == 0) {
            gl_report(d, R_SCHEMA, GLOCAL_OK, b->file, b->parent_line, b->parent_col, b->locale,
                      NULL, "parent `%s` has no bundle: add %s.yaml or remove `parent:`",
                      b->parent, b->parent);
            continue;
        }
        b->parent_idx = (int32_t)p;
    }
    if (!d->stop)
        check_parent_runs(c, d);
}

typedef struct use_iter {
    const char *name;
    gl_use use;
    const char *style;
} use_iter;

/* Calls fn for every argument use of a template. */
static bool each_use(const gl_template *t, bool (*fn)(void *, const use_iter *), void *ud)
{
    for (size_t i = 0; i < t->nslots; i++) {
        if (t->slots[i].kind != SLOT_ARG)
            continue;
        use_iter u = {t->slots[i].name, t->slots[i].use, t->slots[i].style};
        if (!fn(ud, &u))
            return false;
    }
    for (size_t i = 0; i < t->nsels; i++) {
        use_iter u = {t->sels[i].name, t->sels[i].use, ""};
        if (!fn(ud, &u))
            return false;
    }
    return true;
}

typedef struct infer_ctx {
    glocal_catalog *c;
    gl_diag *d;
    gl_message *m;
    const gl_template *t;
} infer_ctx;

static bool infer_use(void *ud, const use_iter *u)
{
    infer_ctx *x = ud;
    gl_argdecl *decl = (gl_argdecl *)gl_message_arg(x->m, u->name);
    if (!decl) {
        gl_argdecl *args = gl_arena_grow_array(x->c->arena, x->m->args, x->m->nargs,
                                               sizeof(*args));
        if (!args)
            return !gl_report_fatal(x->d, GLOCAL_ERR_NOMEM, NULL, "out of memory");
        x->m->args = args;
        decl = &x->m->args[x->m->nargs++];
        *decl = (gl_argdecl){u->name, T_ANY, ALL_TYPES};
        if (!gl_map_put(&x->m->arg_index, decl->name, (uint32_t)(x->m->nargs - 1)))
            return !gl_report_fatal(x->d, GLOCAL_ERR_NOMEM, NULL, "out of memory");
    }
    /* Declared by use (docs/bundles.md), `number` takes a number; only the currency
     * style takes money (a declared money may still be written {x, number}). */
    bool plain_number = u->use == USE_NUMBER && !*u->style;
    unsigned mask =
        decl->mask & (plain_number ? TYPE_BIT(T_NUMBER) : gl_use_mask(u->use, u->style));
    if (!mask)
        return !gl_report(x->d, R_ARG_TYPE, GLOCAL_OK, gl_base(x->c)->file, x->t->line, x->t->col,
                          NULL, x->m->id, "`%s` uses argument `%s` in ways no one type allows; "
                          "declare it in `_args` and use it consistently", x->m->id, u->name);
    decl->mask = mask;
    return true;
}

/* Base's templates declare the arguments of messages without `_args`. */
static void infer_args(glocal_catalog *c, gl_diag *d)
{
    const gl_bundle *base = gl_base(c);
    for (size_t i = 0; i < c->nmessages && !d->stop; i++) {
        gl_message *m = &c->messages[i];
        const gl_msgdef *def = base->msgs[i];
        if (m->args_declared || !def)
            continue;
        for (size_t v = 0; v < def->nv && !d->stop; v++) {
            infer_ctx x = {c, d, m, &def->v[v].tmpl};
            each_use(&def->v[v].tmpl, infer_use, &x);
        }
    }
}

typedef struct tcheck {
    glocal_catalog *c;
    gl_diag *d;
    const gl_bundle *b;
    const gl_message *m;
    const gl_template *t;
    const uint32_t *chain;
    size_t nchain;
} tcheck;

static const char *locale_of(const tcheck *x)
{
    return x->b == gl_base(x->c) ? NULL : x->b->locale;
}

static void list_declared(const gl_message *m, gl_buf *out)
{
    for (size_t i = 0; i < m->nargs; i++)
        gl_buf_printf(out, "%s%s", i ? ", " : "", m->args[i].name);
    if (!m->nargs)
        gl_buf_puts(out, "none");
}

/* `{eta, number}`, `{count, plural, ...}`: how a template uses an argument. */
static void describe_use(const use_iter *u, gl_buf *out)
{
    static const char *const kinds[] = {
        [USE_PLAIN] = "", [USE_NUMBER] = ", number", [USE_DATE] = ", date", [USE_TIME] = ", time",
        [USE_PLURAL] = ", plural, ...", [USE_ORDINAL] = ", selectordinal, ...",
        [USE_SELECT] = ", select, ..."};
    gl_buf_printf(out, "{%s%s%s%s}", u->name, kinds[u->use], *u->style ? ", " : "", u->style);
}

/* "a date" and "{eta}, {eta, date, ...} or {eta, time, ...}"; for an
 * argument inferred from base's uses, every type those uses allow. */
static void describe_type(const gl_argdecl *decl, gl_buf *type, gl_buf *forms)
{
    static const char *const names[] = {[T_TEXT] = "text", [T_NUMBER] = "a number",
                                        [T_DATE] = "a date", [T_MONEY] = "money",
                                        [T_CODE] = "a code",
                                        [T_DAY] = "a day"};
    static const char *const ways[][5] = {
        [T_TEXT] = {"", ", select, ...", NULL},
        [T_NUMBER] = {", number", ", plural, ...", ", selectordinal, ...", NULL},
        [T_DATE] = {", date, ...", ", time, ...", NULL},
        [T_MONEY] = {", number", ", number, currency", ", number, ::skeleton with no unit", NULL},
        [T_CODE] = {"", NULL},
        [T_DAY] = {", date, ...", NULL},
    };
    size_t nforms = 1;
    gl_buf_printf(forms, "{%s}", decl->name);
    for (int t = T_TEXT; t <= LAST_TYPE; t++) {
        if (!(decl->mask & TYPE_BIT(t)))
            continue;
        gl_buf_printf(type, "%s%s", type->len ? " or " : "", names[t]);
        for (size_t k = 0; ways[t][k]; k++)
            if (*ways[t][k] && !(t == T_MONEY && decl->mask & TYPE_BIT(T_NUMBER) && k == 0))
                gl_buf_printf(forms, "%s{%s%s}", nforms++ ? ", " : "", decl->name, ways[t][k]);
    }
    if (decl->type == T_ANY)
        gl_buf_puts(type, ", as base uses it");
}

static bool check_use(void *ud, const use_iter *u)
{
    tcheck *x = ud;
    const gl_argdecl *decl = gl_message_arg(x->m, u->name);
    if (!decl) {
        gl_buf names = {0};
        list_declared(x->m, &names);
        bool stop = gl_report(x->d, R_UNKNOWN_ARG, GLOCAL_OK, x->b->file, x->t->line, x->t->col,
                              locale_of(x), x->m->id, "`%s` uses argument `%s`, which base.yaml "
                              "does not declare (declared: %s)", x->m->id, u->name,
                              names.p ? names.p : "none");
        gl_buf_free(&names);
        return !stop;
    }
    /* base's own uses of an undeclared argument were checked while inferring it */
    bool inferred_here = !x->m->args_declared && x->b == gl_base(x->c);
    unsigned can = gl_use_mask(u->use, u->style);
    /* Every type the declaration allows must be writable here: base's `{x}`
     * takes any type, so a local `{x, date}` would fail for a number. */
    if (inferred_here || !(decl->mask & ~can))
        return true;
    gl_buf use = {0}, type = {0}, forms = {0};
    describe_use(u, &use);
    describe_type(decl, &type, &forms);
    bool stop;
    if (decl->mask & can)
        stop = gl_report(x->d, R_ARG_TYPE, GLOCAL_OK, x->b->file, x->t->line, x->t->col,
                         locale_of(x), x->m->id, "`%s` writes argument `%s` (%s) as `%s`, which "
                         "cannot write all of them; write it as base does, or declare its type "
                         "in `_args`", x->m->id, u->name, type.p, use.p);
    else
        stop = gl_report(x->d, R_ARG_TYPE, GLOCAL_OK, x->b->file, x->t->line, x->t->col,
                         locale_of(x), x->m->id, "`%s` writes argument `%s` (%s) as `%s`; "
                         "write it as one of %s", x->m->id, u->name, type.p, use.p, forms.p);
    gl_buf_free(&use);
    gl_buf_free(&type);
    gl_buf_free(&forms);
    return !stop;
}

/* Uses of one argument in one template that no single value can satisfy
 * ({x, number} and {x, date}) would make the message fail for every value.
 * Kept by argument name across templates (a template may use thousands of
 * arguments); `round` tells which template's uses an entry meets. */
typedef struct use_meet {
    tcheck *x;
    gl_map index;             /* argument name -> entry */
    unsigned *mask;           /* the types every use so far allows */
    uint32_t *round;          /* of the entry's mask; 0: none yet */
    size_t n, cap;
    uint32_t now;             /* the round of the template being checked */
} use_meet;

static bool meet_entry(use_meet *m, const char *name, uint32_t *i)
{
    if (gl_map_get(&m->index, name, i))
        return true;
    if (m->n == m->cap) {
        size_t cap = m->cap ? 2 * m->cap : 16;
        unsigned *mask = realloc(m->mask, cap * sizeof(*mask));
        if (mask)
            m->mask = mask;
        uint32_t *round = mask ? realloc(m->round, cap * sizeof(*round)) : NULL;
        if (!round)
            return false;
        m->round = round;
        m->cap = cap;
    }
    *i = (uint32_t)m->n;
    m->round[m->n++] = 0;
    return gl_map_put(&m->index, name, *i);
}

static void use_meet_free(use_meet *m)
{
    gl_map_free(&m->index);
    free(m->mask);
    free(m->round);
}

static bool meet_use(void *ud, const use_iter *u)
{
    use_meet *m = ud;
    tcheck *x = m->x;
    const gl_argdecl *decl = gl_message_arg(x->m, u->name);
    unsigned mask = (decl ? decl->mask : ALL_TYPES) & gl_use_mask(u->use, u->style);
    uint32_t i;
    if (!meet_entry(m, u->name, &i))
        return !gl_report_fatal(x->d, GLOCAL_ERR_NOMEM, NULL, "out of memory");
    if (m->round[i] != m->now) { /* the template's first use of it */
        m->round[i] = m->now;
        m->mask[i] = mask;
        return true;
    }
    bool conflict = mask && m->mask[i] && !(m->mask[i] & mask);
    m->mask[i] = conflict ? ALL_TYPES : m->mask[i] & mask; /* report once per argument */
    if (!conflict)
        return true;
    gl_buf use = {0};
    describe_use(u, &use);
    bool stop = gl_report(x->d, R_ARG_TYPE, GLOCAL_OK, x->b->file, x->t->line, x->t->col,
                          locale_of(x), x->m->id, "`%s` writes argument `%s` as `%s` and in an "
                          "earlier place as something no one value can also be; use it as one "
                          "type", x->m->id, u->name, use.p ? use.p : "");
    gl_buf_free(&use);
    return !stop;
}

static void check_template(tcheck *x, use_meet *m)
{
    m->now++;
    if (each_use(x->t, check_use, x) && !x->d->stop)
        each_use(x->t, meet_use, m);
}

/* An `other` key counts even when its template failed (that is reported
 * as template-syntax, not as a missing `other`). */
static bool has_other(const gl_msgdef *def)
{
    return def->scalar || def->other_written;
}

static void check_bundle_messages(glocal_catalog *c, gl_diag *d, const gl_bundle *b)
{
    tcheck x = {c, d, b, NULL, NULL, NULL, 0};
    use_meet meet = {.x = &x};
    for (size_t i = 0; i < c->nmessages && !d->stop; i++) {
        const gl_msgdef *def = gl_msgdef_in(b, (uint32_t)i);
        if (!def)
            continue;
        x.m = &c->messages[i];
        for (size_t v = 0; v < def->nv && !d->stop; v++) {
            x.t = &def->v[v].tmpl;
            check_template(&x, &meet);
        }
    }
    use_meet_free(&meet);
    for (size_t i = 0; i < b->nterms && d->collect && b != gl_base(c); i++)
        if (gl_term_locked(c, b->terms[i].name))
            gl_report(d, R_LOCKED, GLOCAL_OK, b->file, b->terms[i].line, b->terms[i].col,
                      b->locale, NULL, "term `%s` is locked in base.yaml; this override is "
                      "ignored (remove it)", b->terms[i].name);
}

/* What one chain makes of one message (docs/resolution.md, Text), checked as formatting
 * will use it: the merged map has `other`, and every term resolves. */
typedef struct chain_check {
    glocal_catalog *c;
    gl_diag *d;
    const gl_bundle *from;     /* the bundle whose own chain this is */
    const uint32_t *chain;
    size_t n;
    uint8_t *other_reported;   /* per (message, bundle) */
    uint8_t *term_reported;    /* per template */
} chain_check;

static void check_terms_on_chain(chain_check *k, const gl_bundle *o, const gl_template *t,
                                 const char *lang, const char *id)
{
    for (size_t i = 0; i < t->nslots && !k->d->stop; i++) {
        const gl_slot *s = &t->slots[i];
        if (s->kind != SLOT_TERM || k->term_reported[t->id] ||
            gl_term_text(k->c, k->chain, k->n, lang, s->name))
            continue;
        k->term_reported[t->id] = 1;
        gl_report(k->d, R_UNKNOWN_TERM, GLOCAL_OK, o->file, t->line, t->col,
                  o == gl_base(k->c) ? NULL : o->locale, id,
                  "`%s` uses term `{-%s}`, which neither base.yaml nor a bundle of the same "
                  "language on the chain of %s defines (add it to `terms:`)", id, s->name,
                  k->from->locale);
    }
}

typedef struct merge_check {
    chain_check *k;
    uint32_t msg;
    const char *lang;
    bool other;
} merge_check;

static void check_definition(void *ud, const gl_msgdef *def, size_t pos)
{
    merge_check *m = ud;
    chain_check *k = m->k;
    const gl_bundle *o = &k->c->bundles[k->chain[pos]];
    m->other = m->other || has_other(def);
    for (size_t v = 0; v < def->nv && !k->d->stop; v++)
        check_terms_on_chain(k, o, &def->v[v].tmpl, m->lang, k->c->messages[m->msg].id);
}

static void check_message_on_chain(chain_check *k, uint32_t msg)
{
    glocal_catalog *c = k->c;
    size_t first = gl_deciding_position(c, k->chain, k->n, msg);
    const gl_bundle *f = &c->bundles[k->chain[first]];
    if (!gl_msgdef_in(f, msg))
        return; /* even base could not load it: reported already */
    merge_check m = {k, msg, f->lang_script, false};
    gl_each_merged(c, k->chain, k->n, msg, first, check_definition, &m);
    bool other = m.other;
    uint8_t *seen = &k->other_reported[(size_t)msg * c->nbundles + k->chain[first]];
    if (other || *seen || k->d->stop)
        return;
    *seen = 1;
    const gl_msgdef *def = f->msgs[msg];
    if (f == k->from)
        gl_report(k->d, R_SELECTOR, GLOCAL_OK, f->file, def->line, def->col, f->locale,
                  c->messages[msg].id, "`%s` has no `other` variant, and no bundle it merges "
                  "with gives one; add `other:`", c->messages[msg].id);
    else
        gl_report(k->d, R_SELECTOR, GLOCAL_OK, f->file, def->line, def->col, f->locale,
                  c->messages[msg].id, "`%s` has no `other` variant for requests that reach %s "
                  "through %s, where no bundle of its language follows; add `other:`",
                  c->messages[msg].id, f->locale, k->from->locale);
}

/* Every bundle's own chain is a chain requests take (up to their first
 * bundle), including those that reach a bundle through `parent:`. */
static void check_request_chains(glocal_catalog *c, gl_diag *d)
{
    chain_check k = {c, d, NULL, NULL, 0, calloc(c->nmessages * c->nbundles + 1, 1),
                     calloc(c->ntemplates + 1, 1)};
    uint32_t chain[GL_MAX_CHAIN];
    if (!k.other_reported || !k.term_reported)
        gl_report_fatal(d, GLOCAL_ERR_NOMEM, NULL, "out of memory");
    for (size_t b = 0; b < c->nbundles && !d->stop && !d->fatal; b++) {
        k.from = &c->bundles[b];
        if (!k.from->msgs)
            continue; /* a bundle lint could not read */
        k.chain = chain;
        k.n = gl_bundle_chain(c, k.from, chain, GL_MAX_CHAIN);
        if (k.n == 0)
            gl_report_fatal(d, GLOCAL_ERR_NOMEM, k.from->file, "out of memory");
        for (uint32_t m = 0; m < c->nmessages && !d->stop && !d->fatal; m++)
            check_message_on_chain(&k, m);
    }
    free(k.other_reported);
    free(k.term_reported);
}

/* ---- locks (docs/bundles.md#locks) ---- */

static bool approved(const gl_message *m, const gl_bundle *b)
{
    for (size_t i = 0; m->approved && i < m->approved->n; i++)
        if (strcmp(m->approved->locales[i], b->locale) == 0)
            return true;
    return false;
}

static const gl_lock *lock_of(const gl_bundle *b, uint32_t msg)
{
    for (size_t i = 0; i < b->nlocks; i++)
        if (b->locks[i].msg == msg)
            return &b->locks[i];
    return NULL;
}

/* The farthest bundle beyond b in b's own chain that locks msg (valid, when
 * asked), NULL when none; chain as gl_bundle_chain wrote it. */
static const gl_bundle *locked_beyond(const glocal_catalog *c, const uint32_t *chain, size_t n,
                                      uint32_t msg, bool valid)
{
    for (size_t pos = n; pos-- > 1;) {
        const gl_lock *l = lock_of(&c->bundles[chain[pos]], msg);
        if (l && (!valid || l->valid))
            return &c->bundles[chain[pos]];
    }
    return NULL;
}

/* A lock is valid when base approves the bundle's version of a message it
 * locks, or, for a message base leaves open, when no farther bundle of the
 * bundle's chain locks it. */
static bool validate_locks(glocal_catalog *c, gl_diag *d)
{
    uint32_t chain[GL_MAX_CHAIN];
    for (size_t i = 1; i < c->nbundles; i++) {
        gl_bundle *b = &c->bundles[i];
        size_t n = b->nlocks ? gl_bundle_chain(c, b, chain, GL_MAX_CHAIN) : 0;
        if (b->nlocks && !n)
            return gl_report_fatal(d, GLOCAL_ERR_NOMEM, b->file, "out of memory"), false;
        for (size_t k = 0; k < b->nlocks; k++) {
            gl_message *m = &c->messages[b->locks[k].msg];
            b->locks[k].valid = m->locked ? approved(m, b)
                                          : !locked_beyond(c, chain, n, b->locks[k].msg, false);
            m->local_lock |= b->locks[k].valid;
        }
    }
    return true;
}

static void report_lock(gl_diag *d, const gl_bundle *b, const gl_message *m, unsigned line,
                        unsigned col, const gl_bundle *holder, bool own_lock)
{
    if (holder)
        gl_report(d, R_LOCKED, GLOCAL_OK, b->file, line, col, b->locale, m->id, "`%s` is locked "
                  "by %s (its approved text); this %s is ignored (remove it)", m->id,
                  holder->file, own_lock ? "lock" : "override");
    else if (!m->locked)
        return;
    else if (approved(m, b))
        gl_report(d, R_LOCKED, GLOCAL_OK, b->file, line, col, b->locale, m->id, "`%s` is locked "
                  "in base.yaml, which approves %s's version: lock it in this bundle's "
                  "`locked:` too, or remove it", m->id, b->locale);
    else if (own_lock || m->approved)
        gl_report(d, R_LOCKED, GLOCAL_OK, b->file, line, col, b->locale, m->id, "`%s` is locked "
                  "in base.yaml, which approves no local version for %s; this %s is ignored "
                  "(remove it)", m->id, b->locale, own_lock ? "lock" : "override");
    else
        gl_report(d, R_LOCKED, GLOCAL_OK, b->file, line, col, b->locale, m->id,
                  "`%s` is locked in base.yaml; this override is ignored (remove it)", m->id);
}

/* Every definition of a locked message that no valid lock of its own backs. */
static void check_locks(glocal_catalog *c, gl_diag *d)
{
    if (!validate_locks(c, d) || !d->collect)
        return;
    uint32_t chain[GL_MAX_CHAIN];
    for (size_t i = 1; i < c->nbundles && !d->stop; i++) {
        const gl_bundle *b = &c->bundles[i];
        size_t n = 0;
        for (uint32_t msg = 0; b->msgs && msg < c->nmessages && !d->stop; msg++) {
            const gl_msgdef *def = b->msgs[msg];
            const gl_lock *own = lock_of(b, msg);
            if (!def || (own && own->valid))
                continue;
            if (!n && !(n = gl_bundle_chain(c, b, chain, GL_MAX_CHAIN)))
                return (void)gl_report_fatal(d, GLOCAL_ERR_NOMEM, b->file, "out of memory");
            report_lock(d, b, &c->messages[msg], own ? own->line : def->line,
                        own ? own->col : def->col, locked_beyond(c, chain, n, msg, true),
                        own != NULL);
        }
    }
}

void gl_catalog_check(glocal_catalog *c, gl_diag *d)
{
    resolve_parents(c, d);
    if (!d->stop)
        check_locks(c, d);
    if (!d->stop)
        infer_args(c, d);
    for (size_t i = 0; i < c->nbundles && !d->stop && !d->fatal; i++)
        check_bundle_messages(c, d, &c->bundles[i]);
    if (!d->stop && !d->fatal)
        check_request_chains(c, d);
}
