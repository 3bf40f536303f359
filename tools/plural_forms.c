/* Plural-Forms evaluated as GNU gettext's plural-eval does (plural_forms.h):
 * a recursive-descent reader that evaluates while it reads, one level of
 * recursion per level of nesting, which PLURAL_FORMS_MAX_DEPTH bounds. */
#include <ctype.h>
#include <stdbool.h>
#include <string.h>

#include "plural_forms.h"

typedef struct expr {
    const char *p;
    unsigned long n;
    unsigned depth;
    bool bad;                 /* does not parse, or divides by zero */
    bool too_deep;
} expr;

static unsigned long ternary(expr *e);

static void ws(expr *e)
{
    while (isspace((unsigned char)*e->p))
        e->p++;
}

static bool eat(expr *e, const char *tok)
{
    ws(e);
    size_t k = strlen(tok);
    if (strncmp(e->p, tok, k) != 0 || (k == 1 && strchr("<>=!&|", tok[0]) && e->p[1] == '='))
        return false;
    if (k == 1 && (tok[0] == '&' || tok[0] == '|') && e->p[1] == tok[0])
        return false;
    e->p += k;
    return true;
}

/* Enters one level of nesting; false (the expression refused) past the limit.
 * Every caller leaves it again with e->depth--. */
static bool deeper(expr *e)
{
    if (++e->depth <= PLURAL_FORMS_MAX_DEPTH)
        return true;
    e->too_deep = e->bad = true;
    return false;
}

static unsigned long primary(expr *e)
{
    ws(e);
    unsigned long v = 0;
    if (eat(e, "!")) {
        v = deeper(e) && !primary(e);
        e->depth--;
        return v;
    }
    if (eat(e, "(")) {
        v = ternary(e);
        e->bad = e->bad || !eat(e, ")");
        return v;
    }
    if (*e->p == 'n') {
        e->p++;
        return e->n;
    }
    if (!isdigit((unsigned char)*e->p))
        e->bad = true;
    while (isdigit((unsigned char)*e->p)) /* wraps, as gettext's reader does */
        v = v * 10 + (unsigned long)(*e->p++ - '0');
    return v;
}

static unsigned long product(expr *e)
{
    unsigned long v = primary(e), r;
    for (;;) {
        if (eat(e, "*"))
            v *= primary(e);
        else if (eat(e, "/"))
            v = (r = primary(e)) ? v / r : (e->bad = true, 0);
        else if (eat(e, "%"))
            v = (r = primary(e)) ? v % r : (e->bad = true, 0);
        else
            return v;
    }
}

static unsigned long sum(expr *e)
{
    unsigned long v = product(e);
    for (;;) {
        if (eat(e, "+"))
            v += product(e);
        else if (eat(e, "-"))
            v -= product(e);
        else
            return v;
    }
}

static unsigned long relation(expr *e)
{
    unsigned long v = sum(e);
    for (;;) {
        if (eat(e, "<="))
            v = v <= sum(e);
        else if (eat(e, ">="))
            v = v >= sum(e);
        else if (eat(e, "<"))
            v = v < sum(e);
        else if (eat(e, ">"))
            v = v > sum(e);
        else if (eat(e, "=="))
            v = v == sum(e);
        else if (eat(e, "!="))
            v = v != sum(e);
        else
            return v;
    }
}

static unsigned long conjunction(expr *e)
{
    unsigned long v = relation(e);
    while (eat(e, "&&"))
        v = relation(e) && v;
    return v;
}

static unsigned long disjunction(expr *e)
{
    unsigned long v = conjunction(e);
    while (eat(e, "||"))
        v = conjunction(e) || v;
    return v;
}

static unsigned long conditional(expr *e)
{
    unsigned long c = disjunction(e);
    if (!eat(e, "?"))
        return c;
    unsigned long a = ternary(e);
    e->bad = e->bad || !eat(e, ":");
    unsigned long b = ternary(e);
    return c ? a : b;
}

static unsigned long ternary(expr *e)
{
    unsigned long v = deeper(e) ? conditional(e) : 0;
    e->depth--;
    return v;
}

long plural_forms_eval(const char *expression, unsigned long n, long max_forms)
{
    expr e = {expression, n, 0, false, false};
    unsigned long v = conditional(&e); /* the top level is no nesting */
    ws(&e);
    if (e.too_deep)
        return PLURAL_FORMS_TOO_DEEP;
    if (e.bad || (*e.p && *e.p != ';'))
        return PLURAL_FORMS_BAD;
    return v < (unsigned long)max_forms ? (long)v : max_forms;
}
