/* The catalog model: what a loaded catalog holds and how the rest of the
 * library reads it; its life (references, freeing).  Loading it is
 * catalog_load.c's work. */
#include "catalog.h"
#include "value.h"

#include <stdlib.h>
#include <string.h>

#include "chain.h"
#include "compiled.h"

static atomic_uint_fast64_t next_serial = 1;

static const char *const type_names[] = {"any", "text", "number", "date", "money", "code",
                                         "day"};

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

int gl_axis_named(const glocal_catalog *c, const char *name)
{
    for (int a = 0; a < c->naxes; a++)
        if (strcmp(c->axis_name[a], name) == 0)
            return a;
    return -1;
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
        if (strcmp(style, "currency") == 0)
            return TYPE_BIT(T_MONEY);
        return gl_skeleton_takes_money(style) ? TYPE_BIT(T_NUMBER) | TYPE_BIT(T_MONEY)
                                              : TYPE_BIT(T_NUMBER);
    case USE_DATE:
        return TYPE_BIT(T_DATE) | TYPE_BIT(T_DAY);
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

const gl_bundle *gl_term_source(const glocal_catalog *c, const uint32_t *chain, size_t n,
                                const char *lang, const char *name)
{
    if (!gl_term_locked(c, name))
        for (size_t pos = 0; pos < n; pos++) {
            const gl_bundle *o = &c->bundles[chain[pos]];
            if (strcmp(o->lang_script, lang) == 0 && gl_bundle_term(o, name))
                return o;
        }
    return gl_base(c);
}

const char *gl_term_text(const glocal_catalog *c, const uint32_t *chain, size_t n,
                         const char *lang, const char *name)
{
    const gl_term *t = gl_bundle_term(gl_term_source(c, chain, n, lang, name), name);
    return t ? t->text : NULL;
}

const gl_lock *gl_bundle_lock(const gl_bundle *b, uint32_t msg)
{
    for (size_t i = 0; i < b->nlocks; i++)
        if (b->locks[i].msg == msg && b->locks[i].valid)
            return &b->locks[i];
    return NULL;
}

const char *gl_argtype_name(gl_argtype t)
{
    return type_names[t];
}

unsigned gl_arg_value_mask(const gl_argdecl *decl)
{
    return decl->mask | (decl->type == T_DAY ? TYPE_BIT(T_DATE) : 0);
}

/* ---- life ---- */

glocal_catalog *gl_catalog_new(const char *dir)
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

glocal_catalog *gl_catalog_from_image(const glocal_catalog *rec, gl_mapping *map)
{
    glocal_catalog *c = malloc(sizeof(*c));
    if (!c)
        return NULL;
    memcpy(c, rec, sizeof(*c)); /* the model's fields; the runtime ones are zero in the image */
    atomic_init(&c->refs, 1);
    c->serial = atomic_fetch_add(&next_serial, 1);
    atomic_init(&c->sorted_messages, NULL);
    atomic_init(&c->mf2_memo, NULL);
    c->mapping = map;
    if (!(c->memo = gl_chain_memo_new())) {
        free(c);
        return NULL;
    }
    return c;
}

void gl_catalog_free(glocal_catalog *c)
{
    if (!c)
        return;
    if (c->mapping) { /* every map and array is the file's */
        gl_chain_memo_free(c->memo);
        free(atomic_load(&c->sorted_messages));
        gl_mf2_memo_free(atomic_load(&c->mf2_memo));
        glocal_findings_free(c->warnings);
        gl_compiled_unmap(c->mapping);
        free(c);
        return;
    }
    for (size_t i = 0; i < c->nbundles; i++)
        gl_map_free(&c->bundles[i].term_index);
    for (size_t i = 0; i < c->nmessages; i++)
        gl_map_free(&c->messages[i].arg_index);
    gl_map_free(&c->axis_index);
    gl_map_free(&c->bundle_index);
    gl_map_free(&c->message_index);
    gl_chain_memo_free(c->memo);
    free(atomic_load(&c->sorted_messages));
    glocal_findings_free(c->warnings);
    gl_arena_free(c->arena);
    free(c);
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
    /* bundle 0 is base; compared as i < nbundles - 1 so that i + 1 cannot wrap */
    return c && c->nbundles > 0 && i < c->nbundles - 1 ? c->bundles[i + 1].locale : NULL;
}

const glocal_findings *glocal_catalog_warnings(const glocal_catalog *c)
{
    return !c ? NULL : c->warnings ? c->warnings : gl_no_findings();
}
