#include "cli.h"

int cmd_import_i18next(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    return usage_error("import_i18next", "not built yet");
}
