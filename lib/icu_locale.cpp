/*
 * Locale facts from ICU: canonical tags, CLDR parents, matching, known zones
 * and currencies, plural categories for lint (locales.h).
 */
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <string>
#include <unordered_map>

#include <pthread.h>
#include <unicode/localematcher.h>
#include <unicode/locid.h>
#include <unicode/numsys.h>
#include <unicode/timezone.h>
#include <unicode/plurrule.h>
#include <unicode/ucal.h>
#include <unicode/ucurr.h>
#include <unicode/uloc.h>
#include <unicode/ures.h>
#include <unicode/ustring.h>

#include "icu_util.hpp"
#include "locales.h"

using gl_icu::bound;
using gl_icu::utf8;
using icu::Locale;

namespace {

/* ICU resolves `native`, `traditio` and `finance` for the locale; any other
 * value must name a numbering system ICU has.  An algorithmic one (roman,
 * hebr, jpan) gives no decimal format, which every number glocal writes needs
 * (icu_format.cpp): it is refused too. */
int numbering_known(const Locale &loc)
{
    UErrorCode st = U_ZERO_ERROR;
    std::unique_ptr<icu::NumberingSystem> ns(icu::NumberingSystem::createInstance(loc, st));
    if (st == U_MEMORY_ALLOCATION_ERROR)
        return -1;
    return U_SUCCESS(st) && ns && !ns->isAlgorithmic() ? 1 : 0;
}

int calendar_known(const Locale &loc, const std::string &value)
{
    UErrorCode st = U_ZERO_ERROR;
    std::unique_ptr<UEnumeration, void (*)(UEnumeration *)> all(
        ucal_getKeywordValuesForLocale("calendar", loc.getName(), false, &st), uenum_close);
    const char *name;
    while (U_SUCCESS(st) && (name = uenum_next(all.get(), nullptr, &st)))
        if (value == name)
            return 1;
    return st == U_MEMORY_ALLOCATION_ERROR ? -1 : 0;
}

} // namespace

