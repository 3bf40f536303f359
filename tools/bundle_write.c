/* The lint check before bundles are written, and the all-or-none write:
 * see bundle_write.h.  The check compares the catalog's error findings
 * before and after, so a catalog that has errors already can still take a
 * write that adds none; findings are compared by file, rule, message id and
 * text, never by line, which the write moves. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic_write.h"
#include "bundle_write.h"

/* ---- the error findings of a catalog, as a sorted set of keys ---- */

typedef struct key_set {
    char **k;
    size_t n;
} key_set;

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

static char *finding_key(const glocal_finding *f)
{
    const char *id = glocal_finding_message_id(f);
    strbuf b = {0};
    sb_printf(&b, "%s\x1f%s\x1f%s\x1f%s", base_name(glocal_finding_file(f)),
                  glocal_finding_rule(f), id ? id : "", glocal_finding_message(f));
    return sb_take(&b);
}

static int compare_keys(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static key_set error_keys(const glocal_findings *f)
{
    key_set s = {xcalloc(glocal_findings_count(f), sizeof(char *)), 0};
    for (size_t i = 0; i < glocal_findings_count(f); i++)
        if (glocal_finding_severity(glocal_findings_at(f, i)) == GLOCAL_SEVERITY_ERROR)
            s.k[s.n++] = finding_key(glocal_findings_at(f, i));
    qsort(s.k, s.n, sizeof *s.k, compare_keys);
    return s;
}

static bool has_key(const key_set *s, const char *key)
{
    return s->n && bsearch(&key, s->k, s->n, sizeof *s->k, compare_keys) != NULL;
}

static void free_keys(key_set *s)
{
    for (size_t i = 0; i < s->n; i++)
        free(s->k[i]);
    free(s->k);
}

/* The errors the catalog in dir has now; none when there is no catalog yet. */
static key_set errors_before(const char *dir)
{
    glocal_findings *f = NULL;
    key_set s = {NULL, 0};
    if (glocal_lint(dir, &f, NULL) == GLOCAL_OK)
        s = error_keys(f);
    glocal_findings_free(f);
    return s;
}

/* ---- the scratch catalog ---- */

static char *join(const char *dir, const char *name)
{
    strbuf b = {0};
    sb_printf(&b, "%s/%s", dir, name);
    return sb_take(&b);
}

static bool put_file(const char *path, const char *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    bool ok = f && fwrite(data, 1, len, f) == len;
    return f ? fclose(f) == 0 && ok : false;
}

static bool copy_file(const char *from, const char *to)
{
    char chunk[65536];
    ssize_t n;
    int in = open(from, O_RDONLY | O_NONBLOCK), out = -1;
    struct stat st;
    bool ok = in >= 0 && fstat(in, &st) == 0 && S_ISREG(st.st_mode) &&
              (out = open(to, O_WRONLY | O_CREAT | O_EXCL, 0600)) >= 0;
    while (ok && (n = read(in, chunk, sizeof chunk)) != 0)
        ok = n > 0 && write(out, chunk, (size_t)n) == n;
    if (in >= 0)
        close(in);
    if (out >= 0)
        ok = close(out) == 0 && ok;
    if (!ok && out >= 0)
        unlink(to);
    return ok;
}

static bool is_bundle_name(const char *name)
{
    size_t n = strlen(name);
    return name[0] != '.' && n > 5 && strcmp(name + n - 5, ".yaml") == 0;
}

static bool written_here(const char *name, const bundle_text *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(b[i].name, name) == 0)
            return true;
    return false;
}

/* Copies the bundles of dir the write leaves alone into stage.  What cannot
 * be copied as a regular file (a FIFO, a device, a directory, a file that
 * cannot be read) is linked to, so the check sees what lint sees in dir. */
static void copy_others(const char *dir, const char *stage, const bundle_text *b, size_t n)
{
    DIR *d = opendir(dir);
    char cwd[4096];
    if (!d)
        return;
    /* a link's target is absolute, as the link is in another directory */
    char *abs = dir[0] != '/' && getcwd(cwd, sizeof cwd) ? join(cwd, dir) : xstrdup(dir);
    for (const struct dirent *e; (e = readdir(d));) {
        if (!is_bundle_name(e->d_name) || written_here(e->d_name, b, n))
            continue;
        char *from = join(abs, e->d_name), *to = join(stage, e->d_name);
        if (!copy_file(from, to) && symlink(from, to) != 0)
            fprintf(stderr, "glocal: cannot copy %s for the check: %s\n", from, strerror(errno));
        free(from);
        free(to);
    }
    free(abs);
    closedir(d);
}

static void remove_stage(const char *stage)
{
    DIR *d = opendir(stage);
    for (const struct dirent *e; d && (e = readdir(d));) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        char *p = join(stage, e->d_name);
        unlink(p);
        free(p);
    }
    if (d)
        closedir(d);
    rmdir(stage);
}

