/* Reading what a catalog declares besides its messages (its language, axes
 * and channels), and what tools that read or write bundles need to know
 * (canonical tags, plural categories, name syntax), from the tables and
 * functions the loader and formatting use. */
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "locales.h"
#include "request.h"

const char *glocal_catalog_language(const glocal_catalog *c)
{
    return c ? c->language : NULL;
}

/* ---- axes and channels ---- */

size_t glocal_catalog_axis_count(const glocal_catalog *c)
{
    return c ? (size_t)c->naxes : 0;
}

const char *glocal_catalog_axis_name(const glocal_catalog *c, size_t i)
{
    return c && i < (size_t)c->naxes ? c->axis_name[i] : NULL;
}

/* The index of the j-th value of axis a (value indices are in the order the
 * loader added them: built-in, then base.yaml's), 0 when there is none. */
static uint32_t nth_value(const glocal_catalog *c, int a, size_t j)
{
    for (uint32_t v = 1; a >= 0 && v < c->naxisvals; v++)
        if (c->axisvals[v].axis == a && j-- == 0)
            return v;
    return GL_AXIS_NONE;
}

size_t glocal_catalog_axis_value_count(const glocal_catalog *c, const char *axis)
{
    int a = c && axis ? gl_axis_named(c, axis) : -1;
    size_t n = 0;
    for (uint32_t v = 1; a >= 0 && v < c->naxisvals; v++)
        n += c->axisvals[v].axis == a;
    return n;
}

const char *glocal_catalog_axis_value(const glocal_catalog *c, const char *axis, size_t j)
{
    uint32_t v = c && axis ? nth_value(c, gl_axis_named(c, axis), j) : GL_AXIS_NONE;
    return v != GL_AXIS_NONE ? c->axisvals[v].name : NULL;
}

const char *glocal_catalog_value_axis(const glocal_catalog *c, const char *value)
{
    uint32_t v;
    if (!c || !value || !gl_axis_value(c, value, &v))
        return NULL;
    int a = gl_axis_of(c, v);
    return a >= 0 ? c->axis_name[a] : NULL;
}

unsigned glocal_catalog_channel_max_length(const glocal_catalog *c, const char *channel)
{
    uint32_t v;
    if (!c || !channel || !c->channel_max || !gl_axis_value(c, channel, &v) ||
        gl_axis_of(c, v) != AX_CHANNEL)
        return 0;
    return c->channel_max[v];
}

/* ---- locale facts ---- */

glocal_status glocal_locale_canonicalize(const char *tag, char **out_utf8, glocal_error **err)
{
    if (out_utf8)
        *out_utf8 = NULL;
    if (!out_utf8)
        return gl_fail(err, GLOCAL_ERR_INVALID, NULL, 0, 0, "a required argument is NULL");
    char canon[GL_TAG_MAX];
    glocal_status st = gl_request_locale(tag, canon, err);
    if (st != GLOCAL_OK)
        return st;
    *out_utf8 = gl_strdup(canon);
    return *out_utf8 ? GLOCAL_OK : gl_nomem(err);
}

/* ICU's locale id of a caller's tag, for the plural rules. */
static glocal_status icu_id_of(const char *locale, gl_locale_facts *f, glocal_error **err)
{
    char canon[GL_TAG_MAX];
    glocal_status st = gl_request_locale(locale, canon, err);
    if (st == GLOCAL_OK && !gl_locale_facts_of(canon, f))
        return gl_nomem(err);
    return st;
}

glocal_status glocal_plural_categories(const char *locale, int ordinal, char **out_utf8,
                                       glocal_error **err)
{
    if (out_utf8)
        *out_utf8 = NULL;
    if (!out_utf8)
        return gl_fail(err, GLOCAL_ERR_INVALID, NULL, 0, 0, "a required argument is NULL");
    gl_locale_facts f;
    glocal_status st = icu_id_of(locale, &f, err);
    if (st != GLOCAL_OK)
        return st;
    char *cats = gl_plural_categories(f.icu_id, ordinal != 0);
    if (!cats)
        return gl_nomem(err);
    /* NUL-separated, ending with an empty entry: join with spaces */
    char *p = cats;
    for (size_t n; (n = strlen(p)) > 0; p += n + 1)
        p[n] = p[n + 1] ? ' ' : '\0';
    *out_utf8 = cats;
    return GLOCAL_OK;
}

/* CLDR's categories, so that the caller gets a static string. */
static const char *const plural_names[] = {"zero", "one", "two", "few", "many", "other"};

glocal_status glocal_plural_category(const char *locale, int ordinal, int32_t n,
                                     const char **out, glocal_error **err)
{
    if (out)
        *out = NULL;
    if (!out)
        return gl_fail(err, GLOCAL_ERR_INVALID, NULL, 0, 0, "a required argument is NULL");
    gl_locale_facts f;
    glocal_status st = icu_id_of(locale, &f, err);
    if (st != GLOCAL_OK)
        return st;
    char cat[16];
    gl_plural_select(f.icu_id, ordinal != 0, n, cat, sizeof cat);
    *out = plural_names[5];
    for (size_t i = 0; i < sizeof plural_names / sizeof *plural_names; i++)
        if (strcmp(cat, plural_names[i]) == 0)
            *out = plural_names[i];
    return GLOCAL_OK;
}

int glocal_name_valid(glocal_name kind, const char *s)
{
    if (!s)
        return 0;
    switch (kind) {
    case GLOCAL_NAME_MESSAGE_ID:
        return gl_is_message_id(s);
    case GLOCAL_NAME_ARGUMENT:
        return gl_is_arg_name(s);
    case GLOCAL_NAME_IDENTIFIER:
        return gl_is_identifier(s);
    }
    return 0;
}

