/*
 * The parity test's data: templates made by combining every construct of
 * docs/bundles.md (text and apostrophe quoting, {n}, number styles and
 * patterns and skeletons, date and time styles, patterns and skeletons,
 * plural with offsets, =N and #, selectordinal, select, nesting) with the
 * cases of issue 19 (style keywords in another case, directional marks
 * around styles, a styled number before `#` in a plural's `other`).
 */
#ifndef GLOCAL_PARITY_TEMPLATES_HPP
#define GLOCAL_PARITY_TEMPLATES_HPP

#include <cctype>
#include <cstring>
#include <strings.h>
#include <string>
#include <vector>

/* The arguments a template uses. */
enum { A_N = 1, A_D = 2, A_S = 4, A_M = 8 };

/* What a template may legitimately do differently (docs/resolution.md,
 * "Where glocal differs from ICU"); the test attributes a difference to a
 * class only when the template has the construct that class is about. */
enum {
    F_PATTERN_WS = 1,     /* white space inside a pattern style, at its ends */
    F_MONEY_PLAIN = 2,    /* money in {m} or {m, number} */
    F_SKELETON_OTHER = 4, /* a plural whose `other` formats the number with a skeleton */
};

struct Template {
    std::string src;
    unsigned args;
    unsigned flags;
};

#define LRM "\u200E"
#define RLM "\u200F"

/* s[i..] after skipping white space. */
inline size_t skip_space(const std::string &s, size_t i)
{
    while (i < s.size() && isspace((unsigned char)s[i]))
        i++;
    return i;
}

/* Whether s[i..] starts with word, in any case; i moves past it. */
inline bool take_word(const std::string &s, size_t &i, const char *word)
{
    size_t n = strlen(word);
    if (s.size() - i < n || strncasecmp(s.c_str() + i, word, n) != 0)
        return false;
    i += n;
    return true;
}

/* The style of a `{name, number|date|time, style}` argument starting at
 * s[i] (a `{`), or false when none starts there.  (A scan, not std::regex:
 * GCC 12 warns inside <regex> at -O2 with the sanitizers.) */
inline bool typed_style(const std::string &s, size_t i, std::string &style)
{
    size_t p = skip_space(s, i + 1), name = p;
    while (p < s.size() && (isalnum((unsigned char)s[p]) || s[p] == '_'))
        p++;
    if (p == name || (p = skip_space(s, p)) >= s.size() || s[p] != ',')
        return false;
    p = skip_space(s, p + 1);
    if (!take_word(s, p, "number") && !take_word(s, p, "date") && !take_word(s, p, "time"))
        return false;
    if ((p = skip_space(s, p)) >= s.size() || s[p] != ',')
        return false;
    size_t end = s.find_first_of("{}", p + 1);
    if (end == std::string::npos || s[end] != '}')
        return false;
    style = s.substr(p + 1, end - p - 1);
    return true;
}

inline bool is_style_keyword(const std::string &style)
{
    static const char *const keywords[] = {"integer", "percent", "currency", "short",
                                           "medium",  "long",    "full"};
    size_t a = skip_space(style, 0), b = style.size();
    while (b > a && isspace((unsigned char)style[b - 1]))
        b--;
    if (a == b)
        return true;
    for (const char *k : keywords)
        if (b - a == strlen(k) && strncasecmp(style.c_str() + a, k, b - a) == 0)
            return true;
    return false;
}

/* F_PATTERN_WS when a number, date or time style that is neither a keyword
 * nor a skeleton (a pattern) has white space at an end, which ICU keeps. */
inline unsigned pattern_white_space(const std::string &src)
{
    std::string style;
    for (size_t i = src.find('{'); i != std::string::npos; i = src.find('{', i + 1)) {
        if (!typed_style(src, i, style) || is_style_keyword(style) ||
            style.find("::") != std::string::npos)
            continue;
        if (isspace((unsigned char)style.front()) || isspace((unsigned char)style.back()))
            return F_PATTERN_WS;
    }
    return 0;
}

