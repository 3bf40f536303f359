/* The one description of every record a compiled catalog holds: its pointer
 * fields, the count of each array, its strings, and what else must hold for
 * formatting to read it safely.  The writer's deep copy (compiled_write.c) and
 * the reader's validation and relocation walk (compiled_open.c) both follow
 * it, so the two cannot disagree; a field added to the model and not here is
 * written as zero, and tests/core/test_compiled.c's round trip notices. */
#include <stddef.h>
#include <string.h>

#include "compiled.h"
#include "sms.h"
#include "standards.h"

#define FIELD(T, f, kind_, cnt, cfield, fl, ty)                                               \
    {#f, offsetof(T, f), sizeof(((T *)0)->f), kind_, cnt, fl, sizeof(((T *)0)->cfield),         \
     offsetof(T, cfield), 0, ty, 0, 0}
#define DATA(T, f) FIELD(T, f, FK_DATA, CN_NONE, f, 0, NULL)
/* size: of one element */
#define WORDS(T, f, cnt, n, fl)                                                               \
    {#f, offsetof(T, f), sizeof(*((T *)0)->f), FK_WORDS, cnt, fl, sizeof(((T *)0)->n),          \
     offsetof(T, n), 0, NULL, 0, 0}
#define BOOL(T, f) FIELD(T, f, FK_BOOL, CN_NONE, f, 0, NULL)
#define STR(T, f) FIELD(T, f, FK_STR, CN_NONE, f, F_NULL, NULL)
#define STR_AT(T, f, i)                                                                       \
    {#f, offsetof(T, f) + (i) * sizeof(char *), sizeof(char *), FK_STR, CN_NONE, F_NULL, 0, 0, \
     0, NULL, 0, 0}
#define REC(T, f, ty) FIELD(T, f, FK_REC, CN_NONE, f, F_NULL, &ty)
#define EMBED(T, f, ty) FIELD(T, f, FK_EMBED, CN_NONE, f, 0, &ty)
#define ARR(T, f, ty, n) FIELD(T, f, FK_ARR, CN_FIELD, n, 0, &ty)
#define STRS(T, f, n, fl) FIELD(T, f, FK_STRS, CN_FIELD, n, fl, NULL)
#define PTRS(T, f, ty, n) FIELD(T, f, FK_PTRS, CN_FIELD, n, F_ELEM_NULL, &ty)
#define TYPE(T, name, fields, check) {name, sizeof(T), fields, sizeof fields / sizeof *fields, check}
/* A field of a union, present when the byte `tag` of the record is one of
 * the values whose bits `mask` sets.  size: as FIELD's or WORDS' (of one element). */
#define MEMBER(T, f, size, kind_, cnt, cfield, fl, ty, aux, tag, mask)                        \
    {#f, offsetof(T, f), size, kind_, cnt, fl, sizeof(((T *)0)->cfield), offsetof(T, cfield),   \
     aux, ty, offsetof(T, tag), mask}
#define KIND_BIT(k) (1u << (k))

static const char *no_check(const void *rec, const gl_walk *w)
{
    (void)rec, (void)w;
    return NULL;
}

static bool below(uint64_t v, uint64_t bound)
{
    return v < bound;
}

/* ---- the string map (util.h) ---- */

/* A lookup probes from a key's hash to the first empty slot: the table must
 * have one, and every occupied slot a key. */
static const char *check_map(const void *rec, const gl_walk *w)
{
    (void)w;
    const gl_map *m = rec;
    if (m->cap == 0)
        return m->count == 0 && !m->keys && !m->vals && !m->hashes ? NULL : "empty map with slots";
    if ((m->cap & (m->cap - 1)) != 0 || !m->keys || !m->vals || !m->hashes)
        return "map capacity is not a power of two";
    size_t used = 0;
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->hashes[i])
            continue;
        if (!m->keys[i])
            return "map slot without a key";
        used++;
    }
    return used == m->count && used < m->cap ? NULL : "map count does not match its slots";
}

