/* glocal_template_quote: literal text written as template text, quoted the
 * way ICU's default apostrophe mode reads it back (`''` is an apostrophe; a
 * single one quotes only before `{`, `}`, and `#` inside a plural branch). */
#include <string.h>

#include "error.h"

static bool special(char c, bool in_plural)
{
    return c == '{' || c == '}' || (c == '#' && in_plural);
}

/* An apostrophe that ICU would read as the start of quoting, or that would
 * start it before whatever follows the text: written doubled. */
static bool quotes(const char *p, bool in_plural)
{
    return *p == '\'' && (!p[1] || p[1] == '\'' || p[1] == '|' || special(p[1], in_plural));
}

/* A run of syntax characters is quoted as one ('{}' not '{''}', which ICU
 * reads as "{'}"), apostrophes inside it doubled. */
static void quote(gl_buf *b, const char *text, bool in_plural)
{
    for (const char *p = text; *p;) {
        if (special(*p, in_plural)) {
            gl_buf_putc(b, '\'');
            for (; *p && (special(*p, in_plural) || *p == '\''); p++) {
                if (*p == '\'')
                    gl_buf_putc(b, '\'');
                gl_buf_putc(b, *p);
            }
            gl_buf_putc(b, '\'');
        } else {
            if (quotes(p, in_plural))
                gl_buf_putc(b, '\'');
            gl_buf_putc(b, *p++);
        }
    }
}

glocal_status glocal_template_quote(const char *text, int in_plural, char **out_utf8,
                                    glocal_error **err)
{
    if (out_utf8)
        *out_utf8 = NULL;
    if (!text || !out_utf8)
        return gl_fail(err, GLOCAL_ERR_INVALID, NULL, 0, 0,
                       "glocal_template_quote: a required argument is NULL");
    if (!gl_utf8_valid(text, strlen(text)))
        return gl_fail(err, GLOCAL_ERR_INVALID, NULL, 0, 0,
                       "glocal_template_quote: the text is not UTF-8");
    gl_buf b = {0};
    quote(&b, text, in_plural != 0);
    *out_utf8 = gl_buf_take(&b);
    return *out_utf8 ? GLOCAL_OK : gl_nomem(err);
}
