/* glocal import DIR FILE: merges the translations of an XLIFF 2.0 file (as
 * `glocal export` wrote it, then filled in) into the bundle of its trgLang.
 *
 * A unit is taken when its segments have a target and a state of translated,
 * reviewed or final (`--all`: any target).  Its inline codes turn back into
 * the template source they stand for in the unit's own table, made from the
 * catalog as export made it (xliff_codes.h), never from the file's
 * <originalData>; its text is quoted for ICU.  A code the target edited,
 * invented or dropped, and a variant key the catalog cannot have, refuse the
 * unit.  A DTD refuses the file.  The bundle keeps its keys in their order; changed variants are
 * replaced in place, new ones appended.  Every unit that cannot be taken is
 * reported with its line.  The bundle is written only when the catalog it
 * then makes has no lint error it did not have (bundle_write.h). */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "bundle_write.h"
#include "cli.h"
#include "commands.h"
#include "mf2_convert.h"
#include "xliff_codes.h"
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
    "Inline codes are put back from the catalog, as export numbered them, never\n"
    "from the file's <originalData>.  A unit whose codes were edited, invented or\n"
    "dropped (canDelete=\"no\"), or whose variant key the catalog cannot have, is\n"
    "refused and named.  A file with a DTD (<!DOCTYPE>) is refused whole.\n"
    "\n"
    "The bundle is written (atomically) only when the catalog then has no lint\n"
    "error it did not have before; otherwise nothing is written.\n"
    "\n"
    "Exit status: 0 merged, 1 some units could not be taken (each is named; the\n"
    "others are merged), 2 usage error or unreadable input (a catalog or bundle\n"
    "that cannot be read, a DTD: nothing written), 3 refused by the lint check\n"
    "(each new error is named; nothing written).\n";

typedef struct importer {
    const char *file;         /* the XLIFF file */
    const char *tag;          /* the bundle's locale */
    const glocal_catalog *c;
    glocal_terms *base_terms; /* base's own */
    yd_node *root;            /* the bundle */
    bool mf2;                 /* the bundle is `syntax: mf2`: targets are written in MF2 */
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

static const xmlNode *child(const xmlNode *n, const char *name)
{
    for (const xmlNode *k = n ? n->children : NULL; k; k = k->next)
        if (is(k, name))
            return k;
    return NULL;
}

static void refuse(importer *im, const xmlNode *n, const char *id, const char *why)
{
    fprintf(stderr, "glocal import: %s:%ld: unit `%s`: %s; not imported\n", im->file,
            xmlGetLineNo(n), id ? id : "?", why);
    im->refused++;
}

/* ---- which units are taken ---- */

static bool state_translated(const xmlNode *seg)
{
    char *state = prop(seg, "state");
    bool ok = state && (strcmp(state, "translated") == 0 || strcmp(state, "reviewed") == 0 ||
                        strcmp(state, "final") == 0);
    xmlFree(state);
    return ok;
}

/* Whether every segment of the unit has a target in a state import takes
 * (--all: any state). */
static bool wanted(const importer *im, const xmlNode *unit)
{
    bool any = false;
    for (const xmlNode *n = unit->children; n; n = n->next) {
        if (!is(n, "segment"))
            continue;
        if (!child(n, "target") || (!im->all && !state_translated(n)))
            return false;
        any = true;
    }
    return any;
}

/* ---- target content back to a template ----
 * Every inline code is the text the unit's own table (xliff_codes.h) has
 * for its data id: what the file's <originalData> says is only compared. */

typedef struct rebuild {
    const xunit *codes;
    bool plain;               /* a term: text as it is, not quoted for ICU */
    bool mf2;                 /* the target is MF2: text escaped as MF2 pattern text */
    bool *used;               /* per table position: the target has it */
    strbuf out;
    char problem[512];        /* why the unit is refused; "" when it is not */
} rebuild;

static void problem(rebuild *rb, const char *fmt, ...) SB_PRINTF(2, 3);
static void problem(rebuild *rb, const char *fmt, ...)
{
    va_list ap;
    if (rb->problem[0])
        return; /* the first one says enough */
    va_start(ap, fmt);
    vsnprintf(rb->problem, sizeof rb->problem, fmt, ap);
    va_end(ap);
}

/* Appends the code that attribute `attr` of n names; NULL (and a problem)
 * when it names none of the unit's codes. */
static const xpart *put_code(rebuild *rb, const xmlNode *n, const char *attr)
{
    char *ref = prop(n, attr);
    size_t i;
    const xpart *code = NULL; /* a data id export did not write is one it invented */
    if (!xunit_data_ref(rb->codes, ref, &i)) {
        problem(rb, "an inline code without its originalData");
    } else {
        code = rb->codes->data[i];
        rb->used[i] = true;
        sb_puts(&rb->out, code->text);
    }
    xmlFree(ref);
    return code;
}

/* Appends literal text, quoted as template text unless the unit is a term. */
static void put_text(rebuild *rb, const char *text, bool in_plural)
{
    char *q = NULL;
    if (rb->plain) {
        sb_puts(&rb->out, text);
        return;
    }
    if (rb->mf2) {
        mf2_put_text(&rb->out, text);
        return;
    }
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
            const xpart *code = put_code(rb, n, "dataRef");
            if (code && code->kind == GLOCAL_PART_SELECT)
                head_plural = xpart_plural(code);
        } else if (is(n, "pc")) {
            put_code(rb, n, "dataRefStart");
            put_content(rb, n->children, head_plural);
            put_code(rb, n, "dataRefEnd");
        } else if (n->type == XML_ELEMENT_NODE) {
            problem(rb, "an inline element other than <ph> and <pc>");
        }
    }
}

