/*
 * White-box tests of template.c's promise: the cheap compile paths (plain
 * text, `{name}`/`{-term}` slots, plainly typed arguments) give the same
 * gl_template as ICU's path for the same text, and a spelling they do not
 * know is left to ICU.  Linked against the uninstalled internal library.
 */
#include <check.h>
#include <string.h>

#include "template.h"

#include "../run_suite.h"

static gl_arena *arena;

static void setup(void)
{
    arena = gl_arena_new();
}

static void teardown(void)
{
    gl_arena_free(arena);
}

typedef gl_compile_status (*compiler)(gl_arena *, gl_template *, unsigned, char *, size_t);

static gl_template compiled(const char *src, compiler how)
{
    gl_template t;
    char msg[256];
    memset(&t, 0, sizeof t);
    t.src = src;
    ck_assert_msg(how(arena, &t, 10, msg, sizeof msg) == TC_OK, "%s: %s", src, msg);
    return t;
}

/* Both paths, field by field: what formatting and lint read. */
static void assert_same(const char *src)
{
    gl_template cheap = compiled(src, gl_template_build);
    gl_template icu = compiled(src, gl_template_compile);
    ck_assert_msg(cheap.kind == icu.kind, "%s: kind %d, ICU %d", src, cheap.kind, icu.kind);
    ck_assert_msg(cheap.nslots == icu.nslots, "%s: %u slots, ICU %u", src, cheap.nslots,
                  icu.nslots);
    ck_assert_uint_eq(cheap.nsels, 0);
    ck_assert_uint_eq(icu.nsels, 0);
    ck_assert_str_eq(cheap.literal, icu.literal);
    for (uint32_t i = 0; i <= cheap.nslots; i++) {
        ck_assert_msg(cheap.piece_len[i] == icu.piece_len[i] &&
                          memcmp(cheap.pieces[i], icu.pieces[i], cheap.piece_len[i]) == 0,
                      "%s: piece %u differs", src, i);
        /* without quoting a piece is a span of the source, not a copy */
        ck_assert_msg(strchr(src, '\'') || (icu.pieces[i] >= src &&
                                             icu.pieces[i] <= src + strlen(src)),
                      "%s: ICU's piece %u is a copy", src, i);
    }
    for (uint32_t i = 0; i < cheap.nslots; i++) {
        const gl_slot *a = &cheap.slots[i], *b = &icu.slots[i];
        ck_assert_msg(a->kind == b->kind && a->use == b->use, "%s: slot %u kind/use", src, i);
        ck_assert_str_eq(a->name, b->name);
        ck_assert_str_eq(a->style, b->style);
    }
}

START_TEST(cheap_paths_match_icu)
{
    static const char *const cases[] = {
        "",
        "Saved.",
        "Grüße, {name}! 東京 {-brand}",
        "{a}{b}{-c}",
        "Total {amount, number, currency} on {day, date, long} at {t, time, short}",
        "{n, number} · {n, number, integer} · {p, number, percent}",
        "{d, date} {d, date, short} {d, date, medium} {d, date, full} {t, time}",
        "{t, time, long} {t, time, full} {t, time, medium}",
        /* spellings the cheap path leaves to ICU: spaces, case, patterns, skeletons */
        "{n,number}",
        "{n, number,integer}",
        "{n,  number}",
        "{n, NUMBER}",
        "{n, number, Integer}",
        "{d, date, yyyy-MM-dd}",
        "{n, number, ::percent}",
        "{n, number, #,##0.00}",
        "{d, date, shortish}",
        "{n, number, integer }",
        "It's {name}'s turn",
        "'{'literal'}' {x}",
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        assert_same(cases[i]);
}
END_TEST

START_TEST(typed_slots_say_what_they_write)
{
    gl_template t = compiled("{amount, number, currency} / {day, date} / {at, time, short}",
                             gl_template_build);
    ck_assert_int_eq(t.kind, TK_SIMPLE);
    ck_assert_uint_eq(t.nslots, 3);
    ck_assert_int_eq(t.slots[0].use, USE_NUMBER);
    ck_assert_str_eq(t.slots[0].name, "amount");
    ck_assert_str_eq(t.slots[0].style, "currency");
    ck_assert_int_eq(t.slots[1].use, USE_DATE);
    ck_assert_str_eq(t.slots[1].style, "");
    ck_assert_int_eq(t.slots[2].use, USE_TIME);
    ck_assert_str_eq(t.slots[2].style, "short");
    ck_assert_uint_eq(t.piece_len[1], 3);
    ck_assert_int_eq(memcmp(t.pieces[1], " / ", 3), 0);
}
END_TEST

START_TEST(typed_terms_and_bad_types_go_to_icu)
{
    gl_template t;
    char msg[256];
    memset(&t, 0, sizeof t);
    t.src = "{-brand, number}";
    ck_assert_int_eq(gl_template_build(arena, &t, 10, msg, sizeof msg), TC_SYNTAX);
    memset(&t, 0, sizeof t);
    t.src = "{n, money}";
    ck_assert_int_eq(gl_template_build(arena, &t, 10, msg, sizeof msg), TC_SYNTAX);
    ck_assert_ptr_nonnull(strstr(msg, "argument type `money` is not supported"));
}
END_TEST

/* A plural keeps no pattern: it is rebuilt from the source, of the length
 * the compile recorded. */
START_TEST(complex_templates_record_their_pattern_length)
{
    gl_template t = compiled("{n, plural, one {# item for {-brand}} other {# items}}",
                             gl_template_build);
    ck_assert_int_eq(t.kind, TK_COMPLEX);
    ck_assert_uint_eq(t.nslots, 1);
    ck_assert_uint_eq(t.nsels, 1);
    ck_assert_str_eq(t.sels[0].name, "n");
    /* {λ0} for the term: the source less "{-brand}" plus "{λ0}" */
    ck_assert_int_eq(t.pattern_len, (int32_t)strlen("{n, plural, one {# item for {λ0}} "
                                                    "other {# items}}") - 1);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("template-paths");
    TCase *tc = tcase_create("paths");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, cheap_paths_match_icu);
    tcase_add_test(tc, typed_slots_say_what_they_write);
    tcase_add_test(tc, typed_terms_and_bad_types_go_to_icu);
    tcase_add_test(tc, complex_templates_record_their_pattern_length);
    suite_add_tcase(s, tc);
    return run_suite(s, CK_FORK_GETENV);
}
