/* Reading a catalog: its language, axes and channels, the terms a locale
 * sees, what an argument accepts, and what tools that read or write bundles
 * need (canonical tags, plural categories, name syntax, template checks). */
#include <stdlib.h>
#include <string.h>

#include "core.h"

static glocal_catalog *shipped(void)
{
    glocal_catalog *c = NULL;
    ck_assert_int_eq(glocal_catalog_open(getenv("GLOCAL_LOCALES"), &c, NULL), GLOCAL_OK);
    return c;
}

static void ck_ends_with(const char *s, const char *tail)
{
    ck_assert_ptr_nonnull(s);
    size_t n = strlen(s), k = strlen(tail);
    ck_assert_msg(n >= k && strcmp(s + n - k, tail) == 0, "`%s` does not end with `%s`", s, tail);
}

START_TEST(language_axes_channels)
{
    glocal_catalog *c = shipped();
    ck_assert_str_eq(glocal_catalog_language(c), "en");
    ck_assert_uint_eq(glocal_catalog_axis_count(c), 3);
    ck_assert_str_eq(glocal_catalog_axis_name(c, 0), "formality");
    ck_assert_str_eq(glocal_catalog_axis_name(c, 1), "tone");
    ck_assert_str_eq(glocal_catalog_axis_name(c, 2), "channel");
    ck_assert_ptr_null(glocal_catalog_axis_name(c, 3));
    ck_assert_uint_eq(glocal_catalog_axis_value_count(c, "formality"), 3);
    ck_assert_str_eq(glocal_catalog_axis_value(c, "formality", 0), "formal");
    ck_assert_str_eq(glocal_catalog_axis_value(c, "formality", 2), "honorific");
    ck_assert_ptr_null(glocal_catalog_axis_value(c, "formality", 3));
    ck_assert_uint_eq(glocal_catalog_axis_value_count(c, "channel"), 10);
    ck_assert_str_eq(glocal_catalog_axis_value(c, "channel", 1), "sms");
    ck_assert_uint_eq(glocal_catalog_axis_value_count(c, "mood"), 0);
    ck_assert_ptr_null(glocal_catalog_axis_value(c, "mood", 0));
    ck_assert_str_eq(glocal_catalog_value_axis(c, "sms"), "channel");
    ck_assert_str_eq(glocal_catalog_value_axis(c, "warm"), "tone");
    ck_assert_ptr_null(glocal_catalog_value_axis(c, "other"));
    ck_assert_ptr_null(glocal_catalog_value_axis(c, ""));
    ck_assert_uint_eq(glocal_catalog_channel_max_length(c, "sms"), 160);
    ck_assert_uint_eq(glocal_catalog_channel_max_length(c, "push"), 178);
    ck_assert_uint_eq(glocal_catalog_channel_max_length(c, "email"), 0);
    ck_assert_uint_eq(glocal_catalog_channel_max_length(c, "formal"), 0);
    ck_assert_uint_eq(glocal_catalog_channel_max_length(c, NULL), 0);
    glocal_catalog_unref(c);
    /* base.yaml's `axes:` adds a value after the built-in ones */
    ck_assert_uint_eq(glocal_catalog_axis_value_count(resolve_cat, "tone"), 6);
    ck_assert_str_eq(glocal_catalog_axis_value(resolve_cat, "tone", 5), "solemn");
    ck_assert_str_eq(glocal_catalog_value_axis(resolve_cat, "solemn"), "tone");
    ck_assert_ptr_null(glocal_catalog_language(NULL));
    ck_assert_uint_eq(glocal_catalog_axis_count(NULL), 0);
}
END_TEST

static const glocal_term *term_named(const glocal_terms *t, const char *name)
{
    for (size_t i = 0; i < glocal_terms_count(t); i++)
        if (strcmp(glocal_term_name(glocal_terms_at(t, i)), name) == 0)
            return glocal_terms_at(t, i);
    return NULL;
}

static glocal_terms *terms_of(glocal_catalog *c, const char *locale)
{
    glocal_terms *t = NULL;
    ck_assert_int_eq(glocal_catalog_terms(c, locale, &t, NULL), GLOCAL_OK);
    return t;
}

