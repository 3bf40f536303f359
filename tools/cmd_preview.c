/* glocal preview DIR --out FILE.html: every message of the catalog, for every
 * locale and every context its bundles write, formatted through the public
 * API with sample values, on one page a person can look at (preview_page.c
 * writes it).  A context is a variant key the locale ends up with
 * (glocal_catalog_variants): the cell is what a reader in that context is
 * served, with the bundle and variant that served it. */
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "glocal.h"

#include "atomic_write.h"
#include "cli.h"
#include "commands.h"
#include "message_args.h"
#include "preview_page.h"
#include "yaml_doc.h"

static const char usage_preview[] =
    "usage: glocal preview DIR --out FILE.html [--locale TAG]... [--message GLOB]...\n"
    "                      [--samples FILE]\n"
    "\n"
    "Writes one self-contained HTML page showing every message of the catalog in\n"
    "DIR, in every locale and context its bundles write, as glocal formats it\n"
    "with sample values, with the bundle and variant that served each text and\n"
    "lint's findings at the message they concern.\n"
    "\n"
    "  --out FILE       the page to write (atomically)\n"
    "  --locale TAG     preview this locale (repeatable; default: every bundle's)\n"
    "  --message GLOB   only the messages whose id matches (repeatable)\n"
    "  --samples FILE   sample values (YAML or JSON): `args: {NAME: VALUE}` for\n"
    "                   every message, `locales: {TAG: {NAME: VALUE}}` and\n"
    "                   `messages: {ID: {NAME: VALUE}}` override it, in that order\n";

typedef struct preview_opts {
    const char *dir, *out, *samples;
    const char **locales, **globs;
    size_t nlocales, nglobs;
} preview_opts;

enum { OPT_OUT, OPT_LOCALE, OPT_MESSAGE, OPT_SAMPLES };
static const cli_opt preview_table[] = {
    {"out", true}, {"locale", true}, {"message", true}, {"samples", true}, {NULL, false}};

static int preview_opt(void *ud, int index, const char *value)
{
    preview_opts *o = ud;
    if (index == OPT_OUT)
        o->out = value;
    else if (index == OPT_LOCALE)
        o->locales[o->nlocales++] = value;
    else if (index == OPT_MESSAGE)
        o->globs[o->nglobs++] = value;
    else if (index == OPT_SAMPLES)
        o->samples = value;
    else
        return take_dir("preview", &o->dir, value);
    return CONTINUE;
}

/* ---- sample values ------------------------------------------------------ */

/* A value for each argument type glocal_message_arg_type names, in the form
 * render's NAME=VALUE takes.  Text samples are the argument's own name, so a
 * page without a samples file still shows which slot is which.  An argument
 * declared nowhere ("any") gets the sample of the first type its uses
 * accept, in this order. */
static const struct {
    const char *type, *value;
} type_samples[] = {
    {"number", "3"},
    {"date", "2026-12-01T09:30:00Z"},
    {"money", "1234.50 EUR"},
    {"day", "2026-12-01"},
    {"code", "482913"},
};
#define NTYPE_SAMPLES (sizeof type_samples / sizeof type_samples[0])

static const char *type_sample(const glocal_message *m, size_t arg)
{
    const char *type = glocal_message_arg_type(m, arg);
    bool any = strcmp(type, "any") == 0;
    for (size_t i = 0; i < NTYPE_SAMPLES; i++)
        if (any ? glocal_message_arg_accepts(m, arg, type_samples[i].type)
                : strcmp(type_samples[i].type, type) == 0)
            return type_samples[i].value;
    return glocal_message_arg_name(m, arg);
}

/* The samples file's scalar at map[section][key][name]; NULL when absent. */
static const char *sample_at(const yd_node *root, const char *section, const char *key,
                             const char *name)
{
    const yd_node *n = yd_get(root, section);
    if (n && key)
        n = yd_get(n, key);
    n = n ? yd_get(n, name) : NULL;
    return n && n->kind == YD_SCALAR ? n->str : NULL;
}

