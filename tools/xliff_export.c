/* glocal export DIR --locale TAG --out FILE: the XLIFF 2.0 file a translator
 * (or a translation-management system) fills in for one locale.
 *
 * One unit per message variant the locale is expected to translate (locked
 * messages never, nor one whose approved local version a bundle locks) and per unlocked term: base's variants and the bundle's
 * own, but a locale with a parent bundle (de-CH after de, zh-TW after
 * zh-Hant) leaves to it what it does not write itself; --inherited adds
 * those units too.  Unit ids are
 * `MESSAGE:KEY` with `+` written `.` (`order.delayed:formal.sms`; XLIFF ids
 * cannot hold `+`) and `-TERM`.  The source is base's template; the target,
 * when present, the bundle's own text (not its chain's: what a bundle
 * inherits is not its translation).  Arguments, terms, `#` and the syntax of
 * plural/select are inline codes the translator cannot copy, nor delete but
 * for `#`; xliff_codes.h numbers them, as import reads them back. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlwriter.h>

#include "atomic_write.h"
#include "cli.h"
#include "commands.h"
#include "xliff_codes.h"

static const char usage_export[] =
    "usage: glocal export DIR --locale TAG [--out FILE] [--inherited]\n"
    "\n"
    "Writes an XLIFF 2.0 file (to FILE, default standard output) with one unit\n"
    "per message variant and term that TAG's bundle translates: the source from\n"
    "base.yaml, the target from TAG's own bundle when it has one (state\n"
    "translated, else initial), base's `_note`, the variant, the arguments and\n"
    "length limits as notes.  Arguments, terms and plural/select syntax are\n"
    "protected inline codes.  Plurals in the source carry the plural categories\n"
    "TAG's language needs.  Bring the file back with `glocal import`.\n"
    "\n"
    "A locale with a parent bundle in its chain (de-CH after de) translates only\n"
    "what it writes itself; the rest it leaves to the parent, and the units are\n"
    "counted on standard error.  --inherited adds them (state initial).\n"
    "\n"
    "FILE is written atomically (a temporary file renamed over it), its name\n"
    "taken literally.\n"
    "\n"
    "Exit status: 0 written, 1 a catalog with errors, 2 usage error,\n"
    "unreadable input or FILE cannot be written (then FILE is as it was).\n";

/* ---- writing ---- */

typedef struct exporter {
    xmlTextWriterPtr w;
    const glocal_catalog *c;
    const char *tag;          /* the locale exported for */
    const char *parent;       /* the nearest other bundle of the chain but base, or NULL */
    bool inherited;           /* --inherited: also what the locale leaves to parent */
    size_t left;              /* units left to parent */
    glocal_terms *base_terms, *terms; /* base's own; those the locale's texts see */
    const glocal_message **messages;  /* in base.yaml's order */
    size_t nmessages;
    size_t units, translated;
    bool failed;
} exporter;

static void nl(exporter *x, int depth)
{
    xmlTextWriterWriteString(x->w, BAD_CAST "\n");
    for (int i = 0; i < depth; i++)
        xmlTextWriterWriteString(x->w, BAD_CAST "  ");
}

static void attr(exporter *x, const char *name, const char *value)
{
    xmlTextWriterWriteAttribute(x->w, BAD_CAST name, BAD_CAST value);
}

static void attr_id(exporter *x, const char *name, const char *prefix, size_t n)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%s%zu", prefix, n);
    attr(x, name, buf);
}

static void code_attrs(exporter *x, const xpart *p)
{
    attr(x, "canCopy", "no");
    if (!xpart_deletable(p))
        attr(x, "canDelete", "no");
}

