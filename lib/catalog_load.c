/* Loading a catalog: its sources (bundle files, catalog_sources.c) each read
 * into its bundle (bundle_load.c), then the checks across bundles
 * (catalog_check.c). */
#include "load.h"

#include <stdlib.h>
#include <string.h>

#include "compiled.h"
#include "sources.h"

/* ---- where the sources come from ---- */

/* A directory read one file at a time, or sources already in memory (a
 * compiled catalog's kept files).  `kept`: the directory's bytes are kept
 * for glocal_compile instead of freed once the bundle is built. */
typedef struct feed {
    gl_source_dir *dir;
    const gl_source *mem;
    gl_source *kept;
    size_t n;
} feed;

static const char *feed_name(const feed *f, size_t i)
{
    return f->dir ? gl_source_dir_name(f->dir, i) : f->mem[i].name;
}

static bool feed_read(feed *f, size_t i, const char *file, const gl_limits *limits,
                      gl_source *s, gl_diag *d)
{
    if (f->dir)
        return gl_source_dir_read(f->dir, i, file, s, d);
    *s = f->mem[i];
    return gl_source_size_ok(s, file, limits, d);
}

static void feed_done(feed *f, size_t i, gl_source *s)
{
    if (f->dir && f->kept)
        f->kept[i] = (gl_source){gl_strdup(feed_name(f, i)), s->bytes, s->len};
    else if (f->dir)
        free((char *)s->bytes);
}

/* ---- loading ---- */

/* A file's bytes live while its tree is parsed, the tree while its bundle is
 * built (everything the bundle keeps is copied into the catalog), so the
 * peak holds one file or one tree, not all of them. */
static void load_file(gl_load *ld, feed *f, size_t index)
{
    glocal_catalog *c = ld->cat;
    gl_bundle *b = &c->bundles[index];
    const char *name = feed_name(f, index);
    size_t stem_len = strlen(name) - 5;
    bool is_base = index == 0;
    b->file = gl_join_path(c->arena, c->dir, name);
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
    gl_source src = {0};
    const ynode *root = NULL;
    if (feed_read(f, index, b->file, ld->limits, &src, ld->diag))
        root = gl_yaml_load(src.bytes, src.len, b->file, ld->limits, tree, ld->diag, &ok);
    feed_done(f, index, &src); /* the tree holds copies: the bytes go before the bundle grows */
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

static bool has_base(const feed *f)
{
    return f->n && strcmp(feed_name(f, 0), "base.yaml") == 0;
}

/* Builds the bundles of f's files into c and checks them across bundles. */
static void load_bundles(glocal_catalog *c, feed *f, const gl_limits *limits, gl_diag *d)
{
    c->bundles = gl_arena_alloc(c->arena, f->n * sizeof(gl_bundle));
    if (!c->bundles) {
        gl_report_fatal(d, GLOCAL_ERR_NOMEM, NULL, "out of memory");
        return;
    }
    memset(c->bundles, 0, f->n * sizeof(gl_bundle));
    c->nbundles = f->n;
    gl_load ld = {d, limits, c, {0}};
    for (size_t i = 0; i < f->n && !d->stop && !d->fatal; i++) {
        if (i == 1 && !base_usable(c))
            break; /* lint: base is broken; locals cannot be checked against it */
        load_file(&ld, f, i);
    }
    gl_map_free(&ld.vkey_index);
    if (!d->stop && !d->fatal && base_usable(c))
        gl_catalog_check(c, d);
}

static void report_no_base(const char *dir, gl_diag *d)
{
    gl_arena *a = gl_arena_new();
    char *file = a ? gl_join_path(a, dir, "base.yaml") : NULL;
    gl_report(d, R_SCHEMA, GLOCAL_OK, file, 0, 0, NULL, NULL,
              "the catalog has no base.yaml, the global baseline every chain ends with");
    gl_arena_free(a);
}

/* What the loader gives back: the catalog when the mode allows it. */
static glocal_status finish(glocal_catalog *c, bool listed, gl_diag *d, glocal_catalog **out)
{
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

/* Loads f's sources into a new catalog of dir (the name findings give). */
static glocal_status load_feed(const char *dir, feed *f, bool listed, const glocal_options *o,
                               gl_diag *d, glocal_catalog **out)
{
    const gl_limits *limits = gl_options_limits(o);
    *out = NULL;
    glocal_catalog *c = gl_catalog_new(dir);
    if (c)
        c->max_output = GL_LIMIT(limits, OUTPUT_BYTES);
    if (!c)
        gl_report_fatal(d, GLOCAL_ERR_NOMEM, NULL, "out of memory");
    else if (listed && !has_base(f))
        report_no_base(dir, d);
    else if (listed && (!f->dir || gl_source_dir_enter(f->dir, dir, o, d)))
        load_bundles(c, f, limits, d);
    return finish(c, listed, d, out);
}

glocal_status gl_catalog_load_dir(const char *dir, const glocal_options *o, gl_diag *d,
                                  glocal_catalog **out, gl_source **kept, size_t *nkept)
{
    feed f = {.dir = gl_source_dir_open(dir, o, d)};
    f.n = f.dir ? gl_source_dir_count(f.dir) : 0;
    if (kept && f.n && !(f.kept = calloc(f.n, sizeof(gl_source)))) {
        gl_report_fatal(d, GLOCAL_ERR_NOMEM, NULL, "out of memory");
        gl_source_dir_close(f.dir);
        f.dir = NULL;
    }
    glocal_status st = load_feed(dir, &f, f.dir != NULL, o, d, out);
    if (kept) {
        *kept = f.kept;
        *nkept = f.n;
    }
    gl_source_dir_close(f.dir);
    return st;
}

glocal_status gl_catalog_load(const char *dir, const glocal_options *o, gl_diag *d,
                              glocal_catalog **out)
{
    return gl_catalog_load_dir(dir, o, d, out, NULL, NULL);
}

glocal_status gl_catalog_load_sources(const gl_source *sources, size_t n, const char *dir_label,
                                      const glocal_options *o, gl_diag *d, glocal_catalog **out)
{
    feed f = {.mem = sources, .n = n};
    return load_feed(dir_label, &f, true, o, d, out);
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
    if (gl_is_compiled_file(dir))
        return gl_compiled_open_file(dir, o, out, err);
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
