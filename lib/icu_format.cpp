/*
 * Numbers, dates and money through ICU, with the per-thread formatter
 * caches (see icu_util.hpp) that the plural walker shares.
 */
#include <cstring>
#include <memory>
#include <new>
#include <string>
#include <unordered_map>

#include <unicode/datefmt.h>
#include <unicode/decimfmt.h>
#include <unicode/gregocal.h>
#include <unicode/numberformatter.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>

#include "icu_util.hpp"

using gl_icu::append_utf8;
using gl_icu::bound;
using gl_icu::locale_of;
using gl_icu::number_formatter;
using icu::Locale;
using icu::UnicodeString;

namespace {

/* ---- per-thread formatter caches ---- */

struct NumberEntry {
    std::unique_ptr<icu::NumberFormat> owner; /* keeps toNumberFormatter()'s result alive */
    icu::number::LocalizedNumberFormatter lnf;
};

/* This file's share of the per-thread caches (icu_util.hpp). */
struct ThreadCache {
    std::unordered_map<std::string, std::unique_ptr<NumberEntry>> numbers;
    std::unordered_map<std::string, std::unique_ptr<icu::DateFormat>> dates;
    std::unordered_map<std::string, Locale> locales;
    std::unordered_map<std::string, std::unique_ptr<icu::TimeZone>> zones; /* gl_day_of_instant */
    std::unordered_map<std::string, bool> unit_skeletons; /* skeleton_sets_unit */
};

thread_local ThreadCache tcache;

/* Whether a number skeleton (without its "::") names a unit, a percent or a
 * scale, read from ICU's own normalized form: a money argument keeps its
 * currency, so such a skeleton cannot write one.  An invalid skeleton names
 * nothing (the template's `style` check reports it). */
bool sets_unit(const char *skeleton)
{
    UErrorCode st = U_ZERO_ERROR;
    UnicodeString norm =
        icu::number::NumberFormatter::forSkeleton(UnicodeString::fromUTF8(skeleton), st)
            .toSkeleton(st);
    if (U_FAILURE(st))
        return false;
    std::string n;
    norm.toUTF8String(n);
    static const char *const stems[] = {"currency/", "measure-unit/", "per-measure-unit/",
                                        "unit/", "percent", "permille", "scale/"};
    for (size_t at = 0; at < n.size();) {
        size_t end = n.find(' ', at);
        std::string tok = n.substr(at, end == std::string::npos ? std::string::npos : end - at);
        for (const char *stem : stems)
            if (tok.compare(0, strlen(stem), stem) == 0)
                return true;
        if (end == std::string::npos)
            break;
        at = end + 1;
    }
    return false;
}

bool skeleton_sets_unit(const char *skeleton)
{
    auto it = tcache.unit_skeletons.find(skeleton);
    if (it != tcache.unit_skeletons.end())
        return it->second;
    bool sets = sets_unit(skeleton);
    bound(tcache.unit_skeletons);
    tcache.unit_skeletons.emplace(skeleton, sets);
    return sets;
}

NumberEntry *make_number(const Locale &loc, const gl_slot *s, UErrorCode &st)
{
    std::unique_ptr<NumberEntry> e(new NumberEntry());
    const char *style = s->style;
    if (strncmp(style, "::", 2) == 0) {
        e->lnf = icu::number::NumberFormatter::forSkeleton(UnicodeString::fromUTF8(style + 2), st)
                     .locale(loc);
        return U_SUCCESS(st) ? e.release() : nullptr;
    }
    /* The same formats MessageFormat itself would create for these styles. */
    if (strcmp(style, "percent") == 0)
        e->owner.reset(icu::NumberFormat::createPercentInstance(loc, st));
    else
        e->owner.reset(icu::NumberFormat::createInstance(loc, st));
    if (U_FAILURE(st) || !e->owner)
        return nullptr;
    auto *df = dynamic_cast<icu::DecimalFormat *>(e->owner.get());
    if (!df)
        return nullptr;
    if (strcmp(style, "integer") == 0) {
        df->setMaximumFractionDigits(0);
        df->setParseIntegerOnly(true);
    } else if (*style && strcmp(style, "percent") != 0) {
        df->applyPattern(UnicodeString::fromUTF8(style), st);
    }
    const icu::number::LocalizedNumberFormatter *lnf = df->toNumberFormatter(st);
    if (U_FAILURE(st) || !lnf)
        return nullptr;
    e->lnf = *lnf;
    return e.release();
}

} // namespace

