/* An Aho–Corasick automaton over byte strings: brand-literal looks for every
 * term of a bundle in every template, and testing each term in turn made lint
 * take the terms times the templates (160,000 terms: 32 s).  The trie's edges
 * live in one hash table keyed by (node, byte), so a node costs a few words
 * whatever its fan-out; failure links are built lazily on the first search. */
#include "term_match.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#define NO_ID UINT32_MAX

typedef struct node {
    uint32_t parent, fail, dict; /* dict: nearest node on the failure chain that ends a text */
    uint32_t id;                 /* NO_ID unless a text ends here */
    uint32_t seen;               /* the search that last reported this node */
    uint32_t depth;
    unsigned char byte;          /* the edge from parent */
} node;

typedef struct edge {
    uint64_t key; /* (from << 8 | byte) + 1; 0: empty slot */
    uint32_t to;
} edge;

struct gl_term_matcher {
    node *nodes;
    size_t nnodes, cap;
    edge *edges;
    size_t nedges, ecap; /* ecap: a power of two, at most half full */
    bool built;
    uint32_t search;     /* numbers searches, so `seen` needs no clearing */
};

static uint64_t edge_key(uint32_t from, unsigned char byte)
{
    return ((uint64_t)from << 8 | byte) + 1;
}

static size_t edge_slot(const edge *edges, size_t cap, uint64_t key)
{
    size_t i = (size_t)((key * 0x9E3779B97F4A7C15u) >> 17) & (cap - 1);
    while (edges[i].key && edges[i].key != key)
        i = (i + 1) & (cap - 1);
    return i;
}

static uint32_t next_search(gl_term_matcher *m)
{
    if (++m->search == 0) { /* wrapped: forget what earlier searches saw */
        for (size_t v = 0; v < m->nnodes; v++)
            m->nodes[v].seen = 0;
        m->search = 1;
    }
    return m->search;
}

/* The node reached from `from` over byte, 0 (the root) when there is none. */
static uint32_t go(const gl_term_matcher *m, uint32_t from, unsigned char byte)
{
    if (!m->ecap)
        return 0;
    const edge *e = &m->edges[edge_slot(m->edges, m->ecap, edge_key(from, byte))];
    return e->key ? e->to : 0;
}

static bool grow_edges(gl_term_matcher *m)
{
    size_t cap = m->ecap ? m->ecap * 2 : 64;
    edge *edges = calloc(cap, sizeof(*edges));
    if (!edges)
        return false;
    for (size_t i = 0; i < m->ecap; i++)
        if (m->edges[i].key)
            edges[edge_slot(edges, cap, m->edges[i].key)] = m->edges[i];
    free(m->edges);
    m->edges = edges;
    m->ecap = cap;
    return true;
}

/* The new node's index, 0 when out of memory. */
static uint32_t new_node(gl_term_matcher *m, uint32_t parent, unsigned char byte)
{
    if (m->nnodes == m->cap) {
        size_t cap = m->cap ? m->cap * 2 : 64;
        node *nodes = cap < UINT32_MAX ? realloc(m->nodes, cap * sizeof(*nodes)) : NULL;
        if (!nodes)
            return 0;
        m->nodes = nodes;
        m->cap = cap;
    }
    m->nodes[m->nnodes] = (node){parent, 0, 0, NO_ID, 0, m->nodes[parent].depth + 1, byte};
    return (uint32_t)m->nnodes++;
}

gl_term_matcher *gl_term_matcher_new(void)
{
    gl_term_matcher *m = calloc(1, sizeof(*m));
    node *root = calloc(1, sizeof(*root));
    if (!m || !root) {
        free(m);
        free(root);
        return NULL;
    }
    *root = (node){0, 0, 0, NO_ID, 0, 0, 0}; /* node 0; as a node's link, "none" */
    m->nodes = root;
    m->nnodes = m->cap = 1;
    return m;
}

void gl_term_matcher_free(gl_term_matcher *m)
{
    if (!m)
        return;
    free(m->nodes);
    free(m->edges);
    free(m);
}

