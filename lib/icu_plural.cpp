/*
 * Formatting plural/select templates (TK_COMPLEX): a walker for the common
 * cases, ICU's MessageFormat for the rest.
 */
#include <cstring>
#include <memory>
#include <new>
#include <string>
#include <unordered_map>
#include <vector>

#include <unicode/messagepattern.h>
#include <unicode/msgfmt.h>
#include <unicode/numberformatter.h>
#include <unicode/plurrule.h>

#include "icu_template.hpp"
#include "icu_util.hpp"

using gl_icu::append_utf8;
using gl_icu::bound;
using gl_icu::from_utf8;
using gl_icu::kTermMark;
using gl_icu::locale_of;
using gl_icu::number_formatter;
using gl_icu::utf8;
using icu::Formattable;
using icu::MessagePattern;
using icu::UnicodeString;

namespace {

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
 * number less the offset in the locale's default number format.  The keyword
 * is that of the number as the `other` branch formats it, when that branch
 * writes the plural's argument with a style before any `#`
 * (MessageFormat::PluralSelectorProvider::select, findOtherSubMessage,
 * findFirstPluralNumberArg), else as `#` formats it: "1.0 miles" for
 * `{n, number, 0.0} miles`, "1% point" for 0.01 and `{n, number, percent}`.
 * Only a name used by two kinds of selector still goes through MessageFormat. */

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
    double offset = 0;    /* PLURAL, ORDINAL */
    long number_slot = -1; /* PLURAL, ORDINAL: the slot whose style formats the
                            * number for the keyword, -1 for the default format */
    std::vector<WCase> cases;
};

struct WMsg {
    std::vector<WItem> items;
};

struct Walkable {
    bool ok = false; /* false: MessageFormat formats this template */
    WMsg root;
};

/* ---- MessageFormat, for what walk() leaves to it ---- */

struct MessageEntry {
    std::unique_ptr<icu::MessageFormat> mf;
    std::vector<UnicodeString> names;
    std::unique_ptr<MessagePattern> mp; /* the same pattern, for fits_limit() */
};

/* This file's share of the per-thread caches (icu_util.hpp). */
struct ThreadCache {
    std::unordered_map<std::string, std::unique_ptr<MessageEntry>> messages;
    std::unordered_map<std::string, std::unique_ptr<Walkable>> walkables;
    std::unordered_map<std::string, std::unique_ptr<icu::PluralRules>> plural_rules;
};

thread_local ThreadCache tcache;

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
    UnicodeString pattern;
    if (!gl_icu::complex_pattern(t, pattern))
        return nullptr;
    std::unique_ptr<MessageEntry> e(new MessageEntry());
    e->mf.reset(new icu::MessageFormat(pattern, locale_of(env->locale), pe, st));
    e->mp.reset(new MessagePattern(UMSGPAT_APOS_DOUBLE_OPTIONAL, st));
    e->mp->parse(pattern, nullptr, st);
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

/* The slot that formats the plural's number for choosing its keyword, as
 * MessageFormat::findFirstPluralNumberArg finds it in the `other` message at
 * `start`: the first argument of the plural's name at that message's own
 * level, unless a `#` comes first; -1 when the default number format does
 * (no such argument, or one written without a style). */