static size_t write_parts(exporter *x, const xunit *u, const xside *sd, size_t i)
{
    for (; i < sd->parts.n && sd->parts.p[i].kind != GLOCAL_PART_BRANCH_END; i++) {
        const xpart *p = &sd->parts.p[i];
        if (p->kind == GLOCAL_PART_TEXT) {
            xmlTextWriterWriteString(x->w, BAD_CAST p->text);
            continue;
        }
        bool branch = p->kind == GLOCAL_PART_BRANCH;
        size_t close = branch ? xparts_match_close(&sd->parts, i) : 0;
        xmlTextWriterStartElement(x->w, BAD_CAST(branch ? "pc" : "ph"));
        attr_id(x, "id", "", sd->ids[i]);
        if (!branch) {
            attr_id(x, "dataRef", "d", xunit_data_index(u, p->text) + 1);
            attr(x, "disp", p->text);
            code_attrs(x, p);
            xmlTextWriterEndElement(x->w);
            continue;
        }
        attr_id(x, "dataRefStart", "d", xunit_data_index(u, p->text) + 1);
        attr_id(x, "dataRefEnd", "d", xunit_data_index(u, sd->parts.p[close].text) + 1);
        attr(x, "dispStart", p->text);
        attr(x, "dispEnd", sd->parts.p[close].text);
        code_attrs(x, p);
        i = write_parts(x, u, sd, i + 1);
        xmlTextWriterFullEndElement(x->w);
    }
    return i;
}

static void note(exporter *x, const char *category, const char *text)
{
    nl(x, 4);
    xmlTextWriterStartElement(x->w, BAD_CAST "note");
    attr(x, "category", category);
    xmlTextWriterWriteString(x->w, BAD_CAST text);
    xmlTextWriterEndElement(x->w);
}

/* What the variant is for, and a channel's length limit. */
static void variant_notes(exporter *x, const char *key)
{
    strbuf b = {0};
    unsigned max_length = 0;
    char *channel = NULL;
    if (strcmp(key, "other") == 0) {
        sb_puts(&b, "Variant `other`: the default, used when no other variant matches.");
    } else {
        sb_printf(&b, "Variant `%s`: used when", key);
        char *dup = xstrdup(key);
        int n = 0;
        for (char *tok = strtok(dup, "+"); tok; tok = strtok(NULL, "+")) {
            const char *axis = glocal_catalog_value_axis(x->c, tok);
            unsigned max = glocal_catalog_channel_max_length(x->c, tok);
            if (max) {
                max_length = max;
                free(channel);
                channel = xstrdup(tok);
            }
            sb_printf(&b, "%s the %s is %s", n++ ? " and" : "", axis ? axis : "context", tok);
        }
        free(dup);
        sb_putc(&b, '.');
    }
    char *text = sb_take(&b);
    note(x, "variant", text);
    free(text);
    if (max_length) {
        char buf[160];
        snprintf(buf, sizeof buf, "At most %u characters (%s), with terms written out and "
                 "arguments not counted.", max_length, channel);
        note(x, "length", buf);
    }
    free(channel);
}

static void argument_note(exporter *x, const glocal_message *m)
{
    if (!glocal_message_arg_count(m))
        return;
    strbuf b = {0};
    sb_puts(&b, "Arguments (inline codes; keep each one): ");
    for (size_t i = 0; i < glocal_message_arg_count(m); i++) {
        const char *type = glocal_message_arg_type(m, i);
        sb_printf(&b, "%s{%s} %s", i ? ", " : "", glocal_message_arg_name(m, i),
                  strcmp(type, "any") == 0 ? "(any)" : type);
    }
    char *text = sb_take(&b);
    note(x, "arguments", text);
    free(text);
}

static void write_data(exporter *x, const xunit *u)
{
    if (!u->ndata)
        return;
    nl(x, 3);
    xmlTextWriterStartElement(x->w, BAD_CAST "originalData");
    for (size_t i = 0; i < u->ndata; i++) {
        nl(x, 4);
        xmlTextWriterStartElement(x->w, BAD_CAST "data");
        attr_id(x, "id", "d", i + 1);
        xmlTextWriterWriteString(x->w, BAD_CAST u->data[i]->text);
        xmlTextWriterEndElement(x->w);
    }
    nl(x, 3);
    xmlTextWriterEndElement(x->w);
}

/* The unit's codes; false after a warning when a template does not parse. */
static bool codes_or_warn(exporter *x, const char *id, const char *source, const char *target,
                          xunit *u)
{
    glocal_error *err = NULL;
    if (xunit_build(u, source, target, x->tag, &err))
        return true;
    fprintf(stderr, "glocal export: `%s`: %s", id, glocal_error_message(err));
    if (glocal_error_column(err))
        fprintf(stderr, " (column %u)", glocal_error_column(err));
    fprintf(stderr, "; unit left out\n");
    glocal_error_free(err);
    x->failed = true;
    return false;
}

