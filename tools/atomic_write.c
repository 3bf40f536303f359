/* Temporary file, fsync, rename: see atomic_write.h. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic_write.h"
#include "cli.h"

/* DIR/.NAME.XXXXXX for DIR/NAME (or .NAME.XXXXXX for NAME). */
static char *temp_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    const char *name = slash ? slash + 1 : path;
    strbuf b = {0};
    sb_putn(&b, path, (size_t)(name - path));
    sb_printf(&b, ".%s.XXXXXX", name);
    return sb_take(&b);
}

/* The target's mode when it exists, else what a new file gets under the umask. */
static mode_t mode_for(const char *path)
{
    struct stat st;
    if (stat(path, &st) == 0)
        return st.st_mode & 07777;
    mode_t mask = umask(0);
    umask(mask);
    return 0666 & ~mask;
}

static bool write_all(int fd, const char *data, size_t len)
{
    while (len) {
        ssize_t n = write(fd, data, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        data += n;
        len -= (size_t)n;
    }
    return true;
}

void xfsz_ignore(struct sigaction *old)
{
    struct sigaction ignore = {.sa_handler = SIG_IGN};
    sigemptyset(&ignore.sa_mask);
    sigaction(SIGXFSZ, &ignore, old);
}

void xfsz_restore(const struct sigaction *old)
{
    int saved = errno;
    sigaction(SIGXFSZ, old, NULL);
    errno = saved;
}

static bool write_file(int fd, const char *data, size_t len)
{
    struct sigaction old;
    xfsz_ignore(&old);
    bool ok = write_all(fd, data, len) && fsync(fd) == 0;
    xfsz_restore(&old);
    return ok;
}

static bool fail(char *err, size_t errcap, const char *path, int why)
{
    snprintf(err, errcap, "cannot write %s: %s", path, why ? strerror(why) : "failed");
    return false;
}

bool atomic_stage(atomic_file *f, const char *path, const char *data, size_t len, char *err,
                  size_t errcap)
{
    f->path = xstrdup(path);
    f->tmp = temp_name(path);
    mode_t mode = mode_for(path);
    int fd = mkstemp(f->tmp);
    if (fd < 0) {
        int why = errno;
        free(f->tmp);
        f->tmp = NULL;
        atomic_discard(f);
        return fail(err, errcap, path, why);
    }
    bool ok = fchmod(fd, mode) == 0 && write_file(fd, data, len);
    int why = ok ? 0 : errno;
    if (close(fd) != 0 && ok) {
        ok = false;
        why = errno;
    }
    if (!ok) {
        atomic_discard(f);
        return fail(err, errcap, path, why);
    }
    return true;
}

/* The rename is durable once the directory is flushed too.  Some file
 * systems cannot fsync a directory; the file is in place all the same, so
 * that is not a failure. */
static void sync_dir(const char *path)
{
    const char *slash = strrchr(path, '/');
    char *dir = slash ? xstrndup(path, slash == path ? 1 : (size_t)(slash - path)) : xstrdup(".");
    int fd = open(dir, O_RDONLY | O_DIRECTORY);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
    free(dir);
}

bool atomic_commit(atomic_file *f, char *err, size_t errcap)
{
    if (rename(f->tmp, f->path) != 0) {
        int why = errno;
        char *path = xstrdup(f->path);
        atomic_discard(f);
        fail(err, errcap, path, why);
        free(path);
        return false;
    }
    sync_dir(f->path);
    free(f->tmp);
    free(f->path);
    f->tmp = f->path = NULL;
    return true;
}

void atomic_discard(atomic_file *f)
{
    if (f->tmp)
        unlink(f->tmp);
    free(f->tmp);
    free(f->path);
    f->tmp = f->path = NULL;
}

bool atomic_write(const char *path, const char *data, size_t len, char *err, size_t errcap)
{
    atomic_file f;
    return atomic_stage(&f, path, data, len, err, errcap) && atomic_commit(&f, err, errcap);
}
