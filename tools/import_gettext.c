/* glocal import-gettext PO... --out DIR: gettext catalogs to glocal bundles.
 *
 * The msgids (source text) become base.yaml, each PO file's msgstrs its
 * Language's bundle.  A message id is the msgid when it already is one
 * (`cart.title`), else a slug of it (`your-cart-is-empty`), with the
 * msgctxt as prefix (`checkout.total`) and in the note.  Plural forms go
 * through the file's Plural-Forms expression to CLDR categories; printf
 * conversions become named arguments (`%1$s` -> `{arg1}`, `%(name)s` ->
 * `{name}`), the plural's count `#`.  Read with libgettextpo. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gettext-po.h>

#include "bundle_write.h"
#include "cli.h"
#include "commands.h"
#include "importer.h"
#include "plural_forms.h"
#include "strmap.h"

static const char usage_gettext[] =
    "usage: glocal import-gettext PO... --out DIR [--base-language TAG]\n"
    "\n"
    "Turns gettext PO (and POT) files into the glocal catalog DIR: the msgids\n"
    "into base.yaml (written in --base-language, default en), the translations\n"
    "of each file into the bundle of its Language header (else its file name).\n"
    "Message ids come from msgctxt and msgid; plurals become ICU plurals through\n"
    "Plural-Forms; %s, %1$s and %(name)s become named arguments; translator\n"
    "comments (#.) become base's _note.  Bundles already in DIR are merged into.\n"
    "Fuzzy and obsolete entries, printf widths and other things that cannot be\n"
    "carried over are reported with file and line.\n"
    "\n"
    IMPORTER_EXIT_STATUS;

/* ---- one PO file ---- */

#define MAX_FORMS 6

typedef struct po {
    imp_catalog *c;
    const char *file;
    const char *locale;       /* "base" or a tag */
    char tag[LOCALE_MAX];     /* the locale's tag, also for base */
    unsigned *lines;          /* of each message's msgid, in file order */
    size_t nlines, at;
    unsigned forms_line;      /* of the Plural-Forms header, 0 none */
    int nforms;
    const char *form_cat[MAX_FORMS]; /* CLDR category of each gettext form, "" unused */
    const char *cats[6];      /* categories to write, and the form each takes */
    int cat_form[6];
    size_t ncats;
} po;

static po *current; /* for libgettextpo's error handler, which has no user data */

static void xerror(int severity, po_message_t message, const char *filename, size_t lineno,
                   size_t column, int multiline, const char *text)
{
    (void)message, (void)column, (void)multiline;
    fprintf(stderr, "glocal import-gettext: %s:%zu: %s: %s", filename ? filename : "?",
            lineno == (size_t)-1 ? 0 : lineno,
            severity == PO_SEVERITY_WARNING ? "warning" : "error", text);
    if (text[strlen(text) - 1] != '\n')
        fputc('\n', stderr);
    if (current)
        current->c->warnings++;
    if (severity == PO_SEVERITY_FATAL_ERROR)
        exit(EXIT_USAGE);
}

static void xerror2(int severity, po_message_t m1, const char *f1, size_t l1, size_t c1,
                    int ml1, const char *t1, po_message_t m2, const char *f2, size_t l2,
                    size_t c2, int ml2, const char *t2)
{
    xerror(severity == PO_SEVERITY_FATAL_ERROR ? PO_SEVERITY_ERROR : severity, m1, f1, l1, c1,
           ml1, t1);
    xerror(severity, m2, f2, l2, c2, ml2, t2);
}

static const struct po_xerror_handler handler = {xerror, xerror2};

/* The lines of the `msgid` keywords, one per message in file order, and
 * the line of the Plural-Forms header. */
static void index_lines(po *x, const char *text)
{
    unsigned line = 1;
    size_t cap = 0;
    for (const char *p = text; p && *p; line++) {
        if (!strncmp(p, "msgid ", 6) || !strncmp(p, "#~ msgid ", 9)) {
            if (x->nlines == cap)
                x->lines = xrealloc(x->lines, (cap = cap ? 2 * cap : 64) * sizeof *x->lines);
            x->lines[x->nlines++] = line;
        }
        const char *nl = strchr(p, '\n');
        p = nl ? nl + 1 : NULL;
    }
    const char *forms = text ? strstr(text, "Plural-Forms:") : NULL;
    x->forms_line = forms ? imp_line_at(text, (size_t)(forms - text)) : 0;
}

