/* Shared by the libFuzzer targets: a scratch catalog directory per process,
 * the input split into bundle files, and formatting every message of a
 * catalog with arguments of the types its declarations allow.
 *
 * Input layout of the directory targets (fuzz-bundle, fuzz-lint): the bytes
 * up to the first line `#>NAME` are base.yaml; each `#>NAME` line starts
 * NAME.yaml (NAME: [A-Za-z0-9_-]{1,24}), so a seed can be a real catalog
 * written one file after another.  At most FZ_MAX_FILES files. */
#ifndef GLOCAL_FUZZ_COMMON_H
#define GLOCAL_FUZZ_COMMON_H

#include <glocal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"

#define FZ_MAX_FILES 8

/* A violated invariant: libFuzzer reports the abort as a crash with its input. */
#define FZ_CHECK(cond, ...)                                                                  \
    do {                                                                                     \
        if (!(cond)) {                                                                       \
            fprintf(stderr, "fuzz invariant failed: %s: ", #cond);                           \
            fprintf(stderr, __VA_ARGS__);                                                    \
            fputc('\n', stderr);                                                             \
            abort();                                                                         \
        }                                                                                    \
    } while (0)

/* The process' scratch directory, emptied; in /dev/shm when there is one. */
const char *fz_scratch(void);
/* Writes p[0..n) as NAME in the scratch directory. */
void fz_write(const char *name, const uint8_t *p, size_t n);
/* Writes the input as bundle files into dir. */
void fz_write_bundles(const char *dir, const uint8_t *data, size_t size);
/* Writes the input as bundle files into a fresh scratch directory. */
const char *fz_write_catalog(const uint8_t *data, size_t size);
/* Options with tight limits for some inputs, else NULL (the defaults); sets
 * fz_max_output to the output limit they give. */
glocal_options *fz_options(const uint8_t *data, size_t size);
bool fz_utf8_ok(const char *s);
/* Arguments of the allowed types for every argument m declares. */
glocal_args *fz_args_for(const glocal_message *m, unsigned pick);
/* The output limit of the catalog being formatted (fz_options). */
extern uint64_t fz_max_output;
/* A compiled catalog is being formatted (docs/compiled.md): a message whose
 * records are damaged fails its call with GLOCAL_ERR_SCHEMA when first used,
 * and a file whose structure holds may still say things that disagree (an id
 * its index does not find): a call may fail with any status but NOMEM. */
extern bool fz_compiled;
/* ... opened without verify: a changed byte of a string goes unseen, so a
 * bundle's locale may no longer be a tag or UTF-8 (its requests are skipped) and an
 * output may not be UTF-8 (it is still within bounds and the limit). */
extern bool fz_unverified;
/* Checks one glocal_format/glocal_explain result and frees out and e. */
void fz_check_result(const char *what, const char *id, glocal_status st, char *out,
                     glocal_error *e, bool args_complete);
/* Every message of c, for up to `nloc` locales and a few contexts. */
void fz_format_all(const glocal_catalog *c, unsigned seed, size_t nloc);

#endif
