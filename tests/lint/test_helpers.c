/*
 * White-box tests of the helpers the warning rules stand on
 * (gl_template_max_length, gl_template_literal_text, gl_plural_*,
 * gl_find_quote_traps), linked against the uninstalled internal library.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "lint_rules.h"
#include "locales.h"
#include "template.h"

#include "../run_suite.h"

static gl_arena *arena;

static gl_template compile(const char *src)
{
    gl_template t;
    char msg[256];
    memset(&t, 0, sizeof t);
    t.src = src;
    ck_assert_msg(gl_template_compile(arena, &t, 10, msg, sizeof msg) == TC_OK, "%s: %s", src, msg);
    return t;
}

static void setup(void)
{
    arena = gl_arena_new();
}

static void teardown(void)
{
    gl_arena_free(arena);
}

static size_t max_len(const char *src, const size_t *slot_len)
{
    gl_template t = compile(src);
    return gl_template_max_length(&t, slot_len);
}

static void assert_literal(const char *src, const char *want)
{
    gl_template t = compile(src);
    char *got = gl_template_literal_text(&t);
    ck_assert_msg(got && strcmp(got, want) == 0, "%s: literal text \"%s\", want \"%s\"", src,
                  got ? got : "(null)", want);
    free(got);
}

START_TEST(test_max_length_counts_code_points)
{
    static const size_t none[4] = {0};
    ck_assert_uint_eq(max_len("Grüße, 東京 👋", none), 11);
    ck_assert_uint_eq(max_len("", none), 0);
    ck_assert_uint_eq(max_len("It''s '{'x'}'", none), 8); /* It's {x} */
}
END_TEST

START_TEST(test_max_length_arguments_empty_terms_expanded)
{
    static const size_t lens[3] = {0, 7, 0}; /* {name}, {-brand}, {eta, date} */
    ck_assert_uint_eq(max_len("Hi {name} from {-brand}: {eta, date, short}.", lens),
                      strlen("Hi  from Kestrel: ."));
}
END_TEST

START_TEST(test_max_length_longest_branch)
{
    static const size_t lens[2] = {7, 0}; /* {-brand} inside a branch, {n, number} */
    ck_assert_uint_eq(max_len("{n, plural, one {# item} other {# items from {-brand}}}!", lens),
                      strlen(" items from Kestrel!"));
    ck_assert_uint_eq(max_len("{g, select, f {{n, plural, one {a} other {bbbb}}} other {cc}}",
                              lens), 4);
}
END_TEST

START_TEST(test_literal_text_resolves_quoting)
{
    assert_literal("Hello  world", "Hello  world\n");
    assert_literal("It''s '{name}' {x}", "It's {name} \n\n");
    assert_literal("Hi {name}, {n, plural, one {# item} other {# items}}.",
                   "Hi \n, \n\n item\n\n items\n.\n");
}
END_TEST

static void note_trap(void *ud, const gl_quote_trap *t)
{
    gl_buf_printf(ud, "%u-%u: %s;", t->open, t->close, t->swallowed);
}

/* The quote traps of src, "OPEN-CLOSE: SWALLOWED;" each, "" for none. */
static char *traps(const char *src)
{
    gl_buf b = {0};
    ck_assert(gl_find_quote_traps(src, note_trap, &b));
    gl_buf_puts(&b, "");
    return gl_buf_take(&b);
}

static void expect_traps(const char *src, const char *want)
{
    char *got = traps(src);
    ck_assert_msg(got && strcmp(got, want) == 0, "%s: got \"%s\", want \"%s\"", src, got, want);
    free(got);
}

START_TEST(test_quote_traps_prose_apostrophes)
{
    expect_traps("l'{order} arrive jusqu'{eta, date, short}.",
                 "2-23: argument `{order}` (column 3);");
    expect_traps("Café'{order}' ok", "5-13: argument `{order}` (column 6);");
    expect_traps("d'{x} it''s' {y}", "2-12: argument `{x}` (column 3);");
    expect_traps("{g, select, f {d'{-brand}'} other {x}}",
                 "17-26: term `{-brand}` (column 18);");
    expect_traps("{n, plural, other {l'#e envoi l'est}}", "21-32: `#` (column 22);");
    expect_traps("a'{ }'b'{'", "2-6: braces `{ }` (column 3);8-10: brace `{` (column 9);");
}
END_TEST

START_TEST(test_quote_traps_ignore_what_is_meant)
{
    expect_traps("l''{order} and aujourd'hui, l’{order}", "");
    expect_traps("type '{' now, or '{name}' or '#'", "");
    expect_traps("n'#1 {x}", "");                       /* `#` is special in plurals only */
    expect_traps("{d, date, h'h'mm} {d, date, 'at' HH}", ""); /* quoting in a date style */
    expect_traps("'{'order'}'", "");                    /* a quoted `}` after a word */
    expect_traps("l'{order}", "");                      /* never closes: template-syntax's */
}
END_TEST

START_TEST(test_plural_rules_from_icu)
{
    char *cats = gl_plural_categories("ru", false);
    size_t n = 0;
    for (const char *c = cats; *c; c += strlen(c) + 1)
        n++;
    ck_assert_uint_eq(n, 4); /* one, few, many, other */
    free(cats);
    char cat[16];
    gl_plural_select("ru", false, 3, cat, sizeof cat);
    ck_assert_str_eq(cat, "few");
    gl_plural_select("en", true, 22, cat, sizeof cat);
    ck_assert_str_eq(cat, "two");
    gl_plural_select("ja", false, 1, cat, sizeof cat);
    ck_assert_str_eq(cat, "other");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("lint-helpers");
    TCase *tc = tcase_create("icu");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_max_length_counts_code_points);
    tcase_add_test(tc, test_max_length_arguments_empty_terms_expanded);
    tcase_add_test(tc, test_max_length_longest_branch);
    tcase_add_test(tc, test_literal_text_resolves_quoting);
    tcase_add_test(tc, test_plural_rules_from_icu);
    tcase_add_test(tc, test_quote_traps_prose_apostrophes);
    tcase_add_test(tc, test_quote_traps_ignore_what_is_meant);
    suite_add_tcase(s, tc);
    return run_suite(s, CK_FORK_GETENV);
}
