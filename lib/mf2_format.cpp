/*
 * MF2 formatting (formatting.md): declarations resolved lazily and once,
 * expressions through the function handlers (mf2_functions.cpp), the
 * pattern-selection algorithm, bidi isolation, markup.
 */
#include <cstring>
#include <new>

#include "text_write.h"
#include "mf2_value.hpp"

using mf2::Dir;
using mf2::Option;
using mf2::Value;

namespace {

const char FSI[] = "\xE2\x81\xA8", LRI[] = "\xE2\x81\xA6", RLI[] = "\xE2\x81\xA7",
           PDI[] = "\xE2\x81\xA9";

class Formatter : public mf2::Context {
  public:
    Formatter(const gl_mf2 *msg, const gl_mf2_env *e, gl_mf2_problem *p)
        : m(msg), problem(p), state(msg->ndecls, 0), values(msg->ndecls)
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
    std::vector<char> state; /* per declaration: 0 not resolved, 1 resolving, 2 resolved */
    std::vector<Value> values;

    Value variable(const char *name, size_t at, size_t below);
    Value expression(const gl_mf2_expr &e, size_t below);
    bool options(const gl_mf2_expr &e, size_t below, std::vector<Option> &opts);
    void apply_u_options(std::vector<Option> &opts, Value &v, size_t at);
    const gl_mf2_pattern &select();
    void pattern(const gl_mf2_pattern &p, gl_buf *out);
    void placeholder(const gl_mf2_expr &e, gl_buf *out);
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

/* Variable `name` as seen by declaration `below` (ndecls: by the body): a
 * declaration before it, else an argument.  Declarations resolve on first
 * use, once, so an unused one reports nothing. */
Value Formatter::variable(const char *name, size_t at, size_t below)
{
    for (size_t k = below; k-- > 0;) {
        if (strcmp(m->decls[k].name, name) != 0)
            continue;
        if (state[k] == 0) {
            state[k] = 1;
            Value v = expression(m->decls[k].expr, k);
            values[k] = std::move(v);
            state[k] = 2;
        }
        Value v = values[k];
        if (v.kind == Value::FALLBACK)
            v.fallback = std::string("$") + name;
        return v;
    }
    const gl_value *g = env->arg ? env->arg(env->ud, name) : nullptr;
    if (!g) {
        error("unresolved-variable", at, std::string("no argument `") + name + "`");
        return fallback(std::string("$") + name);
    }
    return mf2::from_argument(*g);
}

bool Formatter::options(const gl_mf2_expr &e, size_t below, std::vector<Option> &opts)
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
            o.value = variable(val.s, e.at, below);
            if (o.value.kind == Value::FALLBACK)
                continue; /* reported; the option is left out */
        }
        opts.push_back(std::move(o));
    }
    return true;
}

/* u:id, u:dir, u:locale (u-namespace.md), taken out of the options. */
void Formatter::apply_u_options(std::vector<Option> &opts, Value &v, size_t at)
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
        } else if (it->name != "u:id" && it->name != "u:locale") {
            error("bad-option", at, "unknown option " + it->name);
        }
        it = opts.erase(it);
    }
}

Value Formatter::expression(const gl_mf2_expr &e, size_t below)
{
    Value operand;
    bool has_operand = e.operand.kind != MF2_NONE;
    std::string src;
    if (e.operand.kind == MF2_LITERAL) {
        operand.kind = Value::TEXT;
        operand.text.assign(e.operand.s, e.operand.len);
        src = quoted(e.operand.s, e.operand.len);
    } else if (e.operand.kind == MF2_VARIABLE) {
        operand = variable(e.operand.s, e.at, below);
        src = std::string("$") + e.operand.s;
    } else {
        src = std::string(":") + e.function;
    }
    if (!e.function) {
        if (operand.kind == Value::FALLBACK)
            operand.fallback = src;
        return operand;
    }
    if (!mf2::has_function(*this, e.function)) {
        error("unknown-function", e.at, std::string("no function :") + e.function);
        return fallback(src);
    }
    std::vector<Option> opts;
    options(e, below, opts);
    /* :string takes anything, a fallback as its text (the suite's string.json) */
    if (has_operand && operand.kind == Value::FALLBACK && strcmp(e.function, "string") != 0) {
        error("bad-operand", e.at, std::string(":") + e.function + " has no operand to work on");
        return fallback(src);
    }
    Value u; /* collects u:dir */
    u.dir = Dir::UNKNOWN;
    apply_u_options(opts, u, e.at);
    Value v = mf2::call_function(*this, e.function, has_operand ? &operand : nullptr, opts,
                                    e.at);
    if (v.kind == Value::FALLBACK) {
        v.fallback = src;
        return v;
    }
    if (u.isolate) {
        v.isolate = true;
        v.dir = u.dir;
    }
    return v;
}

