/* The lint rules about what a channel sends (docs/lint.md, docs/channels.md):
 * sms-segments measures each variant of an SMS channel as it would be sent,
 * filled with realistic sample values; html-markup checks that an html
 * channel's template closes the tags it opens. */
#include <stdlib.h>
#include <string.h>
#include <unicode/ucurr.h>

#include "chain.h"
#include "format.h"
#include "lint_rules.h"
#include "request.h"

/* Sample values (docs/channels.md#sample-values). */
#define SAMPLE_NAME "Maximilian Oberhofer" /* 20 characters */
#define SAMPLE_ID "KS-4827193"             /* 10 characters */
#define SAMPLE_AMOUNT "1234567.89"         /* 7 digits before the point */
#define SAMPLE_NUMBER 10
#define SAMPLE_YEAR_MS INT64_C(1798761600000) /* 2027-01-01T00:00:00Z */
#define DAY_MS INT64_C(86400000)
#define MAX_FORCING 8

typedef struct sms_lint {
    const glocal_catalog *c;
    gl_diag *d;
    const gl_bundle *b;
    const char *locale;       /* the bundle's, base's language for base */
    uint32_t chain[GL_MAX_CHAIN];
    size_t nchain;
    const gl_message *m;
    uint32_t mi;
    const gl_variant *v;
    const gl_channel *ch;
    char currency[4];
} sms_lint;

/* ---- sample arguments ---- */

/* A text argument that names a record (an order, a ticket) is an id. */
static bool names_an_id(const char *name)
{
    size_t n = strlen(name);
    return strcmp(name, "order") == 0 || strcmp(name, "ticket") == 0 ||
           strcmp(name, "id") == 0 || (n > 3 && strcmp(name + n - 3, "_id") == 0);
}

static gl_argtype sample_type(const gl_argdecl *d)
{
    if (d->type != T_ANY)
        return d->type;
    static const gl_argtype prefer[] = {T_DATE, T_MONEY, T_NUMBER, T_TEXT, T_CODE};
    for (size_t i = 0; i < sizeof prefer / sizeof *prefer; i++)
        if (d->mask & TYPE_BIT(prefer[i]))
            return prefer[i];
    return T_TEXT;
}

static glocal_status set_sample(const sms_lint *x, glocal_args *a, const gl_argdecl *d,
                                int64_t date)
{
    switch (sample_type(d)) {
    case T_NUMBER:
        return glocal_args_int(a, d->name, SAMPLE_NUMBER, NULL);
    case T_DATE:
    case T_DAY: /* a day argument takes an instant as its date (in UTC here) */
        return glocal_args_date(a, d->name, date, NULL);
    case T_MONEY:
        return glocal_args_money(a, d->name, SAMPLE_AMOUNT, x->currency, NULL);
    case T_CODE:
        return glocal_args_code(a, d->name, SAMPLE_ID, NULL);
    default:
        return glocal_args_text(a, d->name, names_an_id(d->name) ? SAMPLE_ID : SAMPLE_NAME,
                                NULL);
    }
}

static void locale_currency(sms_lint *x)
{
    UChar cur[4] = {0};
    UErrorCode st = U_ZERO_ERROR;
    int32_t n = ucurr_forLocale(x->b->format_locale, cur, 4, &st);
    if (U_FAILURE(st) || n != 3) {
        memcpy(x->currency, "EUR", 4);
        return;
    }
    for (int i = 0; i < 3; i++)
        x->currency[i] = (char)cur[i];
    x->currency[3] = '\0';
}

static void render_ctx(const sms_lint *x, gl_render_ctx *r)
{
    *r = (gl_render_ctx){
        .c = x->c, .chain = x->chain, .nchain = x->nchain, .lang = x->b->lang_script,
        .msg = x->mi, .id = x->m->id, .env = {x->b->format_locale, "UTC", x->c->serial},
        .rtl = x->b->rtl, .isolation = GLOCAL_ISOLATE_AUTO,
        .encoding = (gl_encoding)x->ch->encoding};
}

