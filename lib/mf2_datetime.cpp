/*
 * MF2's date and time functions on ICU 72 (functions/datetime.md, Draft):
 * :date, :time, :datetime with CLDR's lengths, or skeletons through
 * DateTimePatternGenerator; cached per thread, as icu_format.cpp does.
 */
#include <cstdio>
#include <cstring>
#include <memory>
#include <unordered_map>

#include <unicode/datefmt.h>
#include <unicode/gregocal.h>
#include <unicode/timezone.h>

#include "icu_util.hpp"
#include "mf2_value.hpp"

using gl_icu::bound;
using gl_icu::locale_of;
using icu::UnicodeString;

namespace mf2 {

namespace {

thread_local std::unordered_map<std::string, std::unique_ptr<icu::DateFormat>> tdates;

/* ---- :date, :time, :datetime ---- */

/* YYYY-MM-DD[THH:MM[:SS[.fff]][Z|±HH:MM]] into v (ms, floating, day). */
bool parse_iso(const std::string &s, Value &v)
{
    int y, mo, d, h = 0, mi = 0, sec = 0, used = 0;
    if (sscanf(s.c_str(), "%4d-%2d-%2d%n", &y, &mo, &d, &used) != 3 || used != 10)
        return false;
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || y < 1)
        return false;
    int64_t ms = gl_days_from_civil(y, mo, d) * 86400000;
    size_t i = 10;
    /* a date alone is its midnight, floating (the suite gives one to :datetime);
     * only a `day` argument is a day without time */
    v.floating = true;
    if (i != s.size()) {
        int n2 = 0;
        if (s[i] != 'T' || sscanf(s.c_str() + i, "T%2d:%2d%n", &h, &mi, &n2) != 2 || n2 != 6)
            return false;
        i += 6;
        if (i < s.size() && s[i] == ':' && sscanf(s.c_str() + i, ":%2d%n", &sec, &n2) == 1 &&
            n2 == 3)
            i += 3;
        if (i < s.size() && s[i] == '.') {
            int frac = 0;
            while (++i < s.size() && isdigit((unsigned char)s[i]))
                frac++;
            if (!frac)
                return false;
        }
        if (h > 23 || mi > 59 || sec > 60)
            return false;
        ms += ((int64_t)h * 3600 + mi * 60 + sec) * 1000;
        if (i < s.size() && (s[i] == 'Z' || s[i] == '+' || s[i] == '-')) {
            int oh = 0, om = 0;
            if (s[i] != 'Z' && sscanf(s.c_str() + i + 1, "%2d:%2d", &oh, &om) != 2)
                return false;
            int sign = s[i] == '-' ? 1 : -1;
            ms += sign * ((int64_t)oh * 3600 + om * 60) * 1000;
            i = s[i] == 'Z' ? i + 1 : i + 6;
            v.floating = false;
        }
        if (i != s.size())
            return false;
    }
    v.ms = ms;
    return true;
}

const char *const kDateFields[][2] = {
    {"weekday", "EEEE"},          {"day-weekday", "dEEEE"},
    {"month-day", "MMMMd"},       {"month-day-weekday", "MMMMdEEEE"},
    {"year-month-day", "yMMMMd"}, {"year-month-day-weekday", "yMMMMdEEEE"}};

const OptionRule kDateOptions[] = {
    {"fields", "weekday day-weekday month-day month-day-weekday year-month-day "
               "year-month-day-weekday", "date"},
    {"length", "long medium short", "date"},
    {"precision", "hour minute second", "time"},
    {"dateFields", "weekday day-weekday month-day month-day-weekday year-month-day "
                   "year-month-day-weekday", "datetime"},
    {"dateLength", "long medium short", "datetime"},
    {"timePrecision", "hour minute second", "datetime"},
    {"timeZoneStyle", "long short", "time datetime"},
    {"hour12", "true false", "time datetime"},
    {"calendar", "*", "date time datetime"},
    {"timeZone", "*", "date time datetime"},
    {"glocal:skeleton", "*", "date time"}, /* an MF1 skeleton or pattern: mf2_mf1.cpp */
    {"glocal:pattern", "*", "date time"},
};

/* The date part of a skeleton: fields shortened by length (long: as
 * written, medium: abbreviated month, short: numeric). */
std::string date_skeleton(const std::string *fields, const std::string *length)
{
    std::string sk = "yMMMMd";
    for (auto &f : kDateFields)
        if (fields && *fields == f[0])
            sk = f[1];
    std::string len = length ? *length : "medium";
    std::string r;
    for (char c : sk) {
        if (c == 'M' && len != "long") {
            if (r.find('M') == std::string::npos)
                r += len == "short" ? "M" : "MMM";
        } else if (c == 'E' && len != "long") {
            if (r.find('E') == std::string::npos)
                r += "EEE";
        } else {
            r += c == 'y' && len == "short" ? "yy" : std::string(1, c);
        }
    }
    return r;
}

std::string time_skeleton(const Value &v, const std::string *precision)
{
    const std::string *h12 = v.opt("hour12");
    std::string sk = h12 ? (*h12 == "true" ? "h" : "H") : "j";
    std::string p = precision ? *precision : "minute";
    if (p != "hour")
        sk += "mm";
    if (p == "second")
        sk += "ss";
    if (const std::string *tz = v.opt("timeZoneStyle"))
        sk += *tz == "long" ? "zzzz" : "z";
    return sk;
}

} // namespace

