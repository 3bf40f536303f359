/*
 * The MF2 function registry (functions/): which functions exist, the
 * helpers their handlers share, :string, glocal's :glocal:term, and the
 * conformance suite's :test:* (only when the runner asks: gl_mf2_env).
 * The numeric functions are in mf2_number.cpp, dates in mf2_datetime.cpp.
 */
#include <cmath>
#include <cstdio>
#include <cstring>

#include <unicode/normalizer2.h>

#include "icu_util.hpp"
#include "mf2_value.hpp"

using icu::UnicodeString;

namespace mf2 {

/* ---- shared by the handlers ---- */

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
namespace {

/* ---- :test:function, :test:select, :test:format (the suite's README) ---- */

Value test_function(Context &cx, Fn fn, const Value *operand,
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
    v.fn = Fn::STRING;
    return v;
}

Value term_function(Context &cx, const Value *operand, size_t at)
{
    if (!operand || operand->kind != Value::TEXT)
        return bad(cx, "bad-operand", at,
                   ":glocal:term needs a term name, e.g. {|brand| :glocal:term}");
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

} // namespace

/* Names as the spec writes them, in Fn's order. */
const char *const kFunctionNames[] = {
    "",         "string", "number",      "integer",       "percent",     "currency",
    "offset",   "date",   "time",        "datetime",      "glocal:term", "test:function",
    "test:select", "test:format",
};

const char *function_name(Fn fn) { return kFunctionNames[(int)fn]; }

Fn function_named(const Context &cx, const char *name)
{
    size_t n = sizeof kFunctionNames / sizeof *kFunctionNames;
    for (size_t k = 1; k < n; k++) {
        if (strcmp(name, kFunctionNames[k]) != 0)
            continue;
        Fn fn = (Fn)k;
        if (fn == Fn::TERM && !cx.env->term)
            return Fn::NONE;
        if (fn >= Fn::TEST_FUNCTION && !cx.env->test_functions)
            return Fn::NONE;
        return fn;
    }
    return Fn::NONE;
}

extern "C" bool gl_mf2_function_known(const char *name)
{
    for (int k = 1; k < (int)Fn::TEST_FUNCTION; k++)
        if (strcmp(name, kFunctionNames[k]) == 0)
            return true;
    return false;
}

Value call_function(Context &cx, Fn fn, const Value *operand, const std::vector<Option> &opts,
                    size_t at)
{
    switch (fn) {
    case Fn::STRING:
        return string_function(cx, operand, at);
    case Fn::TERM:
        return term_function(cx, operand, at);
    case Fn::DATE:
    case Fn::TIME:
    case Fn::DATETIME:
        return date_function(cx, fn, operand, opts, at);
    case Fn::TEST_FUNCTION:
    case Fn::TEST_SELECT:
    case Fn::TEST_FORMAT:
        return test_function(cx, fn, operand, opts, at);
    default:
        return number_function(cx, fn, operand, opts, at);
    }
}

void from_argument(const gl_value &g, Value &v)
{
    switch (g.kind) {
    case V_TEXT:
    case V_CODE:
        v.kind = Value::TEXT;
        v.text.assign(g.s, g.slen);
        v.from_argument = true;
        v.code = g.kind == V_CODE;
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
}

const std::string *format_value(Context &cx, const Value &v, std::string &scratch, size_t at)
{
    if (wants_mf1(v))
        return format_as_mf1(cx, v, scratch, at) ? &scratch : nullptr;
    switch (v.kind) {
    case Value::TEXT:
        return &v.text;
    case Value::NUMBER:
        return format_number(cx, v, at);
    case Value::DATE:
        return format_date(cx, v, scratch, at) ? &scratch : nullptr;
    case Value::TEST:
        if (v.fn == Fn::TEST_SELECT) {
            cx.error("not-formattable", at, ":test:select cannot format");
            return nullptr;
        }
        if (v.fails_format) {
            cx.error("bad-option", at, "fails=format");
            return nullptr;
        }
        scratch += test_text(v);
        return &scratch;
    default:
        return nullptr;
    }
}

bool can_select(const Value &v)
{
    if (v.kind == Value::TEST)
        return (v.fn == Fn::TEST_FUNCTION || v.fn == Fn::TEST_SELECT) && !v.fails_select;
    if (v.kind == Value::TEXT)
        return v.fn == Fn::STRING;
    return v.kind == Value::NUMBER && !v.select_bad &&
           (v.fn == Fn::NUMBER || v.fn == Fn::INTEGER || v.fn == Fn::PERCENT || v.fn == Fn::OFFSET);
}

bool match_key(Context &cx, const Value &v, const char *key, size_t at)
{
    if (v.kind == Value::TEST)
        return v.input == 1 &&
               (strcmp(key, "1") == 0 || (v.places == 1 && strcmp(key, "1.0") == 0));
    if (v.kind == Value::TEXT) {
        if (!v.has_exact) { /* keys are NFC (the parser's): the value too, once */
            UErrorCode st = U_ZERO_ERROR;
            const icu::Normalizer2 *nfc = icu::Normalizer2::getNFCInstance(st);
            UnicodeString n = nfc->normalize(UnicodeString::fromUTF8(v.text), st);
            v.exact = U_SUCCESS(st) ? gl_icu::utf8(n) : v.text;
            v.has_exact = true;
        }
        return v.exact == key;
    }
    return match_number(cx, v, key, at);
}

bool better_key(const Value &v, const char *a, const char *b)
{
    if (v.kind == Value::TEST)
        return strcmp(a, "1.0") == 0 && strcmp(b, "1.0") != 0;
    return v.kind == Value::NUMBER && is_number_literal(a) && !is_number_literal(b);
}

} // namespace mf2
