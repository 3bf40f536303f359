/* Argument values and the ICU bridge's C interface. */
#ifndef GLOCAL_VALUE_H
#define GLOCAL_VALUE_H

#include "glocal.h"
#include "template.h"

typedef enum gl_vkind { V_TEXT, V_INT, V_DOUBLE, V_DECIMAL, V_DATE, V_MONEY } gl_vkind;

typedef struct gl_value {
    gl_vkind kind;
    const char *s;   /* V_TEXT text, V_DECIMAL / V_MONEY amount */
    size_t slen;
    char cur[4];     /* V_MONEY: ISO 4217 code */
    int64_t i;       /* V_INT, V_DATE (ms) */
    double d;        /* V_DOUBLE */
} gl_value;

#ifdef __cplusplus
extern "C" {
#endif

/* ---- locales (ICU) ---- */

typedef enum gl_tag_status { TAG_OK, TAG_MALFORMED, TAG_TOO_LONG, TAG_NOMEM } gl_tag_status;
#define GL_TAG_MAX 160

/* Parses a BCP 47 tag (all of it) and writes its CLDR-canonical form. */
gl_tag_status gl_locale_canonical(const char *tag, char *out, size_t cap);
/* Facts about a canonical tag: language, likely script, the tag without
 * extensions, ICU's locale id (with keywords), right-to-left. */
typedef struct gl_locale_facts {
    char language[16];
    char script[8];
    char base_tag[GL_TAG_MAX];   /* without -u-/-t-/-x- extensions */
    char icu_id[GL_TAG_MAX];     /* de_CH@numbers=latn */
    char keywords[GL_TAG_MAX];   /* "@numbers=latn" or "" */
    bool rtl;
} gl_locale_facts;
bool gl_locale_facts_of(const char *canonical_tag, gl_locale_facts *f);
/* The BCP 47 tag of an ICU locale id (de_CH@numbers=latn -> de-CH-u-nu-latn). */
bool gl_locale_tag_of(const char *icu_id, char *out, size_t cap);
/* CLDR parent locale (es-MX -> es-419) as a BCP 47 tag: 1 found, 0 none,
 * -1 out of memory. */
int gl_locale_cldr_parent(const char *tag, char *out, size_t cap);
bool gl_time_zone_known(const char *zone);
/* An ISO 4217 code ICU knows, current or historic ("EUR", "DEM"). */
bool gl_currency_known(const char *iso4217);
/* ICU's LocaleMatcher: the index of the best supported tag for desired, or -1. */
int gl_locale_match(const char *desired, const char *const *supported, size_t n);
/* Plural categories of a locale ("one", "other", ...) for lint;
 * returns a malloc'ed NUL-separated list ending with an empty string. */
char *gl_plural_categories(const char *icu_id, bool ordinal);
/* The plural category a locale selects for integer n, into out. */
void gl_plural_select(const char *icu_id, bool ordinal, int n, char *out, size_t cap);

/* ---- formatting (ICU, cached per thread) ---- */

typedef struct gl_fmt_env {
    const char *locale;  /* ICU locale id with keywords */
    const char *zone;    /* IANA zone */
    uint64_t serial;     /* the catalog's */
} gl_fmt_env;

/* Writes a number, date or money value as slot s says.  Returns GLOCAL_OK,
 * GLOCAL_ERR_ARGUMENT (a value the slot cannot take), GLOCAL_ERR_FORMAT or
 * GLOCAL_ERR_NOMEM. */
glocal_status gl_format_value(const gl_fmt_env *env, const gl_slot *s, const gl_value *v,
                              gl_buf *out);
/* Formats a TK_COMPLEX template: slot texts are finished UTF-8, selector
 * values raw. */
glocal_status gl_format_complex(const gl_fmt_env *env, const gl_template *t,
                                const char *const *slot_text, const size_t *slot_len,
                                const gl_value *const *sel_vals, gl_buf *out);

#ifdef __cplusplus
}
#endif

#endif
