/* The inline codes of an XLIFF unit: see xliff_codes.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "xliff_codes.h"

/* ---- unit ids ---- */

char *xliff_unit_id(const char *message, const char *key)
{
    strbuf b = {0};
    sb_printf(&b, "%s:", message);
    for (const char *p = key; *p; p++)
        sb_putc(&b, *p == '+' ? '.' : *p);
    return sb_take(&b);
}

bool xliff_parse_unit_id(const char *uid, char *id, char *key, size_t cap)
{
    const char *colon = strchr(uid, ':');
    if (!colon || (size_t)(colon - uid) >= cap || strlen(colon + 1) >= cap || !colon[1])
        return false;
    snprintf(id, cap, "%.*s", (int)(colon - uid), uid);
    snprintf(key, cap, "%s", colon + 1);
    for (char *p = key; *p; p++)
        if (*p == '.')
            *p = '+';
    return true;
}

/* ---- which templates a unit holds ---- */

const glocal_variant *variant_with_key(const glocal_variants *vs, const char *key)
{
    for (size_t i = 0; i < glocal_variants_count(vs); i++)
        if (strcmp(glocal_variant_key(glocal_variants_at(vs, i)), key) == 0)
            return glocal_variants_at(vs, i);
    return NULL;
}

const glocal_variant *source_variant(const glocal_variants *base, const char *key)
{
    const glocal_variant *v = variant_with_key(base, key);
    return v ? v : variant_with_key(base, "other");
}

const glocal_variant *own_variant(const glocal_variants *local, const char *key)
{
    const glocal_variant *v = variant_with_key(local, key);
    return v && !glocal_variant_inherited(v) ? v : NULL;
}

/* ---- a template as text and codes ---- */

static void push(xparts *l, glocal_part_kind kind, const char *text, const char *key)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? 2 * l->cap : 16;
        l->p = xrealloc(l->p, l->cap * sizeof *l->p);
    }
    l->p[l->n++] = (xpart){kind, xstrdup(text), key ? xstrdup(key) : NULL};
}

static void free_parts(xparts *l)
{
    for (size_t i = 0; i < l->n; i++) {
        free(l->p[i].text);
        free(l->p[i].key);
    }
    free(l->p);
    memset(l, 0, sizeof *l);
}

static const char *key_of(const glocal_template *t, size_t i)
{
    glocal_part_kind k = glocal_template_part_kind(t, i);
    return k == GLOCAL_PART_BRANCH   ? glocal_template_part_text(t, i)
           : k == GLOCAL_PART_SELECT ? glocal_template_part_type(t, i)
                                     : NULL;
}

/* Splits template src, MF2 when mf2; false with the library's error when it
 * does not parse. */
static bool split(const char *src, bool mf2, xparts *out, glocal_error **err)
{
    glocal_template *t = NULL;
    memset(out, 0, sizeof *out);
    if ((mf2 ? glocal_template_parse_mf2 : glocal_template_parse)(src, &t, err) != GLOCAL_OK)
        return false;
    for (size_t i = 0; i < glocal_template_part_count(t); i++) {
        bool text = glocal_template_part_kind(t, i) == GLOCAL_PART_TEXT;
        push(out, glocal_template_part_kind(t, i),
             text ? glocal_template_part_text(t, i) : glocal_template_part_source(t, i),
             key_of(t, i));
    }
    glocal_template_free(t);
    return true;
}

static bool same_part(const xpart *a, const xpart *b)
{
    return a->kind == b->kind && strcmp(a->text, b->text) == 0 &&
           (a->key && b->key ? strcmp(a->key, b->key) == 0 : a->key == b->key);
}

bool xunit_same_target(const xunit *u, const char *text)
{
    xparts l = {0};
    bool same = u->has_target && split(text, u->tgt_mf2, &l, NULL) && l.n == u->tgt.parts.n;
    for (size_t i = 0; same && i < l.n; i++)
        same = same_part(&l.p[i], &u->tgt.parts.p[i]);
    free_parts(&l);
    return same;
}