long first_number_slot(const MessagePattern &mp, const gl_template *t, int32_t start,
                       const UnicodeString &name)
{
    std::string n8 = utf8(name);
    for (int32_t i = start + 1;; i++) {
        UMessagePatternPartType type = mp.getPartType(i);
        if (type == UMSGPAT_PART_TYPE_MSG_LIMIT || type == UMSGPAT_PART_TYPE_REPLACE_NUMBER)
            return -1;
        if (type != UMSGPAT_PART_TYPE_ARG_START)
            continue;
        long k = mp.getPart(i).getArgType() == UMSGPAT_ARG_TYPE_NONE
                     ? slot_index(mp.getSubstring(mp.getPart(i + 1)), t->nslots)
                     : -1;
        if (k >= 0 && t->slots[k].kind == SLOT_ARG && n8 == t->slots[k].name)
            return t->slots[k].use == USE_NUMBER && *t->slots[k].style ? k : -1;
        i = mp.getLimitPartIndex(i);
    }
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
            int32_t j = i + 2, other = -1;
            if (it.kind != WItem::SELECT && MessagePattern::Part::hasNumericValue(mp.getPartType(j)))
                it.offset = mp.getNumericValue(mp.getPart(j++));
            while (j < limit) {
                WCase c;
                c.key = utf8(mp.getSubstring(mp.getPart(j++)));
                if (MessagePattern::Part::hasNumericValue(mp.getPartType(j))) {
                    c.has_value = true;
                    c.value = mp.getNumericValue(mp.getPart(j++));
                }
                if (other < 0 && !c.has_value && c.key == "other")
                    other = j;
                c.msg.reset(new WMsg());
                if (!build_walk(mp, t, j, *c.msg))
                    return false;
                j = mp.getLimitPartIndex(j) + 1;
                it.cases.push_back(std::move(c));
            }
            if (it.kind != WItem::SELECT && other >= 0)
                it.number_slot = first_number_slot(mp, t, other, name);
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
    UnicodeString pattern;
    bool parsed = !mixed && gl_icu::complex_pattern(t, pattern);
    if (parsed)
        mp.parse(pattern, nullptr, st);
    w->ok = parsed && U_SUCCESS(st) && build_walk(mp, t, 0, w->root);
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
    const gl_template *t;
    const char *const *slot_text;
    const size_t *slot_len;
    const gl_value *const *sel_vals;
    gl_buf *out;
};

/* The number of a plural: its value, and that value less the offset in the
 * default number format, made on first need (keyword or `#`). */
struct PluralNumber {
    const gl_value *v;
    double offset;
    double raw;       /* the value as a double: what `=N` keys compare with */
    bool done = false;
    icu::number::FormattedNumber fn;
};

/* What Formattable::getDouble gives for the value. */
bool value_double(const gl_value *v, double &d)
{
    if (v->kind != V_DECIMAL) {
        d = v->kind == V_INT ? (double)v->i : v->d;
        return true;
    }
    UErrorCode st = U_ZERO_ERROR;
    Formattable f;
    f.setDecimalNumber(icu::StringPiece(v->s, (int32_t)v->slen), st);
    d = f.getDouble(st);
    return U_SUCCESS(st);
}

/* The number less the offset as lnf writes it.  As in MessageFormat, the
 * value is kept exact without an offset and becomes a double with one. */
bool format_plural_number(const icu::number::LocalizedNumberFormatter &lnf,
                          const PluralNumber &pn, icu::number::FormattedNumber &fn)
{
    UErrorCode st = U_ZERO_ERROR;
    const gl_value *v = pn.v;
    if (pn.offset != 0)
        fn = lnf.formatDouble(pn.raw - pn.offset, st);
    else if (v->kind == V_INT)
        fn = lnf.formatInt(v->i, st);
    else if (v->kind == V_DOUBLE)
        fn = lnf.formatDouble(v->d, st);
    else
        fn = lnf.formatDecimal(icu::StringPiece(v->s, (int32_t)v->slen), st);
    return U_SUCCESS(st);
}

bool plural_formatted(const WalkCtx &w, PluralNumber &pn)
{
    if (pn.done)
        return true;
    /* the number format MessageFormat uses for `#` (getDefaultNumberFormat) */
    static const gl_slot plain = {SLOT_ARG, USE_NUMBER, "#", ""};
    const icu::number::LocalizedNumberFormatter *lnf = number_formatter(w.env, &plain, nullptr);
    pn.done = lnf && format_plural_number(*lnf, pn, pn.fn);
    return pn.done;
}

/* The plural keyword of the number as MessageFormat chooses it: formatted as
 * the `other` branch formats it (number_slot), else as `#` does. */