static unsigned line_of(const po *x)
{
    return x->at < x->nlines ? x->lines[x->at] : 0;
}

/* An expression beyond the evaluator's limits refuses the file. */
static bool within_limits(po *x, const char *expression)
{
    char what[64];
    if (strcspn(expression, ";") > PLURAL_FORMS_MAX_BYTES)
        snprintf(what, sizeof what, "longer than %d bytes", PLURAL_FORMS_MAX_BYTES);
    else if (plural_forms_eval(expression, 0, 1) == PLURAL_FORMS_TOO_DEEP)
        snprintf(what, sizeof what, "nested deeper than %d levels", PLURAL_FORMS_MAX_DEPTH);
    else
        return true;
    imp_error(x->c, x->file, x->forms_line, "the Plural-Forms expression is %s (the importer's "
              "limit, docs/migrating.md); nothing imported from it", what);
    return false;
}

/* Each CLDR category of the language to the gettext form most integers of
 * that category take (0..1000); forms CLDR never selects are reported.
 * False when the expression refuses the file (within_limits). */
static bool map_forms(po *x, const char *plural_forms)
{
    const char *expression = plural_forms ? strstr(plural_forms, "plural=") : NULL;
    const char *np = plural_forms ? strstr(plural_forms, "nplurals=") : NULL;
    x->nforms = np ? atoi(np + 9) : 2;
    if (!expression || x->nforms < 1 || x->nforms > MAX_FORMS) {
        imp_warn(x->c, x->file, 0, "no usable Plural-Forms header%s; using English's "
                 "(nplurals=2; plural=n != 1)", plural_forms ? "" : " (none)");
        expression = "plural=n != 1;";
        x->nforms = 2;
    }
    expression += 7;
    if (!within_limits(x, expression))
        return false;
    int shown = (int)strcspn(expression, ";"); /* within the limit: an int */
    unsigned hits[6][MAX_FORMS] = {{0}};
    for (unsigned long n = 0; n <= 1000; n++) {
        const char *cat = "other";
        long form = plural_forms_eval(expression, n, x->nforms);
        glocal_plural_category(x->tag, 0, (int32_t)n, &cat, NULL);
        for (int k = 0; k < 6 && form >= 0 && form < x->nforms; k++)
            hits[k][form] += strcmp(cat, imp_categories[k]) == 0;
        if (form < 0 || form >= x->nforms) {
            imp_warn(x->c, x->file, x->forms_line, "Plural-Forms `%.*s` does not evaluate for "
                     "n=%lu; plural forms are not imported", shown, expression, n);
            x->nforms = 0;
            return true;
        }
    }
    for (int f = 0; f < x->nforms; f++) {
        unsigned used = 0;
        for (int k = 0; k < 6; k++)
            used += hits[k][f];
        if (!used)
            imp_warn(x->c, x->file, x->forms_line, "Plural-Forms `%.*s` selects form %d for no n "
                     "from 0 to 1000; msgstr[%d] is not imported", shown, expression, f, f);
    }
    x->ncats = 0;
    for (int k = 0; k < 6; k++) {
        int best = -1;
        for (int f = 0; f < x->nforms; f++)
            if (hits[k][f] && (best < 0 || hits[k][f] > hits[k][best]))
                best = f;
        if (best < 0 && k == 5)
            best = x->nforms - 1; /* other may hold no integer (ru, pl): the last form */
        if (best < 0)
            continue;
        x->cats[x->ncats] = imp_categories[k];
        x->cat_form[x->ncats++] = best;
    }
    return true;
}

/* ---- text: printf conversions to arguments ---- */

typedef struct conv_state {
    po *x;
    int next;                 /* the next sequential argument */
    int count_arg;            /* the argument printed as `#`, 0 none */
    bool in_plural;
    const char *msgid;
} conv_state;

