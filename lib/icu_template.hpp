/*
 * Reading a template: the {-term} scan and ICU's MessagePattern, with the
 * checks that make a template one glocal accepts (icu_template_parse.cpp).
 * What compiles a template for formatting (icu_template.cpp) and what reads
 * it as parts for tools (template_parts.cpp) both start here, so the two
 * never disagree about what a template is.
 */
#ifndef GLOCAL_ICU_TEMPLATE_HPP
#define GLOCAL_ICU_TEMPLATE_HPP

#include <string>
#include <vector>

#include <unicode/messagepattern.h>
#include <unicode/unistr.h>

#include "template.h"

namespace gl_icu {

using icu::MessagePattern;
using icu::UnicodeString;

/* Where one {-name} was, in the source and in the pattern ICU parses. */
struct TermAt {
    int32_t out, out_end; /* its placeholder {λk} in the pattern */
    int32_t src, src_end; /* "{-name}" in the source */
};

/* A template after the term scan and ICU's parse.  Indexes are UTF-16 units. */
struct ParsedTemplate {
    UnicodeString src;               /* the template as written */
    UnicodeString pat;               /* src with each term replaced by {λk} */
    bool open_quote = false;         /* a quoted run reached the end of the template */
    int32_t unclosed = -1;           /* the innermost `{` left open, when the scan ends */
    std::vector<std::string> terms;  /* term k's name */
    std::vector<TermAt> term_at;     /* term k's place, in template order */
    UErrorCode mp_status = U_ZERO_ERROR; /* of mp's construction, which cannot fail */
    MessagePattern mp{UMSGPAT_APOS_DOUBLE_OPTIONAL, mp_status}; /* pat, parsed */
};

/* Why a template is not accepted: the message (the caller's buffer) and the
 * index in the source of the problem, -1 when it has none. */
struct ParseProblem {
    char *msg;
    size_t cap;
    int32_t at = -1;
};

/* Reads src (UTF-8, len bytes) into pt: TC_OK, TC_SYNTAX and TC_DEPTH with a
 * problem, TC_NOMEM.  max_depth bounds plural/select nesting. */
gl_compile_status parse_template(const char *src, size_t len, unsigned max_depth,
                                 ParsedTemplate &pt, ParseProblem &why);

/* The index of the term whose placeholder starts at pattern index `at`, or -1. */
int term_index_at(const ParsedTemplate &pt, int32_t at);

/* The source index of pattern index `at`: a placeholder's ends map to its
 * term's ends. */
int32_t source_index(const ParsedTemplate &pt, int32_t at);

/* The use of the simple argument starting at part `arg_start` (ARG_START of
 * ARG_TYPE_SIMPLE), matched as ICU matches it (trimmed, any case):
 * USE_NUMBER, USE_DATE or USE_TIME; USE_PLAIN for a type glocal does not take. */
gl_use simple_use(const ParsedTemplate &pt, int32_t arg_start);

/* The style of the simple argument starting at part `arg_start`, trimmed of
 * ICU's Pattern_White_Space (which includes U+200E and U+200F), as
 * MessageFormat trims a style to match its keywords; "" when it has none. */
UnicodeString style_as_written(const ParsedTemplate &pt, int32_t arg_start);

/* The style formatting reads: a keyword of the argument's type written in
 * any case (`INTEGER`, `Short`) as the keyword in lower case, as ICU matches
 * it; any other style (a pattern, a `::` skeleton) as written, trimmed. */
std::string style_of(const ParsedTemplate &pt, int32_t arg_start);

/* The substring of part i as UTF-8. */
std::string part_text(const ParsedTemplate &pt, int32_t i);

/* The UTF-16 pattern ICU formats for a TK_COMPLEX template (t->pattern_len
 * units), rebuilt from its source (icu_template.cpp); false when out of
 * memory.  Throws std::bad_alloc as ICU's C++ does. */
bool complex_pattern(const gl_template *t, UnicodeString &out);

} // namespace gl_icu

#endif
