/* A bundle file parsed with libyaml into a small tree that keeps the line
 * and column of every key and scalar. */
#ifndef GLOCAL_YAML_TREE_H
#define GLOCAL_YAML_TREE_H

#include "error.h"
#include "limits.h"

typedef enum yn_kind { YN_SCALAR, YN_MAP, YN_SEQ } yn_kind;

typedef struct ynode {
    yn_kind kind;
    unsigned line, col;       /* 1-based; col in code points */
    const char *str;          /* scalar text, NUL-terminated */
    size_t len;               /* scalar length in bytes */
    struct ynode **items;     /* MAP: key0, val0, key1, val1...; SEQ: values */
    size_t n;                 /* MAP: pairs; SEQ: values */
    struct ynode *next;       /* sibling, while building */
} ynode;

/*
 * Parses a bundle file's bytes (buf, len; reported as `file`; read under the
 * size limit by catalog_sources.c) into a tree allocated in `arena`.
 * Refuses anchors, aliases, tags, several documents, non-scalar keys and
 * duplicate keys; enforces the depth and scalar limits.  Returns the root
 * (NULL for an empty document) and sets *ok; on failure the problem went to
 * `d` and *ok is false.
 */
ynode *gl_yaml_load(const char *buf, size_t len, const char *file, const gl_limits *limits,
                    gl_arena *arena, gl_diag *d, bool *ok);

/* The value of `key` in a map, or NULL. */
const ynode *gl_yaml_get(const ynode *map, const char *key);

#endif
