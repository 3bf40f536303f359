/* Fallback chains (docs/resolution.md#chains) and their lock-free memo. */
#include "chain.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MEMO_SLOTS 512

struct gl_chain_memo {
    _Atomic(gl_chain *) slot[MEMO_SLOTS];
};

typedef struct walk {
    const glocal_catalog *c;
    const char *script;
    uint32_t *out;
    size_t n, cap;
    char tried[GL_MAX_TRIED][GL_TAG_MAX];
    size_t ntried;
    bool done;   /* a `parent:` replaced the remaining candidates */
    bool failed; /* out of memory inside ICU: the chain would be wrong */
} walk;

static bool was_tried(walk *w, const char *tag)
{
    for (size_t i = 0; i < w->ntried; i++)
        if (strcmp(w->tried[i], tag) == 0)
            return true;
    if (w->ntried < GL_MAX_TRIED)
        snprintf(w->tried[w->ntried++], GL_TAG_MAX, "%s", tag);
    return w->ntried == GL_MAX_TRIED;
}

static void add_candidates(walk *w, const char *tag, bool first_any_script);

/* Tries one candidate; true when a bundle counts for it. */
static bool try_candidate(walk *w, const char *tag, bool any_script)
{
    uint32_t idx;
    if (w->done || was_tried(w, tag) || !gl_map_get(&w->c->bundle_index, tag, &idx) || idx == 0)
        return false;
    const gl_bundle *b = &w->c->bundles[idx];
    const char *dash = strchr(b->lang_script, '-');
    if (!any_script && (!dash || strcmp(dash + 1, w->script) != 0))
        return false;
    if (w->n + 1 < w->cap)
        w->out[w->n++] = idx;
    if (b->parent_idx > 0) {
        add_candidates(w, w->c->bundles[b->parent_idx].locale, true);
        w->done = true;
    }
    return true;
}

static size_t split(const char *tag, char parts[][16], size_t max)
{
    size_t n = 0;
    for (const char *s = tag; *s && n < max;) {
        size_t len = strcspn(s, "-");
        snprintf(parts[n++], 16, "%.*s", (int)(len < 15 ? len : 15), s);
        s += len + (s[len] == '-');
    }
    return n;
}

static void join(char *out, char parts[][16], size_t k, const char *script_after_lang)
{
    size_t len = 0;
    out[0] = '\0';
    for (size_t i = 0; i < k; i++) {
        len += (size_t)snprintf(out + len, GL_TAG_MAX - len, "%s%s", i ? "-" : "", parts[i]);
        if (i == 0 && script_after_lang)
            len += (size_t)snprintf(out + len, GL_TAG_MAX - len, "-%s", script_after_lang);
        if (len >= GL_TAG_MAX)
            len = GL_TAG_MAX - 1;
    }
}

static bool has_script(char parts[][16], size_t n)
{
    return n > 1 && strlen(parts[1]) == 4 && parts[1][0] >= 'A' && parts[1][0] <= 'Z';
}

static void follow_cldr_parent(walk *w, const char *cand, char parts[][16], size_t k)
{
    char parent[GL_TAG_MAX], with_script[GL_TAG_MAX];
    int found = gl_locale_cldr_parent(cand, parent, sizeof parent);
    if (found == 0 && !has_script(parts, k)) {
        join(with_script, parts, k, w->script);
        found = gl_locale_cldr_parent(with_script, parent, sizeof parent);
    }
    if (found < 0)
        w->failed = true;
    else if (found)
        add_candidates(w, parent, false);
}

/* Candidates of tag T: T, T with S, then truncations; the bare language as
 * lang-S before lang; CLDR parents of candidates that did not count. */
static void add_candidates(walk *w, const char *tag, bool first_any_script)
{
    char parts[12][16];
    size_t n = split(tag, parts, 12);
    bool scripted = has_script(parts, n);
    for (size_t k = n; k >= 1 && !w->done; k--) {
        char cand[GL_TAG_MAX], alt[GL_TAG_MAX];
        join(cand, parts, k, NULL);
        bool counted;
        if (k == n) {
            counted = try_candidate(w, cand, first_any_script);
            if (!scripted) {
                join(alt, parts, k, w->script);
                counted = try_candidate(w, alt, false) || counted;
            }
        } else if (k == 1) {
            join(alt, parts, 1, w->script);
            counted = try_candidate(w, alt, false);
            counted = try_candidate(w, cand, false) || counted;
        } else {
            counted = try_candidate(w, cand, false);
        }
        if (!counted && !w->done)
            follow_cldr_parent(w, cand, parts, k);
    }
}

size_t gl_chain_compute(const glocal_catalog *c, const char *base_tag, const char *script,
                        uint32_t *out, size_t cap)
{
    walk *w = calloc(1, sizeof(*w));
    if (!w)
        return 0;
    w->c = c;
    w->script = script;
    w->out = out;
    w->cap = cap;
    add_candidates(w, base_tag, false);
    size_t n = w->failed ? 0 : w->n;
    bool failed = w->failed;
    free(w);
    if (failed)
        return 0;
    out[n++] = 0;
    return n;
}

