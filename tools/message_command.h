/* What render and explain share (message_command.c): one message formatted
 * for one request given on the command line. */
#ifndef GLOCAL_MESSAGE_COMMAND_H
#define GLOCAL_MESSAGE_COMMAND_H

#include <stdbool.h>

#include "glocal.h"

typedef glocal_status (*format_fn)(const glocal_catalog *, const char *, const glocal_request *,
                                   const glocal_args *, char **, glocal_error **);
typedef glocal_status (*result_fn)(const glocal_catalog *, const char *, const glocal_request *,
                                   const glocal_args *, glocal_result **, glocal_error **);

typedef struct message_command {
    const char *name;         /* "render", "explain" */
    const char *help;         /* its --help text */
    format_fn format;         /* glocal_format, glocal_explain */
    bool newline;             /* end the output with a newline */
    result_fn result;         /* what --json prints (glocal_format_result); NULL: no --json */
} message_command;

/* Parses DIR MESSAGE_ID --locale TAG [OPTIONS] [NAME=VALUE ...], opens the
 * catalog and prints what mc->format makes of the message; the exit code. */
int run_message_command(const message_command *mc, int argc, char **argv);

#endif
