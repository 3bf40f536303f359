/*
 * What an MF1 template writes that MF2's options cannot ask for, written by
 * MF1's own code so that a catalog converted by `glocal convert --to mf2`
 * writes the same text (docs/mf2.md, "Converting from MF1"): a number or
 * date skeleton (`glocal:skeleton`) or pattern (`glocal:pattern`), glocal's
 * options under its own namespace, as the spec asks of implementation
 * options (functions/README.md).
 */
#include <cstdio>
#include <new>
#include <string>

#include "mf2_value.hpp"

extern "C" {
#include "value.h"
}

namespace mf2 {

bool wants_mf1(const Value &v)
{
    return (v.kind == Value::NUMBER || v.kind == Value::DATE) &&
           (v.opt("glocal:skeleton") || v.opt("glocal:pattern"));
}

bool format_as_mf1(Context &cx, const Value &v, std::string &out, size_t at)
{
    const std::string *skeleton = v.opt("glocal:skeleton"), *pattern = v.opt("glocal:pattern");
    std::string style = skeleton ? "::" + *skeleton : *pattern;
    gl_slot s = {SLOT_ARG, v.kind == Value::NUMBER ? USE_NUMBER
                           : v.fn == Fn::TIME      ? USE_TIME
                                                   : USE_DATE,
                 "", style.c_str()};
    gl_value g = {};
    if (v.kind == Value::NUMBER) {
        g.kind = v.money ? V_MONEY : V_DECIMAL;
        g.s = v.num.c_str();
        g.slen = v.num.size();
        if (v.money) {
            const std::string *code = v.opt("currency");
            snprintf(g.cur, sizeof g.cur, "%s", code ? code->c_str() : "");
        }
    } else {
        g.kind = v.day ? V_DAY : V_DATE;
        g.i = v.day ? v.ms / 86400000 : v.ms;
    }
    gl_fmt_env env = cx.env->fmt;
    env.locale = v.locale_or(env.locale);
    gl_buf b = {};
    glocal_status st = gl_format_value(&env, &s, &g, &b);
    if (st == GLOCAL_OK && b.oom)
        st = GLOCAL_ERR_NOMEM;
    if (st == GLOCAL_OK)
        out.append(b.p ? b.p : "", b.len);
    gl_buf_free(&b);
    if (st == GLOCAL_ERR_NOMEM)
        throw std::bad_alloc();
    if (st != GLOCAL_OK)
        cx.error(st == GLOCAL_ERR_ARGUMENT ? "bad-operand" : "bad-option", at,
                 "cannot write this value as `" + style + "`");
    return st == GLOCAL_OK;
}

} // namespace mf2
