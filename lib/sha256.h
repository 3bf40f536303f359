/* SHA-256 (FIPS 180-4): the digests a compiled catalog records of its
 * content and of each source file (docs/compiled.md). */
#ifndef GLOCAL_SHA256_H
#define GLOCAL_SHA256_H

#include <stddef.h>
#include <stdint.h>

#define GL_SHA256_LEN 32

typedef struct gl_sha256_ctx {
    uint32_t h[8];
    uint64_t total;           /* bytes hashed so far */
    uint8_t block[64];
    size_t used;              /* bytes waiting in block */
} gl_sha256_ctx;

void gl_sha256_init(gl_sha256_ctx *s);
void gl_sha256_update(gl_sha256_ctx *s, const void *data, size_t n);
void gl_sha256_final(gl_sha256_ctx *s, uint8_t out[GL_SHA256_LEN]);
/* The digest of data[0..n) in one call. */
void gl_sha256(const void *data, size_t n, uint8_t out[GL_SHA256_LEN]);

#endif
