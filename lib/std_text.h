/* What the standards checks read (std_text.c): a template's text as readers
 * see it, part by part, each byte traced to the template's source; and where
 * a byte of the source stands in the bundle file, so that a finding names the
 * exact line and column. */
#ifndef GLOCAL_STD_TEXT_H
#define GLOCAL_STD_TEXT_H

#include "template.h"

/* "\xEF\xBF\xBC", U+FFFC: where an argument, a term or a plural's # is
 * written, so that no check reads a value as text. */
#define GL_TEXT_HOLE "\xEF\xBF\xBC"
#define GL_TEXT_HOLE_CP 0xFFFC

/* One message part: the top-level text (part 0) or one plural/select branch. */
typedef struct gl_text_part {
    size_t start, len;        /* in gl_text.s; the part's text ends with a NUL */
    int parent;               /* -1 for part 0 */
} gl_text_part;

typedef struct gl_text_seg gl_text_seg;

/* Reused from template to template: buffers only grow. */
typedef struct gl_text {
    char *s;
    uint32_t *src;            /* per byte of s: its byte offset in the template source */
    size_t len, cap;
    gl_text_part *parts;
    size_t nparts, pcap;
    gl_text_seg *segs;
    size_t nsegs, scap;
} gl_text;

/* Splits the template source into its parts; false when out of memory. */
bool gl_text_of(gl_text *t, const char *src);
void gl_text_free(gl_text *t);

/* A bundle file's bytes, read when a finding needs a column. */
typedef struct gl_file_text {
    char *raw;
    size_t len;
    size_t *lines;            /* the byte where each line starts (line 1 at [0]) */
    size_t nlines;
    bool tried;
} gl_file_text;

void gl_file_text_read(gl_file_text *f, const char *path);
void gl_file_text_free(gl_file_text *f);
/* The line and column (1-based, in code points) of byte `off` of the
 * template's source in the file, through the scalar's YAML quoting and
 * folding; the scalar's own position when the file cannot tell. */
void gl_file_position(const gl_file_text *f, const gl_template *t, size_t off, unsigned *line,
                      unsigned *col);

#endif
