/* Shared by the importer targets (fuzz-import-gettext, fuzz-import-i18next,
 * fuzz-import-rails; fuzz_import.c): the input written as the files an
 * importer reads, the importer run as the CLI runs it, and the outcome
 * checked: an exit status of docs/cli.md; after 0 or 1 a catalog that
 * opens (the importers lint before they write), after 2 or 3 nothing
 * written.  The importers' messages go to /dev/null unless FUZZ_VERBOSE is
 * set (to read them while reproducing an artifact); crash reports do not. */
#ifndef GLOCAL_FUZZ_IMPORT_H
#define GLOCAL_FUZZ_IMPORT_H

#include <stddef.h>
#include <stdint.h>

typedef int (*fz_command)(int argc, char **argv);

/* Runs cmd with stdio's stderr on /dev/null (unless FUZZ_VERBOSE); its
 * status. */
int fz_run_quietly(fz_command cmd, int argc, char **argv);

/* Writes data as each of the n file names into a fresh scratch directory,
 * runs cmd on them with --out, and checks what it did. */
void fz_import(fz_command cmd, const char *const *names, size_t n, const uint8_t *data,
               size_t size);

#endif