bool xpart_deletable(const xpart *p)
{
    return p->kind == GLOCAL_PART_POUND;
}

bool xpart_plural(const xpart *p)
{
    return p->kind == GLOCAL_PART_SELECT &&
           (strcmp(p->key, "plural") == 0 || strcmp(p->key, "selectordinal") == 0);
}

size_t xparts_match_close(const xparts *l, size_t open)
{
    int depth = 0;
    for (size_t i = open; i < l->n; i++) {
        if (l->p[i].kind == GLOCAL_PART_BRANCH)
            depth++;
        else if (l->p[i].kind == GLOCAL_PART_BRANCH_END && --depth == 0)
            return i;
    }
    return l->n;
}

/* ---- plural categories of the target language ---- */

/* Whether key is in cats, a list of plural_categories (NULL: no). */
static bool has_category(const char *cats, const char *key)
{
    for (const char *c = cats; c && *c; c += strlen(c) + 1)
        if (strcmp(c, key) == 0)
            return true;
    return false;
}

static void copy_part(xparts *dst, const xpart *p)
{
    push(dst, p->kind, p->text, p->key);
}

static size_t fit_from(xparts *dst, const xparts *src, size_t i, const char *locale);

/* Copies branch [open, close] as `key` (NULL: as it is). */
static void copy_branch(xparts *dst, const xparts *src, size_t open, const char *key,
                        const char *locale)
{
    xpart p = src->p[open];
    char raw[64];
    if (key) {
        snprintf(raw, sizeof raw, " %s {", key);
        p.text = raw;
        p.key = (char *)key;
    }
    copy_part(dst, &p);
    size_t close = fit_from(dst, src, open + 1, locale);
    copy_part(dst, &src->p[close]);
}

/* The branches of a plural from i (after its head) through its tail: those
 * the language has (and =N), the missing ones as copies of `other`, placed
 * before it.  Returns the index after the tail. */
static size_t fit_plural(xparts *dst, const xparts *src, size_t i, bool ordinal,
                         const char *locale)
{
    char *cats = plural_categories(locale, ordinal);
    size_t other = 0;
    for (size_t j = i; j < src->n && src->p[j].kind == GLOCAL_PART_BRANCH;
         j = xparts_match_close(src, j) + 1)
        if (strcmp(src->p[j].key, "other") == 0)
            other = j;
    for (; i < src->n && src->p[i].kind == GLOCAL_PART_BRANCH;
         i = xparts_match_close(src, i) + 1) {
        const char *key = src->p[i].key;
        if (i == other && cats)
            for (const char *c = cats; *c; c += strlen(c) + 1) {
                bool present = false;
                for (size_t j = i - 1; j; j--) /* an earlier branch with this key? */
                    present = present || (src->p[j].kind == GLOCAL_PART_BRANCH &&
                                           strcmp(src->p[j].key, c) == 0);
                if (strcmp(c, "other") != 0 && !present)
                    copy_branch(dst, src, other, c, locale);
            }
        if (key[0] == '=' || !cats || has_category(cats, key))
            copy_branch(dst, src, i, NULL, locale);
    }
    free(cats);
    if (i < src->n)
        copy_part(dst, &src->p[i]); /* the tail */
    return i + 1;
}

/* Copies parts from i up to an unmatched close (returned) or the end. */
static size_t fit_from(xparts *dst, const xparts *src, size_t i, const char *locale)
{
    while (i < src->n && src->p[i].kind != GLOCAL_PART_BRANCH_END) {
        const xpart *p = &src->p[i];
        if (p->kind == GLOCAL_PART_BRANCH) {
            copy_branch(dst, src, i, NULL, locale);
            i = xparts_match_close(src, i) + 1;
            continue;
        }
        copy_part(dst, p);
        if (xpart_plural(p))
            i = fit_plural(dst, src, i + 1, strcmp(p->key, "selectordinal") == 0, locale);
        else
            i++;
    }
    return i;
}

/* ---- the table and the ids ---- */

struct code_ref {
    const char *raw;
    unsigned id;
    bool taken;               /* matched by a target code */
};

