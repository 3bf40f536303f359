/* glocal explain DIR MESSAGE_ID --locale TAG [OPTIONS] [NAME=VALUE ...]: how
 * glocal_explain resolves one message, step by step. */
#include "glocal.h"

#include "commands.h"
#include "message_command.h"

static const char usage_explain[] =
    "usage: glocal explain DIR MESSAGE_ID --locale TAG [OPTIONS] [NAME=VALUE ...]\n"
    "\n"
    "Shows how MESSAGE_ID is resolved for the request: the canonical locale, the\n"
    "fallback chain with each bundle's file, where each context value came from,\n"
    "the candidate variants and why the winner won, the format locale, and the\n"
    "output when the arguments suffice.  Options (but --json) and arguments as for\n"
    "render.\n";

/* The explanation ends with its own newline. */
int cmd_explain(int argc, char **argv)
{
    static const message_command explain = {"explain", usage_explain, glocal_explain, false, NULL};
    return run_message_command(&explain, argc, argv);
}
