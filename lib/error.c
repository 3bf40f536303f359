#include "error.h"

#include <stdlib.h>
#include <string.h>

struct glocal_error {
    glocal_status code;
    unsigned line, col;
    char *file;
    char *message;
};

struct glocal_finding {
    char *file, *message, *locale, *msgid;
    unsigned line, col;
    gl_rule rule;
    glocal_severity severity; /* the rule's, or lower for a softer case of it */
};

struct glocal_findings {
    glocal_finding *items;
    size_t count, cap;
};

static const char *const status_names[] = {
    "GLOCAL_OK", "GLOCAL_ERR_NOMEM", "GLOCAL_ERR_INVALID", "GLOCAL_ERR_IO",
    "GLOCAL_ERR_SYNTAX", "GLOCAL_ERR_SCHEMA", "GLOCAL_ERR_LOCALE", "GLOCAL_ERR_NOT_FOUND",
    "GLOCAL_ERR_ARGUMENT", "GLOCAL_ERR_FORMAT", "GLOCAL_ERR_LIMIT", "GLOCAL_ERR_BUFFER",
};

const char *glocal_status_name(glocal_status s)
{
    if ((unsigned)s < sizeof(status_names) / sizeof(status_names[0]))
        return status_names[s];
    return "GLOCAL_ERR_UNKNOWN";
}

const char *glocal_version(void)
{
    return GLOCAL_VERSION_STRING;
}

int glocal_version_number(void)
{
    return GLOCAL_VERSION_NUMBER;
}

void glocal_free(void *p)
{
    free(p);
}

/* Allocated once and never freed: an out-of-memory report must not need memory. */
static glocal_error nomem_error = {GLOCAL_ERR_NOMEM, 0, 0, NULL, "out of memory"};

glocal_status gl_vfail(glocal_error **err, glocal_status code, const char *file, unsigned line,
                       unsigned col, const char *fmt, va_list ap)
{
    if (!err)
        return code;
    glocal_error *e = calloc(1, sizeof(*e));
    gl_buf b = {0};
    gl_buf_vprintf(&b, fmt, ap);
    char *msg = gl_buf_take(&b);
    char *f = file ? gl_strdup(file) : NULL;
    if (!e || !msg || (file && !f)) {
        free(e);
        free(msg);
        free(f);
        *err = &nomem_error;
        return code;
    }
    *e = (glocal_error){code, line, col, f, msg};
    *err = e;
    return code;
}

glocal_status gl_fail(glocal_error **err, glocal_status code, const char *file, unsigned line,
                      unsigned col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    gl_vfail(err, code, file, line, col, fmt, ap);
    va_end(ap);
    return code;
}

glocal_status gl_nomem(glocal_error **err)
{
    if (err)
        *err = &nomem_error;
    return GLOCAL_ERR_NOMEM;
}

glocal_status glocal_error_code(const glocal_error *e)
{
    return e ? e->code : GLOCAL_OK;
}

const char *glocal_error_message(const glocal_error *e)
{
    return e ? e->message : NULL;
}

const char *glocal_error_file(const glocal_error *e)
{
    return e ? e->file : NULL;
}

unsigned glocal_error_line(const glocal_error *e)
{
    return e ? e->line : 0;
}

unsigned glocal_error_column(const glocal_error *e)
{
    return e ? e->col : 0;
}

void glocal_error_free(glocal_error *e)
{
    if (!e || e == &nomem_error)
        return;
    free(e->file);
    free(e->message);
    free(e);
}

/* Messages quote keys and values from bundles; a control character there
 * (a quoted key with a newline) is written as an escape, so that a message
 * is always one line. */
static void escape_controls(gl_buf *b)
{
    gl_buf out = {0};
    for (size_t i = 0; b->p && i < b->len; i++) {
        unsigned char c = (unsigned char)b->p[i];
        if (c == '\n')
            gl_buf_puts(&out, "\\n");
        else if (c == '\t')
            gl_buf_puts(&out, "\\t");
        else if (c < 0x20 || c == 0x7f)
            gl_buf_printf(&out, "\\x%02x", c);
        else
            gl_buf_putc(&out, (char)c);
    }
    if (out.oom)
        b->oom = true;
    gl_buf_free(b);
    *b = out;
}

static char *dup_or_null(const char *s, bool *oom)
{
    if (!s)
        return NULL;
    char *p = gl_strdup(s);
    if (!p)
        *oom = true;
    return p;
}

static bool add_finding(gl_diag *d, gl_rule rule, glocal_severity sev, const char *file,
                        unsigned line, unsigned col, const char *locale, const char *msgid,
                        const char *fmt, va_list ap)
{
    if (!d->findings && !(d->findings = gl_findings_new()))
        return false;
    glocal_findings *f = d->findings;
    if (f->count == f->cap) {
        size_t cap = f->cap ? f->cap * 2 : 16;
        glocal_finding *items = realloc(f->items, cap * sizeof(*items));
        if (!items)
            return false;
        f->items = items;
        f->cap = cap;
    }
    gl_buf b = {0};
    gl_buf_vprintf(&b, fmt, ap);
    escape_controls(&b);
    bool oom = false;
    glocal_finding x = {dup_or_null(file, &oom), gl_buf_take(&b), dup_or_null(locale, &oom),
                        dup_or_null(msgid, &oom), line, col, rule, sev};
    if (oom || !x.message) {
        free(x.file);
        free(x.message);
        free(x.locale);
        free(x.msgid);
        return false;
    }
    f->items[f->count++] = x;
    return true;
}