typedef struct unit_in {
    const char *id, *name;
    const glocal_message *m;  /* NULL for a term */
    const char *key;
    const char *source, *target; /* target NULL: none yet */
    const char *from;         /* the parent the locale now takes it from (--inherited) */
} unit_in;

static void inherited_note(exporter *x, const char *from)
{
    char text[200];
    snprintf(text, sizeof text, "%s takes this text from %s now: translate it only where %s "
             "should differ.", x->tag, from, x->tag);
    note(x, "inherited", text);
}

static void write_unit(exporter *x, const unit_in *in)
{
    xunit u;
    if (!codes_or_warn(x, in->id, in->source, in->target, &u))
        return;
    nl(x, 2);
    xmlTextWriterStartElement(x->w, BAD_CAST "unit");
    attr(x, "id", in->id);
    attr(x, "name", in->name);
    nl(x, 3);
    xmlTextWriterStartElement(x->w, BAD_CAST "notes");
    if (in->m && *glocal_message_note(in->m))
        note(x, "description", glocal_message_note(in->m));
    if (in->m) {
        variant_notes(x, in->key);
        argument_note(x, in->m);
    } else {
        note(x, "term", "A term: plain text written wherever a template says {-name}.");
    }
    if (in->from)
        inherited_note(x, in->from);
    nl(x, 3);
    xmlTextWriterEndElement(x->w);
    write_data(x, &u);
    nl(x, 3);
    xmlTextWriterStartElement(x->w, BAD_CAST "segment");
    attr(x, "state", in->target ? "translated" : "initial");
    nl(x, 4);
    xmlTextWriterStartElement(x->w, BAD_CAST "source");
    write_parts(x, &u, &u.src, 0);
    xmlTextWriterFullEndElement(x->w);
    if (in->target) {
        nl(x, 4);
        xmlTextWriterStartElement(x->w, BAD_CAST "target");
        write_parts(x, &u, &u.tgt, 0);
        xmlTextWriterFullEndElement(x->w);
    }
    nl(x, 3);
    xmlTextWriterEndElement(x->w); /* segment */
    nl(x, 2);
    xmlTextWriterEndElement(x->w); /* unit */
    x->units++;
    x->translated += in->target != NULL;
    xunit_free(&u);
}

/* ---- what the locale needs ---- */

/* Whether a text the locale does not write itself is left to its parent:
 * counted, not exported (unless --inherited). */
static bool left_to_parent(exporter *x, bool own)
{
    if (own || !x->parent || x->inherited)
        return false;
    x->left++;
    return true;
}

static void export_variant(exporter *x, const glocal_message *m, const glocal_variants *base,
                           const glocal_variant *local, const char *key)
{
    const glocal_variant *bv = source_variant(base, key);
    if (!bv || left_to_parent(x, local != NULL))
        return;
    char *id = xliff_unit_id(glocal_message_id(m), key);
    unit_in u = {id, glocal_message_id(m), m, key, glocal_variant_template(bv),
                 local ? glocal_variant_template(local) : NULL, local ? NULL : x->parent};
    write_unit(x, &u);
    free(id);
}

/* The variants of one message; NULL (after a warning) when the library
 * cannot say. */
static glocal_variants *variants_of(exporter *x, const char *locale, const char *id)
{
    glocal_variants *vs = NULL;
    glocal_error *e = NULL;
    if (glocal_catalog_variants(x->c, locale, id, &vs, &e) != GLOCAL_OK) {
        print_error("export", e);
        glocal_error_free(e);
        x->failed = true;
    }
    return vs;
}

/* Whether the locale is served a locked text for m: base's, or the approved
 * version a bundle of its chain locks (import refuses both). */
static bool locked_for(const exporter *x, const glocal_message *m)
{
    const char *by = NULL;
    if (glocal_catalog_locked_by(x->c, x->tag, glocal_message_id(m), &by, NULL) != GLOCAL_OK)
        return glocal_message_locked(m);
    return by != NULL;
}

