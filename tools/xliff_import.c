/* glocal import DIR FILE: merges the translations of an XLIFF 2.0 file (as
 * `glocal export` wrote it, then filled in) into the bundle of its trgLang.
 *
 * A unit is taken when its segments have a target and a state of translated,
 * reviewed or final (`--all`: any target).  Its inline codes turn back into
 * the template source they stand for (originalData), its text is quoted for
 * ICU.  The bundle keeps its keys in their order; changed variants are
 * replaced in place, new ones appended.  Every unit that cannot be taken is
 * reported with its line.  The bundle is written only when the catalog it
 * then makes has no lint error it did not have (bundle_write.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "bundle_write.h"
#include "cli.h"
#include "commands.h"
#include "yaml_doc.h"

#define XLIFF_NS "urn:oasis:names:tc:xliff:document:2.0"

static const char usage_import[] =
    "usage: glocal import DIR FILE [--all]\n"
    "\n"
    "Merges the translated units of FILE, an XLIFF 2.0 file written by `glocal\n"
    "export` and filled in by a translator, into DIR/LOCALE.yaml (LOCALE: the\n"
    "file's trgLang), creating the bundle when there is none.  Keys stay in their\n"
    "order; what the file does not translate stays as it was.  Units whose state\n"
    "is initial are skipped (--all: taken when they have a target).  Comments\n"
    "after the first key of the bundle cannot be kept; glocal says which.\n"
    "Run `glocal lint DIR` afterwards.\n"
    "\n"
    "The bundle is written (atomically) only when the catalog then has no lint\n"
    "error it did not have before; otherwise nothing is written.\n"
    "\n"
    "Exit status: 0 merged, 1 some units could not be taken (each is named; the\n"
    "others are merged), 2 usage error or unreadable input (a catalog or bundle\n"
    "that cannot be read: nothing written), 3 refused by the lint check (each\n"
    "new error is named; nothing written).\n";

typedef struct importer {
    const char *file;         /* the XLIFF file */
    const glocal_catalog *c;
    glocal_terms *base_terms; /* base's own */
    yd_node *root;            /* the bundle */
    bool all;
    size_t merged, changed, skipped, refused;
} importer;

static bool is(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && xmlStrcmp(n->name, BAD_CAST name) == 0 && n->ns &&
           xmlStrcmp(n->ns->href, BAD_CAST XLIFF_NS) == 0;
}

static char *prop(const xmlNode *n, const char *name)
{
    return (char *)xmlGetProp(n, BAD_CAST name);
}

static void refuse(importer *im, const xmlNode *n, const char *id, const char *why)
{
    fprintf(stderr, "glocal import: %s:%ld: unit `%s`: %s; not imported\n", im->file,
            xmlGetLineNo(n), id ? id : "?", why);
    im->refused++;
}

/* ---- target content back to a template ---- */

typedef struct rebuild {
    const xmlNode *unit;      /* for originalData */
    strbuf out;
    const char *missing;      /* a dataRef without data */
} rebuild;

static const xmlNode *child(const xmlNode *n, const char *name)
{
    for (const xmlNode *k = n ? n->children : NULL; k; k = k->next)
        if (is(k, name))
            return k;
    return NULL;
}

/* Appends the originalData text that dataRef `ref` (attribute of n) names. */
static void put_data(rebuild *rb, const xmlNode *n, const char *attr)
{
    char *ref = prop(n, attr);
    const xmlNode *data = child(rb->unit, "originalData");
    for (const xmlNode *d = data ? data->children : NULL; ref && d; d = d->next) {
        char *id = is(d, "data") ? prop(d, "id") : NULL;
        bool match = id && strcmp(id, ref) == 0;
        xmlFree(id);
        if (match) {
            xmlChar *text = xmlNodeGetContent(d);
            sb_puts(&rb->out, (const char *)text);
            xmlFree(text);
            xmlFree(ref);
            return;
        }
    }
    rb->missing = "an inline code without its originalData";
    xmlFree(ref);
}

/* Whether a selector head (`{n, plural,`) makes its branches plural ones:
 * the library reads it, closed by an `other` branch, as it reads templates
 * (`PLURAL` is a plural too). */
static bool plural_head(const char *raw)
{
    strbuf b = {0};
    sb_printf(&b, "%s other {}}", raw);
    char *src = sb_take(&b);
    glocal_template *t = NULL;
    bool plural = glocal_template_parse(src, &t, NULL) == GLOCAL_OK &&
                  glocal_template_part_kind(t, 0) == GLOCAL_PART_SELECT &&
                  strcmp(glocal_template_part_type(t, 0), "select") != 0;
    glocal_template_free(t);
    free(src);
    return plural;
}

