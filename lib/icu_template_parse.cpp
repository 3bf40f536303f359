/*
 * Reading a template (icu_template.hpp): {-term} scanning, ICU's
 * MessagePattern, and the checks on arguments that make a template one
 * glocal accepts.
 */
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>

#include <unicode/decimfmt.h>
#include <unicode/numberformatter.h>

#include "icu_template.hpp"
#include "icu_util.hpp"

namespace gl_icu {

namespace {

/* ---- term scanning ----
 * {-name} is not ICU syntax, so it is found before ICU parses: outside ICU
 * quoting only, at any depth.  The scan follows MessagePattern's apostrophe
 * rules (DOUBLE_OPTIONAL) and also bounds the nesting depth, because ICU's
 * recursive parser and formatter crash on very deep input. */

enum ParentType { P_NONE, P_PLURAL, P_SELECT, P_CHOICE };

struct Frame {
    bool is_msg;
    ParentType parent; /* for a message: the argument type it belongs to */
    int field;         /* for an argument: 0 name, 1 type, 2 style */
    int nest;          /* braces inside a simple style */
    UnicodeString type;
    int32_t at;        /* of its `{` */
};

/* ICU matches argument types in ASCII, whatever the case: `{n, PLURAL, ...}`
 * is a plural, and so must it be for the scan, or its nesting would escape
 * the depth bound and its terms go unseen. */
bool is_keyword(const UnicodeString &s, const char *word)
{
    int32_t n = s.length();
    if ((size_t)n != strlen(word))
        return false;
    for (int32_t i = 0; i < n; i++) {
        UChar c = s[i];
        if ((c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c) != (UChar)word[i])
            return false;
    }
    return true;
}

ParentType parent_type_of(UnicodeString type)
{
    type.trim();
    if (is_keyword(type, "plural") || is_keyword(type, "selectordinal"))
        return P_PLURAL;
    if (is_keyword(type, "select"))
        return P_SELECT;
    if (is_keyword(type, "choice"))
        return P_CHOICE;
    return P_NONE;
}

bool is_term_start(UChar c) { return c >= 'a' && c <= 'z'; }
bool is_term_char(UChar c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

/* Length of "{-name}" at i, or 0. */
int32_t term_at(const UnicodeString &s, int32_t i)
{
    int32_t n = s.length();
    if (i + 3 >= n || s[i + 1] != '-' || !is_term_start(s[i + 2]))
        return 0;
    int32_t j = i + 3;
    while (j < n && is_term_char(s[j]))
        j++;
    return j < n && s[j] == '}' ? j + 1 - i : 0;
}

/* Skips a quoted run starting at s[i] == '\''; returns the index after it,
 * or -1 when the run never closes: ICU would then print the rest of the
 * message literally and report success. */
int32_t skip_quoted(const UnicodeString &s, int32_t i)
{
    int32_t n = s.length();
    i++;
    while (i < n) {
        UChar c = s[i++];
        if (c == '\'') {
            if (i < n && s[i] == '\'') {
                i++;
                continue;
            }
            return i;
        }
    }
    return -1;
}

/* Replaces the term of `len` units at s[i] by its placeholder in pt.pat. */
void add_term(ParsedTemplate &pt, int32_t i, int32_t len, int32_t &copied)
{
    const UnicodeString &s = pt.src;
    std::string name;
    s.tempSubString(i + 2, len - 3).toUTF8String(name);
    pt.pat.append(s, copied, i - copied);
    copied = i + len;
    int32_t out = pt.pat.length();
    pt.pat.append((UChar)'{').append(kTermMark);
    pt.pat.append(UnicodeString::fromUTF8(std::to_string(pt.terms.size())));
    pt.pat.append((UChar)'}');
    pt.term_at.push_back(TermAt{out, pt.pat.length(), i, i + len});
    pt.terms.push_back(name);
}

/* pt.pat is the source with each term replaced by its placeholder; the text
 * between terms is copied in one piece when the next term (or the end) is
 * reached, not character by character.  False when too deep. */
bool scan_terms(ParsedTemplate &pt, unsigned max_depth)
{
    const UnicodeString &s = pt.src;
    const size_t max_frames = 2 * (size_t)max_depth + 2;
    std::vector<Frame> frames;
    frames.push_back(Frame{true, P_NONE, 0, 0, UnicodeString(), -1});
    int32_t n = s.length(), copied = 0;
    for (int32_t i = 0; i < n;) {
        UChar c = s[i];
        Frame &f = frames.back();
        if (f.is_msg) {
            if (c == '\'') {
                UChar next = i + 1 < n ? s[i + 1] : 0;
                bool starts = next == '{' || next == '}' || next == '\'' ||
                              (next == '#' && f.parent == P_PLURAL) ||
                              (next == '|' && f.parent == P_CHOICE);
                if (next == '\'') {
                    i += 2;
                } else if (starts) {
                    if ((i = skip_quoted(s, i)) < 0) {
                        pt.open_quote = true;
                        break;
                    }
                } else {
                    i++;
                }
                continue;
            }
            if (c == '{') {
                int32_t len = term_at(s, i);
                if (len) {
                    add_term(pt, i, len, copied);
                    i += len;
                    continue;
                }
                frames.push_back(Frame{false, P_NONE, 0, 0, UnicodeString(), i});
            } else if (c == '}' && frames.size() > 1) {
                frames.pop_back();
            }
        } else if (f.field < 2) {
            if (c == ',') {
                if (++f.field == 2)
                    f.parent = parent_type_of(f.type);
            } else if (c == '}') {
                frames.pop_back();
            } else if (f.field == 1) {
                f.type.append(c);
            }
        } else if (f.parent != P_NONE) {
            if (c == '{') {
                ParentType p = f.parent;
                frames.push_back(Frame{true, p, 0, 0, UnicodeString(), i});
            } else if (c == '}') {
                frames.pop_back();
            }
        } else {
            if (c == '\'') {
                if ((i = skip_quoted(s, i)) < 0) {
                    pt.open_quote = true;
                    break;
                }
                continue;
            }
            if (c == '{')
                f.nest++;
            else if (c == '}' && f.nest-- == 0)
                frames.pop_back();
        }
        if (frames.size() > max_frames)
            return false;
        i++;
    }
    pt.pat.append(s, copied, n - copied);
    pt.unclosed = frames.back().at;
    return true;
}

/* ---- checks ---- */

struct Checker {
    const ParsedTemplate &pt;
    ParseProblem &why;
};

bool fail(Checker &c, int32_t part, const char *fmt, const std::string &what)
{
    snprintf(c.why.msg, c.why.cap, fmt, what.c_str());
    c.why.at = source_index(c.pt, c.pt.mp.getPart(part).getIndex());
    return false;
}

/* A number style that ICU refuses only when it formats (a bad skeleton or
 * pattern) is a template error, found once at load. */
bool number_style_ok(const std::string &style)
{
    UErrorCode st = U_ZERO_ERROR;
    if (style.empty() || style == "integer" || style == "currency" || style == "percent")
        return true;
    if (style.compare(0, 2, "::") == 0) {
        icu::number::NumberFormatter::forSkeleton(UnicodeString::fromUTF8(style.substr(2)), st)
            .locale(icu::Locale::getRoot())
            .formatDouble(1.5, st);
        return U_SUCCESS(st);
    }
    icu::DecimalFormatSymbols symbols(icu::Locale::getRoot(), st);
    icu::DecimalFormat df(UnicodeString::fromUTF8(style), symbols, st);
    return U_SUCCESS(st);
}

bool check_name(Checker &c, int32_t start)
{
    std::string name = part_text(c.pt, start + 1);
    if (gl_is_arg_name(name.c_str()) || term_index_at(c.pt, c.pt.mp.getPart(start).getIndex()) >= 0)
        return true;
    return fail(c, start + 1, "argument `%s` is not a valid name ([A-Za-z_][A-Za-z0-9_]*)", name);
}

bool check_simple(Checker &c, int32_t start)
{
    const MessagePattern &mp = c.pt.mp;
    if (simple_use(c.pt, start) == USE_PLAIN)
        return fail(c, start + 2, "argument type `%s` is not supported (use number, date, time, "
                                  "plural, selectordinal or select)", part_text(c.pt, start + 2));
    if (simple_use(c.pt, start) != USE_NUMBER ||
        mp.getPartType(start + 3) != UMSGPAT_PART_TYPE_ARG_STYLE)
        return true;
    std::string style = style_of(c.pt, start);
    if (!number_style_ok(style))
        return fail(c, start + 3, "number style `%s` is not a valid ICU pattern or skeleton",
                    style);
    return true;
}

/* The numbers of a plural or select at this level (offset, `=N` keys). */
bool check_numbers(Checker &c, int32_t start)
{
    const MessagePattern &mp = c.pt.mp;
    int32_t limit = mp.getLimitPartIndex(start);
    for (int32_t j = start + 2; j < limit; j++) {
        UMessagePatternPartType type = mp.getPartType(j);
        if (MessagePattern::Part::hasNumericValue(type) &&
            !std::isfinite(mp.getNumericValue(mp.getPart(j))))
            /* ICU reads offset:1e309 as infinity and prints "-∞" */
            return fail(c, j, "`%s` is beyond the range of numbers (plural offset or `=N` key)",
                        part_text(c.pt, j));
        if (type == UMSGPAT_PART_TYPE_MSG_START)
            j = mp.getLimitPartIndex(j);
    }
    return true;
}

/* Every argument, in template order; the first problem wins. */
bool check_arguments(Checker &c)
{
    const MessagePattern &mp = c.pt.mp;
    for (int32_t i = 0; i < mp.countParts(); i++) {
        const MessagePattern::Part &p = mp.getPart(i);
        if (p.getType() != UMSGPAT_PART_TYPE_ARG_START)
            continue;
        if (mp.getPartType(i + 1) == UMSGPAT_PART_TYPE_ARG_NUMBER)
            return fail(c, i, "numbered argument {%s}: glocal templates use named arguments",
                        part_text(c.pt, i + 1));
        if (p.getArgType() == UMSGPAT_ARG_TYPE_CHOICE)
            return fail(c, i, "`%s, choice` is not supported: use plural or select",
                        part_text(c.pt, i + 1));
        if (!check_name(c, i))
            return false;
        if (p.getArgType() != UMSGPAT_ARG_TYPE_NONE && p.getArgType() != UMSGPAT_ARG_TYPE_SIMPLE) {
            if (!check_numbers(c, i))
                return false;
            continue; /* into the branches */
        }
        if (p.getArgType() == UMSGPAT_ARG_TYPE_SIMPLE && !check_simple(c, i))
            return false;
        i = mp.getLimitPartIndex(i);
    }
    return true;
}

} // namespace


gl_compile_status parse_template(const char *src, size_t len, unsigned max_depth,
                                 ParsedTemplate &pt, ParseProblem &why)
{
    why.msg[0] = '\0';
    pt.src = from_utf8(src, len);
    if (!scan_terms(pt, max_depth)) {
        snprintf(why.msg, why.cap, "plural/select nesting deeper than the limit of %u levels",
                 max_depth);
        return TC_DEPTH;
    }
    UErrorCode st = U_ZERO_ERROR;
    UParseError pe;
    pt.mp.parse(pt.pat, &pe, st);
    if (st == U_MEMORY_ALLOCATION_ERROR)
        return TC_NOMEM;
    if (U_FAILURE(st)) {
        std::string near = utf8(UnicodeString(pe.preContext)) + utf8(UnicodeString(pe.postContext));
        snprintf(why.msg, why.cap, "template does not parse (%s) near \"%s\"", u_errorName(st),
                 near.c_str());
        /* ICU places an unclosed brace at 0; the scan knows which one it is */
        why.at = st == U_UNMATCHED_BRACES && pt.unclosed >= 0 ? pt.unclosed
                 : pe.offset >= 0                            ? source_index(pt, pe.offset)
                                                             : -1;
        return TC_SYNTAX;
    }
    Checker c{pt, why};
    return check_arguments(c) ? TC_OK : TC_SYNTAX;
}

int term_index_at(const ParsedTemplate &pt, int32_t at)
{
    /* terms grow along the template: a binary search, not a scan per argument */
    auto it = std::lower_bound(pt.term_at.begin(), pt.term_at.end(), at,
                               [](const TermAt &t, int32_t x) { return t.out < x; });
    return it != pt.term_at.end() && it->out == at ? (int)(it - pt.term_at.begin()) : -1;
}

int32_t source_index(const ParsedTemplate &pt, int32_t at)
{
    auto it = std::upper_bound(pt.term_at.begin(), pt.term_at.end(), at,
                               [](int32_t x, const TermAt &t) { return x < t.out; });
    if (it == pt.term_at.begin())
        return at;
    const TermAt &t = *(it - 1); /* the last term starting at or before `at` */
    if (at >= t.out_end)
        return t.src_end + (at - t.out_end);
    return t.src;
}

gl_use simple_use(const ParsedTemplate &pt, int32_t arg_start)
{
    UnicodeString type = pt.mp.getSubstring(pt.mp.getPart(arg_start + 2));
    if (is_keyword(type, "number"))
        return USE_NUMBER;
    if (is_keyword(type, "date"))
        return USE_DATE;
    if (is_keyword(type, "time"))
        return USE_TIME;
    return USE_PLAIN;
}

namespace {

/* ICU's Pattern_White_Space: what MessageFormat trims around a style. */
bool is_pattern_white_space(UChar c)
{
    return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0x200E || c == 0x200F ||
           c == 0x2028 || c == 0x2029;
}

/* MessageFormat's keywords (msgfmt.cpp NUMBER_STYLE_IDS, DATE_STYLE_IDS). */
const char *const kNumberStyles[] = {"currency", "percent", "integer", nullptr};
const char *const kDateStyles[] = {"short", "medium", "long", "full", nullptr};

} // namespace

UnicodeString style_as_written(const ParsedTemplate &pt, int32_t arg_start)
{
    const MessagePattern &mp = pt.mp;
    if (mp.getPartType(arg_start + 3) != UMSGPAT_PART_TYPE_ARG_STYLE)
        return UnicodeString();
    UnicodeString s = mp.getSubstring(mp.getPart(arg_start + 3));
    int32_t begin = 0, end = s.length();
    while (begin < end && is_pattern_white_space(s[begin]))
        begin++;
    while (end > begin && is_pattern_white_space(s[end - 1]))
        end--;
    return s.tempSubString(begin, end - begin);
}

std::string style_of(const ParsedTemplate &pt, int32_t arg_start)
{
    UnicodeString style = style_as_written(pt, arg_start);
    gl_use use = simple_use(pt, arg_start);
    /* as MessageFormat::findKeyword: lower case by the root locale's rules */
    UnicodeString lower(style);
    lower.toLower(icu::Locale::getRoot());
    for (const char *const *k = use == USE_NUMBER ? kNumberStyles : kDateStyles; *k; k++)
        if (lower == UnicodeString(*k, -1, US_INV))
            return *k;
    return utf8(style);
}

std::string part_text(const ParsedTemplate &pt, int32_t i)
{
    return utf8(pt.mp.getSubstring(pt.mp.getPart(i)));
}

} // namespace gl_icu
