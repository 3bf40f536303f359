/* Warning rules of SPEC §5: dropped-arg, plural-categories, orphan,
 * missing, length, untranslated, brand-literal, whitespace. */
#include "lint_rules.h"

void gl_lint_warnings(const glocal_catalog *c, gl_diag *d)
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