START_TEST(terms_along_the_chain)
{
    glocal_catalog *c = shipped();
    glocal_terms *t = terms_of(c, "de-CH");
    ck_assert_uint_eq(glocal_terms_count(t), 2);
    const glocal_term *brand = glocal_terms_at(t, 0), *team = glocal_terms_at(t, 1);
    ck_assert_str_eq(glocal_term_name(brand), "brand");
    ck_assert_str_eq(glocal_term_text(brand), "Kestrel");
    ck_assert_str_eq(glocal_term_bundle(brand), "base");
    ck_assert_int_eq(glocal_term_locked(brand), 1);
    ck_assert_int_eq(glocal_term_inherited(brand), 1);
    ck_ends_with(glocal_term_file(brand), "/base.yaml");
    ck_assert_uint_eq(glocal_term_line(brand), 18);
    ck_assert_uint_eq(glocal_term_column(brand), 3);
    ck_assert_str_eq(glocal_term_name(team), "care-team");
    ck_assert_str_eq(glocal_term_text(team), "Kestrel-Kundendienst");
    ck_assert_str_eq(glocal_term_bundle(team), "de-CH");
    ck_assert_int_eq(glocal_term_inherited(team), 0);
    ck_assert_int_eq(glocal_term_locked(team), 0);
    ck_ends_with(glocal_term_file(team), "/de-CH.yaml");
    ck_assert_uint_eq(glocal_term_line(team), 9);
    glocal_terms_free(t);
    /* de-AT has no bundle: de's term, inherited */
    t = terms_of(c, "de_AT");
    team = term_named(t, "care-team");
    ck_assert_str_eq(glocal_term_text(team), "Kestrel-Kundenservice");
    ck_assert_str_eq(glocal_term_bundle(team), "de");
    ck_assert_int_eq(glocal_term_inherited(team), 1);
    glocal_terms_free(t);
    /* base's own */
    t = terms_of(c, "base");
    ck_assert_str_eq(glocal_term_text(term_named(t, "care-team")), "Kestrel Care");
    ck_assert_str_eq(glocal_term_bundle(term_named(t, "care-team")), "base");
    ck_assert_int_eq(glocal_term_inherited(term_named(t, "care-team")), 0);
    ck_assert_ptr_null(glocal_terms_at(t, 2));
    glocal_terms_free(t);
    glocal_catalog_unref(c);
    /* a locked term stays base's even where a bundle redefines it */
    t = terms_of(resolve_cat, "de-CH");
    ck_assert_str_eq(glocal_term_text(term_named(t, "brand")), "Acme");
    ck_assert_str_eq(glocal_term_text(term_named(t, "team")), "Acme Kundendienst");
    ck_assert_str_eq(glocal_term_bundle(term_named(t, "team")), "de");
    glocal_terms_free(t);
    glocal_error *e = NULL;
    ck_assert_int_eq(glocal_catalog_terms(resolve_cat, "d e", &t, &e), GLOCAL_ERR_LOCALE);
    ck_assert_ptr_null(t);
    glocal_error_free(e);
    ck_assert_int_eq(glocal_catalog_terms(NULL, "de", &t, NULL), GLOCAL_ERR_INVALID);
    ck_assert_uint_eq(glocal_terms_count(NULL), 0);
    glocal_terms_free(NULL);
}
END_TEST

