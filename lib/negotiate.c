/* glocal_negotiate: an Accept-Language list to the locale to serve. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "chain.h"
#include "request.h"

#define MAX_ENTRIES 64

typedef struct entry {
    char tag[GL_TAG_MAX];  /* canonical; "*" for the wildcard */
    int q;                 /* weight in thousandths */
    size_t order;
} entry;

static const char *skip_ws(const char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    return s;
}

/* q=1, q=0.5, q=0.125: RFC 9110 weights, at most three decimals. */
static bool parse_weight(const char *s, size_t n, int *q)
{
    if (n < 3 || (s[0] != 'q' && s[0] != 'Q') || s[1] != '=')
        return false;
    s += 2, n -= 2;
    if (s[0] != '0' && s[0] != '1')
        return false;
    int value = (s[0] - '0') * 1000, scale = 100;
    if (n > 1) {
        if (s[1] != '.' || n > 5 || n == 2)
            return false;
        for (size_t i = 2; i < n; i++, scale /= 10) {
            if (!isdigit((unsigned char)s[i]))
                return false;
            value += (s[i] - '0') * scale;
        }
    }
    *q = value;
    return value <= 1000;
}

static glocal_status parse_entry(const char *s, size_t n, entry *e, glocal_error **err)
{
    char item[GL_TAG_MAX + 32];
    if (n >= sizeof item)
        return gl_fail(err, GLOCAL_ERR_LOCALE, NULL, 0, 0, "an Accept-Language entry is too long");
    memcpy(item, s, n);
    item[n] = '\0';
    while (n && (item[n - 1] == ' ' || item[n - 1] == '\t'))
        item[--n] = '\0';
    char *semi = strchr(item, ';');
    e->q = 1000;
    if (semi) {
        *semi = '\0';
        const char *w = skip_ws(semi + 1);
        if (!parse_weight(w, strlen(w), &e->q))
            return gl_fail(err, GLOCAL_ERR_LOCALE, NULL, 0, 0,
                           "`%s` is not a weight (write q=0.5)", w);
    }
    size_t tl = strlen(item);
    while (tl && (item[tl - 1] == ' ' || item[tl - 1] == '\t'))
        item[--tl] = '\0';
    if (strcmp(item, "*") == 0) {
        strcpy(e->tag, "*");
        return GLOCAL_OK;
    }
    return gl_canonical_locale(item, e->tag, err);
}

static int by_weight(const void *pa, const void *pb)
{
    const entry *a = pa, *b = pb;
    if (a->q != b->q)
        return b->q - a->q;
    return (a->order > b->order) - (a->order < b->order);
}

static glocal_status parse_header(const char *h, entry *out, size_t *count, glocal_error **err)
{
    size_t n = 0;
    for (const char *s = h;;) {
        s = skip_ws(s);
        size_t len = strcspn(s, ",");
        if (len == 0 || n == MAX_ENTRIES)
            return gl_fail(err, GLOCAL_ERR_LOCALE, NULL, 0, 0, "%s",
                           n == MAX_ENTRIES ? "more than 64 Accept-Language entries"
                                            : "an empty Accept-Language entry");
        glocal_status st = parse_entry(s, len, &out[n], err);
        if (st != GLOCAL_OK)
            return st;
        out[n].order = n;
        n++;
        if (!s[len])
            break;
        s += len + 1;
    }
    qsort(out, n, sizeof *out, by_weight);
    *count = n;
    return GLOCAL_OK;
}

/* The candidate tags of one script: the bundles with that likely script and,
 * when base's language has it, base's language (index 0). */
static size_t same_script(const glocal_catalog *c, const char *script, const char **tags,
                          uint32_t *idx)
{
    size_t n = 0;
    for (size_t i = 0; i < c->nbundles; i++) {
        const gl_bundle *b = &c->bundles[i];
        const char *dash = strchr(b->lang_script, '-');
        if (!dash || strcmp(dash + 1, script) != 0)
            continue;
        tags[n] = i == 0 ? c->language : b->locale;
        idx[n++] = (uint32_t)i;
    }
    return n;
}

