/* A string-keyed hash map for the CLI (strmap.c): the importers look keys up
 * in maps of tens of thousands of entries, where a scan per key would make
 * an import quadratic in its input. */
#ifndef GLOCAL_STRMAP_H
#define GLOCAL_STRMAP_H

#include <stdbool.h>
#include <stddef.h>

/* Keys are copied; {0} is an empty map. */
typedef struct strmap {
    char **keys;             /* NULL: an empty slot */
    size_t *vals;
    size_t cap, n;           /* slots (a power of two), keys held */
} strmap;

/* Whether key is in m; its value into *val (when val is not NULL). */
bool sm_get(const strmap *m, const char *key, size_t *val);
/* Sets key's value, adding key when it is not there. */
void sm_set(strmap *m, const char *key, size_t val);
void sm_free(strmap *m);

#endif
