/* The loader's private state and stages: directory (catalog_load.c) → one
 * bundle (bundle_load.c, with base_config.c and message_load.c) → the checks
 * across bundles (catalog_check.c).  catalog.h is the model they build. */
#ifndef GLOCAL_LOAD_H
#define GLOCAL_LOAD_H

#include "catalog.h"

/* Loading in two modes: fail fast (open) or collect (lint). */
typedef struct gl_load {
    gl_diag *diag;
    const gl_limits *limits;
    glocal_catalog *cat;      /* being built */
    gl_map vkey_index;        /* variant key text -> index in cat->vkeys (message_load.c) */
} gl_load;

/* One bundle being loaded: where its findings go and what they name. */
typedef struct gl_bundle_ctx {
    gl_load *ld;
    glocal_catalog *c;
    gl_bundle *b;
    bool is_base;
} gl_bundle_ctx;

#define REPORT(x, rule, node, ...)                                                           \
    gl_report((x)->ld->diag, rule, GLOCAL_OK, (x)->b->file, (node)->line, (node)->col,       \
              (x)->is_base ? NULL : (x)->b->locale, NULL, __VA_ARGS__)
#define REPORT_MSG(x, rule, node, id, ...)                                                   \
    gl_report((x)->ld->diag, rule, GLOCAL_OK, (x)->b->file, (node)->line, (node)->col,       \
              (x)->is_base ? NULL : (x)->b->locale, id, __VA_ARGS__)

/* ---- load.c: what every stage of a bundle checks and reports ---- */

bool gl_load_stopped(const gl_bundle_ctx *x);
/* Reports running out of memory; returns true (stop). */
bool gl_load_nomem(gl_bundle_ctx *x);
/* "a mapping", "a list", "a string". */
const char *gl_node_kind_name(const ynode *n);
/* A scalar where one is required; reports and returns NULL otherwise. */
const char *gl_want_scalar(gl_bundle_ctx *x, const ynode *n, const char *what);
bool gl_want_kind(gl_bundle_ctx *x, const ynode *n, yn_kind kind, const char *what);
/* Checks that a tag is well-formed and canonical; reports under locale-tag. */
bool gl_check_tag(gl_bundle_ctx *x, const ynode *n, const char *key);

/* ---- base_config.c: what only base declares ---- */

/* `language:`, which must be there. */
void gl_base_language(gl_bundle_ctx *x, const ynode *root);
/* The built-in axis values and those `axes:` adds (NULL: none). */
void gl_base_axes(gl_bundle_ctx *x, const ynode *axes);
void gl_base_channels(gl_bundle_ctx *x, const ynode *channels);
/* channel.c: reads a channel key other than max_length into channel value
 * idx's declaration; false when k is not one. */
bool gl_channel_key(gl_bundle_ctx *x, uint32_t idx, const ynode *k, const ynode *v);
/* Reports a channel declaration whose keys contradict each other. */
void gl_channel_check(gl_bundle_ctx *x, uint32_t idx, const ynode *decl);
/* A profile's `calendar`, `numbers` or `hour_cycle` (k: v), checked and kept;
 * false when k is none of them. */
bool gl_profile_convention(gl_bundle_ctx *x, const ynode *k, const ynode *v);
/* `locked:`, after base's terms and messages. */
void gl_base_locked(gl_bundle_ctx *x, const ynode *locked);
/* A local bundle's `locked:`: messages it defines, after its messages. */
void gl_local_locked(gl_bundle_ctx *x, const ynode *locked);

/* ---- message_load.c ---- */

/* `messages:`: base registers the catalog's messages; every bundle its
 * definitions of them (the rest are orphans, kept for lint). */
void gl_load_messages(gl_bundle_ctx *x, const ynode *msgs);

/* ---- bundle_load.c ---- */

/* Checks and loads `root` into b (b->locale and b->file already set).
 * Base must be loaded first: it defines the axes and the set of messages. */
void gl_bundle_load(gl_load *ld, gl_bundle *b, const ynode *root, const char *stem, bool is_base);

/* ---- catalog_check.c ---- */

/* The checks that need every bundle loaded. */
void gl_catalog_check(glocal_catalog *c, gl_diag *d);

#endif
