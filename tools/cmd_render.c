/* glocal render DIR MESSAGE_ID --locale TAG [OPTIONS] [NAME=VALUE ...]: one
 * message formatted with glocal_format. */
#include "glocal.h"

#include "commands.h"
#include "message_command.h"

static const char usage_render[] =
    "usage: glocal render DIR MESSAGE_ID --locale TAG [OPTIONS] [NAME=VALUE ...]\n"
    "\n"
    "Formats MESSAGE_ID from the catalog in DIR and prints it.\n"
    "\n"
    "  --locale TAG       the reader's locale (BCP 47), required\n"
    "  --formality V      formality axis value (default: the locale's profile)\n"
    "  --tone V           tone axis value (default: the locale's profile)\n"
    "  --channel V        channel axis value\n"
    "  --axis NAME=V      the value of any axis, such as a custom one declared in\n"
    "                     base.yaml (--axis segment=vip); repeatable\n"
    "  --fallback TAG     a fallback locale, read after the locale's own chain and\n"
    "                     before base; repeatable, in order\n"
    "  --time-zone Z      IANA time zone for dates (default: profile, else UTC)\n"
    "  --isolate MODE     bidi isolation: auto (default), never, always\n"
    "  --json             print what was served as JSON: text, length, bundle,\n"
    "                     variant, file, line, column, format_locale, language,\n"
    "                     fallback, axes (each with value, source, profile),\n"
    "                     time_zone, time_zone_source, time_zone_profile and\n"
    "                     sms (segments, units, encoding; null off SMS channels)\n"
    "\n"
    "Arguments take their type from base.yaml's `_args`:\n"
    "  text    as written            name=Anna\n"
    "  number  as written, exactly   days=3  price=-12.50\n"
    "  date    RFC 3339 or Unix ms   eta=2026-12-01T09:30:00Z  eta=1796117400000\n"
    "  money   amount and currency   total=\"19.90 EUR\"\n"
    "An argument without a declared type is a number when it reads as one, else\n"
    "a date when it reads as one, else text.\n"
    "\n"
    "Exit status: 0 printed, 1 the message could not be formatted (unknown id,\n"
    "missing argument, invalid catalog), 2 usage error or unreadable input.\n";

int cmd_render(int argc, char **argv)
{
    static const message_command render = {"render", usage_render, glocal_format, true,
                                             glocal_format_result};
    return run_message_command(&render, argc, argv);
}