static const gl_field map_fields[] = {
    STRS(gl_map, keys, cap, F_NULL | F_ELEM_NULL),
    WORDS(gl_map, vals, CN_FIELD, cap, F_NULL),
    WORDS(gl_map, hashes, CN_FIELD, cap, F_NULL),
    DATA(gl_map, cap),
    DATA(gl_map, count),
};
static const gl_rectype map_type = TYPE(gl_map, "map", map_fields, check_map);

/* Every value of a map indexes an array of n elements. */
static bool map_values_below(const gl_map *m, size_t n)
{
    for (size_t i = 0; i < m->cap; i++)
        if (m->hashes[i] && m->vals[i] >= n)
            return false;
    return true;
}

/* ---- templates ---- */

static const char *check_slot(const void *rec, const gl_walk *w)
{
    (void)w;
    const gl_slot *s = rec;
    if (!below(s->kind, SLOT_TERM + 1) || !below(s->use, USE_TIME + 1))
        return "slot kind or use out of range";
    return s->name && s->style ? NULL : "slot without a name";
}

static const gl_field slot_fields[] = {
    DATA(gl_slot, kind), DATA(gl_slot, use), STR(gl_slot, name), STR(gl_slot, style),
};
static const gl_rectype slot_type = TYPE(gl_slot, "slot", slot_fields, check_slot);

static const char *check_selector(const void *rec, const gl_walk *w)
{
    (void)w;
    const gl_selector *s = rec;
    /* MF1 selects by plural, ordinal or select; an MF2 selector by its function */
    if (!below(s->use, USE_SELECT + 1))
        return "selector use out of range";
    return s->name ? NULL : "selector without a name";
}

static const gl_field selector_fields[] = {
    STR(gl_selector, name), DATA(gl_selector, use), STRS(gl_selector, keys, nkeys, 0),
    DATA(gl_selector, nkeys),
};
static const gl_rectype selector_type =
    TYPE(gl_selector, "selector", selector_fields, check_selector);

static const char *check_template(const void *rec, const gl_walk *w)
{
    const gl_template *t = rec;
    if (!t->src)
        return "template without its source";
    if (!below(t->id, w->cat->ntemplates))
        return "template id out of range";
    /* a plural/select template keeps no pattern: formatting rebuilds it from src */
    if (t->kind == TK_COMPLEX)
        return t->sels && t->nsels > 0 && t->pattern_len >= 0 ? NULL
                                                               : "plural template without selectors";
    /* an MF2 template keeps no parsed message: the first use parses src (compiled_mf2.c) */
    if (t->kind == TK_MF2)
        return t->sels && !t->mf2 ? NULL : "MessageFormat 2 template out of shape";
    if (t->kind != TK_LITERAL && t->kind != TK_SIMPLE)
        return "template kind out of range";
    if (t->nsels != 0) /* readers take nsels as the word of sels, which pieces holds */
        return "selectors in a template without any";
    if (t->kind == TK_LITERAL && t->nslots != 0)
        return "literal template with slots";
    return t->pieces && t->piece_len && t->literal ? NULL : "template without its pieces";
}

/* pieces and sels share their place: kind says which the template has */
#define PIECED (KIND_BIT(TK_LITERAL) | KIND_BIT(TK_SIMPLE))
static const gl_field template_fields[] = {
    STR(gl_template, src), DATA(gl_template, line), DATA(gl_template, col),
    DATA(gl_template, id), DATA(gl_template, kind), BOOL(gl_template, open_quote),
    STR(gl_template, literal),
    /* the lengths before the pieces: the walk reads them to bound each piece */
    MEMBER(gl_template, piece_len, sizeof(uint32_t), FK_WORDS, CN_FIELD_PLUS1, nslots, F_NULL,
           NULL, 0, kind, PIECED),
    MEMBER(gl_template, pieces, sizeof(char **), FK_PIECES, CN_FIELD_PLUS1, nslots, F_NULL,
           NULL, offsetof(gl_template, piece_len), kind, PIECED),
    ARR(gl_template, slots, slot_type, nslots), DATA(gl_template, nslots),
    DATA(gl_template, pattern_len),
    MEMBER(gl_template, sels, sizeof(gl_selector *), FK_ARR, CN_FIELD, nsels, 0,
           &selector_type, 0, kind, KIND_BIT(TK_COMPLEX) | KIND_BIT(TK_MF2)),
    DATA(gl_template, nsels), BOOL(gl_template, broken),
};
static const gl_rectype template_type =
    TYPE(gl_template, "template", template_fields, check_template);

