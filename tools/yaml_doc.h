/* Bundles as documents the CLI can change and write back (yaml_doc.c): read,
 * change and write a bundle with libyaml, keeping key order and each node's
 * style.  Used by `glocal import` and the importers. */
#ifndef GLOCAL_YAML_DOC_H
#define GLOCAL_YAML_DOC_H

#include <stdbool.h>
#include <stddef.h>

/* What the readers of bundles and import files accept: the library's default
 * limits (docs/limits.md), repeated here because the public API sets limits
 * but does not read them.  Input beyond one is refused, never truncated. */
#define YD_MAX_FILE_BYTES (32u << 20)    /* GLOCAL_LIMIT_FILE_BYTES */
#define YD_MAX_DEPTH 16u                 /* GLOCAL_LIMIT_YAML_DEPTH: open collections */
#define YD_MAX_SCALAR_BYTES (256u << 10) /* GLOCAL_LIMIT_SCALAR_BYTES */

typedef enum yd_kind { YD_SCALAR, YD_MAP, YD_SEQ } yd_kind;

typedef struct yd_node {
    yd_kind kind;
    char *str;               /* SCALAR */
    int style;               /* libyaml's scalar, mapping or sequence style */
    struct yd_node **items;  /* MAP: key0, value0, key1, ...; SEQ: values */
    size_t n, cap;           /* entries of items */
    unsigned line;           /* 1-based where it was read; 0 for new nodes */
    bool blank_before;       /* a map key with an empty line (or comment) above it */
    struct strmap *index;    /* MAP: key -> pair, built on the first lookup in a big map */
    size_t indexed;          /* pairs in index */
} yd_node;

yd_node *yd_scalar(const char *s);        /* written double-quoted unless plain is safe */
yd_node *yd_plain(const char *s);         /* plain when libyaml allows it */
yd_node *yd_map(bool flow);
yd_node *yd_seq(bool flow);
void yd_free(yd_node *n);
/* The value of key in map (NULL when absent or not a map). */
yd_node *yd_get(const yd_node *map, const char *key);
/* Replaces key's value in place, else appends key: value; takes val. */
void yd_set(yd_node *map, const char *key, yd_node *val);
void yd_push(yd_node *seq, yd_node *val);
/* The pairs of a map, the items of a sequence. */
size_t yd_len(const yd_node *n);
/* Whether n is a scalar holding text. */
bool yd_same(const yd_node *n, const char *text);
/* Sets variant `key` of message `id` in a `messages:` map to text: a new
 * message is a scalar for `other`, a map otherwise; a scalar message becomes
 * a map with `other` when another key arrives.  Returns whether it changed. */
bool yd_set_variant(yd_node *messages, const char *id, const char *key, const char *text);

/* A bundle read from disk: the tree, the comment lines at its top (kept
 * verbatim) and where the other comments were (the emitter cannot keep them). */
typedef struct yd_file {
    yd_node *root;
    bool over_limit;         /* yd_load failed on one of the limits above */
    char *header;            /* "" when none */
    unsigned *lost;          /* lines of comments after the first content line */
    size_t nlost;
} yd_file;

/* Reads path; false with a message in err (FILE:LINE: ...) when it cannot
 * (out->over_limit says whether a limit was the reason). */
bool yd_load(const char *path, yd_file *out, char *err, size_t errcap);
/* A whole file of at most YD_MAX_FILE_BYTES, NUL-terminated, its length in
 * *len; NULL with a message in err when it cannot be read (*too_big: it is
 * larger), read no further than the limit. */
char *yd_read_file(const char *path, size_t *len, bool *too_big, char *err, size_t errcap);
void yd_file_free(yd_file *f);
/* Says on stderr which comments of f writing it drops. */
void yd_warn_lost_comments(const char *cmd, const char *path, const yd_file *f);

#endif
