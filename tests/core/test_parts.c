/* Templates as parts (glocal_template_parse, glocal_template_quote): the
 * exact parts of each kind of syntax, the sources tiling the template, the
 * errors, and quoting that parses back to the text it quoted. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"

static const char kind_letter[] = "TAMPSBEZ"; /* by glocal_part_kind */

static glocal_template *parse_ok(const char *src)
{
    glocal_template *t = NULL;
    glocal_error *e = NULL;
    glocal_status st = glocal_template_parse(src, &t, &e);
    ck_assert_msg(st == GLOCAL_OK, "%s: %s", src, e ? glocal_error_message(e) : "?");
    return t;
}

/* The parts as "K(text,type,style)" joined by spaces, K from kind_letter;
 * empty fields left out at the end.  Also checks that the sources tile src. */
static char *dump(const char *src)
{
    glocal_template *t = parse_ok(src);
    static char out[2048];
    char joined[2048] = "";
    out[0] = '\0';
    for (size_t i = 0; i < glocal_template_part_count(t); i++) {
        const char *text = glocal_template_part_text(t, i);
        const char *type = glocal_template_part_type(t, i);
        const char *style = glocal_template_part_style(t, i);
        size_t n = strlen(out);
        snprintf(out + n, sizeof out - n, "%s%c(%s%s%s%s%s)", i ? " " : "",
                 kind_letter[glocal_template_part_kind(t, i)], text, *type || *style ? "," : "",
                 type, *style ? "," : "", style);
        strncat(joined, glocal_template_part_source(t, i), sizeof joined - strlen(joined) - 1);
    }
    ck_assert_str_eq(joined, src);
    ck_assert_ptr_null(glocal_template_part_text(t, glocal_template_part_count(t)));
    glocal_template_free(t);
    return out;
}

START_TEST(parts_of_each_kind)
{
    ck_assert_str_eq(dump(""), "");
    ck_assert_str_eq(dump("Hello, world."), "T(Hello, world.)");
    ck_assert_str_eq(dump("Hi {name}!"), "T(Hi ) A(name) T(!)");
    /* quoting resolved: '' an apostrophe, '{...}' literal braces, a lone ' kept */
    ck_assert_str_eq(dump("It''s '{literal}' and it's {x}"),
                     "T(It's {literal} and it's ) A(x)");
    ck_assert_str_eq(dump("{n, number, integer} {d, date, short} {t,time} {v, number,  ::currency/EUR }"),
                     "A(n,number,integer) T( ) A(d,date,short) T( ) A(t,time) T( ) "
                     "A(v,number,::currency/EUR)");
    ck_assert_str_eq(dump("Thanks from {-brand} and {-brand-team}."),
                     "T(Thanks from ) M(brand) T( and ) M(brand-team) T(.)");
    ck_assert_str_eq(dump("{n, plural, offset:1 =0 {none} one {# item, '#' not} other {{-brand}: #}}"),
                     "S(n,plural,offset:1) B(=0) T(none) E() B(one) P() T( item, # not) E() "
                     "B(other) M(brand) T(: ) P() E() Z()");
    /* # is text outside a plural, and in a select */
    ck_assert_str_eq(dump("#{g, select, a {#} other {x}}"),
                     "T(#) S(g,select) B(a) T(#) E() B(other) T(x) E() Z()");
    ck_assert_str_eq(dump("{p, selectordinal, one {#st} other {#th}}"),
                     "S(p,selectordinal) B(one) P() T(st) E() B(other) P() T(th) E() Z()");
}
END_TEST

START_TEST(nested_and_sources)
{
    /* # is the number in a plural's own branches only, not in a select inside them */
    const char *src = "Dear {name}, {n, plural,\n  one {{g, select, f {her #} other {#}}}\n"
                      "  other {# left}\n}";
    ck_assert_str_eq(dump(src), "T(Dear ) A(name) T(, ) S(n,plural) B(one) S(g,select) B(f) "
                                "T(her #) E() B(other) T(#) E() Z() E() B(other) P() "
                                "T( left) E() Z()");
    glocal_template *t = parse_ok(src);
    const char *want[] = {"Dear ", "{name}", ", ", "{n, plural,\n  ", "one {", "{g, select, ",
                          "f {", "her #", "}", " other {", "#", "}", "}", "}",
                          "\n  other {", "#", " left", "}", "\n}"};
    ck_assert_uint_eq(glocal_template_part_count(t), sizeof want / sizeof *want);
    for (size_t i = 0; i < sizeof want / sizeof *want; i++)
        ck_assert_str_eq(glocal_template_part_source(t, i), want[i]);
    glocal_template_free(t);
    /* non-ASCII text and a term's source */
    t = parse_ok("Grüße von {-brand} 🙂");
    ck_assert_str_eq(glocal_template_part_source(t, 1), "{-brand}");
    ck_assert_str_eq(glocal_template_part_text(t, 2), " 🙂");
    glocal_template_free(t);
}
END_TEST

