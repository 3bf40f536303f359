/* Reading a catalog through the public API: its messages, the variants a
 * locale ends up with, a locale's chain, the terms its texts see.  Each is computed by the functions
 * formatting uses (resolve.c, chain.c), so what a reader sees is what a
 * customer is served. */
#include <stdlib.h>
#include <string.h>

#include "compiled.h"
#include "resolve.h"

/* ---- messages ---- */

typedef struct id_at {
    const char *id;
    uint32_t index;
} id_at;

static int by_id(const void *a, const void *b)
{
    return strcmp(((const id_at *)a)->id, ((const id_at *)b)->id);
}

static uint32_t *sort_messages(const glocal_catalog *c)
{
    id_at *pairs = malloc((c->nmessages + 1) * sizeof(*pairs));
    uint32_t *order = malloc((c->nmessages + 1) * sizeof(*order));
    if (pairs && order) {
        for (size_t i = 0; i < c->nmessages; i++)
            pairs[i] = (id_at){c->messages[i].id, (uint32_t)i};
        qsort(pairs, c->nmessages, sizeof(*pairs), by_id);
        for (size_t i = 0; i < c->nmessages; i++)
            order[i] = pairs[i].index;
    } else {
        free(order);
        order = NULL;
    }
    free(pairs);
    return order;
}

/* The messages sorted by id, built by the first reader and kept: the open
 * does not pay for an order only readers need.  A lost race frees its copy. */
static const uint32_t *sorted_messages(const glocal_catalog *c)
{
    _Atomic(uint32_t *) *slot = &((glocal_catalog *)c)->sorted_messages;
    uint32_t *have = atomic_load_explicit(slot, memory_order_acquire);
    if (have)
        return have;
    uint32_t *mine = sort_messages(c);
    if (mine && !atomic_compare_exchange_strong_explicit(slot, &have, mine, memory_order_acq_rel,
                                                         memory_order_acquire)) {
        free(mine);
        return have;
    }
    return mine;
}

size_t glocal_catalog_message_count(const glocal_catalog *c)
{
    return c ? c->nmessages : 0;
}

const glocal_message *glocal_catalog_message_at(const glocal_catalog *c, size_t i)
{
    const uint32_t *order = c && i < c->nmessages ? sorted_messages(c) : NULL;
    return order ? (const glocal_message *)&c->messages[order[i]] : NULL;
}

const glocal_message *glocal_catalog_message(const glocal_catalog *c, const char *message_id)
{
    uint32_t i;
    if (!c || !message_id || !gl_lookup_message(c, message_id, &i))
        return NULL;
    return (const glocal_message *)&c->messages[i];
}

static const gl_message *message(const glocal_message *m)
{
    return (const gl_message *)m;
}

const char *glocal_message_id(const glocal_message *m)
{
    return m ? message(m)->id : NULL;
}

const char *glocal_message_note(const glocal_message *m)
{
    return !m ? NULL : message(m)->note ? message(m)->note : "";
}

int glocal_message_locked(const glocal_message *m)
{
    return m && message(m)->locked;
}

size_t glocal_message_arg_count(const glocal_message *m)
{
    return m ? message(m)->nargs : 0;
}

const char *glocal_message_arg_name(const glocal_message *m, size_t i)
{
    return m && i < message(m)->nargs ? message(m)->args[i].name : NULL;
}

const char *glocal_message_arg_type(const glocal_message *m, size_t i)
{
    return m && i < message(m)->nargs ? gl_argtype_name(message(m)->args[i].type) : NULL;
}

int glocal_message_arg_accepts(const glocal_message *m, size_t i, const char *type)
{
    if (!m || !type || i >= message(m)->nargs)
        return 0;
    for (gl_argtype t = T_TEXT; t <= LAST_TYPE; t++)
        if (strcmp(gl_argtype_name(t), type) == 0)
            return (gl_arg_value_mask(&message(m)->args[i]) & TYPE_BIT(t)) != 0;
    return 0;
}

/* ---- chains ---- */

struct glocal_chain {
    const glocal_catalog *c;
    size_t n;
    uint32_t idx[];
};