/* Whether code texts a and b are the same but for white space at their
 * ends: the space between two codes (`{n, plural, ` `one {`) belongs to
 * either, and earlier exports gave it to the second. */
static bool same_code(const char *a, const char *b)
{
    a += strspn(a, " \t\r\n");
    b += strspn(b, " \t\r\n");
    size_t na = strlen(a), nb = strlen(b);
    while (na && strchr(" \t\r\n", a[na - 1]))
        na--;
    while (nb && strchr(" \t\r\n", b[nb - 1]))
        nb--;
    return na == nb && memcmp(a, b, na) == 0;
}

/* A changed <originalData> is a code the translator's tool edited (or a
 * catalog that changed since the export): said, never used. */
static void check_original_data(rebuild *rb, const xmlNode *unit)
{
    const xmlNode *data = child(unit, "originalData");
    for (const xmlNode *d = data ? data->children : NULL; d; d = d->next) {
        if (!is(d, "data"))
            continue;
        char *id = prop(d, "id");
        xmlChar *text = xmlNodeGetContent(d);
        size_t i;
        if (!xunit_data_ref(rb->codes, id, &i))
            problem(rb, "<originalData> has `%s`, a code glocal export did not write",
                    id ? id : "");
        else if (!same_code((const char *)text, rb->codes->data[i]->text))
            problem(rb, "inline code `%s` was edited: the file has `%s`, the catalog `%s` "
                    "(export again if the catalog changed)", id, (const char *)text,
                    rb->codes->data[i]->text);
        xmlFree(text);
        xmlFree(id);
    }
}

static void check_required(rebuild *rb)
{
    for (size_t i = 0; i < rb->codes->ndata; i++)
        if (!rb->used[i] && xunit_required(rb->codes, i))
            problem(rb, "the target drops inline code `%s` (canDelete=\"no\"); keep it",
                    rb->codes->data[i]->text);
}

/* The unit's new text: the targets of its segments (and its ignorables) in
 * order, rebuilt from codes; NULL after refusing the unit. */