/* ICU reads plural, select and the simple types in any case. */
START_TEST(keywords_in_any_case)
{
    ck_assert_str_eq(dump("{n, PLURAL, one {# {-brand}} other {'#'}}"),
                     "S(n,plural) B(one) P() T( ) M(brand) E() B(other) T(#) E() Z()");
    ck_assert_str_eq(dump("{g, Select, a {#} other {x}} {n, Number, integer}"),
                     "S(g,select) B(a) T(#) E() B(other) T(x) E() Z() T( ) A(n,number,integer)");
}
END_TEST

static void expect_error(const char *src, glocal_status want, unsigned column)
{
    glocal_template *t = (glocal_template *)1;
    glocal_error *e = NULL;
    ck_assert_int_eq(glocal_template_parse(src, &t, &e), want);
    ck_assert_ptr_null(t);
    ck_assert_ptr_nonnull(e);
    ck_assert_msg(glocal_error_column(e) == column, "%s: column %u, not %u (%s)", src,
                  glocal_error_column(e), column, glocal_error_message(e));
    ck_assert_uint_eq(glocal_error_line(e), want == GLOCAL_ERR_SYNTAX ? 1 : 0);
    glocal_error_free(e);
}

START_TEST(errors)
{
    expect_error("Hi {name", GLOCAL_ERR_SYNTAX, 4);
    expect_error("Ü {-brand} {0}", GLOCAL_ERR_SYNTAX, 12);      /* numbered */
    expect_error("{-brand} {x, spellout}", GLOCAL_ERR_SYNTAX, 14); /* the type */
    expect_error("ab {n, choice, 0#x}", GLOCAL_ERR_SYNTAX, 4);
    expect_error("{n, number, ::no-such-skeleton}", GLOCAL_ERR_SYNTAX, 12);
    expect_error("{a, select, x {", GLOCAL_ERR_SYNTAX, 15);
    expect_error("{a, select, x {y} other {z}", GLOCAL_ERR_SYNTAX, 12); /* ICU: the style */
    char deep[1024] = "";
    for (int i = 0; i < 11; i++)
        strcat(deep, "{n, PLURAL, other {");
    for (int i = 0; i < 11; i++)
        strcat(deep, "}}");
    expect_error(deep, GLOCAL_ERR_LIMIT, 0);
    glocal_template *t = NULL;
    ck_assert_int_eq(glocal_template_parse("\xff", &t, NULL), GLOCAL_ERR_INVALID);
    ck_assert_int_eq(glocal_template_parse(NULL, &t, NULL), GLOCAL_ERR_INVALID);
    ck_assert_int_eq(glocal_template_parse("x", NULL, NULL), GLOCAL_ERR_INVALID);
    ck_assert_uint_eq(glocal_template_part_count(NULL), 0);
    glocal_template_free(NULL);
}
END_TEST

/* Quoted text parses back to one TEXT part equal to it, at top level and in
 * a plural branch, where `#` must be quoted too. */
static void expect_quote_round_trip(const char *text)
{
    for (int in_plural = 0; in_plural <= 1; in_plural++) {
        char *q = NULL, src[512];
        ck_assert_int_eq(glocal_template_quote(text, in_plural, &q, NULL), GLOCAL_OK);
        snprintf(src, sizeof src, in_plural ? "{n, plural, other {%s}}" : "%s", q);
        glocal_template *t = parse_ok(src);
        size_t at = in_plural ? 2 : 0, n = glocal_template_part_count(t);
        if (!*text) {
            ck_assert_uint_eq(n, in_plural ? 4 : 0);
        } else {
            ck_assert_uint_eq(n, in_plural ? 5 : 1);
            ck_assert_int_eq(glocal_template_part_kind(t, at), GLOCAL_PART_TEXT);
            ck_assert_str_eq(glocal_template_part_text(t, at), text);
        }
        glocal_template_free(t);
        glocal_free(q);
    }
}

START_TEST(quote_round_trip)
{
    const char *texts[] = {"", "plain", "it's", "'", "''", "ends with '", "'{'", "{}",
                           "a {b} c", "}{", "# of items", "'#'", "x '' y", "{'}", "| '|",
                           "Grüße '{x}' #"};
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++)
        expect_quote_round_trip(texts[i]);
    char *q = NULL;
    ck_assert_int_eq(glocal_template_quote("{a} it's #", 1, &q, NULL), GLOCAL_OK);
    ck_assert_str_eq(q, "'{'a'}' it's '#'");
    glocal_free(q);
    ck_assert_int_eq(glocal_template_quote(NULL, 0, &q, NULL), GLOCAL_ERR_INVALID);
    ck_assert_ptr_null(q);
    ck_assert_int_eq(glocal_template_quote("\xc3", 0, &q, NULL), GLOCAL_ERR_INVALID);
}
END_TEST

void add_parts_tests(Suite *s)
{
    TCase *tc = tcase_create("parts");
    tcase_add_test(tc, parts_of_each_kind);
    tcase_add_test(tc, nested_and_sources);
    tcase_add_test(tc, keywords_in_any_case);
    tcase_add_test(tc, errors);
    tcase_add_test(tc, quote_round_trip);
    suite_add_tcase(s, tc);
}