const Locale &gl_icu::locale_of(const char *id)
{
    auto it = tcache.locales.find(id);
    if (it != tcache.locales.end())
        return it->second;
    bound(tcache.locales);
    return tcache.locales.emplace(id, Locale::createFromName(id)).first->second;
}

const icu::number::LocalizedNumberFormatter *gl_icu::number_formatter(const gl_fmt_env *env,
                                                                      const gl_slot *s,
                                                                      const char *cur)
{
    bool skeleton = strncmp(s->style, "::", 2) == 0;
    std::string key(env->locale);
    key += '\x1f';
    key += cur ? cur : s->style;
    key += cur ? "\x1f$" : "";
    key += cur && skeleton ? s->style : "";
    auto it = tcache.numbers.find(key);
    if (it != tcache.numbers.end())
        return &it->second->lnf;
    UErrorCode st = U_ZERO_ERROR;
    const Locale &loc = locale_of(env->locale);
    std::unique_ptr<NumberEntry> e;
    if (cur) {
        UChar code[4];
        u_charsToUChars(cur, code, 4);
        e.reset(new NumberEntry());
        if (skeleton) /* money in a skeleton that sets no unit: its own currency */
            e->lnf = icu::number::NumberFormatter::forSkeleton(
                         UnicodeString::fromUTF8(s->style + 2), st)
                         .unit(icu::CurrencyUnit(code, st))
                         .locale(loc);
        else
            /* Grouped as every other number glocal writes, and as ICU's MessageFormat
             * groups its currency style: from the first grouping size, not after
             * CLDR's minimum grouping digits ("1 234,50 zł", not "1234,50 zł";
             * docs/bundles.md#numbers). */
            e->lnf = icu::number::NumberFormatter::withLocale(loc)
                         .unit(icu::CurrencyUnit(code, st))
                         .grouping(UNUM_GROUPING_ON_ALIGNED);
    } else {
        e.reset(make_number(loc, s, st));
    }
    if (U_FAILURE(st) || !e)
        return nullptr;
    bound(tcache.numbers);
    return &tcache.numbers.emplace(key, std::move(e)).first->second->lnf;
}