static char *unit_text(importer *im, const xmlNode *unit, const char *uid, const xunit *codes,
                       bool plain)
{
    rebuild rb = {codes, plain, codes->tgt_mf2, xcalloc(codes->ndata, sizeof(bool)), {0}, ""};
    check_original_data(&rb, unit);
    for (const xmlNode *n = unit->children; n; n = n->next) {
        const xmlNode *t = is(n, "segment") || is(n, "ignorable") ? child(n, "target") : NULL;
        if (!t && is(n, "ignorable"))
            t = child(n, "source");
        if (t)
            put_content(&rb, t->children, false);
    }
    check_required(&rb);
    free(rb.used);
    if (rb.problem[0]) {
        refuse(im, unit, uid, rb.problem);
        sb_free(&rb.out);
        return NULL;
    }
    return sb_take(&rb.out);
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

/* The template must read as glocal reads templates (the parts reader and
 * the compiler share one parser). */
static bool compiles(const char *text, bool mf2, char *msg, size_t cap)
{
    glocal_error *e = NULL;
    glocal_template *t = NULL;
    glocal_status st = (mf2 ? glocal_template_parse_mf2 : glocal_template_parse)(text, &t, &e);
    glocal_template_free(t);
    if (st == GLOCAL_OK)
        return true;
    snprintf(msg, cap, "%s", glocal_error_message(e));
    glocal_error_free(e);
    return false;
}

/* Whether key is `other` or values of the catalog's axes, each axis at most
 * once (docs/bundles.md#messages-and-variants); else why not, in why. */
static bool key_valid(const importer *im, const char *key, char *why, size_t cap)
{
    if (strcmp(key, "other") == 0)
        return true;
    /* each value names another axis, so there are no more than the catalog's axes */
    const char **axes = xcalloc(glocal_catalog_axis_count(im->c) + 1, sizeof *axes);
    size_t n = 0;
    bool ok = true;
    for (const char *v = key; ok; v += strcspn(v, "+") + 1) {
        char *value = xstrndup(v, strcspn(v, "+"));
        const char *axis = glocal_catalog_value_axis(im->c, value);
        for (size_t i = 0; axis && i < n && ok; i++)
            ok = strcmp(axes[i], axis) != 0;
        if (!axis)
            snprintf(why, cap, "variant key `%s`: `%s` is not a value of any axis of this "
                     "catalog", key, value);
        else if (!ok)
            snprintf(why, cap, "variant key `%s` names the %s axis twice", key, axis);
        ok = ok && axis;
        if (ok)
            axes[n++] = axis;
        free(value);
        if (!v[strcspn(v, "+")])
            break;
    }
    free(axes);
    return ok;
}

/* The variants `locale` has for message id; NULL after refusing the unit. */
static glocal_variants *variants_of(importer *im, const xmlNode *unit, const char *uid,
                                    const char *locale, const char *id)
{
    glocal_variants *vs = NULL;
    glocal_error *e = NULL;
    if (glocal_catalog_variants(im->c, locale, id, &vs, &e) != GLOCAL_OK)
        refuse(im, unit, uid, glocal_error_message(e));
    glocal_error_free(e);
    return vs;
}

/* The unit's codes as export made them: base's variant (or `other`) as the
 * source, the locale's own as the target; false after refusing the unit. */
static bool codes_of(importer *im, const xmlNode *unit, const char *uid, const char *id,
                     const char *key, xunit *codes)
{
    glocal_variants *base = variants_of(im, unit, uid, "base", id);
    glocal_variants *local = base ? variants_of(im, unit, uid, im->tag, id) : NULL;
    const glocal_variant *src = local ? source_variant(base, key) : NULL;
    const glocal_variant *own = src ? own_variant(local, key) : NULL;
    glocal_error *e = NULL;
    bool ok = src && xunit_build(codes, glocal_variant_template(src),
                                 strcmp(glocal_variant_syntax(src), "mf2") == 0,
                                 own ? glocal_variant_template(own) : NULL, im->mf2, im->tag, &e);
    if (local && !ok)
        refuse(im, unit, uid,
               e ? glocal_error_message(e) : "base.yaml has no `other` to translate");
    glocal_error_free(e);
    glocal_variants_free(base);
    glocal_variants_free(local);
    return ok;
}

static void take_message(importer *im, const xmlNode *unit, const char *uid)
{
    char id[256], key[256], msg[512], why[700];
    const glocal_message *m;
    if (!xliff_parse_unit_id(uid, id, key, sizeof id))
        return refuse(im, unit, uid, "an id glocal export does not write (MESSAGE:KEY or "
                                     "-TERM)");
    if (!(m = glocal_catalog_message(im->c, id)))
        return refuse(im, unit, uid, "base.yaml has no such message");
    const char *by = NULL;
    if (glocal_catalog_locked_by(im->c, im->tag, id, &by, NULL) != GLOCAL_OK || !by)
        by = glocal_message_locked(m) ? "base" : NULL;
    if (by && strcmp(by, "base") == 0)
        return refuse(im, unit, uid, "the message is locked: it always comes from base");
    if (by) {
        snprintf(why, sizeof why, "the message is locked: %s.yaml's approved text is served "
                 "(its `locked:`), and no import changes it", by);
        return refuse(im, unit, uid, why);
    }
    if (!key_valid(im, key, why, sizeof why))
        return refuse(im, unit, uid, why);
    xunit codes;
    if (!codes_of(im, unit, uid, id, key, &codes))
        return;
    char *text = unit_text(im, unit, uid, &codes, false);
    bool unchanged = text && xunit_same_target(&codes, text);
    bool mf2 = codes.tgt_mf2;
    xunit_free(&codes);
    if (text && !*text) {
        im->skipped++;
    } else if (unchanged) {
        im->merged++; /* the bundle keeps its own quoting (`}` or `'}'`) */
    } else if (text && !compiles(text, mf2, msg, sizeof msg)) {
        snprintf(why, sizeof why, "the target does not compile: %s", msg);
        refuse(im, unit, uid, why);
    } else if (text) {
        im->merged++;
        im->changed += yd_set_variant(messages_of(im), id, key, text);
    }
    free(text);
}

static const glocal_term *base_term(const importer *im, const char *name)
{
    for (size_t i = 0; i < glocal_terms_count(im->base_terms); i++)
        if (strcmp(glocal_term_name(glocal_terms_at(im->base_terms, i)), name) == 0)
            return glocal_terms_at(im->base_terms, i);
    return NULL;
}

/* A term is plain text: export gives it no codes, so import takes none. */
static void take_term(importer *im, const xmlNode *unit, const char *uid)
{
    const glocal_term *t = base_term(im, uid + 1);
    if (!t)
        return refuse(im, unit, uid, "base.yaml has no such term");
    if (glocal_term_locked(t))
        return refuse(im, unit, uid, "the term is locked: it always comes from base");
    xunit none = {0};
    char *text = unit_text(im, unit, uid, &none, true);
    if (text && !*text) {
        im->skipped++;
    } else if (text) {
        im->merged++;
        im->changed += merge_term(im, uid + 1, text);
    }
    free(text);
}

static void take_unit(importer *im, const xmlNode *unit)
{
    char *uid = prop(unit, "id");
    if (!uid)
        refuse(im, unit, NULL, "a unit without an id");
    else if (!wanted(im, unit))
        im->skipped++;
    else if (uid[0] == '-')
        take_term(im, unit, uid);
    else
        take_message(im, unit, uid);
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

/* A bundle for a locale that has none; in base's syntax, the one its sources
 * and so its first targets are written in. */
static yd_node *new_bundle(const char *tag, bool mf2)
{
    yd_node *root = yd_map(false);
    yd_set(root, "glocal", yd_plain("1"));
    if (mf2)
        yd_set(root, "syntax", yd_plain("mf2"));
    yd_set(root, "locale", yd_plain(tag));
    yd_set(root, "messages", yd_map(false));
    return root;
}

/* A DTD stops the parse where it starts, before any entity is declared:
 * glocal expands no entities (an external one could read any file), and
 * would otherwise drop their references from the text silently. */
static void stop_at_dtd(void *ctx, const xmlChar *name, const xmlChar *public_id,
                        const xmlChar *system_id)
{
    xmlParserCtxt *p = ctx;
    (void)name, (void)public_id, (void)system_id;
    *(int *)p->_private = p->input ? p->input->line : 1;
    xmlStopParser(p);
}

/* The document, without network access, entity expansion or a DTD; NULL
 * after saying why. */
static xmlDoc *parse_xliff(const char *file)
{
    int dtd = 0; /* the line of a DTD */
    xmlParserCtxt *p = xmlNewParserCtxt();
    if (!p) {
        fputs("glocal import: out of memory\n", stderr);
        return NULL;
    }
    p->_private = &dtd;
    p->sax->internalSubset = stop_at_dtd;
    xmlDoc *doc = xmlCtxtReadFile(p, file, NULL,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    const xmlError *e = xmlCtxtGetLastError(p);
    if (dtd)
        fprintf(stderr, "glocal import: %s:%d: a DTD (<!DOCTYPE>): XLIFF needs none, and "
                "glocal reads no entity declarations; remove it\n", file, dtd);
    else if (!doc)
        fprintf(stderr, "glocal import: %s:%d: not well-formed XML: %s", file,
                e ? e->line : 0, e && e->message ? e->message : "cannot read it\n");
    if (dtd)
        xmlFreeDoc(doc);
    xmlFreeParserCtxt(p);
    return dtd ? NULL : doc;
}

/* Reads the XLIFF file; its trgLang as a bundle locale. */
static int read_xliff(const char *file, xmlDoc **doc, char *tag)
{
    if (!(*doc = parse_xliff(file)))
        return EXIT_USAGE;
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
static int load_bundle(const char *path, const char *tag, bool mf2, yd_file *f)
{
    char err[512];
    struct stat st;
    memset(f, 0, sizeof *f);
    if (stat(path, &st) != 0 && errno == ENOENT) {
        f->root = new_bundle(tag, mf2);
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

/* Whether base.yaml is `syntax: mf2`, read from one of its variants. */
static bool base_is_mf2(const glocal_catalog *c)
{
    glocal_variants *vs = NULL;
    const glocal_message *m = glocal_catalog_message_at(c, 0);
    bool mf2 = m && glocal_catalog_variants(c, "base", glocal_message_id(m), &vs, NULL) ==
                        GLOCAL_OK &&
               glocal_variants_count(vs) &&
               strcmp(glocal_variant_syntax(glocal_variants_at(vs, 0)), "mf2") == 0;
    glocal_variants_free(vs);
    return mf2;
}

static int merge(importer *im, const xmlDoc *doc, const char *dir, const char *locale)
{
    yd_file f;
    char name[LOCALE_MAX + 8];
    snprintf(name, sizeof name, "%s.yaml", locale);
    strbuf p = {0};
    sb_printf(&p, "%s/%s", dir, name);
    char *path = sb_take(&p);
    int rc = load_bundle(path, locale, base_is_mf2(im->c), &f);
    if (rc == CONTINUE) {
        im->root = f.root;
        im->mf2 = yd_same(yd_get(f.root, "syntax"), "mf2");
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
    if (rc == CONTINUE) /* a directory: the bundle is written into it */
        rc = check_dir("import", o.dir);
    if (rc == CONTINUE)
        rc = open_catalog("import", o.dir, &c);
    if (rc == EXIT_FAILED) /* 1 says units were refused, the others merged; here none were */
        rc = EXIT_USAGE;
    if (rc == CONTINUE)
        rc = read_xliff(o.file, &doc, tag);
    if (rc == CONTINUE) {
        importer im = {.file = o.file, .tag = tag, .c = c, .all = o.all};
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
