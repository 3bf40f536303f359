/* Fallback chains (docs/resolution.md#chains) and the per-catalog memo of
 * resolved chains. */
#ifndef GLOCAL_CHAIN_H
#define GLOCAL_CHAIN_H

#include "catalog.h"
#include "locales.h"

/* `parent:` links in a row, at most (docs/limits.md): a catalog with a longer
 * run does not open.  Far above what a real catalog uses. */
#define GL_MAX_PARENT_DEPTH 32
/* Candidate tags a chain walk tries, at most; a chain holds one bundle per
 * counted candidate and base, so GL_MAX_CHAIN never cuts one short. */
#define GL_MAX_TRIED 96
#define GL_MAX_CHAIN (GL_MAX_TRIED + 1)

/* A chain resolved for one request: bundles, profile defaults, and the
 * format locale to use when each bundle's variant is selected.  A request
 * with fallbacks reads its own locale's chain, then each fallback's, base
 * last (docs/resolution.md#fallbacks). */
typedef struct gl_chain {
    char *key;                  /* memo key: the request's tag, then "\n" and each fallback's */
    uint32_t hash;
    size_t n;
    uint32_t *idx;              /* n bundle indices, base last */
    char **format_locale;       /* per position: ICU locale id with keywords */
    char **format_tag;          /* the same as a BCP 47 tag, for the result API */
    bool *rtl;                  /* the direction of that format locale */
    uint32_t formality, tone;   /* from the first profile setting them; 0 none */
    const char *time_zone;      /* NULL: UTC (docs/resolution.md#time-zones) */
    uint32_t formality_from, tone_from, zone_from; /* chain positions, for explain */
    char *region_zone;          /* the region's only zone, when time_zone is that */
    const char *convention[GL_CONVENTIONS]; /* profile calendar, numbers, hour_cycle in use */
    gl_locale_facts facts;      /* of the request tag */
} gl_chain;

/* Computes the bundle chain for a tag without extensions and its likely
 * script, base last; 0 when out of memory. */
size_t gl_chain_compute(const glocal_catalog *c, const char *base_tag, const char *script,
                        uint32_t *out, size_t cap);

/* The resolved chain for a request's chain key (gl_request_chain_key: its
 * canonical tag, then "\n" and each fallback's), memoized in the catalog.
 * *owned is set when the result is not memoized and must be freed with
 * gl_chain_free.  NULL only when out of memory. */
const gl_chain *gl_chain_get(const glocal_catalog *c, const char *key, uint32_t hash, bool *owned);
void gl_chain_free(gl_chain *ch);

gl_chain_memo *gl_chain_memo_new(void);
void gl_chain_memo_free(gl_chain_memo *m);

#endif