static const char *sample_for(const yd_node *samples, const glocal_message *m, size_t arg,
                              const char *locale)
{
    const char *v = NULL, *id = glocal_message_id(m), *name = glocal_message_arg_name(m, arg);
    if (samples && !(v = sample_at(samples, "messages", id, name)) &&
        !(v = sample_at(samples, "locales", locale, name)))
        v = sample_at(samples, "args", NULL, name);
    return v ? v : type_sample(m, arg);
}

/* The message's arguments with their samples, as render would take them. */
static int sample_args(const glocal_catalog *c, const glocal_message *m, const char *locale,
                       const yd_node *samples, glocal_args **out)
{
    size_t n = glocal_message_arg_count(m);
    char **pairs = xcalloc(n ? n : 1, sizeof *pairs);
    for (size_t i = 0; i < n; i++) {
        strbuf b = {0};
        sb_printf(&b, "%s=%s", glocal_message_arg_name(m, i), sample_for(samples, m, i, locale));
        pairs[i] = sb_take(&b);
    }
    int rc = build_args("preview", c, glocal_message_id(m), pairs, n, out);
    for (size_t i = 0; i < n; i++)
        free(pairs[i]);
    free(pairs);
    return rc;
}

/* The samples file: a map of sections, each a map (of maps for `locales` and
 * `messages`); yd_load refuses a file whose root is not a map. */
static int load_samples(const char *path, yd_file *f)
{
    static const char *const sections[] = {"args", "locales", "messages"};
    char err[512];
    if (!yd_load(path, f, err, sizeof err)) {
        fprintf(stderr, "glocal preview: %s\n", err);
        return EXIT_USAGE;
    }
    for (size_t i = 0; i < sizeof sections / sizeof sections[0]; i++) {
        const yd_node *n = yd_get(f->root, sections[i]);
        if (n && n->kind != YD_MAP) {
            fprintf(stderr, "glocal preview: %s:%u: `%s` is a map of sample values\n", path,
                    n->line, sections[i]);
            return EXIT_USAGE;
        }
    }
    return CONTINUE;
}

/* ---- one cell ------------------------------------------------------------- */

/* The request of a reader in the context a variant key names. */
static glocal_status context_request(const glocal_catalog *c, const char *locale, const char *key,
                                     char **channel, glocal_request **r, glocal_error **e)
{
    glocal_status st = glocal_request_new(locale, r, e);
    char *parts = xstrdup(key);
    *channel = xstrdup("");
    for (char *save = NULL, *v = strtok_r(parts, "+", &save); v && st == GLOCAL_OK;
         v = strtok_r(NULL, "+", &save)) {
        const char *axis = glocal_catalog_value_axis(c, v);
        if (!axis)
            continue;              /* "other": no axis set */
        st = glocal_request_set_axis(*r, axis, v, e);
        if (strcmp(axis, "channel") == 0) {
            free(*channel);
            *channel = xstrdup(v);
        }
    }
    free(parts);
    return st;
}

static char *where_of(const char *file, unsigned line, unsigned col)
{
    strbuf b = {0};
    sb_printf(&b, "%s:%u:%u", file, line, col);
    return sb_take(&b);
}

/* "GSM-7 · 1 part · 98 septets" for a text sent on an SMS channel; NULL
 * for another channel. */
static char *sms_label(const glocal_result *res)
{
    size_t segments, units;
    int ucs2;
    if (!glocal_result_sms(res, &segments, &units, &ucs2))
        return NULL;
    strbuf b = {0};
    sb_printf(&b, "%s · %zu part%s · %zu %s", ucs2 ? "UCS-2" : "GSM-7", segments,
              segments == 1 ? "" : "s", units, ucs2 ? "units" : "septets");
    return sb_take(&b);
}

/* "locked" when base's text is served, "locked: approved de" when a
 * bundle's approved version is; NULL when the message is not locked there. */
static char *lock_label(const glocal_catalog *c, const char *locale, const char *id)
{
    const char *by = NULL;
    if (glocal_catalog_locked_by(c, locale, id, &by, NULL) != GLOCAL_OK || !by)
        return NULL;
    strbuf b = {0};
    sb_printf(&b, strcmp(by, "base") == 0 ? "locked" : "locked: approved %s", by);
    return sb_take(&b);
}

