/* Bundle bytes -> catalog directory -> glocal_lint, cross-checked with
 * glocal_catalog_open: the open fails exactly when lint finds an error
 * (other than `locked`), and its error is one of lint's findings. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static glocal_status rule_status(const char *rule)
{
    if (strcmp(rule, "yaml-syntax") == 0 || strcmp(rule, "duplicate-key") == 0 ||
        strcmp(rule, "template-syntax") == 0)
        return GLOCAL_ERR_SYNTAX;
    return GLOCAL_ERR_SCHEMA;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *dir = fz_write_catalog(data, size);
    size_t dl = strlen(dir);
    glocal_findings *f = NULL;
    glocal_error *e = NULL;
    glocal_options *o = fz_options(data, size);
    glocal_status st = glocal_lint_with(dir, o, &f, &e);
    FZ_CHECK(st == GLOCAL_OK, "lint: %s: %s", glocal_status_name(st), glocal_error_message(e));
    size_t n = glocal_findings_count(f), errors = 0;
    const glocal_finding *prev = NULL;
    for (size_t i = 0; i < n; i++) {
        const glocal_finding *x = glocal_findings_at(f, i);
        const char *file = glocal_finding_file(x), *rule = glocal_finding_rule(x);
        const char *msg = glocal_finding_message(x), *loc = glocal_finding_locale(x);
        const char *id = glocal_finding_message_id(x);
        FZ_CHECK(x && file && rule && msg, "finding %zu incomplete", i);
        FZ_CHECK(strncmp(file, dir, dl) == 0 && (file[dl] == '/' || file[dl] == '\0'),
                 "finding file %s", file); /* the directory itself: too many bundles */
        FZ_CHECK(fz_utf8_ok(msg) && (!loc || fz_utf8_ok(loc)) && (!id || fz_utf8_ok(id)),
                 "finding %zu: not UTF-8", i);
        FZ_CHECK((glocal_finding_line(x) == 0) == (glocal_finding_column(x) == 0),
                 "finding %zu: line %u column %u", i, glocal_finding_line(x),
                 glocal_finding_column(x));
        glocal_severity sev = glocal_finding_severity(x);
        FZ_CHECK(sev == GLOCAL_SEVERITY_ERROR || sev == GLOCAL_SEVERITY_WARNING, "severity");
        if (prev) {
            int c = strcmp(glocal_finding_file(prev), file);
            FZ_CHECK(c < 0 || (c == 0 && (glocal_finding_line(prev) < glocal_finding_line(x) ||
                                          (glocal_finding_line(prev) == glocal_finding_line(x) &&
                                           glocal_finding_column(prev) <= glocal_finding_column(x)))),
                     "findings not sorted at %zu", i);
        }
        prev = x;
        /* only an error rule stops an open: `locked` is ignored at run time, and a
         * house standard may raise a warning rule to an error (lint only) */
        errors += sev == GLOCAL_SEVERITY_ERROR && strcmp(rule, "locked") != 0 &&
                  glocal_rule_severity(glocal_rule_find(rule)) == GLOCAL_SEVERITY_ERROR;
    }
    FZ_CHECK(glocal_findings_at(f, n) == NULL, "findings_at past the end");

    glocal_catalog *c = NULL;
    e = NULL;
    st = glocal_catalog_open_with(dir, o, &c, &e);
    glocal_options_free(o);
    if (st == GLOCAL_OK) {
        FZ_CHECK(errors == 0, "open succeeded but lint found %zu errors, first: %s", errors,
                 n ? glocal_finding_message(glocal_findings_at(f, 0)) : "");
        glocal_catalog_unref(c);
    } else {
        FZ_CHECK(errors > 0, "open failed (%s: %s) but lint found no error",
                 glocal_status_name(st), glocal_error_message(e));
        bool found = false;
        for (size_t i = 0; i < n && !found; i++) {
            const glocal_finding *x = glocal_findings_at(f, i);
            found = glocal_finding_severity(x) == GLOCAL_SEVERITY_ERROR &&
                    strcmp(glocal_finding_file(x), glocal_error_file(e)) == 0 &&
                    glocal_finding_line(x) == glocal_error_line(e) &&
                    glocal_finding_column(x) == glocal_error_column(e) &&
                    (st == GLOCAL_ERR_LIMIT || rule_status(glocal_finding_rule(x)) == st);
        }
        FZ_CHECK(found, "open failed with %s at %s:%u:%u (%s), which lint does not report",
                 glocal_status_name(st), glocal_error_file(e), glocal_error_line(e),
                 glocal_error_column(e), glocal_error_message(e));
        glocal_error_free(e);
    }
    glocal_findings_free(f);
    return 0;
}
