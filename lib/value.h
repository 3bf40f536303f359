/* Argument values and how ICU formats them (icu_format.cpp, icu_plural.cpp). */
#ifndef GLOCAL_VALUE_H
#define GLOCAL_VALUE_H

#include "glocal.h"
#include "template.h"

typedef enum gl_vkind { V_TEXT, V_INT, V_DOUBLE, V_DECIMAL, V_DATE, V_MONEY, V_CODE } gl_vkind;

typedef struct gl_value {
    gl_vkind kind;
    const char *s;   /* V_TEXT text, V_CODE code, V_DECIMAL / V_MONEY amount */
    size_t slen;
    char cur[4];     /* V_MONEY: ISO 4217 code */
    int64_t i;       /* V_INT, V_DATE (ms) */
    double d;        /* V_DOUBLE */
} gl_value;

#ifdef __cplusplus
extern "C" {
#endif

/* ---- formatting (ICU, cached per thread) ---- */

typedef struct gl_fmt_env {
    const char *locale;  /* ICU locale id with keywords */
    const char *zone;    /* IANA zone */
    uint64_t serial;     /* the catalog's */
} gl_fmt_env;

/* The years dates are written in, of the proleptic Gregorian calendar, for the
 * date in the time zone used (docs/resolution.md#dates). */
#define GL_DATE_FIRST_YEAR 1
#define GL_DATE_LAST_YEAR 9999

/* Writes a number, date or money value as slot s says.  Returns GLOCAL_OK,
 * GLOCAL_ERR_ARGUMENT (a value the slot cannot take, a date outside the
 * years above), GLOCAL_ERR_FORMAT or GLOCAL_ERR_NOMEM. */
glocal_status gl_format_value(const gl_fmt_env *env, const gl_slot *s, const gl_value *v,
                              gl_buf *out);
/* Formats a TK_COMPLEX template: slot texts are finished UTF-8, selector
 * values raw.  Stops at out's cap (gl_buf.max); GLOCAL_ERR_LIMIT when ICU's
 * MessageFormat would have to build a text that could pass it. */
glocal_status gl_format_complex(const gl_fmt_env *env, const gl_template *t,
                                const char *const *slot_text, const size_t *slot_len,
                                const gl_value *const *sel_vals, gl_buf *out);

#ifdef __cplusplus
}
#endif

#endif