/* Appends literal text quoted as template text. */
static void put_text(rebuild *rb, const char *text, bool in_plural)
{
    char *q = NULL;
    if (glocal_template_quote(text, in_plural, &q, NULL) != GLOCAL_OK) {
        fputs("glocal import: out of memory\n", stderr); /* libxml2 gives UTF-8 */
        exit(EXIT_USAGE);
    }
    sb_puts(&rb->out, q);
    glocal_free(q);
}

static void put_content(rebuild *rb, const xmlNode *first, bool in_plural)
{
    bool head_plural = false;
    for (const xmlNode *n = first; n; n = n->next) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            put_text(rb, (const char *)n->content, in_plural);
        } else if (is(n, "ph")) {
            size_t before = rb->out.len;
            put_data(rb, n, "dataRef");
            if (rb->out.p && strchr(rb->out.p + before, '{'))
                head_plural = plural_head(rb->out.p + before);
        } else if (is(n, "pc")) {
            put_data(rb, n, "dataRefStart");
            put_content(rb, n->children, head_plural);
            put_data(rb, n, "dataRefEnd");
        } else if (n->type == XML_ELEMENT_NODE) {
            rb->missing = "an inline element other than <ph> and <pc>";
        }
    }
}

/* ---- a unit ---- */

typedef struct unit_text {
    char *target;             /* NULL: no target */
    bool translated;          /* every segment's state says so */
    const char *problem;
} unit_text;

static bool state_translated(const xmlNode *seg)
{
    char *state = prop(seg, "state");
    bool ok = state && (strcmp(state, "translated") == 0 || strcmp(state, "reviewed") == 0 ||
                        strcmp(state, "final") == 0);
    xmlFree(state);
    return ok;
}

/* The targets of the unit's segments (and ignorables) in order. */
static unit_text unit_target(const xmlNode *unit)
{
    unit_text u = {NULL, true, NULL};
    rebuild rb = {unit, {0}, NULL};
    bool any = false;
    for (const xmlNode *n = unit->children; n; n = n->next) {
        if (!is(n, "segment") && !is(n, "ignorable"))
            continue;
        const xmlNode *t = child(n, "target");
        if (is(n, "segment"))
            u.translated = u.translated && state_translated(n);
        if (!t && is(n, "segment"))
            u.problem = "a segment without a target";
        if (!t)
            t = child(n, "source");
        any = any || (t && is(n, "segment"));
        if (t)
            put_content(&rb, t->children, false);
    }
    if (rb.missing)
        u.problem = rb.missing;
    sb_putc(&rb.out, '\0');
    rb.out.len--;
    u.target = any && !u.problem ? sb_take(&rb.out) : NULL;
    sb_free(&rb.out);
    return u;
}

/* ---- merging into the bundle ---- */

static yd_node *messages_of(importer *im)
{
    yd_node *m = yd_get(im->root, "messages");
    if (!m || m->kind != YD_MAP) {
        m = yd_map(false);
        yd_set(im->root, "messages", m);
    }
    return m;
}

static bool merge_term(importer *im, const char *name, const char *text)
{
    yd_node *terms = yd_get(im->root, "terms");
    if (!terms || terms->kind != YD_MAP) {
        terms = yd_map(false);
        yd_set(im->root, "terms", terms);
    }
    if (yd_same(yd_get(terms, name), text))
        return false;
    yd_set(terms, name, yd_scalar(text));
    return true;
}

/* A term's target is plain text: the template's literal text. */
static char *term_text(const char *tmpl, const char **problem)
{
    glocal_template *t = NULL;
    strbuf b = {0};
    if (glocal_template_parse(tmpl, &t, NULL) != GLOCAL_OK) {
        *problem = "a target that is not plain text";
        return NULL;
    }
    for (size_t i = 0; i < glocal_template_part_count(t); i++) {
        if (glocal_template_part_kind(t, i) != GLOCAL_PART_TEXT)
            *problem = "a term with an inline code; a term is plain text";
        else
            sb_puts(&b, glocal_template_part_text(t, i));
    }
    glocal_template_free(t);
    sb_putc(&b, '\0');
    b.len--;
    return sb_take(&b);
}

/* The template must compile as glocal compiles templates. */
static bool compiles(const char *text, char *msg, size_t cap)
{
    glocal_error *e = NULL;
    if (glocal_template_check(text, &e) == GLOCAL_OK)
        return true;
    snprintf(msg, cap, "%s", glocal_error_message(e));
    glocal_error_free(e);
    return false;
}

