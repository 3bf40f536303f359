/* Strings for the CLI (and the fuzzers, which compile strbuf.c too):
 * allocation that cannot fail, a growable buffer, UTF-8 checks.  Out of
 * memory ends the process with status 2, so no caller checks for it. */
#ifndef GLOCAL_STRBUF_H
#define GLOCAL_STRBUF_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#if defined(__GNUC__)
#define SB_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define SB_PRINTF(f, a)
#endif

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* A NUL-terminated string being built; {0} is an empty buffer. */
typedef struct strbuf {
    char *p;
    size_t len, cap;
} strbuf;

void sb_putn(strbuf *b, const char *s, size_t n);
void sb_puts(strbuf *b, const char *s);
void sb_putc(strbuf *b, char c);
void sb_printf(strbuf *b, const char *fmt, ...) SB_PRINTF(2, 3);
/* The string built so far ("" when nothing was put), the caller's to free;
 * b is empty again. */
char *sb_take(strbuf *b);
void sb_free(strbuf *b);

/* Whether s[0..n) is well-formed UTF-8 (no overlong forms, surrogates or
 * code points above U+10FFFF): what the library accepts. */
bool utf8_valid(const char *s, size_t n);
/* The code point at *s of valid UTF-8, moving *s past it. */
uint32_t utf8_next(const char **s);

#endif
