/* glocal_lint: every rule of docs/lint.md over a catalog directory.  The error
 * rules run in the loader (the same code that guards glocal_catalog_open);
 * this file adds the warnings, which need the whole catalog. */
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "lint_rules.h"
#include "lint_standards.h"

glocal_status glocal_lint(const char *dir, glocal_findings **out, glocal_error **err)
{
    return glocal_lint_with(dir, NULL, out, err);
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
    glocal_status st = gl_catalog_load(dir, o, &d, &c);
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
