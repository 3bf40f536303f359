/* A Rails locale file -> glocal import-rails (fuzz_import.h); its top-level
 * keys (en:, de:) pick the bundles. */
#include "commands.h"
#include "fuzz_import.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const names[] = {"en.yml"};
    fz_import(cmd_import_rails, names, 1, data, size);
    return 0;
}