static void describe_result(pv_cell *cell, const glocal_result *res)
{
    cell->text = xstrdup(glocal_result_text(res));
    cell->lang = xstrdup(glocal_result_language(res));
    cell->rtl = glocal_result_rtl(res);
    cell->bundle = xstrdup(glocal_result_bundle(res));
    cell->variant = xstrdup(glocal_result_variant(res));
    cell->where =
        where_of(glocal_result_file(res), glocal_result_line(res), glocal_result_column(res));
    cell->fallback = glocal_result_fallback(res);
    cell->sms = sms_label(res);
}

static void fill_cell(pv_cell *cell, const glocal_catalog *c, const glocal_message *m,
                      const glocal_variant *v, const glocal_args *args)
{
    glocal_request *r = NULL;
    glocal_result *res = NULL;
    glocal_error *e = NULL;
    cell->context = xstrdup(glocal_variant_key(v));
    glocal_status st = context_request(c, cell->locale, cell->context, &cell->channel, &r, &e);
    if (st == GLOCAL_OK)
        st = glocal_format_result(c, glocal_message_id(m), r, args, &res, &e);
    if (st == GLOCAL_OK) {
        describe_result(cell, res);
        cell->locked = lock_label(c, cell->locale, glocal_message_id(m));
    } else {
        cell->error = xstrdup(glocal_error_message(e));
    }
    glocal_result_free(res);
    glocal_request_free(r);
    glocal_error_free(e);
}

/* ---- the page ------------------------------------------------------------- */

typedef struct preview {
    const glocal_catalog *c;
    const yd_node *samples;
    pv_page page;
} preview;

static bool wanted_message(const preview_opts *o, const char *id)
{
    for (size_t i = 0; i < o->nglobs; i++)
        if (fnmatch(o->globs[i], id, 0) == 0)
            return true;
    return o->nglobs == 0;
}

static pv_cell *new_cell(pv_message *pm)
{
    if (pm->ncells == pm->cap) {
        pm->cap = pm->cap ? 2 * pm->cap : 8;
        pm->cells = xrealloc(pm->cells, pm->cap * sizeof *pm->cells);
    }
    pv_cell *cell = &pm->cells[pm->ncells++];
    memset(cell, 0, sizeof *cell);
    return cell;
}

/* The cells of one message in one locale: one per variant it ends up with. */
static int preview_locale(preview *pv, pv_message *pm, const glocal_message *m, pv_locale *loc)
{
    glocal_variants *vs = NULL;
    glocal_args *args = NULL;
    glocal_error *e = NULL;
    if (glocal_catalog_variants(pv->c, loc->tag, pm->id, &vs, &e) != GLOCAL_OK) {
        print_error("preview", e);
        glocal_error_free(e);
        return EXIT_FAILED;
    }
    int rc = sample_args(pv->c, m, loc->tag, pv->samples, &args);
    for (size_t i = 0; rc == CONTINUE && i < glocal_variants_count(vs); i++) {
        pv_cell *cell = new_cell(pm);
        cell->locale = loc->tag;
        fill_cell(cell, pv->c, m, glocal_variants_at(vs, i), args);
        loc->cells++;
    }
    if (!glocal_message_locked(m)) {
        loc->total++;
        loc->translated += strcmp(glocal_variant_bundle(glocal_variants_at(vs, 0)), "base") != 0;
    }
    glocal_args_free(args);
    glocal_variants_free(vs);
    return rc;
}

/* Base's own text of the message: its `other` variant, else its first. */
static const char *base_text(const glocal_catalog *c, const char *id)
{
    glocal_variants *vs = NULL;
    const char *text = "";
    if (glocal_catalog_variants(c, "und", id, &vs, NULL) == GLOCAL_OK) {
        text = glocal_variant_template(glocal_variants_at(vs, 0));
        for (size_t i = 0; i < glocal_variants_count(vs); i++)
            if (strcmp(glocal_variant_key(glocal_variants_at(vs, i)), "other") == 0)
                text = glocal_variant_template(glocal_variants_at(vs, i));
        text = xstrdup(text);
    }
    glocal_variants_free(vs);
    return text;
}

