/* The catalog: reading a directory of bundles, the checks that span
 * bundles, and the catalog's public accessors. */
#include "catalog.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "bundle.h"
#include "resolve.h"
#include "limits.h"

static atomic_uint_fast64_t next_serial = 1;

/* ---- lookups ---- */

const gl_bundle *gl_base(const glocal_catalog *c)
{
    return &c->bundles[0];
}

bool gl_lookup_message(const glocal_catalog *c, const char *id, uint32_t *index)
{
    return gl_map_get(&c->message_index, id, index);
}

const gl_term *gl_bundle_term(const gl_bundle *b, const char *name)
{
    uint32_t i;
    return gl_map_get(&b->term_index, name, &i) ? &b->terms[i] : NULL;
}

bool gl_term_locked(const glocal_catalog *c, const char *name)
{
    /* a flag on base's term: a scan of `locked:` per term was quadratic */
    const gl_term *t = gl_bundle_term(gl_base(c), name);
    return t && t->locked;
}

int gl_axis_of(const glocal_catalog *c, uint32_t value)
{
    return value < c->naxisvals ? c->axisvals[value].axis : -1;
}

bool gl_axis_value(const glocal_catalog *c, const char *name, uint32_t *index)
{
    return gl_map_get(&c->axis_index, name, index) && *index != 0;
}

const gl_argdecl *gl_message_arg(const gl_message *m, const char *name)
{
    uint32_t i;
    return gl_map_get(&m->arg_index, name, &i) ? &m->args[i] : NULL;
}

unsigned gl_use_mask(gl_use use, const char *style)
{
    switch (use) {
    case USE_PLAIN:
        return ALL_TYPES;
    case USE_NUMBER:
        if (!*style)
            return TYPE_BIT(T_NUMBER) | TYPE_BIT(T_MONEY);
        return strcmp(style, "currency") == 0 ? TYPE_BIT(T_MONEY) : TYPE_BIT(T_NUMBER);
    case USE_DATE:
    case USE_TIME:
        return TYPE_BIT(T_DATE);
    case USE_PLURAL:
    case USE_ORDINAL:
        return TYPE_BIT(T_NUMBER);
    case USE_SELECT:
        return TYPE_BIT(T_TEXT);
    }
    return 0;
}

size_t gl_bundle_chain(const glocal_catalog *c, const gl_bundle *b, uint32_t *out, size_t cap)
{
    gl_locale_facts f;
    char canon[GL_TAG_MAX];
    gl_tag_status st = b == gl_base(c) ? TAG_MALFORMED
                                       : gl_locale_canonical(b->locale, canon, sizeof canon);
    if (st == TAG_NOMEM)
        return 0;
    if (st != TAG_OK) { /* base, or a file name lint already reported */
        out[0] = 0;
        return 1;
    }
    if (!gl_locale_facts_of(b->locale, &f))
        return 0;
    return gl_chain_compute(c, f.base_tag, f.script, out, cap);
}

/* ---- freeing ---- */

void gl_catalog_free(glocal_catalog *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->nbundles; i++)
        gl_map_free(&c->bundles[i].term_index);
    for (size_t i = 0; i < c->nmessages; i++)
        gl_map_free(&c->messages[i].arg_index);
    gl_map_free(&c->axis_index);
    gl_map_free(&c->bundle_index);
    gl_map_free(&c->message_index);
    gl_chain_memo_free(c->memo);
    free(atomic_load(&c->sorted_messages));
    gl_arena_free(c->arena);
    free(c);
}

/* ---- reading the directory ---- */

/* base.yaml first, then by locale (the name without .yaml), as strcmp orders them. */
static int name_cmp(const void *a, const void *b)
{
    const char *x = *(const char *const *)a, *y = *(const char *const *)b;
    bool xb = strcmp(x, "base.yaml") == 0, yb = strcmp(y, "base.yaml") == 0;
    if (xb || yb)
        return yb - xb;
    size_t xn = strlen(x) - 5, yn = strlen(y) - 5;
    int c = strncmp(x, y, xn < yn ? xn : yn);
    return c ? c : (xn > yn) - (xn < yn);
}

