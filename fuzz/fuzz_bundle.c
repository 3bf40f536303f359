/* Bundle bytes -> catalog directory -> glocal_catalog_open -> every message
 * formatted for several locales and contexts (fuzz_common.h has the layout). */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *dir = fz_write_catalog(data, size);
    glocal_catalog *c = NULL;
    glocal_error *e = NULL;
    glocal_options *o = fz_options(data, size);
    glocal_status st = glocal_catalog_open_with(dir, o, &c, &e);
    glocal_options_free(o);
    if (st != GLOCAL_OK) {
        FZ_CHECK(c == NULL && e != NULL && glocal_error_code(e) == st, "open: %s",
                 glocal_status_name(st));
        FZ_CHECK(st != GLOCAL_ERR_NOMEM && st != GLOCAL_ERR_INVALID && st != GLOCAL_ERR_FORMAT,
                 "open: %s: %s", glocal_status_name(st), glocal_error_message(e));
        FZ_CHECK(fz_utf8_ok(glocal_error_message(e)), "open: message not UTF-8");
        const char *file = glocal_error_file(e);
        FZ_CHECK(file && strncmp(file, dir, strlen(dir)) == 0, "open: error without its file: %s",
                 glocal_error_message(e));
        glocal_error_free(e);
        return 0;
    }
    FZ_CHECK(c != NULL && e == NULL, "open succeeded without a catalog");
    fz_format_all(c, (unsigned)size, 4);
    char *out = NULL;
    st = glocal_profile(c, glocal_catalog_language(c), "channels", &out, NULL);
    FZ_CHECK(st == GLOCAL_OK, "profile: %s", glocal_status_name(st));
    glocal_free(out);
    glocal_catalog_unref(c);
    return 0;
}
