/*
 * MF2's numeric functions on ICU 72 (functions/number.md): :number,
 * :integer, :percent, :currency, :offset as number skeletons, selection with
 * CLDR plural rules.  Formatters are cached per thread, as icu_format.cpp does.
 */
#include <cmath>
#include <cstdio>
#include <cstring>
#include <memory>
#include <unordered_map>

#include <unicode/numberformatter.h>
#include <unicode/plurrule.h>

#include "icu_util.hpp"
#include "mf2_value.hpp"

using gl_icu::bound;
using gl_icu::locale_of;
using icu::UnicodeString;

namespace mf2 {

namespace {

/* ---- per-thread caches (icu_util.hpp) ---- */

using Formatter = icu::number::LocalizedNumberFormatter;

/* The formatter the last number was formatted with, and what chose it: a
 * number's skeleton depends on its function and options only, and a
 * message formats the same expression call after call, so the skeleton is
 * built only when they change. */
struct Recent {
    Fn fn = Fn::NONE;
    std::vector<std::pair<std::string, std::string>> opts;
    std::string locale;
    const Formatter *lnf = nullptr; /* nullptr: none */
};

/* One thread_local, so that a call looks the thread's storage up once. */
struct ThreadCache {
    std::unordered_map<std::string, Formatter> numbers;
    std::unordered_map<std::string, std::unique_ptr<icu::PluralRules>> plurals;
    /* the last formatter and rules asked for, found without building a key */
    std::string last_locale, last_skeleton;
    const Formatter *last = nullptr;
    std::string rules_locale;
    bool rules_ordinal = false;
    const icu::PluralRules *rules = nullptr;
    Recent recent;
    std::string skeleton; /* built here: most outgrow a short string's own room */
};
thread_local ThreadCache tcache;

const Formatter *number_formatter(const char *locale, const std::string &skeleton)
{
    ThreadCache &tc = tcache;
    if (tc.last && tc.last_skeleton == skeleton && !strcmp(tc.last_locale.c_str(), locale))
        return tc.last;
    std::string key(locale);
    key += '\x1f';
    key += skeleton;
    auto it = tc.numbers.find(key);
    if (it == tc.numbers.end()) {
        UErrorCode st = U_ZERO_ERROR;
        Formatter lnf =
            icu::number::NumberFormatter::forSkeleton(UnicodeString::fromUTF8(skeleton), st)
                .locale(*locale ? locale_of(locale) : icu::Locale::getRoot());
        if (U_FAILURE(st))
            return nullptr;
        bound(tc.numbers); /* may drop what `last` and `recent` point to, with the rest */
        tc.recent.lnf = nullptr;
        it = tc.numbers.emplace(key, std::move(lnf)).first;
    }
    tc.last_locale = locale;
    tc.last_skeleton = skeleton;
    return tc.last = &it->second;
}

const icu::PluralRules *plural_rules(const char *locale, bool ordinal)
{
    ThreadCache &tc = tcache;
    if (tc.rules && tc.rules_ordinal == ordinal && !strcmp(tc.rules_locale.c_str(), locale))
        return tc.rules;
    std::string key(locale);
    key += ordinal ? "\x1fo" : "\x1f" "c";
    auto it = tc.plurals.find(key);
    if (it == tc.plurals.end()) {
        UErrorCode st = U_ZERO_ERROR;
        std::unique_ptr<icu::PluralRules> r(icu::PluralRules::forLocale(
            locale_of(locale), ordinal ? UPLURAL_TYPE_ORDINAL : UPLURAL_TYPE_CARDINAL, st));
        if (U_FAILURE(st) || !r)
            return nullptr;
        bound(tc.plurals);
        it = tc.plurals.emplace(key, std::move(r)).first;
    }
    tc.rules_locale = locale;
    tc.rules_ordinal = ordinal;
    return tc.rules = it->second.get();
}

/* ---- options ---- */

const OptionRule kNumberOptions[] = {
    {"minimumIntegerDigits", "#", "number integer percent currency"},
    {"minimumFractionDigits", "#", "number percent"},
    {"maximumFractionDigits", "#", "number percent"},
    {"minimumSignificantDigits", "#", "number percent"},
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
    {"glocal:skeleton", "*", "number"}, /* an MF1 skeleton or pattern: mf2_mf1.cpp */
    {"glocal:pattern", "*", "number"},
};

void take_number_options(Context &cx, Fn fn, Value &v, const std::vector<Option> &opts,
                         size_t at)
{
    for (const Option &o : opts) {
        for (const OptionRule &r : kNumberOptions) {
            if (o.name != r.name || !has_word(r.functions, function_name(fn)))
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

/* Options an operand brings that the function does not take from it
 * (number.md: :integer's and :percent's lists). */
void drop_operand_options(Fn fn, Value &v)
{
    const char *dropped = fn == Fn::INTEGER ? "minimumFractionDigits maximumFractionDigits "
                                              "minimumSignificantDigits"
                          : fn == Fn::PERCENT ? "minimumIntegerDigits roundingIncrement select"
                                              : "";
    for (auto it = v.opts.begin(); it != v.opts.end();)
        it = has_word(dropped, it->first) ? v.opts.erase(it) : it + 1;
    if (fn == Fn::PERCENT)
        v.select_bad = false;
}


std::string plus(const std::string &n, long long k)
{
    if (n.find_first_of(".eE") == std::string::npos && n.size() < 18)
        return std::to_string(std::stoll(n) + k);
    return shortest(strtod(n.c_str(), nullptr) + (double)k);
}

/* :offset on v; false after reporting an error. */
bool offset_of(Context &cx, Value &v, const std::vector<Option> &opts, size_t at)
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
    if ((add != nullptr) == (sub != nullptr) || !is_digits(s)) {
        cx.error("bad-option", at, ":offset takes one of add or subtract, a digit count");
        return false;
    }
    v.num = plus(v.num, add ? std::stoll(s) : -std::stoll(s));
    return true;
}


/* Appends the skeleton of the digits: fraction, significant, integer width. */
void precision_skeleton(const Value &v, std::string &sk)
{
    const std::string *minf = v.opt("minimumFractionDigits");
    const std::string *maxf = v.opt("maximumFractionDigits");
    const std::string *mins = v.opt("minimumSignificantDigits"),
                      *maxs = v.opt("maximumSignificantDigits");
    const std::string *fd = v.opt("fractionDigits");
    bool integer = v.fn == Fn::INTEGER;
    if (mins || maxs) {
        int lo = mins ? std::stoi(*mins) : 1, hi = maxs ? std::stoi(*maxs) : std::max(lo, 21);
        lo = std::max(1, std::min(lo, 999));
        hi = std::max(lo, std::min(hi, 999));
        sk += std::string((size_t)lo, '@') + std::string((size_t)(hi - lo), '#');
    } else if (integer) {
        sk += "precision-integer";
    } else if (fd && *fd != "auto") {
        sk += "." + std::string((size_t)std::min(std::stoi(*fd), 999), '0');
    } else if (v.fn == Fn::PERCENT && !minf && !maxf) {
        sk += "precision-integer"; /* percent's default: no fraction digits */
    } else if (minf || maxf) {
        int dflt = v.fn == Fn::PERCENT ? 0 : 3;
        int lo = minf ? std::stoi(*minf) : 0;
        int hi = maxf ? std::stoi(*maxf) : std::max(lo, dflt);
        lo = std::min(lo, 999);
        hi = std::max(lo, std::min(hi, 999));
        sk += hi == 0 ? "precision-integer"
                      : "." + std::string((size_t)lo, '0') + std::string((size_t)(hi - lo), '#');
    } else if (!v.opt("currency")) {
        sk += ".###"; /* at most three fraction digits, as MF1's {n, number} and Intl write */
    }
    const std::string *tz = v.opt("trailingZeroDisplay");
    if (tz && *tz == "stripIfInteger" && !sk.empty() && sk[0] == '.')
        sk += "/w";
    if (const std::string *mi = v.opt("minimumIntegerDigits"))
        sk += " integer-width/*" + std::string((size_t)std::min(std::stoi(*mi), 999), '0');
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
/* `auto`, the default, groups as every number glocal writes: from the first
 * grouping size, not after CLDR's minimum grouping digits (pl "1 234,5", as
 * MF1 writes it; docs/bundles.md#numbers) */
const char *const kGrouping[][2] = {{"always", "group-on-aligned"}, {"never", "group-off"},
                                    {"min2", "group-min2"}, {"auto", "group-on-aligned"}};
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

/* v's number written by the root-locale formatter of skeleton sk: plain
 * digits for selection keys; v's own digits when ICU cannot. */
std::string plain_digits(const Value &v, const std::string &sk)
{
    const Formatter *lnf = number_formatter("", sk);
    UErrorCode st = U_ZERO_ERROR;
    if (!lnf)
        return v.num;
    UnicodeString u = lnf->formatDecimal(icu::StringPiece(v.num.data(), (int32_t)v.num.size()), st)
                          .toString(st);
    return U_SUCCESS(st) ? gl_icu::utf8(u) : v.num;
}

/* The integer an :integer holds: v rounded as ICU rounds it for MF1's
 * `{n, number, integer}` (half-even, or the expression's roundingMode), so
 * that `-0.5` stays `-0` as MF1 writes it. */
std::string rounded_to_integer(const Value &v)
{
    if (v.num.find_first_of(".eE") == std::string::npos)
        return v.num;
    std::string sk = "precision-integer group-off";
    add_word(sk, word_for(v.opt("roundingMode"), kRounding, 9));
    return plain_digits(v, sk);
}

/* Writes v's skeleton into sk (cleared first). */
void number_skeleton(const Value &v, std::string &sk)
{
    sk.clear();
    precision_skeleton(v, sk);
    if (v.fn == Fn::PERCENT)
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
    add_word(sk, grouping ? grouping : "group-on-aligned");
    add_word(sk, word_for(v.opt("roundingMode"), kRounding, 9));
    if (const std::string *ns = v.opt("numberingSystem"))
        add_word(sk, ("numbering-system/" + *ns).c_str());
}

/* The formatter for v in locale: the last one when v has the last number's
 * function and options (Recent). */
const Formatter *formatter_for(Context &cx, const Value &v, const char *locale, size_t at)
{
    ThreadCache &tc = tcache;
    Recent &r = tc.recent;
    if (r.lnf && r.fn == v.fn && r.opts == v.opts && !strcmp(r.locale.c_str(), locale))
        return r.lnf;
    number_skeleton(v, tc.skeleton);
    const Formatter *lnf = number_formatter(locale, tc.skeleton);
    if (!lnf) {
        cx.error("bad-option", at, "ICU cannot format with `" + tc.skeleton + "`");
        return nullptr;
    }
    r.fn = v.fn;
    r.opts = v.opts;
    r.locale = locale;
    return r.lnf = lnf;
}

/* Whether s is an integer formatInt takes as it is (at most 18 digits, not
 * "-0", whose sign a decimal keeps), into n. */
bool as_int(const std::string &s, int64_t &n)
{
    size_t k = s.size() > 0 && s[0] == '-';
    if (s.size() - k == 0 || s.size() - k > 18 || s == "-0")
        return false;
    int64_t r = 0;
    for (size_t j = k; j < s.size(); j++) {
        if (s[j] < '0' || s[j] > '9')
            return false;
        r = r * 10 + (s[j] - '0');
    }
    n = k ? -r : r;
    return true;
}

bool format_icu(Context &cx, const Value &v, const Formatter *lnf,
                icu::number::FormattedNumber &fn, size_t at)
{
    UErrorCode st = U_ZERO_ERROR;
    /* most numbers are integers: formatInt skips parsing the decimal */
    int64_t n;
    fn = as_int(v.num, n)
             ? lnf->formatInt(n, st)
             : lnf->formatDecimal(icu::StringPiece(v.num.data(), (int32_t)v.num.size()), st);
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
    std::string sk;
    precision_skeleton(v, sk);
    add_word(sk, "group-off");
    if (v.fn == Fn::PERCENT)
        add_word(sk, "scale/100");
    return plain_digits(v, sk);
}

/* CLDR's plural keywords are ASCII: copied as they are, without a UTF-8 conversion. */
void put_keyword(const UnicodeString &u, std::string &out)
{
    out.clear();
    for (int32_t k = 0; k < u.length(); k++)
        out += (char)u.charAt(k);
}

/* Formats v once: its text, and its category when asked (select). */
bool work_out(Context &cx, const Value &v, bool ordinal, size_t at)
{
    const char *locale = v.locale_or(cx.env->fmt.locale);
    const Formatter *lnf = formatter_for(cx, v, locale, at);
    icu::number::FormattedNumber fn;
    if (!lnf || !format_icu(cx, v, lnf, fn, at))
        return false;
    UErrorCode st = U_ZERO_ERROR;
    v.shown.clear();
    fn.toTempString(st).toUTF8String(v.shown);
    v.has_shown = U_SUCCESS(st);
    const icu::PluralRules *rules = plural_rules(locale, ordinal);
    if (rules)
        put_keyword(rules->select(fn, st), v.category);
    else
        v.category = "other";
    v.has_category = U_SUCCESS(st);
    if (U_FAILURE(st))
        cx.error("format-error", at, "ICU cannot format " + v.num);
    return U_SUCCESS(st);
}

/* Makes v (a new Value) the number fn makes of operand; false after
 * reporting an error. */
bool make_number(Context &cx, Fn fn, const Value *operand, const std::vector<Option> &opts,
                 size_t at, Value &v)
{
    if (!operand) {
        cx.error("bad-operand", at, std::string(":") + function_name(fn) + " needs an operand");
        return false;
    }
    v.kind = Value::NUMBER;
    std::string money_code; /* an argument's money, given to a function other than :currency */
    if (operand->kind == Value::NUMBER) {
        /* what a number carries to the next function: its value and options */
        v.num = operand->num;
        v.opts = operand->opts;
        v.money = operand->money;
        v.select_bad = operand->select_bad;
        v.locale = operand->locale;
        drop_operand_options(fn, v);
        bool inherits_select = v.opt("select") != nullptr;
        if (inherits_select && fn != Fn::OFFSET && fn != Fn::CURRENCY) {
            cx.error("bad-option", at, "select comes from the operand");
            v.select_bad = true;
        }
        if (v.money && fn != Fn::CURRENCY) {
            v.money = false;
            money_code = *v.opt("currency");
            v.opts.clear();
        }
    } else if (operand->kind == Value::TEXT && is_number_literal(operand->text)) {
        v.num = operand->text;
    } else if (operand->kind == Value::TEST) {
        v.num = shortest(operand->input);
    } else {
        cx.error("bad-operand", at, std::string(":") + function_name(fn) + " needs a number");
        return false;
    }
    v.kind = Value::NUMBER;
    v.fn = fn;
    v.dir = locale_dir(cx);
    v.isolate = false;
    if (fn == Fn::OFFSET)
        return offset_of(cx, v, opts, at);
    take_number_options(cx, fn, v, opts, at);
    if (!money_code.empty() && wants_mf1(v)) {
        /* MF1 writes money in a unit-less skeleton in its own currency (mf2_mf1.cpp) */
        v.money = true;
        v.opts.emplace_back("currency", money_code);
    }
    if (fn == Fn::INTEGER)
        v.num = rounded_to_integer(v);
    if (fn == Fn::CURRENCY && !v.opt("currency")) {
        cx.error("bad-operand", at, ":currency needs a currency (option or money)");
        return false;
    }
    return true;
}

} // namespace

/* One return of one named value: the result is built where the caller
 * wants it (a Value is large to move). */
Value number_function(Context &cx, Fn fn, const Value *operand,
                      const std::vector<Option> &opts, size_t at)
{
    Value v;
    if (!make_number(cx, fn, operand, opts, at, v))
        v = Value(); /* a FALLBACK: the error is reported */
    return v;
}

const std::string *format_number(Context &cx, const Value &v, size_t at)
{
    const std::string *sel = v.opt("select");
    if (!v.has_shown && !work_out(cx, v, sel && *sel == "ordinal", at))
        return nullptr;
    return &v.shown;
}

/* Number selection (number.md): exact keys by their serialization, then the
 * plural or ordinal category of the number as formatted. */
bool match_number(Context &cx, const Value &v, const char *key, size_t at)
{
    if (is_number_literal(key)) {
        if (!v.has_exact) {
            v.exact = exact_of(v);
            v.has_exact = true;
        }
        return v.exact == key;
    }
    static const char *const kCategories = "zero one two few many other";
    if (!has_word(kCategories, key)) {
        cx.error("bad-variant-key", at,
                 std::string("`") + key + "` is no number or plural category");
        return false;
    }
    const std::string *sel = v.opt("select");
    if (sel && *sel == "exact")
        return false;
    if (!v.has_category && !work_out(cx, v, sel && *sel == "ordinal", at))
        return false;
    return v.category == key;
}

} // namespace mf2
