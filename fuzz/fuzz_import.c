/* Helpers of the importer targets (fuzz_import.h). */
#include "fuzz_import.h"

#include <dirent.h>
#include <unistd.h>

#include "fuzz_common.h"

#define FZ_MAX_NAMES 4

/* Empties and removes dir (the catalog a previous input wrote: files only). */
static void remove_catalog(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    char path[512];
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        unlink(path);
    }
    closedir(d);
    rmdir(dir);
}

/* Only the FILE is swapped (glibc's stderr is a variable): the sanitizers
 * and libFuzzer write to fd 2 and still report a crash. */
int fz_run_quietly(fz_command cmd, int argc, char **argv)
{
    static FILE *devnull;
    if (getenv("FUZZ_VERBOSE"))
        return cmd(argc, argv);
    if (!devnull && !(devnull = fopen("/dev/null", "w"))) {
        perror("/dev/null");
        abort();
    }
    FILE *saved = stderr;
    stderr = devnull;
    int rc = cmd(argc, argv);
    stderr = saved;
    return rc;
}

void fz_import(fz_command cmd, const char *const *names, size_t n, const uint8_t *data,
               size_t size)
{
    char out[256], paths[FZ_MAX_NAMES][256];
    char *argv[FZ_MAX_NAMES + 2];
    int argc = 0;
    FZ_CHECK(n <= FZ_MAX_NAMES, "%zu files", n);
    const char *dir = fz_scratch();
    snprintf(out, sizeof out, "%s/catalog", dir);
    remove_catalog(out);
    for (size_t i = 0; i < n; i++) {
        fz_write(names[i], data, size);
        snprintf(paths[i], sizeof paths[i], "%s/%s", dir, names[i]);
        argv[argc++] = paths[i];
    }
    argv[argc++] = "--out";
    argv[argc++] = out;
    int rc = fz_run_quietly(cmd, argc, argv);
    FZ_CHECK(rc >= 0 && rc <= 3, "exit status %d", rc);
    if (rc >= 2) {
        FZ_CHECK(access(out, F_OK) != 0, "exit status %d, but %s was written", rc, out);
        return;
    }
    glocal_catalog *c = NULL;
    glocal_error *e = NULL;
    glocal_status st = glocal_catalog_open(out, &c, &e);
    FZ_CHECK(st == GLOCAL_OK, "exit status %d, but the catalog written does not open: %s: %s",
             rc, glocal_status_name(st), glocal_error_message(e));
    glocal_catalog_unref(c);
}
