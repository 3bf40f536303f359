/* Reading a catalog directory: its bundle files listed, base.yaml first,
 * each opened under the link policy and read under the size limit into a
 * named source (sources.h) for the loader. */
#define _XOPEN_SOURCE 700 /* realpath */
#include "sources.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "catalog.h"

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

char *gl_join_path(gl_arena *a, const char *dir, const char *name)
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
        char *path = gl_join_path(a, dir, e->d_name);
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

/* ---- reading a bundle file ---- */

static void report_too_large(const char *file, uint64_t max, gl_diag *d)
{
    gl_report(d, R_SCHEMA, GLOCAL_ERR_LIMIT, file, 1, 1, NULL, NULL,
              "%s is larger than the limit of %llu bytes per bundle", file,
              (unsigned long long)max);
}

/* Reads the whole file, refusing anything above the size limit before
 * libyaml sees it (libyaml caps neither scalars nor input). */
static char *read_file(int fd, const char *file, const gl_limits *limits, gl_diag *d,
                       size_t *len)
{
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        /* a FIFO or a device (/dev/zero, a terminal) could block or never end */
        gl_report_fatal(d, GLOCAL_ERR_IO, file, "%s: not a regular file", file);
        return NULL;
    }
    const uint64_t max = GL_LIMIT(limits, FILE_BYTES);
    /* the file's size and a byte (to see the end) in one read; doubling from a
     * guess made a copy per step and left up to half the buffer unused */
    size_t cap = (uint64_t)st.st_size < max ? (size_t)st.st_size + 1 : (size_t)max + 1, n = 0;
    char *buf = malloc(cap);
    for (;;) {
        if (!buf) {
            gl_report_fatal(d, GLOCAL_ERR_NOMEM, file, "out of memory");
            break;
        }
        if (n > max) {
            report_too_large(file, max, d);
            break;
        }
        if (n == cap) {
            cap *= 2;
            char *nb = realloc(buf, cap);
            if (!nb) {
                free(buf);
                buf = NULL;
                continue;
            }
            buf = nb;
        }
        ssize_t r = read(fd, buf + n, cap - n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            gl_report_fatal(d, GLOCAL_ERR_IO, file, "%s: cannot read: %s", file,
                            strerror(errno));
            break;
        }
        if (r == 0) {
            *len = n;
            return buf;
        }
        n += (size_t)r;
    }
    free(buf);
    return NULL;
}


/* ---- the directory as sources ---- */

struct gl_source_dir {
    gl_arena *arena;          /* the names */
    char **names;
    size_t n;
    catalog_dir cd;
    const gl_limits *limits;
};

gl_source_dir *gl_source_dir_open(const char *dir, const glocal_options *o, gl_diag *d)
{
    gl_source_dir *sd = calloc(1, sizeof(*sd));
    if (!sd || !(sd->arena = gl_arena_new())) {
        free(sd);
        gl_report_fatal(d, GLOCAL_ERR_NOMEM, NULL, "out of memory");
        return NULL;
    }
    sd->cd.fd = -1;
    sd->limits = gl_options_limits(o);
    if (!list_bundles(dir, GL_LIMIT(sd->limits, BUNDLES), sd->arena, d, &sd->names, &sd->n)) {
        gl_source_dir_close(sd);
        return NULL;
    }
    return sd;
}

bool gl_source_dir_enter(gl_source_dir *sd, const char *dir, const glocal_options *o,
                         gl_diag *d)
{
    return open_catalog_dir(&sd->cd, dir, o, d);
}

size_t gl_source_dir_count(const gl_source_dir *sd)
{
    return sd->n;
}

const char *gl_source_dir_name(const gl_source_dir *sd, size_t i)
{
    return sd->names[i];
}

bool gl_source_dir_read(gl_source_dir *sd, size_t i, const char *file, gl_source *out,
                        gl_diag *d)
{
    int fd = open_bundle(&sd->cd, sd->names[i], file, d);
    if (fd < 0)
        return false;
    size_t len = 0;
    char *bytes = read_file(fd, file, sd->limits, d, &len);
    close(fd);
    *out = (gl_source){sd->names[i], bytes, len};
    return bytes != NULL;
}

void gl_source_dir_close(gl_source_dir *sd)
{
    if (!sd)
        return;
    close_catalog_dir(&sd->cd);
    gl_arena_free(sd->arena);
    free(sd);
}

bool gl_source_size_ok(const gl_source *s, const char *file, const gl_limits *limits,
                       gl_diag *d)
{
    const uint64_t max = GL_LIMIT(limits, FILE_BYTES);
    if (s->len <= max)
        return true;
    report_too_large(file, max, d);
    return false;
}

void gl_sources_free(gl_source *s, size_t n)
{
    for (size_t i = 0; s && i < n; i++) {
        free((char *)s[i].name);
        free((char *)s[i].bytes);
    }
    free(s);
}
