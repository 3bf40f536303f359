/* glocal_lint: every rule of docs/lint.md over a catalog directory, or over
 * the sources kept in a compiled catalog file.  The error rules run in the
 * loader (the same code that guards glocal_catalog_open); this file adds the
 * warnings, which need the whole catalog. */
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "compiled.h"
#include "lint_rules.h"
#include "lint_standards.h"

glocal_status glocal_lint(const char *dir, glocal_findings **out, glocal_error **err)
{
    return glocal_lint_with(dir, NULL, out, err);
}

/* o's limits and link policy, with the content checksum verified. */
static glocal_status verifying(const glocal_options *o, glocal_options **out, glocal_error **err)
{
    glocal_status st = glocal_options_new(out, err);
    for (int i = 0; st == GLOCAL_OK && i < GL_LIMIT_COUNT; i++)
        st = glocal_options_set_limit(*out, (glocal_limit)i, gl_options_limits(o)->v[i], err);
    if (st == GLOCAL_OK)
        st = glocal_options_set_links(*out, gl_options_links(o), err);
    if (st == GLOCAL_OK)
        st = glocal_options_set_verify(*out, 1);
    return st;
}

/* The sources a compiled catalog file keeps, loaded as the directory they
 * were compiled from (findings name "DIR/NAME" as lint of it does), after
 * the whole file was verified: a file whose bytes changed is not linted as
 * if it were what was shipped.  A file that does not open fails lint with
 * the open's error. */
static glocal_status load_compiled(const char *path, const glocal_options *o, gl_diag *d,
                                   glocal_catalog **out, glocal_error **err)
{
    glocal_options *v = NULL;
    glocal_catalog *image = NULL;
    glocal_status st = verifying(o, &v, err);
    if (st == GLOCAL_OK)
        st = gl_compiled_open_file(path, v, &image, err);
    glocal_options_free(v);
    if (st != GLOCAL_OK)
        return st;
    size_t n = 0;
    gl_source *sources = gl_compiled_sources(image, &n);
    if (!sources)
        st = gl_fail(err, GLOCAL_ERR_SYNTAX, path, 0, 0, "%s: the kept sources are damaged",
                     path);
    else
        st = gl_catalog_load_sources(sources, n, image->dir, o, d, out);
    free(sources);
    glocal_catalog_unref(image);
    return st;
}

glocal_status glocal_lint_with(const char *dir, const glocal_options *o, glocal_findings **out,
                               glocal_error **err)
{
    if (out)
        *out = NULL;
    if (!dir || !out)
        return gl_fail(err, GLOCAL_ERR_INVALID, NULL, 0, 0, "glocal_lint: %s is NULL",
                       dir ? "out" : "dir");
    if (!gl_utf8_valid(dir, strlen(dir)))
        return gl_fail(err, GLOCAL_ERR_INVALID, NULL, 0, 0,
                       "glocal_lint: the directory name is not valid UTF-8");
    gl_diag d = {.collect = true, .findings = gl_findings_new()};
    if (!d.findings)
        return gl_nomem(err);
    glocal_catalog *c = NULL;
    glocal_status st;
    if (gl_is_compiled_file(dir)) {
        glocal_error *open_err = NULL;
        if ((st = load_compiled(dir, o, &d, &c, &open_err)) != GLOCAL_OK && open_err) {
            glocal_findings_free(d.findings);
            gl_catalog_free(c);
            if (err)
                *err = open_err;
            else
                glocal_error_free(open_err);
            return st;
        }
    } else {
        st = gl_catalog_load(dir, o, &d, &c);
    }
    if (st == GLOCAL_OK && c)
        gl_lint_warnings(c, &d);
    if (st == GLOCAL_OK && c && !d.fatal)
        gl_lint_standards(c, &d);
    gl_catalog_free(c);
    if (st == GLOCAL_OK && d.fatal)
        st = d.fatal;
    if (st != GLOCAL_OK) {
        glocal_findings_free(d.findings);
        if (err && d.first_error) {
            *err = d.first_error;
            return st;
        }
        glocal_error_free(d.first_error);
        return st == GLOCAL_ERR_NOMEM ? gl_nomem(err)
                                      : gl_fail(err, st, dir, 0, 0, "%s: cannot lint", dir);
    }
    gl_findings_sort(d.findings);
    *out = d.findings;
    return GLOCAL_OK;
}
