/*
 * Templates through ICU's MessagePattern: {-term} scanning, compiling a
 * template into the model of template.h, and the lint helpers that re-read
 * a compiled template (longest output, literal text).
 */
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <new>
#include <string>
#include <unordered_map>
#include <vector>

#include <unicode/decimfmt.h>
#include <unicode/messagepattern.h>
#include <unicode/numberformatter.h>

#include "icu_util.hpp"

using gl_icu::from_utf8;
using gl_icu::kTermMark;
using gl_icu::utf8;
using icu::MessagePattern;
using icu::UnicodeString;

namespace {

char *arena_utf8(gl_arena *a, const UnicodeString &u, size_t *len = nullptr)
{
    std::string s;
    u.toUTF8String(s);
    if (len)
        *len = s.size();
    return gl_arena_strndup(a, s.data(), s.size());
}

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
};

ParentType parent_type_of(UnicodeString type)
{
    type.trim();
    if (type == UNICODE_STRING_SIMPLE("plural") || type == UNICODE_STRING_SIMPLE("selectordinal"))
        return P_PLURAL;
    if (type == UNICODE_STRING_SIMPLE("select"))
        return P_SELECT;
    if (type == UNICODE_STRING_SIMPLE("choice"))
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

enum ScanResult { SCAN_OK, SCAN_TOO_DEEP };

struct TermScan {
    UnicodeString out;
    bool open_quote = false; /* a quoted run reached the end of the template */
    std::vector<std::string> names;
    std::vector<int32_t> positions; /* index of each placeholder's '{' in out */
};

/* ts.out is the input with each term replaced by its placeholder; the text
 * between terms is copied in one piece when the next term (or the end) is
 * reached, not character by character. */
ScanResult scan_terms(const UnicodeString &s, unsigned max_depth, TermScan &ts)
{
    const size_t max_frames = 2 * (size_t)max_depth + 2;
    std::vector<Frame> frames;
    frames.push_back(Frame{true, P_NONE, 0, 0, UnicodeString()});
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
                        ts.open_quote = true;
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
                    std::string name;
                    s.tempSubString(i + 2, len - 3).toUTF8String(name);
                    ts.out.append(s, copied, i - copied);
                    copied = i + len;
                    ts.positions.push_back(ts.out.length());
                    ts.out.append((UChar)'{').append(kTermMark);
                    ts.out.append(UnicodeString::fromUTF8(std::to_string(ts.names.size())));
                    ts.out.append((UChar)'}');
                    ts.names.push_back(name);
                    i += len;
                    continue;
                }
                frames.push_back(Frame{false, P_NONE, 0, 0, UnicodeString()});
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
                frames.push_back(Frame{true, p, 0, 0, UnicodeString()});
            } else if (c == '}') {
                frames.pop_back();
            }
        } else {
            if (c == '\'') {
                if ((i = skip_quoted(s, i)) < 0) {
                    ts.open_quote = true;
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
            return SCAN_TOO_DEEP;
        i++;
    }
    ts.out.append(s, copied, n - copied);
    return SCAN_OK;
}

/* ---- compiling ---- */

struct Compiler {
    gl_arena *arena;
    gl_template *t;
    const TermScan &ts;
    const UnicodeString &pat;
    MessagePattern &mp;
    char *msg;
    size_t msgcap;
    std::vector<gl_slot> slots;
    std::vector<std::pair<int32_t, int32_t>> spans; /* slot spans in pat */
    std::vector<gl_selector> sels;
};

bool fail(Compiler &c, const char *fmt, const std::string &what)
{
    snprintf(c.msg, c.msgcap, fmt, what.c_str());
    return false;
}


std::string part_text(Compiler &c, int32_t i)
{
    return utf8(c.mp.getSubstring(c.mp.getPart(i)));
}

int term_index_at(Compiler &c, int32_t index)
{
    /* positions grow along the template: a binary search, not a scan per argument */
    const std::vector<int32_t> &p = c.ts.positions;
    auto it = std::lower_bound(p.begin(), p.end(), index);
    return it != p.end() && *it == index ? (int)(it - p.begin()) : -1;
}

const char *arena_str(Compiler &c, const std::string &s)
{
    return gl_arena_intern(c.arena, s.data(), s.size());
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

bool add_simple_slot(Compiler &c, int32_t start)
{
    const MessagePattern::Part &p = c.mp.getPart(start);
    int32_t limit = c.mp.getLimitPartIndex(start);
    gl_slot s{};
    int term = p.getArgType() == UMSGPAT_ARG_TYPE_NONE ? term_index_at(c, p.getIndex()) : -1;
    if (term >= 0) {
        s.kind = SLOT_TERM;
        s.use = USE_PLAIN;
        s.name = arena_str(c, c.ts.names[term]);
        s.style = "";
    } else {
        std::string name = part_text(c, start + 1);
        if (!gl_is_arg_name(name.c_str()))
            return fail(c, "argument `%s` is not a valid name ([A-Za-z_][A-Za-z0-9_]*)", name);
        s.kind = SLOT_ARG;
        s.name = arena_str(c, name);
        s.use = USE_PLAIN;
        s.style = "";
        if (p.getArgType() == UMSGPAT_ARG_TYPE_SIMPLE) {
            std::string type = part_text(c, start + 2);
            if (type == "number")
                s.use = USE_NUMBER;
            else if (type == "date")
                s.use = USE_DATE;
            else if (type == "time")
                s.use = USE_TIME;
            else
                return fail(c, "argument type `%s` is not supported (use number, date, time, "
                               "plural, selectordinal or select)", type);
            if (c.mp.getPartType(start + 3) == UMSGPAT_PART_TYPE_ARG_STYLE) {
                UnicodeString style = c.mp.getSubstring(c.mp.getPart(start + 3));
                style.trim();
                s.style = arena_str(c, utf8(style));
                if (s.use == USE_NUMBER && !number_style_ok(utf8(style)))
                    return fail(c, "number style `%s` is not a valid ICU pattern or skeleton",
                                utf8(style));
            }
        }
    }
    if (!s.name || !s.style)
        return false;
    c.slots.push_back(s);
    c.spans.emplace_back(p.getIndex(), c.mp.getPart(limit).getLimit());
    return true;
}

bool add_selector(Compiler &c, int32_t start, gl_use use)
{
    int32_t limit = c.mp.getLimitPartIndex(start);
    gl_selector sel{};
    std::string name = part_text(c, start + 1);
    if (!gl_is_arg_name(name.c_str()))
        return fail(c, "argument `%s` is not a valid name ([A-Za-z_][A-Za-z0-9_]*)", name);
    sel.name = arena_str(c, name);
    sel.use = use;
    std::vector<const char *> keys;
    for (int32_t j = start + 2; j < limit; j++) {
        UMessagePatternPartType type = c.mp.getPartType(j);
        if (type == UMSGPAT_PART_TYPE_ARG_SELECTOR)
            keys.push_back(arena_str(c, part_text(c, j)));
        else if (MessagePattern::Part::hasNumericValue(type) &&
                 !std::isfinite(c.mp.getNumericValue(c.mp.getPart(j))))
            /* ICU reads offset:1e309 as infinity and prints "-∞" */
            return fail(c, "`%s` is beyond the range of numbers (plural offset or `=N` key)",
                        part_text(c, j));
        else if (type == UMSGPAT_PART_TYPE_MSG_START)
            j = c.mp.getLimitPartIndex(j);
    }
    sel.keys = (const char **)gl_arena_alloc(c.arena, (keys.size() + 1) * sizeof(char *));
    if (!sel.keys || !sel.name)
        return false;
    std::copy(keys.begin(), keys.end(), sel.keys);
    sel.nkeys = keys.size();
    c.sels.push_back(sel);
    return true;
}

bool collect_arguments(Compiler &c)
{
    int32_t count = c.mp.countParts();
    for (int32_t i = 0; i < count; i++) {
        const MessagePattern::Part &p = c.mp.getPart(i);
        if (p.getType() != UMSGPAT_PART_TYPE_ARG_START)
            continue;
        if (c.mp.getPartType(i + 1) == UMSGPAT_PART_TYPE_ARG_NUMBER)
            return fail(c, "numbered argument {%s}: glocal templates use named arguments",
                        part_text(c, i + 1));
        bool ok = true;
        switch (p.getArgType()) {
        case UMSGPAT_ARG_TYPE_NONE:
        case UMSGPAT_ARG_TYPE_SIMPLE:
            ok = add_simple_slot(c, i);
            i = c.mp.getLimitPartIndex(i);
            break;
        case UMSGPAT_ARG_TYPE_PLURAL:
            ok = add_selector(c, i, USE_PLURAL);
            break;
        case UMSGPAT_ARG_TYPE_SELECTORDINAL:
            ok = add_selector(c, i, USE_ORDINAL);
            break;
        case UMSGPAT_ARG_TYPE_SELECT:
            ok = add_selector(c, i, USE_SELECT);
            break;
        default:
            ok = fail(c, "`%s, choice` is not supported: use plural or select",
                      part_text(c, i + 1));
        }
        if (!ok)
            return false;
    }
    return true;
}

/* The literal pieces of a template without plural/select, quoting resolved. */
bool build_pieces(Compiler &c)
{
    size_t n = c.slots.size();
    c.t->pieces = (const char **)gl_arena_alloc(c.arena, (n + 1) * sizeof(char *));
    c.t->piece_len = (size_t *)gl_arena_alloc(c.arena, (n + 1) * sizeof(size_t));
    if (!c.t->pieces || !c.t->piece_len)
        return false;
    UnicodeString piece;
    size_t k = 0;
    int32_t prev = c.mp.getPart(0).getLimit();
    for (int32_t i = 1; i < c.mp.countParts(); i++) {
        const MessagePattern::Part &p = c.mp.getPart(i);
        piece.append(c.pat, prev, p.getIndex() - prev);
        prev = p.getLimit();
        if (p.getType() == UMSGPAT_PART_TYPE_ARG_START || p.getType() == UMSGPAT_PART_TYPE_MSG_LIMIT) {
            c.t->pieces[k] = arena_utf8(c.arena, piece, &c.t->piece_len[k]);
            if (!c.t->pieces[k])
                return false;
            k++;
            piece.remove();
            if (p.getType() == UMSGPAT_PART_TYPE_MSG_LIMIT)
                break;
            i = c.mp.getLimitPartIndex(i);
            prev = c.mp.getPart(i).getLimit();
        }
    }
    return k == n + 1;
}

/* The pattern ICU formats: every slot replaced by {λi}, where i is the first
 * slot that writes the same thing (ICU finds an argument by a linear search
 * of the names: 60,000 uses of one term in a plural took 15 s). */
bool build_pattern(Compiler &c)
{
    UnicodeString out;
    int32_t prev = 0;
    std::unordered_map<std::string, size_t> first;
    for (size_t i = 0; i < c.spans.size(); i++) {
        const gl_slot &s = c.slots[i];
        std::string key = std::to_string(s.kind) + ' ' + std::to_string(s.use) + ' ' + s.name +
                          '\x1f' + s.style;
        size_t k = first.emplace(key, i).first->second;
        out.append(c.pat, prev, c.spans[i].first - prev);
        out.append((UChar)'{').append(kTermMark);
        out.append(UnicodeString::fromUTF8(std::to_string(k))).append((UChar)'}');
        prev = c.spans[i].second;
    }
    out.append(c.pat, prev, c.pat.length() - prev);
    UChar *buf = (UChar *)gl_arena_alloc(c.arena, (size_t)(out.length() + 1) * sizeof(UChar));
    if (!buf)
        return false;
    UErrorCode st = U_ZERO_ERROR;
    out.extract(buf, out.length() + 1, st);
    c.t->pattern = (const uint16_t *)buf;
    c.t->pattern_len = out.length();
    return true;
}

template <typename T> T *arena_copy(gl_arena *a, const std::vector<T> &v)
{
    T *p = (T *)gl_arena_alloc(a, (v.size() ? v.size() : 1) * sizeof(T));
    if (p)
        std::copy(v.begin(), v.end(), p);
    return p;
}

gl_compile_status compile(gl_arena *a, gl_template *t, unsigned max_depth, char *msg,
                          size_t msgcap)
{
    UnicodeString src = from_utf8(t->src, strlen(t->src));
    TermScan ts;
    if (scan_terms(src, max_depth, ts) == SCAN_TOO_DEEP) {
        snprintf(msg, msgcap, "plural/select nesting deeper than the limit of %u levels",
                 max_depth);
        return TC_DEPTH;
    }
    t->open_quote = ts.open_quote;
    UErrorCode st = U_ZERO_ERROR;
    UParseError pe;
    MessagePattern mp(UMSGPAT_APOS_DOUBLE_OPTIONAL, st);
    mp.parse(ts.out, &pe, st);
    if (st == U_MEMORY_ALLOCATION_ERROR)
        return TC_NOMEM;
    if (U_FAILURE(st)) {
        std::string near = utf8(UnicodeString(pe.preContext)) + utf8(UnicodeString(pe.postContext));
        snprintf(msg, msgcap, "template does not parse (%s) near \"%s\"", u_errorName(st),
                 near.c_str());
        return TC_SYNTAX;
    }
    Compiler c{a, t, ts, ts.out, mp, msg, msgcap, {}, {}, {}};
    if (!collect_arguments(c))
        return msg[0] ? TC_SYNTAX : TC_NOMEM;
    t->slots = arena_copy(a, c.slots);
    t->nslots = c.slots.size();
    t->sels = arena_copy(a, c.sels);
    t->nsels = c.sels.size();
    if (!t->slots || !t->sels)
        return TC_NOMEM;
    if (!c.sels.empty()) {
        t->kind = TK_COMPLEX;
        return build_pattern(c) ? TC_OK : TC_NOMEM;
    }
    if (!build_pieces(c))
        return TC_NOMEM;
    t->kind = c.slots.empty() ? TK_LITERAL : TK_SIMPLE;
    t->literal = t->pieces[0];
    return TC_OK;
}

/* ---- lint helpers ---- */

size_t max_length(const MessagePattern &mp, const UnicodeString &pat, int32_t start,
                  const size_t *slot_len);

/* Code points of a message (parts start..MSG_LIMIT), args empty, each
 * plural/select as its longest branch. */
size_t max_length(const MessagePattern &mp, const UnicodeString &pat, int32_t start,
                  const size_t *slot_len)
{
    size_t len = 0;
    int32_t prev = mp.getPart(start).getLimit();
    for (int32_t i = start + 1;; i++) {
        const MessagePattern::Part &p = mp.getPart(i);
        len += (size_t)pat.countChar32(prev, p.getIndex() - prev);
        prev = p.getLimit();
        UMessagePatternPartType type = p.getType();
        if (type == UMSGPAT_PART_TYPE_MSG_LIMIT)
            return len;
        if (type != UMSGPAT_PART_TYPE_ARG_START)
            continue;
        int32_t limit = mp.getLimitPartIndex(i);
        if (p.getArgType() == UMSGPAT_ARG_TYPE_NONE && pat[mp.getPart(i + 1).getIndex()] == kTermMark) {
            UnicodeString num = mp.getSubstring(mp.getPart(i + 1)).tempSubString(1);
            len += slot_len[atoi(utf8(num).c_str())];
        } else if (UMSGPAT_ARG_TYPE_HAS_PLURAL_STYLE(p.getArgType()) ||
                   p.getArgType() == UMSGPAT_ARG_TYPE_SELECT) {
            size_t best = 0;
            for (int32_t j = i + 2; j < limit; j++) {
                if (mp.getPartType(j) != UMSGPAT_PART_TYPE_MSG_START)
                    continue;
                size_t l = max_length(mp, pat, j, slot_len);
                best = l > best ? l : best;
                j = mp.getLimitPartIndex(j);
            }
            len += best;
        }
        i = limit;
        prev = mp.getPart(i).getLimit();
    }
}

bool parse_for_lint(const gl_template *t, UnicodeString &pat, MessagePattern &mp)
{
    UErrorCode st = U_ZERO_ERROR;
    if (t->kind == TK_COMPLEX) {
        pat.setTo((const UChar *)t->pattern, t->pattern_len);
    } else {
        /* Rebuild a pattern where slot i is {λi}, quoting literal pieces back. */
        for (size_t i = 0; i <= t->nslots; i++) {
            UnicodeString piece = from_utf8(t->pieces[i], t->piece_len[i]);
            for (int32_t k = 0; k < piece.length(); k++) {
                UChar ch = piece[k];
                if (ch == '{' || ch == '}')
                    pat.append((UChar)'\'').append(ch).append((UChar)'\'');
                else if (ch == '\'')
                    pat.append(UNICODE_STRING_SIMPLE("''"));
                else
                    pat.append(ch);
            }
            if (i < t->nslots)
                pat.append((UChar)'{').append(kTermMark)
                    .append(UnicodeString::fromUTF8(std::to_string(i))).append((UChar)'}');
        }
    }
    mp.parse(pat, nullptr, st);
    return U_SUCCESS(st);
}

void literal_text(const MessagePattern &mp, const UnicodeString &pat, UnicodeString &out)
{
    int32_t count = mp.countParts();
    int32_t prev = 0;
    for (int32_t i = 0; i < count; i++) {
        const MessagePattern::Part &p = mp.getPart(i);
        UMessagePatternPartType type = p.getType();
        if (type == UMSGPAT_PART_TYPE_MSG_START) {
            prev = p.getLimit();
        } else if (type == UMSGPAT_PART_TYPE_SKIP_SYNTAX || type == UMSGPAT_PART_TYPE_MSG_LIMIT ||
                   type == UMSGPAT_PART_TYPE_ARG_START || type == UMSGPAT_PART_TYPE_REPLACE_NUMBER) {
            out.append(pat, prev, p.getIndex() - prev);
            if (type != UMSGPAT_PART_TYPE_SKIP_SYNTAX)
                out.append((UChar)'\n');
            prev = p.getLimit();
            if (type == UMSGPAT_PART_TYPE_ARG_START && !UMSGPAT_ARG_TYPE_HAS_PLURAL_STYLE(p.getArgType()) &&
                p.getArgType() != UMSGPAT_ARG_TYPE_SELECT) {
                i = mp.getLimitPartIndex(i);
                prev = mp.getPart(i).getLimit();
            }
        } else if (type == UMSGPAT_PART_TYPE_ARG_LIMIT || type == UMSGPAT_PART_TYPE_ARG_SELECTOR ||
                   type == UMSGPAT_PART_TYPE_ARG_NAME || type == UMSGPAT_PART_TYPE_ARG_TYPE ||
                   type == UMSGPAT_PART_TYPE_ARG_INT || type == UMSGPAT_PART_TYPE_ARG_DOUBLE) {
            prev = p.getLimit();
        }
    }
}

} // namespace

/* ---- the C interface ---- */

extern "C" {

gl_compile_status gl_template_compile(gl_arena *a, gl_template *t, unsigned max_depth, char *msg,
                                      size_t msgcap)
{
    msg[0] = '\0';
    try {
        return compile(a, t, max_depth, msg, msgcap);
    } catch (const std::bad_alloc &) {
        return TC_NOMEM;
    }
}

size_t gl_template_max_length(const gl_template *t, const size_t *slot_len)
{
    try {
        UnicodeString pat;
        UErrorCode st = U_ZERO_ERROR;
        MessagePattern mp(UMSGPAT_APOS_DOUBLE_OPTIONAL, st);
        if (!parse_for_lint(t, pat, mp))
            return 0;
        return max_length(mp, pat, 0, slot_len);
    } catch (const std::bad_alloc &) {
        return 0;
    }
}

char *gl_template_literal_text(const gl_template *t)
{
    try {
        UnicodeString pat, out;
        UErrorCode st = U_ZERO_ERROR;
        MessagePattern mp(UMSGPAT_APOS_DOUBLE_OPTIONAL, st);
        if (!parse_for_lint(t, pat, mp))
            return gl_strdup("");
        literal_text(mp, pat, out);
        std::string s = utf8(out);
        return gl_strdup(s.c_str());
    } catch (const std::bad_alloc &) {
        return nullptr;
    }
}

} /* extern "C" */
