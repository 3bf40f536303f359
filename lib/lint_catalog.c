/* The warning rules about the catalog as a whole rather than one variant:
 * orphan (a message only a local bundle defines) and missing (a message no
 * bundle of some language defines). */
#include <stdlib.h>
#include <string.h>

#include "lint_rules.h"

/* ---- orphan ---- */

static void check_orphans(const glocal_catalog *c, gl_diag *d)
{
    for (size_t i = 1; i < c->nbundles; i++) {
        const gl_bundle *b = &c->bundles[i];
        for (size_t k = 0; k < b->norphans; k++)
            gl_report(d, R_ORPHAN, GLOCAL_OK, b->file, b->orphans[k]->line, b->orphans[k]->col,
                      b->locale, b->orphan_ids[k],
                      "`%s` is not defined in base.yaml; formatting it fails (add it to base or "
                      "remove it)", b->orphan_ids[k]);
    }
}

/* ---- missing ---- */

static size_t subtags(const char *tag)
{
    size_t n = 1;
    for (; *tag; tag++)
        n += *tag == '-';
    return n;
}

/* Local bundles that can be checked, in the language and script of one. */
static bool same_group(const gl_bundle *a, const gl_bundle *b)
{
    return a->msgs && b->msgs && strcmp(a->lang_script, b->lang_script) == 0;
}

/* The most general bundle of i's language: fewest subtags, then first. */
static bool most_general(const glocal_catalog *c, size_t i)
{
    const gl_bundle *b = &c->bundles[i];
    for (size_t j = 1; j < c->nbundles; j++) {
        const gl_bundle *o = &c->bundles[j];
        if (j == i || !same_group(b, o))
            continue;
        size_t sb = subtags(b->locale), so = subtags(o->locale);
        if (so < sb || (so == sb && j < i))
            return false;
    }
    return true;
}

static void list_group(const glocal_catalog *c, const gl_bundle *b, uint32_t *members,
                       size_t *n, gl_buf *names)
{
    *n = 0;
    for (size_t j = 1; j < c->nbundles; j++)
        if (same_group(b, &c->bundles[j])) {
            members[(*n)++] = (uint32_t)j;
            gl_buf_printf(names, "%s%s", *n > 1 ? ", " : "", c->bundles[j].locale);
        }
}

static bool group_defines(const glocal_catalog *c, const uint32_t *members, size_t n, uint32_t m)
{
    for (size_t k = 0; k < n; k++)
        if (c->bundles[members[k]].msgs[m])
            return true;
    return false;
}

static void check_missing_group(const glocal_catalog *c, gl_diag *d, const gl_bundle *b,
                                uint32_t *members)
{
    size_t n = 0;
    gl_buf names = {0};
    list_group(c, b, members, &n, &names);
    for (uint32_t m = 0; m < c->nmessages && !d->fatal && !names.oom; m++) {
        if (c->messages[m].locked || group_defines(c, members, n, m))
            continue;
        gl_report(d, R_MISSING, GLOCAL_OK, b->file, b->msgs_line, b->msgs_col, b->locale,
                  c->messages[m].id, "`%s` is not translated into %s: no bundle of that "
                  "language and script (%s) defines it, so its readers get base's text (%s); "
                  "add it here", c->messages[m].id, b->lang_script, names.p, c->language);
    }
    if (names.oom)
        gl_report_fatal(d, GLOCAL_ERR_NOMEM, b->file, "out of memory");
    gl_buf_free(&names);
}

static void check_missing(const glocal_catalog *c, gl_diag *d)
{
    const gl_bundle *base = gl_base(c);
    uint32_t *members = malloc(c->nbundles * sizeof(uint32_t));
    if (!members) {
        gl_report_fatal(d, GLOCAL_ERR_NOMEM, NULL, "out of memory");
        return;
    }
    for (size_t i = 1; i < c->nbundles && !d->fatal; i++) {
        const gl_bundle *b = &c->bundles[i];
        if (b->msgs && strcmp(b->lang_script, base->lang_script) != 0 && most_general(c, i))
            check_missing_group(c, d, b, members);
    }
    free(members);
}

void gl_lint_catalog_warnings(const glocal_catalog *c, gl_diag *d)
{
    check_orphans(c, d);
    check_missing(c, d);
}