/* ---- messages and their definitions ---- */

static const char *check_vkey(const void *rec, const gl_walk *w)
{
    const gl_vkey *k = rec;
    for (int a = 0; a < GL_MAX_AXES; a++)
        if (!below(k->ax[a], w->cat->naxisvals))
            return "variant key axis value out of range";
    return k->text ? NULL : "variant key without its text";
}

static const gl_field vkey_fields[] = {
    STR(gl_vkey, text), DATA(gl_vkey, ax), DATA(gl_vkey, named), DATA(gl_vkey, rank),
};
static const gl_rectype vkey_type = TYPE(gl_vkey, "variant key", vkey_fields, check_vkey);

/* The key is one of the catalog's (FK_REF, never NULL): checked with its table. */
static const gl_field variant_fields[] = {
    FIELD(gl_variant, key, FK_REF, CN_NONE, key, 0, &vkey_type), DATA(gl_variant, line),
    DATA(gl_variant, col), EMBED(gl_variant, tmpl, template_type),
};
static const gl_rectype variant_type = TYPE(gl_variant, "variant", variant_fields, no_check);

static const char *check_msgdef(const void *rec, const gl_walk *w)
{
    const gl_msgdef *d = rec;
    return d->nv <= GL_LIMIT(w->limits, VARIANTS) ? NULL : "more variants than the limit";
}

static const gl_field msgdef_fields[] = {
    BOOL(gl_msgdef, scalar), BOOL(gl_msgdef, other_written), DATA(gl_msgdef, nv),
    DATA(gl_msgdef, line), DATA(gl_msgdef, col),
    {"v", offsetof(gl_msgdef, v), 0, FK_FLEXARR, CN_FIELD, 0, sizeof(uint32_t),
     offsetof(gl_msgdef, nv), 0, &variant_type, 0, 0},
};
static const gl_rectype msgdef_type = TYPE(gl_msgdef, "definition", msgdef_fields, check_msgdef);

static const gl_field approved_fields[] = {
    DATA(gl_approved, n),
    {"locales", offsetof(gl_approved, locales), 0, FK_FLEXSTRS, CN_FIELD, 0, sizeof(size_t),
     offsetof(gl_approved, n), 0, NULL, 0, 0},
};
static const gl_rectype approved_type = TYPE(gl_approved, "approval", approved_fields, no_check);

static const char *check_argdecl(const void *rec, const gl_walk *w)
{
    (void)w;
    const gl_argdecl *a = rec;
    return a->name && below(a->type, LAST_TYPE + 1) ? NULL : "argument type out of range";
}

static const gl_field argdecl_fields[] = {
    STR(gl_argdecl, name), DATA(gl_argdecl, type), DATA(gl_argdecl, mask),
};
static const gl_rectype argdecl_type = TYPE(gl_argdecl, "argument", argdecl_fields, check_argdecl);

static const char *check_message(const void *rec, const gl_walk *w)
{
    (void)w;
    const gl_message *m = rec;
    if (!m->id)
        return "message without an id";
    return map_values_below(&m->arg_index, m->nargs) ? NULL : "argument index out of range";
}

static const gl_field message_fields[] = {
    STR(gl_message, id), BOOL(gl_message, locked), BOOL(gl_message, local_lock),
    REC(gl_message, approved, approved_type), STR(gl_message, note),
    ARR(gl_message, args, argdecl_type, nargs), DATA(gl_message, nargs),
    EMBED(gl_message, arg_index, map_type), BOOL(gl_message, args_declared),
};
static const gl_rectype message_type = TYPE(gl_message, "message", message_fields, check_message);