/* One conversion at p (after '%'); appends its argument, returns its end. */
static const char *conversion(conv_state *s, strbuf *out, const char *p)
{
    char name[64] = "";
    int pos = 0;
    if (*p == '(' || *p == '{') { /* %(name)s, %{name} */
        const char *close = strchr(p, *p == '(' ? ')' : '}');
        if (!close || close - p > 60)
            return NULL;
        snprintf(name, sizeof name, "%.*s", (int)(close - p - 1), p + 1);
        p = close + 1;
        if (close[0] == '}') {
            sb_printf(out, "{%s}", name);
            return p;
        }
    } else if (isdigit((unsigned char)*p) && strchr(p, '$') &&
               strspn(p, "0123456789") == (size_t)(strchr(p, '$') - p)) {
        pos = atoi(p);
        p = strchr(p, '$') + 1;
    }
    const char *spec = p;
    p += strspn(p, "-+ #0'123456789.*");
    p += strspn(p, "hlLqjzt");
    if (!*p || !strchr("sdiufFeEgGxXoc", *p))
        return NULL;
    bool number = strchr("diufFeEgGxXo", *p) != NULL;
    if (!*name)
        snprintf(name, sizeof name, "arg%d", pos ? pos : ++s->next);
    if (pos == 0 && !strncmp(name, "arg", 3))
        pos = atoi(name + 3);
    if (p > spec && strspn(spec, "hlLqjzt") != (size_t)(p - spec))
        imp_warn(s->x->c, s->x->file, line_of(s->x), "`%.*s` in \"%s\": the printf width, "
                 "precision or flags are not carried over", (int)(p - spec + 2), spec - 1,
                 s->msgid);
    if (s->in_plural && number && pos && pos == s->count_arg)
        sb_putc(out, '#');
    else
        sb_printf(out, number ? "{%s, number}" : "{%s}", name);
    return p + 1;
}

static char *to_template(conv_state *s, const char *text, bool printf_like, bool brace_like)
{
    strbuf out = {0}, lit = {0};
    s->next = 0;
    for (const char *p = text; *p;) {
        const char *end = NULL;
        strbuf arg = {0};
        if (printf_like && p[0] == '%' && p[1] == '%') {
            sb_putc(&lit, '%');
            p += 2;
            continue;
        }
        if (printf_like && p[0] == '%')
            end = conversion(s, &arg, p + 1);
        else if (brace_like && p[0] == '{' && strchr(p, '}')) {
            end = strchr(p, '}') + 1;
            sb_putn(&arg, p, (size_t)(end - p));
        }
        if (!end) {
            sb_putc(&lit, *p++);
            sb_free(&arg);
            continue;
        }
        sb_putc(&lit, '\0');
        imp_quote(&out, lit.p, s->in_plural);
        lit.len = 0;
        sb_putn(&out, arg.p, arg.len);
        sb_free(&arg);
        p = end;
    }
    sb_putc(&lit, '\0');
    imp_quote(&out, lit.p, s->in_plural);
    sb_free(&lit);
    sb_putc(&out, '\0');
    out.len--;
    return sb_take(&out);
}

/* The length of the printf conversion after a '%' (its last character
 * into *conv), 0 when none starts there. */
static size_t conversion_length(const char *p, char *conv)
{
    const char *q = p;
    if (*q == '(' || *q == '{') {
        const char *close = strchr(q, *q == '(' ? ')' : '}');
        if (!close)
            return 0;
        q = close + 1;
        if (*p == '{')
            return *conv = 's', (size_t)(q - p);
    } else if (isdigit((unsigned char)*q) && q[strspn(q, "0123456789")] == '$') {
        q += strspn(q, "0123456789") + 1;
    }
    q += strspn(q, "-+ #0'");
    q += strspn(q, "0123456789.*");
    q += strspn(q, "hlLqjzt");
    if (!*q || !strchr("sdiufFeEgGxXoc", *q))
        return 0;
    *conv = *q;
    return (size_t)(q + 1 - p);
}

/* The argument a plural's count is printed with: the first integer
 * conversion of msgid_plural (1-based position). */
static int count_argument(const char *plural)
{
    int seq = 0;
    for (const char *p = plural; (p = strchr(p, '%'));) {
        char conv;
        size_t n = conversion_length(++p, &conv);
        if (!n) {
            p += *p == '%';
            continue;
        }
        int pos = isdigit((unsigned char)*p) && p[strspn(p, "0123456789")] == '$' ? atoi(p)
                                                                                 : ++seq;
        if (strchr("diu", conv))
            return pos;
        p += n;
    }
    return 0;
}

/* ---- messages ---- */

/* A generated id takes at most this many words of the msgid, and no word
 * that would start beyond ID_MAX_BYTES. */
#define ID_MAX_WORDS 6
#define ID_MAX_BYTES 48

/* A message id for (msgctxt, msgid): the msgid itself when it is one, else
 * its first words, each whole (`hello-your-refund-of-is-on`, never a word
 * cut short); msgctxt as prefix. */
