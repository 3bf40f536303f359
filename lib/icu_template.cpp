/*
 * Templates for formatting: compiling a template, as icu_template_parse.cpp
 * reads it, into the model of template.h, and the lint helpers that re-read
 * a compiled template (longest output, literal text).
 */
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <memory>
#include <new>
#include <string>
#include <unordered_map>
#include <vector>

#include "icu_template.hpp"
#include "icu_util.hpp"
#include "limits.h"

using gl_icu::from_utf8;
using gl_icu::kTermMark;
using gl_icu::ParsedTemplate;
using gl_icu::utf8;
using icu::MessagePattern;
using icu::UnicodeString;

namespace {

/* ---- compiling ---- */

struct Compiler {
    gl_arena *arena;
    gl_template *t;
    const ParsedTemplate &pt;
    const UnicodeString &pat;
    const MessagePattern &mp;
    std::vector<gl_slot> slots;
    std::vector<std::pair<int32_t, int32_t>> spans; /* slot spans in pat */
    std::vector<gl_selector> sels;
};

std::string part_text(Compiler &c, int32_t i)
{
    return gl_icu::part_text(c.pt, i);
}

const char *arena_str(Compiler &c, const std::string &s)
{
    return gl_arena_intern(c.arena, s.data(), s.size());
}

/* What a simple argument or term writes; parse_template checked it. */
bool add_simple_slot(Compiler &c, int32_t start)
{
    const MessagePattern::Part &p = c.mp.getPart(start);
    int32_t limit = c.mp.getLimitPartIndex(start);
    gl_slot s{};
    int term = p.getArgType() == UMSGPAT_ARG_TYPE_NONE ? gl_icu::term_index_at(c.pt, p.getIndex())
                                                       : -1;
    s.use = USE_PLAIN;
    s.style = "";
    if (term >= 0) {
        s.kind = SLOT_TERM;
        s.name = arena_str(c, c.pt.terms[term]);
    } else {
        s.kind = SLOT_ARG;
        s.name = arena_str(c, part_text(c, start + 1));
        if (p.getArgType() == UMSGPAT_ARG_TYPE_SIMPLE) {
            s.use = gl_icu::simple_use(c.pt, start);
            std::string style = gl_icu::style_of(c.pt, start);
            if (!style.empty())
                s.style = arena_str(c, style);
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
    sel.name = arena_str(c, part_text(c, start + 1));
    sel.use = use;
    std::vector<const char *> keys;
    for (int32_t j = start + 2; j < limit; j++) {
        UMessagePatternPartType type = c.mp.getPartType(j);
        if (type == UMSGPAT_PART_TYPE_ARG_SELECTOR)
            keys.push_back(arena_str(c, part_text(c, j)));
        else if (type == UMSGPAT_PART_TYPE_MSG_START)
            j = c.mp.getLimitPartIndex(j);
    }
    sel.keys = (const char **)gl_arena_alloc(c.arena, (keys.size() + 1) * sizeof(char *));
    if (!sel.keys || !sel.name)
        return false;
    std::copy(keys.begin(), keys.end(), sel.keys);
    sel.nkeys = (uint32_t)keys.size();
    c.sels.push_back(sel);
    return true;
}

/* False only when out of memory: parse_template checked every argument. */
bool collect_arguments(Compiler &c)
{
    int32_t count = c.mp.countParts();
    for (int32_t i = 0; i < count; i++) {
        const MessagePattern::Part &p = c.mp.getPart(i);
        if (p.getType() != UMSGPAT_PART_TYPE_ARG_START)
            continue;
        bool ok = true;
        switch (p.getArgType()) {
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
            ok = add_simple_slot(c, i);
            i = c.mp.getLimitPartIndex(i);
        }
        if (!ok)
            return false;
    }
    return true;
}

/* A piece's UTF-8 text: the same bytes in src where they occur there (at
 * or after *from), else a copy.  Pieces without quoting are spans of src, so
 * most templates keep only their source text. */
const char *share_piece(Compiler &c, const std::string &piece, size_t *from)
{
    const char *src = c.t->src;
    size_t n = strlen(src);
    const void *at = piece.empty() ? src + *from
                                   : memmem(src + *from, n - *from, piece.data(), piece.size());
    if (!at)
        return gl_arena_strndup(c.arena, piece.data(), piece.size());
    *from = (size_t)((const char *)at - src) + piece.size();
    return (const char *)at;
}

/* The literal pieces of a template without plural/select, quoting resolved. */
bool build_pieces(Compiler &c)
{
    size_t n = c.slots.size();
    if (!gl_template_alloc_parts(c.arena, c.t, n))
        return false;
    std::copy(c.slots.begin(), c.slots.end(), c.t->slots);
    UnicodeString piece;
    std::string piece8;
    size_t k = 0, from = 0;
    int32_t prev = c.mp.getPart(0).getLimit();
    for (int32_t i = 1; i < c.mp.countParts(); i++) {
        const MessagePattern::Part &p = c.mp.getPart(i);
        piece.append(c.pat, prev, p.getIndex() - prev);
        prev = p.getLimit();
        if (p.getType() == UMSGPAT_PART_TYPE_ARG_START || p.getType() == UMSGPAT_PART_TYPE_MSG_LIMIT) {
            piece8.clear();
            piece.toUTF8String(piece8);
            c.t->pieces[k] = share_piece(c, piece8, &from);
            c.t->piece_len[k] = (uint32_t)piece8.size();
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
void build_pattern(const Compiler &c, UnicodeString &out)
{
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
    ParsedTemplate pt;
    gl_icu::ParseProblem why{msg, msgcap};
    gl_compile_status st = gl_icu::parse_template(t->src, strlen(t->src), max_depth, pt, why);
    if (st != TC_OK)
        return st;
    t->open_quote = pt.open_quote;
    Compiler c{a, t, pt, pt.pat, pt.mp, {}, {}, {}};
    if (!collect_arguments(c))
        return TC_NOMEM;
    if (c.sels.empty()) {
        if (!build_pieces(c))
            return TC_NOMEM;
        t->kind = c.slots.empty() ? TK_LITERAL : TK_SIMPLE;
        t->literal = t->pieces[0];
        return TC_OK;
    }
    t->slots = arena_copy(a, c.slots);
    t->nslots = (uint32_t)c.slots.size();
    t->sels = arena_copy(a, c.sels);
    t->nsels = (uint32_t)c.sels.size();
    if (!t->slots || !t->sels)
        return TC_NOMEM;
    t->kind = TK_COMPLEX;
    UnicodeString pattern;
    build_pattern(c, pattern);
    t->pattern_len = pattern.length();
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
        if (!gl_icu::complex_pattern(t, pat))
            return false;
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

/* The compile of t's source again, into a scratch arena: a catalog keeps no
 * pattern (a fifth of a catalog's templates are plural/select, and their
 * UTF-16 patterns were an eighth of its memory); formatting asks for one
 * once per thread and template, when it builds its ICU objects. */
bool gl_icu::complex_pattern(const gl_template *t, UnicodeString &out)
{
    char msg[1];
    ParseProblem why{msg, sizeof msg};
    ParsedTemplate pt;
    if (parse_template(t->src, strlen(t->src), GL_HARD_MAX_TEMPLATE_DEPTH, pt, why) != TC_OK)
        return false;
    std::unique_ptr<gl_arena, void (*)(gl_arena *)> scratch(gl_arena_new(), gl_arena_free);
    if (!scratch)
        return false;
    Compiler c{scratch.get(), nullptr, pt, pt.pat, pt.mp, {}, {}, {}};
    if (!collect_arguments(c) || c.sels.empty())
        return false;
    out.remove();
    build_pattern(c, out);
    return true;
}

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
    if (t->kind == TK_MF2)
        return gl_template_mf2_max_length(t, slot_len);
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
    if (t->kind == TK_MF2)
        return gl_template_mf2_literal_text(t);
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
