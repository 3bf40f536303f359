/* Loading a catalog: the directory's *.yaml files, each read into its bundle
 * (bundle_load.c), then the checks across bundles (catalog_check.c). */
#define _XOPEN_SOURCE 700 /* realpath */
#include "load.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- reading the directory ---- */

/* base.yaml first, then by locale (the name without .yaml), as strcmp orders them. */
static int name_cmp(const void *a, const void *b)
{
    const char *x = *(const char *const *)a, *y = *(const char *const *)b;
    bool xb = strcmp(x, "base.yaml") == 0, yb = strcmp(y, "base.yaml") == 0;
    if (xb || yb)
        return yb - xb;
    size_t xn = strlen(x) - 5, yn = strlen(y) - 5;
    int c = strncmp(x, y, xn < yn ? xn : yn);
    return c ? c : (xn > yn) - (xn < yn);
}

static bool is_bundle_name(const char *name)
{
    size_t n = strlen(name);
    return n > 5 && strcmp(name + n - 5, ".yaml") == 0 && name[0] != '.';
}

static char *join_path(gl_arena *a, const char *dir, const char *name)
{
    size_t n = strlen(dir);
    gl_buf b = {0};
    gl_buf_puts(&b, dir);
    if (n && dir[n - 1] != '/')
        gl_buf_putc(&b, '/');
    gl_buf_puts(&b, name);
    char *p = b.oom ? NULL : gl_arena_strdup(a, b.p);
    gl_buf_free(&b);
    return p;
}

/* The *.yaml regular files directly in dir, base.yaml first; false when the
 * directory could not be read (reported). */
static bool list_bundles(const char *dir, uint64_t max, gl_arena *a, gl_diag *d,
                         char ***out, size_t *count)
{
    DIR *dp = opendir(dir);
    if (!dp) {
        gl_report_fatal(d, errno == ENOMEM ? GLOCAL_ERR_NOMEM : GLOCAL_ERR_IO, dir,
                        "%s: cannot read the catalog directory: %s", dir, strerror(errno));
        return false;
    }
    size_t n = 0;
    char **names = NULL;
    bool oom = false;
    struct dirent *e;
    while (!oom && (e = readdir(dp)) != NULL) {
        if (!is_bundle_name(e->d_name))
            continue;
        char *path = join_path(a, dir, e->d_name);
        struct stat st;
        if (!path) {
            oom = true;
            break;
        }
        if (stat(path, &st) != 0) {
            gl_report_fatal(d, GLOCAL_ERR_IO, path, "%s: cannot read: %s", path, strerror(errno));
            closedir(dp);
            return false;
        }
        if (S_ISDIR(st.st_mode))
            continue; /* subdirectories are ignored, whatever their name */
        if (n == max) {
            /* the directory, not the file readdir happened to list last */
            gl_report(d, R_SCHEMA, GLOCAL_ERR_LIMIT, dir, 0, 0, NULL, NULL,
                      "more than the limit of %llu bundles in one catalog",
                      (unsigned long long)max);
            break;
        }
        char **more = gl_arena_grow_array(a, names, n, sizeof(char *));
        oom = !more || !(more[n] = gl_arena_strdup(a, e->d_name));
        names = more;
        n += !oom;
    }
    closedir(dp);
    if (oom) {
        gl_report_fatal(d, GLOCAL_ERR_NOMEM, dir, "out of memory");
        return false;
    }
    if (n)
        qsort(names, n, sizeof(char *), name_cmp);
    *out = names;
    *count = n;
    return true;
}

/* ---- opening a bundle file ---- */

/* The catalog directory the bundle files are opened in. */
typedef struct catalog_dir {
    int fd;
    char *real;         /* its path with every link resolved */
    glocal_links links;
} catalog_dir;

static bool open_catalog_dir(catalog_dir *cd, const char *dir, const glocal_options *o,
                             gl_diag *d)
{
    cd->links = gl_options_links(o);
    cd->fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    cd->real = cd->fd >= 0 ? realpath(dir, NULL) : NULL;
    if (!cd->real)
        gl_report_fatal(d, errno == ENOMEM ? GLOCAL_ERR_NOMEM : GLOCAL_ERR_IO, dir,
                        "%s: cannot read the catalog directory: %s", dir, strerror(errno));
    return cd->real != NULL;
}

