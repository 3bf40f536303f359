/* glocal_format_result: the text and the resolution that chose it.  The
 * result borrows from its catalog (bundle, variant, file, axis values, a
 * memoized chain's format tag are the catalog's own strings, valid while the
 * caller holds the catalog); only what may die sooner (the request's zone,
 * an unmemoized chain's tag) is copied, into the result's own allocation.
 * Two allocations a call, the result and its text, and no reference count
 * touched (bench: the `result` workload against `variants`). */
#include <stdlib.h>
#include <string.h>

#include "format.h"

#define FROM_REQUEST UINT32_MAX

struct glocal_result {
    const glocal_catalog *cat;
    const char *text;           /* in the block, after the copies */
    size_t len;
    const gl_bundle *bundle;
    const gl_variant *var;
    const char *lang;
    const char *zone_source, *zone, *format_tag;
    const gl_bundle *zone_profile; /* whose profile set the zone; NULL when none did */
    bool fallback;
    bool sms;                   /* the context's channel is `kind: sms`: measured */
    gl_sms measure;
    uint32_t ctx[GL_MAX_AXES];  /* value index per axis, GL_AXIS_NONE unset */
    uint32_t from[GL_MAX_AXES]; /* FROM_REQUEST, or the bundle whose profile set it */
    char copies[];              /* what zone and format_tag point to when copied */
};

/* The request's language and script, as bundles write theirs ("de-Latn"). */
static bool same_language(const gl_chain *ch, const char *lang_script)
{
    size_t n = strlen(ch->facts.language);
    return strncmp(lang_script, ch->facts.language, n) == 0 && lang_script[n] == '-' &&
           strcmp(lang_script + n + 1, ch->facts.script) == 0;
}

static void keep_context(glocal_result *res, const glocal_catalog *c, const gl_resolution *rs)
{
    for (int a = 0; a < c->naxes; a++) {
        int from = rs->ctx_from[a];
        if (from == GL_FROM_UNSET)
            continue;
        res->ctx[a] = rs->ctx[a];
        res->from[a] = from == GL_FROM_REQUEST ? FROM_REQUEST : rs->chain->idx[from];
    }
}

/* docs/resolution.md#time-zones */
static const char *zone_source(const gl_resolution *rs, const glocal_request *r)
{
    const gl_chain *ch = rs->chain;
    if (r->zone)
        return "request";
    return !ch->time_zone ? "default" : ch->time_zone == ch->region_zone ? "region" : "profile";
}

/* The zone's string dies with the request, or with an unmemoized chain. */
static bool zone_copied(const gl_resolution *rs, const glocal_request *r)
{
    return r->zone || (rs->chain_owned && rs->chain->region_zone);
}

/* The bytes of the strings a result must copy (NULs included). */
static size_t copies_size(const gl_resolution *rs, const glocal_request *r)
{
    size_t n = zone_copied(rs, r) ? strlen(rs->zone) + 1 : 0;
    return n + (rs->chain_owned ? strlen(rs->chain->format_tag[rs->var_pos]) + 1 : 0);
}

/* s, or a copy of it in the result's tail when it may die first. */
static const char *keep(char **tail, const char *s, bool copy)
{
    if (!copy)
        return s;
    size_t n = strlen(s) + 1;
    char *kept = memcpy(*tail, s, n);
    *tail += n;
    return kept;
}

/* The result of a resolution, its text (n bytes) copied into the same block. */
static glocal_result *describe(const glocal_catalog *c, const gl_resolution *rs,
                               const glocal_request *r, const char *text, size_t n)
{
    /* malloc, not calloc: glibc's calloc bypasses the per-thread cache */
    glocal_result *res = malloc(sizeof(*res) + copies_size(rs, r) + n + 1);
    if (!res)
        return NULL;
    memset(res, 0, sizeof(*res));
    char *tail = res->copies;
    res->cat = c;
    res->bundle = gl_resolution_bundle(c, rs, rs->var_pos);
    res->var = rs->var;
    res->lang = rs->lang;
    res->fallback = !same_language(rs->chain, rs->lang);
    keep_context(res, c, rs);
    res->zone_source = zone_source(rs, r);
    res->zone = keep(&tail, rs->zone, zone_copied(rs, r));
    if (strcmp(res->zone_source, "profile") == 0)
        res->zone_profile = &c->bundles[rs->chain->idx[rs->chain->zone_from]];
    res->format_tag = keep(&tail, rs->chain->format_tag[rs->var_pos], rs->chain_owned);
    memcpy(tail, text, n);
    tail[n] = '\0';
    res->text = tail;
    res->len = n;
    if (gl_channel_of(c, res->ctx[AX_CHANNEL])->kind == KIND_SMS) {
        res->sms = true;
        gl_sms_measure_text(text, n, &res->measure);
    }
    return res;
}

/* Most texts fit here, so that a result takes one allocation, as a
 * glocal_format string does. */
#define RESULT_STACK_TEXT 1024

