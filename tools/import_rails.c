#include "cli.h"

int cmd_import_rails(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    return usage_error("import_rails", "not built yet");
}