inline std::vector<Template> parity_templates()
{
    std::vector<Template> out;
    auto add = [&](const std::string &s, unsigned args, unsigned flags = 0) {
        out.push_back(Template{s, args, flags | pattern_white_space(s)});
    };

    /* text and apostrophe quoting */
    const char *texts[] = {
        "Hello", "It''s here", "'{'literal'}'", "a '#' b", "don't", "'{quoted} text'",
        "''", "'''quoted'''", "it''s '{'x'}' ok", "50% off", "a | b", "x '}' y",
        "tab\there", "'' '' ''", "'a' b", "Ünïcödé ✓", "مرحبا", "こんにちは", "a#b",
    };
    for (const char *t : texts)
        add(t, 0);

    /* frames a simple argument sits in */
    const char *frames[] = {"%", "Total: %.", "It''s % now", "'{'%'}'", "«%»", "'%' and %"};
    auto framed = [&](const std::string &arg, unsigned args, unsigned flags) {
        for (const char *f : frames) {
            std::string s;
            for (const char *c = f; *c; c++)
                s += *c == '%' ? arg : std::string(1, *c);
            add(s, args, flags);
        }
    };

    /* numbers: keywords in every case, white space and marks around them, patterns, skeletons */
    const char *numbers[] = {
        "{n}", "{n, number}", "{n,number}", "{n, Number}", "{n, NUMBER}",
        "{n, number, integer}", "{n, number, INTEGER}", "{n, number, Integer}",
        "{n,number,integer}", "{n, number, percent}", "{n, number, Percent}",
        "{n, number, PERCENT}", "{n, Number, Percent}",
        "{n, number," LRM "integer}", "{n, number, integer" RLM "}",
        "{n, number, " RLM "percent" LRM "}", "{n, number,\tinteger }",
        "{n, number, #,##0.00}", "{n, number, 0.0}", "{n, number, 0.###}", "{n, number, #,##0}",
        "{n, number, 000}", "{n, number, #%}", "{n, number, 0.00E0}",
        "{n, number, ::compact-short}", "{n, number, ::percent}", "{n, number, ::.00}",
        "{n, number, ::precision-integer}", "{n, number, ::currency/EUR}",
        "{n, number, ::sign-always}", "{n, number, ::group-off}", "{n, number, :: .0}",
    };
    for (const char *n : numbers)
        framed(n, A_N, 0);
    /* white space that ICU keeps in a pattern style */
    framed("{n, number,#,##0.00 }", A_N, F_PATTERN_WS);
    framed("{n, number, 0.0}", A_N, 0);

    /* dates and times: styles in every case, marks, patterns, skeletons */
    const char *dates[] = {
        "{d}", "{d, date}", "{d, time}", "{d, date, short}", "{d, date, medium}",
        "{d, date, long}", "{d, date, full}", "{d, time, short}", "{d, time, medium}",
        "{d, time, long}", "{d, time, full}", "{d, date, SHORT}", "{d, date, Long}",
        "{d, time, Medium}", "{d, TIME, short}", "{d, Date, FULL}", "{d,date,short}",
        "{d, date, short" RLM "}", "{d, date," LRM "medium}", "{d, time,\nshort}",
        "{d, date, ::yMMMd}", "{d, date, ::yMMMMEEEEd}", "{d, time, ::Hmm}",
        "{d, date, ::yMd}", "{d, date, yyyy-MM-dd}", "{d, time, HH:mm}",
        "{d, date, EEEE d MMMM y}", "{d, date, 'week' w}",
    };
    for (const char *d : dates)
        framed(d, A_D, 0);
    framed("{d, date, yyyy-MM-dd }", A_D, F_PATTERN_WS);

    /* plural: keys, offsets, =N, # and the number the `other` branch formats */
    const char *others[] = {
        "# items", "{n} items", "{n, number} items", "{n, number, 0.0} items",
        "{n, number, integer} items", "{n, number, percent} points", "{n, number, INTEGER} items",
        "# items ({n, number, 0.0})", "'#' items", "{n, number, #,##0.00} things",
        "{n, number, ::.0} items", "{n, number, ::precision-integer} items", "it''s # items",
    };
    const char *heads[] = {
        "{n, plural, one {# item} other {%}}",
        "{n, plural, =0 {none} one {# item} other {%}}",
        "{n, plural, =1 {exactly one} other {%}}",
        "{n, plural, offset:1 =0 {nobody} =1 {just you} one {you and # other} other {%}}",
        "{n, plural, zero {# zero} one {# one} two {# two} few {# few} many {# many} other {%}}",
        "{n,plural,one{# item}other{%}}",
        "{n, PLURAL, one {# item} other {%}}",
        "You have {n, plural, one {one message} other {%}} waiting.",
        "{n, plural, offset:2 one {# item} other {%}}",
        "{n, plural, other {%}}",
    };
    for (const char *h : heads)
        for (const char *o : others) {
            std::string s = h;
            s.replace(s.find('%'), 1, o);
            unsigned flags = strstr(o, "::") ? F_SKELETON_OTHER : 0;
            add(s, A_N, flags);
        }

    /* ordinals */
    const char *ordinals[] = {
        "{n, selectordinal, one {#st} two {#nd} few {#rd} other {#th}}",
        "{n, selectordinal, =1 {first} one {#st} other {#th}}",
        "{n, selectordinal, one {#-a} many {#-e} other {#-o}}",
        "{n, selectordinal, zero {#fed} one {#af} two {#ail} few {#ydd} many {#fed} other {#fed}}",
        "{n, selectordinal, other {#.}}",
        "{n, selectordinal, few {{n, number, 0.0}} other {{n, number, integer}th}}",
        "Place {n, SelectOrdinal, one {#st} other {#th}}!",
        "{n, selectordinal, offset:1 one {#st} other {#th}}",
    };
    for (const char *o : ordinals)
        add(o, A_N);

    /* select, nesting */
    const char *selects[] = {
        "{s, select, female {She} male {He} other {They}}",
        "{s, select, female {She has {n, plural, one {# item} other {# items}}} other {They have "
        "{n, plural, one {# item} other {# items}}}}",
        "{s, SELECT, female {Elle} other {Il}} a {n, number} ans",
        "{s, select, other {{n, plural, =0 {no} one {one} other {{n, number, 0.0} many}}}}",
        "{s, select, female {''{n}''} other {'{'{n, number, integer}'}'}}",
        "{n, plural, one {{s, select, female {her item} other {their item}}} other {{s, select, "
        "female {her # items} other {their # items}}}}",
        "{s, select, female {{d, date, short}} other {{d, time, short}}}",
        "{n, plural, one {# at {d, time, short}} other {# at {d, date, medium}}}",
        "{s,select,x{X}other{O}} {n, number, Percent}",
        "{s, select, female {{n, selectordinal, one {#st} other {#th}}} other {-}}",
    };
    for (const char *s : selects) {
        std::string src = s;
        unsigned args = A_S;
        args |= src.find("{n") != std::string::npos ? A_N : 0;
        args |= src.find("{d") != std::string::npos ? A_D : 0;
        add(src, args);
    }

    /* money: written in its currency; ICU's currency style uses the locale's */
    add("{m, number, currency}", A_M);
    add("Total: {m, number, currency}.", A_M);
    add("{m, number, CURRENCY}", A_M);
    add("{m, number," LRM "currency}", A_M);
    add("{m}", A_M, F_MONEY_PLAIN);
    add("{m, number}", A_M, F_MONEY_PLAIN);
    return out;
}

#undef LRM
#undef RLM

#endif