/* ---- resolved chains ---- */

static char *format_locale_for(const gl_bundle *b, const gl_locale_facts *f)
{
    char req[64];
    snprintf(req, sizeof req, "%s-%s", f->language, f->script);
    if (strcmp(req, b->lang_script) == 0)
        return gl_strdup(f->icu_id);
    gl_buf buf = {0};
    gl_buf_puts(&buf, b->format_locale);
    if (f->keywords[0]) {
        gl_buf_putc(&buf, strchr(b->format_locale, '@') ? ';' : '@');
        gl_buf_puts(&buf, f->keywords + 1);
    }
    return gl_buf_take(&buf);
}

static char *format_tag_of(const char *icu_id)
{
    char tag[GL_TAG_MAX * 2];
    return gl_strdup(gl_locale_tag_of(icu_id, tag, sizeof tag) ? tag : icu_id);
}

static void resolve_profile(const glocal_catalog *c, gl_chain *ch)
{
    for (size_t i = ch->n; i-- > 0;) {
        const gl_bundle *b = &c->bundles[ch->idx[i]];
        if (b->profile_ax[0])
            ch->formality = b->profile_ax[0], ch->formality_from = (uint32_t)i;
        if (b->profile_ax[1])
            ch->tone = b->profile_ax[1], ch->tone_from = (uint32_t)i;
    }
}

/* The region a bundle writes for: its locale's likely region (de: DE), base's
 * that of its language. */
static bool bundle_region(const glocal_catalog *c, const gl_bundle *b, char region[8])
{
    gl_locale_facts f;
    if (!gl_locale_facts_of(b == gl_base(c) ? c->language : b->locale, &f))
        return false;
    memcpy(region, f.region, sizeof f.region);
    return true;
}

/* The zone that fits the reader's country: the nearest profile zone of a
 * bundle for the request's region, else the region's only zone, else none
 * (UTC).  Never another country's profile zone: es's Europe/Madrid is not
 * an es-US reader's.  False when out of memory. */
static bool resolve_zone(const glocal_catalog *c, gl_chain *ch)
{
    for (size_t i = 0; i < ch->n; i++) {
        const gl_bundle *b = &c->bundles[ch->idx[i]];
        char region[8];
        if (!b->time_zone)
            continue;
        if (!bundle_region(c, b, region))
            return false;
        if (strcmp(region, ch->facts.region) == 0) {
            ch->time_zone = b->time_zone, ch->zone_from = (uint32_t)i;
            return true;
        }
    }
    char zone[64];
    if (gl_region_only_zone(ch->facts.region, zone, sizeof zone)) {
        ch->region_zone = gl_strdup(zone);
        ch->time_zone = ch->region_zone;
        return ch->region_zone != NULL;
    }
    return true;
}

void gl_chain_free(gl_chain *ch)
{
    if (!ch)
        return;
    for (size_t i = 0; i < ch->n; i++) {
        if (ch->format_locale)
            free(ch->format_locale[i]);
        if (ch->format_tag)
            free(ch->format_tag[i]);
    }
    free(ch->idx);
    free(ch->format_locale);
    free(ch->format_tag);
    free(ch->rtl);
    free(ch->region_zone);
    free(ch->key);
    free(ch);
}

/* Appends the chain of one locale to out, without base and without bundles
 * already there; false when out of memory. */
static bool append_chain(const glocal_catalog *c, const gl_locale_facts *f, uint8_t *seen,
                         uint32_t *out, size_t *n)
{
    uint32_t one[GL_MAX_CHAIN];
    size_t k = gl_chain_compute(c, f->base_tag, f->script, one, GL_MAX_CHAIN);
    for (size_t i = 0; i < k; i++)
        if (one[i] != 0 && !seen[one[i]]) {
            seen[one[i]] = 1;
            out[(*n)++] = one[i];
        }
    return k > 0;
}

/* The request locale's chain, then each fallback's, base last: every
 * bundle at most once, so never longer than the catalog. */
static bool compute_chain(const glocal_catalog *c, gl_chain *ch)
{
    uint8_t *seen = calloc(c->nbundles, 1);
    ch->idx = malloc(c->nbundles * sizeof(*ch->idx));
    bool ok = seen && ch->idx && append_chain(c, &ch->facts, seen, ch->idx, &ch->n);
    for (const char *fb = strchr(ch->key, '\n'); ok && fb; fb = strchr(fb + 1, '\n')) {
        char tag[GL_TAG_MAX];
        gl_locale_facts f;
        snprintf(tag, sizeof tag, "%.*s", (int)strcspn(fb + 1, "\n"), fb + 1);
        ok = gl_locale_facts_of(tag, &f) && append_chain(c, &f, seen, ch->idx, &ch->n);
    }
    free(seen);
    if (ok)
        ch->idx[ch->n++] = 0;
    return ok;
}

