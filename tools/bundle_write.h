/* Writing bundles back into a catalog (`glocal import` and the importers):
 * the catalog as it would be is linted before anything is written, and what
 * passes is written atomically (atomic_write.h). */
#ifndef GLOCAL_BUNDLE_WRITE_H
#define GLOCAL_BUNDLE_WRITE_H

#include <stdbool.h>
#include <stddef.h>

#include "cli.h"
#include "yaml_doc.h"

/* The exit status of a write the check refused: nothing was written. */
enum { EXIT_REFUSED = 3 };

/* The end of every importer's --help. */
#define IMPORTER_EXIT_STATUS                                                                  \
    "The bundles are written only when the catalog then has no lint error it\n"              \
    "did not have before, all or none, each atomically; a bundle already there\n"            \
    "that cannot be read is never replaced.\n"                                               \
    "\n"                                                                                     \
    "Exit status: 0 done, 1 done but something was not carried over, 2 usage\n"              \
    "error, unreadable input or a bundle that cannot be read or written (nothing\n"          \
    "written), 3 refused by the lint check (each new error named; nothing written).\n"

/* The text of a bundle as it is written: header, then root (yaml_doc.c);
 * false when libyaml's emitter fails. */
bool yd_render(const yd_node *root, const char *header, strbuf *out);

/* Whether a bundle read with yd_load has the shape a writer changes in place
 * (yaml_doc.c); false with "PATH:LINE: why" in err: a writer never replaces
 * what it cannot read. */
bool yd_writable(const yd_file *f, const char *path, char *err, size_t errcap);

/* A bundle about to be written into the catalog directory. */
typedef struct bundle_text {
    const char *name;        /* its file name, "de.yaml" */
    const char *text;
    size_t len;
} bundle_text;

/* Writes the n bundles into dir (created when missing), all or none.  First
 * the catalog as it would be (a scratch copy of dir with the new texts in
 * place) is linted: an error finding that dir does not have already refuses
 * the whole write, each such finding said on stderr.  Then every bundle goes
 * to a temporary file and, once all are on disk, each is renamed over its
 * target.  EXIT_OK; EXIT_REFUSED; EXIT_USAGE when the check or a write
 * failed (said on stderr; nothing written when it was the check or a
 * temporary file). */
int bundles_write(const char *cmd, const char *dir, const bundle_text *b, size_t n);

#endif
