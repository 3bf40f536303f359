/* Errors and lint findings: how the library reports what went wrong. */
#ifndef GLOCAL_ERROR_H
#define GLOCAL_ERROR_H

#include "glocal.h"
#include "rules.h"
#include "util.h"

/* Sets *err (when err is not NULL) to a new error and returns code. */
glocal_status gl_fail(glocal_error **err, glocal_status code, const char *file, unsigned line,
                      unsigned col, const char *fmt, ...) GL_PRINTF(6, 7);
glocal_status gl_vfail(glocal_error **err, glocal_status code, const char *file, unsigned line,
                       unsigned col, const char *fmt, va_list ap);
glocal_status gl_nomem(glocal_error **err);

/*
 * Where checks send findings.  In fail-fast mode (catalog open) the first
 * error-level finding is kept as `first_error` and `stop` is set, so callers
 * unwind at once; in collect mode (lint) every finding is kept.
 */
typedef struct gl_diag {
    bool collect;
    bool stop;                 /* fail-fast: an error was reported */
    glocal_status fatal;       /* IO/NOMEM: stop in either mode */
    glocal_error *first_error; /* fail-fast only */
    bool keep_warnings;        /* open: keep warnings in findings, made at the first */
    glocal_findings *findings; /* collect: every finding; open: the warnings, or NULL */
} gl_diag;

/* Reports a finding.  `status` overrides the rule's status in open mode
 * (GLOCAL_ERR_LIMIT for limits); pass GLOCAL_OK for the rule's own.
 * Returns true when the caller must stop. */
bool gl_report(gl_diag *d, gl_rule rule, glocal_status status, const char *file, unsigned line,
               unsigned col, const char *locale, const char *msgid, const char *fmt, ...)
    GL_PRINTF(9, 10);
/* A finding of `rule` at warning severity: a case the rule's definition does
 * not make an error, yet worth fixing.  Never stops an open. */
void gl_report_warning(gl_diag *d, gl_rule rule, const char *file, unsigned line, unsigned col,
                       const char *locale, const char *msgid, const char *fmt, ...)
    GL_PRINTF(8, 9);
/* A finding of `rule` at the severity its source sets (a house standard's
 * `severity:`); never stops an open. */
void gl_report_severity(gl_diag *d, gl_rule rule, glocal_severity severity, const char *file,
                        unsigned line, unsigned col, const char *locale, const char *msgid,
                        const char *fmt, ...) GL_PRINTF(9, 10);
/* An environmental failure (IO, NOMEM) that stops both modes. */
bool gl_report_fatal(gl_diag *d, glocal_status status, const char *file, const char *fmt, ...)
    GL_PRINTF(4, 5);
glocal_findings *gl_findings_new(void);
/* The empty list, for a catalog that opened without warnings. */
const glocal_findings *gl_no_findings(void);
void gl_findings_sort(glocal_findings *f);

#endif
