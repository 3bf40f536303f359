/*
 * MF2 formatting (formatting.md): declarations resolved lazily and once,
 * expressions through the function handlers (mf2_functions.cpp), the
 * pattern-selection algorithm, bidi isolation, markup.
 */
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <forward_list>
#include <memory>
#include <new>

#include <unicode/uloc.h>

#include "text_write.h"
#include "mf2_value.hpp"

using mf2::Dir;
using mf2::Option;
using mf2::Value;

namespace {

/* Storage a small message formats in without a heap allocation: the first N
 * elements on the stack, the rest (a long message) on the heap. */
template <class T, size_t N> class SmallVec {
  public:
    SmallVec() = default;
    SmallVec(const SmallVec &) = delete; /* p may point into own */
    SmallVec &operator=(const SmallVec &) = delete;
    size_t size() const { return n; }
    T &operator[](size_t k) { return p[k]; }
    void clear()
    {
        n = 0;
        more.clear();
        p = own;
    }
    void assign(size_t count, T fill)
    {
        clear();
        for (size_t k = 0; k < count; k++)
            push_back(fill);
    }
    void push_back(T x)
    {
        if (n == N && p == own) {
            more.assign(own, own + N);
            p = nullptr;
        }
        if (p != own) {
            more.push_back(x);
            p = more.data();
        } else {
            own[n] = x;
        }
        n++;
    }

  private:
    T own[N];
    std::vector<T> more;
    T *p = own;
    size_t n = 0;
};

/* `count` values made once, in place when few (a declaration's is referred to
 * while others resolve, so they never move). */
template <class T, size_t N> class Slots {
  public:
    explicit Slots(size_t count) : n(count), heap(count > N ? new T[count] : nullptr)
    {
        for (size_t k = 0; !heap && k < n; k++)
            new (own + k * sizeof(T)) T; /* default-initialized: T's own initializers, no zeroing */
    }
    Slots(const Slots &) = delete;
    Slots &operator=(const Slots &) = delete;
    ~Slots()
    {
        for (size_t k = 0; !heap && k < n; k++)
            (*this)[k].~T();
    }
    T &operator[](size_t k) { return heap ? heap[k] : reinterpret_cast<T *>(own)[k]; }

  private:
    alignas(T) unsigned char own[N * sizeof(T)];
    size_t n;
    std::unique_ptr<T[]> heap;
};

/* Values that must stay where they are once made (references to them are
 * kept): the first N in place, the rest in a list. */
template <class T, size_t N> class Pool {
  public:
    Pool() = default;
    Pool(const Pool &) = delete;
    Pool &operator=(const Pool &) = delete;
    ~Pool()
    {
        for (size_t k = 0; k < n; k++)
            at(k).~T();
    }
    T &add()
    {
        if (n == N) {
            more.emplace_front();
            return more.front();
        }
        T *t = new (own + n * sizeof(T)) T; /* as in Slots */
        n++;
        return *t;
    }
    /* the first value pred accepts, or nullptr */
    template <class F> T *find(F pred)
    {
        for (size_t k = 0; k < n; k++)
            if (pred(at(k)))
                return &at(k);
        for (T &t : more)
            if (pred(t))
                return &t;
        return nullptr;
    }

  private:
    T &at(size_t k) { return *reinterpret_cast<T *>(own + k * sizeof(T)); }
    alignas(T) unsigned char own[N * sizeof(T)];
    size_t n = 0; /* made in own */
    std::forward_list<T> more;
};

const char FSI[] = "\xE2\x81\xA8", LRI[] = "\xE2\x81\xA6", RLI[] = "\xE2\x81\xA7",
           PDI[] = "\xE2\x81\xA9";

class Formatter : public mf2::Context {
  public:
    Formatter(const gl_mf2 *msg, const gl_mf2_env *e, gl_mf2_problem *p)
        : m(msg), problem(p), decls(msg->ndecls)
    {
        env = e;
    }

    void error(const char *name, size_t at, const std::string &message) override
    {
        gl_mf2_problem p{};
        p.name = name;
        p.at = at;
        snprintf(p.message, sizeof p.message, "%s: %s", name, message.c_str());
        if (!failed && problem)
            *problem = p;
        if (!failed)
            status = strcmp(name, "format-error") == 0 ? GLOCAL_ERR_FORMAT : GLOCAL_ERR_ARGUMENT;
        failed = true;
        if (env->recover && env->on_error)
            env->on_error(env->error_ud, &p);
    }

    glocal_status run(gl_buf *out);
    bool failed = false;
    glocal_status status = GLOCAL_OK; /* what a failure returns */