size_t xunit_data_index(const xunit *u, const char *raw)
{
    for (size_t i = 0; i < u->ndata; i++)
        if (strcmp(u->data[i]->text, raw) == 0)
            return i;
    return u->ndata;
}

bool xunit_data_ref(const xunit *u, const char *ref, size_t *index)
{
    char *end = NULL;
    if (!ref || ref[0] != 'd' || ref[1] < '1' || ref[1] > '9')
        return false;
    unsigned long n = strtoul(ref + 1, &end, 10);
    if (*end || n > u->ndata)
        return false;
    *index = n - 1;
    return true;
}

static void intern(xunit *u, const xpart *p)
{
    if (xunit_data_index(u, p->text) < u->ndata)
        return;
    u->data = xrealloc(u->data, (u->ndata + 1) * sizeof *u->data);
    u->data[u->ndata++] = p;
}

/* A target code takes the id of the first untaken source code with the same
 * text, so the tools see them as the same code; else a new id. */
static unsigned target_id(xunit *u, const char *raw)
{
    for (size_t i = 0; i < u->nsrc_refs; i++)
        if (!u->src_refs[i].taken && strcmp(u->src_refs[i].raw, raw) == 0) {
            u->src_refs[i].taken = true;
            return u->src_refs[i].id;
        }
    return ++u->next_id;
}

static void assign(xunit *u, xside *sd, bool target)
{
    sd->ids = xcalloc(sd->parts.n, sizeof *sd->ids);
    for (size_t i = 0; i < sd->parts.n; i++) {
        const xpart *p = &sd->parts.p[i];
        if (p->kind == GLOCAL_PART_TEXT)
            continue;
        intern(u, p);
        if (p->kind == GLOCAL_PART_BRANCH_END)
            continue;
        if (target) {
            sd->ids[i] = target_id(u, p->text);
        } else {
            sd->ids[i] = ++u->next_id;
            u->src_refs = xrealloc(u->src_refs, (u->nsrc_refs + 1) * sizeof *u->src_refs);
            u->src_refs[u->nsrc_refs++] = (code_ref){p->text, sd->ids[i], false};
        }
    }
}

bool xunit_build(xunit *u, const char *source, bool source_mf2, const char *target,
                 bool target_mf2, const char *locale, glocal_error **err)
{
    xparts raw = {0};
    memset(u, 0, sizeof *u);
    if (!split(source, source_mf2, &raw, err) ||
        (target && !split(target, target_mf2, &u->tgt.parts, err))) {
        free_parts(&raw);
        xunit_free(u);
        return false;
    }
    fit_from(&u->src.parts, &raw, 0, locale);
    free_parts(&raw);
    assign(u, &u->src, false);
    u->has_target = target != NULL;
    u->src_mf2 = source_mf2;
    u->tgt_mf2 = target_mf2;
    if (target)
        assign(u, &u->tgt, true);
    return true;
}

void xunit_free(xunit *u)
{
    free_parts(&u->src.parts);
    free_parts(&u->tgt.parts);
    free(u->src.ids);
    free(u->tgt.ids);
    free(u->data);
    free(u->src_refs);
    memset(u, 0, sizeof *u);
}

/* Whether side sd has a code with this text. */
static bool side_has(const xside *sd, const char *raw)
{
    for (size_t i = 0; i < sd->parts.n; i++)
        if (sd->parts.p[i].kind != GLOCAL_PART_TEXT && strcmp(sd->parts.p[i].text, raw) == 0)
            return true;
    return false;
}

bool xunit_required(const xunit *u, size_t index)
{
    const xpart *code = u->data[index];
    bool in_source = false;
    for (size_t i = 0; i < u->src.parts.n && !in_source; i++) {
        const xpart *p = &u->src.parts.p[i];
        in_source = p->kind != GLOCAL_PART_TEXT && !xpart_deletable(p) &&
                    strcmp(p->text, code->text) == 0;
    }
    return in_source && (!u->has_target || side_has(&u->tgt, code->text));
}
