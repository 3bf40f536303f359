/*
 * Templates as parts (glocal.h): a template read by parse_template, as the
 * catalog reads it, then walked once into a flat list of parts whose
 * sources tile the template.
 */
#include <cstring>
#include <memory>
#include <new>
#include <string>
#include <vector>

#include "icu_template.hpp"
#include "icu_util.hpp"

extern "C" {
#include "error.h"
#include "limits.h"
}

using gl_icu::ParsedTemplate;
using gl_icu::utf8;
using icu::MessagePattern;
using icu::UnicodeString;

#include "template_parts.hpp"

namespace {

using Part = TemplatePart;

/* Walks the parsed template: `done` is the pattern index up to which parts
 * have been made, so each part's source starts where the last one ended. */
struct Walker {
    const ParsedTemplate &pt;
    const MessagePattern &mp;
    std::vector<Part> &out;
    int32_t done = 0;
};

/* Adds a part covering the pattern from `done` to `end`. */
void add(Walker &w, glocal_part_kind kind, int32_t end, std::string text = std::string(),
         std::string type = std::string(), std::string style = std::string())
{
    int32_t from = gl_icu::source_index(w.pt, w.done), to = gl_icu::source_index(w.pt, end);
    w.out.push_back(Part{kind, std::move(text), std::move(type), std::move(style),
                         utf8(w.pt.src.tempSubString(from, to - from))});
    w.done = end;
}

/* The text from `done` to `end`, with the quoting (SKIP_SYNTAX parts) seen
 * since taken out. */
void add_text(Walker &w, int32_t end, const UnicodeString &text)
{
    if (end > w.done)
        add(w, GLOCAL_PART_TEXT, end, utf8(text));
}

const char *select_type(UMessagePatternArgType t)
{
    return t == UMSGPAT_ARG_TYPE_PLURAL          ? "plural"
           : t == UMSGPAT_ARG_TYPE_SELECTORDINAL ? "selectordinal"
                                                 : "select";
}

const char *simple_type(gl_use use)
{
    return use == USE_NUMBER ? "number" : use == USE_DATE ? "date" : "time";
}

int32_t message(Walker &w, int32_t start);

/* A plural or select from its ARG_START: the head, each branch, the end. */
void selector(Walker &w, int32_t start)
{
    const MessagePattern &mp = w.mp;
    int32_t limit = mp.getLimitPartIndex(start), j = start + 2;
    std::string offset;
    if (MessagePattern::Part::hasNumericValue(mp.getPartType(j)))
        offset = "offset:" + gl_icu::part_text(w.pt, j++);
    add(w, GLOCAL_PART_SELECT, mp.getPart(j).getIndex(), gl_icu::part_text(w.pt, start + 1),
        select_type(mp.getPart(start).getArgType()), offset);
    while (j < limit) {
        std::string key = gl_icu::part_text(w.pt, j);
        while (mp.getPartType(j) != UMSGPAT_PART_TYPE_MSG_START)
            j++; /* past an =N key's value */
        add(w, GLOCAL_PART_BRANCH, mp.getPart(j).getLimit(), key);
        j = message(w, j);
        add(w, GLOCAL_PART_BRANCH_END, mp.getPart(j).getLimit());
        j++;
    }
    add(w, GLOCAL_PART_SELECT_END, mp.getPart(limit).getLimit());
}

/* A simple argument or a term from its ARG_START. */
void simple(Walker &w, int32_t start)
{
    const MessagePattern &mp = w.mp;
    int32_t end = mp.getPart(mp.getLimitPartIndex(start)).getLimit();
    int term = gl_icu::term_index_at(w.pt, mp.getPart(start).getIndex());
    if (term >= 0) {
        add(w, GLOCAL_PART_TERM, end, w.pt.terms[term]);
        return;
    }
    std::string name = gl_icu::part_text(w.pt, start + 1), type, style;
    if (mp.getPart(start).getArgType() == UMSGPAT_ARG_TYPE_SIMPLE) {
        type = simple_type(gl_icu::simple_use(w.pt, start));
        style = utf8(gl_icu::style_as_written(w.pt, start));
    }
    add(w, GLOCAL_PART_ARGUMENT, end, name, type, style);
}

/* The message from its MSG_START to its MSG_LIMIT, whose index it returns. */
int32_t message(Walker &w, int32_t start)
{
    const MessagePattern &mp = w.mp;
    UnicodeString text;
    int32_t prev = mp.getPart(start).getLimit();
    for (int32_t i = start + 1;; i++) {
        const MessagePattern::Part &p = mp.getPart(i);
        UMessagePatternPartType type = p.getType();
        text.append(w.pt.pat, prev, p.getIndex() - prev);
        prev = p.getLimit();
        if (type == UMSGPAT_PART_TYPE_SKIP_SYNTAX || type == UMSGPAT_PART_TYPE_INSERT_CHAR)
            continue; /* quoting; INSERT_CHAR only marks an unclosed quote */
        add_text(w, p.getIndex(), text);
        text.remove();
        if (type == UMSGPAT_PART_TYPE_MSG_LIMIT)
            return i;
        if (type == UMSGPAT_PART_TYPE_REPLACE_NUMBER) {
            add(w, GLOCAL_PART_POUND, p.getLimit());
            continue;
        }
        /* ARG_START: parse_template refused every other part here */
        if (UMSGPAT_ARG_TYPE_HAS_PLURAL_STYLE(p.getArgType()) ||
            p.getArgType() == UMSGPAT_ARG_TYPE_SELECT)
            selector(w, i);
        else
            simple(w, i);
        i = mp.getLimitPartIndex(i);
        prev = w.done;
    }
}

glocal_status parse(const char *src, glocal_template **out, glocal_error **err)
{
    ParsedTemplate pt;
    char msg[512];
    gl_icu::ParseProblem why{msg, sizeof msg};
    unsigned depth = (unsigned)GL_LIMIT(&gl_default_limits, TEMPLATE_DEPTH);
    switch (gl_icu::parse_template(src, strlen(src), depth, pt, why)) {
    case TC_OK:
        break;
    case TC_DEPTH:
        return gl_fail(err, GLOCAL_ERR_LIMIT, NULL, 0, 0, "%s", msg);
    case TC_SYNTAX:
        return gl_fail(err, GLOCAL_ERR_SYNTAX, NULL, 1,
                       why.at < 0 ? 0 : (unsigned)pt.src.countChar32(0, why.at) + 1, "%s", msg);
    default:
        return gl_nomem(err);
    }
    std::unique_ptr<glocal_template> t(new glocal_template());
    Walker w{pt, pt.mp, t->parts};
    message(w, 0);
    *out = t.release();
    return GLOCAL_OK;
}

const Part *part_at(const glocal_template *t, size_t i)
{
    return t && i < t->parts.size() ? &t->parts[i] : nullptr;
}

} // namespace