/* The locales previewed: --locale's, canonical, else every bundle's. */
static int choose_locales(preview *pv, const preview_opts *o)
{
    size_t n = o->nlocales ? o->nlocales : glocal_catalog_locale_count(pv->c);
    pv->page.locales = xcalloc(n ? n : 1, sizeof *pv->page.locales);
    for (size_t i = 0; i < n; i++) {
        char *tag = NULL;
        glocal_error *e = NULL;
        if (!o->nlocales) {
            tag = xstrdup(glocal_catalog_locale_at(pv->c, i));
        } else if (glocal_locale_canonicalize(o->locales[i], &tag, &e) != GLOCAL_OK) {
            int rc = usage_error("preview", "--locale `%s`: %s", o->locales[i],
                                 glocal_error_message(e));
            glocal_error_free(e);
            return rc;
        } else {
            char *own = xstrdup(tag);
            glocal_free(tag);
            tag = own;
        }
        pv->page.locales[pv->page.nlocales++].tag = tag;
    }
    return CONTINUE;
}

static bool locale_previewed(const pv_page *p, const char *tag)
{
    for (size_t i = 0; i < p->nlocales; i++)
        if (strcmp(p->locales[i].tag, tag) == 0)
            return true;
    return false;
}

static pv_message *message_named(pv_page *p, const char *id)
{
    for (size_t i = 0; id && i < p->nmsgs; i++)
        if (strcmp(p->msgs[i].id, id) == 0)
            return &p->msgs[i];
    return NULL;
}

static void add_finding(pv_finding **list, size_t *n, size_t *cap, const glocal_finding *f)
{
    if (*n == *cap) {
        *cap = *cap ? 2 * *cap : 8;
        *list = xrealloc(*list, *cap * sizeof **list);
    }
    pv_finding *pf = &(*list)[(*n)++];
    pf->rule = xstrdup(glocal_finding_rule(f));
    pf->text = xstrdup(glocal_finding_message(f));
    pf->where = where_of(glocal_finding_file(f), glocal_finding_line(f), glocal_finding_column(f));
    pf->locale = glocal_finding_locale(f) ? xstrdup(glocal_finding_locale(f)) : NULL;
    pf->error = glocal_finding_severity(f) == GLOCAL_SEVERITY_ERROR;
}

/* lint's findings, each at the message it concerns (or the catalog's list);
 * those of locales or messages not previewed are left out. */
static int place_findings(pv_page *p, const char *dir, size_t nglobs)
{
    glocal_findings *fs = NULL;
    glocal_error *e = NULL;
    if (glocal_lint(dir, &fs, &e) != GLOCAL_OK) {
        print_error("preview", e);
        glocal_error_free(e);
        return EXIT_USAGE;
    }
    for (size_t i = 0; i < glocal_findings_count(fs); i++) {
        const glocal_finding *f = glocal_findings_at(fs, i);
        const char *loc = glocal_finding_locale(f);
        if (loc && strcmp(loc, "base") != 0 && !locale_previewed(p, loc))
            continue;
        pv_message *pm = message_named(p, glocal_finding_message_id(f));
        if (pm)
            add_finding(&pm->findings, &pm->nfindings, &pm->fcap, f);
        else if (!glocal_finding_message_id(f) || !nglobs)
            add_finding(&p->other, &p->nother, &p->ocap, f);
        for (size_t j = 0; loc && (pm || !nglobs) && j < p->nlocales; j++)
            p->locales[j].findings += strcmp(p->locales[j].tag, loc) == 0;
    }
    glocal_findings_free(fs);
    return CONTINUE;
}

static bool has_channel(const pv_page *p, const char *ch)
{
    for (size_t i = 0; i < p->nchannels; i++)
        if (strcmp(p->channels[i], ch) == 0)
            return true;
    return false;
}

/* The channels the cells show, for the filter, in first-seen order. */
static void collect_channels(pv_page *p)
{
    size_t cap = 0;
    for (size_t i = 0; i < p->nmsgs; i++)
        for (size_t j = 0; j < p->msgs[i].ncells; j++) {
            const char *ch = p->msgs[i].cells[j].channel;
            if (!ch || !*ch || has_channel(p, ch))
                continue;
            if (p->nchannels == cap) {
                cap = cap ? 2 * cap : 8;
                p->channels = xrealloc(p->channels, cap * sizeof *p->channels);
            }
            p->channels[p->nchannels++] = (char *)ch;
        }
}

