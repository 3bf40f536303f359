/* Argument values and how ICU formats them (icu_format.cpp, icu_plural.cpp). */
#ifndef GLOCAL_VALUE_H
#define GLOCAL_VALUE_H

#include "glocal.h"
#include "template.h"

typedef enum gl_vkind { V_TEXT, V_INT, V_DOUBLE, V_DECIMAL, V_DATE, V_MONEY, V_CODE, V_DAY } gl_vkind;

typedef struct gl_value {
    gl_vkind kind;
    const char *s;   /* V_TEXT text, V_CODE code, V_DECIMAL / V_MONEY amount */
    size_t slen;
    char cur[4];     /* V_MONEY: ISO 4217 code */
    int64_t i;       /* V_INT, V_DATE (ms), V_DAY (days since 1970-01-01) */
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

/* Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar (Howard
 * Hinnant's days_from_civil): a V_DAY's value, and the range dates are
 * checked against. */
static inline int64_t gl_days_from_civil(int64_t y, int64_t m, int64_t d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

/* The calendar day an instant falls on in an IANA zone, as a V_DAY: how a
 * `day` argument takes an instant.  GLOCAL_ERR_ARGUMENT outside the years
 * above, GLOCAL_ERR_FORMAT when ICU cannot open the zone. */
glocal_status gl_day_of_instant(const char *zone, int64_t unix_ms, gl_value *out);

/* Whether a number style is a `::` skeleton that names no unit, percent or
 * scale: one a money argument can be written in, in its own currency. */
bool gl_skeleton_takes_money(const char *style);

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