extern "C" {

glocal_status glocal_template_parse(const char *src, glocal_template **out,
                                               glocal_error **err)
{
    if (out)
        *out = nullptr;
    if (!src || !out)
        return gl_fail(err, GLOCAL_ERR_INVALID, NULL, 0, 0,
                       "glocal_template_parse: a required argument is NULL");
    if (!gl_utf8_valid(src, strlen(src)))
        return gl_fail(err, GLOCAL_ERR_INVALID, NULL, 0, 0,
                       "glocal_template_parse: the template is not UTF-8");
    try {
        return parse(src, out, err);
    } catch (const std::bad_alloc &) {
        return gl_nomem(err);
    }
}

size_t glocal_template_part_count(const glocal_template *t)
{
    return t ? t->parts.size() : 0;
}

glocal_part_kind glocal_template_part_kind(const glocal_template *t, size_t i)
{
    const Part *p = part_at(t, i);
    return p ? p->kind : GLOCAL_PART_TEXT;
}

const char *glocal_template_part_text(const glocal_template *t, size_t i)
{
    const Part *p = part_at(t, i);
    return p ? p->text.c_str() : nullptr;
}

const char *glocal_template_part_type(const glocal_template *t, size_t i)
{
    const Part *p = part_at(t, i);
    return p ? p->type.c_str() : nullptr;
}

const char *glocal_template_part_style(const glocal_template *t, size_t i)
{
    const Part *p = part_at(t, i);
    return p ? p->style.c_str() : nullptr;
}

const char *glocal_template_part_source(const glocal_template *t, size_t i)
{
    const Part *p = part_at(t, i);
    return p ? p->source.c_str() : nullptr;
}

void glocal_template_free(glocal_template *t)
{
    delete t;
}

} /* extern "C" */
