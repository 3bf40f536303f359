/* Open addressing with linear probing, at most half full; FNV-1a hashes the
 * keys.  Keys are never removed: the importers only add and update. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"
#include "strmap.h"

static size_t hash(const char *s)
{
    uint64_t h = 14695981039346656037u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211u;
    return (size_t)h;
}

/* The slot of key, or the empty slot where it would go. */
static size_t slot_of(const strmap *m, const char *key)
{
    size_t i = hash(key) & (m->cap - 1);
    while (m->keys[i] && strcmp(m->keys[i], key) != 0)
        i = (i + 1) & (m->cap - 1);
    return i;
}

static void grow(strmap *m)
{
    strmap bigger = {xcalloc(m->cap ? 2 * m->cap : 16, sizeof(char *)),
                     xcalloc(m->cap ? 2 * m->cap : 16, sizeof(size_t)),
                     m->cap ? 2 * m->cap : 16, m->n};
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->keys[i])
            continue;
        size_t j = slot_of(&bigger, m->keys[i]);
        bigger.keys[j] = m->keys[i];
        bigger.vals[j] = m->vals[i];
    }
    free(m->keys);
    free(m->vals);
    *m = bigger;
}

bool sm_get(const strmap *m, const char *key, size_t *val)
{
    if (!m->n)
        return false;
    size_t i = slot_of(m, key);
    if (m->keys[i] && val)
        *val = m->vals[i];
    return m->keys[i] != NULL;
}

void sm_set(strmap *m, const char *key, size_t val)
{
    if (2 * (m->n + 1) > m->cap)
        grow(m);
    size_t i = slot_of(m, key);
    if (!m->keys[i]) {
        m->keys[i] = xstrdup(key);
        m->n++;
    }
    m->vals[i] = val;
}

void sm_free(strmap *m)
{
    for (size_t i = 0; i < m->cap; i++)
        free(m->keys[i]);
    free(m->keys);
    free(m->vals);
    memset(m, 0, sizeof *m);
}