namespace {

icu::DateFormat::EStyle date_style(const char *style)
{
    if (!*style)
        return icu::DateFormat::kDefault;
    if (strcmp(style, "short") == 0)
        return icu::DateFormat::kShort;
    if (strcmp(style, "medium") == 0)
        return icu::DateFormat::kMedium;
    if (strcmp(style, "long") == 0)
        return icu::DateFormat::kLong;
    if (strcmp(style, "full") == 0)
        return icu::DateFormat::kFull;
    return icu::DateFormat::kNone;
}

icu::DateFormat *make_date(const Locale &loc, const gl_slot *s, UErrorCode &st)
{
    if (s->use == USE_PLAIN)
        return icu::DateFormat::createDateTimeInstance(icu::DateFormat::kShort,
                                                       icu::DateFormat::kShort, loc);
    if (strncmp(s->style, "::", 2) == 0)
        return icu::DateFormat::createInstanceForSkeleton(UnicodeString::fromUTF8(s->style + 2),
                                                          loc, st);
    icu::DateFormat::EStyle ds = date_style(s->style);
    if (ds == icu::DateFormat::kNone)
        return new icu::SimpleDateFormat(UnicodeString::fromUTF8(s->style), loc, st);
    return s->use == USE_TIME ? icu::DateFormat::createTimeInstance(ds, loc)
                              : icu::DateFormat::createDateInstance(ds, loc);
}

/* ICU's Gregorian calendars turn Julian before 1582-10-15; RFC 3339 and
 * Python's datetime are proleptic Gregorian, so the change moves to the
 * beginning of time.  Calendars that are not Gregorian keep their rules. */
bool make_proleptic(icu::DateFormat &df)
{
    auto *greg = dynamic_cast<const icu::GregorianCalendar *>(df.getCalendar());
    if (!greg)
        return true;
    std::unique_ptr<icu::GregorianCalendar> cal(greg->clone());
    UErrorCode st = U_ZERO_ERROR;
    if (!cal)
        return false;
    cal->setGregorianChange(U_DATE_MIN, st);
    if (U_FAILURE(st))
        return false;
    df.adoptCalendar(cal.release());
    return true;
}

icu::DateFormat *date_formatter(const gl_fmt_env *env, const gl_slot *s)
{
    std::string key(env->locale);
    key += '\x1f';
    key += (char)('0' + s->use);
    key += s->style;
    key += '\x1f';
    key += env->zone;
    auto it = tcache.dates.find(key);
    if (it != tcache.dates.end())
        return it->second.get();
    UErrorCode st = U_ZERO_ERROR;
    std::unique_ptr<icu::DateFormat> df(make_date(locale_of(env->locale), s, st));
    icu::TimeZone *zone = icu::TimeZone::createTimeZone(UnicodeString::fromUTF8(env->zone));
    if (U_FAILURE(st) || !df || !zone || !make_proleptic(*df)) { /* out of memory inside ICU */
        delete zone;
        return nullptr;
    }
    df->adoptTimeZone(zone); /* after the calendar, which brought its own */
    bound(tcache.dates);
    return tcache.dates.emplace(key, std::move(df)).first->second.get();
}

glocal_status format_number(const gl_fmt_env *env, const gl_slot *s, const gl_value *v,
                            gl_buf *out)
{
    bool money = v->kind == V_MONEY;
    bool currency_style = strcmp(s->style, "currency") == 0;
    bool money_skeleton = money && strncmp(s->style, "::", 2) == 0 &&
                          !skeleton_sets_unit(s->style + 2);
    if (money ? (*s->style && !currency_style && !money_skeleton) : currency_style)
        return GLOCAL_ERR_ARGUMENT;
    const icu::number::LocalizedNumberFormatter *lnf =
        number_formatter(env, s, money ? v->cur : nullptr);
    if (!lnf)
        return GLOCAL_ERR_FORMAT;
    UErrorCode st = U_ZERO_ERROR;
    icu::number::FormattedNumber fn;
    switch (v->kind) {
    case V_INT:
        fn = lnf->formatInt(v->i, st);
        break;
    case V_DOUBLE:
        fn = lnf->formatDouble(v->d, st);
        break;
    case V_DECIMAL:
    case V_MONEY:
        fn = lnf->formatDecimal(icu::StringPiece(v->s, (int32_t)v->slen), st);
        break;
    default:
        return GLOCAL_ERR_ARGUMENT;
    }
    if (U_FAILURE(st))
        return GLOCAL_ERR_FORMAT;
    UnicodeString u = fn.toString(st);
    if (U_FAILURE(st))
        return GLOCAL_ERR_FORMAT;
    append_utf8(out, u);
    return GLOCAL_OK;
}

constexpr int64_t kDayMs = 86400000;
const int64_t kFirstLocalMs = gl_days_from_civil(GL_DATE_FIRST_YEAR, 1, 1) * kDayMs;
const int64_t kEndLocalMs = gl_days_from_civil(GL_DATE_LAST_YEAR + 1, 1, 1) * kDayMs;

/* The instant's wall-clock time in zone, as milliseconds since 1970-01-01
 * local; false when its date in that zone lies outside the years dates are
 * written in.  Outside them ICU would clamp the instant (from about ±5.8
 * million years) and write years before 1 without an era. */
bool local_ms_in_range(const icu::TimeZone &zone, int64_t ms, int64_t *local)
{
    const int64_t kSlack = 2 * kDayMs; /* more than any zone's offset */
    if (ms < kFirstLocalMs - kSlack || ms >= kEndLocalMs + kSlack)
        return false;
    int32_t raw = 0, dst = 0;
    UErrorCode st = U_ZERO_ERROR;
    zone.getOffset((UDate)ms, false, raw, dst, st);
    *local = ms + raw + dst;
    return U_SUCCESS(st) && *local >= kFirstLocalMs && *local < kEndLocalMs;
}

bool date_in_range(const icu::DateFormat &df, int64_t ms)
{
    int64_t local;
    return local_ms_in_range(df.getTimeZone(), ms, &local);
}


glocal_status format_date(const gl_fmt_env *env, const gl_slot *s, const gl_value *v, gl_buf *out)
{
    icu::DateFormat *df = date_formatter(env, s);
    if (!df)
        return GLOCAL_ERR_FORMAT;
    if (!date_in_range(*df, v->i))
        return GLOCAL_ERR_ARGUMENT;
    UnicodeString u;
    df->format((UDate)v->i, u);
    append_utf8(out, u);
    return GLOCAL_OK;
}

/* A calendar day is written as its own date, whatever the reader's zone:
 * midnight UTC of that day, formatted in UTC.  Written plain, it is the
 * short date (a day has no time); a time or a number of it is refused. */
glocal_status format_day(const gl_fmt_env *env, const gl_slot *s, const gl_value *v,
                         gl_buf *out)
{
    if (s->use != USE_DATE && s->use != USE_PLAIN)
        return GLOCAL_ERR_ARGUMENT;
    gl_slot as_date = *s;
    if (s->use == USE_PLAIN) {
        as_date.use = USE_DATE;
        as_date.style = "short";
    }
    gl_fmt_env utc = *env;
    utc.zone = "UTC";
    gl_value instant = *v;
    instant.kind = V_DATE;
    instant.i = v->i * kDayMs;
    return format_date(&utc, &as_date, &instant, out);
}

} // namespace