/* ---- bundles ---- */

static const char *check_term(const void *rec, const gl_walk *w)
{
    (void)w;
    const gl_term *t = rec;
    return t->name && t->text ? NULL : "term without a name or text";
}

static const gl_field term_fields[] = {
    STR(gl_term, name), STR(gl_term, text), DATA(gl_term, line), DATA(gl_term, col),
    BOOL(gl_term, locked),
};
static const gl_rectype term_type = TYPE(gl_term, "term", term_fields, check_term);

static const char *check_lock(const void *rec, const gl_walk *w)
{
    const gl_lock *l = rec;
    return below(l->msg, w->cat->nmessages) ? NULL : "lock of a message out of range";
}

static const gl_field lock_fields[] = {
    DATA(gl_lock, msg), DATA(gl_lock, line), DATA(gl_lock, col), BOOL(gl_lock, valid),
};
static const gl_rectype lock_type = TYPE(gl_lock, "lock", lock_fields, check_lock);

static const char *check_std_term(const void *rec, const gl_walk *w)
{
    (void)w;
    const gl_std_term *t = rec;
    return (t->kind == STD_GLOSSARY || t->kind == STD_FORBIDDEN) && t->lang && t->text
               ? NULL : "standards term out of range";
}

static const gl_field std_term_fields[] = {
    DATA(gl_std_term, kind), STR(gl_std_term, lang), STR(gl_std_term, text),
    STR(gl_std_term, preferred), BOOL(gl_std_term, prefix), DATA(gl_std_term, line),
    DATA(gl_std_term, col),
};
static const gl_rectype std_term_type =
    TYPE(gl_std_term, "standards term", std_term_fields, check_std_term);

static const char *check_std_emoji(const void *rec, const gl_walk *w)
{
    const gl_std_emoji *e = rec;
    return below(e->when, w->cat->naxisvals) && below(e->policy, EMOJI_NONE + 1)
               ? NULL : "emoji policy out of range";
}

static const gl_field std_emoji_fields[] = {
    DATA(gl_std_emoji, when), DATA(gl_std_emoji, policy), STRS(gl_std_emoji, list, nlist, 0),
    DATA(gl_std_emoji, nlist), DATA(gl_std_emoji, line), DATA(gl_std_emoji, col),
};
static const gl_rectype std_emoji_type =
    TYPE(gl_std_emoji, "emoji policy", std_emoji_fields, check_std_emoji);

static const char *check_std_punct(const void *rec, const gl_walk *w)
{
    const gl_std_punct *p = rec;
    return below(p->when, w->cat->naxisvals) && p->mark ? NULL : "punctuation rule out of range";
}

static const gl_field std_punct_fields[] = {
    DATA(gl_std_punct, when), STR(gl_std_punct, mark), DATA(gl_std_punct, max),
    DATA(gl_std_punct, line), DATA(gl_std_punct, col),
};
static const gl_rectype std_punct_type =
    TYPE(gl_std_punct, "punctuation rule", std_punct_fields, check_std_punct);

static const char *check_std_require(const void *rec, const gl_walk *w)
{
    const gl_std_require *r = rec;
    return below(r->msg, w->cat->nmessages) && r->item ? NULL : "requirement out of range";
}

static const gl_field std_require_fields[] = {
    DATA(gl_std_require, msg), STR(gl_std_require, item), DATA(gl_std_require, line),
    DATA(gl_std_require, col),
};
static const gl_rectype std_require_type =
    TYPE(gl_std_require, "requirement", std_require_fields, check_std_require);

static const char *check_std_typography(const void *rec, const gl_walk *w)
{
    (void)w;
    const gl_std_typography *t = rec;
    return t->lang && below(t->spacing, FR_SPACING_QUEBEC + 1) ? NULL
                                                               : "typography out of range";
}