/* A profile's calendar, numbers and hour cycle become -u-ca, -u-nu, -u-hc for
 * the keys the request's tag leaves unset: the nearest profile of a bundle in
 * the request's language and script sets each.  They apply where the request's
 * own locale formats (its language's text); another language's text keeps
 * that language's conventions and the request's own keywords
 * (docs/resolution.md#format-locale).  False when out of memory. */
static bool apply_conventions(const glocal_catalog *c, gl_chain *ch)
{
    char lang[64], tag[GL_TAG_MAX], with[GL_TAG_MAX], keywords[sizeof ch->facts.keywords];
    bool any = false;
    snprintf(lang, sizeof lang, "%s-%s", ch->facts.language, ch->facts.script);
    for (size_t i = 0; i < ch->n; i++) {
        const gl_bundle *b = &c->bundles[ch->idx[i]];
        for (int k = 0; k < GL_CONVENTIONS && strcmp(b->lang_script, lang) == 0; k++)
            if (!ch->convention[k] && b->convention[k])
                ch->convention[k] = b->convention[k], any = true;
    }
    if (!any)
        return true;
    snprintf(tag, sizeof tag, "%.*s", (int)strcspn(ch->key, "\n"), ch->key);
    memcpy(keywords, ch->facts.keywords, sizeof keywords);
    if (!gl_locale_with_defaults(tag, gl_convention_ukeys, ch->convention, GL_CONVENTIONS, with,
                                 sizeof with) ||
        !gl_locale_facts_of(with, &ch->facts))
        return false;
    memcpy(ch->facts.keywords, keywords, sizeof keywords);
    return true;
}

static bool format_locales(const glocal_catalog *c, gl_chain *ch)
{
    ch->format_locale = calloc(ch->n, sizeof(*ch->format_locale));
    ch->format_tag = calloc(ch->n, sizeof(*ch->format_tag));
    ch->rtl = calloc(ch->n, sizeof(*ch->rtl));
    if (!ch->format_locale || !ch->format_tag || !ch->rtl)
        return false;
    for (size_t i = 0; i < ch->n; i++) {
        const gl_bundle *b = &c->bundles[ch->idx[i]];
        ch->format_locale[i] = format_locale_for(b, &ch->facts);
        if (!ch->format_locale[i] || !(ch->format_tag[i] = format_tag_of(ch->format_locale[i])))
            return false;
        ch->rtl[i] = strcmp(ch->format_locale[i], ch->facts.icu_id) == 0 ? ch->facts.rtl : b->rtl;
    }
    return true;
}

static gl_chain *chain_new(const glocal_catalog *c, const char *key, uint32_t hash)
{
    gl_chain *ch = calloc(1, sizeof(*ch));
    if (!ch)
        return NULL;
    ch->key = gl_strdup(key);
    ch->hash = hash;
    char tag[GL_TAG_MAX];
    snprintf(tag, sizeof tag, "%.*s", (int)strcspn(key, "\n"), key);
    if (!ch->key || !gl_locale_facts_of(tag, &ch->facts) || !compute_chain(c, ch) ||
        !apply_conventions(c, ch) || !format_locales(c, ch) || !resolve_zone(c, ch)) {
        gl_chain_free(ch);
        return NULL;
    }
    resolve_profile(c, ch);
    return ch;
}

const gl_chain *gl_chain_get(const glocal_catalog *c, const char *key, uint32_t hash, bool *owned)
{
    gl_chain_memo *m = c->memo;
    *owned = false;
    gl_chain *mine = NULL;
    for (size_t probe = 0; probe < MEMO_SLOTS; probe++) {
        _Atomic(gl_chain *) *slot = &m->slot[(hash + probe) % MEMO_SLOTS];
        gl_chain *cur = atomic_load_explicit(slot, memory_order_acquire);
        if (!cur) {
            if (!mine && !(mine = chain_new(c, key, hash)))
                return NULL;
            if (atomic_compare_exchange_strong_explicit(slot, &cur, mine, memory_order_acq_rel,
                                                        memory_order_acquire))
                return mine;
        }
        if (cur->hash == hash && strcmp(cur->key, key) == 0) {
            gl_chain_free(mine);
            return cur;
        }
    }
    if (!mine && !(mine = chain_new(c, key, hash)))
        return NULL;
    *owned = true;
    return mine;
}

gl_chain_memo *gl_chain_memo_new(void)
{
    return calloc(1, sizeof(gl_chain_memo));
}

void gl_chain_memo_free(gl_chain_memo *m)
{
    if (!m)
        return;
    for (size_t i = 0; i < MEMO_SLOTS; i++)
        gl_chain_free(atomic_load(&m->slot[i]));
    free(m);
}