static uint32_t child(gl_term_matcher *m, uint32_t from, unsigned char byte)
{
    uint32_t to = go(m, from, byte);
    if (to)
        return to;
    if ((m->nedges + 1) * 2 > m->ecap && !grow_edges(m))
        return 0;
    if (!(to = new_node(m, from, byte)))
        return 0;
    uint64_t key = edge_key(from, byte);
    m->edges[edge_slot(m->edges, m->ecap, key)] = (edge){key, to};
    m->nedges++;
    return to;
}

int gl_term_matcher_add(gl_term_matcher *m, const char *text, size_t len, uint32_t id)
{
    uint32_t at = 0;
    for (size_t i = 0; i < len; i++)
        if (!(at = child(m, at, (unsigned char)text[i])))
            return -1;
    if (!len || m->nodes[at].id != NO_ID)
        return 0;
    m->nodes[at].id = id;
    return 1;
}

bool gl_term_matcher_has(const gl_term_matcher *m, const char *text, size_t len)
{
    uint32_t at = 0;
    for (size_t i = 0; i < len; i++)
        if (!(at = go(m, at, (unsigned char)text[i])))
            return false;
    return len && m->nodes[at].id != NO_ID;
}

/* Failure links in order of depth (a node's link is shallower than itself). */
static bool build(gl_term_matcher *m)
{
    uint32_t *order = malloc(m->nnodes * sizeof(*order));
    size_t *start = calloc(m->nnodes + 1, sizeof(*start));
    if (!order || !start) {
        free(order);
        free(start);
        return false;
    }
    for (size_t v = 0; v < m->nnodes; v++)
        start[m->nodes[v].depth + 1]++;
    for (size_t d = 1; d <= m->nnodes; d++)
        start[d] += start[d - 1];
    for (size_t v = 0; v < m->nnodes; v++)
        order[start[m->nodes[v].depth]++] = (uint32_t)v;
    for (size_t k = 1; k < m->nnodes; k++) {
        node *v = &m->nodes[order[k]];
        uint32_t f = m->nodes[v->parent].fail, to = 0;
        if (v->parent != 0) {
            while (f && !go(m, f, v->byte))
                f = m->nodes[f].fail;
            to = go(m, f, v->byte);
        }
        v->fail = to;
        v->dict = m->nodes[to].id != NO_ID ? to : m->nodes[to].dict;
    }
    free(order);
    free(start);
    m->built = true;
    return true;
}

bool gl_term_matcher_find(gl_term_matcher *m, const char *s, size_t len,
                          void (*found)(void *ctx, uint32_t id), void *ctx)
{
    if (!m->built && !build(m))
        return false;
    uint32_t at = 0, search = next_search(m);
    for (size_t i = 0; i < len; i++) {
        unsigned char byte = (unsigned char)s[i];
        while (at && !go(m, at, byte))
            at = m->nodes[at].fail;
        at = go(m, at, byte);
        /* a node already reported reported its whole chain too */
        uint32_t t = m->nodes[at].id != NO_ID ? at : m->nodes[at].dict;
        for (; t && m->nodes[t].seen != search; t = m->nodes[t].dict) {
            m->nodes[t].seen = search;
            found(ctx, m->nodes[t].id);
        }
    }
    return true;
}

/* ---- word boundaries, for the texts found ---- */

static bool is_word_char(UChar32 c)
{
    return u_isalnum(c) || c == '_' || u_hasBinaryProperty(c, UCHAR_ALPHABETIC) ||
           (U_GET_GC_MASK(c) & U_GC_M_MASK);
}

bool gl_word_edge(UBreakIterator **words, const char *s, size_t len, size_t at)
{
    if (at == 0 || at >= len)
        return true;
    UChar32 before, after;
    int32_t i = (int32_t)at, j = (int32_t)at;
    U8_PREV((const uint8_t *)s, 0, i, before);
    U8_NEXT((const uint8_t *)s, j, (int32_t)len, after);
    if (!is_word_char(before) || !is_word_char(after))
        return true;
    UErrorCode st = U_ZERO_ERROR;
    if (!*words)
        *words = ubrk_open(UBRK_WORD, "", NULL, 0, &st);
    if (!*words)
        return true;
    UText *ut = utext_openUTF8(NULL, s, (int64_t)len, &st);
    ubrk_setUText(*words, ut, &st);
    bool edge = U_SUCCESS(st) && ubrk_isBoundary(*words, (int32_t)at);
    utext_close(ut);
    return edge;
}