static char *message_id(const char *ctxt, const char *msgid)
{
    strbuf b = {0};
    if (ctxt) {
        char *c = imp_message_id(ctxt);
        sb_printf(&b, "%s.", c);
        free(c);
    }
    if (glocal_name_valid(GLOCAL_NAME_MESSAGE_ID, msgid)) {
        sb_puts(&b, msgid);
        return sb_take(&b);
    }
    int words = 0;
    bool gap = false;
    size_t last_word = b.len; /* where the word being written starts */
    for (const char *p = msgid; *p; p++) {
        char conv;
        size_t n = *p == '%' ? conversion_length(p + 1, &conv) : 0;
        if (n) { /* conversions are not words */
            p += n;
            gap = true;
            continue;
        }
        if (!isalnum((unsigned char)*p)) {
            gap = true;
            continue;
        }
        bool starts = gap && b.len && b.p[b.len - 1] != '.';
        if (starts && (words + 1 == ID_MAX_WORDS || b.len >= ID_MAX_BYTES))
            break;
        if (starts) {
            sb_putc(&b, '-'), words++;
            last_word = b.len;
        }
        if (b.len >= 2 * ID_MAX_BYTES) { /* a word too long to keep whole */
            if (last_word > 0 && b.p[last_word - 1] == '-')
                b.len = last_word - 1; /* the words before it */
            break;
        }
        sb_putc(&b, (char)tolower((unsigned char)*p));
        gap = false;
    }
    sb_putc(&b, '\0');
    char *raw = sb_take(&b), *id = imp_message_id(raw);
    free(raw);
    return id;
}

typedef struct seen {
    char *key;                /* msgctxt "\4" msgid */
    char *id;
} seen;

/* The ids of one run of the command, over all its files. */
static struct {
    seen *ids;
    size_t n, cap;
    strmap of_key;            /* key -> index in ids */
    strmap taken;             /* the ids given */
} known;

/* The same (msgctxt, msgid) has the same id in every file; different ones
 * that slug alike get -2, -3 ... */
static const char *id_for(const char *ctxt, const char *msgid)
{
    strbuf k = {0};
    size_t at;
    sb_printf(&k, "%s\4%s", ctxt ? ctxt : "", msgid);
    if (sm_get(&known.of_key, k.p, &at)) {
        sb_free(&k);
        return known.ids[at].id;
    }
    char *stem = message_id(ctxt, msgid), *id = xstrdup(stem);
    for (int n = 2; sm_get(&known.taken, id, NULL); n++) {
        strbuf b = {0};
        sb_printf(&b, "%s-%d", stem, n);
        free(id);
        id = sb_take(&b);
    }
    free(stem);
    if (known.n == known.cap)
        known.ids = xrealloc(known.ids, (known.cap = known.cap ? 2 * known.cap : 64) *
                                            sizeof *known.ids);
    sm_set(&known.taken, id, 1);
    sm_set(&known.of_key, k.p, known.n);
    known.ids[known.n++] = (seen){sb_take(&k), id};
    return id;
}

static bool is_format(po_message_t m, const char *const *kinds)
{
    for (; *kinds; kinds++)
        if (po_message_is_format(m, *kinds))
            return true;
    return false;
}

static const char *const printf_kinds[] = {"c-format", "python-format", "php-format",
                                           "ruby-format", "objc-format", "perl-format", NULL};
static const char *const brace_kinds[] = {"python-brace-format", NULL};

static char *note_of(po_message_t m, const char *ctxt)
{
    strbuf b = {0};
    const char *extracted = po_message_extracted_comments(m);
    if (ctxt)
        sb_printf(&b, "Context: %s.", ctxt);
    if (extracted && *extracted) {
        size_t n = strlen(extracted);
        sb_printf(&b, "%s%.*s", b.len ? " " : "", (int)(n && extracted[n - 1] == '\n' ?
                                                             n - 1 : n), extracted);
    }
    sb_putc(&b, '\0');
    b.len--;
    return sb_take(&b);
}

/* Whether text has a positional printf conversion (`%1$s`); *loose set
 * when it has another one that reads as printf (`%s`, `%d`, `%2d`). */
static bool positional_printf(const char *text, bool *loose)
{
    bool positional = false;
    for (const char *p = text; (p = strchr(p, '%'));) {
        char conv;
        size_t n = conversion_length(++p, &conv);
        if (*p == '%') {
            p++;
            continue;
        }
        if (n && isdigit((unsigned char)*p) && p[strspn(p, "0123456789")] == '$')
            positional = true;
        else if (n && (isdigit((unsigned char)*p) || strchr("sdiu", *p)))
            *loose = true;
        p += n;
    }
    return positional;
}

