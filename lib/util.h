/* Small building blocks shared by the library: arena, growable buffer,
 * string map, UTF-8 helpers.  Internal; never installed. */
#ifndef GLOCAL_UTIL_H
#define GLOCAL_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define GL_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define GL_PRINTF(f, a)
#endif

/* Bump allocator: everything a catalog owns lives in one arena and is freed
 * at once, so no partially built catalog can leak piecemeal. */
typedef struct gl_arena gl_arena;
gl_arena *gl_arena_new(void);
void gl_arena_free(gl_arena *a);
void *gl_arena_alloc(gl_arena *a, size_t n);
char *gl_arena_strndup(gl_arena *a, const char *s, size_t n);
char *gl_arena_strdup(gl_arena *a, const char *s);
/* A copy of s[0..n) packed byte to byte with the arena's other text, for the
 * bulk of a catalog (template sources) that only byte loops and memcpy read;
 * gl_arena_strndup's copies are aligned for the string functions. */
char *gl_arena_text(gl_arena *a, const char *s, size_t n);
/* Room for element n of an array of n elements of `size` bytes that only this
 * function grew: arr itself, or a copy twice as large when n is 0 or a power of
 * two.  The arena keeps every old copy, so growing by doubling, never by one,
 * keeps the memory linear.  NULL when out of memory. */
void *gl_arena_grow_array(gl_arena *a, void *arr, size_t n, size_t size);
/* One copy per distinct string in the arena: names, keys and styles repeat
 * across thousands of templates.  NULL when out of memory. */
const char *gl_arena_intern(gl_arena *a, const char *s, size_t n);

/* Growable NUL-terminated byte buffer; `oom` latches the first failure.  A
 * buffer with a `max` (0: none) never holds more than max bytes of text: a
 * write that would pass it writes nothing and latches `full`, so a writer
 * bounded by the output limit never allocates past it.  Both latches make
 * every later write a no-op. */
typedef struct gl_buf {
    char *p;
    size_t len, cap;
    size_t max;
    bool oom, full;
} gl_buf;
void gl_buf_putn(gl_buf *b, const char *s, size_t n);
void gl_buf_puts(gl_buf *b, const char *s);
void gl_buf_putc(gl_buf *b, char c);
void gl_buf_printf(gl_buf *b, const char *fmt, ...) GL_PRINTF(2, 3);
void gl_buf_vprintf(gl_buf *b, const char *fmt, va_list ap);
/* True once a write failed (out of memory or past max): the writer can stop. */
bool gl_buf_failed(const gl_buf *b);
/* Returns the malloc'ed string (never NULL unless oom) and resets b. */
char *gl_buf_take(gl_buf *b);
void gl_buf_free(gl_buf *b);

/* Open-addressing map from NUL-terminated string keys (borrowed) to uint32. */
typedef struct gl_map {
    const char **keys;
    uint32_t *vals;
    uint32_t *hashes;
    size_t cap, count;
} gl_map;
uint32_t gl_hash(const char *s, size_t n);
bool gl_map_put(gl_map *m, const char *key, uint32_t val); /* false on oom */
bool gl_map_get(const gl_map *m, const char *key, uint32_t *val);
bool gl_map_getn(const gl_map *m, const char *key, size_t n, uint32_t *val);
/* The stored key equal to key[0..n), or NULL. */
const char *gl_map_keyn(const gl_map *m, const char *key, size_t n);
void gl_map_free(gl_map *m);

bool gl_utf8_valid(const char *s, size_t n);
size_t gl_utf8_count(const char *s, size_t n);
/* Decodes one code point of valid UTF-8 at *s, advancing it. */
uint32_t gl_utf8_next(const char **s);

bool gl_is_identifier(const char *s);  /* [a-z][a-z0-9_-]* */
bool gl_is_arg_name(const char *s);    /* [A-Za-z_][A-Za-z0-9_]* */
bool gl_is_axis_name(const char *s);   /* [a-z][a-z0-9_]* */
bool gl_is_message_id(const char *s);  /* [a-z0-9][a-z0-9_.-]* */

char *gl_strdup(const char *s);

#ifdef __cplusplus
}
#endif

#endif