bool gl_report(gl_diag *d, gl_rule rule, glocal_status status, const char *file, unsigned line,
               unsigned col, const char *locale, const char *msgid, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    bool error = gl_rule_severity(rule) == GLOCAL_SEVERITY_ERROR;
    if (d->collect || (!error && d->keep_warnings)) {
        if (!add_finding(d, rule, gl_rule_severity(rule), file, line, col, locale, msgid, fmt, ap))
            d->fatal = GLOCAL_ERR_NOMEM;
    } else if (error && !d->stop) {
        glocal_status code = status != GLOCAL_OK ? status : gl_rule_status(rule);
        gl_buf b = {0};
        gl_buf_vprintf(&b, fmt, ap);
        escape_controls(&b);
        gl_buf_printf(&b, " [%s]", gl_rule_id(rule));
        if (b.oom) {
            gl_nomem(&d->first_error);
        } else {
            gl_fail(&d->first_error, code, file, line, col, "%s", b.p);
        }
        gl_buf_free(&b);
        d->stop = true;
    }
    va_end(ap);
    return d->stop || d->fatal;
}

void gl_report_warning(gl_diag *d, gl_rule rule, const char *file, unsigned line, unsigned col,
                       const char *locale, const char *msgid, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if ((d->collect || d->keep_warnings) &&
        !add_finding(d, rule, GLOCAL_SEVERITY_WARNING, file, line, col, locale, msgid, fmt, ap))
        d->fatal = GLOCAL_ERR_NOMEM;
    va_end(ap);
}

void gl_report_severity(gl_diag *d, gl_rule rule, glocal_severity severity, const char *file,
                        unsigned line, unsigned col, const char *locale, const char *msgid,
                        const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if ((d->collect || d->keep_warnings) &&
        !add_finding(d, rule, severity, file, line, col, locale, msgid, fmt, ap))
        d->fatal = GLOCAL_ERR_NOMEM;
    va_end(ap);
}

bool gl_report_fatal(gl_diag *d, glocal_status status, const char *file, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (!d->first_error)
        gl_vfail(&d->first_error, status, file, 0, 0, fmt, ap);
    va_end(ap);
    d->fatal = status;
    d->stop = true;
    return true;
}

static int finding_cmp(const void *pa, const void *pb)
{
    const glocal_finding *a = pa, *b = pb;
    int c = strcmp(a->file ? a->file : "", b->file ? b->file : "");
    if (c)
        return c;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    if (a->col != b->col)
        return a->col < b->col ? -1 : 1;
    c = strcmp(gl_rule_id(a->rule), gl_rule_id(b->rule));
    if (c)
        return c;
    return strcmp(a->message, b->message);
}

void gl_findings_sort(glocal_findings *f)
{
    if (f->count)
        qsort(f->items, f->count, sizeof(*f->items), finding_cmp);
}

const glocal_findings *gl_no_findings(void)
{
    static const glocal_findings none;
    return &none;
}

glocal_findings *gl_findings_new(void)
{
    return calloc(1, sizeof(glocal_findings));
}

size_t glocal_findings_count(const glocal_findings *f)
{
    return f ? f->count : 0;
}

const glocal_finding *glocal_findings_at(const glocal_findings *f, size_t i)
{
    return f && i < f->count ? &f->items[i] : NULL;
}

const char *glocal_finding_file(const glocal_finding *x)
{
    return x ? x->file : NULL;
}

unsigned glocal_finding_line(const glocal_finding *x)
{
    return x ? x->line : 0;
}

unsigned glocal_finding_column(const glocal_finding *x)
{
    return x ? x->col : 0;
}

glocal_severity glocal_finding_severity(const glocal_finding *x)
{
    return x ? x->severity : GLOCAL_SEVERITY_ERROR;
}

const char *glocal_finding_rule(const glocal_finding *x)
{
    return x ? gl_rule_id(x->rule) : NULL;
}

const char *glocal_finding_message(const glocal_finding *x)
{
    return x ? x->message : NULL;
}

const char *glocal_finding_locale(const glocal_finding *x)
{
    return x ? x->locale : NULL;
}

const char *glocal_finding_message_id(const glocal_finding *x)
{
    return x ? x->msgid : NULL;
}

void glocal_findings_free(glocal_findings *f)
{
    if (!f)
        return;
    for (size_t i = 0; i < f->count; i++) {
        free(f->items[i].file);
        free(f->items[i].message);
        free(f->items[i].locale);
        free(f->items[i].msgid);
    }
    free(f->items);
    free(f);
}
