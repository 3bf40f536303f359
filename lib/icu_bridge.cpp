/*
 * The one C++ file: glocal's bridge to ICU's C++ API (Locale canonicalization,
 * MessagePattern, MessageFormat with named arguments, number and date
 * formatters).  Everything it exports is plain C (value.h, template.h); no
 * C++ type or exception crosses that line.
 *
 * ICU formatters are not safe for concurrent use, and creating one costs
 * 10-25 times using it, so every formatter lives in a per-thread cache.
 */
#include <algorithm>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <memory>
#include <new>
#include <string>
#include <unordered_map>
#include <vector>

#include <unicode/datefmt.h>
#include <unicode/decimfmt.h>
#include <unicode/localematcher.h>
#include <unicode/locid.h>
#include <unicode/messagepattern.h>
#include <unicode/msgfmt.h>
#include <unicode/numberformatter.h>
#include <unicode/plurrule.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>
#include <unicode/uloc.h>
#include <unicode/ures.h>
#include <unicode/ucal.h>
#include <unicode/ucurr.h>

#include "limits.h"
#include "value.h"

using icu::Formattable;
using icu::Locale;
using icu::MessagePattern;
using icu::UnicodeString;

namespace {

/* Term placeholders use a name no user argument can have (names are ASCII). */
const UChar kTermMark = 0x03BB; /* λ */

/* ---- UTF conversions ---- */

UnicodeString from_utf8(const char *s, size_t n)
{
    return UnicodeString::fromUTF8(icu::StringPiece(s, (int32_t)n));
}

/* Lets ICU convert straight into the buffer, with no std::string in between. */
class BufSink : public icu::ByteSink {
  public:
    explicit BufSink(gl_buf *b) : buf(b) {}
    void Append(const char *bytes, int32_t n) override { gl_buf_putn(buf, bytes, (size_t)n); }

