/* An i18next JSON file -> glocal import-i18next (fuzz_import.h), read as
 * the base language's file and as German's, so that both have the same
 * keys and the write is not refused for keys base lacks. */
#include "commands.h"
#include "fuzz_import.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const names[] = {"en.json", "de.json"};
    fz_import(cmd_import_i18next, names, 2, data, size);
    return 0;
}
