/* ICU MessageFormat templates as parts (msgparts.c), for XLIFF.
 * What a translator may change (text) and what they must keep (codes): a
 * template is text, codes ({name}, {eta, date, long}, {-brand}, `#`, a
 * selector's head and tail), and branches of plural/select (open: " one {",
 * close: "}") whose content is again text and codes. */
#ifndef GLOCAL_MSGPARTS_H
#define GLOCAL_MSGPARTS_H

#include <stdbool.h>
#include <stddef.h>

#include "strbuf.h"

typedef enum mp_kind { MP_TEXT, MP_CODE, MP_OPEN, MP_CLOSE } mp_kind;

typedef enum mp_code {
    MPC_ARG, MPC_TERM, MPC_HASH, MPC_SELECT_HEAD, MPC_SELECT_TAIL, MPC_NONE
} mp_code;

typedef struct mp_part {
    mp_kind kind;
    mp_code code;            /* MP_CODE */
    char *text;              /* TEXT: the literal text (quoting resolved); else the source */
    char *name;              /* ARG, TERM, SELECT_HEAD: the argument or term; OPEN: the key */
    bool plural;             /* SELECT_HEAD, OPEN: of plural/selectordinal */
} mp_part;

typedef struct mp_list {
    mp_part *p;
    size_t n, cap;
} mp_list;

/* Splits template src; false with a message in err when it does not parse. */
bool mp_split(const char *src, mp_list *out, char *err, size_t errcap);
void mp_free(mp_list *l);
/* Whether key is in cats, a list of gl_plural_categories (NULL: no). */
bool mp_has_category(const char *cats, const char *key);
/* Appends literal text to b quoted for ICU (braces, apostrophes that would
 * quote, `#` inside a plural branch). */
void mp_quote(strbuf *b, const char *text, bool in_plural);

#endif
