/*
 * MF2 resolved values and the function handlers that make them
 * (mf2_functions.cpp), shared with the formatter (mf2_format.cpp).
 */
#ifndef GLOCAL_MF2_VALUE_HPP
#define GLOCAL_MF2_VALUE_HPP

#include <string>
#include <vector>

#include "mf2.h"

namespace mf2 {

enum class Dir { LTR, RTL, UNKNOWN };

/* The functions glocal knows (functions/, glocal's term, the suite's tests). */
enum class Fn {
    NONE,
    STRING, NUMBER, INTEGER, PERCENT, CURRENCY, OFFSET, DATE, TIME, DATETIME,
    TERM, TEST_FUNCTION, TEST_SELECT, TEST_FORMAT
};

/* The spec's resolved value. */
struct Value {
    enum Kind {
        FALLBACK, /* `fallback` holds the source written between braces */
        TEXT,     /* text: a literal, a text argument, :string, a term */
        NUMBER,   /* num (decimal string), opts; fn the function or "" for an argument */
        DATE,     /* ms, with `floating` when no zone was given; fn, opts */
        TEST      /* the conformance suite's :test:* (input, places, fails_*) */
    } kind = FALLBACK;
    std::string fallback;
    std::string text;
    std::string num;
    Fn fn = Fn::NONE;                  /* the function that made it */
    std::vector<std::pair<std::string, std::string>> opts; /* resolved options, in order */
    bool select_bad = false;           /* `select` came from a variable or an operand */
    bool money = false;                /* an argument's money: opts hold its currency */
    int64_t ms = 0;
    bool floating = false;
    bool day = false;                  /* a calendar day: formatted in UTC */
    double input = 0;                  /* TEST */
    int places = 0;
    bool fails_format = false, fails_select = false;
    Dir dir = Dir::UNKNOWN;
    bool isolate = false;              /* u:dir set */
    std::string locale;                /* u:locale as an ICU id; "" the message's */

    const char *locale_or(const char *message_locale) const
    {
        return locale.empty() ? message_locale : locale.c_str();
    }
    bool from_argument = false;        /* text that came from the caller (contain its controls) */
    bool code = false;                 /* a code argument: written exactly as given, as in MF1 */
    /* Worked out once however often the value is used: a NUMBER's text,
     * plural or ordinal category and exact serialization (mf2_number.cpp);
     * a TEXT's NFC form in `exact` (selection) */
    mutable std::string shown, category, exact;
    mutable bool has_shown = false, has_category = false, has_exact = false;

    /* A value made from this one by another function: nothing memoized carries over. */
    void forget() const
    {
        has_shown = has_category = has_exact = false;
    }

    const std::string *opt(const char *name) const
    {
        for (const auto &o : opts)
            if (o.first == name)
                return &o.second;
        return nullptr;
    }
    void set_opt(const std::string &name, const std::string &v)
    {
        for (auto &o : opts)
            if (o.first == name) {
                o.second = v;
                return;
            }
        opts.emplace_back(name, v);
    }
};

/* An option's value after option resolution. */
struct Option {
    std::string name;
    bool literal = true;   /* set by a literal, not a variable */
    Value value;           /* TEXT for a literal */
};

/* What handlers need from the formatter: the environment, and a place to
 * report errors (the spec's names). */
struct Context {
    const gl_mf2_env *env;
    virtual void error(const char *name, size_t at, const std::string &message) = 0;
    virtual ~Context() = default;
};

/* The function called name, Fn::NONE when there is none (in this env). */
Fn function_named(const Context &cx, const char *name);
const char *function_name(Fn fn);
/* Calls function fn on operand (nullptr: none) with opts.  Returns the
 * resolved value, a FALLBACK after an error it reported. */
Value call_function(Context &cx, Fn fn, const Value *operand,
                    const std::vector<Option> &opts, size_t at);

/* v as text: what v memoizes (a text, a number's digits) or, for the rest,
 * scratch written; nullptr after reporting an error (the caller writes the
 * fallback). */
const std::string *format_value(Context &cx, const Value &v, std::string &scratch, size_t at);
/* Whether v carries glocal:skeleton or glocal:pattern, which MF1's own
 * formatter writes (mf2_mf1.cpp); format_as_mf1 writes it so. */
bool wants_mf1(const Value &v);
bool format_as_mf1(Context &cx, const Value &v, std::string &out, size_t at);

/* Selection (formatting.md): whether key matches v; whether key a is
 * better than key b, both matching.  Errors (a bad variant key) reported. */
bool can_select(const Value &v);
bool match_key(Context &cx, const Value &v, const char *key, size_t at);
bool better_key(const Value &v, const char *a, const char *b);

/* A value given by the caller, unannotated, into v (a new Value). */
void from_argument(const gl_value &g, Value &v);

/* ---- between the handlers (mf2_functions.cpp) ---- */

/* The spec's number-literal production. */
bool is_number_literal(const std::string &s);
/* 1 to 9 ASCII digits: a digit size option's value. */
bool is_digits(const std::string &s);
/* The shortest text that reads back as d. */
std::string shortest(double d);
/* An option value as text: a literal, text, or a number's digits. */
std::string option_text(const Value &v);
/* Reports error name and returns a FALLBACK. */
Value bad(Context &cx, const char *name, size_t at, const std::string &message);
/* The direction of what a function writes: the locale's. */
Dir locale_dir(const Context &cx);

/* An option a function accepts: its values, space-separated ("#" a digit
 * size option, "*" anything), and the functions that take it. */
struct OptionRule {
    const char *name;
    const char *values;
    const char *functions;
};
bool has_word(const char *list, const std::string &w);
bool valid_value(const OptionRule &r, const std::string &v);

/* mf2_number.cpp: :number, :integer, :percent, :currency, :offset. */
Value number_function(Context &cx, Fn fn, const Value *operand,
                      const std::vector<Option> &opts, size_t at);
const std::string *format_number(Context &cx, const Value &v, size_t at);
bool match_number(Context &cx, const Value &v, const char *key, size_t at);

/* mf2_datetime.cpp: :date, :time, :datetime. */
Value date_function(Context &cx, Fn fn, const Value *operand,
                    const std::vector<Option> &opts, size_t at);
bool format_date(Context &cx, const Value &v, std::string &out, size_t at);

} // namespace mf2

#endif