  private:
    gl_buf *buf;
};

void append_utf8(gl_buf *out, const UnicodeString &u)
{
    BufSink sink(out);
    u.toUTF8(sink);
}

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

std::string utf8(const UnicodeString &u)
{
    std::string s;
    u.toUTF8String(s);
    return s;
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

bool valid_arg_name(const std::string &s)
{
    if (s.empty() || !(isalpha((unsigned char)s[0]) || s[0] == '_'))
        return false;
    for (char ch : s)
        if (!(isalnum((unsigned char)ch) || ch == '_'))
            return false;
    return true;
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
        if (!valid_arg_name(name))
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
    if (!valid_arg_name(name))
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

/* ---- per-thread formatter caches ---- */

struct NumberEntry {
    std::unique_ptr<icu::NumberFormat> owner; /* keeps toNumberFormatter()'s result alive */
    icu::number::LocalizedNumberFormatter lnf;
};

struct MessageEntry {
    std::unique_ptr<icu::MessageFormat> mf;
    std::vector<UnicodeString> names;
};

struct Walkable; /* a plural/select template prepared for walk() */

struct ThreadCache {
    std::unordered_map<std::string, std::unique_ptr<NumberEntry>> numbers;
    std::unordered_map<std::string, std::unique_ptr<icu::DateFormat>> dates;
    std::unordered_map<std::string, std::unique_ptr<MessageEntry>> messages;
    std::unordered_map<std::string, std::unique_ptr<Walkable>> walkables;
    std::unordered_map<std::string, std::unique_ptr<icu::PluralRules>> plural_rules;
    std::unordered_map<std::string, Locale> locales;
};

/* Entries of catalogs that are gone are never hit again; the bound keeps a
 * long-lived thread that sees many reloads from growing without end. */
const size_t kCacheBound = 8192;

thread_local ThreadCache tcache;

template <typename M> void bound(M &m)
{
    if (m.size() >= kCacheBound)
        m.clear();
}

const Locale &locale_of(const char *id)
{
    auto it = tcache.locales.find(id);
    if (it != tcache.locales.end())
        return it->second;
    bound(tcache.locales);
    return tcache.locales.emplace(id, Locale::createFromName(id)).first->second;
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

const icu::number::LocalizedNumberFormatter *number_formatter(const gl_fmt_env *env,
                                                              const gl_slot *s, const char *cur)
{
    std::string key(env->locale);
    key += '\x1f';
    key += cur ? cur : s->style;
    key += cur ? "\x1f$" : "";
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
        e->lnf = icu::number::NumberFormatter::withLocale(loc).unit(icu::CurrencyUnit(code, st));
    } else {
        e.reset(make_number(loc, s, st));
    }
    if (U_FAILURE(st) || !e)
        return nullptr;
    bound(tcache.numbers);
    return &tcache.numbers.emplace(key, std::move(e)).first->second->lnf;
}

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
    if (U_FAILURE(st) || !df || !zone) { /* out of memory inside ICU */
        delete zone;
        return nullptr;
    }
    df->adoptTimeZone(zone);
    bound(tcache.dates);
    return tcache.dates.emplace(key, std::move(df)).first->second.get();
}

glocal_status format_number(const gl_fmt_env *env, const gl_slot *s, const gl_value *v,
                            gl_buf *out)
{
    bool money = v->kind == V_MONEY;
    bool currency_style = strcmp(s->style, "currency") == 0;
    if (money ? (*s->style && !currency_style) : currency_style)
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

glocal_status format_date(const gl_fmt_env *env, const gl_slot *s, const gl_value *v, gl_buf *out)
{
    icu::DateFormat *df = date_formatter(env, s);
    if (!df)
        return GLOCAL_ERR_FORMAT;
    UnicodeString u;
    df->format((UDate)v->i, u);
    append_utf8(out, u);
    return GLOCAL_OK;
}

MessageEntry *message_entry(const gl_fmt_env *env, const gl_template *t)
{
    std::string key(env->locale);
    key += '\x1f';
    key += std::to_string(env->serial);
    key += '\x1f';
    key += std::to_string(t->id);
    auto it = tcache.messages.find(key);
    if (it != tcache.messages.end())
        return it->second.get();
    UErrorCode st = U_ZERO_ERROR;
    UParseError pe;
    std::unique_ptr<MessageEntry> e(new MessageEntry());
    e->mf.reset(new icu::MessageFormat(UnicodeString((const UChar *)t->pattern, t->pattern_len),
                                       locale_of(env->locale), pe, st));
    if (U_FAILURE(st))
        return nullptr;
    for (size_t i = 0; i < t->nslots; i++)
        e->names.push_back(UnicodeString(kTermMark).append(
            UnicodeString::fromUTF8(std::to_string(i))));
    for (size_t i = 0; i < t->nsels; i++)
        e->names.push_back(UnicodeString::fromUTF8(t->sels[i].name));
    bound(tcache.messages);
    return tcache.messages.emplace(key, std::move(e)).first->second.get();
}

bool selector_value(const gl_selector *sel, const gl_value *v, Formattable &f)
{
    UErrorCode st = U_ZERO_ERROR;
    if (sel->use == USE_SELECT) {
        if (v->kind != V_TEXT)
            return false;
        f.setString(from_utf8(v->s, v->slen));
        return true;
    }
    switch (v->kind) {
    case V_INT:
        f.setInt64(v->i);
        return true;
    case V_DOUBLE:
        f.setDouble(v->d);
        return true;
    case V_DECIMAL:
        f.setDecimalNumber(icu::StringPiece(v->s, (int32_t)v->slen), st);
        return U_SUCCESS(st);
    default:
        return false;
    }
}

/* ---- plural and select without MessageFormat ----
 * MessageFormat spends most of a short message's time on UTF-16 conversions,
 * looking arguments up by name and copying sub-messages.  The common cases are
 * walked here instead, over the same MessagePattern parse and by the rules of
 * MessageFormat::format (ICU 72 msgfmt.cpp, plurfmt.cpp, selfmt.cpp): the
 * text between parts is literal (quoting apostrophes are parts of their own);
 * a select takes its first key equal to the value, else its first `other`; a
 * plural takes its first explicit value equal to the number, else the first
 * sub-message of the keyword the locale's rules give (asked only when a
 * keyword other than `other` is present), else its first `other`; `#` is the
 * number in the locale's default number format.  Plurals with fractional
 * values or an `offset:` still go through MessageFormat. */

struct WMsg;

struct WCase {
    std::string key;
    bool has_value = false;
    double value = 0;
    std::unique_ptr<WMsg> msg;
};

struct WItem {
    enum Kind { TEXT, SLOT, HASH, SELECT, PLURAL, ORDINAL } kind = TEXT;
    std::string text;     /* TEXT, UTF-8 */
    size_t index = 0;     /* SLOT: slot; SELECT, PLURAL, ORDINAL: selector */
    std::vector<WCase> cases;
};

struct WMsg {
    std::vector<WItem> items;
};

struct Walkable {
    bool ok = false; /* false: MessageFormat formats this template */
    WMsg root;
};

void flush_text(WMsg &m, UnicodeString &text)
{
    if (text.isEmpty())
        return;
    WItem it;
    text.toUTF8String(it.text);
    m.items.push_back(std::move(it));
    text.remove();
}

/* The slot index of a placeholder name "λk", or -1. */
long slot_index(const UnicodeString &name, size_t nslots)
{
    if (name.length() < 2 || name.length() > 9 || name[0] != kTermMark)
        return -1;
    long k = 0;
    for (int32_t i = 1; i < name.length(); i++) {
        if (name[i] < '0' || name[i] > '9')
            return -1;
        k = k * 10 + (name[i] - '0');
    }
    return (size_t)k < nslots ? k : -1;
}

/* Mirrors MessageFormat::format(msgStart, ...); false when the message uses
 * something walk() leaves to MessageFormat. */
bool build_walk(const MessagePattern &mp, const gl_template *t, int32_t start, WMsg &m)
{
    const UnicodeString &pat = mp.getPatternString();
    UnicodeString text;
    int32_t prev = mp.getPart(start).getLimit();
    for (int32_t i = start + 1;; i++) {
        const MessagePattern::Part &p = mp.getPart(i);
        UMessagePatternPartType type = p.getType();
        text.append(pat, prev, p.getIndex() - prev);
        if (type == UMSGPAT_PART_TYPE_MSG_LIMIT) {
            flush_text(m, text);
            return true;
        }
        prev = p.getLimit();
        if (type == UMSGPAT_PART_TYPE_REPLACE_NUMBER) {
            flush_text(m, text);
            WItem it;
            it.kind = WItem::HASH;
            m.items.push_back(std::move(it));
            continue;
        }
        if (type != UMSGPAT_PART_TYPE_ARG_START)
            continue;
        flush_text(m, text);
        int32_t limit = mp.getLimitPartIndex(i);
        UMessagePatternArgType at = p.getArgType();
        UnicodeString name = mp.getSubstring(mp.getPart(i + 1));
        WItem it;
        if (at == UMSGPAT_ARG_TYPE_NONE) {
            long k = slot_index(name, t->nslots);
            if (k < 0)
                return false;
            it.kind = WItem::SLOT;
            it.index = (size_t)k;
        } else if (at == UMSGPAT_ARG_TYPE_SELECT || UMSGPAT_ARG_TYPE_HAS_PLURAL_STYLE(at)) {
            std::string n8 = utf8(name);
            size_t k = 0;
            while (k < t->nsels && n8 != t->sels[k].name)
                k++;
            if (k == t->nsels)
                return false;
            it.index = k;
            it.kind = at == UMSGPAT_ARG_TYPE_SELECT ? WItem::SELECT
                    : at == UMSGPAT_ARG_TYPE_PLURAL ? WItem::PLURAL : WItem::ORDINAL;
            int32_t j = i + 2;
            if (it.kind != WItem::SELECT && MessagePattern::Part::hasNumericValue(mp.getPartType(j))) {
                if (mp.getNumericValue(mp.getPart(j)) != 0)
                    return false; /* offset: MessageFormat */
                j++;
            }
            while (j < limit) {
                WCase c;
                c.key = utf8(mp.getSubstring(mp.getPart(j++)));
                if (MessagePattern::Part::hasNumericValue(mp.getPartType(j))) {
                    c.has_value = true;
                    c.value = mp.getNumericValue(mp.getPart(j++));
                }
                c.msg.reset(new WMsg());
                if (!build_walk(mp, t, j, *c.msg))
                    return false;
                j = mp.getLimitPartIndex(j) + 1;
                it.cases.push_back(std::move(c));
            }
        } else {
            return false;
        }
        m.items.push_back(std::move(it));
        prev = mp.getPart(limit).getLimit();
        i = limit;
    }
}

const Walkable *walkable(const gl_fmt_env *env, const gl_template *t)
{
    std::string key;
    key.append((const char *)&env->serial, sizeof env->serial);
    key.append((const char *)&t->id, sizeof t->id);
    auto it = tcache.walkables.find(key);
    if (it != tcache.walkables.end())
        return it->second.get();
    std::unique_ptr<Walkable> w(new Walkable());
    /* one name used by two kinds of selector: MessageFormat decides */
    bool mixed = false;
    for (size_t i = 0; i < t->nsels; i++)
        for (size_t j = 0; j < i; j++)
            mixed = mixed || (strcmp(t->sels[i].name, t->sels[j].name) == 0 &&
                              t->sels[i].use != t->sels[j].use);
    UErrorCode st = U_ZERO_ERROR;
    MessagePattern mp(UMSGPAT_APOS_DOUBLE_OPTIONAL, st);
    mp.parse(UnicodeString(false, (const UChar *)t->pattern, t->pattern_len), nullptr, st);
    w->ok = !mixed && U_SUCCESS(st) && build_walk(mp, t, 0, w->root);
    bound(tcache.walkables);
    return tcache.walkables.emplace(key, std::move(w)).first->second.get();
}

const icu::PluralRules *plural_rules(const gl_fmt_env *env, bool ordinal)
{
    std::string key(env->locale);
    key += '\x1f';
    key += ordinal ? 'o' : 'c';
    auto it = tcache.plural_rules.find(key);
    if (it != tcache.plural_rules.end())
        return it->second.get();
    UErrorCode st = U_ZERO_ERROR;
    std::unique_ptr<icu::PluralRules> pr(icu::PluralRules::forLocale(
        locale_of(env->locale), ordinal ? UPLURAL_TYPE_ORDINAL : UPLURAL_TYPE_CARDINAL, st));
    if (U_FAILURE(st) || !pr)
        return nullptr;
    bound(tcache.plural_rules);
    return tcache.plural_rules.emplace(key, std::move(pr)).first->second.get();
}

struct WalkCtx {
    const gl_fmt_env *env;
    const char *const *slot_text;
    const size_t *slot_len;
    const gl_value *const *sel_vals;
    gl_buf *out;
};

/* The number of a plural, formatted on first need (keyword or `#`). */
struct PluralNumber {
    int64_t n;
    bool done = false;
    icu::number::FormattedNumber fn;
};

bool plural_formatted(const WalkCtx &w, PluralNumber &pn)
{
    if (pn.done)
        return true;
    /* the number format MessageFormat uses for `#` (getDefaultNumberFormat) */
    static const gl_slot plain = {SLOT_ARG, USE_NUMBER, "#", ""};
    const icu::number::LocalizedNumberFormatter *lnf = number_formatter(w.env, &plain, nullptr);
    UErrorCode st = U_ZERO_ERROR;
    if (!lnf)
        return false;
    pn.fn = lnf->formatInt(pn.n, st);
    pn.done = U_SUCCESS(st);
    return pn.done;
}

/* Plural keywords are ASCII: compared unit by unit, without converting. */
bool same_keyword(const UnicodeString &keyword, const std::string &key)
{
    if ((size_t)keyword.length() != key.size())
        return false;
    for (size_t i = 0; i < key.size(); i++)
        if (keyword[(int32_t)i] != (UChar)(unsigned char)key[i])
            return false;
    return true;
}

/* PluralFormat::findSubMessage; -1 on failure. */
long plural_case(const WalkCtx &w, const WItem &it, PluralNumber &pn)
{
    double number = (double)pn.n;
    UnicodeString keyword;
    bool asked = false, have_keyword_match = false;
    long chosen = -1;
    for (size_t k = 0; k < it.cases.size(); k++) {
        const WCase &c = it.cases[k];
        if (c.has_value) {
            if (number == c.value)
                return (long)k;
        } else if (!have_keyword_match) {
            if (c.key == "other") {
                if (chosen < 0) {
                    chosen = (long)k;
                    if (asked && keyword == UNICODE_STRING_SIMPLE("other"))
                        have_keyword_match = true;
                }
            } else {
                if (!asked) {
                    const icu::PluralRules *pr = plural_rules(w.env, it.kind == WItem::ORDINAL);
                    UErrorCode st = U_ZERO_ERROR;
                    if (!pr || !plural_formatted(w, pn))
                        return -1;
                    keyword = pr->select(pn.fn, st);
                    if (U_FAILURE(st))
                        return -1;
                    asked = true;
                    if (chosen >= 0 && keyword == UNICODE_STRING_SIMPLE("other"))
                        have_keyword_match = true;
                }
                if (!have_keyword_match && same_keyword(keyword, c.key)) {
                    chosen = (long)k;
                    have_keyword_match = true;
                }
            }
        }
    }
    return chosen;
}

glocal_status walk(const WalkCtx &w, const WMsg &m, PluralNumber *pn)
{
    for (const WItem &it : m.items) {
        switch (it.kind) {
        case WItem::TEXT:
            gl_buf_putn(w.out, it.text.data(), it.text.size());
            break;
        case WItem::SLOT:
            gl_buf_putn(w.out, w.slot_text[it.index], w.slot_len[it.index]);
            break;
        case WItem::HASH: {
            UErrorCode st = U_ZERO_ERROR;
            if (!pn || !plural_formatted(w, *pn))
                return GLOCAL_ERR_FORMAT;
            UnicodeString u = pn->fn.toString(st);
            if (U_FAILURE(st))
                return GLOCAL_ERR_FORMAT;
            append_utf8(w.out, u);
            break;
        }
        case WItem::SELECT: {
            const gl_value *v = w.sel_vals[it.index];
            long chosen = -1;
            for (size_t k = 0; k < it.cases.size() && chosen < 0; k++)
                if (it.cases[k].key.size() == v->slen &&
                    memcmp(it.cases[k].key.data(), v->s, v->slen) == 0)
                    chosen = (long)k;
            for (size_t k = 0; k < it.cases.size() && chosen < 0; k++)
                if (it.cases[k].key == "other")
                    chosen = (long)k;
            if (chosen < 0)
                return GLOCAL_ERR_FORMAT;
            glocal_status st = walk(w, *it.cases[(size_t)chosen].msg, nullptr);
            if (st != GLOCAL_OK)
                return st;
            break;
        }
        case WItem::PLURAL:
        case WItem::ORDINAL: {
            PluralNumber inner;
            inner.n = w.sel_vals[it.index]->i;
            long chosen = plural_case(w, it, inner);
            if (chosen < 0)
                return GLOCAL_ERR_FORMAT;
            glocal_status st = walk(w, *it.cases[(size_t)chosen].msg, &inner);
            if (st != GLOCAL_OK)
                return st;
            break;
        }
        }
    }
    return GLOCAL_OK;
}

/* GLOCAL_OK: walk() can format these values; GLOCAL_ERR_FORMAT: MessageFormat
 * must (fractional plural values); GLOCAL_ERR_ARGUMENT: a value of a kind no
 * selector can take (as selector_value refuses). */
glocal_status walk_values(const gl_template *t, const gl_value *const *sel_vals)
{
    glocal_status st = GLOCAL_OK;
    for (size_t i = 0; i < t->nsels; i++) {
        gl_vkind k = sel_vals[i]->kind;
        if (t->sels[i].use == USE_SELECT) {
            if (k != V_TEXT)
                return GLOCAL_ERR_ARGUMENT;
        } else if (k == V_DOUBLE || k == V_DECIMAL) {
            st = GLOCAL_ERR_FORMAT;
        } else if (k != V_INT) {
            return GLOCAL_ERR_ARGUMENT;
        }
    }
    return st;
}

glocal_status format_complex(const gl_fmt_env *env, const gl_template *t,
                             const char *const *slot_text, const size_t *slot_len,
                             const gl_value *const *sel_vals, gl_buf *out)
{
    glocal_status ws = walk_values(t, sel_vals);
    if (ws == GLOCAL_ERR_ARGUMENT)
        return ws;
    const Walkable *wk = ws == GLOCAL_OK ? walkable(env, t) : nullptr;
    if (wk && wk->ok)
        return walk(WalkCtx{env, slot_text, slot_len, sel_vals, out}, wk->root, nullptr);
    MessageEntry *e = message_entry(env, t);
    if (!e)
        return GLOCAL_ERR_FORMAT;
    std::vector<Formattable> args(t->nslots + t->nsels);
    for (size_t i = 0; i < t->nslots; i++) {
        /* a slot repeated in several branches was written once (format.c):
         * convert it once */
        size_t j = 0;
        while (j < i && (slot_text[j] != slot_text[i] || slot_len[j] != slot_len[i]))
            j++;
        if (j < i)
            args[i] = args[j];
        else
            args[i].setString(from_utf8(slot_text[i], slot_len[i]));
    }
    for (size_t i = 0; i < t->nsels; i++)
        if (!selector_value(&t->sels[i], sel_vals[i], args[t->nslots + i]))
            return GLOCAL_ERR_ARGUMENT;
    UErrorCode st = U_ZERO_ERROR;
    UnicodeString u;
    e->mf->format(e->names.data(), args.data(), (int32_t)args.size(), u, st);
    if (U_FAILURE(st))
        return GLOCAL_ERR_FORMAT;
    append_utf8(out, u);
    return GLOCAL_OK;
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

gl_tag_status gl_locale_canonical(const char *tag, char *out, size_t cap)
{
    try {
        std::string t(tag);
        for (char &ch : t)
            if (ch == '_')
                ch = '-';
        if (t.empty() || t.size() >= GL_TAG_MAX)
            return t.empty() ? TAG_MALFORMED : TAG_TOO_LONG;
        UErrorCode st = U_ZERO_ERROR;
        char id[GL_TAG_MAX * 2];
        int32_t parsed = 0;
        uloc_forLanguageTag(t.c_str(), id, sizeof id, &parsed, &st);
        if (st == U_MEMORY_ALLOCATION_ERROR)
            return TAG_NOMEM;
        if (U_FAILURE(st) || st == U_STRING_NOT_TERMINATED_WARNING || parsed != (int32_t)t.size())
            return TAG_MALFORMED;
        Locale loc(id);
        if (loc.isBogus())
            return TAG_NOMEM; /* a parsed id is bogus only when memory ran out */
        /* canonicalize() says why it fails (createCanonical only leaves a bogus
         * locale): zh-Hanu-t-ch-hanuzt is a tag ICU cannot canonicalize, not OOM */
        loc.canonicalize(st);
        if (st == U_MEMORY_ALLOCATION_ERROR)
            return TAG_NOMEM;
        if (U_FAILURE(st) || loc.isBogus())
            return TAG_MALFORMED;
        std::string bcp = loc.toLanguageTag<std::string>(st);
        if (st == U_MEMORY_ALLOCATION_ERROR)
            return TAG_NOMEM;
        if (U_FAILURE(st))
            return TAG_MALFORMED;
        if (bcp.size() + 1 > cap)
            return TAG_TOO_LONG;
        memcpy(out, bcp.c_str(), bcp.size() + 1);
        return TAG_OK;
    } catch (const std::bad_alloc &) {
        return TAG_NOMEM;
    }
}

bool gl_locale_facts_of(const char *tag, gl_locale_facts *f)
{
    UErrorCode st = U_ZERO_ERROR;
    memset(f, 0, sizeof *f);
    char id[GL_TAG_MAX], likely[GL_TAG_MAX], base[GL_TAG_MAX];
    int32_t parsed = 0;
    uloc_forLanguageTag(tag, id, sizeof id, &parsed, &st);
    if (U_FAILURE(st) || st == U_STRING_NOT_TERMINATED_WARNING)
        return false;
    snprintf(f->icu_id, sizeof f->icu_id, "%s", id);
    const char *at = strchr(id, '@');
    snprintf(f->keywords, sizeof f->keywords, "%s", at ? at : "");
    uloc_getBaseName(id, base, sizeof base, &st);
    uloc_addLikelySubtags(base, likely, sizeof likely, &st);
    uloc_getLanguage(base, f->language, sizeof f->language, &st);
    uloc_getScript(likely, f->script, sizeof f->script, &st);
    uloc_toLanguageTag(base, f->base_tag, sizeof f->base_tag, false, &st);
    if (U_FAILURE(st))
        return false;
    if (!*f->language)
        snprintf(f->language, sizeof f->language, "und");
    f->rtl = uloc_isRightToLeft(likely);
    return true;
}

int gl_locale_cldr_parent(const char *tag, char *out, size_t cap)
{
    UErrorCode st = U_ZERO_ERROR;
    char id[GL_TAG_MAX];
    int32_t parsed = 0;
    uloc_forLanguageTag(tag, id, sizeof id, &parsed, &st);
    if (U_FAILURE(st))
        return st == U_MEMORY_ALLOCATION_ERROR ? -1 : 0;
    UResourceBundle *rb = ures_openDirect(nullptr, id, &st);
    if (U_FAILURE(st))
        return st == U_MEMORY_ALLOCATION_ERROR ? -1 : 0;
    int32_t len = 0;
    const UChar *p = ures_getStringByKey(rb, "%%Parent", &len, &st);
    int ok = st == U_MEMORY_ALLOCATION_ERROR ? -1 : 0;
    if (U_SUCCESS(st) && len > 0 && len < GL_TAG_MAX) {
        char pid[GL_TAG_MAX];
        u_UCharsToChars(p, pid, len);
        pid[len] = '\0';
        UErrorCode st2 = U_ZERO_ERROR;
        if (strcmp(pid, "root") != 0) {
            uloc_toLanguageTag(pid, out, (int32_t)cap, false, &st2);
            ok = st2 == U_MEMORY_ALLOCATION_ERROR ? -1
                 : U_SUCCESS(st2) && st2 != U_STRING_NOT_TERMINATED_WARNING;
        }
    }
    ures_close(rb);
    return ok;
}

int gl_locale_match(const char *desired, const char *const *supported, size_t n)
{
    try {
        UErrorCode st = U_ZERO_ERROR;
        icu::LocaleMatcher::Builder builder;
        builder.setNoDefaultLocale();
        for (size_t i = 0; i < n; i++)
            builder.addSupportedLocale(Locale::forLanguageTag(supported[i], st));
        icu::LocaleMatcher matcher = builder.build(st);
        if (U_FAILURE(st))
            return -1;
        icu::LocaleMatcher::Result r =
            matcher.getBestMatchResult(Locale::forLanguageTag(desired, st), st);
        return U_SUCCESS(st) ? r.getSupportedIndex() : -1;
    } catch (const std::bad_alloc &) {
        return -1;
    }
}

bool gl_currency_known(const char *iso4217)
{
    if (strlen(iso4217) != 3)
        return false;
    for (int i = 0; i < 3; i++)
        if (iso4217[i] < 'A' || iso4217[i] > 'Z')
            return false;
    UChar code[4];
    u_charsToUChars(iso4217, code, 4);
    UErrorCode st = U_ZERO_ERROR;
    return ucurr_isAvailable(code, U_DATE_MIN, U_DATE_MAX, &st) && U_SUCCESS(st);
}

bool gl_time_zone_known(const char *zone)
{
    UChar z[128], canon[128];
    size_t n = strlen(zone);
    if (n == 0 || n >= 128)
        return false;
    u_charsToUChars(zone, z, (int32_t)n + 1);
    UErrorCode st = U_ZERO_ERROR;
    UBool system = false;
    ucal_getCanonicalTimeZoneID(z, (int32_t)n, canon, 128, &system, &st);
    return U_SUCCESS(st) && system;
}

char *gl_plural_categories(const char *icu_id, bool ordinal)
{
    try {
        UErrorCode st = U_ZERO_ERROR;
        std::unique_ptr<icu::PluralRules> pr(icu::PluralRules::forLocale(
            Locale::createFromName(icu_id), ordinal ? UPLURAL_TYPE_ORDINAL : UPLURAL_TYPE_CARDINAL, st));
        if (U_FAILURE(st))
            return nullptr;
        std::unique_ptr<icu::StringEnumeration> kw(pr->getKeywords(st));
        std::string all;
        const char *k;
        while (U_SUCCESS(st) && (k = kw->next(nullptr, st)) != nullptr) {
            all += k;
            all += '\0';
        }
        all += '\0';
        char *p = (char *)malloc(all.size());
        if (p)
            memcpy(p, all.data(), all.size());
        return p;
    } catch (const std::bad_alloc &) {
        return nullptr;
    }
}

void gl_plural_select(const char *icu_id, bool ordinal, int n, char *out, size_t cap)
{
    try {
        thread_local std::unordered_map<std::string, std::unique_ptr<icu::PluralRules>> rules;
        std::string key = std::string(icu_id) + (ordinal ? "/o" : "/c");
        auto it = rules.find(key);
        if (it == rules.end()) {
            UErrorCode st = U_ZERO_ERROR;
            std::unique_ptr<icu::PluralRules> pr(icu::PluralRules::forLocale(
                Locale::createFromName(icu_id), ordinal ? UPLURAL_TYPE_ORDINAL : UPLURAL_TYPE_CARDINAL, st));
            if (U_FAILURE(st))
                pr.reset();
            bound(rules);
            it = rules.emplace(key, std::move(pr)).first;
        }
        std::string s = it->second ? utf8(it->second->select((int32_t)n)) : "other";
        snprintf(out, cap, "%s", s.c_str());
    } catch (const std::bad_alloc &) {
        snprintf(out, cap, "other");
    }
}

glocal_status gl_format_value(const gl_fmt_env *env, const gl_slot *s, const gl_value *v,
                              gl_buf *out)
{
    try {
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

glocal_status gl_format_complex(const gl_fmt_env *env, const gl_template *t,
                                const char *const *slot_text, const size_t *slot_len,
                                const gl_value *const *sel_vals, gl_buf *out)
{
    try {
        return format_complex(env, t, slot_text, slot_len, sel_vals, out);
    } catch (const std::bad_alloc &) {
        return GLOCAL_ERR_NOMEM;
    }
}

} /* extern "C" */

bool gl_locale_tag_of(const char *icu_id, char *out, size_t cap)
{
    UErrorCode st = U_ZERO_ERROR;
    int32_t n = uloc_toLanguageTag(icu_id, out, (int32_t)cap, false, &st);
    return U_SUCCESS(st) && st != U_STRING_NOT_TERMINATED_WARNING && n > 0 && (size_t)n < cap;
}