/* The locale to serve for one entry, or NULL when nothing of its script fits. */
static glocal_status match_entry(const glocal_catalog *c, const entry *e, const char **tags,
                                 uint32_t *idx, const char **pick)
{
    gl_locale_facts f;
    uint32_t chain[GL_MAX_CHAIN];
    if (!gl_locale_facts_of(e->tag, &f))
        return GLOCAL_ERR_NOMEM; /* the tag is canonical: only memory can fail */
    size_t n = same_script(c, f.script, tags, idx);
    int m = n ? gl_locale_match(f.base_tag, tags, n) : -1;
    if (m < 0)
        return GLOCAL_OK;
    if (gl_chain_compute(c, f.base_tag, f.script, chain, GL_MAX_CHAIN) == 0)
        return GLOCAL_ERR_NOMEM;
    *pick = chain[0] == idx[m] ? e->tag : tags[m];
    return GLOCAL_OK;
}

/* What a header matched: the locales to serve, best first, each once.  The
 * picks point into entries or into the catalog. */
typedef struct negotiation {
    entry *entries;
    const char **tags;
    uint32_t *idx;
    const char *pick[MAX_ENTRIES];
    size_t npicks;
} negotiation;

static void negotiation_done(negotiation *ng)
{
    free(ng->entries);
    free(ng->tags);
    free(ng->idx);
}

static void add_pick(negotiation *ng, const char *pick)
{
    for (size_t i = 0; i < ng->npicks; i++)
        if (strcmp(ng->pick[i], pick) == 0)
            return;
    ng->pick[ng->npicks++] = pick;
}

/* Matches the header's entries by weight until `want` locales are picked. */
static glocal_status negotiate(const glocal_catalog *c, const char *accept_language, size_t want,
                               negotiation *ng, glocal_error **err)
{
    if (!gl_utf8_valid(accept_language, strlen(accept_language)))
        return gl_fail(err, GLOCAL_ERR_INVALID, NULL, 0, 0, "the header is not valid UTF-8");
    ng->entries = malloc(MAX_ENTRIES * sizeof *ng->entries);
    ng->tags = malloc((c->nbundles + 1) * sizeof *ng->tags);
    ng->idx = malloc((c->nbundles + 1) * sizeof *ng->idx);
    size_t n = 0;
    glocal_status st = ng->entries && ng->tags && ng->idx
                           ? parse_header(accept_language, ng->entries, &n, err)
                           : gl_nomem(err);
    for (size_t i = 0; st == GLOCAL_OK && i < n && ng->npicks < want && ng->entries[i].q > 0;
         i++) {
        const char *key, *pick = NULL;
        int known = 1;
        if (strcmp(ng->entries[i].tag, "*") == 0)
            pick = c->language;
        /* an entry glocal_request_new would refuse (-u-nu-foo) is skipped */
        else if ((known = gl_locale_extensions_known(ng->entries[i].tag, &key)) < 0 ||
                 (known && match_entry(c, &ng->entries[i], ng->tags, ng->idx, &pick) != GLOCAL_OK))
            st = gl_nomem(err);
        if (pick)
            add_pick(ng, pick);
    }
    return st;
}

glocal_status glocal_negotiate(const glocal_catalog *c, const char *accept_language,
                               char **out_locale, glocal_error **err)
{
    if (out_locale)
        *out_locale = NULL;
    if (!c || !accept_language || !out_locale)
        return gl_fail(err, GLOCAL_ERR_INVALID, NULL, 0, 0, "glocal_negotiate: NULL argument");
    negotiation ng = {0};
    glocal_status st = negotiate(c, accept_language, 1, &ng, err);
    if (st == GLOCAL_OK && !(*out_locale = gl_strdup(ng.npicks ? ng.pick[0] : c->language)))
        st = gl_nomem(err);
    negotiation_done(&ng);
    return st;
}

glocal_status glocal_negotiate_request(const glocal_catalog *c, const char *accept_language,
                                       glocal_request **out, glocal_error **err)
{
    if (out)
        *out = NULL;
    if (!c || !accept_language || !out)
        return gl_fail(err, GLOCAL_ERR_INVALID, NULL, 0, 0,
                       "glocal_negotiate_request: NULL argument");
    negotiation ng = {0};
    glocal_status st = negotiate(c, accept_language, 1 + GL_MAX_FALLBACKS, &ng, err);
    if (st == GLOCAL_OK)
        st = glocal_request_new(ng.npicks ? ng.pick[0] : c->language, out, err);
    for (size_t i = 1; st == GLOCAL_OK && i < ng.npicks; i++)
        st = glocal_request_add_fallback(*out, ng.pick[i], err);
    negotiation_done(&ng);
    if (st != GLOCAL_OK) {
        glocal_request_free(*out);
        *out = NULL;
    }
    return st;
}