static const gl_field std_typography_fields[] = {
    STR(gl_std_typography, lang), DATA(gl_std_typography, spacing),
};
static const gl_rectype std_typography_type =
    TYPE(gl_std_typography, "typography", std_typography_fields, check_std_typography);

static const char *check_standards(const void *rec, const gl_walk *w)
{
    (void)w;
    const gl_standards *s = rec;
    for (int k = 0; k < STD_KINDS; k++)
        if (!below(s->severity[k], GLOCAL_SEVERITY_WARNING + 1))
            return "standards severity out of range";
    return NULL;
}

static const gl_field standards_fields[] = {
    DATA(gl_standards, severity), ARR(gl_standards, terms, std_term_type, nterms),
    DATA(gl_standards, nterms), ARR(gl_standards, emoji, std_emoji_type, nemoji),
    DATA(gl_standards, nemoji), ARR(gl_standards, punct, std_punct_type, npunct),
    DATA(gl_standards, npunct), ARR(gl_standards, requires, std_require_type, nrequires),
    DATA(gl_standards, nrequires), ARR(gl_standards, typography, std_typography_type, ntypography),
    DATA(gl_standards, ntypography), BOOL(gl_standards, typography_off),
};
static const gl_rectype standards_type =
    TYPE(gl_standards, "standards", standards_fields, check_standards);

static const char *check_bundle(const void *rec, const gl_walk *w)
{
    const gl_bundle *b = rec;
    const glocal_catalog *c = w->cat;
    if (!b->locale || !b->file || !b->lang_script || !b->format_locale || !b->msgs)
        return "bundle without its locale, file or messages";
    if (b->parent_idx < -1 || b->parent_idx >= (int64_t)c->nbundles)
        return "bundle parent out of range";
    if (!below(b->profile_ax[0], c->naxisvals) || !below(b->profile_ax[1], c->naxisvals))
        return "bundle profile value out of range";
    return map_values_below(&b->term_index, b->nterms) ? NULL : "term index out of range";
}

static const gl_field bundle_fields[] = {
    STR(gl_bundle, locale), STR(gl_bundle, file), STR(gl_bundle, lang_script),
    STR(gl_bundle, format_locale), BOOL(gl_bundle, rtl), STR(gl_bundle, parent),
    DATA(gl_bundle, parent_line), DATA(gl_bundle, parent_col), DATA(gl_bundle, parent_idx),
    DATA(gl_bundle, profile_ax), STR(gl_bundle, channels), STR(gl_bundle, time_zone),
    STR_AT(gl_bundle, convention, 0), STR_AT(gl_bundle, convention, 1),
    STR_AT(gl_bundle, convention, 2), ARR(gl_bundle, terms, term_type, nterms),
    DATA(gl_bundle, nterms), EMBED(gl_bundle, term_index, map_type),
    ARR(gl_bundle, locks, lock_type, nlocks), DATA(gl_bundle, nlocks),
    FIELD(gl_bundle, msgs, FK_PTRS, CN_MESSAGES, msgs, F_ELEM_NULL | F_DEFER, &msgdef_type),
    DATA(gl_bundle, msgs_line), DATA(gl_bundle, msgs_col),
    STRS(gl_bundle, orphan_ids, norphans, 0), PTRS(gl_bundle, orphans, msgdef_type, norphans),
    DATA(gl_bundle, norphans), REC(gl_bundle, standards, standards_type),
    STRS(gl_bundle, omits, nomits, 0), DATA(gl_bundle, nomits), BOOL(gl_bundle, mf2),
};
static const gl_rectype bundle_type = TYPE(gl_bundle, "bundle", bundle_fields, check_bundle);

/* ---- the catalog ---- */

static const char *check_axisval(const void *rec, const gl_walk *w)
{
    const gl_axisval *v = rec;
    /* -1: index 0, GL_AXIS_NONE */
    return v->axis >= -1 && v->axis < w->cat->naxes ? NULL : "axis value of an unknown axis";
}