/* The variant written with the sample values and `date` for every date. */
static bool render_sample(const sms_lint *x, int64_t date, gl_buf *out)
{
    glocal_args *a = NULL;
    if (glocal_args_new(&a, NULL) != GLOCAL_OK)
        return false;
    for (size_t i = 0; i < x->m->nargs; i++)
        set_sample(x, a, &x->m->args[i], date);
    gl_render_ctx r;
    render_ctx(x, &r);
    glocal_status st = gl_render_template(&r, &x->v->tmpl, a, out, NULL);
    glocal_args_free(a);
    return st == GLOCAL_OK;
}

static bool takes_date(const gl_message *m)
{
    for (size_t i = 0; i < m->nargs; i++)
        if (sample_type(&m->args[i]) == T_DATE || sample_type(&m->args[i]) == T_DAY)
            return true;
    return false;
}

/* The longest text over the dates of a year's every month and weekday (the
 * 22nd to the 28th of each month, at 23:59): the locale's longest month and
 * day names for the template's date styles. */
static bool longest_sample(const sms_lint *x, gl_sms *worst, int64_t *worst_date)
{
    bool any = false;
    memset(worst, 0, sizeof *worst);
    for (int month = 0; month < 12; month++)
        for (int day = 21; day < 28; day++) {
            int64_t date = SAMPLE_YEAR_MS + (month * 31 + day) * DAY_MS - 60000;
            gl_buf out = {0};
            if (render_sample(x, date, &out)) {
                gl_sms m;
                gl_sms_measure_text(out.p ? out.p : "", out.len, &m);
                if (!any || m.segments > worst->segments ||
                    (m.segments == worst->segments && m.units > worst->units)) {
                    *worst = m;
                    *worst_date = date;
                }
                any = true;
            }
            gl_buf_free(&out);
            if (!takes_date(x->m))
                return any;
        }
    return any;
}

/* ---- what forces UCS-2 ---- */

/* The 1-based column, in code points of the template, of byte offset off. */
static unsigned column_of(const char *src, size_t off)
{
    return (unsigned)gl_utf8_count(src, off) + 1;
}

/* The column of the first `{name` slot of the template (arguments and terms). */
static unsigned slot_column(const char *src, const char *name, bool term)
{
    size_t n = strlen(name);
    for (const char *p = strchr(src, '{'); p; p = strchr(p + 1, '{')) {
        const char *q = p + 1;
        while (*q == ' ')
            q++;
        if (term && *q++ != '-')
            continue;
        if (strncmp(q, name, n) == 0 && strchr(" ,}", q[n]))
            return column_of(src, (size_t)(p - src));
    }
    return 0;
}

typedef struct forcing {
    gl_buf list;
    uint32_t seen[MAX_FORCING];
    size_t n;                 /* distinct characters listed */
    size_t more;              /* distinct ones past the list, or found again */
} forcing;

static bool seen_before(forcing *f, uint32_t cp)
{
    for (size_t i = 0; i < f->n; i++)
        if (f->seen[i] == cp)
            return true;
    return false;
}

/* Lists each distinct character of s that the channel's encoding sends as
 * UCS-2, with its column (of the slot, for a value: where ICU writes it). */
static void find_forcing(const sms_lint *x, forcing *f, const char *s, const char *where,
                         unsigned slot_col)
{
    char eq[8];
    for (const char *p = s; *p;) {
        size_t off = (size_t)(p - s);
        uint32_t cp = gl_utf8_next(&p);
        if (gl_gsm7_septets(cp) || gl_gsm7_equivalent(cp, (gl_encoding)x->ch->encoding, eq) ||
            seen_before(f, cp))
            continue;
        if (f->n == MAX_FORCING) {
            f->more++;
            continue;
        }
        f->seen[f->n] = cp;
        gl_buf_puts(&f->list, f->n++ ? ", " : "");
        if (cp > 0x20 && !(cp >= 0x7F && cp <= 0xA0) && !(cp >= 0x2000 && cp <= 0x206F))
            gl_buf_printf(&f->list, "`%.*s` ", (int)(p - s - off), s + off);
        gl_buf_printf(&f->list, "U+%04X", (unsigned)cp);
        if (where)
            gl_buf_printf(&f->list, " in %s at column %u", where, slot_col);
        else
            gl_buf_printf(&f->list, " at column %u", column_of(s, off));
    }
}