static void close_catalog_dir(catalog_dir *cd)
{
    if (cd->fd >= 0)
        close(cd->fd);
    free(cd->real);
}

static bool is_under(const char *root, const char *path)
{
    size_t n = strlen(root);
    return strncmp(path, root, n) == 0 && (root[n - 1] == '/' || path[n] == '/');
}

/* Whether the file open on fd is the one `file` resolves to inside the
 * directory.  Resolving after the open and comparing the two files means a
 * link swapped in between cannot pass off another file as the one checked. */
static bool opened_inside(const catalog_dir *cd, const char *file, int fd)
{
    char *real = realpath(file, NULL);
    struct stat resolved, opened;
    bool inside = real && is_under(cd->real, real) && stat(real, &resolved) == 0
                  && fstat(fd, &opened) == 0 && resolved.st_dev == opened.st_dev
                  && resolved.st_ino == opened.st_ino;
    free(real);
    return inside;
}

/* Opens a bundle file for reading, following a symbolic link only as the
 * link policy allows: a link out of the directory could make lint echo any
 * file the process can read.  -1 when refused or unreadable (reported).
 * O_NONBLOCK: opening a FIFO must not wait for a writer (the reader refuses
 * anything but a regular file). */
static int open_bundle(const catalog_dir *cd, const char *name, const char *file, gl_diag *d)
{
    const int flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK;
    int fd = openat(cd->fd, name, flags | O_NOFOLLOW);
    bool link = fd < 0 && errno == ELOOP;
    if (link)
        fd = openat(cd->fd, name, flags);
    if (fd < 0) {
        gl_report_fatal(d, errno == ENOMEM ? GLOCAL_ERR_NOMEM : GLOCAL_ERR_IO, file,
                        "%s: cannot open: %s", file, strerror(errno));
        return -1;
    }
    if (link && cd->links == GLOCAL_LINKS_INSIDE && !opened_inside(cd, file, fd)) {
        close(fd);
        gl_report_fatal(d, GLOCAL_ERR_IO, file, "%s is a symbolic link that leaves the catalog "
                        "directory: not read (glocal_options_set_links can allow it)", file);
        return -1;
    }
    return fd;
}

/* ---- loading ---- */

/* Each file's YAML tree lives only while its bundle is built (everything the
 * bundle keeps is copied into the catalog), so the peak holds one tree, not
 * all of them. */
static void load_file(gl_load *ld, const catalog_dir *cd, const char *name, size_t index)
{
    glocal_catalog *c = ld->cat;
    gl_bundle *b = &c->bundles[index];
    size_t stem_len = strlen(name) - 5;
    bool is_base = index == 0;
    b->file = join_path(c->arena, c->dir, name);
    b->locale = is_base ? "base" : gl_arena_strndup(c->arena, name, stem_len);
    b->parent_idx = -1;
    if (!b->file || !b->locale) {
        gl_report_fatal(ld->diag, GLOCAL_ERR_NOMEM, NULL, "out of memory");
        return;
    }
    gl_arena *tree = gl_arena_new();
    if (!tree) {
        gl_report_fatal(ld->diag, GLOCAL_ERR_NOMEM, NULL, "out of memory");
        return;
    }
    bool ok = false;
    int fd = open_bundle(cd, name, b->file, ld->diag);
    const ynode *root = fd < 0 ? NULL : gl_yaml_load(fd, b->file, ld->limits, tree, ld->diag, &ok);
    if (fd >= 0)
        close(fd);
    if (ok)
        gl_bundle_load(ld, b, root, b->locale, is_base);
    gl_arena_free(tree);
    if (!ok)
        return;
    if (!gl_map_put(&c->bundle_index, b->locale, (uint32_t)index))
        gl_report_fatal(ld->diag, GLOCAL_ERR_NOMEM, NULL, "out of memory");
}