/* A message with no format flag is printf when its msgid has a positional
 * conversion, which no prose holds: converted, and said, since the flag was
 * missing (xgettext sets it; a hand-written PO may lack it).  Other
 * conversions stay text, said too: they may be prose (`100%d`). */
static bool unflagged_printf(po *x, po_message_t m)
{
    if (is_format(m, printf_kinds) || is_format(m, brace_kinds))
        return false;
    const char *plural = po_message_msgid_plural(m), *msgid = po_message_msgid(m);
    bool loose = false;
    bool positional = positional_printf(msgid, &loose);
    positional = (plural && positional_printf(plural, &loose)) || positional;
    if (positional)
        imp_warn(x->c, x->file, line_of(x), "\"%s\" has positional printf conversions but no "
                 "`#, c-format` flag: converted to arguments as for c-format", msgid);
    else if (loose)
        imp_warn(x->c, x->file, line_of(x), "\"%s\" has what reads as printf conversions but "
                 "no `#, c-format` flag: kept as text (add the flag to convert them)", msgid);
    return positional;
}

/* The template of one side: the singular, or the plural forms.  by_content:
 * printf without the flag (unflagged_printf). */
static char *side(po *x, po_message_t m, conv_state *s, bool source, bool by_content)
{
    bool pf = by_content || is_format(m, printf_kinds), bf = is_format(m, brace_kinds);
    const char *plural = po_message_msgid_plural(m);
    if (!plural) {
        s->in_plural = false;
        return to_template(s, source ? po_message_msgid(m) : po_message_msgstr(m), pf, bf);
    }
    s->in_plural = true;
    s->count_arg = count_argument(plural);
    const char *cats[6];
    char *tmpls[6];
    size_t n = 0;
    if (source) {
        cats[0] = "one", cats[1] = "other";
        tmpls[0] = to_template(s, po_message_msgid(m), pf, bf);
        tmpls[1] = to_template(s, plural, pf, bf);
        n = 2;
    } else {
        for (size_t k = 0; k < x->ncats; k++) {
            const char *form = po_message_msgstr_plural(m, x->cat_form[k]);
            if (!form || !*form)
                continue;
            cats[n] = x->cats[k];
            tmpls[n++] = to_template(s, form, pf, bf);
        }
        if (!n || strcmp(cats[n - 1], "other") != 0) {
            for (size_t i = 0; i < n; i++)
                free(tmpls[i]);
            return NULL;
        }
    }
    char *t = imp_plural("count", false, NULL, cats, (const char *const *)tmpls, n);
    for (size_t i = 0; i < n; i++)
        free(tmpls[i]);
    return t;
}

static bool translated(po_message_t m)
{
    if (!po_message_msgid_plural(m))
        return *po_message_msgstr(m) != '\0';
    const char *first = po_message_msgstr_plural(m, 0);
    return first && *first;
}

static void import_message(po *x, po_message_t m)
{
    const char *ctxt = po_message_msgctxt(m), *msgid = po_message_msgid(m);
    /* A context naming a channel (`msgctxt "sms"`) is that channel's variant
     * of the message without context, as a glocal bundle writes it. */
    const char *channel = ctxt && imp_is_channel(x->c, ctxt) ? ctxt : NULL;
    const char *key = channel ? channel : "other";
    if (channel)
        ctxt = NULL;
    const char *id = id_for(ctxt, msgid);
    conv_state s = {x, 0, 0, false, msgid};
    bool by_content = unflagged_printf(x, m);
    char *source = side(x, m, &s, true, by_content), *note = note_of(m, ctxt);
    if (!utf8_valid(source, strlen(source))) { /* the msgid is; found by fuzz-import-gettext */
        imp_warn(x->c, x->file, line_of(x), "the msgid_plural of \"%s\" is not UTF-8; not "
                 "imported", msgid);
        free(source);
        free(note);
        return;
    }
    if (!utf8_valid(note, strlen(note))) { /* found by fuzz-import-gettext */
        imp_warn(x->c, x->file, line_of(x), "the translator comment or msgctxt of \"%s\" is "
                 "not UTF-8; not carried over to _note", msgid);
        *note = '\0';
    }
    imp_put(x->c, "base", id, key, source, note);
    free(source);
    free(note);
    if (!x->locale || !translated(m))
        return; /* a template, or not translated */
    if (po_message_is_fuzzy(m)) {
        imp_warn(x->c, x->file, line_of(x), "the fuzzy translation of \"%s\" is not imported; "
                 "review it and remove the fuzzy flag", msgid);
        return;
    }
    char *target = side(x, m, &s, false, by_content);
    if (target && !utf8_valid(target, strlen(target))) {
        imp_warn(x->c, x->file, line_of(x), "the translation of \"%s\" is not UTF-8; not "
                 "imported", msgid);
        free(target);
        return;
    }
    if (target)
        imp_put(x->c, x->locale, id, key, target, NULL);
    else
        imp_warn(x->c, x->file, line_of(x), "\"%s\": the plural forms do not cover every CLDR "
                 "category of %s; not imported", msgid, x->locale);
    free(target);
}

