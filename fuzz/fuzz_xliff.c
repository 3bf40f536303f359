/* The XLIFF round trip: glocal export, then glocal import of what it wrote
 * and of the input's own XLIFF file, run in-process as the CLI runs them.
 *
 * Input: bundle bytes as fuzz-bundle reads them (fuzz_common.h), then,
 * optionally, a line `#@xliff` and an XLIFF file (the seeds are files export
 * wrote for the catalog before them, so that mutations keep to its units).
 * Each input gets a directory of its own (removed after) for the catalog and
 * the XLIFF files; TMPDIR, where bundle_write.c makes its scratch copies, is
 * the process' own.
 *
 * Checked: a catalog that does not open is refused by import (status 2,
 * nothing written).  Otherwise export for one of its locales writes a file
 * (status 0 or 1), and importing that file unchanged changes nothing
 * (status 0, every file byte for byte).  Importing the input's file ends
 * with a status of docs/cli.md; after 0 or 1 the catalog still opens, after
 * 2 or 3 no file changed.  No import leaves a temporary file behind, in the
 * catalog (atomic_write.c's `.NAME.XXXXXX`) or in TMPDIR. */
#include <dirent.h>
#include <ftw.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "commands.h"
#include "fuzz_common.h"
#include "fuzz_import.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char xliff_marker[] = "#@xliff\n"; /* seeds.py writes it too */

typedef struct place {
    char root[160];           /* the input's own directory */
    char cat[192];            /* the catalog */
    char exported[192], given[192]; /* export's file; the input's */
} place;

/* The process' directory: TMPDIR (set once: glibc keeps every string setenv
 * replaces, which would make LeakSanitizer scan the heap after each input)
 * and the inputs' directories. */
static char process_dir[128], tmp_dir[160];

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st, (void)flag, (void)ftw;
    return remove(path);
}

static void remove_tree(const char *dir)
{
    FZ_CHECK(nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS) == 0, "removing %s", dir);
}

static void remove_process_dir(void)
{
    remove_tree(process_dir);
}

static void make_process_dir(void)
{
    const char *base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
    snprintf(process_dir, sizeof process_dir, "%s/glocal-fuzz-xliff-XXXXXX", base);
    FZ_CHECK(mkdtemp(process_dir) != NULL, "mkdtemp %s", process_dir);
    snprintf(tmp_dir, sizeof tmp_dir, "%s/tmp", process_dir);
    FZ_CHECK(mkdir(tmp_dir, 0700) == 0, "mkdir %s", tmp_dir);
    setenv("TMPDIR", tmp_dir, 1);
    atexit(remove_process_dir);
}

static void make_place(place *p)
{
    if (!process_dir[0])
        make_process_dir();
    snprintf(p->root, sizeof p->root, "%s/input-XXXXXX", process_dir);
    FZ_CHECK(mkdtemp(p->root) != NULL, "mkdtemp %s", p->root);
    snprintf(p->cat, sizeof p->cat, "%s/catalog", p->root);
    snprintf(p->exported, sizeof p->exported, "%s/exported.xlf", p->root);
    snprintf(p->given, sizeof p->given, "%s/given.xlf", p->root);
    FZ_CHECK(mkdir(p->cat, 0700) == 0, "mkdir %s", p->cat);
}

static void write_file(const char *path, const uint8_t *bytes, size_t n)
{
    FILE *f = fopen(path, "wb");
    FZ_CHECK(f && fwrite(bytes, 1, n, f) == n && fclose(f) == 0, "writing %s", path);
}

static int select_all(const struct dirent *e)
{
    return strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
}

/* Every file of dir, name and bytes, in name order: two snapshots are equal
 * exactly when no file was written, added or removed. */
static char *snapshot(const char *dir, size_t *len)
{
    struct dirent **names;
    int n = scandir(dir, &names, select_all, alphasort);
    FZ_CHECK(n >= 0, "scandir %s", dir);
    strbuf b = {0};
    char path[512], err[256];
    for (int i = 0; i < n; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[i]->d_name);
        size_t flen = 0;
        char *bytes = slurp(path, &flen, err, sizeof err);
        FZ_CHECK(bytes, "%s", err);
        sb_printf(&b, "%s %zu\n", names[i]->d_name, flen);
        sb_putn(&b, bytes, flen);
        free(bytes);
        free(names[i]);
    }
    free(names);
    *len = b.len;
    return sb_take(&b);
}

static void check_unchanged(const char *dir, const char *before, size_t len, const char *what)
{
    size_t now_len;
    char *now = snapshot(dir, &now_len);
    FZ_CHECK(now_len == len && (len == 0 || memcmp(now, before, len) == 0), "%s changed the catalog", what);
    free(now);
}

