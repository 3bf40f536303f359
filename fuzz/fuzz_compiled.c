/* Compiled catalog bytes (docs/compiled.md) -> a file -> glocal_catalog_open
 * (with the content checksum verified for inputs of even length, structure
 * only for the others: the path a fleet takes, where a flipped byte is found
 * by the record checks or not at all; tight limits for some, fuzz_common.h)
 * -> every message formatted; then, for one input in eight, glocal_lint on
 * the same file.  The seeds are compiled images of real catalogs, so most
 * mutations keep the header and reach the records. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The statuses a bad compiled file may give (glocal.h): never NOMEM, INVALID
 * or a formatting status. */
static bool file_status(glocal_status st)
{
    return st == GLOCAL_ERR_SYNTAX || st == GLOCAL_ERR_SCHEMA || st == GLOCAL_ERR_LIMIT ||
           st == GLOCAL_ERR_IO;
}

static void check_failure(const char *what, const char *path, glocal_status st,
                          glocal_error *e)
{
    FZ_CHECK(e != NULL && glocal_error_code(e) == st, "%s: %s without its error", what,
             glocal_status_name(st));
    FZ_CHECK(file_status(st), "%s: %s: %s", what, glocal_status_name(st),
             glocal_error_message(e));
    FZ_CHECK(fz_utf8_ok(glocal_error_message(e)), "%s: message not UTF-8", what);
    const char *file = glocal_error_file(e);
    FZ_CHECK(file && strncmp(file, path, strlen(path)) == 0, "%s: error without its file: %s",
             what, glocal_error_message(e));
    glocal_error_free(e);
}

static void lint_file(const char *path)
{
    glocal_findings *f = NULL;
    glocal_error *e = NULL;
    glocal_status st = glocal_lint(path, &f, &e);
    if (st != GLOCAL_OK) {
        FZ_CHECK(f == NULL, "lint failed with findings");
        check_failure("lint", path, st, e);
        return;
    }
    for (size_t i = 0; i < glocal_findings_count(f); i++)
        FZ_CHECK(fz_utf8_ok(glocal_finding_message(glocal_findings_at(f, i))),
                 "finding %zu: not UTF-8", i);
    glocal_findings_free(f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[4200];
    snprintf(path, sizeof path, "%s/catalog.glc", fz_scratch());
    fz_write("catalog.glc", data, size);
    glocal_options *o = fz_options(data, size); /* tight limits for some inputs */
    if (!o)
        FZ_CHECK(glocal_options_new(&o, NULL) == GLOCAL_OK, "options");
    if (size % 2 == 0)
        FZ_CHECK(glocal_options_set_verify(o, 1) == GLOCAL_OK, "verify");
    glocal_catalog *c = NULL;
    glocal_error *e = NULL;
    glocal_status st = glocal_catalog_open_with(path, o, &c, &e);
    glocal_options_free(o);
    if (st != GLOCAL_OK) {
        FZ_CHECK(c == NULL, "open failed with a catalog");
        check_failure("open", path, st, e);
    } else {
        FZ_CHECK(c != NULL && e == NULL, "open succeeded without a catalog");
        fz_compiled = true;
        fz_unverified = size % 2 != 0;
        fz_format_all(c, (unsigned)size, 4);
        glocal_catalog_unref(c);
    }
    if (size % 8 == 0) /* lint parses every kept source: one input in eight */
        lint_file(path);
    return 0;
}
