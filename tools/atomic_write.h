/* Writing a file of the CLI so that no reader, crash, full disk or file-size
 * limit ever sees half of it: the bytes go to a temporary file beside the
 * target, are flushed to disk, and the temporary file is renamed over the
 * target.  Until the rename the target is untouched; on any failure the
 * temporary file is removed.  A symlink at the target is replaced by the
 * file, never written through. */
#ifndef GLOCAL_ATOMIC_WRITE_H
#define GLOCAL_ATOMIC_WRITE_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>

/* A file written in full beside its target, not yet in its place. */
typedef struct atomic_file {
    char *path;              /* the target */
    char *tmp;               /* DIR/.NAME.XXXXXX: hidden, so never read as a bundle */
} atomic_file;

/* Writes data to a new temporary file beside path and flushes it to disk;
 * false (nothing left behind) with "cannot write PATH: why" in err. */
bool atomic_stage(atomic_file *f, const char *path, const char *data, size_t len, char *err,
                  size_t errcap);
/* Renames the staged file over its target; false (the temporary file removed,
 * the target as it was) with a message in err. */
bool atomic_commit(atomic_file *f, char *err, size_t errcap);
/* Removes a staged file that will not be committed. */
void atomic_discard(atomic_file *f);

/* atomic_stage then atomic_commit. */
bool atomic_write(const char *path, const char *data, size_t len, char *err, size_t errcap);

/* A file-size limit (ulimit -f) kills a process with SIGXFSZ in the middle of
 * a write, leaving temporary files behind; ignored, the signal becomes a
 * write failing with EFBIG, reported and cleaned up like any other.  Writers
 * ignore it while they write and then restore the old action (errno kept). */
void xfsz_ignore(struct sigaction *old);
void xfsz_restore(const struct sigaction *old);

#endif