static void forcing_in_slots(const sms_lint *x, forcing *f, int64_t date)
{
    const gl_template *t = &x->v->tmpl;
    gl_render_ctx r;
    render_ctx(x, &r);
    glocal_args *a = NULL;
    if (glocal_args_new(&a, NULL) != GLOCAL_OK)
        return;
    for (size_t i = 0; i < x->m->nargs; i++)
        set_sample(x, a, &x->m->args[i], date);
    for (size_t i = 0; i < t->nslots && f->n < MAX_FORCING; i++) {
        const gl_slot *s = &t->slots[i];
        bool term = s->kind == SLOT_TERM;
        const gl_value *v = term ? NULL : gl_args_find(a, s->name);
        gl_buf val = {.max = 4096}, where = {0};
        const char *text = term ? gl_term_text(x->c, x->chain, x->nchain, x->b->lang_script,
                                               s->name) : NULL;
        if (text)
            gl_buf_puts(&val, text);
        else if (v && v->kind != V_TEXT && v->kind != V_CODE)
            gl_format_value(&r.env, s, v, &val);
        gl_buf_printf(&where, "{%s%s}", term ? "-" : "", s->name);
        if (val.p)
            find_forcing(x, f, val.p, where.p, slot_column(t->src, s->name, term));
        gl_buf_free(&val);
        gl_buf_free(&where);
    }
    glocal_args_free(a);
}

/* ---- sms-segments ---- */

static void report_segments(const sms_lint *x, const gl_sms *m, int64_t date, uint32_t budget)
{
    forcing f = {{0}, {0}, 0, 0};
    if (m->ucs2) {
        find_forcing(x, &f, x->v->tmpl.src, NULL, 0);
        forcing_in_slots(x, &f, date);
    }
    gl_buf msg = {0};
    gl_buf_printf(&msg, "`%s` variant `%s` is sent as %zu %s part%s (%zu %s) with sample values, "
                  "over the budget of %u for %s", x->m->id, x->v->key->text, m->segments,
                  m->ucs2 ? "UCS-2" : "GSM-7", m->segments == 1 ? "" : "s", m->units,
                  m->ucs2 ? "UTF-16 units" : "septets", (unsigned)budget, x->locale);
    if (m->ucs2)
        gl_buf_printf(&msg, "; UCS-2 because of %s%s", f.n ? f.list.p : "characters ICU writes",
                      f.more ? " and more" : "");
    gl_buf_printf(&msg, "; %s", m->ucs2 && f.n ? "reword around them, or shorten it"
                                               : "shorten it");
    if (msg.oom)
        gl_report_fatal(x->d, GLOCAL_ERR_NOMEM, x->b->file, "out of memory");
    else
        gl_report(x->d, R_SMS_SEGMENTS, GLOCAL_OK, x->b->file, x->v->tmpl.line, x->v->tmpl.col,
                  x->b == gl_base(x->c) ? NULL : x->b->locale, x->m->id, "%s", msg.p);
    gl_buf_free(&msg);
    gl_buf_free(&f.list);
}

static void check_segments(sms_lint *x)
{
    uint32_t budget = gl_channel_budget(x->ch, x->locale);
    gl_sms m;
    int64_t date = SAMPLE_YEAR_MS;
    if (!budget || !longest_sample(x, &m, &date) || m.segments <= budget)
        return;
    report_segments(x, &m, date, budget);
}

/* ---- html-markup ---- */

static bool void_element(const char *name, size_t n)
{
    static const char *const voids[] = {"area", "base", "br", "col", "embed", "hr", "img",
                                        "input", "link", "meta", "source", "track", "wbr", NULL};
    for (const char *const *v = voids; *v; v++)
        if (strlen(*v) == n && strncmp(*v, name, n) == 0)
            return true;
    return false;
}

enum { TAG_DEPTH = 32 };

typedef struct tag {
    const char *name;
    size_t len;
    unsigned col;
} tag;

