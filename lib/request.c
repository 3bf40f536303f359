/* Requests (glocal_request_*) and profile lookups. */
#include <stdlib.h>
#include <string.h>

#include "chain.h"
#include "format_memo.h"
#include "request.h"


glocal_status gl_canonical_locale(const char *locale, char out[GL_TAG_MAX], glocal_error **err)
{
    if (!locale)
        return gl_fail(err, GLOCAL_ERR_INVALID, NULL, 0, 0, "the locale is NULL");
    if (!gl_utf8_valid(locale, strlen(locale)))
        return gl_fail(err, GLOCAL_ERR_INVALID, NULL, 0, 0, "the locale is not valid UTF-8");
    switch (gl_locale_canonical(locale, out, GL_TAG_MAX)) {
    case TAG_OK:
        return GLOCAL_OK;
    case TAG_NOMEM:
        return gl_nomem(err);
    case TAG_TOO_LONG:
        return gl_fail(err, GLOCAL_ERR_LOCALE, NULL, 0, 0,
                       "locale `%.40s...` is longer than %d characters", locale, GL_TAG_MAX - 1);
    default:
        return gl_fail(err, GLOCAL_ERR_LOCALE, NULL, 0, 0,
                       "`%s` is not a well-formed BCP 47 locale tag (e.g. de-CH, pt-BR, zh-Hant)",
                       locale);
    }
}

glocal_status gl_request_locale(const char *locale, char out[GL_TAG_MAX], glocal_error **err)
{
    glocal_status st = gl_canonical_locale(locale, out, err);
    if (st != GLOCAL_OK)
        return st;
    const char *key = "";
    int known = gl_locale_extensions_known(out, &key);
    if (known < 0)
        return gl_nomem(err);
    if (known)
        return GLOCAL_OK;
    bool nu = strcmp(key, "nu") == 0;
    return gl_fail(err, GLOCAL_ERR_LOCALE, NULL, 0, 0,
                   "locale `%s` asks for a %s (-u-%s-) that ICU does not know%s", out,
                   nu ? "numbering system" : "calendar", key,
                   nu ? " or cannot write numbers with (an algorithmic one, such as roman)" : "");
}

glocal_status glocal_request_new(const char *locale, glocal_request **out, glocal_error **err)
{
    if (out)
        *out = NULL;
    if (!out)
        return gl_fail(err, GLOCAL_ERR_INVALID, NULL, 0, 0, "glocal_request_new: out is NULL");
    char tag[GL_TAG_MAX];
    glocal_status st = gl_request_locale(locale, tag, err);
    if (st != GLOCAL_OK)
        return st;
    glocal_request *r = calloc(1, sizeof(*r));
    if (!r)
        return gl_nomem(err);
    memcpy(r->tag, tag, sizeof tag);
    r->hash = gl_hash(tag, strlen(tag));
    *out = r;
    return GLOCAL_OK;
}

/* A fallback's chain follows the request's own: "de-CH\nfr\nes". */
glocal_status glocal_request_add_fallback(glocal_request *r, const char *locale,
                                          glocal_error **err)
{
    if (!r)
        return gl_fail(err, GLOCAL_ERR_INVALID, NULL, 0, 0, "the request is NULL");
    if (r->nfallbacks == GL_MAX_FALLBACKS)
        return gl_fail(err, GLOCAL_ERR_LIMIT, NULL, 0, 0,
                       "a request has at most %d fallback locales", GL_MAX_FALLBACKS);
    char tag[GL_TAG_MAX];
    glocal_status st = gl_request_locale(locale, tag, err);
    if (st != GLOCAL_OK)
        return st;
    const char *key = gl_request_chain_key(r);
    size_t have = strlen(key), add = strlen(tag);
    char *longer = malloc(have + add + 2);
    if (!longer)
        return gl_nomem(err);
    memcpy(longer, key, have);
    longer[have] = '\n';
    memcpy(longer + have + 1, tag, add + 1);
    gl_request_forget(r);
    free(r->fallbacks);
    r->fallbacks = longer;
    r->nfallbacks++;
    r->hash = gl_hash(longer, have + add + 1);
    return GLOCAL_OK;
}

/* Every catalog has the built-in axes at the same indices: found once here,
 * not by name on every format call. */
static int builtin_axis(const char *name)
{
    for (int a = 0; a < AX_BUILTIN; a++)
        if (strcmp(gl_axis_names[a], name) == 0)
            return a;
    return -1;
}

/* Where the request keeps axis `name`: its slot, a new one, or -1 when all
 * are taken. */
static int axis_slot(glocal_request *r, const char *name, bool add)
{
    for (size_t i = 0; i < r->naxes; i++)
        if (strcmp(r->axis[i].name, name) == 0)
            return (int)i;
    return add && r->naxes < GL_MAX_AXES ? (int)r->naxes : -1;
}

static void clear_axis(glocal_request *r, int slot)
{
    free(r->axis[slot].name);
    free(r->axis[slot].value);
    memmove(&r->axis[slot], &r->axis[slot + 1], (r->naxes - (size_t)slot - 1) * sizeof(r->axis[0]));
    r->naxes--;
    r->axis[r->naxes].name = r->axis[r->naxes].value = NULL;
}

/* Replaces *slot with a copy of value (NULL clears). */
static glocal_status set_string(char **slot, const char *value, glocal_error **err)
{
    char *copy = NULL;
    if (value && !(copy = gl_strdup(value)))
        return gl_nomem(err);
    free(*slot);
    *slot = copy;
    return GLOCAL_OK;
}