/* The chain of a caller's locale, memoized like a request's. */
static glocal_status chain_of(const glocal_catalog *c, const char *locale, const gl_chain **out,
                              bool *owned, glocal_error **err)
{
    char tag[GL_TAG_MAX];
    glocal_status st = gl_request_locale(locale, tag, err);
    if (st != GLOCAL_OK)
        return st;
    *out = gl_chain_get(c, tag, gl_hash(tag, strlen(tag)), owned);
    return *out ? GLOCAL_OK : gl_nomem(err);
}

/* The message called message_id (*msg) and locale's chain: what reading a
 * message for a locale starts with. */
static glocal_status message_and_chain(const glocal_catalog *c, const char *locale,
                                       const char *message_id, uint32_t *msg,
                                       const gl_chain **ch, bool *owned, glocal_error **err)
{
    if (!gl_lookup_message(c, message_id, msg))
        return gl_fail(err, GLOCAL_ERR_NOT_FOUND, NULL, 0, 0, "unknown message id `%s`",
                       message_id);
    glocal_status st = gl_compiled_message_ready(c, *msg, err);
    return st != GLOCAL_OK ? st : chain_of(c, locale, ch, owned, err);
}

glocal_status glocal_catalog_chain(const glocal_catalog *c, const char *locale,
                                   glocal_chain **out, glocal_error **err)
{
    if (out)
        *out = NULL;
    if (!c || !locale || !out)
        return gl_fail(err, GLOCAL_ERR_INVALID, NULL, 0, 0, "a required argument is NULL");
    const gl_chain *ch;
    bool owned;
    glocal_status st = chain_of(c, locale, &ch, &owned, err);
    if (st != GLOCAL_OK)
        return st;
    glocal_chain *res = malloc(sizeof(*res) + ch->n * sizeof(res->idx[0]));
    if (res) {
        res->c = c;
        res->n = ch->n;
        memcpy(res->idx, ch->idx, ch->n * sizeof(ch->idx[0]));
    }
    if (owned)
        gl_chain_free((gl_chain *)ch);
    if (!res)
        return gl_nomem(err);
    *out = res;
    return GLOCAL_OK;
}

size_t glocal_chain_count(const glocal_chain *ch)
{
    return ch ? ch->n : 0;
}

const char *glocal_chain_bundle(const glocal_chain *ch, size_t i)
{
    return ch && i < ch->n ? ch->c->bundles[ch->idx[i]].locale : NULL;
}

const char *glocal_chain_file(const glocal_chain *ch, size_t i)
{
    return ch && i < ch->n ? ch->c->bundles[ch->idx[i]].file : NULL;
}

glocal_status glocal_catalog_locked_by(const glocal_catalog *c, const char *locale,
                                       const char *message_id, const char **bundle,
                                       glocal_error **err)
{
    if (bundle)
        *bundle = NULL;
    if (!c || !locale || !message_id || !bundle)
        return gl_fail(err, GLOCAL_ERR_INVALID, NULL, 0, 0, "a required argument is NULL");
    uint32_t msg;
    const gl_chain *ch;
    bool owned;
    glocal_status st = message_and_chain(c, locale, message_id, &msg, &ch, &owned, err);
    if (st != GLOCAL_OK)
        return st;
    const gl_bundle *at = &c->bundles[ch->idx[gl_deciding_position(c, ch->idx, ch->n, msg)]];
    if (gl_bundle_lock(at, msg))
        *bundle = at->locale;
    else if (c->messages[msg].locked)
        *bundle = gl_base(c)->locale;
    if (owned)
        gl_chain_free((gl_chain *)ch);
    return GLOCAL_OK;
}

void glocal_chain_free(glocal_chain *ch)
{
    free(ch);
}

/* ---- the variants a locale ends up with ---- */

struct glocal_variant {
    const gl_variant *v;
    const gl_bundle *b;
    bool inherited, locked;
};

struct glocal_variants {
    glocal_variant *items;
    size_t n, cap;
    gl_map keys;               /* key -> index: the nearest bundle's wins */
    const char *own;           /* the locale's own bundle, by tag */
    bool locked;
    bool oom;
};