static int build_page(preview *pv, const preview_opts *o)
{
    size_t n;
    const glocal_message **list = messages_in_file_order(pv->c, &n);
    pv->page.msgs = xcalloc(n ? n : 1, sizeof *pv->page.msgs);
    int rc = CONTINUE;
    for (size_t i = 0; rc == CONTINUE && i < n; i++) {
        if (!wanted_message(o, glocal_message_id(list[i])))
            continue;
        pv_message *pm = &pv->page.msgs[pv->page.nmsgs++];
        pm->id = glocal_message_id(list[i]);
        pm->note = glocal_message_note(list[i]);
        pm->locked = glocal_message_locked(list[i]);
        pm->base_text = base_text(pv->c, pm->id);
        for (size_t l = 0; rc == CONTINUE && l < pv->page.nlocales; l++)
            rc = preview_locale(pv, pm, list[i], &pv->page.locales[l]);
    }
    free(list);
    if (rc == CONTINUE)
        rc = place_findings(&pv->page, o->dir, o->nglobs);
    collect_channels(&pv->page);
    return rc;
}

static void free_finding(pv_finding *f)
{
    free(f->rule);
    free(f->text);
    free(f->where);
    free(f->locale);
}

static void free_cell(pv_cell *c)
{
    free(c->context);
    free(c->channel);
    free(c->text);
    free(c->error);
    free(c->lang);
    free(c->bundle);
    free(c->variant);
    free(c->where);
    free(c->sms);
    free(c->locked);
}

static void free_page(pv_page *p)
{
    for (size_t i = 0; i < p->nmsgs; i++) {
        pv_message *m = &p->msgs[i];
        for (size_t j = 0; j < m->ncells; j++)
            free_cell(&m->cells[j]);
        for (size_t j = 0; j < m->nfindings; j++)
            free_finding(&m->findings[j]);
        free(m->cells);
        free(m->findings);
        free((char *)m->base_text);
    }
    for (size_t i = 0; i < p->nother; i++)
        free_finding(&p->other[i]);
    for (size_t i = 0; i < p->nlocales; i++)
        free((char *)p->locales[i].tag);
    free(p->other);
    free(p->msgs);
    free(p->locales);
    free(p->channels);
}

static int write_page(const char *path, const pv_page *p)
{
    strbuf html = {0};
    char err[512];
    pv_write_page(&html, p);
    bool ok = atomic_write(path, html.p, html.len, err, sizeof err);
    sb_free(&html);
    if (!ok)
        fprintf(stderr, "glocal preview: %s\n", err);
    return ok ? EXIT_OK : EXIT_USAGE;
}

int cmd_preview(int argc, char **argv)
{
    preview_opts o = {0};
    o.locales = xcalloc((size_t)argc + 1, sizeof *o.locales);
    o.globs = xcalloc((size_t)argc + 1, sizeof *o.globs);
    preview pv = {0};
    yd_file samples = {0};
    glocal_catalog *c = NULL;
    int rc = parse_args("preview", argc, argv, preview_table, usage_preview, preview_opt, &o);
    if (rc == CONTINUE && (!o.dir || !o.out))
        rc = usage_error("preview", "%s", !o.dir ? "a catalog directory is required"
                                                 : "--out FILE.html is required");
    if (rc == CONTINUE && o.samples)
        rc = load_samples(o.samples, &samples);
    if (rc == CONTINUE)
        rc = open_catalog("preview", o.dir, &c);
    if (rc == CONTINUE) {
        pv.c = c;
        pv.samples = samples.root;
        pv.page.dir = o.dir;
        pv.page.version = glocal_version();
        rc = choose_locales(&pv, &o);
    }
    if (rc == CONTINUE)
        rc = build_page(&pv, &o);
    if (rc == CONTINUE)
        rc = write_page(o.out, &pv.page);
    free_page(&pv.page);
    yd_file_free(&samples);
    glocal_catalog_unref(c);
    free(o.locales);
    free(o.globs);
    return rc;
}