static bool is_bundle_name(const char *name)
{
    size_t n = strlen(name);
    return n > 5 && strcmp(name + n - 5, ".yaml") == 0 && name[0] != '.';
}

static char *join_path(gl_arena *a, const char *dir, const char *name)
{
    size_t n = strlen(dir);
    gl_buf b = {0};
    gl_buf_puts(&b, dir);
    if (n && dir[n - 1] != '/')
        gl_buf_putc(&b, '/');
    gl_buf_puts(&b, name);
    char *p = b.oom ? NULL : gl_arena_strdup(a, b.p);
    gl_buf_free(&b);
    return p;
}

/* The *.yaml regular files directly in dir, base.yaml first. */
static char **list_bundles(const char *dir, uint64_t max, gl_arena *a, gl_diag *d,
                           size_t *count)
{
    DIR *dp = opendir(dir);
    if (!dp) {
        gl_report_fatal(d, errno == ENOMEM ? GLOCAL_ERR_NOMEM : GLOCAL_ERR_IO, dir, "%s: cannot read the catalog directory: %s", dir,
                        strerror(errno));
        return NULL;
    }
    size_t n = 0, cap = 16;
    char **names = gl_arena_alloc(a, cap * sizeof(char *));
    struct dirent *e;
    while (names && (e = readdir(dp)) != NULL) {
        if (!is_bundle_name(e->d_name))
            continue;
        char *path = join_path(a, dir, e->d_name);
        struct stat st;
        if (!path) {
            names = NULL;
            break;
        }
        if (stat(path, &st) != 0) {
            gl_report_fatal(d, GLOCAL_ERR_IO, path, "%s: cannot read: %s", path, strerror(errno));
            closedir(dp);
            return NULL;
        }
        if (S_ISDIR(st.st_mode))
            continue; /* subdirectories are ignored, whatever their name */
        if (n == max) {
            /* the directory, not the file readdir happened to list last */
            gl_report(d, R_SCHEMA, GLOCAL_ERR_LIMIT, dir, 0, 0, NULL, NULL,
                      "more than the limit of %llu bundles in one catalog",
                      (unsigned long long)max);
            break;
        }
        if (n == cap) {
            char **more = gl_arena_alloc(a, 2 * cap * sizeof(char *));
            if (more)
                memcpy(more, names, n * sizeof(char *));
            names = more;
            cap *= 2;
            if (!names)
                break;
        }
        names[n++] = gl_arena_strdup(a, e->d_name);
        if (!names[n - 1])
            names = NULL;
    }
    closedir(dp);
    if (!names) {
        gl_report_fatal(d, GLOCAL_ERR_NOMEM, dir, "out of memory");
        return NULL;
    }
    qsort(names, n, sizeof(char *), name_cmp);
    *count = n;
    return names;
}