static const gl_field axisval_fields[] = {STR(gl_axisval, name), DATA(gl_axisval, axis)};
static const gl_rectype axisval_type = TYPE(gl_axisval, "axis value", axisval_fields,
                                            check_axisval);

static const char *check_budget(const void *rec, const gl_walk *w)
{
    (void)w;
    return ((const gl_budget *)rec)->tag ? NULL : "segment budget without a tag";
}

static const gl_field budget_fields[] = {DATA(gl_budget, segments), STR(gl_budget, tag)};
static const gl_rectype budget_type = TYPE(gl_budget, "segment budget", budget_fields,
                                           check_budget);

static const char *check_channel(const void *rec, const gl_walk *w)
{
    (void)w;
    const gl_channel *ch = rec;
    return below(ch->kind, KIND_WEB + 1) && below(ch->medium, MEDIUM_HTML + 1)
                   && below(ch->encoding, ENC_GSM7_FOLD + 1)
               ? NULL : "channel declaration out of range";
}

static const gl_field channel_fields[] = {
    DATA(gl_channel, kind), DATA(gl_channel, medium), DATA(gl_channel, encoding),
    DATA(gl_channel, max_segments), ARR(gl_channel, budgets, budget_type, nbudgets),
    DATA(gl_channel, nbudgets),
};
static const gl_rectype channel_type = TYPE(gl_channel, "channel", channel_fields, check_channel);

static const char *check_catalog(const void *rec, const gl_walk *w)
{
    const glocal_catalog *c = rec;
    if (c->naxes < AX_BUILTIN || c->naxes > GL_MAX_AXES)
        return "axis count out of range";
    for (int a = 0; a < c->naxes; a++)
        if (!c->axis_name[a])
            return "axis without a name";
    if (c->nbundles == 0 || c->nbundles > GL_LIMIT(w->limits, BUNDLES))
        return "bundle count out of range";
    if (!c->dir || !c->language || c->naxisvals == 0)
        return "catalog without its language or axes";
    if (!map_values_below(&c->axis_index, c->naxisvals)
        || !map_values_below(&c->bundle_index, c->nbundles)
        || !map_values_below(&c->message_index, c->nmessages))
        return "catalog index out of range";
    return NULL;
}

#define AXIS_NAME(i) STR_AT(glocal_catalog, axis_name, i)
static const gl_field catalog_fields[] = {
    STR(glocal_catalog, dir), AXIS_NAME(0), AXIS_NAME(1), AXIS_NAME(2), AXIS_NAME(3),
    AXIS_NAME(4), AXIS_NAME(5), AXIS_NAME(6), AXIS_NAME(7), DATA(glocal_catalog, naxes),
    DATA(glocal_catalog, axis_weight), ARR(glocal_catalog, axisvals, axisval_type, naxisvals),
    DATA(glocal_catalog, naxisvals), EMBED(glocal_catalog, axis_index, map_type),
    /* before the bundles: their orphans' variants refer to the keys */
    FIELD(glocal_catalog, vkeys, FK_PTRS, CN_FIELD, nvkeys, F_SHARED, &vkey_type),
    DATA(glocal_catalog, nvkeys),
    ARR(glocal_catalog, bundles, bundle_type, nbundles), DATA(glocal_catalog, nbundles),
    EMBED(glocal_catalog, bundle_index, map_type),
    ARR(glocal_catalog, messages, message_type, nmessages), DATA(glocal_catalog, nmessages),
    EMBED(glocal_catalog, message_index, map_type), STR(glocal_catalog, language),
    WORDS(glocal_catalog, channel_max, CN_AXISVALS, channel_max, F_NULL), /* NULL: no channels */
    FIELD(glocal_catalog, channels, FK_ARR, CN_AXISVALS, channels, F_NULL, &channel_type),
    DATA(glocal_catalog, ntemplates),
};
static const gl_rectype catalog_type = TYPE(glocal_catalog, "catalog", catalog_fields,
                                            check_catalog);

/* ---- the root ---- */

