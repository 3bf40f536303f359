/* Writing a resolution as text, shared by glocal_format, glocal_explain and
 * the result API. */
#ifndef GLOCAL_FORMAT_H
#define GLOCAL_FORMAT_H

#include "resolve.h"

/* Writes the resolved variant with args into out (an empty buffer), within
 * the catalog's output limit. */
glocal_status gl_render(const glocal_catalog *c, const gl_resolution *res,
                        const glocal_request *r, const glocal_args *a, const char *id,
                        gl_buf *out, glocal_error **err);

/* GLOCAL_ERR_INVALID when a message id is not UTF-8. */
glocal_status gl_check_message_id(const char *id, glocal_error **err);

typedef glocal_status (*gl_write_fn)(const glocal_catalog *c, const gl_resolution *res,
                                     const glocal_request *r, const glocal_args *a,
                                     const char *id, gl_buf *out, glocal_error **err);

/* What every formatting entry point shares: check the call, resolve, write
 * with `write`, hand the text to the caller in *out_utf8. */
glocal_status gl_resolve_and_write(const glocal_catalog *c, const char *id,
                                   const glocal_request *r, const glocal_args *a,
                                   gl_write_fn write, char **out_utf8, glocal_error **err);

#endif