bool plural_keyword(const WalkCtx &w, const WItem &it, PluralNumber &pn, UnicodeString &keyword)
{
    const icu::PluralRules *pr = plural_rules(w.env, it.kind == WItem::ORDINAL);
    UErrorCode st = U_ZERO_ERROR;
    if (!pr)
        return false;
    if (it.number_slot < 0) {
        if (!plural_formatted(w, pn))
            return false;
        keyword = pr->select(pn.fn, st);
        return U_SUCCESS(st);
    }
    const icu::number::LocalizedNumberFormatter *lnf =
        number_formatter(w.env, &w.t->slots[it.number_slot], nullptr);
    icu::number::FormattedNumber fn;
    if (!lnf || !format_plural_number(*lnf, pn, fn))
        return false;
    keyword = pr->select(fn, st);
    return U_SUCCESS(st);
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
    double number = pn.raw;
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
                    if (!plural_keyword(w, it, pn, keyword))
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

glocal_status walk(const WalkCtx &w, const WMsg &m, PluralNumber *pn);

/* A plural or selectordinal and its chosen branch. */
glocal_status walk_plural(const WalkCtx &w, const WItem &it)
{
    PluralNumber pn{w.sel_vals[it.index], it.offset, 0, false, {}};
    if (!value_double(pn.v, pn.raw))
        return GLOCAL_ERR_FORMAT;
    long chosen = plural_case(w, it, pn);
    if (chosen < 0)
        return GLOCAL_ERR_FORMAT;
    return walk(w, *it.cases[(size_t)chosen].msg, &pn);
}

/* Stops at the first write the output cap refuses (gl_buf.max): the rest
 * could only be refused too. */
glocal_status walk(const WalkCtx &w, const WMsg &m, PluralNumber *pn)
{
    for (const WItem &it : m.items) {
        if (gl_buf_failed(w.out))
            return GLOCAL_OK;
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
            glocal_status st = walk_plural(w, it);
            if (st != GLOCAL_OK)
                return st;
            break;
        }
        }
    }
    return GLOCAL_OK;
}

/* GLOCAL_OK, or GLOCAL_ERR_ARGUMENT for a value of a kind no selector can
 * take (as selector_value refuses). */
glocal_status walk_values(const gl_template *t, const gl_value *const *sel_vals)
{
    for (size_t i = 0; i < t->nsels; i++) {
        gl_vkind k = sel_vals[i]->kind;
        if (t->sels[i].use == USE_SELECT ? k != V_TEXT
                                         : k != V_INT && k != V_DOUBLE && k != V_DECIMAL)
            return GLOCAL_ERR_ARGUMENT;
    }
    return GLOCAL_OK;
}

/* ---- what MessageFormat may allocate ----
 * MessageFormat writes the whole text into a UTF-16 string before glocal
 * sees any of it, from UTF-16 copies of the slot texts; it cannot stop at the
 * output cap.  So it is handed a template only when those copies fit in the
 * cap: two bytes a unit for every distinct slot text and for the longest text
 * the template can make from them.  The output is at most that long, and what
 * the call holds stays within four times the limit (docs/robustness.md). */

/* An upper bound in UTF-16 units of a plural's `#`: the longest plural value
 * in the locale's default number format, and room for what an offset adds. */
size_t hash_units(const gl_fmt_env *env, const gl_template *t, const gl_value *const *sel_vals)
{
    static const gl_slot plain = {SLOT_ARG, USE_NUMBER, "#", ""};
    const icu::number::LocalizedNumberFormatter *lnf = number_formatter(env, &plain, nullptr);
    const size_t kOffsetRoom = 64;
    size_t most = 0;
    for (size_t i = 0; i < t->nsels && lnf; i++) {
        const gl_value *v = sel_vals[i];
        if (t->sels[i].use == USE_SELECT)
            continue;
        UErrorCode st = U_ZERO_ERROR;
        icu::number::FormattedNumber fn =
            v->kind == V_INT      ? lnf->formatInt(v->i, st)
            : v->kind == V_DOUBLE ? lnf->formatDouble(v->d, st)
                                  : lnf->formatDecimal(icu::StringPiece(v->s, (int32_t)v->slen), st);
        size_t n = U_SUCCESS(st) ? (size_t)fn.toTempString(st).length() : 0;
        most = n > most ? n : most;
    }
    return most + kOffsetRoom;
}