/* ---- pattern selection (formatting.md) ---- */

const gl_mf2_pattern &Formatter::select()
{
    size_t nsels = m->nsels;
    /* rank[s][v]: where variant v's key for selector s comes among the keys
     * that match (0 best), -1 no match; `*` ranks after every match. */
    std::vector<std::vector<long>> rank(nsels, std::vector<long>(m->nvariants, -1));
    for (size_t s = 0; s < nsels; s++) {
        size_t at = m->selector_at[s];
        Value v = variable(m->selectors[s], at, m->ndecls);
        bool ok = v.kind != Value::FALLBACK && mf2::can_select(v);
        if (!ok)
            error("bad-selector", at, std::string("$") + m->selectors[s] + " cannot select");
        std::vector<const char *> matched;
        for (size_t k = 0; k < m->nvariants; k++) {
            const gl_mf2_key &key = m->variants[k].keys[s];
            if (!key.s) {
                rank[s][k] = (long)m->nvariants;
                continue;
            }
            if (!ok || !mf2::match_key(*this, v, key.s, m->variants[k].at))
                continue;
            matched.push_back(key.s);
        }
        /* a stable insertion sort by BetterThan */
        for (size_t k = 1; k < matched.size(); k++)
            for (size_t j = k; j > 0 && mf2::better_key(v, matched[j], matched[j - 1]); j--)
                std::swap(matched[j], matched[j - 1]);
        for (size_t k = 0; k < m->nvariants; k++) {
            const char *key = m->variants[k].keys[s].s;
            for (size_t j = 0; key && j < matched.size(); j++)
                if (strcmp(matched[j], key) == 0) {
                    rank[s][k] = (long)j;
                    break;
                }
        }
    }
    size_t best = m->nvariants;
    for (size_t k = 0; k < m->nvariants; k++) {
        bool viable = true;
        for (size_t s = 0; s < nsels && viable; s++)
            viable = rank[s][k] >= 0;
        if (!viable)
            continue;
        if (best == m->nvariants) {
            best = k;
            continue;
        }
        for (size_t s = 0; s < nsels; s++) {
            if (rank[s][k] != rank[s][best]) {
                if (rank[s][k] < rank[s][best])
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
    } else if (mode == GLOCAL_ISOLATE_AUTO && v.kind != Value::NUMBER && v.kind != Value::DATE) {
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
    Value v = expression(e, m->ndecls);
    std::string text;
    if (v.kind != Value::FALLBACK && !mf2::format_value(*this, v, text, e.at))
        v = fallback(e.operand.kind == MF2_VARIABLE ? std::string("$") + e.operand.s
                     : e.operand.kind == MF2_LITERAL ? quoted(e.operand.s, e.operand.len)
                                                     : std::string(":") + e.function);
    if (v.kind == Value::FALLBACK) {
        text = "{" + v.fallback + "}";
        v.dir = Dir::UNKNOWN;
        v.isolate = false;
    }
    isolate(v, text, out);
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
    options(part.expr, m->ndecls, opts);
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
            if (!a || o.name != a)
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

/* Written into a buffer of its own, bounded as out is, so that a failure
 * leaves out as it was. */
glocal_status Formatter::run(gl_buf *out)
{
    gl_buf text = {};
    text.max = out->max ? (out->max > out->len ? out->max - out->len : 1) : 0;
    try {
        pattern(m->nsels ? select() : m->pattern, &text);
    } catch (...) {
        gl_buf_free(&text);
        throw;
    }
    glocal_status st = text.oom ? GLOCAL_ERR_NOMEM
                       : text.full ? GLOCAL_ERR_LIMIT
                       : failed && !env->recover ? status
                                                 : GLOCAL_OK;
    if (st == GLOCAL_OK)
        gl_buf_putn(out, text.p ? text.p : "", text.len);
    gl_buf_free(&text);
    if (st == GLOCAL_OK && gl_buf_failed(out))
        st = out->oom ? GLOCAL_ERR_NOMEM : GLOCAL_ERR_LIMIT;
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