static void markup_finding(const sms_lint *x, const char *problem, const tag *t, const tag *o)
{
    gl_buf msg = {0};
    gl_buf_printf(&msg, "`%s` variant `%s`: `<%s%.*s>` at column %u ", x->m->id, x->v->key->text,
                  o || strcmp(problem, "unclosed") ? "/" : "", (int)t->len, t->name, t->col);
    if (o)
        gl_buf_printf(&msg, "closes `<%.*s>` opened at column %u; close the inner tag first",
                      (int)o->len, o->name, o->col);
    else if (strcmp(problem, "unclosed") == 0)
        gl_buf_puts(&msg, "is never closed; close it in the same template");
    else
        gl_buf_puts(&msg, "closes no tag; remove it, or open it first");
    if (msg.oom)
        gl_report_fatal(x->d, GLOCAL_ERR_NOMEM, x->b->file, "out of memory");
    else
        gl_report(x->d, R_HTML_MARKUP, GLOCAL_OK, x->b->file, x->v->tmpl.line, x->v->tmpl.col,
                  x->b == gl_base(x->c) ? NULL : x->b->locale, x->m->id, "%s", msg.p);
    gl_buf_free(&msg);
}

static bool tag_char(char ch)
{
    return ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z') || (ch >= '0' && ch <= '9');
}

/* The first problem of the template's tags, read linearly: `<b>` never
 * closed, `</i>` closing nothing, `</b>` closing an `<i>`.  Void elements
 * (`<br>`) and self-closing tags need no end tag. */
static void check_markup(const sms_lint *x)
{
    const char *src = x->v->tmpl.src;
    tag open[TAG_DEPTH];
    size_t depth = 0;
    for (const char *p = strchr(src, '<'); p; p = strchr(p + 1, '<')) {
        bool closing = p[1] == '/';
        const char *name = p + 1 + closing, *q = name;
        while (tag_char(*q))
            q++;
        const char *gt = strchr(q, '>');
        if (q == name || !gt)
            continue;
        tag t = {name, (size_t)(q - name), column_of(src, (size_t)(p - src))};
        if (gt[-1] == '/' || (!closing && void_element(name, t.len)))
            continue;
        if (!closing) {
            if (depth < TAG_DEPTH)
                open[depth++] = t;
            continue;
        }
        if (!depth) {
            markup_finding(x, "stray", &t, NULL);
            return;
        }
        if (open[depth - 1].len != t.len || strncmp(open[depth - 1].name, t.name, t.len) != 0) {
            markup_finding(x, "crossed", &t, &open[depth - 1]);
            return;
        }
        depth--;
    }
    if (depth)
        markup_finding(x, "unclosed", &open[depth - 1], NULL);
}

/* ---- per bundle ---- */

static void check_variants(sms_lint *x, const gl_msgdef *def)
{
    for (size_t k = 0; k < def->nv && !x->d->fatal; k++) {
        x->v = &def->v[k];
        x->ch = gl_channel_of(x->c, x->v->key->ax[AX_CHANNEL]);
        if (x->v->tmpl.broken || !x->v->key->ax[AX_CHANNEL])
            continue;
        if (x->ch->kind == KIND_SMS)
            check_segments(x);
        if (x->ch->medium == MEDIUM_HTML)
            check_markup(x);
    }
}

static void check_bundle(sms_lint *x, const gl_bundle *b)
{
    x->b = b;
    x->locale = b == gl_base(x->c) ? x->c->language : b->locale;
    x->nchain = gl_bundle_chain(x->c, b, x->chain, GL_MAX_CHAIN);
    if (!x->nchain) {
        gl_report_fatal(x->d, GLOCAL_ERR_NOMEM, b->file, "out of memory");
        return;
    }
    locale_currency(x);
    for (uint32_t i = 0; i < x->c->nmessages && !x->d->fatal; i++) {
        x->m = &x->c->messages[i];
        x->mi = i;
        if (b->msgs[i] && !(x->m->locked && b != gl_base(x->c)))
            check_variants(x, b->msgs[i]);
    }
}

void gl_lint_channel_warnings(const glocal_catalog *c, gl_diag *d)
{
    if (!c->channels)
        return;
    sms_lint x = {.c = c, .d = d};
    for (size_t i = 0; i < c->nbundles && !d->fatal; i++)
        if (c->bundles[i].msgs && c->bundles[i].lang_script && c->bundles[i].format_locale)
            check_bundle(&x, &c->bundles[i]);
}