extern "C" {

bool gl_skeleton_takes_money(const char *style)
{
    return strncmp(style, "::", 2) == 0 && !skeleton_sets_unit(style + 2);
}

glocal_status gl_format_value(const gl_fmt_env *env, const gl_slot *s, const gl_value *v,
                              gl_buf *out)
{
    try {
        if (v->kind == V_DAY)
            return format_day(env, s, v, out);
        if (v->kind == V_DATE) {
            if (s->use == USE_NUMBER)
                return GLOCAL_ERR_ARGUMENT;
            return format_date(env, s, v, out);
        }
        if (s->use == USE_DATE || s->use == USE_TIME || v->kind == V_TEXT)
            return GLOCAL_ERR_ARGUMENT;
        return format_number(env, s, v, out);
    } catch (const std::bad_alloc &) {
        return GLOCAL_ERR_NOMEM;
    }
}

glocal_status gl_day_of_instant(const char *zone, int64_t unix_ms, gl_value *out)
{
    try {
        auto it = tcache.zones.find(zone);
        if (it == tcache.zones.end()) {
            std::unique_ptr<icu::TimeZone> made(
                icu::TimeZone::createTimeZone(UnicodeString::fromUTF8(zone)));
            if (!made)
                return GLOCAL_ERR_FORMAT;
            bound(tcache.zones);
            it = tcache.zones.emplace(zone, std::move(made)).first;
        }
        const icu::TimeZone *tz = it->second.get();
        int64_t local;
        if (!local_ms_in_range(*tz, unix_ms, &local))
            return GLOCAL_ERR_ARGUMENT;
        int64_t days = local / kDayMs - (local % kDayMs < 0);
        *out = gl_value{};
        out->kind = V_DAY;
        out->i = days;
        return GLOCAL_OK;
    } catch (const std::bad_alloc &) {
        return GLOCAL_ERR_NOMEM;
    }
}

} /* extern "C" */
