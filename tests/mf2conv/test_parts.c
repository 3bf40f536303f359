/*
 * glocal_template_parse_mf2: the parts of MF2 templates tile their source
 * (what XLIFF export and import rely on), have the kinds and names the
 * header documents, and a template glocal refuses is GLOCAL_ERR_SYNTAX with
 * the spec's error name and the column of the problem.
 *
 * usage: test-mf2-parts
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "glocal.h"

#include "../run_suite.h"

/* Parses src and checks that the parts' sources put together give it back. */
static glocal_template *parse_tiled(const char *src)
{
    glocal_template *t = NULL;
    glocal_error *e = NULL;
    glocal_status st = glocal_template_parse_mf2(src, &t, &e);
    ck_assert_msg(st == GLOCAL_OK, "%s: %s", src, e ? glocal_error_message(e) : "");
    size_t len = 0;
    for (size_t i = 0; i < glocal_template_part_count(t); i++)
        len += strlen(glocal_template_part_source(t, i));
    char *joined = calloc(len + 1, 1);
    for (size_t i = 0; i < glocal_template_part_count(t); i++)
        strcat(joined, glocal_template_part_source(t, i));
    ck_assert_str_eq(joined, src);
    free(joined);
    return t;
}

/* "KIND:text:type" for every part but text, joined by spaces. */
static char *shape(const glocal_template *t)
{
    static const char *const kinds[] = {"T", "A", "TERM", "#", "SEL", "BR", "END", "SEL_END",
                                        "MARKUP"};
    static char out[2048];
    out[0] = '\0';
    for (size_t i = 0; i < glocal_template_part_count(t); i++) {
        glocal_part_kind k = glocal_template_part_kind(t, i);
        char one[256];
        snprintf(one, sizeof one, "%s%s:%s:%s", i ? " " : "", kinds[k],
                 glocal_template_part_text(t, i), glocal_template_part_type(t, i));
        strncat(out, one, sizeof out - strlen(out) - 1);
    }
    return out;
}

START_TEST(test_simple_message)
{
    glocal_template *t = parse_tiled("Hi {$name}, \\{x\\} {brand :glocal:term} {#b}{$n :number "
                                     "minimumFractionDigits=2}{/b}{#br/}");
    ck_assert_str_eq(shape(t), "T:Hi : A:name: T:, {x} : TERM:brand: T: : "
                               "MARKUP:b:open A:n:number MARKUP:b:close MARKUP:br:standalone");
    glocal_template_free(t);
}
END_TEST

START_TEST(test_quoted_literals_and_bidi_marks)
{
    /* a `}` and a `{` inside quoted literals do not end or open anything */
    glocal_template *t = parse_tiled("{|a}b{| :glocal:term} {|x\\|y| :string u:dir=rtl} "
                                     "{ \xE2\x80\x8F$v\xE2\x80\x8F }");
    ck_assert_str_eq(shape(t), "TERM:a}b{: T: : A::string T: : A:v:");
    glocal_template_free(t);
}
END_TEST

START_TEST(test_matcher)
{
    glocal_template *t = parse_tiled("\n.input {$n :number}\n.local $g = {$s :string}\n"
                                     ".match $n $g\n0 |a{b| {{none}}\none * {{{$n} one}}\n"
                                     "* * {{{$n} more}}\n");
    ck_assert_str_eq(shape(t), "SEL:n g:match BR:0 a{b: T:none: END:: BR:one *: A:n: "
                               "T: one: END:: BR:* *: A:n: T: more: END:: SEL_END::");
    glocal_template_free(t);
}
END_TEST

START_TEST(test_quoted_pattern)
{
    glocal_template *t = parse_tiled("  .local $x = {|{}| :string} {{.{$x}.}}  ");
    ck_assert_str_eq(shape(t), "SEL::pattern BR:: T:.: A:x: T:.: END:: SEL_END::");
    glocal_template_free(t);
    t = parse_tiled("{{}}");
    ck_assert_str_eq(shape(t), "SEL::pattern BR:: END:: SEL_END::");
    glocal_template_free(t);
}
END_TEST

START_TEST(test_refused)
{
    static const struct {
        const char *src, *name;
        unsigned col;
    } cases[] = {
        {"Hi {$name", "syntax-error", 10},
        {".input {$n :number} .match $n one {{x}}", "missing-fallback-variant", 0},
        {".local $x = {1} .local $x = {2} {{}}", "duplicate-declaration", 0},
        {"h\xC3\xA9 {$}", "syntax-error", 6},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        glocal_template *t = (glocal_template *)1;
        glocal_error *e = NULL;
        ck_assert_int_eq(glocal_template_parse_mf2(cases[i].src, &t, &e), GLOCAL_ERR_SYNTAX);
        ck_assert_ptr_null(t);
        ck_assert_msg(strncmp(glocal_error_message(e), cases[i].name, strlen(cases[i].name)) == 0,
                      "%s: %s", cases[i].src, glocal_error_message(e));
        if (cases[i].col)
            ck_assert_uint_eq(glocal_error_column(e), cases[i].col);
        glocal_error_free(e);
    }
    glocal_template *t = NULL;
    ck_assert_int_eq(glocal_template_parse_mf2(NULL, &t, NULL), GLOCAL_ERR_INVALID);
    ck_assert_int_eq(glocal_template_parse_mf2("\xFF", &t, NULL), GLOCAL_ERR_INVALID);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("mf2-parts");
    TCase *tc = tcase_create("parts");
    tcase_add_test(tc, test_simple_message);
    tcase_add_test(tc, test_quoted_literals_and_bidi_marks);
    tcase_add_test(tc, test_matcher);
    tcase_add_test(tc, test_quoted_pattern);
    tcase_add_test(tc, test_refused);
    suite_add_tcase(s, tc);
    return run_suite(s, CK_FORK_GETENV);
}