Value date_function(Context &cx, Fn fn, const Value *operand,
                    const std::vector<Option> &opts, size_t at)
{
    Value v;
    if (operand && operand->kind == Value::DATE) {
        v.ms = operand->ms;
        v.floating = operand->floating;
        v.day = operand->day;
    } else if (!operand || operand->kind != Value::TEXT || !parse_iso(operand->text, v)) {
        return bad(cx, "bad-operand", at, std::string(":") + function_name(fn) + " needs a date");
    }
    if (v.day && fn != Fn::DATE) /* a calendar day has no time, as in MF1 */
        return bad(cx, "bad-operand", at, std::string(":") + function_name(fn) +
                                              " needs a time, and a day has none");
    v.kind = Value::DATE;
    v.fn = fn;
    v.dir = locale_dir(cx);
    for (const Option &o : opts)
        for (const OptionRule &r : kDateOptions) {
            if (o.name != r.name || !has_word(r.functions, function_name(fn)))
                continue;
            std::string s = option_text(o.value);
            if (valid_value(r, s))
                v.set_opt(o.name, s);
            else
                cx.error("bad-option", at, o.name + " cannot be `" + s + "`");
        }
    return v;
}

namespace {

/* How a date value is written: CLDR's own date and time lengths when the
 * options ask for nothing else (so `:date length=medium` writes what MF1's
 * `{d, date, medium}` writes), else a skeleton.  As a cache key: "S" and
 * the skeleton, or "L" and the two lengths (ICU's EStyle, -1 none). */
std::string date_format_key(const Value &v)
{
    auto style = [](const std::string *len, int dflt) {
        return !len ? dflt : *len == "long" ? (int)icu::DateFormat::kLong
                           : *len == "short" ? (int)icu::DateFormat::kShort
                                             : (int)icu::DateFormat::kMedium;
    };
    auto time_style = [](const std::string *prec) {
        return !prec || *prec == "minute" ? (int)icu::DateFormat::kShort
               : *prec == "second"        ? (int)icu::DateFormat::kMedium
                                          : -2; /* hour: no CLDR length */
    };
    bool custom_time = v.opt("hour12") || v.opt("timeZoneStyle");
    const std::string *fields = v.fn == Fn::DATETIME ? v.opt("dateFields") : v.opt("fields");
    bool custom_date = fields && *fields != "year-month-day";
    int d = -1, t = -1;
    /* MF1's full and long styles, as the converter writes them (docs/mf2.md) */
    const std::string *len = v.opt("length"), *prec = v.opt("precision"),
                      *zone = v.opt("timeZoneStyle");
    if (v.fn == Fn::DATE && fields && *fields == "year-month-day-weekday" && len &&
        *len == "long")
        return "L" + std::to_string((int)icu::DateFormat::kFull) + ",-1";
    if (v.fn == Fn::TIME && !v.opt("hour12") && zone && prec && *prec == "second")
        return "L-1," + std::to_string((int)(*zone == "long" ? icu::DateFormat::kFull
                                                             : icu::DateFormat::kLong));
    if (v.fn == Fn::NONE) {
        d = icu::DateFormat::kShort; /* an unannotated date argument, as MF1's {d} */
        t = v.day ? -1 : icu::DateFormat::kShort;
    } else if (v.fn == Fn::DATE && !custom_date) {
        d = style(v.opt("length"), icu::DateFormat::kMedium);
    } else if (v.fn == Fn::TIME && !custom_time) {
        t = time_style(v.opt("precision"));
    } else if (v.fn == Fn::DATETIME && !custom_date && !custom_time) {
        d = style(v.opt("dateLength"), icu::DateFormat::kMedium);
        t = time_style(v.opt("timePrecision"));
    }
    if (d != -2 && t != -2 && (d != -1 || t != -1))
        return "L" + std::to_string(d) + "," + std::to_string(t);
    if (v.fn == Fn::DATE)
        return "S" + date_skeleton(fields, v.opt("length"));
    if (v.fn == Fn::TIME)
        return "S" + time_skeleton(v, v.opt("precision"));
    return "S" + date_skeleton(fields, v.opt("dateLength")) +
           time_skeleton(v, v.opt("timePrecision"));
}

icu::DateFormat *make_date_format(const std::string &key, const icu::Locale &loc, UErrorCode &st)
{
    if (key[0] == 'S')
        return icu::DateFormat::createInstanceForSkeleton(UnicodeString::fromUTF8(key.c_str() + 1),
                                                          loc, st);
    int d = -1, t = -1;
    sscanf(key.c_str() + 1, "%d,%d", &d, &t);
    return icu::DateFormat::createDateTimeInstance((icu::DateFormat::EStyle)d,
                                                   (icu::DateFormat::EStyle)t, loc);
}

} // namespace

