/* The style check of lint's `style` rule: a number or date style that is no
 * keyword and no `::` skeleton is a pattern to ICU, whatever it holds, so a
 * mistyped keyword (`{n, number, intger}`) prints its letters, and a date
 * "pattern" (`shrot`) prints a fraction of a second and an hour. */
#include "lint_rules.h"

#include <stdbool.h>
#include <string.h>

/* The letters a SimpleDateFormat pattern gives a meaning (ICU 72's pattern
 * characters); any other ASCII letter outside quotes is dropped or printed. */
static const char DATE_PATTERN_LETTERS[] = "GyMdkHmsSEDFwWahKzYeugAZvcLQqVUOXxrbB";

static bool is_ascii_letter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* The first ASCII letter of a pattern, outside its quotes, that the pattern
 * cannot mean: any letter but the exponent `E` in a number pattern, a letter
 * that is no pattern letter in a date pattern; 0 when none. */
static char stray_letter(const char *style, bool date)
{
    bool quoted = false;
    for (const char *p = style; *p; p++) {
        if (*p == '\'')
            quoted = !quoted;
        else if (!quoted && is_ascii_letter(*p) &&
                 (date ? !strchr(DATE_PATTERN_LETTERS, *p) : *p != 'E'))
            return *p;
    }
    return 0;
}

/* Whether style is one of the keywords listed ("integer\0percent\0…\0"); the
 * template compiler has lower-cased keywords written in any case. */
static bool is_keyword(const char *list, const char *style)
{
    for (; *list; list += strlen(list) + 1)
        if (strcmp(list, style) == 0)
            return true;
    return false;
}

char gl_style_stray_letter(const gl_slot *s)
{
    bool date = s->use == USE_DATE || s->use == USE_TIME;
    if ((s->use != USE_NUMBER && !date) || strncmp(s->style, "::", 2) == 0 ||
        is_keyword(date ? "short\0medium\0long\0full\0" : "integer\0percent\0currency\0",
                   s->style))
        return 0;
    return stray_letter(s->style, date);
}
