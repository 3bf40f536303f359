/* Which of many texts occur in a text, found in one pass (term_match.c). */
#ifndef GLOCAL_TERM_MATCH_H
#define GLOCAL_TERM_MATCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct gl_term_matcher gl_term_matcher;

gl_term_matcher *gl_term_matcher_new(void);
void gl_term_matcher_free(gl_term_matcher *m);
/* Adds a non-empty text under the caller's id: 1 added, 0 the text was
 * already there (the first id stays), -1 out of memory.  Adding after
 * gl_term_matcher_find is not allowed. */
int gl_term_matcher_add(gl_term_matcher *m, const char *text, size_t len, uint32_t id);
/* Whether the text was added. */
bool gl_term_matcher_has(const gl_term_matcher *m, const char *text, size_t len);
/* Calls found once per added text that occurs in s (its id), in time linear
 * in len plus the texts found.  false when out of memory (nothing reported). */
bool gl_term_matcher_find(gl_term_matcher *m, const char *s, size_t len,
                          void (*found)(void *ctx, uint32_t id), void *ctx);

/* Whether byte `at` of the UTF-8 text s is a word boundary: an end of s, a
 * character on either side that is no letter, digit, mark or `_`, or a
 * boundary by ICU's word rules (Latin next to kana or ideographs).  *words is
 * the caller's word iterator, opened on first use (ubrk_close it); without
 * one (out of memory) every position counts as a boundary. */
typedef struct UBreakIterator UBreakIterator;
bool gl_word_edge(UBreakIterator **words, const char *s, size_t len, size_t at);

#endif
