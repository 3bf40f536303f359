/* Safety limits (docs/limits.md).  Input beyond them is GLOCAL_ERR_LIMIT on
 * open and a finding in lint; the defaults are far above what a real catalog
 * needs, and glocal_options_set_limit moves them up to a hard maximum. */
#ifndef GLOCAL_LIMITS_H
#define GLOCAL_LIMITS_H

#include <stdint.h>

#include "glocal.h"

#define GL_LIMIT_COUNT 8
#define GL_HARD_MAX_YAML_DEPTH 64u     /* sizes the YAML loader's stack */
#define GL_HARD_MAX_TEMPLATE_DEPTH 32u /* ICU recurses; ~150 levels crash a 256 KiB stack */

typedef struct gl_limits {
    uint64_t v[GL_LIMIT_COUNT]; /* indexed by glocal_limit */
} gl_limits;

extern const gl_limits gl_default_limits;
extern const uint64_t gl_hard_max_limits[GL_LIMIT_COUNT];

#define GL_LIMIT(l, which) ((l)->v[GLOCAL_LIMIT_##which])

#endif
