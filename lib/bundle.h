/* Loading one bundle file's tree into the catalog (bundle.c). */
#ifndef GLOCAL_BUNDLE_H
#define GLOCAL_BUNDLE_H

#include "catalog.h"

/* Checks and loads `root` into b (b->locale and b->file already set).
 * Base must be loaded first: it defines the axes and the set of messages. */
void gl_bundle_load(gl_load *ld, gl_bundle *b, const ynode *root, const char *stem, bool is_base);

#endif
