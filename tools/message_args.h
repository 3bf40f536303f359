/* The NAME=VALUE arguments of render and explain (message_args.c). */
#ifndef GLOCAL_MESSAGE_ARGS_H
#define GLOCAL_MESSAGE_ARGS_H

#include <stddef.h>

#include "glocal.h"

/* The n NAME=VALUE pairs as *out, each typed by base's declaration of the
 * arguments of message id (undeclared, or an unknown id: inferred).
 * CONTINUE, or EXIT_USAGE after saying why on stderr. */
int build_args(const char *cmd, const glocal_catalog *c, const char *id, char *const *pairs,
               size_t n, glocal_args **out);

#endif