  private:
    const gl_mf2 *m;
    gl_mf2_problem *problem;
    struct Declared {
        Value value;
        char state = 0; /* 0 not resolved, 1 queued, 2 resolved */
    };
    Slots<Declared, 4> decls;
    /* arguments as values, looked up once per name; a pool keeps references valid */
    struct Argument {
        const char *name = nullptr;
        Value value;
    };
    Pool<Argument, 4> args;

    const Value &variable(const char *name, size_t decl, size_t at);
    void resolve_declaration(size_t k);
    void resolve_one(size_t j);
    const Value &expression(const gl_mf2_expr &e, Value &scratch);
    bool options(const gl_mf2_expr &e, std::vector<Option> &opts);
    struct UOptions {
        bool isolate = false;
        Dir dir = Dir::UNKNOWN;
        std::string locale;
    };
    void apply_u_options(std::vector<Option> &opts, UOptions &v, size_t at);
    const gl_mf2_pattern &select();
    void matching_keys(const Value &v, size_t s, SmallVec<const char *, 4> &matched);
    void pattern(const gl_mf2_pattern &p, gl_buf *out);
    void placeholder(const gl_mf2_expr &e, gl_buf *out);
    void write_value(const gl_mf2_expr &e, const Value &v, gl_buf *out);
    void markup(const gl_mf2_part &part, gl_buf *out);
    void isolate(const Value &v, const std::string &text, gl_buf *out);
};

/* The source of a literal as a fallback writes it: |text| with \ and | escaped. */
std::string quoted(const char *s, size_t n)
{
    std::string r = "|";
    for (size_t k = 0; k < n; k++) {
        if (s[k] == '\\' || s[k] == '|')
            r += '\\';
        r += s[k];
    }
    return r + "|";
}

Value fallback(std::string src)
{
    Value v;
    v.kind = Value::FALLBACK;
    v.fallback = std::move(src);
    return v;
}

/* Variable `name`: declaration decl (linked by the parser), else an
 * argument.  Declarations resolve on first use, once, so an unused one
 * reports nothing; the values live as long as the formatter, so that what a
 * value memoizes (its text, its plural category) serves every use. */
const Value &Formatter::variable(const char *name, size_t decl, size_t at)
{
    if (decl != GL_MF2_ARGUMENT) {
        if (decls[decl].state == 0)
            resolve_declaration(decl);
        return decls[decl].value;
    }
    if (Argument *known = args.find([name](const Argument &a) { return !strcmp(a.name, name); }))
        return known->value;
    const gl_value *g = env->arg ? env->arg(env->ud, name) : nullptr;
    if (!g)
        error("unresolved-variable", at, std::string("no argument `") + name + "`");
    Argument &made = args.add();
    made.name = name;
    Value &v = made.value;
    if (g)
        mf2::from_argument(*g, v);
    else
        v.fallback = std::string("$") + name; /* a Value is a FALLBACK until made otherwise */
    return v;
}

/* Resolves declaration k after the unresolved ones it depends on, in
 * declaration order: each then finds what it refers to resolved, so a long
 * chain of declarations costs no stack. */
void Formatter::resolve_declaration(size_t k)
{
    const gl_mf2_decl &dk = m->decls[k];
    bool ready = true; /* the usual case: what k refers to is resolved, or nothing */
    for (size_t d = 0; d < dk.ndeps && ready; d++)
        ready = decls[dk.deps[d]].state == 2;
    if (ready) {
        resolve_one(k);
        return;
    }
    std::vector<size_t> todo{k}, order;
    while (!todo.empty()) {
        size_t j = todo.back();
        todo.pop_back();
        if (decls[j].state != 0)
            continue;
        decls[j].state = 1;
        order.push_back(j);
        const gl_mf2_decl &d = m->decls[j];
        todo.insert(todo.end(), d.deps, d.deps + d.ndeps);
    }
    std::sort(order.begin(), order.end());
    for (size_t j : order)
        resolve_one(j);
}

/* Declaration j, whose dependencies are resolved. */
void Formatter::resolve_one(size_t j)
{
    Value &slot = decls[j].value;
    const Value &v = expression(m->decls[j].expr, slot); /* made in place */
    if (&v != &slot)
        slot = v;
    if (slot.kind == Value::FALLBACK)
        slot.fallback = std::string("$") + m->decls[j].name;
    decls[j].state = 2;
}

bool Formatter::options(const gl_mf2_expr &e, std::vector<Option> &opts)
{
    for (size_t k = 0; k < e.nopts; k++) {
        Option o;
        o.name = e.opts[k].name;
        const gl_mf2_operand &val = e.opts[k].value;
        if (val.kind == MF2_LITERAL) {
            o.value.kind = Value::TEXT;
            o.value.text.assign(val.s, val.len);
        } else {
            o.literal = false;
            o.value = variable(val.s, val.decl, e.at); /* a copy: options are few and small */
            if (o.value.kind == Value::FALLBACK)
                continue; /* reported; the option is left out */
        }
        opts.push_back(std::move(o));
    }
    return true;
}

/* u:id, u:dir, u:locale (u-namespace.md), taken out of the options. */
void Formatter::apply_u_options(std::vector<Option> &opts, UOptions &v, size_t at)
{
    for (auto it = opts.begin(); it != opts.end();) {
        if (it->name.compare(0, 2, "u:") != 0) {
            ++it;
            continue;
        }
        const std::string &s = it->value.text;
        if (it->name == "u:dir") {
            if (it->value.kind != Value::TEXT ||
                (s != "ltr" && s != "rtl" && s != "auto" && s != "inherit")) {
                error("bad-option", at, "u:dir is ltr, rtl, auto or inherit");
            } else if (s != "inherit") {
                v.isolate = true;
                v.dir = s == "ltr" ? Dir::LTR : s == "rtl" ? Dir::RTL : Dir::UNKNOWN;
            }
        } else if (it->name == "u:locale") {
            char id[ULOC_FULLNAME_CAPACITY];
            UErrorCode st = U_ZERO_ERROR;
            int32_t n = uloc_forLanguageTag(s.c_str(), id, sizeof id, nullptr, &st);
            if (it->value.kind != Value::TEXT || U_FAILURE(st) || n <= 0 ||
                st == U_STRING_NOT_TERMINATED_WARNING)
                error("bad-option", at, "u:locale is a BCP 47 language tag");
            else
                v.locale.assign(id, (size_t)n);
        } else if (it->name != "u:id") {
            error("bad-option", at, "unknown option " + it->name);
        }
        it = opts.erase(it);
    }
}

/* What a fallback writes for expression e: its operand's source, else its function. */
std::string source_of(const gl_mf2_expr &e)
{
    if (e.operand.kind == MF2_LITERAL)
        return quoted(e.operand.s, e.operand.len);
    if (e.operand.kind == MF2_VARIABLE)
        return std::string("$") + e.operand.s;
    return std::string(":") + e.function;
}

/* The resolved value of e: a variable's own, or one made in scratch. */
const Value &Formatter::expression(const gl_mf2_expr &e, Value &scratch)
{
    const Value *operand = nullptr;
    if (e.operand.kind == MF2_LITERAL) {
        scratch.kind = Value::TEXT;
        scratch.text.assign(e.operand.s, e.operand.len);
        if (!e.function)
            return scratch;
        operand = &scratch;
    } else if (e.operand.kind == MF2_VARIABLE) {
        operand = &variable(e.operand.s, e.operand.decl, e.at);
        if (!e.function)
            return *operand;
    }
    mf2::Fn fn = mf2::function_named(*this, e.function);
    if (fn == mf2::Fn::NONE) {
        error("unknown-function", e.at, std::string("no function :") + e.function);
        return scratch = fallback(source_of(e));
    }
    std::vector<Option> opts;
    options(e, opts);
    /* :string takes anything, a fallback as its text (the suite's string.json) */
    if (operand && operand->kind == Value::FALLBACK && fn != mf2::Fn::STRING) {
        error("bad-operand", e.at, std::string(":") + e.function + " has no operand to work on");
        return scratch = fallback(source_of(e));
    }
    UOptions u;
    apply_u_options(opts, u, e.at);
    /* the operand may live in scratch (a literal): the call reads it before its result lands */
    Value v = mf2::call_function(*this, fn, operand, opts, e.at);
    if (v.kind == Value::FALLBACK) {
        v.fallback = source_of(e);
    } else {
        if (u.isolate) {
            v.isolate = true;
            v.dir = u.dir;
        }
        if (!u.locale.empty() && u.locale != v.locale) {
            v.locale = std::move(u.locale);
            v.forget(); /* formatted for another locale */
        }
    }
    scratch = std::move(v);
    return scratch;
}

/* ---- pattern selection (formatting.md) ---- */

/* The distinct keys of selector s that match v, best first: a key each
 * variant with it shares (so a thousand variants of key `1` cost one
 * match).  Built-in selectors match at most two distinct keys (a number
 * and a category), so the lists stay short. */
void Formatter::matching_keys(const Value &v, size_t s, SmallVec<const char *, 4> &matched)
{
    for (size_t k = 0; k < m->nvariants; k++) {
        const char *key = m->variants[k].keys[s].s;
        if (!key)
            continue;
        bool known = false;
        for (size_t j = 0; j < matched.size() && !known; j++)
            known = strcmp(matched[j], key) == 0;
        if (!known && mf2::match_key(*this, v, key, m->variants[k].at))
            matched.push_back(key);
    }
    /* an insertion sort: stable, and with no buffer to allocate for so few keys */
    for (size_t k = 1; k < matched.size(); k++)
        for (size_t j = k; j > 0 && mf2::better_key(v, matched[j], matched[j - 1]); j--)
            std::swap(matched[j], matched[j - 1]);
}

const gl_mf2_pattern &Formatter::select()
{
    size_t nsels = m->nsels, nvars = m->nvariants;
    /* rank[s * nvars + k]: where variant k's key for selector s comes among
     * the keys that match (0 best), -1 no match; `*` after every match */
    SmallVec<long, 32> rank;
    rank.assign(nsels * nvars, -1);
    SmallVec<const char *, 4> matched;
    for (size_t s = 0; s < nsels; s++) {
        size_t at = m->selector_at[s];
        const Value &v = variable(m->selectors[s], m->selector_decl[s], at);
        matched.clear();
        if (v.kind != Value::FALLBACK && mf2::can_select(v))
            matching_keys(v, s, matched);
        else
            error("bad-selector", at, std::string("$") + m->selectors[s] + " cannot select");
        for (size_t k = 0; k < nvars; k++) {
            const char *key = m->variants[k].keys[s].s;
            if (!key)
                rank[s * nvars + k] = (long)nvars;
            for (size_t j = 0; key && j < matched.size(); j++)
                if (strcmp(matched[j], key) == 0) {
                    rank[s * nvars + k] = (long)j;
                    break;
                }
        }
    }
    size_t best = nvars;
    for (size_t k = 0; k < nvars; k++) {
        bool viable = true;
        for (size_t s = 0; s < nsels && viable; s++)
            viable = rank[s * nvars + k] >= 0;
        if (!viable)
            continue;
        if (best == nvars) {
            best = k;
            continue;
        }
        for (size_t s = 0; s < nsels; s++) {
            long rk = rank[s * nvars + k], rb = rank[s * nvars + best];
            if (rk != rb) {
                if (rk < rb)
                    best = k;
                break;
            }
        }
    }
    return m->variants[best].pattern; /* the data model guarantees a `*` variant */
}

/* ---- writing ---- */

/* The Default Bidi Strategy (ALWAYS), none (NEVER), or glocal's auto: text
 * isolated only when its direction differs from the message's. */
void Formatter::isolate(const Value &v, const std::string &text, gl_buf *out)
{
    glocal_isolation mode = env->isolation;
    const char *open = nullptr;
    if (mode == GLOCAL_ISOLATE_ALWAYS || (mode == GLOCAL_ISOLATE_AUTO && v.isolate)) {
        Dir msgdir = env->rtl ? Dir::RTL : Dir::LTR;
        if (v.dir == Dir::LTR)
            open = msgdir == Dir::LTR && !v.isolate ? nullptr : LRI;
        else
            open = v.dir == Dir::RTL ? RLI : FSI;
    } else if (mode == GLOCAL_ISOLATE_AUTO && v.kind != Value::NUMBER && v.kind != Value::DATE &&
               !v.code) {
        open = gl_needs_isolation(text.data(), text.size(), env->rtl) ? FSI : nullptr;
    }
    /* a caller's value with directional controls is isolated and contained, as in MF1 */
    bool contain = v.from_argument && mode != GLOCAL_ISOLATE_NEVER &&
                   gl_has_bidi_controls(text.data(), text.size());
    if (contain && !open)
        open = FSI;
    if (open)
        gl_buf_puts(out, open);
    if (contain && env->html) {
        /* balanced first, then escaped: neither changes the other's characters */
        gl_buf body = {};
        gl_put_contained(&body, text.data(), text.size());
        if (body.oom)
            throw std::bad_alloc();
        gl_put_html_escaped(out, body.p ? body.p : "", body.len);
        gl_buf_free(&body);
    } else if (contain) {
        gl_put_contained(out, text.data(), text.size());
    } else if (env->html) {
        gl_put_html_escaped(out, text.data(), text.size());
    } else {
        gl_buf_putn(out, text.data(), text.size());
    }
    if (open)
        gl_buf_puts(out, PDI);
}

void Formatter::placeholder(const gl_mf2_expr &e, gl_buf *out)
{
    /* a variable alone, the commonest placeholder, is its own value: no scratch to make */
    if (e.operand.kind == MF2_VARIABLE && !e.function) {
        write_value(e, variable(e.operand.s, e.operand.decl, e.at), out);
        return;
    }
    Value scratch;
    write_value(e, expression(e, scratch), out);
}

/* What placeholder e writes for its resolved value v: v's text, or the fallback. */
void Formatter::write_value(const gl_mf2_expr &e, const Value &v, gl_buf *out)
{
    std::string scratch_text;
    const std::string *text =
        v.kind != Value::FALLBACK ? mf2::format_value(*this, v, scratch_text, e.at) : nullptr;
    if (text) {
        isolate(v, *text, out);
        return;
    }
    Value shown = fallback(v.kind == Value::FALLBACK ? v.fallback : source_of(e));
    isolate(shown, "{" + shown.fallback + "}", out);
}

/* Markup names an html channel writes as elements, and the options each may
 * carry as attributes (escaped).  Anything else formats to nothing. */
struct Element {
    const char *name;
    const char *attrs[3];
};
const Element kElements[] = {
    {"a", {"href", "title", nullptr}}, {"b", {}},    {"br", {}},     {"code", {}},
    {"em", {}},                        {"i", {}},    {"mark", {}},   {"s", {}},
    {"small", {}},                     {"span", {"lang", nullptr}}, {"strong", {}},
    {"sub", {}},                       {"sup", {}},  {"u", {}},
};

/* An href glocal writes: http(s), mailto, or a relative reference (no
 * scheme before the first `/`, `?` or `#`).  `javascript:` and the like are
 * dropped, whoever wrote them. */
bool safe_href(const std::string &url)
{
    size_t colon = url.find(':');
    if (colon == std::string::npos || url.find_first_of("/?#") < colon)
        return true;
    std::string scheme = url.substr(0, colon);
    for (char &c : scheme)
        c = (char)tolower((unsigned char)c);
    return scheme == "http" || scheme == "https" || scheme == "mailto";
}

const Element *element(const char *name)
{
    for (const Element &el : kElements)
        if (strcmp(el.name, name) == 0)
            return &el;
    return nullptr;
}

void Formatter::markup(const gl_mf2_part &part, gl_buf *out)
{
    std::vector<Option> opts;
    options(part.expr, opts);
    for (const Option &o : opts)
        if (o.name == "u:dir")
            error("bad-option", part.expr.at, "markup takes no u:dir");
    const Element *el = env->html ? element(part.expr.function) : nullptr;
    if (!el)
        return;
    gl_buf_puts(out, part.kind == MF2_MARKUP_CLOSE ? "</" : "<");
    gl_buf_puts(out, el->name);
    for (const Option &o : opts) {
        if (part.kind == MF2_MARKUP_CLOSE || o.value.kind != Value::TEXT)
            continue;
        for (const char *a : el->attrs) {
            if (!a || o.name != a || (o.name == "href" && !safe_href(o.value.text)))
                continue;
            gl_buf_printf(out, " %s=\"", a);
            gl_put_html_escaped(out, o.value.text.data(), o.value.text.size());
            gl_buf_putc(out, '"');
        }
    }
    gl_buf_putc(out, '>');
}

void Formatter::pattern(const gl_mf2_pattern &p, gl_buf *out)
{
    for (size_t k = 0; k < p.nparts && !gl_buf_failed(out); k++) {
        const gl_mf2_part &part = p.parts[k];
        if (part.kind == MF2_TEXT)
            gl_buf_putn(out, part.text, part.len);
        else if (part.kind == MF2_EXPR)
            placeholder(part.expr, out);
        else
            markup(part, out);
    }
}

/* Written straight into out; a failure takes back what it wrote. */
glocal_status Formatter::run(gl_buf *out)
{
    size_t start = out->len;
    pattern(m->nsels ? select() : m->pattern, out);
    glocal_status st = out->oom ? GLOCAL_ERR_NOMEM
                       : out->full ? GLOCAL_ERR_LIMIT
                       : failed && !env->recover ? status
                                                 : GLOCAL_OK;
    if (st != GLOCAL_OK && out->p) {
        out->len = start;
        out->p[start] = '\0';
    }
    return st;
}

} // namespace

extern "C" glocal_status gl_mf2_format(const gl_mf2 *m, const gl_mf2_env *env, gl_buf *out,
                                       gl_mf2_problem *err)
{
    try {
        Formatter f(m, env, err);
        return f.run(out);
    } catch (const std::bad_alloc &) {
        return GLOCAL_ERR_NOMEM;
    }
}