static void add_variant(glocal_variants *vs, const gl_variant *v, const gl_bundle *b)
{
    uint32_t seen;
    if (vs->oom || gl_map_get(&vs->keys, v->key->text, &seen))
        return;
    if (vs->n == vs->cap) {
        size_t cap = vs->cap ? 2 * vs->cap : 8;
        glocal_variant *items = realloc(vs->items, cap * sizeof(*items));
        if (!items) {
            vs->oom = true;
            return;
        }
        vs->items = items;
        vs->cap = cap;
    }
    if (!gl_map_put(&vs->keys, v->key->text, (uint32_t)vs->n)) {
        vs->oom = true;
        return;
    }
    vs->items[vs->n++] = (glocal_variant){v, b, strcmp(b->locale, vs->own) != 0, vs->locked};
}

typedef struct collect {
    const glocal_catalog *c;
    const gl_chain *ch;
    glocal_variants *vs;
} collect;

static void collect_definition(void *ud, const gl_msgdef *def, size_t pos)
{
    collect *k = ud;
    const gl_bundle *b = &k->c->bundles[k->ch->idx[pos]];
    for (size_t i = 0; i < def->nv; i++)
        add_variant(k->vs, &def->v[i], b);
}

glocal_status glocal_catalog_variants(const glocal_catalog *c, const char *locale,
                                      const char *message_id, glocal_variants **out,
                                      glocal_error **err)
{
    if (out)
        *out = NULL;
    if (!c || !locale || !message_id || !out)
        return gl_fail(err, GLOCAL_ERR_INVALID, NULL, 0, 0, "a required argument is NULL");
    uint32_t msg;
    const gl_chain *ch;
    bool owned;
    glocal_status st = message_and_chain(c, locale, message_id, &msg, &ch, &owned, err);
    if (st != GLOCAL_OK)
        return st;
    glocal_variants *vs = calloc(1, sizeof(*vs));
    if (vs) {
        vs->own = ch->facts.base_tag;
        collect k = {c, ch, vs};
        size_t first = gl_deciding_position(c, ch->idx, ch->n, msg);
        vs->locked = c->messages[msg].locked || gl_bundle_lock(&c->bundles[ch->idx[first]], msg);
        gl_each_merged(c, ch->idx, ch->n, msg, first, collect_definition, &k);
        vs->own = NULL; /* the chain may be freed below */
        gl_map_free(&vs->keys);
    }
    if (owned)
        gl_chain_free((gl_chain *)ch);
    if (!vs || vs->oom) {
        glocal_variants_free(vs);
        return gl_nomem(err);
    }
    *out = vs;
    return GLOCAL_OK;
}

size_t glocal_variants_count(const glocal_variants *vs)
{
    return vs ? vs->n : 0;
}

const glocal_variant *glocal_variants_at(const glocal_variants *vs, size_t i)
{
    return vs && i < vs->n ? &vs->items[i] : NULL;
}

void glocal_variants_free(glocal_variants *vs)
{
    if (!vs)
        return;
    gl_map_free(&vs->keys);
    free(vs->items);
    free(vs);
}

const char *glocal_variant_key(const glocal_variant *v) { return v ? v->v->key->text : NULL; }
const char *glocal_variant_template(const glocal_variant *v) { return v ? v->v->tmpl.src : NULL; }
const char *glocal_variant_bundle(const glocal_variant *v) { return v ? v->b->locale : NULL; }
const char *glocal_variant_file(const glocal_variant *v) { return v ? v->b->file : NULL; }
unsigned glocal_variant_line(const glocal_variant *v) { return v ? v->v->line : 0; }
unsigned glocal_variant_column(const glocal_variant *v) { return v ? v->v->col : 0; }
int glocal_variant_inherited(const glocal_variant *v) { return v && v->inherited; }
int glocal_variant_locked(const glocal_variant *v) { return v && v->locked; }
const char *glocal_variant_syntax(const glocal_variant *v)
{
    return v ? (v->b->mf2 ? "mf2" : "mf1") : NULL;
}

/* ---- the terms a locale's texts see ---- */

struct glocal_term {
    const gl_term *t;
    const gl_bundle *b;
    bool inherited, locked;
};

struct glocal_terms {
    glocal_term *items;
    size_t n;
};

