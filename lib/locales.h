/* Locale facts from ICU (icu_locale.cpp): canonical tags, CLDR parents,
 * matching, known zones and currencies, plural categories. */
#ifndef GLOCAL_LOCALES_H
#define GLOCAL_LOCALES_H

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum gl_tag_status { TAG_OK, TAG_MALFORMED, TAG_TOO_LONG, TAG_NOMEM } gl_tag_status;
#define GL_TAG_MAX 160

/* Parses a BCP 47 tag (all of it) and writes its CLDR-canonical form. */
gl_tag_status gl_locale_canonical(const char *tag, char *out, size_t cap);
/* Whether glocal can use the numbering system (-u-nu-) and the calendar
 * (-u-ca-) a canonical tag asks for: ICU knows them, and the numbering system
 * is a decimal one (with another, every number would fail; with an unknown
 * calendar ICU quietly uses the Gregorian one).  1 yes, or none asked; 0 no,
 * and *key is "nu" or "ca"; -1 out of memory. */
int gl_locale_extensions_known(const char *canonical_tag, const char **key);
/* Facts about a canonical tag: language, likely script and region, the tag
 * without extensions, ICU's locale id (with keywords), right-to-left. */
typedef struct gl_locale_facts {
    char language[16];
    char script[8];
    char region[8];              /* likely region: "DE" for de, "" when none */
    char base_tag[GL_TAG_MAX];   /* without -u-/-t-/-x- extensions */
    char icu_id[GL_TAG_MAX];     /* de_CH@numbers=latn */
    char keywords[GL_TAG_MAX];   /* "@numbers=latn" or "" */
    bool rtl;
} gl_locale_facts;
bool gl_locale_facts_of(const char *canonical_tag, gl_locale_facts *f);
/* tag with -u-KEY-VALUE added for each keys[i] the tag does not set and
 * values[i] is not NULL; false when it does not fit cap or memory ran out. */
bool gl_locale_with_defaults(const char *tag, const char *const *keys, const char *const *values,
                             size_t n, char *out, size_t cap);
/* The region's time zone when ICU knows exactly one canonical zone for it
 * (AT: Europe/Vienna; not US or CA); false otherwise or when out of memory. */
bool gl_region_only_zone(const char *region, char *out, size_t cap);
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

#ifdef __cplusplus
}
#endif

#endif