glocal_status glocal_request_set_axis(glocal_request *r, const char *axis, const char *value,
                                      glocal_error **err)
{
    if (!r || !axis)
        return gl_fail(err, GLOCAL_ERR_INVALID, NULL, 0, 0, "glocal_request_set_axis: %s is NULL",
                       r ? "axis" : "the request");
    if (!gl_is_axis_name(axis))
        return gl_fail(err, GLOCAL_ERR_INVALID, NULL, 0, 0,
                       "`%s` is not an axis name ([a-z][a-z0-9_]*: formality, tone, channel, "
                       "or one base.yaml declares)",
                       gl_utf8_valid(axis, strlen(axis)) ? axis : "?");
    if (value && !gl_is_identifier(value))
        return gl_fail(err, GLOCAL_ERR_INVALID, NULL, 0, 0,
                       "%s value must be a lowercase identifier ([a-z][a-z0-9_-]*)", axis);
    if (value && strcmp(value, "other") == 0)
        return gl_fail(err, GLOCAL_ERR_INVALID, NULL, 0, 0,
                       "`other` is reserved and is not a %s value", axis);
    int slot = axis_slot(r, axis, value != NULL);
    gl_request_forget(r);
    if (!value) {
        if (slot >= 0)
            clear_axis(r, slot);
        return GLOCAL_OK;
    }
    if (slot < 0)
        return gl_fail(err, GLOCAL_ERR_LIMIT, NULL, 0, 0, "a request sets at most %d axes",
                       GL_MAX_AXES);
    if ((size_t)slot == r->naxes) {
        char *name = gl_strdup(axis);
        if (!name)
            return gl_nomem(err);
        glocal_status st = set_string(&r->axis[slot].value, value, err);
        if (st != GLOCAL_OK) {
            free(name);
            return st;
        }
        r->axis[slot].name = name;
        r->axis[slot].builtin = builtin_axis(name);
        r->naxes++;
        return GLOCAL_OK;
    }
    return set_string(&r->axis[slot].value, value, err);
}

glocal_status glocal_request_set_time_zone(glocal_request *r, const char *iana_zone,
                                           glocal_error **err)
{
    if (!r)
        return gl_fail(err, GLOCAL_ERR_INVALID, NULL, 0, 0, "the request is NULL");
    if (iana_zone && (!gl_utf8_valid(iana_zone, strlen(iana_zone)) ||
                      !gl_time_zone_known(iana_zone)))
        return gl_fail(err, GLOCAL_ERR_INVALID, NULL, 0, 0,
                       "`%s` is not a known IANA time zone (e.g. Europe/Zurich)",
                       gl_utf8_valid(iana_zone, strlen(iana_zone)) ? iana_zone : "?");
    gl_request_forget(r); /* entries point at the zone set_string frees */
    return set_string(&r->zone, iana_zone, err);
}

glocal_status glocal_request_set_isolation(glocal_request *r, glocal_isolation mode,
                                           glocal_error **err)
{
    if (!r || (unsigned)mode > GLOCAL_ISOLATE_ALWAYS)
        return gl_fail(err, GLOCAL_ERR_INVALID, NULL, 0, 0, "%s",
                       r ? "unknown isolation mode" : "the request is NULL");
    r->isolation = mode;
    return GLOCAL_OK;
}

void glocal_request_free(glocal_request *r)
{
    if (!r)
        return;
    gl_request_forget(r);
    for (size_t i = 0; i < r->naxes; i++) {
        free(r->axis[i].name);
        free(r->axis[i].value);
    }
    free(r->zone);
    free(r->fallbacks);
    free(r);
}

static const char *first_channels(const glocal_catalog *c, const gl_chain *ch)
{
    for (size_t i = 0; i < ch->n; i++)
        if (c->bundles[ch->idx[i]].channels)
            return c->bundles[ch->idx[i]].channels;
    return "";
}

/* A profile's calendar, numbers or hour_cycle along the chain ("" unset);
 * NULL when key is none of them. */
static const char *convention(const gl_chain *ch, const char *key)
{
    for (int k = 0; k < GL_CONVENTIONS; k++)
        if (strcmp(key, gl_convention_keys[k]) == 0)
            return ch->convention[k] ? ch->convention[k] : "";
    return NULL;
}

glocal_status glocal_profile(const glocal_catalog *c, const char *locale, const char *key,
                             char **out_utf8, glocal_error **err)
{
    if (out_utf8)
        *out_utf8 = NULL;
    if (!c || !key || !out_utf8)
        return gl_fail(err, GLOCAL_ERR_INVALID, NULL, 0, 0, "glocal_profile: NULL argument");
    char tag[GL_TAG_MAX];
    glocal_status st = gl_request_locale(locale, tag, err);
    if (st != GLOCAL_OK)
        return st;
    bool owned;
    const gl_chain *ch = gl_chain_get(c, tag, gl_hash(tag, strlen(tag)), &owned);
    if (!ch)
        return gl_nomem(err);
    const char *v;
    if (strcmp(key, "formality") == 0)
        v = c->axisvals[ch->formality].name;
    else if (strcmp(key, "tone") == 0)
        v = c->axisvals[ch->tone].name;
    else if (strcmp(key, "channels") == 0)
        v = first_channels(c, ch);
    else if (strcmp(key, "time_zone") == 0)
        v = ch->time_zone ? ch->time_zone : "";
    else
        v = convention(ch, key);
    char *copy = v ? gl_strdup(v) : NULL;
    if (owned)
        gl_chain_free((gl_chain *)ch);
    if (!v)
        return gl_fail(err, GLOCAL_ERR_INVALID, NULL, 0, 0,
                       "unknown profile key `%s` (keys: formality, tone, channels, time_zone, "
                       "calendar, numbers, hour_cycle)",
                       gl_utf8_valid(key, strlen(key)) ? key : "?");
    if (!copy)
        return gl_nomem(err);
    *out_utf8 = copy;
    return GLOCAL_OK;
}
