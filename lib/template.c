/* Every way a template is compiled, cheapest first: plain text as it is,
 * text with only {name}, {-term} and plainly typed slots cut here, anything
 * else through ICU's MessagePattern (icu_template.cpp).  All give the same
 * gl_template for the same text (tests/core/test_template_paths.c); the
 * first two only spare ICU the work. */
#include <string.h>

#include "template.h"

bool gl_template_alloc_parts(gl_arena *a, gl_template *t, size_t nslots)
{
    size_t npieces = nslots + 1;
    char *block = gl_arena_alloc(a, npieces * sizeof(char *) + nslots * sizeof(gl_slot) +
                                        npieces * sizeof(uint32_t));
    if (!block)
        return false;
    /* pointers first, then the slots (pointers inside), then the 4-byte lengths */
    t->pieces = (const char **)block;
    t->slots = nslots ? (gl_slot *)(block + npieces * sizeof(char *)) : NULL;
    t->piece_len = (uint32_t *)(block + npieces * sizeof(char *) + nslots * sizeof(gl_slot));
    t->nslots = (uint32_t)nslots;
    return true;
}

/* Text without braces or apostrophes is its own output: ICU would find
 * nothing in it to parse, so it is not asked (a third of a typical catalog).
 * The result is what gl_template_compile gives for such text, sharing src. */
static gl_compile_status compile_plain(gl_arena *a, gl_template *t)
{
    if (!gl_template_alloc_parts(a, t, 0))
        return TC_NOMEM;
    t->kind = TK_LITERAL;
    t->pieces[0] = t->literal = t->src;
    t->piece_len[0] = (uint32_t)strlen(t->src);
    return TC_OK;
}

static bool arg_start(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static bool arg_char(char c)
{
    return arg_start(c) || (c >= '0' && c <= '9');
}

static bool term_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

/* A typed argument written the one way most catalogs write it: `, number`,
 * `, date` or `, time`, then optionally `, ` and one of MessageFormat's
 * keywords for that type, in lower case.  Any other spelling (spaces, case,
 * a pattern or a skeleton) goes to ICU, which knows every rule. */
typedef struct typed_arg {
    const char *type;
    gl_use use;
    const char *const *styles;
} typed_arg;

static const char *const number_styles[] = {"integer", "currency", "percent", NULL};
static const char *const date_styles[] = {"short", "medium", "long", "full", NULL};
static const typed_arg typed_args[] = {
    {"number", USE_NUMBER, number_styles},
    {"date", USE_DATE, date_styles},
    {"time", USE_TIME, date_styles},
};

/* A slot the cheap path cuts: what gl_template_compile would make of it. */
typedef struct cut_slot {
    gl_slot_kind kind;
    const char *name;
    size_t name_len;
    gl_use use;
    const char *style;
} cut_slot;

/* `, word` at p, then `,` or `}`: true with *end after the word. */
static bool comma_word(const char *p, const char *word, const char **end)
{
    size_t n = strlen(word);
    if (p[0] != ',' || p[1] != ' ' || strncmp(p + 2, word, n) != 0)
        return false;
    if (p[2 + n] != ',' && p[2 + n] != '}')
        return false;
    *end = p + 2 + n;
    return true;
}

/* The typed argument `, type[, style]` at p (after the name): false when it
 * is not one; its use and style in out, *end at the closing brace. */
static bool cut_type(const char *p, cut_slot *out, const char **end)
{
    for (size_t i = 0; i < sizeof typed_args / sizeof typed_args[0]; i++) {
        const typed_arg *ta = &typed_args[i];
        if (!comma_word(p, ta->type, &p))
            continue;
        out->use = ta->use;
        for (const char *const *style = ta->styles; *p == ',' && *style; style++)
            if (comma_word(p, *style, &p))
                out->style = *style;
        *end = p;
        return *p == '}';
    }
    return false;
}

/* The closing brace of `{name}`, `{-term}` or a typed argument at p, or
 * NULL for anything else; what the slot writes in *out. */
static const char *simple_slot_end(const char *p, cut_slot *out)
{
    const char *q = p + 1;
    *out = (cut_slot){SLOT_ARG, q, 0, USE_PLAIN, ""};
    if (*q == '-') {
        out->kind = SLOT_TERM;
        out->name = ++q;
        if (*q < 'a' || *q > 'z')
            return NULL;
        while (term_char(*q))
            q++;
    } else {
        if (!arg_start(*q))
            return NULL;
        while (arg_char(*q))
            q++;
    }
    out->name_len = (size_t)(q - out->name);
    if (q - p > 256)
        return NULL;
    if (*q == ',' && out->kind == SLOT_ARG && !cut_type(q, out, &q))
        return NULL;
    return *q == '}' ? q : NULL;
}

/* Text with `{name}`, `{-term}` and plainly typed slots and nothing else ICU
 * would read (no apostrophe, no other brace): its pieces and slots are cut
 * here, as gl_template_compile would cut them, without the UTF-16 round trip
 * and MessagePattern.  0: not such a template; 1: compiled; -1: out of memory. */
static int compile_simple(gl_arena *a, gl_template *t)
{
    size_t n = 0;
    cut_slot cut;
    for (const char *p = t->src; *p; p++) {
        if (*p == '\'' || *p == '}')
            return 0;
        if (*p == '{') {
            if (!(p = simple_slot_end(p, &cut)))
                return 0;
            n++;
        }
    }
    if (!gl_template_alloc_parts(a, t, n))
        return -1;
    const char *piece = t->src;
    size_t k = 0;
    for (const char *p = t->src;; p++) {
        if (*p != '{' && *p)
            continue;
        /* pieces point into src: slots split it, nothing in between changes */
        t->pieces[k] = piece;
        t->piece_len[k] = (uint32_t)(p - piece);
        if (!*p)
            break;
        const char *end = simple_slot_end(p, &cut);
        gl_slot *s = &t->slots[k];
        /* the style interned too, as ICU's path does: formatting compares it */
        *s = (gl_slot){cut.kind, cut.use, gl_arena_intern(a, cut.name, cut.name_len),
                       *cut.style ? gl_arena_intern(a, cut.style, strlen(cut.style)) : ""};
        if (!s->name || !s->style)
            return -1;
        k++;
        piece = end + 1;
        p = end;
    }
    t->kind = TK_SIMPLE;
    t->literal = t->pieces[0];
    return 1;
}

gl_compile_status gl_template_build(gl_arena *a, gl_template *t, unsigned max_depth, char *msg,
                                    size_t msgcap)
{
    if (!strpbrk(t->src, "{}'"))
        return compile_plain(a, t);
    switch (compile_simple(a, t)) {
    case 1:
        return TC_OK;
    case -1:
        return TC_NOMEM;
    default:
        return gl_template_compile(a, t, max_depth, msg, msgcap);
    }
}
