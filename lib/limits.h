/* Safety limits (docs/limits.md).  Input beyond them is GLOCAL_ERR_LIMIT on
 * open and a finding in lint; each is far above what a real catalog needs. */
#ifndef GLOCAL_LIMITS_H
#define GLOCAL_LIMITS_H

#define GL_MAX_FILE_BYTES (32u << 20)      /* one bundle file */
#define GL_MAX_YAML_DEPTH 16u              /* nesting of YAML collections */
#define GL_MAX_SCALAR_BYTES (256u << 10)   /* one scalar (a template) */
#define GL_MAX_MESSAGES 100000u            /* messages in one bundle */
#define GL_MAX_VARIANTS 256u               /* variants of one message */
#define GL_MAX_TEMPLATE_DEPTH 10u          /* nested plural/select levels */
#define GL_MAX_BUNDLES 4096u               /* bundle files in one catalog */
#define GL_MAX_OUTPUT_BYTES (1u << 20)     /* one formatted message */

#endif
