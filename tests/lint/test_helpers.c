/*
 * White-box tests of the ICU helpers the warning rules stand on
 * (gl_template_max_length, gl_template_literal_text, gl_plural_*), linked
 * against the uninstalled internal library.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "template.h"
#include "locales.h"

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
    suite_add_tcase(s, tc);
    return run_suite(s, CK_FORK_GETENV);
}
