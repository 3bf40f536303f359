/* A PO file -> glocal import-gettext (fuzz_import.h).  Its Language header,
 * when there is one, picks the bundle; else the file name does (de). */
#include "commands.h"
#include "fuzz_import.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const names[] = {"de.po"};
    fz_import(cmd_import_gettext, names, 1, data, size);
    return 0;
}
