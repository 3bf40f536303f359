/* Strings for the CLI: allocation that cannot fail, a growable buffer and
 * UTF-8 checks (strbuf.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"

/* ---- allocation ---- */

/* A CLI run that runs out of memory can only stop: status 2, as for input it
 * cannot read. */
static void *checked(void *p)
{
    if (!p) {
        fputs("glocal: out of memory\n", stderr);
        exit(2);
    }
    return p;
}

void *xmalloc(size_t n)
{
    return checked(malloc(n ? n : 1));
}

void *xcalloc(size_t n, size_t size)
{
    return checked(calloc(n ? n : 1, size ? size : 1));
}

void *xrealloc(void *p, size_t n)
{
    return checked(realloc(p, n ? n : 1));
}

char *xstrdup(const char *s)
{
    return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
    char *p = xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

/* ---- the buffer ---- */

/* Room for `more` bytes and the NUL. */
static void reserve(strbuf *b, size_t more)
{
    if (b->len + more < b->cap)
        return;
    size_t cap = b->cap ? b->cap : 64;
    while (cap <= b->len + more)
        cap *= 2;
    b->p = xrealloc(b->p, cap);
    b->cap = cap;
}

void sb_putn(strbuf *b, const char *s, size_t n)
{
    reserve(b, n);
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

void sb_puts(strbuf *b, const char *s)
{
    sb_putn(b, s, strlen(s));
}

void sb_putc(strbuf *b, char c)
{
    sb_putn(b, &c, 1);
}

/* Formats into the spare room first and grows only when it is too small
 * (which also keeps gcc's -O2 format checks from seeing a NULL buffer). */
void sb_printf(strbuf *b, const char *fmt, ...)
{
    reserve(b, 64);
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(b->p + b->len, b->cap - b->len, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n >= b->cap - b->len) {
        reserve(b, (size_t)n);
        va_start(ap, fmt);
        vsnprintf(b->p + b->len, b->cap - b->len, fmt, ap);
        va_end(ap);
    }
    b->len += (size_t)n;
}

char *sb_take(strbuf *b)
{
    char *s = b->p ? b->p : xstrdup("");
    *b = (strbuf){0};
    return s;
}

void sb_free(strbuf *b)
{
    free(b->p);
    *b = (strbuf){0};
}

/* ---- UTF-8 ---- */

/* The length of the sequence lead byte c starts, 0 when c cannot start one. */
static size_t sequence_length(unsigned char c)
{
    return c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3
           : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
}

bool utf8_valid(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    while (p < end) {
        size_t k = sequence_length(*p);
        if (k == 0 || (size_t)(end - p) < k)
            return false;
        for (size_t i = 1; i < k; i++)
            if ((p[i] & 0xC0) != 0x80)
                return false;
        /* the second byte's range rules out overlong forms, surrogates and > U+10FFFF */
        if ((p[0] == 0xE0 && p[1] < 0xA0) || (p[0] == 0xED && p[1] > 0x9F) ||
            (p[0] == 0xF0 && p[1] < 0x90) || (p[0] == 0xF4 && p[1] > 0x8F))
            return false;
        p += k;
    }
    return true;
}

uint32_t utf8_next(const char **s)
{
    const unsigned char *p = (const unsigned char *)*s;
    size_t k = sequence_length(*p);
    uint32_t cp = k == 1 ? p[0] : k == 2 ? p[0] & 0x1Fu : k == 3 ? p[0] & 0x0Fu : p[0] & 0x07u;
    if (k == 0)
        k = 1;
    for (size_t i = 1; i < k; i++)
        cp = (cp << 6) | (p[i] & 0x3Fu);
    *s += k;
    return cp;
}