extern "C" {

gl_tag_status gl_locale_canonical(const char *tag, char *out, size_t cap)
{
    try {
        std::string t(tag);
        for (char &ch : t)
            if (ch == '_')
                ch = '-';
        if (t.empty() || t.size() >= GL_TAG_MAX)
            return t.empty() ? TAG_MALFORMED : TAG_TOO_LONG;
        UErrorCode st = U_ZERO_ERROR;
        char id[GL_TAG_MAX * 2];
        int32_t parsed = 0;
        uloc_forLanguageTag(t.c_str(), id, sizeof id, &parsed, &st);
        if (st == U_MEMORY_ALLOCATION_ERROR)
            return TAG_NOMEM;
        if (U_FAILURE(st) || st == U_STRING_NOT_TERMINATED_WARNING || parsed != (int32_t)t.size())
            return TAG_MALFORMED;
        Locale loc(id);
        if (loc.isBogus())
            return TAG_NOMEM; /* a parsed id is bogus only when memory ran out */
        /* canonicalize() says why it fails (createCanonical only leaves a bogus
         * locale): zh-Hanu-t-ch-hanuzt is a tag ICU cannot canonicalize, not OOM */
        loc.canonicalize(st);
        if (st == U_MEMORY_ALLOCATION_ERROR)
            return TAG_NOMEM;
        if (U_FAILURE(st) || loc.isBogus())
            return TAG_MALFORMED;
        std::string bcp = loc.toLanguageTag<std::string>(st);
        if (st == U_MEMORY_ALLOCATION_ERROR)
            return TAG_NOMEM;
        if (U_FAILURE(st))
            return TAG_MALFORMED;
        if (bcp.size() + 1 > cap)
            return TAG_TOO_LONG;
        memcpy(out, bcp.c_str(), bcp.size() + 1);
        return TAG_OK;
    } catch (const std::bad_alloc &) {
        return TAG_NOMEM;
    }
}

int gl_locale_extensions_known(const char *tag, const char **key)
{
    try {
        UErrorCode st = U_ZERO_ERROR;
        Locale loc = Locale::forLanguageTag(tag, st);
        if (U_FAILURE(st) || loc.isBogus())
            return st == U_MEMORY_ALLOCATION_ERROR || loc.isBogus() ? -1 : 0;
        std::string nu = loc.getKeywordValue<std::string>("numbers", st);
        std::string ca = loc.getKeywordValue<std::string>("calendar", st);
        if (U_FAILURE(st))
            return -1;
        int known = nu.empty() ? 1 : numbering_known(loc);
        *key = "nu";
        if (known == 1 && !ca.empty()) {
            known = calendar_known(loc, ca);
            *key = "ca";
        }
        return known;
    } catch (const std::bad_alloc &) {
        return -1;
    }
}

bool gl_locale_facts_of(const char *tag, gl_locale_facts *f)
{
    UErrorCode st = U_ZERO_ERROR;
    memset(f, 0, sizeof *f);
    char id[GL_TAG_MAX], likely[GL_TAG_MAX], base[GL_TAG_MAX];
    int32_t parsed = 0;
    uloc_forLanguageTag(tag, id, sizeof id, &parsed, &st);
    if (U_FAILURE(st) || st == U_STRING_NOT_TERMINATED_WARNING)
        return false;
    snprintf(f->icu_id, sizeof f->icu_id, "%s", id);
    const char *at = strchr(id, '@');
    snprintf(f->keywords, sizeof f->keywords, "%s", at ? at : "");
    uloc_getBaseName(id, base, sizeof base, &st);
    uloc_addLikelySubtags(base, likely, sizeof likely, &st);
    uloc_getLanguage(base, f->language, sizeof f->language, &st);
    uloc_getScript(likely, f->script, sizeof f->script, &st);
    uloc_getCountry(likely, f->region, sizeof f->region, &st);
    uloc_toLanguageTag(base, f->base_tag, sizeof f->base_tag, false, &st);
    if (U_FAILURE(st))
        return false;
    if (!*f->language)
        snprintf(f->language, sizeof f->language, "und");
    f->rtl = uloc_isRightToLeft(likely);
    return true;
}

/* The locale's own resource bundle, NULL when it has none.  ures_openDirect
 * of an alias locale (zh_TW, zh_HK, sr_ME: "%%ALIAS" files pointing at the
 * scripted form) leaves ICU's process-wide bundle cache holding the alias file
 * itself, whose only fallback is the bare language: every later formatter for
 * zh_TW then got mainland zh patterns.  Opening with fallback first resolves
 * and caches the alias as ICU's formatters do; a locale whose actual data is
 * another's has no %%Parent of its own. */
static UResourceBundle *open_own_data(const char *id, UErrorCode *st)
{
    UResourceBundle *rb = ures_open(nullptr, id, st);
    if (U_FAILURE(*st))
        return nullptr;
    const char *actual = ures_getLocaleByType(rb, ULOC_ACTUAL_LOCALE, st);
    bool own = U_SUCCESS(*st) && actual && strcmp(actual, id) == 0;
    ures_close(rb);
    if (!own)
        return nullptr;
    rb = ures_openDirect(nullptr, id, st);
    return U_SUCCESS(*st) ? rb : nullptr;
}

int gl_locale_cldr_parent(const char *tag, char *out, size_t cap)
{
    UErrorCode st = U_ZERO_ERROR;
    char id[GL_TAG_MAX];
    int32_t parsed = 0;
    uloc_forLanguageTag(tag, id, sizeof id, &parsed, &st);
    if (U_FAILURE(st))
        return st == U_MEMORY_ALLOCATION_ERROR ? -1 : 0;
    UResourceBundle *rb = open_own_data(id, &st);
    if (!rb)
        return st == U_MEMORY_ALLOCATION_ERROR ? -1 : 0;
    int32_t len = 0;
    const UChar *p = ures_getStringByKey(rb, "%%Parent", &len, &st);
    int ok = st == U_MEMORY_ALLOCATION_ERROR ? -1 : 0;
    if (U_SUCCESS(st) && len > 0 && len < GL_TAG_MAX) {
        char pid[GL_TAG_MAX];
        u_UCharsToChars(p, pid, len);
        pid[len] = '\0';
        UErrorCode st2 = U_ZERO_ERROR;
        if (strcmp(pid, "root") != 0) {
            uloc_toLanguageTag(pid, out, (int32_t)cap, false, &st2);
            ok = st2 == U_MEMORY_ALLOCATION_ERROR ? -1
                 : U_SUCCESS(st2) && st2 != U_STRING_NOT_TERMINATED_WARNING;
        }
    }
    ures_close(rb);
    return ok;
}

namespace {

/* ICU builds its LocaleMatcher's likely-subtags and distance data on first
 * use, behind a check the thread sanitizer cannot see; eight threads
 * negotiating at once reported races inside it.  One match, made once under
 * pthread_once, builds the data before any other matcher reads it, with an
 * order every thread observes; callers warm up nothing.  (pthread_once, not
 * std::call_once, whose template leaves a public weak symbol in libglocal.a.) */
void build_matcher_data()
{
    try {
        UErrorCode st = U_ZERO_ERROR;
        icu::LocaleMatcher::Builder builder;
        builder.setNoDefaultLocale();
        builder.addSupportedLocale(Locale::getEnglish());
        builder.addSupportedLocale(Locale::getFrench());
        icu::LocaleMatcher matcher = builder.build(st);
        matcher.getBestMatchResult(Locale::getCanadaFrench(), st);
    } catch (const std::bad_alloc &) {
        /* the first real match builds the data then, as ICU would anyway */
    }
}

pthread_once_t matcher_data = PTHREAD_ONCE_INIT;

} // namespace

int gl_locale_match(const char *desired, const char *const *supported, size_t n)
{
    try {
        pthread_once(&matcher_data, build_matcher_data);
        UErrorCode st = U_ZERO_ERROR;
        icu::LocaleMatcher::Builder builder;
        builder.setNoDefaultLocale();
        for (size_t i = 0; i < n; i++)
            builder.addSupportedLocale(Locale::forLanguageTag(supported[i], st));
        icu::LocaleMatcher matcher = builder.build(st);
        if (U_FAILURE(st))
            return -1;
        icu::LocaleMatcher::Result r =
            matcher.getBestMatchResult(Locale::forLanguageTag(desired, st), st);
        return U_SUCCESS(st) ? r.getSupportedIndex() : -1;
    } catch (const std::bad_alloc &) {
        return -1;
    }
}

bool gl_currency_known(const char *iso4217)
{
    if (strlen(iso4217) != 3)
        return false;
    for (int i = 0; i < 3; i++)
        if (iso4217[i] < 'A' || iso4217[i] > 'Z')
            return false;
    UChar code[4];
    u_charsToUChars(iso4217, code, 4);
    UErrorCode st = U_ZERO_ERROR;
    return ucurr_isAvailable(code, U_DATE_MIN, U_DATE_MAX, &st) && U_SUCCESS(st);
}

bool gl_time_zone_known(const char *zone)
{
    UChar z[128], canon[128];
    size_t n = strlen(zone);
    if (n == 0 || n >= 128)
        return false;
    u_charsToUChars(zone, z, (int32_t)n + 1);
    UErrorCode st = U_ZERO_ERROR;
    UBool system = false;
    ucal_getCanonicalTimeZoneID(z, (int32_t)n, canon, 128, &system, &st);
    return U_SUCCESS(st) && system;
}

char *gl_plural_categories(const char *icu_id, bool ordinal)
{
    try {
        UErrorCode st = U_ZERO_ERROR;
        std::unique_ptr<icu::PluralRules> pr(icu::PluralRules::forLocale(
            Locale::createFromName(icu_id), ordinal ? UPLURAL_TYPE_ORDINAL : UPLURAL_TYPE_CARDINAL, st));
        if (U_FAILURE(st))
            return nullptr;
        std::unique_ptr<icu::StringEnumeration> kw(pr->getKeywords(st));
        std::string all;
        const char *k;
        while (U_SUCCESS(st) && (k = kw->next(nullptr, st)) != nullptr) {
            all += k;
            all += '\0';
        }
        all += '\0';
        char *p = (char *)malloc(all.size());
        if (p)
            memcpy(p, all.data(), all.size());
        return p;
    } catch (const std::bad_alloc &) {
        return nullptr;
    }
}

void gl_plural_select(const char *icu_id, bool ordinal, int n, char *out, size_t cap)
{
    try {
        thread_local std::unordered_map<std::string, std::unique_ptr<icu::PluralRules>> rules;
        std::string key = std::string(icu_id) + (ordinal ? "/o" : "/c");
        auto it = rules.find(key);
        if (it == rules.end()) {
            UErrorCode st = U_ZERO_ERROR;
            std::unique_ptr<icu::PluralRules> pr(icu::PluralRules::forLocale(
                Locale::createFromName(icu_id), ordinal ? UPLURAL_TYPE_ORDINAL : UPLURAL_TYPE_CARDINAL, st));
            if (U_FAILURE(st))
                pr.reset();
            bound(rules);
            it = rules.emplace(key, std::move(pr)).first;
        }
        std::string s = it->second ? utf8(it->second->select((int32_t)n)) : "other";
        snprintf(out, cap, "%s", s.c_str());
    } catch (const std::bad_alloc &) {
        snprintf(out, cap, "other");
    }
}

/* CLDR keeps a zone's first id as its canonical one; readers and IANA use
 * the renamed ones.  ICU 74 has ucal_getIanaTimeZoneID; for ICU 72, the
 * renames of zones that are their country's only zone. */
static const char *iana_name(const char *cldr)
{
    static const char *const renamed[][2] = {
        {"Asia/Calcutta", "Asia/Kolkata"},   {"Asia/Katmandu", "Asia/Kathmandu"},
        {"Asia/Rangoon", "Asia/Yangon"},     {"Asia/Saigon", "Asia/Ho_Chi_Minh"},
        {"Atlantic/Faeroe", "Atlantic/Faroe"}, {"Africa/Asmera", "Africa/Asmara"},
    };
    for (const auto &r : renamed)
        if (strcmp(r[0], cldr) == 0)
            return r[1];
    return cldr;
}

bool gl_locale_with_defaults(const char *tag, const char *const *keys, const char *const *values,
                             size_t n, char *out, size_t cap)
{
    try {
        UErrorCode st = U_ZERO_ERROR;
        Locale loc = Locale::forLanguageTag(tag, st);
        for (size_t i = 0; i < n && U_SUCCESS(st); i++) {
            UErrorCode unset = U_ZERO_ERROR; /* ICU's answer for a key the tag lacks */
            if (values[i] && loc.getUnicodeKeywordValue<std::string>(keys[i], unset).empty())
                loc.setUnicodeKeywordValue(keys[i], values[i], st);
        }
        std::string with = loc.toLanguageTag<std::string>(st);
        if (U_FAILURE(st) || with.size() >= cap)
            return false;
        memcpy(out, with.c_str(), with.size() + 1);
        return true;
    } catch (const std::bad_alloc &) {
        return false;
    }
}

bool gl_region_only_zone(const char *region, char *out, size_t cap)
{
    try {
        if (!*region)
            return false;
        UErrorCode st = U_ZERO_ERROR;
        std::unique_ptr<icu::StringEnumeration> zones(icu::TimeZone::createTimeZoneIDEnumeration(
            UCAL_ZONE_TYPE_CANONICAL, region, nullptr, st));
        if (U_FAILURE(st) || !zones || zones->count(st) != 1)
            return false;
        const char *zone = zones->next(nullptr, st);
        if (U_SUCCESS(st) && zone)
            zone = iana_name(zone);
        if (U_FAILURE(st) || !zone || strlen(zone) >= cap)
            return false;
        memcpy(out, zone, strlen(zone) + 1);
        return true;
    } catch (const std::bad_alloc &) {
        return false;
    }
}

bool gl_locale_tag_of(const char *icu_id, char *out, size_t cap)
{
    UErrorCode st = U_ZERO_ERROR;
    int32_t n = uloc_toLanguageTag(icu_id, out, (int32_t)cap, false, &st);
    return U_SUCCESS(st) && st != U_STRING_NOT_TERMINATED_WARNING && n > 0 && (size_t)n < cap;
}

} /* extern "C" */