/* ---- checks across bundles ---- */

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
    for (size_t i = 1; i < c->nbundles && !d->stop; i++) {
        const gl_bundle *b = &c->bundles[i];
        int32_t at = b->parent_idx;
        for (size_t steps = 0; at > 0 && steps <= c->nbundles; steps++) {
            if ((size_t)at == i) {
                gl_report(d, R_SCHEMA, GLOCAL_OK, b->file, b->parent_line, b->parent_col,
                          b->locale, NULL, "parent cycle: `%s` leads back to itself through "
                          "`parent:`", b->locale);
                break;
            }
            at = c->bundles[at].parent_idx;
        }
    }
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
        size_t n = x->m->nargs;
        /* the arena keeps every old copy: grow by doubling, never by one (quadratic memory) */
        if ((n & (n - 1)) == 0) {
            gl_argdecl *args = gl_arena_alloc(x->c->arena, (n ? 2 * n : 1) * sizeof(*args));
            if (!args)
                return !gl_report_fatal(x->d, GLOCAL_ERR_NOMEM, NULL, "out of memory");
            if (n)
                memcpy(args, x->m->args, n * sizeof(*args));
            x->m->args = args;
        }
        decl = &x->m->args[x->m->nargs++];
        *decl = (gl_argdecl){u->name, T_ANY, ALL_TYPES};
        if (!gl_map_put(&x->m->arg_index, decl->name, (uint32_t)(x->m->nargs - 1)))
            return !gl_report_fatal(x->d, GLOCAL_ERR_NOMEM, NULL, "out of memory");
    }
    /* SPEC §2: declared by use, `number` takes a number; only the currency
     * style takes money (a declared money may still be written {x, number}). */
    bool plain_number = u->use == USE_NUMBER && !*u->style;
    unsigned mask = decl->mask & (plain_number ? TYPE_BIT(T_NUMBER) : gl_use_mask(u->use, u->style));
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
                                        [T_DATE] = "a date", [T_MONEY] = "money"};
    static const char *const ways[][4] = {
        [T_TEXT] = {"", ", select, ...", NULL},
        [T_NUMBER] = {", number", ", plural, ...", ", selectordinal, ...", NULL},
        [T_DATE] = {", date, ...", ", time, ...", NULL},
        [T_MONEY] = {", number", ", number, currency", NULL},
    };
    size_t nforms = 1;
    gl_buf_printf(forms, "{%s}", decl->name);
    for (int t = T_TEXT; t <= T_MONEY; t++) {
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
 * ({x, number} and {x, date}) would make the message fail for every value. */
typedef struct use_meet {
    tcheck *x;
    const char *name[32];
    unsigned mask[32];
    size_t n;
} use_meet;

static bool meet_use(void *ud, const use_iter *u)
{
    use_meet *m = ud;
    const gl_argdecl *decl = gl_message_arg(m->x->m, u->name);
    unsigned mask = (decl ? decl->mask : ALL_TYPES) & gl_use_mask(u->use, u->style);
    size_t i = 0;
    while (i < m->n && strcmp(m->name[i], u->name) != 0)
        i++;
    if (i == m->n) {
        if (m->n < 32) {
            m->name[m->n] = u->name;
            m->mask[m->n++] = mask;
        }
        return true;
    }
    bool conflict = mask && m->mask[i] && !(m->mask[i] & mask);
    m->mask[i] = conflict ? ALL_TYPES : m->mask[i] & mask; /* report once per argument */
    if (!conflict)
        return true;
    tcheck *x = m->x;
    gl_buf use = {0};
    describe_use(u, &use);
    bool stop = gl_report(x->d, R_ARG_TYPE, GLOCAL_OK, x->b->file, x->t->line, x->t->col,
                          locale_of(x), x->m->id, "`%s` writes argument `%s` as `%s` and in an "
                          "earlier place as something no one value can also be; use it as one "
                          "type", x->m->id, u->name, use.p ? use.p : "");
    gl_buf_free(&use);
    return !stop;
}

static void check_template(tcheck *x)
{
    use_meet m = {.x = x};
    if (each_use(x->t, check_use, x) && !x->d->stop)
        each_use(x->t, meet_use, &m);
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
    for (size_t i = 0; i < c->nmessages && !d->stop; i++) {
        const gl_msgdef *def = gl_msgdef_in(b, (uint32_t)i);
        if (!def)
            continue;
        x.m = &c->messages[i];
        for (size_t v = 0; v < def->nv && !d->stop; v++) {
            x.t = &def->v[v].tmpl;
            check_template(&x);
        }
        if (!d->stop && d->collect && x.m->locked && b != gl_base(c))
            gl_report(d, R_LOCKED, GLOCAL_OK, b->file, def->line, def->col, b->locale, x.m->id,
                      "`%s` is locked in base.yaml; this override is ignored (remove it)",
                      x.m->id);
    }
    for (size_t i = 0; i < b->nterms && d->collect && b != gl_base(c); i++)
        if (gl_term_locked(c, b->terms[i].name))
            gl_report(d, R_LOCKED, GLOCAL_OK, b->file, b->terms[i].line, b->terms[i].col,
                      b->locale, NULL, "term `%s` is locked in base.yaml; this override is "
                      "ignored (remove it)", b->terms[i].name);
}

const char *gl_term_text(const glocal_catalog *c, const uint32_t *chain, size_t n,
                         const char *lang, const char *name)
{
    const gl_term *t;
    if (!gl_term_locked(c, name))
        for (size_t pos = 0; pos < n; pos++) {
            const gl_bundle *o = &c->bundles[chain[pos]];
            if (strcmp(o->lang_script, lang) == 0 && (t = gl_bundle_term(o, name)))
                return t->text;
        }
    t = gl_bundle_term(gl_base(c), name);
    return t ? t->text : NULL;
}

/* What one chain makes of one message (SPEC §3.4), checked as formatting
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

static void check_across(glocal_catalog *c, gl_diag *d)
{
    resolve_parents(c, d);
    if (!d->stop)
        infer_args(c, d);
    for (size_t i = 0; i < c->nbundles && !d->stop && !d->fatal; i++)
        check_bundle_messages(c, d, &c->bundles[i]);
    if (!d->stop && !d->fatal)
        check_request_chains(c, d);
}

/* ---- loading ---- */

static glocal_catalog *catalog_new(const char *dir)
{
    glocal_catalog *c = calloc(1, sizeof(*c));
    if (!c)
        return NULL;
    atomic_init(&c->refs, 1);
    c->serial = atomic_fetch_add(&next_serial, 1);
    c->arena = gl_arena_new();
    c->memo = gl_chain_memo_new();
    if (!c->arena || !c->memo || !(c->dir = gl_arena_strdup(c->arena, dir))) {
        gl_catalog_free(c);
        return NULL;
    }
    return c;
}

/* Each file's YAML tree lives only while its bundle is built (everything the
 * bundle keeps is copied into the catalog), so the peak holds one tree, not
 * all of them. */
static void load_file(gl_load *ld, const char *name, size_t index)
{
    glocal_catalog *c = ld->cat;
    gl_bundle *b = &c->bundles[index];
    size_t stem_len = strlen(name) - 5;
    bool is_base = index == 0;
    b->file = join_path(c->arena, c->dir, name);
    b->locale = is_base ? "base" : gl_arena_strndup(c->arena, name, stem_len);
    b->parent_idx = -1;
    if (!b->file || !b->locale) {
        gl_report_fatal(ld->diag, GLOCAL_ERR_NOMEM, NULL, "out of memory");
        return;
    }
    gl_arena *tree = gl_arena_new();
    if (!tree) {
        gl_report_fatal(ld->diag, GLOCAL_ERR_NOMEM, NULL, "out of memory");
        return;
    }
    bool ok;
    const ynode *root = gl_yaml_load(b->file, b->file, ld->limits, tree, ld->diag, &ok);
    if (ok)
        gl_bundle_load(ld, b, root, b->locale, is_base);
    gl_arena_free(tree);
    if (!ok)
        return;
    if (!gl_map_put(&c->bundle_index, b->locale, (uint32_t)index))
        gl_report_fatal(ld->diag, GLOCAL_ERR_NOMEM, NULL, "out of memory");
}

static bool base_usable(const glocal_catalog *c)
{
    return c->nbundles && c->bundles[0].msgs && c->language && c->bundles[0].lang_script;
}

glocal_status gl_catalog_load(const char *dir, const gl_limits *limits, gl_diag *d,
                              glocal_catalog **out)
{
    *out = NULL;
    glocal_catalog *c = catalog_new(dir);
    gl_arena *trees = gl_arena_new();
    size_t n = 0;
    char **names = c && trees ? list_bundles(dir, GL_LIMIT(limits, BUNDLES), trees, d, &n)
                              : NULL;
    if (c)
        c->max_output = GL_LIMIT(limits, OUTPUT_BYTES);
    if (!c || !trees) {
        gl_report_fatal(d, GLOCAL_ERR_NOMEM, NULL, "out of memory");
    } else if (names && (n == 0 || strcmp(names[0], "base.yaml") != 0)) {
        gl_report(d, R_SCHEMA, GLOCAL_OK, join_path(trees, dir, "base.yaml"), 0, 0, NULL, NULL,
                  "the catalog has no base.yaml, the global baseline every chain ends with");
    } else if (names) {
        c->bundles = gl_arena_alloc(c->arena, n * sizeof(gl_bundle));
        if (c->bundles) {
            memset(c->bundles, 0, n * sizeof(gl_bundle));
            c->nbundles = n;
        }
        gl_load ld = {d, limits, c};
        for (size_t i = 0; i < n && !d->stop && !d->fatal; i++) {
            if (i == 1 && !base_usable(c))
                break; /* lint: base is broken; locals cannot be checked against it */
            load_file(&ld, names[i], i);
        }
        if (!d->stop && !d->fatal && base_usable(c))
            check_across(c, d);
    }
    gl_arena_free(trees);
    bool usable = c && names && base_usable(c);
    if (d->fatal || (!d->collect && (d->stop || !usable)) || (d->collect && !usable)) {
        gl_catalog_free(c);
        if (d->fatal)
            return d->fatal;
        if (d->collect)
            return GLOCAL_OK;
        return d->first_error ? glocal_error_code(d->first_error) : GLOCAL_ERR_SCHEMA;
    }
    *out = c;
    return GLOCAL_OK;
}

/* ---- public API ---- */

glocal_status glocal_catalog_open(const char *dir, glocal_catalog **out, glocal_error **err)
{
    return glocal_catalog_open_with(dir, NULL, out, err);
}

glocal_status glocal_catalog_open_with(const char *dir, const glocal_options *o,
                                       glocal_catalog **out, glocal_error **err)
{
    if (out)
        *out = NULL;
    if (!dir || !out)
        return gl_fail(err, GLOCAL_ERR_INVALID, NULL, 0, 0, "glocal_catalog_open: %s is NULL",
                       dir ? "out" : "dir");
    if (!gl_utf8_valid(dir, strlen(dir)))
        return gl_fail(err, GLOCAL_ERR_INVALID, NULL, 0, 0,
                       "glocal_catalog_open: the directory name is not valid UTF-8");
    gl_diag d = {0};
    glocal_status st = gl_catalog_load(dir, gl_options_limits(o), &d, out);
    if (st != GLOCAL_OK && err && d.first_error)
        *err = d.first_error;
    else
        glocal_error_free(d.first_error);
    if (st != GLOCAL_OK && err && !*err)
        gl_fail(err, st, NULL, 0, 0, "%s: the catalog could not be opened", dir);
    return st;
}

glocal_catalog *glocal_catalog_ref(glocal_catalog *c)
{
    if (c)
        atomic_fetch_add_explicit(&c->refs, 1, memory_order_relaxed);
    return c;
}

void glocal_catalog_unref(glocal_catalog *c)
{
    if (c && atomic_fetch_sub_explicit(&c->refs, 1, memory_order_acq_rel) == 1)
        gl_catalog_free(c);
}

size_t glocal_catalog_locale_count(const glocal_catalog *c)
{
    return c && c->nbundles ? c->nbundles - 1 : 0;
}

const char *glocal_catalog_locale_at(const glocal_catalog *c, size_t i)
{
    return c && i + 1 < c->nbundles ? c->bundles[i + 1].locale : NULL;
}
