/* The inline codes of an XLIFF unit, as `glocal export` numbers them and
 * `glocal import` reads them back.
 *
 * A unit's source is base's template (its plurals fitted to the target
 * language's categories), its target the locale's own template.  Each is
 * split into what a translator may change (text) and what they must keep
 * (codes): the library's template parts, with each branch of a plural or
 * select an opening code (` one {`) and a closing one whose content is
 * again text and codes.  The distinct code texts of both sides, in the order
 * they first appear, are the unit's table: position i is data id d<i+1> of
 * <originalData>.  Export writes the table; import rebuilds a target from
 * the same table made from the catalog, never from the file's
 * <originalData>, which a translation tool can change. */
#ifndef GLOCAL_XLIFF_CODES_H
#define GLOCAL_XLIFF_CODES_H

#include <stdbool.h>
#include <stddef.h>

#include "glocal.h"

typedef struct xpart {
    glocal_part_kind kind;
    char *text;               /* TEXT: the literal text; else the source */
    char *key;                /* BRANCH: the key; SELECT: the type */
} xpart;

typedef struct xparts {
    xpart *p;
    size_t n, cap;
} xparts;

/* One side of a unit: its parts and, per part, its code's id (<ph id>,
 * <pc id>); 0 for text and for the close of a branch (the end of its <pc>). */
typedef struct xside {
    xparts parts;
    unsigned *ids;
} xside;

typedef struct code_ref code_ref;

typedef struct xunit {
    xside src, tgt;
    bool has_target;
    bool src_mf2, tgt_mf2;    /* each side's syntax: its bundle's `syntax: mf2` */
    const xpart **data;       /* the table: data id d<i+1> is data[i]->text */
    size_t ndata;
    code_ref *src_refs;       /* the source's codes, for the target's ids */
    size_t nsrc_refs;
    unsigned next_id;
} xunit;

/* The codes of a unit whose source is template `source`, fitted to the
 * plural categories of `locale`, and whose target is `target` (NULL: none),
 * each read in its own syntax (source_mf2, target_mf2: MessageFormat 2,
 * glocal_template_parse_mf2; else MF1).  An MF2 source is not fitted: its
 * variants are written out by key.  False with the library's error when one
 * does not parse (the unit then holds nothing); else release it with
 * xunit_free. */
bool xunit_build(xunit *u, const char *source, bool source_mf2, const char *target,
                 bool target_mf2, const char *locale, glocal_error **err);
void xunit_free(xunit *u);

/* Whether template text says what the unit's target says: the same parts,
 * however its text is quoted (import keeps the catalog's own spelling of a
 * translation that did not change). */
bool xunit_same_target(const xunit *u, const char *text);

/* The table position of code text raw; the table has every code of both
 * sides. */
size_t xunit_data_index(const xunit *u, const char *raw);

/* The table position data id `ref` ("d3": 2) names; false when it names
 * none. */
bool xunit_data_ref(const xunit *u, const char *ref, size_t *index);

/* Whether the table position is one the source uses with canDelete="no"
 * (xpart_deletable) that a target must keep: when the locale has a target
 * already, only those codes it keeps too, so a translation the catalog
 * holds goes back in unchanged. */
bool xunit_required(const xunit *u, size_t index);

/* Whether a translation may leave the code out: `#` (a plural branch may
 * spell its number out).  Every other code is written canDelete="no". */
bool xpart_deletable(const xpart *p);

/* Whether a selector head (SELECT part) makes its branches MF1 plural ones,
 * which export fits to the target language's categories. */
bool xpart_plural(const xpart *p);

/* The index of the close matching the branch opening at `open`; l->n when
 * it has none. */
size_t xparts_match_close(const xparts *l, size_t open);

/* The unit id of a message variant: `MESSAGE:KEY` with `+` written `.`
 * (`order.delayed:formal.sms`; XLIFF ids cannot hold `+`).  The caller
 * frees it. */
char *xliff_unit_id(const char *message, const char *key);
/* Its inverse, into id and key of cap bytes each; false for an id export
 * does not write. */
bool xliff_parse_unit_id(const char *uid, char *id, char *key, size_t cap);

/* The variant with this key; NULL when vs has none. */
const glocal_variant *variant_with_key(const glocal_variants *vs, const char *key);
/* The unit's source: base's variant with this key, else base's `other`. */
const glocal_variant *source_variant(const glocal_variants *base, const char *key);
/* The unit's target: a variant the locale's own bundle writes (not one it
 * inherits); NULL when it writes none with this key. */
const glocal_variant *own_variant(const glocal_variants *local, const char *key);

#endif