/* No temporary file left: none hidden in the catalog, nothing in TMPDIR. */
static void check_clean(const place *p, const char *what)
{
    struct dirent **names;
    int n = scandir(tmp_dir, &names, select_all, alphasort);
    FZ_CHECK(n == 0, "%s left %s in TMPDIR", what, n > 0 ? names[0]->d_name : "?");
    free(names);
    n = scandir(p->cat, &names, select_all, alphasort);
    for (int i = 0; i < n; i++) {
        FZ_CHECK(names[i]->d_name[0] != '.', "%s left %s in the catalog", what,
                 names[i]->d_name);
        free(names[i]);
    }
    free(names);
}

static int import(const place *p, const char *file, bool all)
{
    char *argv[] = {(char *)p->cat, (char *)file, all ? "--all" : NULL, NULL};
    return fz_run_quietly(cmd_import, all ? 3 : 2, argv);
}

/* Imports file; checks the status and what it left. */
static void check_import(const place *p, const char *file, bool all, bool opens)
{
    size_t len;
    char *before = snapshot(p->cat, &len);
    int rc = import(p, file, all);
    FZ_CHECK(rc >= 0 && rc <= 3, "import: exit status %d", rc);
    check_clean(p, "import");
    if (!opens || rc >= 2) {
        FZ_CHECK(opens || rc == 2, "import into a catalog that does not open: status %d", rc);
        check_unchanged(p->cat, before, len, "a refused import");
    } else {
        glocal_catalog *c = NULL;
        glocal_error *e = NULL;
        glocal_status st = glocal_catalog_open(p->cat, &c, &e);
        FZ_CHECK(st == GLOCAL_OK, "import status %d, but the catalog no longer opens: %s: %s",
                 rc, glocal_status_name(st), glocal_error_message(e));
        glocal_catalog_unref(c);
    }
    free(before);
}

/* The locale to export for: one of the catalog's bundles export accepts,
 * else a new one. */
static void export_locale(const glocal_catalog *c, unsigned pick, char *tag)
{
    size_t n = glocal_catalog_locale_count(c);
    for (size_t i = 0; i < n; i++) {
        const char *l = glocal_catalog_locale_at(c, (pick + i) % n);
        if (bundle_locale("fuzz-xliff", "a bundle locale", l, tag) == CONTINUE)
            return;
    }
    snprintf(tag, LOCALE_MAX, "de");
}

/* Export, then the file it wrote imported as it is: nothing may change. */
static void check_round_trip(const place *p, const char *tag, bool all)
{
    char *argv[] = {(char *)p->cat, "--locale", (char *)tag, "--out", (char *)p->exported, NULL};
    int rc = fz_run_quietly(cmd_export, 5, argv);
    FZ_CHECK(rc == EXIT_OK || rc == EXIT_FAILED, "export --locale %s: exit status %d", tag, rc);
    FZ_CHECK(access(p->exported, F_OK) == 0, "export --locale %s: status %d, no file", tag, rc);
    size_t len;
    char *before = snapshot(p->cat, &len);
    rc = import(p, p->exported, all);
    FZ_CHECK(rc == EXIT_OK, "importing what export wrote: exit status %d", rc);
    check_clean(p, "import");
    check_unchanged(p->cat, before, len, "importing what export wrote");
    free(before);
}

/* The line `#@xliff` that starts the input's XLIFF file; NULL when it has none. */
static const uint8_t *find_marker(const uint8_t *data, size_t size)
{
    for (size_t i = 0; i + sizeof xliff_marker - 1 <= size; i++)
        if ((i == 0 || data[i - 1] == '\n') &&
            memcmp(data + i, xliff_marker, sizeof xliff_marker - 1) == 0)
            return data + i;
    return NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const uint8_t *mark = find_marker(data, size);
    size_t cat_size = mark ? (size_t)(mark - data) : size;
    place p;
    make_place(&p);
    fz_write_bundles(p.cat, data, cat_size);
    if (mark) {
        const uint8_t *x = mark + sizeof xliff_marker - 1;
        write_file(p.given, x, (size_t)(data + size - x));
    }
    glocal_catalog *c = NULL;
    bool opens = glocal_catalog_open(p.cat, &c, NULL) == GLOCAL_OK;
    if (opens) {
        char tag[LOCALE_MAX];
        export_locale(c, (unsigned)size, tag);
        glocal_catalog_unref(c);
        check_round_trip(&p, tag, size & 1);
    }
    if (mark)
        check_import(&p, p.given, size & 2, opens);
    remove_tree(p.root);
    return 0;
}