static const char *check_warning(const void *rec, const gl_walk *w)
{
    (void)w;
    const gl_image_warning *x = rec;
    if (!x->file || !x->message || !x->rule || !glocal_rule_find(x->rule))
        return "warning of an unknown rule";
    return below(x->severity, GLOCAL_SEVERITY_WARNING + 1) ? NULL : "warning severity out of range";
}

static const gl_field warning_fields[] = {
    STR(gl_image_warning, file), STR(gl_image_warning, message), STR(gl_image_warning, locale),
    STR(gl_image_warning, msgid), STR(gl_image_warning, rule), DATA(gl_image_warning, line),
    DATA(gl_image_warning, col), DATA(gl_image_warning, severity),
};
static const gl_rectype warning_type = TYPE(gl_image_warning, "warning", warning_fields,
                                            check_warning);

static const char *check_root(const void *rec, const gl_walk *w)
{
    const gl_image_root *r = rec;
    if (r->ndef_blocks == 0 || r->ndef_blocks - 1 != w->cat->nmessages || !r->def_blocks)
        return "the definition blocks do not match the messages";
    for (size_t m = 0; m + 1 < r->ndef_blocks; m++)
        if (r->def_blocks[m] > r->def_blocks[m + 1])
            return "definition blocks out of order";
    return NULL;
}

static const gl_field root_fields[] = {
    FIELD(gl_image_root, cat, FK_REC, CN_NONE, cat, 0, &catalog_type),
    ARR(gl_image_root, warnings, warning_type, nwarnings), DATA(gl_image_root, nwarnings),
    WORDS(gl_image_root, def_blocks, CN_FIELD, ndef_blocks, 0),
    DATA(gl_image_root, ndef_blocks),
};
const gl_rectype gl_root_type = TYPE(gl_image_root, "root", root_fields, check_root);

bool gl_field_present(const gl_field *f, const void *rec)
{
    uint8_t tag = ((const unsigned char *)rec)[f->tag_off];
    return f->tag_mask == 0 || (tag < 8 && (f->tag_mask >> tag & 1));
}

bool gl_shared_record(const glocal_catalog *cat, const gl_rectype *t, const void *p)
{
    for (size_t i = 0; i < sizeof catalog_fields / sizeof *catalog_fields; i++) {
        const gl_field *f = &catalog_fields[i];
        if (!(f->flags & F_SHARED) || f->type != t)
            continue;
        const void *const *table;
        memcpy(&table, (const char *)cat + f->off, sizeof table);
        size_t n = gl_field_count(f, cat, cat);
        if (n == 0 || !p)
            return false;
        /* the writer lays the records out one after another: p's index is
         * its distance from the first, and the table must say so */
        uintptr_t d = (uintptr_t)p - (uintptr_t)table[0];
        return d % t->size == 0 && d / t->size < n && table[d / t->size] == p;
    }
    return false;
}

const gl_field *gl_deferred_field(void)
{
    for (size_t i = 0; i < sizeof bundle_fields / sizeof *bundle_fields; i++)
        if (bundle_fields[i].flags & F_DEFER)
            return &bundle_fields[i];
    return NULL;
}

/* ---- the guard ---- */

/* A record whose size changes has gained, lost or moved a field: describe it
 * above (a field left out is written as zero and read back as zero), then
 * update its size here.  LP64 sizes; the layout fingerprint refuses files of
 * other builds whatever the platform. */
