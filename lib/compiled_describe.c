/* glocal_compiled_describe: a compiled catalog file verified completely
 * (checksum, header, every record, every message's definitions) and its
 * header told for people (`glocal compile --verify`).  The file is read
 * into memory once and that very buffer is opened with verify on, so the
 * header printed is the one the checks passed, whatever happens to the file
 * meanwhile. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "compiled.h"

/* The whole regular file at path, malloc'ed, in *buf and *len. */
static glocal_status read_whole(const char *path, unsigned char **buf, size_t *len,
                                glocal_error **err)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) {
        int why = errno;
        if (fd >= 0)
            close(fd);
        return gl_fail(err, GLOCAL_ERR_IO, path, 0, 0, "%s: cannot read: %s", path,
                       strerror(why));
    }
    if (!S_ISREG(st.st_mode)) {
        close(fd);
        return gl_fail(err, GLOCAL_ERR_IO, path, 0, 0, "%s: not a compiled catalog file (%s)",
                       path, S_ISDIR(st.st_mode) ? "a directory" : "not a regular file");
    }
    *len = (size_t)st.st_size;
    *buf = malloc(*len ? *len : 1);
    size_t got = 0;
    ssize_t n = 0;
    while (*buf && got < *len && (n = pread(fd, *buf + got, *len - got, (off_t)got)) > 0)
        got += (size_t)n;
    int why = n < 0 ? errno : 0;
    close(fd);
    if (!*buf)
        return gl_nomem(err);
    if (got == *len)
        return GLOCAL_OK;
    free(*buf);
    *buf = NULL;
    return gl_fail(err, GLOCAL_ERR_IO, path, 0, 0, "%s: cannot read: %s", path,
                   why ? strerror(why) : "the file shrank while it was read");
}

static void put_hex(gl_buf *b, const uint8_t *d)
{
    for (int i = 0; i < GL_SHA256_LEN; i++)
        gl_buf_printf(b, "%02x", d[i]);
}

static void put_header(gl_buf *b, const gl_compiled_header *h, const glocal_catalog *c)
{
    const gl_region *r = h->region;
    gl_buf_printf(b, "format: %u (glocal compiled catalog)\n", h->format);
    gl_buf_printf(b, "built by: glocal %s, ICU %s, ICU data %s\n", h->glocal_version,
                  h->icu_version, h->icu_data_version);
    gl_buf_printf(b, "size: %llu bytes (header %llu, records %llu, strings %llu, sources %llu)\n",
                  (unsigned long long)h->file_size, (unsigned long long)r[0].off,
                  (unsigned long long)r[GL_REGION_RECORDS].len,
                  (unsigned long long)r[GL_REGION_STRINGS].len,
                  (unsigned long long)r[GL_REGION_SOURCES].len);
    gl_buf_printf(b, "base address: 0x%llx\n", (unsigned long long)h->base);
    gl_buf_printf(b, "content sha256: ");
    put_hex(b, h->content_sha256);
    gl_buf_printf(b, " (verified)\n");
    gl_buf_printf(b, "catalog: %s, %zu bundles, %zu messages\n", c->dir,
                  glocal_catalog_locale_count(c) + 1, glocal_catalog_message_count(c));
}

/* One line per kept source, "source: SHA256  NAME" as sha256sum prints it. */
static glocal_status put_sources(gl_buf *b, const glocal_catalog *c, const char *path,
                                 glocal_error **err)
{
    size_t n = 0;
    gl_source *s = gl_compiled_sources(c, &n);
    if (!s)
        return gl_fail(err, GLOCAL_ERR_SYNTAX, path, 0, 0, "%s: the kept sources are damaged",
                       path);
    gl_buf_printf(b, "sources: %zu\n", n);
    for (size_t i = 0; i < n; i++) {
        uint8_t d[GL_SHA256_LEN];
        gl_sha256(s[i].bytes, s[i].len, d);
        gl_buf_printf(b, "source: ");
        put_hex(b, d);
        gl_buf_printf(b, "  %s\n", s[i].name);
    }
    free(s);
    return GLOCAL_OK;
}

glocal_status glocal_compiled_describe(const char *path, char **out_utf8, glocal_error **err)
{
    if (out_utf8)
        *out_utf8 = NULL;
    if (!path || !out_utf8)
        return gl_fail(err, GLOCAL_ERR_INVALID, NULL, 0, 0, "glocal_compiled_describe: %s is NULL",
                       path ? "out_utf8" : "path");
    unsigned char *buf = NULL;
    size_t len = 0;
    glocal_options *o = NULL;
    glocal_catalog *c = NULL;
    glocal_status st = read_whole(path, &buf, &len, err);
    if (st == GLOCAL_OK)
        st = glocal_options_new(&o, err);
    if (st == GLOCAL_OK) {
        glocal_options_set_verify(o, 1);
        st = gl_compiled_open_image(buf, len, path, o, &c, err);
    }
    /* the definitions a mapping at its base checks on first use: all of them now */
    for (uint32_t i = 0; st == GLOCAL_OK && i < c->nmessages; i++)
        st = gl_compiled_message_ready(c, i, err);
    glocal_options_free(o);
    gl_buf b = {0};
    if (st == GLOCAL_OK) {
        put_header(&b, (const gl_compiled_header *)buf, c);
        st = put_sources(&b, c, path, err);
    }
    glocal_catalog_unref(c);
    free(buf);
    if (st == GLOCAL_OK && gl_buf_failed(&b))
        st = gl_nomem(err);
    if (st != GLOCAL_OK) {
        gl_buf_free(&b);
        return st;
    }
    *out_utf8 = b.p;
    return GLOCAL_OK;
}
