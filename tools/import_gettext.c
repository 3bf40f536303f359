#include "cli.h"

int cmd_import_gettext(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    return usage_error("import_gettext", "not built yet");
}