#if UINTPTR_MAX == UINT64_MAX
#define SIZE_IS(T, n) _Static_assert(sizeof(T) == (n), #T " changed: see compiled_layout.c");
SIZE_IS(gl_map, 40) SIZE_IS(gl_slot, 24) SIZE_IS(gl_selector, 24) SIZE_IS(gl_template, 72)
SIZE_IS(gl_vkey, 32) SIZE_IS(gl_variant, 88) SIZE_IS(gl_msgdef, 16) SIZE_IS(gl_approved, 8) SIZE_IS(gl_argdecl, 16)
SIZE_IS(gl_message, 96) SIZE_IS(gl_term, 32) SIZE_IS(gl_lock, 16) SIZE_IS(gl_std_term, 48)
SIZE_IS(gl_std_emoji, 32) SIZE_IS(gl_std_punct, 32) SIZE_IS(gl_std_require, 24)
SIZE_IS(gl_std_typography, 16) SIZE_IS(gl_standards, 112) SIZE_IS(gl_bundle, 256)
SIZE_IS(gl_axisval, 16) SIZE_IS(gl_budget, 16) SIZE_IS(gl_channel, 24)
SIZE_IS(glocal_catalog, 392) SIZE_IS(gl_image_warning, 56) SIZE_IS(gl_image_root, 40)
#endif

/* ---- counts and sizes ---- */

static uint64_t read_count(const void *rec, size_t off, size_t size)
{
    const unsigned char *p = (const unsigned char *)rec + off;
    if (size == 8) {
        uint64_t v;
        memcpy(&v, p, 8);
        return v;
    }
    uint32_t v; /* the 4-byte counts are uint32_t (nslots, nsels, nv) */
    memcpy(&v, p, 4);
    return v;
}

size_t gl_field_count(const gl_field *f, const void *rec, const glocal_catalog *cat)
{
    switch ((gl_count)f->count) {
    case CN_FIELD:
        return (size_t)read_count(rec, f->count_off, f->count_size);
    case CN_FIELD_PLUS1: {
        uint64_t n = read_count(rec, f->count_off, f->count_size);
        return n == UINT64_MAX ? SIZE_MAX : (size_t)n + 1;
    }
    case CN_MESSAGES:
        return cat->nmessages;
    case CN_AXISVALS:
        return cat->naxisvals;
    case CN_NONE:
        break;
    }
    return 0;
}

size_t gl_record_size(const gl_rectype *t, const void *rec, const glocal_catalog *cat)
{
    for (size_t i = 0; i < t->nfields; i++) {
        const gl_field *f = &t->fields[i];
        if (f->kind != FK_FLEXSTRS && f->kind != FK_FLEXARR)
            continue;
        size_t n = gl_field_count(f, rec, cat);
        size_t elem = f->kind == FK_FLEXARR ? f->type->size : sizeof(char *);
        if (n > (SIZE_MAX - t->size) / elem)
            return 0;
        return t->size + n * elem;
    }
    return t->size;
}

/* ---- the fingerprint ---- */

static const gl_rectype *const all_types[] = {
    &map_type, &slot_type, &selector_type, &template_type, &vkey_type, &variant_type,
    &msgdef_type,
    &approved_type, &argdecl_type, &message_type, &term_type, &lock_type, &std_term_type,
    &std_emoji_type, &std_punct_type, &std_require_type, &std_typography_type, &standards_type,
    &bundle_type, &axisval_type, &budget_type, &channel_type, &catalog_type, &warning_type,
    &gl_root_type,
};

static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        h = (h ^ ((const unsigned char *)p)[i]) * 0x100000001b3ull;
    return h;
}

uint64_t gl_layout_fingerprint(void)
{
    uint64_t h = 0xcbf29ce484222325ull;
    for (size_t t = 0; t < sizeof all_types / sizeof *all_types; t++) {
        const gl_rectype *ty = all_types[t];
        uint64_t size = ty->size;
        h = fnv(h, ty->name, strlen(ty->name));
        h = fnv(h, &size, sizeof size);
        for (size_t i = 0; i < ty->nfields; i++) {
            const gl_field *f = &ty->fields[i];
            uint32_t facts[] = {f->off, f->size, f->kind, f->count, f->flags, f->count_size,
                                f->count_off, f->aux_off, f->tag_off, f->tag_mask};
            h = fnv(h, f->name, strlen(f->name));
            h = fnv(h, facts, sizeof facts);
            if (f->type)
                h = fnv(h, f->type->name, strlen(f->type->name));
        }
    }
    return h;
}