/* The served resolution's text: a plain literal as it is, else written into
 * stack (RESULT_STACK_TEXT bytes), else into heap when it does not fit. */
static glocal_status served_text(const glocal_catalog *c, const gl_served *sv,
                                 const glocal_request *r, const glocal_args *a, const char *id,
                                 char *stack, gl_buf *heap, const char **text, size_t *n,
                                 glocal_error **err)
{
    if (sv->literal && sv->literal_len > (size_t)c->max_output)
        return gl_over_limit(c, id, err);
    if (sv->literal) {
        *text = sv->literal;
        *n = sv->literal_len;
        return GLOCAL_OK;
    }
    glocal_error *e = NULL;
    glocal_status st = gl_render_to(c, sv->res, r, a, id, stack, RESULT_STACK_TEXT, n, &e);
    if (st == GLOCAL_ERR_BUFFER) {
        glocal_error_free(e);
        st = gl_render(c, sv->res, r, a, id, heap, err);
        *text = heap->p ? heap->p : "";
        *n = heap->len;
        return st;
    }
    if (err)
        *err = e;
    else
        glocal_error_free(e);
    *text = stack;
    return st;
}

glocal_status glocal_format_result(const glocal_catalog *c, const char *message_id,
                                   const glocal_request *r, const glocal_args *a,
                                   glocal_result **out, glocal_error **err)
{
    if (out)
        *out = NULL;
    if (!c || !message_id || !r || !out)
        return gl_fail(err, GLOCAL_ERR_INVALID, NULL, 0, 0, "a required argument is NULL");
    gl_served sv;
    char stack[RESULT_STACK_TEXT];
    gl_buf heap = {0};
    const char *text = NULL;
    size_t n = 0;
    glocal_status st = gl_serve(c, message_id, r, &sv, err);
    if (st == GLOCAL_OK)
        st = served_text(c, &sv, r, a, message_id, stack, &heap, &text, &n, err);
    if (st == GLOCAL_OK && !(*out = describe(c, sv.res, r, text, n)))
        st = gl_nomem(err);
    gl_resolution_done(&sv.own);
    gl_buf_free(&heap);
    return st;
}

void glocal_result_free(glocal_result *res)
{
    free(res);
}

const char *glocal_result_text(const glocal_result *res) { return res ? res->text : NULL; }
size_t glocal_result_length(const glocal_result *res) { return res ? res->len : 0; }
const char *glocal_result_bundle(const glocal_result *res) { return res ? res->bundle->locale : NULL; }
const char *glocal_result_variant(const glocal_result *res)
{
    return res ? res->var->key->text : NULL;
}
const char *glocal_result_file(const glocal_result *res) { return res ? res->bundle->file : NULL; }
unsigned glocal_result_line(const glocal_result *res) { return res ? res->var->line : 0; }
unsigned glocal_result_column(const glocal_result *res) { return res ? res->var->col : 0; }
int glocal_result_rtl(const glocal_result *res) { return res && res->bundle->rtl; }
const char *glocal_result_format_locale(const glocal_result *res) { return res ? res->format_tag : NULL; }
const char *glocal_result_language(const glocal_result *res) { return res ? res->lang : NULL; }
int glocal_result_fallback(const glocal_result *res) { return res && res->fallback; }
const char *glocal_result_time_zone(const glocal_result *res) { return res ? res->zone : NULL; }

const char *glocal_result_time_zone_source(const glocal_result *res)
{
    return res ? res->zone_source : NULL;
}

const char *glocal_result_time_zone_profile(const glocal_result *res)
{
    return res && res->zone_profile ? res->zone_profile->locale : NULL;
}

static int axis_index(const glocal_result *res, const char *axis)
{
    return res && axis ? gl_axis_named(res->cat, axis) : -1;
}

const char *glocal_result_axis(const glocal_result *res, const char *axis)
{
    int a = axis_index(res, axis);
    return a < 0 || !res->ctx[a] ? NULL : res->cat->axisvals[res->ctx[a]].name;
}

const char *glocal_result_axis_source(const glocal_result *res, const char *axis)
{
    int a = axis_index(res, axis);
    if (a < 0 || !res->ctx[a])
        return NULL;
    return res->from[a] == FROM_REQUEST ? "request" : "profile";
}

const char *glocal_result_axis_profile(const glocal_result *res, const char *axis)
{
    int a = axis_index(res, axis);
    if (a < 0 || !res->ctx[a] || res->from[a] == FROM_REQUEST)
        return NULL;
    return res->cat->bundles[res->from[a]].locale;
}

int glocal_result_sms(const glocal_result *res, size_t *segments, size_t *units, int *is_ucs2)
{
    bool sms = res && res->sms;
    if (segments)
        *segments = sms ? res->measure.segments : 0;
    if (units)
        *units = sms ? res->measure.units : 0;
    if (is_ucs2)
        *is_ucs2 = sms && res->measure.ucs2;
    return sms;
}
