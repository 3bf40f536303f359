/* One MF1 template rewritten as an MF2 message (`glocal convert --to mf2`),
 * read through the public parts reader (glocal_template_parse): plural and
 * select become `.match` on declared selectors, nested ones flattened into
 * the product of their keys.  docs/mf2.md has the table it follows. */
#ifndef GLOCAL_MF2_CONVERT_H
#define GLOCAL_MF2_CONVERT_H

#include <stdbool.h>
#include <stddef.h>

#include "strbuf.h"

/* More variants than this in one converted message is refused: a product of
 * nested selections that large is no longer a message a translator can read. */
#define MF2_CONVERT_MAX_VARIANTS 1024

/* Appends text as MF2 pattern text: `\`, `{` and `}` escaped. */
void mf2_put_text(strbuf *b, const char *s);

/* Appends the MF2 text of MF1 template src to out; false with why (and the
 * 1-based code point column of src where the problem is, 0 when it has no
 * one place) when the template cannot be expressed or does not parse. */
bool mf2_convert(const char *src, strbuf *out, char *why, size_t whycap, unsigned *col);

#endif