START_TEST(locale_facts)
{
    char *s = NULL;
    ck_assert_int_eq(glocal_locale_canonicalize("iw_IL", &s, NULL), GLOCAL_OK);
    ck_assert_str_eq(s, "he-IL");
    glocal_free(s);
    ck_assert_int_eq(glocal_locale_canonicalize("de-ch-u-nu-latn", &s, NULL), GLOCAL_OK);
    ck_assert_str_eq(s, "de-CH-u-nu-latn");
    glocal_free(s);
    glocal_error *e = NULL;
    ck_assert_int_eq(glocal_locale_canonicalize("en--US", &s, &e), GLOCAL_ERR_LOCALE);
    ck_assert_ptr_null(s);
    glocal_error_free(e);
    ck_assert_int_eq(glocal_plural_categories("ru", 0, &s, NULL), GLOCAL_OK);
    ck_assert_str_eq(s, "few many one other");
    glocal_free(s);
    ck_assert_int_eq(glocal_plural_categories("en", 1, &s, NULL), GLOCAL_OK);
    ck_assert_str_eq(s, "few one two other");
    glocal_free(s);
    ck_assert_int_eq(glocal_plural_categories("ja", 0, &s, NULL), GLOCAL_OK);
    ck_assert_str_eq(s, "other");
    glocal_free(s);
    ck_assert_int_eq(glocal_plural_categories("x y", 0, &s, NULL), GLOCAL_ERR_LOCALE);
    ck_assert_ptr_null(s);
    const char *cat = NULL;
    ck_assert_int_eq(glocal_plural_category("ru", 0, 22, &cat, NULL), GLOCAL_OK);
    ck_assert_str_eq(cat, "few");
    ck_assert_int_eq(glocal_plural_category("en", 1, 3, &cat, NULL), GLOCAL_OK);
    ck_assert_str_eq(cat, "few");
    ck_assert_int_eq(glocal_plural_category("en", 0, 1, &cat, NULL), GLOCAL_OK);
    ck_assert_str_eq(cat, "one");
    ck_assert_int_eq(glocal_plural_category(NULL, 0, 1, &cat, NULL), GLOCAL_ERR_INVALID);
    ck_assert_ptr_null(cat);
}
END_TEST

START_TEST(name_syntax)
{
    ck_assert_int_eq(glocal_name_valid(GLOCAL_NAME_MESSAGE_ID, "order.shipped"), 1);
    ck_assert_int_eq(glocal_name_valid(GLOCAL_NAME_MESSAGE_ID, "Order"), 0);
    ck_assert_int_eq(glocal_name_valid(GLOCAL_NAME_ARGUMENT, "first_Name2"), 1);
    ck_assert_int_eq(glocal_name_valid(GLOCAL_NAME_ARGUMENT, "2x"), 0);
    ck_assert_int_eq(glocal_name_valid(GLOCAL_NAME_IDENTIFIER, "care-team"), 1);
    ck_assert_int_eq(glocal_name_valid(GLOCAL_NAME_IDENTIFIER, "care.team"), 0);
    ck_assert_int_eq(glocal_name_valid(GLOCAL_NAME_ARGUMENT, ""), 0);
    ck_assert_int_eq(glocal_name_valid(GLOCAL_NAME_ARGUMENT, NULL), 0);
    ck_assert_int_eq(glocal_name_valid((glocal_name)7, "x"), 0);
}
END_TEST

START_TEST(argument_types)
{
    /* declared: that type only */
    const glocal_message *m = glocal_catalog_message(resolve_cat, "greet");
    ck_assert_str_eq(glocal_message_arg_type(m, 0), "text");
    ck_assert_int_eq(glocal_message_arg_accepts(m, 0, "text"), 1);
    ck_assert_int_eq(glocal_message_arg_accepts(m, 0, "number"), 0);
    /* declared by use: what every use allows */
    m = glocal_catalog_message(fmt_cat, "inferred");
    ck_assert_str_eq(glocal_message_arg_name(m, 0), "qty");
    ck_assert_str_eq(glocal_message_arg_type(m, 0), "any");
    ck_assert_int_eq(glocal_message_arg_accepts(m, 0, "number"), 1);
    ck_assert_int_eq(glocal_message_arg_accepts(m, 0, "money"), 0);
    ck_assert_int_eq(glocal_message_arg_accepts(m, 0, "text"), 0);
    ck_assert_str_eq(glocal_message_arg_name(m, 1), "price");
    ck_assert_int_eq(glocal_message_arg_accepts(m, 1, "money"), 1);
    ck_assert_int_eq(glocal_message_arg_accepts(m, 1, "date"), 0);
    ck_assert_int_eq(glocal_message_arg_accepts(m, 1, "colour"), 0);
    ck_assert_int_eq(glocal_message_arg_accepts(m, 2, "money"), 0);
    ck_assert_int_eq(glocal_message_arg_accepts(NULL, 0, "money"), 0);
}
END_TEST

void add_read_tests(Suite *s)
{
    TCase *tc = core_tcase("read");
    tcase_add_test(tc, language_axes_channels);
    tcase_add_test(tc, terms_along_the_chain);
    tcase_add_test(tc, locale_facts);
    tcase_add_test(tc, name_syntax);
    tcase_add_test(tc, argument_types);
    suite_add_tcase(s, tc);
}