/* Base's variants, then the bundle's own keys base lacks. */
static void export_message(exporter *x, const glocal_message *m)
{
    if (locked_for(x, m))
        return;
    glocal_variants *base = variants_of(x, "base", glocal_message_id(m));
    glocal_variants *local = variants_of(x, x->tag, glocal_message_id(m));
    for (size_t i = 0; i < glocal_variants_count(base); i++) {
        const char *key = glocal_variant_key(glocal_variants_at(base, i));
        export_variant(x, m, base, own_variant(local, key), key);
    }
    for (size_t i = 0; i < glocal_variants_count(local); i++) {
        const glocal_variant *v = glocal_variants_at(local, i);
        if (!glocal_variant_inherited(v) && !variant_with_key(base, glocal_variant_key(v)))
            export_variant(x, m, base, v, glocal_variant_key(v));
    }
    glocal_variants_free(base);
    glocal_variants_free(local);
}

/* The locale's own definition of a term; NULL when it inherits it. */
static const glocal_term *own_term(const exporter *x, const char *name)
{
    for (size_t i = 0; i < glocal_terms_count(x->terms); i++) {
        const glocal_term *t = glocal_terms_at(x->terms, i);
        if (strcmp(glocal_term_name(t), name) == 0)
            return glocal_term_inherited(t) ? NULL : t;
    }
    return NULL;
}

static void export_terms(exporter *x)
{
    for (size_t i = 0; i < glocal_terms_count(x->base_terms); i++) {
        const glocal_term *t = glocal_terms_at(x->base_terms, i);
        const glocal_term *lt = own_term(x, glocal_term_name(t));
        if (glocal_term_locked(t) || left_to_parent(x, lt != NULL))
            continue;
        char id[128];
        snprintf(id, sizeof id, "-%s", glocal_term_name(t));
        /* a term is plain text: quote it so that it splits into text only */
        char *src = NULL, *tgt = NULL;
        glocal_template_quote(glocal_term_text(t), 0, &src, NULL);
        if (lt)
            glocal_template_quote(glocal_term_text(lt), 0, &tgt, NULL);
        if (!src || (lt && !tgt)) { /* terms come from a catalog: UTF-8 */
            fprintf(stderr, "glocal export: `%s`: out of memory; unit left out\n", id);
            x->failed = true;
        } else {
            write_unit(x, &(unit_in){id, id, NULL, NULL, src, tgt, lt ? NULL : x->parent});
        }
        glocal_free(src);
        glocal_free(tgt);
    }
}

/* The nearest bundle on the locale's chain that is neither its own nor base
 * (copied into buf), or NULL. */
static const char *parent_of(exporter *x, char *buf, size_t size, glocal_error **e)
{
    glocal_chain *ch = NULL;
    const char *parent = NULL;
    if (glocal_catalog_chain(x->c, x->tag, &ch, e) != GLOCAL_OK)
        return NULL;
    for (size_t i = 0; i < glocal_chain_count(ch) && !parent; i++) {
        const char *b = glocal_chain_bundle(ch, i);
        if (strcmp(b, x->tag) != 0 && strcmp(b, "base") != 0)
            parent = (snprintf(buf, size, "%s", b), buf);
    }
    glocal_chain_free(ch);
    return parent;
}

/* What every unit reads: the messages, both lists of terms, the parent. */
static bool read_catalog(exporter *x, char *parent, size_t size)
{
    glocal_error *e = NULL;
    x->messages = messages_in_file_order(x->c, &x->nmessages);
    if (glocal_catalog_terms(x->c, "base", &x->base_terms, &e) == GLOCAL_OK &&
        glocal_catalog_terms(x->c, x->tag, &x->terms, &e) == GLOCAL_OK &&
        ((x->parent = parent_of(x, parent, size, &e)) || !e))
        return true;
    print_error("export", e);
    glocal_error_free(e);
    return false;
}