/* Language header, else the file name (de.po, pt_BR.po); NULL: a template. */
static const char *locale_of(po *x, const char *header, char *tag)
{
    char *lang = header ? po_header_field(header, "Language") : NULL;
    const char *slash = strrchr(x->file, '/'), *base = slash ? slash + 1 : x->file;
    char stem[128];
    snprintf(stem, sizeof stem, "%s", base);
    stem[strcspn(stem, ".")] = '\0';
    const char *name = lang && *lang ? lang : strstr(base, ".pot") ? NULL : stem;
    int rc = name ? bundle_locale(x->c->cmd, x->file, name, tag) : EXIT_USAGE;
    free(lang);
    if (rc != CONTINUE)
        return NULL;
    return strcmp(tag, x->c->base_lang) == 0 ? "base" : tag;
}

static void import_file(imp_catalog *c, const char *file)
{
    po x = {.c = c, .file = file};
    char tag[LOCALE_MAX];
    char *text = imp_read_file(c, file, NULL); /* first: its size is checked */
    if (!text)
        return;
    current = &x;
    po_file_t pf = po_file_read(file, &handler);
    if (!pf) {
        imp_warn(c, file, 0, "cannot read it as a PO file; nothing imported from it");
        free(text);
        current = NULL;
        return;
    }
    index_lines(&x, text);
    free(text);
    /* libgettextpo returns a copy of the header, the caller's to free */
    char *header = (char *)po_file_domain_header(pf, NULL);
    char *charset = header ? po_header_field(header, "Content-Type") : NULL;
    bool usable = true;
    if (charset && strstr(charset, "charset=") && !strstr(charset, "charset=UTF-8") &&
        !strstr(charset, "charset=utf-8") && !strstr(charset, "charset=ASCII")) {
        imp_warn(c, file, 0, "%s: glocal reads UTF-8 only; convert it with `msgconv "
                 "--to-code=UTF-8`", charset);
        usable = false;
    }
    free(charset);
    x.locale = usable ? locale_of(&x, header, tag) : NULL;
    if (x.locale) {
        snprintf(x.tag, sizeof x.tag, "%s", tag);
        char *forms = header ? po_header_field(header, "Plural-Forms") : NULL;
        usable = map_forms(&x, forms);
        free(forms);
    }
    po_message_iterator_t it = usable ? po_message_iterator(pf, NULL) : NULL;
    for (po_message_t m; it && (m = po_next_message(it)); x.at++) {
        if (!*po_message_msgid(m))
            continue; /* the header */
        if (po_message_is_obsolete(m))
            imp_warn(c, file, line_of(&x), "obsolete entry \"%s\" (#~) is not imported",
                     po_message_msgid(m));
        else if (!utf8_valid(po_message_msgid(m), strlen(po_message_msgid(m))))
            imp_warn(c, file, line_of(&x), "a msgid that is not UTF-8; not imported");
        else
            import_message(&x, m);
    }
    if (it)
        po_message_iterator_free(it);
    free(header);
    po_file_free(pf);
    free(x.lines);
    current = NULL;
}

int cmd_import_gettext(int argc, char **argv)
{
    imp_catalog c = {.cmd = "import-gettext"};
    int rc = imp_run(&c, argc, argv, usage_gettext, import_file);
    for (size_t i = 0; i < known.n; i++) {
        free(known.ids[i].key);
        free(known.ids[i].id);
    }
    free(known.ids);
    sm_free(&known.of_key);
    sm_free(&known.taken);
    memset(&known, 0, sizeof known); /* the fuzzer runs the command again */
    return rc;
}