/* A scratch copy of dir with the new bundles in place, in $TMPDIR; NULL
 * after saying why. */
static char *make_stage(const char *cmd, const char *dir, const bundle_text *b, size_t n)
{
    const char *tmp = getenv("TMPDIR");
    char *stage = join(tmp && *tmp ? tmp : "/tmp", "glocal-check-XXXXXX");
    if (!mkdtemp(stage)) {
        fprintf(stderr, "glocal %s: cannot create %s to check the new bundles: %s\n", cmd,
                stage, strerror(errno));
        free(stage);
        return NULL;
    }
    copy_others(dir, stage, b, n);
    for (size_t i = 0; i < n; i++) {
        char *p = join(stage, b[i].name);
        bool ok = put_file(p, b[i].text, b[i].len);
        free(p);
        if (!ok) {
            fprintf(stderr, "glocal %s: cannot write %s to check it: %s\n", cmd, b[i].name,
                    strerror(errno));
            remove_stage(stage);
            free(stage);
            return NULL;
        }
    }
    return stage;
}

/* ---- the check ---- */

/* Says each error finding after that `before` lacks; how many. */
static size_t report_new_errors(const char *cmd, const char *dir, const glocal_findings *after,
                                const key_set *before)
{
    size_t fresh = 0;
    for (size_t i = 0; i < glocal_findings_count(after); i++) {
        const glocal_finding *f = glocal_findings_at(after, i);
        if (glocal_finding_severity(f) != GLOCAL_SEVERITY_ERROR)
            continue;
        char *key = finding_key(f);
        if (!has_key(before, key)) {
            fprintf(stderr, "glocal %s: %s/%s:%u:%u: error: %s [%s]\n", cmd, dir,
                    base_name(glocal_finding_file(f)), glocal_finding_line(f),
                    glocal_finding_column(f), glocal_finding_message(f), glocal_finding_rule(f));
            fresh++;
        }
        free(key);
    }
    return fresh;
}

/* EXIT_OK when the new bundles add no lint error to dir's catalog. */
static int check(const char *cmd, const char *dir, const bundle_text *b, size_t n)
{
    char *stage = make_stage(cmd, dir, b, n);
    if (!stage)
        return EXIT_USAGE;
    key_set before = errors_before(dir);
    glocal_findings *after = NULL;
    glocal_error *e = NULL;
    int rc = EXIT_OK;
    if (glocal_lint(stage, &after, &e) != GLOCAL_OK) {
        fprintf(stderr, "glocal %s: cannot check the new bundles: %s\n", cmd,
                glocal_error_message(e));
        rc = EXIT_USAGE;
    } else {
        size_t fresh = report_new_errors(cmd, dir, after, &before);
        if (fresh) {
            fprintf(stderr, "glocal %s: refused: writing would add %zu lint error%s to %s; "
                    "nothing written\n", cmd, fresh, fresh == 1 ? "" : "s", dir);
            rc = EXIT_REFUSED;
        }
    }
    glocal_error_free(e);
    glocal_findings_free(after);
    free_keys(&before);
    remove_stage(stage);
    free(stage);
    return rc;
}

/* ---- the write ---- */

static int write_all_or_none(const char *cmd, const char *dir, const bundle_text *b, size_t n)
{
    atomic_file *f = xcalloc(n, sizeof *f);
    char err[512];
    size_t staged = 0;
    int rc = EXIT_OK;
    if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
        fprintf(stderr, "glocal %s: cannot create %s: %s\n", cmd, dir, strerror(errno));
        rc = EXIT_USAGE;
    }
    for (; rc == EXIT_OK && staged < n; staged++) {
        char *path = join(dir, b[staged].name);
        bool ok = atomic_stage(&f[staged], path, b[staged].text, b[staged].len, err, sizeof err);
        free(path);
        if (!ok) {
            fprintf(stderr, "glocal %s: %s; nothing written\n", cmd, err);
            rc = EXIT_USAGE;
            break;
        }
    }
    for (size_t i = 0; i < staged; i++) {
        if (rc != EXIT_OK)
            atomic_discard(&f[i]);
        else if (!atomic_commit(&f[i], err, sizeof err)) {
            fprintf(stderr, "glocal %s: %s\n", cmd, err);
            rc = EXIT_USAGE; /* the bundles renamed before stay; the others are discarded */
        }
    }
    free(f);
    return rc;
}

int bundles_write(const char *cmd, const char *dir, const bundle_text *b, size_t n)
{
    struct sigaction old;
    xfsz_ignore(&old); /* the scratch copy is written too */
    int rc = check(cmd, dir, b, n);
    if (rc == EXIT_OK)
        rc = write_all_or_none(cmd, dir, b, n);
    xfsz_restore(&old);
    return rc;
}