typedef struct term_walk {
    const glocal_catalog *c;
    const uint32_t *chain;     /* NULL: base's own terms */
    size_t nchain;
    const char *lang, *own;
    gl_map seen;
    glocal_terms *out;
} term_walk;

static bool add_term(term_walk *w, const char *name)
{
    uint32_t seen;
    if (gl_map_get(&w->seen, name, &seen))
        return true;
    if (!gl_map_put(&w->seen, name, (uint32_t)w->out->n))
        return false;
    const gl_bundle *b = w->chain ? gl_term_source(w->c, w->chain, w->nchain, w->lang, name)
                                  : gl_base(w->c);
    bool inherited = w->own && strcmp(b->locale, w->own) != 0;
    w->out->items[w->out->n++] =
        (glocal_term){gl_bundle_term(b, name), b, inherited, gl_term_locked(w->c, name)};
    return true;
}

static bool add_bundle_terms(term_walk *w, const gl_bundle *b)
{
    for (size_t i = 0; i < b->nterms; i++)
        if (!add_term(w, b->terms[i].name))
            return false;
    return true;
}

/* Base's names first, then the names only bundles of the language define. */
static bool walk_terms(term_walk *w)
{
    const gl_bundle *base = gl_base(w->c);
    size_t most = base->nterms;
    for (size_t pos = 0; w->chain && pos < w->nchain; pos++)
        most += w->c->bundles[w->chain[pos]].nterms;
    w->out->items = malloc((most + 1) * sizeof(*w->out->items));
    if (!w->out->items || !add_bundle_terms(w, base))
        return false;
    for (size_t pos = 0; w->chain && pos < w->nchain; pos++) {
        const gl_bundle *o = &w->c->bundles[w->chain[pos]];
        if (strcmp(o->lang_script, w->lang) == 0 && !add_bundle_terms(w, o))
            return false;
    }
    return true;
}

glocal_status glocal_catalog_terms(const glocal_catalog *c, const char *locale,
                                   glocal_terms **out, glocal_error **err)
{
    if (out)
        *out = NULL;
    if (!c || !locale || !out)
        return gl_fail(err, GLOCAL_ERR_INVALID, NULL, 0, 0, "a required argument is NULL");
    term_walk w = {.c = c};
    const gl_chain *ch = NULL;
    bool owned = false;
    if (strcmp(locale, "base") != 0) {
        glocal_status st = chain_of(c, locale, &ch, &owned, err);
        if (st != GLOCAL_OK)
            return st;
        w.chain = ch->idx;
        w.nchain = ch->n;
        w.lang = c->bundles[ch->idx[0]].lang_script;
        w.own = ch->facts.base_tag;
    }
    w.out = calloc(1, sizeof(*w.out));
    bool ok = w.out && walk_terms(&w);
    gl_map_free(&w.seen);
    if (owned)
        gl_chain_free((gl_chain *)ch);
    if (!ok) {
        glocal_terms_free(w.out);
        return gl_nomem(err);
    }
    *out = w.out;
    return GLOCAL_OK;
}

size_t glocal_terms_count(const glocal_terms *t)
{
    return t ? t->n : 0;
}

const glocal_term *glocal_terms_at(const glocal_terms *t, size_t i)
{
    return t && i < t->n ? &t->items[i] : NULL;
}

void glocal_terms_free(glocal_terms *t)
{
    if (!t)
        return;
    free(t->items);
    free(t);
}

const char *glocal_term_name(const glocal_term *t) { return t ? t->t->name : NULL; }
const char *glocal_term_text(const glocal_term *t) { return t ? t->t->text : NULL; }
const char *glocal_term_bundle(const glocal_term *t) { return t ? t->b->locale : NULL; }
const char *glocal_term_file(const glocal_term *t) { return t ? t->b->file : NULL; }
unsigned glocal_term_line(const glocal_term *t) { return t ? t->t->line : 0; }
unsigned glocal_term_column(const glocal_term *t) { return t ? t->t->col : 0; }
int glocal_term_inherited(const glocal_term *t) { return t && t->inherited; }
int glocal_term_locked(const glocal_term *t) { return t && t->locked; }