/* "order.delayed:formal.sms" -> id and key ("formal+sms"). */
static bool parse_unit_id(const char *uid, char *id, char *key, size_t cap)
{
    const char *colon = strchr(uid, ':');
    if (!colon || (size_t)(colon - uid) >= cap || strlen(colon + 1) >= cap || !colon[1])
        return false;
    snprintf(id, cap, "%.*s", (int)(colon - uid), uid);
    snprintf(key, cap, "%s", colon + 1);
    for (char *p = key; *p; p++)
        if (*p == '.')
            *p = '+';
    return true;
}

static void take_message(importer *im, const xmlNode *unit, const char *uid, const char *text)
{
    char id[256], key[256], msg[512];
    const glocal_message *m;
    if (!parse_unit_id(uid, id, key, sizeof id))
        return refuse(im, unit, uid, "an id glocal export does not write (MESSAGE:KEY or "
                                     "-TERM)");
    if (!(m = glocal_catalog_message(im->c, id)))
        return refuse(im, unit, uid, "base.yaml has no such message");
    if (glocal_message_locked(m))
        return refuse(im, unit, uid, "the message is locked: it always comes from base");
    if (!compiles(text, msg, sizeof msg)) {
        char why[700];
        snprintf(why, sizeof why, "the target does not compile: %s", msg);
        return refuse(im, unit, uid, why);
    }
    im->merged++;
    im->changed += yd_set_variant(messages_of(im), id, key, text);
}

static const glocal_term *base_term(const importer *im, const char *name)
{
    for (size_t i = 0; i < glocal_terms_count(im->base_terms); i++)
        if (strcmp(glocal_term_name(glocal_terms_at(im->base_terms, i)), name) == 0)
            return glocal_terms_at(im->base_terms, i);
    return NULL;
}

static void take_term(importer *im, const xmlNode *unit, const char *uid, const char *text)
{
    const char *problem = NULL;
    const glocal_term *t = base_term(im, uid + 1);
    if (!t)
        return refuse(im, unit, uid, "base.yaml has no such term");
    if (glocal_term_locked(t))
        return refuse(im, unit, uid, "the term is locked: it always comes from base");
    char *plain = term_text(text, &problem);
    if (problem)
        refuse(im, unit, uid, problem);
    else {
        im->merged++;
        im->changed += merge_term(im, uid + 1, plain);
    }
    free(plain);
}

static void take_unit(importer *im, const xmlNode *unit)
{
    char *uid = prop(unit, "id");
    unit_text u = unit_target(unit);
    if (!uid)
        refuse(im, unit, NULL, "a unit without an id");
    else if (u.problem && strcmp(u.problem, "a segment without a target") != 0)
        refuse(im, unit, uid, u.problem);
    else if (!u.target || !*u.target || (!u.translated && !im->all))
        im->skipped++;
    else if (uid[0] == '-')
        take_term(im, unit, uid, u.target);
    else
        take_message(im, unit, uid, u.target);
    free(u.target);
    xmlFree(uid);
}

static void take_units(importer *im, const xmlNode *parent)
{
    for (const xmlNode *n = parent->children; n; n = n->next) {
        if (is(n, "unit"))
            take_unit(im, n);
        else if (is(n, "group") || is(n, "file"))
            take_units(im, n);
    }
}

/* ---- the bundle file ---- */

static yd_node *new_bundle(const char *tag)
{
    yd_node *root = yd_map(false);
    yd_set(root, "glocal", yd_plain("1"));
    yd_set(root, "locale", yd_plain(tag));
    yd_set(root, "messages", yd_map(false));
    return root;
}