struct Bound {
    const gl_template *t;
    const size_t *slot_len; /* UTF-8 bytes: never fewer than the UTF-16 units */
    size_t hash;
};

/* The most UTF-16 units message start..MSG_LIMIT formats to: its literal
 * text, each slot at its length, each `#` at b.hash, each plural/select as
 * its longest branch. */
size_t max_units(const MessagePattern &mp, int32_t start, const Bound &b)
{
    size_t len = 0;
    int32_t prev = mp.getPart(start).getLimit();
    for (int32_t i = start + 1;; i++) {
        const MessagePattern::Part &p = mp.getPart(i);
        UMessagePatternPartType type = p.getType();
        len += (size_t)(p.getIndex() - prev);
        prev = p.getLimit();
        if (type == UMSGPAT_PART_TYPE_MSG_LIMIT)
            return len;
        if (type == UMSGPAT_PART_TYPE_REPLACE_NUMBER)
            len += b.hash;
        if (type != UMSGPAT_PART_TYPE_ARG_START)
            continue;
        int32_t limit = mp.getLimitPartIndex(i);
        UMessagePatternArgType at = p.getArgType();
        if (at == UMSGPAT_ARG_TYPE_SELECT || UMSGPAT_ARG_TYPE_HAS_PLURAL_STYLE(at)) {
            size_t best = 0;
            for (int32_t j = i + 2; j < limit; j++) {
                if (mp.getPartType(j) != UMSGPAT_PART_TYPE_MSG_START)
                    continue;
                size_t l = max_units(mp, j, b);
                best = l > best ? l : best;
                j = mp.getLimitPartIndex(j);
            }
            len += best;
        } else {
            long k = slot_index(mp.getSubstring(mp.getPart(i + 1)), b.t->nslots);
            len += k >= 0 ? b.slot_len[k] : b.hash; /* not a slot: a number at most */
        }
        i = limit;
        prev = mp.getPart(i).getLimit();
    }
}

/* Whether MessageFormat's UTF-16 copies (see above) fit in what is left of
 * out's cap. */
bool fits_limit(const gl_fmt_env *env, const MessageEntry &e, const gl_template *t,
                const char *const *slot_text, const size_t *slot_len,
                const gl_value *const *sel_vals, const gl_buf *out)
{
    if (!out->max)
        return true;
    size_t units = 0;
    for (size_t i = 0; i < t->nslots; i++) {
        size_t j = 0;
        while (j < i && slot_text[j] != slot_text[i])
            j++;
        units += j < i ? 0 : slot_len[i];
    }
    units += max_units(*e.mp, 0, Bound{t, slot_len, hash_units(env, t, sel_vals)});
    return units <= (out->max - out->len) / 2;
}

glocal_status format_complex(const gl_fmt_env *env, const gl_template *t,
                             const char *const *slot_text, const size_t *slot_len,
                             const gl_value *const *sel_vals, gl_buf *out)
{
    glocal_status ws = walk_values(t, sel_vals);
    if (ws != GLOCAL_OK)
        return ws;
    const Walkable *wk = walkable(env, t);
    if (wk->ok)
        return walk(WalkCtx{env, t, slot_text, slot_len, sel_vals, out}, wk->root, nullptr);
    MessageEntry *e = message_entry(env, t);
    if (!e)
        return GLOCAL_ERR_FORMAT;
    if (!fits_limit(env, *e, t, slot_text, slot_len, sel_vals, out))
        return GLOCAL_ERR_LIMIT;
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
    std::vector<Formattable>().swap(args); /* the slot copies go before the output grows */
    append_utf8(out, u);
    return GLOCAL_OK;
}

} // namespace

extern "C" {

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
