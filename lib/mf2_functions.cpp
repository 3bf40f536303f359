/*
 * The MF2 functions (functions/) on ICU 72: :string, :number, :integer,
 * :percent, :currency, :offset (number skeletons, CLDR plural rules),
 * :date, :time, :datetime (skeletons through DateTimePatternGenerator),
 * glocal's :glocal:term, and the conformance suite's :test:* when the
 * runner asks.  Formatters are cached per thread, as icu_format.cpp does.
 */
#include <cmath>
#include <cstdio>
#include <cstring>
#include <memory>
#include <unordered_map>

#include <unicode/datefmt.h>
#include <unicode/gregocal.h>
#include <unicode/normalizer2.h>
#include <unicode/numberformatter.h>
#include <unicode/plurrule.h>
#include <unicode/timezone.h>

#include "icu_util.hpp"
#include "mf2_value.hpp"

using gl_icu::bound;
using gl_icu::locale_of;
using icu::UnicodeString;

namespace mf2 {

namespace {

/* ---- per-thread caches ---- */

struct ThreadCache {
    std::unordered_map<std::string, icu::number::LocalizedNumberFormatter> numbers;
    std::unordered_map<std::string, std::unique_ptr<icu::PluralRules>> plurals;
    std::unordered_map<std::string, std::unique_ptr<icu::DateFormat>> dates;
};
thread_local ThreadCache tcache;

const icu::number::LocalizedNumberFormatter *number_formatter(const char *locale,
                                                              const std::string &skeleton)
{
    std::string key(locale);
    key += '\x1f';
    key += skeleton;
    auto it = tcache.numbers.find(key);
    if (it != tcache.numbers.end())
        return &it->second;
    UErrorCode st = U_ZERO_ERROR;
    icu::number::LocalizedNumberFormatter lnf =
        icu::number::NumberFormatter::forSkeleton(UnicodeString::fromUTF8(skeleton), st)
            .locale(*locale ? locale_of(locale) : icu::Locale::getRoot());
    if (U_FAILURE(st))
        return nullptr;
    bound(tcache.numbers);
    return &tcache.numbers.emplace(key, std::move(lnf)).first->second;
}

const icu::PluralRules *plural_rules(const char *locale, bool ordinal)
{
    std::string key(locale);
    key += ordinal ? "\x1fo" : "\x1f" "c";
    auto it = tcache.plurals.find(key);
    if (it != tcache.plurals.end())
        return it->second.get();
    UErrorCode st = U_ZERO_ERROR;
    std::unique_ptr<icu::PluralRules> r(icu::PluralRules::forLocale(
        locale_of(locale), ordinal ? UPLURAL_TYPE_ORDINAL : UPLURAL_TYPE_CARDINAL, st));
    if (U_FAILURE(st) || !r)
        return nullptr;
    bound(tcache.plurals);
    return tcache.plurals.emplace(key, std::move(r)).first->second.get();
}

/* ---- operands ---- */

/* number-literal = ["-"] (0 / [1-9] *DIGIT) ["." 1*DIGIT] [e ["-"/"+"] 1*DIGIT] */
bool is_number_literal(const std::string &s)
{
    size_t i = 0, n = s.size();
    auto digits = [&]() {
        size_t start = i;
        while (i < n && s[i] >= '0' && s[i] <= '9')
            i++;
        return i - start;
    };
    if (i < n && s[i] == '-')
        i++;
    if (i < n && s[i] == '0')
        i++;
    else if (i >= n || s[i] < '1' || s[i] > '9' || !digits())
        return false;
    if (i < n && s[i] == '.' && (++i, !digits()))
        return false;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (i < n && (s[i] == '-' || s[i] == '+'))
            i++;
        if (!digits())
            return false;
    }
    return i == n;
}

bool is_digits(const std::string &s)
{
    if (s.empty() || s.size() > 9)
        return false;
    for (char c : s)
        if (c < '0' || c > '9')
            return false;
    return true;
}

std::string shortest(double d)
{
    char buf[40];
    for (int prec = 15; prec <= 17; prec++) {
        snprintf(buf, sizeof buf, "%.*g", prec, d);
        if (strtod(buf, nullptr) == d)
            break;
    }
    return buf;
}

/* An option value as text: a literal, text, or a number's digits. */
std::string option_text(const Value &v)
{
    switch (v.kind) {
    case Value::TEXT:
        return v.text;
    case Value::NUMBER:
        return v.num;
    case Value::TEST:
        return shortest(v.input);
    default:
        return std::string();
    }
}

Value bad(Context &cx, const char *name, size_t at, const std::string &message)
{
    cx.error(name, at, message);
    return Value();
}

Dir locale_dir(const Context &cx) { return cx.env->rtl ? Dir::RTL : Dir::LTR; }

/* ---- :number, :integer, :percent, :currency, :offset ---- */

struct OptionRule {
    const char *name;
    const char *values; /* space-separated, "#" a digit size option, "*" anything */
    const char *functions;
};

const OptionRule kNumberOptions[] = {
    {"minimumIntegerDigits", "#", "number integer percent currency"},
    {"minimumFractionDigits", "#", "number percent"},
    {"maximumFractionDigits", "#", "number percent"},
    {"minimumSignificantDigits", "#", "number integer percent"},
    {"maximumSignificantDigits", "#", "number integer percent"},
    {"signDisplay", "auto always exceptZero negative never", "number integer percent currency"},
    {"useGrouping", "auto always never min2", "number integer percent currency"},
    {"notation", "standard scientific engineering compact", "number percent"},
    {"compactDisplay", "short long", "number percent"},
    {"roundingPriority", "auto morePrecision lessPrecision", "number percent"},
    {"roundingIncrement", "1 2 5 10 20 25 50 100 200 250 500 1000 2000 2500 5000",
     "number percent currency"},
    {"roundingMode", "ceil floor expand trunc halfCeil halfFloor halfExpand halfTrunc halfEven",
     "number integer percent currency"},
    {"trailingZeroDisplay", "auto stripIfInteger", "number percent currency"},
    {"numberingSystem", "*", "number integer percent currency"},
    {"select", "plural ordinal exact", "number integer percent"},
    {"currency", "*", "currency"},
    {"currencyDisplay", "narrowSymbol symbol name code formalSymbol never", "currency"},
    {"currencySign", "accounting standard", "currency"},
    {"fractionDigits", "auto #", "currency"},
};

bool has_word(const char *list, const std::string &w)
{
    size_t n = w.size();
    for (const char *p = list; *p;) {
        const char *end = strchr(p, ' ');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (len == n && memcmp(p, w.data(), n) == 0)
            return true;
        if (!end)
            break;
        p = end + 1;
    }
    return false;
}

bool valid_value(const OptionRule &r, const std::string &v)
{
    if (strcmp(r.values, "*") == 0)
        return !v.empty();
    if (strcmp(r.name, "currency") == 0)
        return v.size() == 3 && isupper((unsigned char)v[0]) && isupper((unsigned char)v[1]) &&
               isupper((unsigned char)v[2]);
    return has_word(r.values, v) || (has_word(r.values, "#") && is_digits(v));
}

/* The function's own options over those its operand brought. */
void take_number_options(Context &cx, const char *fn, Value &v, const std::vector<Option> &opts,
                         size_t at)
{
    for (const Option &o : opts) {
        for (const OptionRule &r : kNumberOptions) {
            if (o.name != r.name || !has_word(r.functions, fn))
                continue;
            std::string s = option_text(o.value);
            if (!valid_value(r, s)) {
                cx.error("bad-option", at, o.name + " cannot be `" + s + "`");
            } else if (o.name == "select" && !o.literal) {
                cx.error("bad-option", at, "select must be set by a literal");
                v.select_bad = true;
            } else {
                v.set_opt(o.name, s);
            }
        }
    }
}

/* n truncated toward zero, as a decimal string. */
std::string truncated(const std::string &n)
{
    if (n.find_first_of(".eE") == std::string::npos)
        return n;
    long double d = strtold(n.c_str(), nullptr);
    char buf[64];
    snprintf(buf, sizeof buf, "%.0Lf", truncl(d));
    return strcmp(buf, "-0") == 0 ? "0" : buf;
}

std::string plus(const std::string &n, long long k)
{
    if (n.find_first_of(".eE") == std::string::npos && n.size() < 18)
        return std::to_string(std::stoll(n) + k);
    return shortest(strtod(n.c_str(), nullptr) + (double)k);
}

Value offset_of(Context &cx, Value v, const std::vector<Option> &opts, size_t at)
{
    const Option *add = nullptr, *sub = nullptr;
    for (const Option &o : opts) {
        if (o.name == "add")
            add = &o;
        else if (o.name == "subtract")
            sub = &o;
    }
    const Option *by = add ? add : sub;
    std::string s = by ? option_text(by->value) : std::string();
    if ((add != nullptr) == (sub != nullptr) || !is_digits(s))
        return bad(cx, "bad-option", at, ":offset takes one of add or subtract, a digit count");
    v.num = plus(v.num, add ? std::stoll(s) : -std::stoll(s));
    return v;
}

Value number_function(Context &cx, const char *fn, const Value *operand,
                      const std::vector<Option> &opts, size_t at)
{
    if (!operand)
        return bad(cx, "bad-operand", at, std::string(":") + fn + " needs an operand");
    Value v;
    v.kind = Value::NUMBER;
    if (operand->kind == Value::NUMBER) {
        v = *operand;
        bool inherits_select = v.opt("select") != nullptr;
        if (inherits_select && strcmp(fn, "offset") != 0 && strcmp(fn, "currency") != 0) {
            cx.error("bad-option", at, "select comes from the operand");
            v.select_bad = true;
        }
        if (v.money && strcmp(fn, "currency") != 0) {
            v.money = false;
            v.opts.clear();
        }
    } else if (operand->kind == Value::TEXT && is_number_literal(operand->text)) {
        v.num = operand->text;
    } else if (operand->kind == Value::TEST) {
        v.num = shortest(operand->input);
    } else {
        return bad(cx, "bad-operand", at, std::string(":") + fn + " needs a number");
    }
    v.kind = Value::NUMBER;
    v.fn = fn;
    v.dir = locale_dir(cx);
    v.isolate = false;
    if (strcmp(fn, "offset") == 0)
        return offset_of(cx, v, opts, at);
    take_number_options(cx, fn, v, opts, at);
    if (strcmp(fn, "integer") == 0)
        v.num = truncated(v.num);
    if (strcmp(fn, "currency") == 0 && !v.opt("currency"))
        return bad(cx, "bad-operand", at, ":currency needs a currency (option or money)");
    return v;
}

/* The skeleton of the digits: fraction, significant, integer width. */
std::string precision_skeleton(const Value &v)
{
    std::string sk;
    const std::string *minf = v.opt("minimumFractionDigits"), *maxf = v.opt("maximumFractionDigits");
    const std::string *mins = v.opt("minimumSignificantDigits"),
                      *maxs = v.opt("maximumSignificantDigits");
    const std::string *fd = v.opt("fractionDigits");
    bool integer = v.fn == "integer";
    if (mins || maxs) {
        int lo = mins ? std::stoi(*mins) : 1, hi = maxs ? std::stoi(*maxs) : std::max(lo, 21);
        lo = std::max(1, std::min(lo, 999));
        hi = std::max(lo, std::min(hi, 999));
        sk += std::string((size_t)lo, '@') + std::string((size_t)(hi - lo), '#');
    } else if (integer) {
        sk += "precision-integer";
    } else if (fd && *fd != "auto") {
        sk += "." + std::string((size_t)std::min(std::stoi(*fd), 999), '0');
    } else if (v.fn == "percent" && !minf && !maxf) {
        sk += "precision-integer"; /* percent's default: no fraction digits */
    } else if (minf || maxf) {
        int dflt = v.fn == "percent" ? 0 : 3;
        int lo = minf ? std::stoi(*minf) : 0;
        int hi = maxf ? std::stoi(*maxf) : std::max(lo, dflt);
        lo = std::min(lo, 999);
        hi = std::max(lo, std::min(hi, 999));
        sk += hi == 0 ? "precision-integer"
                      : "." + std::string((size_t)lo, '0') + std::string((size_t)(hi - lo), '#');
    }
    const std::string *tz = v.opt("trailingZeroDisplay");
    if (tz && *tz == "stripIfInteger" && !sk.empty() && sk[0] == '.')
        sk += "/w";
    if (const std::string *mi = v.opt("minimumIntegerDigits"))
        sk += " integer-width/*" + std::string((size_t)std::min(std::stoi(*mi), 999), '0');
    return sk;
}

const char *word_for(const std::string *v, const char *const (*table)[2], size_t n)
{
    for (size_t k = 0; v && k < n; k++)
        if (*v == table[k][0])
            return table[k][1];
    return nullptr;
}

const char *const kSign[][2] = {{"always", "sign-always"}, {"exceptZero", "sign-except-zero"},
                                {"negative", "sign-negative"}, {"never", "sign-never"}};
const char *const kGrouping[][2] = {{"always", "group-on-aligned"}, {"never", "group-off"},
                                    {"min2", "group-min2"}, {"auto", "group-auto"}};
const char *const kNotation[][2] = {{"scientific", "scientific"}, {"engineering", "engineering"}};
const char *const kRounding[][2] = {
    {"ceil", "rounding-mode-ceiling"},     {"floor", "rounding-mode-floor"},
    {"expand", "rounding-mode-up"},        {"trunc", "rounding-mode-down"},
    {"halfCeil", "rounding-mode-half-ceiling"}, {"halfFloor", "rounding-mode-half-floor"},
    {"halfExpand", "rounding-mode-half-up"},    {"halfTrunc", "rounding-mode-half-down"},
    {"halfEven", "rounding-mode-half-even"}};
const char *const kCurrencyDisplay[][2] = {
    {"narrowSymbol", "unit-width-narrow"}, {"name", "unit-width-full-name"},
    {"code", "unit-width-iso-code"},       {"formalSymbol", "unit-width-formal"},
    {"never", "unit-width-hidden"}};

void add_word(std::string &sk, const char *w)
{
    if (!w)
        return;
    if (!sk.empty())
        sk += ' ';
    sk += w;
}

std::string number_skeleton(const Value &v)
{
    std::string sk = precision_skeleton(v);
    if (v.fn == "percent")
        add_word(sk, "percent scale/100");
    if (const std::string *cur = v.opt("currency")) {
        add_word(sk, ("currency/" + *cur).c_str());
        add_word(sk, word_for(v.opt("currencyDisplay"), kCurrencyDisplay, 5));
        const std::string *cs = v.opt("currencySign");
        if (cs && *cs == "accounting")
            add_word(sk, "sign-accounting");
    }
    const std::string *notation = v.opt("notation");
    if (notation && *notation == "compact") {
        const std::string *cd = v.opt("compactDisplay");
        add_word(sk, cd && *cd == "long" ? "compact-long" : "compact-short");
    }
    add_word(sk, word_for(notation, kNotation, 2));
    add_word(sk, word_for(v.opt("signDisplay"), kSign, 4));
    const char *grouping = word_for(v.opt("useGrouping"), kGrouping, 4);
    /* money groups as glocal's MF1 currency style does (docs/bundles.md#numbers) */
    add_word(sk, grouping ? grouping : v.opt("currency") ? "group-on-aligned" : nullptr);
    add_word(sk, word_for(v.opt("roundingMode"), kRounding, 9));
    if (const std::string *ns = v.opt("numberingSystem"))
        add_word(sk, ("numbering-system/" + *ns).c_str());
    return sk;
}

bool format_number(Context &cx, const Value &v, const char *locale, const std::string &skeleton,
                   icu::number::FormattedNumber &fn, size_t at)
{
    const icu::number::LocalizedNumberFormatter *lnf = number_formatter(locale, skeleton);
    if (!lnf) {
        cx.error("bad-option", at, "ICU cannot format with `" + skeleton + "`");
        return false;
    }
    UErrorCode st = U_ZERO_ERROR;
    fn = lnf->formatDecimal(icu::StringPiece(v.num.data(), (int32_t)v.num.size()), st);
    if (U_FAILURE(st)) {
        cx.error("format-error", at, "ICU cannot format " + v.num);
        return false;
    }
    return true;
}

/* The serialization exact keys compare with (number.md): the digits in the
 * root locale, without grouping or sign options. */
std::string exact_of(const Value &v)
{
    std::string sk = precision_skeleton(v);
    add_word(sk, "group-off");
    if (v.fn == "percent")
        add_word(sk, "scale/100");
    const icu::number::LocalizedNumberFormatter *lnf = number_formatter("", sk);
    UErrorCode st = U_ZERO_ERROR;
    if (!lnf)
        return v.num;
    UnicodeString u = lnf->formatDecimal(icu::StringPiece(v.num.data(), (int32_t)v.num.size()), st)
                          .toString(st);
    return U_SUCCESS(st) ? gl_icu::utf8(u) : v.num;
}

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
    v.day = i == s.size();
    v.floating = true;
    if (!v.day) {
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

Value date_function(Context &cx, const char *fn, const Value *operand,
                    const std::vector<Option> &opts, size_t at)
{
    Value v;
    if (operand && operand->kind == Value::DATE) {
        v.ms = operand->ms;
        v.floating = operand->floating;
        v.day = operand->day;
    } else if (!operand || operand->kind != Value::TEXT || !parse_iso(operand->text, v)) {
        return bad(cx, "bad-operand", at, std::string(":") + fn + " needs a date");
    }
    v.kind = Value::DATE;
    v.fn = fn;
    v.dir = locale_dir(cx);
    for (const Option &o : opts)
        for (const OptionRule &r : kDateOptions) {
            if (o.name != r.name || !has_word(r.functions, fn))
                continue;
            std::string s = option_text(o.value);
            if (valid_value(r, s))
                v.set_opt(o.name, s);
            else
                cx.error("bad-option", at, o.name + " cannot be `" + s + "`");
        }
    return v;
}

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
    const std::string *fields = v.fn == "datetime" ? v.opt("dateFields") : v.opt("fields");
    bool custom_date = fields && *fields != "year-month-day";
    int d = -1, t = -1;
    if (v.fn.empty()) {
        d = icu::DateFormat::kShort; /* an unannotated date argument, as MF1's {d} */
        t = v.day ? -1 : icu::DateFormat::kShort;
    } else if (v.fn == "date" && !custom_date) {
        d = style(v.opt("length"), icu::DateFormat::kMedium);
    } else if (v.fn == "time" && !custom_time) {
        t = time_style(v.opt("precision"));
    } else if (v.fn == "datetime" && !custom_date && !custom_time) {
        d = style(v.opt("dateLength"), icu::DateFormat::kMedium);
        t = time_style(v.opt("timePrecision"));
    }
    if (d != -2 && t != -2 && (d != -1 || t != -1))
        return "L" + std::to_string(d) + "," + std::to_string(t);
    if (v.fn == "date")
        return "S" + date_skeleton(fields, v.opt("length"));
    if (v.fn == "time")
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

bool format_date(Context &cx, const Value &v, std::string &out, size_t at)
{
    const gl_fmt_env &env = cx.env->fmt;
    std::string zone = v.floating || v.day || !env.zone || !*env.zone ? "UTC" : env.zone;
    const std::string *tzopt = v.opt("timeZone");
    if (tzopt && *tzopt == "UTC")
        zone = "UTC";
    std::string how = date_format_key(v);
    std::string key = std::string(env.locale) + '\x1f' + how + '\x1f' + zone;
    auto it = tcache.dates.find(key);
    if (it == tcache.dates.end()) {
        UErrorCode st = U_ZERO_ERROR;
        std::unique_ptr<icu::DateFormat> df(make_date_format(how, locale_of(env.locale), st));
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
        bound(tcache.dates);
        it = tcache.dates.emplace(key, std::move(df)).first;
    }
    UnicodeString u;
    it->second->format((UDate)v.ms, u);
    out += gl_icu::utf8(u);
    return true;
}

/* ---- :test:function, :test:select, :test:format (the suite's README) ---- */

Value test_function(Context &cx, const char *fn, const Value *operand,
                    const std::vector<Option> &opts, size_t at)
{
    Value v;
    if (operand && operand->kind == Value::TEST) {
        v = *operand;
    } else if (operand && operand->kind == Value::NUMBER) {
        v.input = strtod(operand->num.c_str(), nullptr);
    } else if (operand && operand->kind == Value::TEXT && is_number_literal(operand->text)) {
        v.input = strtod(operand->text.c_str(), nullptr);
    } else {
        return bad(cx, "bad-operand", at, "the test functions need a number");
    }
    v.kind = Value::TEST;
    v.fn = fn;
    v.dir = locale_dir(cx);
    for (const Option &o : opts) {
        std::string s = option_text(o.value);
        if (o.name == "decimalPlaces") {
            if (s != "0" && s != "1")
                return bad(cx, "bad-option", at, "decimalPlaces is 0 or 1");
            v.places = s[0] - '0';
        } else if (o.name == "fails") {
            if (s == "always" || s == "format")
                v.fails_format = true;
            if (s == "always" || s == "select")
                v.fails_select = true;
            if (s != "always" && s != "format" && s != "select" && s != "never")
                cx.error("bad-option", at, "fails is never, select, format or always");
        }
    }
    return v;
}

std::string test_text(const Value &v)
{
    double a = std::fabs(v.input);
    std::string r = v.input < 0 ? "-" : "";
    char buf[40];
    snprintf(buf, sizeof buf, "%.0f", std::floor(a));
    r += buf;
    if (v.places == 1)
        r += "." + std::to_string((int)std::floor((a - std::floor(a)) * 10));
    return r;
}

/* ---- :string, :glocal:term ---- */

Value string_function(Context &cx, const Value *operand, size_t at)
{
    Value v;
    if (!operand || operand->kind == Value::DATE)
        return bad(cx, "bad-operand", at, ":string needs a text or a number");
    if (operand->kind == Value::FALLBACK)
        v.text = "{" + operand->fallback + "}";
    else
        v.text = operand->kind == Value::TEXT ? operand->text : option_text(*operand);
    v.from_argument = operand->from_argument;
    v.kind = Value::TEXT;
    v.fn = "string";
    return v;
}

Value term_function(Context &cx, const Value *operand, size_t at)
{
    if (!operand || operand->kind != Value::TEXT)
        return bad(cx, "bad-operand", at, ":glocal:term needs a term name, e.g. {|brand| :glocal:term}");
    gl_buf b = {};
    glocal_status st = cx.env->term(cx.env->ud, operand->text.c_str(), &b);
    Value v;
    if (st == GLOCAL_OK && !b.oom) {
        v.kind = Value::TEXT;
        v.text.assign(b.p ? b.p : "", b.len);
    }
    gl_buf_free(&b);
    if (v.kind != Value::TEXT)
        return bad(cx, st == GLOCAL_ERR_ARGUMENT ? "bad-operand" : "format-error", at,
                   "no term `" + operand->text + "`");
    return v;
}

bool is_test_function(const char *fn) { return strncmp(fn, "test:", 5) == 0; }

} // namespace

bool has_function(const Context &cx, const char *fn)
{
    static const char *const kBuiltin[] = {"string", "number",  "integer", "percent", "currency",
                                           "offset", "date",    "time",    "datetime"};
    for (const char *b : kBuiltin)
        if (strcmp(fn, b) == 0)
            return true;
    if (strcmp(fn, "glocal:term") == 0)
        return cx.env->term != nullptr;
    return cx.env->test_functions && (strcmp(fn, "test:function") == 0 ||
                                      strcmp(fn, "test:select") == 0 ||
                                      strcmp(fn, "test:format") == 0);
}

Value call_function(Context &cx, const char *fn, const Value *operand,
                    const std::vector<Option> &opts, size_t at)
{
    if (strcmp(fn, "string") == 0)
        return string_function(cx, operand, at);
    if (strcmp(fn, "glocal:term") == 0)
        return term_function(cx, operand, at);
    if (strcmp(fn, "date") == 0 || strcmp(fn, "time") == 0 || strcmp(fn, "datetime") == 0)
        return date_function(cx, fn, operand, opts, at);
    if (is_test_function(fn))
        return test_function(cx, fn, operand, opts, at);
    return number_function(cx, fn, operand, opts, at);
}

Value from_argument(const gl_value &g)
{
    Value v;
    switch (g.kind) {
    case V_TEXT:
    case V_CODE:
        v.kind = Value::TEXT;
        v.text.assign(g.s, g.slen);
        v.from_argument = true;
        break;
    case V_INT:
        v.kind = Value::NUMBER;
        v.num = std::to_string(g.i);
        break;
    case V_DOUBLE:
        v.kind = Value::NUMBER;
        v.num = shortest(g.d);
        break;
    case V_DECIMAL:
    case V_MONEY:
        v.kind = Value::NUMBER;
        v.num.assign(g.s, g.slen);
        v.money = g.kind == V_MONEY;
        if (v.money)
            v.opts.emplace_back("currency", std::string(g.cur, strnlen(g.cur, 4)));
        break;
    case V_DATE:
    case V_DAY:
        v.kind = Value::DATE;
        v.day = g.kind == V_DAY;
        v.ms = v.day ? g.i * 86400000 : g.i;
        break;
    }
    return v;
}

bool format_value(Context &cx, const Value &v, std::string &out, size_t at)
{
    switch (v.kind) {
    case Value::TEXT:
        out += v.text;
        return true;
    case Value::NUMBER: {
        icu::number::FormattedNumber fn;
        if (!format_number(cx, v, cx.env->fmt.locale, number_skeleton(v), fn, at))
            return false;
        UErrorCode st = U_ZERO_ERROR;
        out += gl_icu::utf8(fn.toString(st));
        return true;
    }
    case Value::DATE:
        return format_date(cx, v, out, at);
    case Value::TEST:
        if (v.fn == "test:select") {
            cx.error("not-formattable", at, ":test:select cannot format");
            return false;
        }
        if (v.fails_format) {
            cx.error("bad-option", at, "fails=format");
            return false;
        }
        out += test_text(v);
        return true;
    default:
        return false;
    }
}

bool can_select(const Value &v)
{
    if (v.kind == Value::TEST)
        return (v.fn == "test:function" || v.fn == "test:select") && !v.fails_select;
    if (v.kind == Value::TEXT)
        return v.fn == "string";
    return v.kind == Value::NUMBER && !v.select_bad &&
           (v.fn == "number" || v.fn == "integer" || v.fn == "percent" || v.fn == "offset");
}

bool match_key(Context &cx, const Value &v, const char *key, size_t at)
{
    if (v.kind == Value::TEST)
        return v.input == 1 && (strcmp(key, "1") == 0 || (v.places == 1 && strcmp(key, "1.0") == 0));
    if (v.kind == Value::TEXT) {
        UErrorCode st = U_ZERO_ERROR;
        const icu::Normalizer2 *nfc = icu::Normalizer2::getNFCInstance(st);
        UnicodeString n = nfc->normalize(UnicodeString::fromUTF8(v.text), st);
        return U_SUCCESS(st) && gl_icu::utf8(n) == key;
    }
    if (is_number_literal(key))
        return exact_of(v) == key;
    static const char *const kCategories = "zero one two few many other";
    if (!has_word(kCategories, key)) {
        cx.error("bad-variant-key", at, std::string("`") + key + "` is no number or plural category");
        return false;
    }
    const std::string *sel = v.opt("select");
    if (sel && *sel == "exact")
        return false;
    icu::number::FormattedNumber fn;
    if (!format_number(cx, v, cx.env->fmt.locale, number_skeleton(v), fn, at))
        return false;
    const icu::PluralRules *rules = plural_rules(cx.env->fmt.locale, sel && *sel == "ordinal");
    UErrorCode st = U_ZERO_ERROR;
    UnicodeString cat = rules ? rules->select(fn, st) : UnicodeString(u"other");
    return U_SUCCESS(st) && gl_icu::utf8(cat) == key;
}

bool better_key(const Value &v, const char *a, const char *b)
{
    if (v.kind == Value::TEST)
        return strcmp(a, "1.0") == 0 && strcmp(b, "1.0") != 0;
    return v.kind == Value::NUMBER && is_number_literal(a) && !is_number_literal(b);
}

} // namespace mf2
