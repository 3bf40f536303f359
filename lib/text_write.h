/* Writing a value into the text: bidi isolation and containment, HTML
 * escaping (format.c), shared by the MF1 writer and the MF2 formatter. */
#ifndef GLOCAL_TEXT_WRITE_H
#define GLOCAL_TEXT_WRITE_H

#include "util.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Isolation `auto` (docs/resolution.md): s holds a strong character of the
 * other direction, or, in a right-to-left locale, none at all. */
bool gl_needs_isolation(const char *s, size_t n, bool rtl);
/* s holds an explicit directional control (U+202A-202E, U+2066-2069). */
bool gl_has_bidi_controls(const char *s, size_t n);
/* Writes s with its directional controls balanced: what it opens is closed,
 * a closer without an opener of its own is dropped (docs/resolution.md). */
void gl_put_contained(gl_buf *out, const char *s, size_t n);
/* Writes s with & < > " ' as HTML entities. */
void gl_put_html_escaped(gl_buf *out, const char *s, size_t n);

#ifdef __cplusplus
}
#endif

#endif