static bool base_usable(const glocal_catalog *c)
{
    return c->nbundles && c->bundles[0].msgs && c->language && c->bundles[0].lang_script;
}

glocal_status gl_catalog_load(const char *dir, const glocal_options *o, gl_diag *d,
                              glocal_catalog **out)
{
    const gl_limits *limits = gl_options_limits(o);
    catalog_dir cd = {.fd = -1};
    *out = NULL;
    glocal_catalog *c = gl_catalog_new(dir);
    gl_arena *trees = gl_arena_new();
    size_t n = 0;
    char **names = NULL;
    bool listed = c && trees && list_bundles(dir, GL_LIMIT(limits, BUNDLES), trees, d, &names, &n);
    if (c)
        c->max_output = GL_LIMIT(limits, OUTPUT_BYTES);
    if (!c || !trees) {
        gl_report_fatal(d, GLOCAL_ERR_NOMEM, NULL, "out of memory");
    } else if (listed && (n == 0 || strcmp(names[0], "base.yaml") != 0)) {
        gl_report(d, R_SCHEMA, GLOCAL_OK, join_path(trees, dir, "base.yaml"), 0, 0, NULL, NULL,
                  "the catalog has no base.yaml, the global baseline every chain ends with");
    } else if (listed && open_catalog_dir(&cd, dir, o, d)) {
        c->bundles = gl_arena_alloc(c->arena, n * sizeof(gl_bundle));
        if (c->bundles) {
            memset(c->bundles, 0, n * sizeof(gl_bundle));
            c->nbundles = n;
        } else {
            gl_report_fatal(d, GLOCAL_ERR_NOMEM, NULL, "out of memory");
        }
        gl_load ld = {d, limits, c, {0}, NULL, 0};
        for (size_t i = 0; i < n && !d->stop && !d->fatal; i++) {
            if (i == 1 && !base_usable(c))
                break; /* lint: base is broken; locals cannot be checked against it */
            load_file(&ld, &cd, names[i], i);
        }
        gl_map_free(&ld.vkey_index);
        if (!d->stop && !d->fatal && base_usable(c))
            gl_catalog_check(c, d);
    }
    close_catalog_dir(&cd);
    gl_arena_free(trees);
    bool usable = c && listed && base_usable(c);
    if (d->fatal || (!d->collect && (d->stop || !usable)) || (d->collect && !usable)) {
        gl_catalog_free(c);
        if (d->fatal)
            return d->fatal;
        if (d->collect)
            return GLOCAL_OK;
        return d->first_error ? glocal_error_code(d->first_error) : GLOCAL_ERR_SCHEMA;
    }
    *out = c;
    return GLOCAL_OK;
}

/* ---- public API ---- */

glocal_status glocal_catalog_open(const char *dir, glocal_catalog **out, glocal_error **err)
{
    return glocal_catalog_open_with(dir, NULL, out, err);
}

glocal_status glocal_catalog_open_with(const char *dir, const glocal_options *o,
                                       glocal_catalog **out, glocal_error **err)
{
    if (out)
        *out = NULL;
    if (!dir || !out)
        return gl_fail(err, GLOCAL_ERR_INVALID, NULL, 0, 0, "glocal_catalog_open: %s is NULL",
                       dir ? "out" : "dir");
    if (!gl_utf8_valid(dir, strlen(dir)))
        return gl_fail(err, GLOCAL_ERR_INVALID, NULL, 0, 0,
                       "glocal_catalog_open: the directory name is not valid UTF-8");
    gl_diag d = {.keep_warnings = true};
    glocal_status st = gl_catalog_load(dir, o, &d, out);
    if (st == GLOCAL_OK && d.findings) {
        gl_findings_sort(d.findings);
        (*out)->warnings = d.findings;
    } else {
        glocal_findings_free(d.findings);
    }
    if (st != GLOCAL_OK && err && d.first_error)
        *err = d.first_error;
    else
        glocal_error_free(d.first_error);
    if (st != GLOCAL_OK && err && !*err)
        gl_fail(err, st, NULL, 0, 0, "%s: the catalog could not be opened", dir);
    return st;
}
