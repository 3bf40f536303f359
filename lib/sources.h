/* A catalog's bundle files as named byte strings: the stage before loading.
 * catalog_sources.c lists and reads a directory's files; the loader
 * (catalog_load.c) builds a catalog from them, and a compiled catalog keeps
 * them so that lint can load them again. */
#ifndef GLOCAL_SOURCES_H
#define GLOCAL_SOURCES_H

#include "error.h"
#include "limits.h"

typedef struct gl_source {
    const char *name;         /* "base.yaml", "de-CH.yaml": the file's name in the directory */
    const char *bytes;        /* the file's content, len bytes, not NUL-terminated */
    size_t len;
} gl_source;

/* A catalog directory whose *.yaml regular files are listed (base.yaml first,
 * then by locale) and read one at a time, so that loading holds one file's
 * bytes at a time. */
typedef struct gl_source_dir gl_source_dir;

/* Lists dir's bundle files; NULL when the directory cannot be read or memory
 * runs out (reported).  Past the bundle limit the list stops (reported). */
gl_source_dir *gl_source_dir_open(const char *dir, const glocal_options *o, gl_diag *d);
/* Opens the directory the files are read in (after the loader checked the
 * list); false when it cannot (reported). */
bool gl_source_dir_enter(gl_source_dir *sd, const char *dir, const glocal_options *o,
                         gl_diag *d);
size_t gl_source_dir_count(const gl_source_dir *sd);
/* "base.yaml": the name of file i. */
const char *gl_source_dir_name(const gl_source_dir *sd, size_t i);
/* Reads file i under the link policy and the file size limit; its bytes are
 * malloc'ed, the caller's.  False when refused or unreadable (reported as
 * `file`, the name the findings give it). */
bool gl_source_dir_read(gl_source_dir *sd, size_t i, const char *file, gl_source *out,
                        gl_diag *d);
void gl_source_dir_close(gl_source_dir *sd);

/* Frees sources whose names and bytes were malloc'ed (gl_catalog_load_dir's). */
void gl_sources_free(gl_source *s, size_t n);

/* "DIR/NAME" in a, NULL when out of memory. */
char *gl_join_path(gl_arena *a, const char *dir, const char *name);

/* Whether a source is within the file size limit (reported as `file` when not). */
bool gl_source_size_ok(const gl_source *s, const char *file, const gl_limits *limits,
                       gl_diag *d);

#endif