static void write_file(exporter *x, const char *tag)
{
    char original[200];
    xmlTextWriterStartDocument(x->w, NULL, "UTF-8", NULL);
    xmlTextWriterStartElement(x->w, BAD_CAST "xliff");
    attr(x, "xmlns", "urn:oasis:names:tc:xliff:document:2.0");
    attr(x, "version", "2.0");
    attr(x, "srcLang", glocal_catalog_language(x->c));
    attr(x, "trgLang", tag);
    nl(x, 1);
    xmlTextWriterStartElement(x->w, BAD_CAST "file");
    attr(x, "id", "f1");
    snprintf(original, sizeof original, "%s.yaml", tag);
    attr(x, "original", original);
    for (size_t i = 0; i < x->nmessages; i++)
        export_message(x, x->messages[i]);
    export_terms(x);
    nl(x, 1);
    xmlTextWriterEndElement(x->w);
    xmlTextWriterWriteString(x->w, BAD_CAST "\n");
    xmlTextWriterEndElement(x->w);
}

/* ---- the command ---- */

typedef struct export_opts {
    const char *dir, *locale, *out;
    bool inherited;
} export_opts;

static int export_opt(void *ud, int index, const char *value)
{
    export_opts *o = ud;
    if (index == 0)
        o->locale = value;
    else if (index == 1)
        o->out = value;
    else if (index == 2)
        o->inherited = true;
    else
        return take_dir("export", &o->dir, value);
    return CONTINUE;
}

/* The document to standard output, or to a file through atomic_write: the
 * name is a plain path (libxml2's own file output would read it as a URI and
 * decode `%20`), and the file is never left half-written. */
static bool put_output(const char *out, const char *data, size_t len)
{
    char err[512];
    if (!out || strcmp(out, "-") == 0) {
        if (fwrite(data, 1, len, stdout) == len && fflush(stdout) == 0)
            return true;
        fprintf(stderr, "glocal export: cannot write to standard output\n");
        return false;
    }
    if (atomic_write(out, data, len, err, sizeof err))
        return true;
    fprintf(stderr, "glocal export: %s\n", err);
    return false;
}

int cmd_export(int argc, char **argv)
{
    static const cli_opt table[] = {{"locale", true}, {"out", true}, {"inherited", false},
                                    {NULL, false}};
    export_opts o = {0};
    char tag[LOCALE_MAX];
    glocal_catalog *c = NULL;
    int rc = parse_args("export", argc, argv, table, usage_export, export_opt, &o);
    if (rc == CONTINUE && !o.dir)
        rc = usage_error("export", "which catalog directory?");
    if (rc == CONTINUE && !o.locale)
        rc = usage_error("export", "--locale TAG is required");
    if (rc == CONTINUE)
        rc = bundle_locale("export", "--locale", o.locale, tag);
    if (rc == CONTINUE)
        rc = open_catalog("export", o.dir, &c);
    if (rc != CONTINUE)
        return rc;
    exporter x = {.c = c, .tag = tag, .inherited = o.inherited};
    char parent[LOCALE_MAX];
    if (!read_catalog(&x, parent, sizeof parent)) {
        glocal_catalog_unref(c);
        return EXIT_USAGE;
    }
    xmlBuffer *doc = xmlBufferCreate();
    x.w = doc ? xmlNewTextWriterMemory(doc, 0) : NULL;
    bool built = false;
    if (x.w) {
        write_file(&x, tag);
        built = xmlTextWriterEndDocument(x.w) >= 0;
        xmlFreeTextWriter(x.w); /* flushes into doc */
    }
    glocal_terms_free(x.base_terms);
    glocal_terms_free(x.terms);
    free(x.messages);
    glocal_catalog_unref(c);
    bool written = built && put_output(o.out, (const char *)xmlBufferContent(doc),
                                       (size_t)xmlBufferLength(doc));
    xmlBufferFree(doc);
    if (!built)
        fprintf(stderr, "glocal export: out of memory\n");
    if (!written)
        return EXIT_USAGE;
    fprintf(stderr, "glocal export: %zu units for %s, %zu with a translation\n", x.units, tag,
            x.translated);
    if (x.left)
        fprintf(stderr, "glocal export: %zu more left to %s, which %s inherits (--inherited "
                "adds them)\n", x.left, x.parent, tag);
    return x.failed ? EXIT_FAILED : EXIT_OK;
}