bool format_date(Context &cx, const Value &v, std::string &out, size_t at)
{
    const gl_fmt_env &env = cx.env->fmt;
    std::string zone = v.floating || v.day || !env.zone || !*env.zone ? "UTC" : env.zone;
    const std::string *tzopt = v.opt("timeZone");
    if (tzopt && *tzopt == "UTC")
        zone = "UTC";
    std::string how = date_format_key(v);
    const char *locale = v.locale_or(env.locale);
    std::string key = std::string(locale) + '\x1f' + how + '\x1f' + zone;
    auto it = tdates.find(key);
    if (it == tdates.end()) {
        UErrorCode st = U_ZERO_ERROR;
        std::unique_ptr<icu::DateFormat> df(make_date_format(how, locale_of(locale), st));
        if (U_FAILURE(st) || !df) {
            cx.error("format-error", at, "ICU cannot format dates as " + how);
            return false;
        }
        if (auto *greg = dynamic_cast<const icu::GregorianCalendar *>(df->getCalendar())) {
            std::unique_ptr<icu::GregorianCalendar> cal(greg->clone());
            cal->setGregorianChange(U_DATE_MIN, st); /* proleptic, as icu_format.cpp */
            df->adoptCalendar(cal.release());
        }
        df->adoptTimeZone(icu::TimeZone::createTimeZone(UnicodeString::fromUTF8(zone)));
        bound(tdates);
        it = tdates.emplace(key, std::move(df)).first;
    }
    UnicodeString u;
    it->second->format((UDate)v.ms, u);
    out += gl_icu::utf8(u);
    return true;
}

} // namespace mf2