/* Reads the XLIFF file; its trgLang as a bundle locale. */
static int read_xliff(const char *file, xmlDoc **doc, char *tag)
{
    *doc = xmlReadFile(file, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    const xmlError *e = xmlGetLastError();
    if (!*doc) {
        fprintf(stderr, "glocal import: %s:%d: not well-formed XML: %s", file,
                e ? e->line : 0, e && e->message ? e->message : "cannot read it\n");
        return EXIT_USAGE;
    }
    const xmlNode *root = xmlDocGetRootElement(*doc);
    char *version = root && is(root, "xliff") ? prop(root, "version") : NULL;
    char *lang = root && is(root, "xliff") ? prop(root, "trgLang") : NULL;
    int rc = CONTINUE;
    if (!version || strncmp(version, "2.", 2) != 0) {
        fprintf(stderr, "glocal import: %s: not an XLIFF 2 file (<xliff version=\"2.0\" "
                "xmlns=\"%s\">)\n", file, XLIFF_NS);
        rc = EXIT_USAGE;
    } else if (!lang) {
        fprintf(stderr, "glocal import: %s: <xliff> has no trgLang; it names the bundle to "
                "merge into\n", file);
        rc = EXIT_USAGE;
    } else {
        rc = bundle_locale("import", "trgLang", lang, tag);
    }
    xmlFree(version);
    xmlFree(lang);
    return rc;
}

/* The bundle to merge into: read, or new when there is none; never
 * replaced when it cannot be read. */
static int load_bundle(const char *path, const char *tag, yd_file *f)
{
    char err[512];
    struct stat st;
    memset(f, 0, sizeof *f);
    if (stat(path, &st) != 0 && errno == ENOENT) {
        f->root = new_bundle(tag);
        f->header = xstrdup("");
        return CONTINUE;
    }
    if (yd_load(path, f, err, sizeof err) && yd_writable(f, path, err, sizeof err))
        return CONTINUE;
    fprintf(stderr, "glocal import: %s; nothing written\n", err);
    yd_file_free(f);
    return EXIT_USAGE;
}

typedef struct import_opts {
    const char *dir, *file;
    bool all;
} import_opts;

static int import_opt(void *ud, int index, const char *value)
{
    import_opts *o = ud;
    if (index == 0)
        o->all = true;
    else if (!o->dir)
        o->dir = value;
    else if (!o->file)
        o->file = value;
    else
        return usage_error("import", "one XLIFF file at a time (got `%s` too)", value);
    return CONTINUE;
}

/* Renders the bundle and hands it to bundles_write; its exit code. */
static int write_bundle(const char *dir, const char *name, const yd_file *f)
{
    strbuf text = {0};
    int rc = EXIT_USAGE;
    if (!yd_render(f->root, f->header, &text))
        fprintf(stderr, "glocal import: cannot write %s/%s: libyaml's emitter failed\n", dir,
                name);
    else
        rc = bundles_write("import", dir, &(bundle_text){name, text.p, text.len}, 1);
    sb_free(&text);
    return rc;
}

static int merge(importer *im, const xmlDoc *doc, const char *dir, const char *locale)
{
    yd_file f;
    char name[LOCALE_MAX + 8];
    snprintf(name, sizeof name, "%s.yaml", locale);
    strbuf p = {0};
    sb_printf(&p, "%s/%s", dir, name);
    char *path = sb_take(&p);
    int rc = load_bundle(path, locale, &f);
    if (rc == CONTINUE) {
        im->root = f.root;
        take_units(im, xmlDocGetRootElement(doc));
        rc = im->changed ? write_bundle(dir, name, &f) : EXIT_OK;
        if (rc == EXIT_OK && im->changed)
            yd_warn_lost_comments("import", path, &f);
        fprintf(stderr, "glocal import: %s: %zu translation%s taken (%zu changed), %zu unit%s "
                "without one, %zu refused%s\n", path, im->merged, im->merged == 1 ? "" : "s",
                im->changed, im->skipped, im->skipped == 1 ? "" : "s", im->refused,
                rc == EXIT_OK ? "" : "; nothing written");
        yd_file_free(&f);
    }
    free(path);
    return rc != EXIT_OK ? rc : im->refused ? EXIT_FAILED : EXIT_OK;
}

int cmd_import(int argc, char **argv)
{
    static const cli_opt table[] = {{"all", false}, {NULL, false}};
    import_opts o = {0};
    char tag[LOCALE_MAX];
    glocal_catalog *c = NULL;
    xmlDoc *doc = NULL;
    int rc = parse_args("import", argc, argv, table, usage_import, import_opt, &o);
    if (rc == CONTINUE && (!o.dir || !o.file))
        rc = usage_error("import", "give the catalog directory and the XLIFF file");
    if (rc == CONTINUE)
        rc = open_catalog("import", o.dir, &c);
    if (rc == EXIT_FAILED) /* 1 says units were refused, the others merged; here none were */
        rc = EXIT_USAGE;
    if (rc == CONTINUE)
        rc = read_xliff(o.file, &doc, tag);
    if (rc == CONTINUE) {
        importer im = {.file = o.file, .c = c, .all = o.all};
        glocal_error *e = NULL;
        if (glocal_catalog_terms(c, "base", &im.base_terms, &e) == GLOCAL_OK) {
            rc = merge(&im, doc, o.dir, tag);
        } else {
            print_error("import", e);
            glocal_error_free(e);
            rc = EXIT_USAGE;
        }
        glocal_terms_free(im.base_terms);
    }
    xmlFreeDoc(doc);
    glocal_catalog_unref(c);
    return rc;
}
