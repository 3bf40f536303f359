/* What the three importers share: the options, the bundles they build (and
 * merge into when the output directory has them already, never replacing one
 * that cannot be read), message ids, plural templates, and the report of what
 * could not be carried over.  The bundles are written by bundles_write: all
 * or none, after the catalog's lint check. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "bundle_write.h"
#include "cli.h"
#include "importer.h"

const char *const imp_categories[6] = {"zero", "one", "two", "few", "many", "other"};

bool imp_is_category(const char *s)
{
    for (int i = 0; i < 6; i++)
        if (strcmp(s, imp_categories[i]) == 0)
            return true;
    return false;
}

/* ---- options ---- */

typedef struct imp_opts {
    imp_catalog *c;
    char **files;
    size_t n;
} imp_opts;

static int imp_opt(void *ud, int index, const char *value)
{
    imp_opts *o = ud;
    if (index == 0)
        o->c->out = value;
    else if (index == 1)
        o->c->base_lang = value;
    else
        o->files[o->n++] = (char *)value;
    return CONTINUE;
}

int imp_run(imp_catalog *c, int argc, char **argv, const char *help,
            void (*fn)(imp_catalog *c, const char *file))
{
    char **files;
    size_t n;
    int rc = imp_parse(c, argc, argv, help, &files, &n);
    if (rc != CONTINUE)
        return rc;
    for (size_t i = 0; i < n; i++)
        fn(c, files[i]);
    free(files);
    return imp_finish(c);
}

int imp_parse(imp_catalog *c, int argc, char **argv, const char *help, char ***files,
              size_t *nfiles)
{
    static const cli_opt table[] = {{"out", true}, {"base-language", true}, {NULL, false}};
    imp_opts o = {c, xcalloc((size_t)argc + 1, sizeof(char *)), 0};
    struct stat st;
    static char lang[160];
    int rc = parse_args(c->cmd, argc, argv, table, help, imp_opt, &o);
    if (rc == CONTINUE && !o.n)
        rc = usage_error(c->cmd, "which files to import?");
    if (rc == CONTINUE && !c->out)
        rc = usage_error(c->cmd, "--out DIR is required: the catalog directory to write");
    /* a missing DIR is created when the bundles are written */
    if (rc == CONTINUE && (stat(c->out, &st) == 0 || errno != ENOENT))
        rc = check_dir(c->cmd, c->out);
    if (rc == CONTINUE && c->base_lang &&
        (rc = bundle_locale(c->cmd, "--base-language", c->base_lang, lang)) == CONTINUE)
        c->base_lang = lang;
    if (rc == CONTINUE && !c->base_lang)
        c->base_lang = "en";
    if (rc != CONTINUE) {
        free(o.files);
        return rc;
    }
    *files = o.files;
    *nfiles = o.n;
    return CONTINUE;
}

/* ---- bundles ---- */

/* glocal's built-in channels (docs/bundles.md), repeated here because the
 * public API reads a catalog's axis values but the importers may write the
 * first base.yaml of one. */
static const char *const builtin_channels[] = {"email", "sms", "chat", "whatsapp", "wechat",
                                               "line", "kakaotalk", "push", "voice", "web"};

bool imp_is_channel(imp_catalog *c, const char *name)
{
    for (size_t i = 0; i < sizeof builtin_channels / sizeof *builtin_channels; i++)
        if (strcmp(builtin_channels[i], name) == 0)
            return true;
    const yd_node *root = imp_bundle_of(c, "base")->file.root;
    const yd_node *axes = root ? yd_get(root, "axes") : NULL;
    const yd_node *channels = axes ? yd_get(axes, "channel") : NULL;
    for (size_t i = 0; channels && channels->kind == YD_SEQ && i < channels->n; i++)
        if (channels->items[i]->kind == YD_SCALAR && strcmp(channels->items[i]->str, name) == 0)
            return true;
    return false;
}

static yd_node *new_root(imp_catalog *c, const char *locale)
{
    yd_node *root = yd_map(false);
    yd_set(root, "glocal", yd_plain("1"));
    yd_set(root, "locale", yd_plain(locale));
    if (strcmp(locale, "base") == 0)
        yd_set(root, "language", yd_plain(c->base_lang));
    yd_set(root, "messages", yd_map(false));
    return root;
}

imp_bundle *imp_bundle_of(imp_catalog *c, const char *locale)
{
    for (size_t i = 0; i < c->n; i++)
        if (strcmp(c->b[i].locale, locale) == 0)
            return &c->b[i];
    c->b = xrealloc(c->b, (c->n + 1) * sizeof *c->b);
    imp_bundle *b = &c->b[c->n++];
    memset(b, 0, sizeof *b);
    b->locale = xstrdup(locale);
    strbuf p = {0};
    sb_printf(&p, "%s/%s.yaml", c->out, locale);
    b->path = sb_take(&p);
    char err[512];
    struct stat st;
    if (stat(b->path, &st) == 0) {
        if (!S_ISREG(st.st_mode)) /* a FIFO would block the read forever */
            snprintf(err, sizeof err, "%s: not a regular file", b->path);
        if (!S_ISREG(st.st_mode) || !yd_load(b->path, &b->file, err, sizeof err) ||
            !yd_writable(&b->file, b->path, err, sizeof err)) {
            /* file.root stays NULL: nothing is merged into it, nothing is written */
            fprintf(stderr, "glocal %s: %s; the bundle is left as it is\n", c->cmd, err);
            yd_file_free(&b->file);
        }
    } else {
        b->file.root = new_root(c, locale);
        b->file.header = xstrdup("");
    }
    return b;
}

static yd_node *section(yd_node *root, const char *name)
{
    yd_node *m = yd_get(root, name);
    if (!m || m->kind != YD_MAP) {
        m = yd_map(false);
        yd_set(root, name, m);
    }
    return m;
}

void imp_put(imp_catalog *c, const char *locale, const char *id, const char *key,
             const char *tmpl, const char *note)
{
    yd_node *root = imp_bundle_of(c, locale)->file.root;
    if (!root)
        return; /* an existing bundle that cannot be read */
    yd_node *msgs = section(root, "messages");
    if (note && *note) {
        if (!yd_get(msgs, id))
            yd_set(msgs, id, yd_map(false));
        yd_node *m = yd_get(msgs, id);
        if (m->kind == YD_MAP && !yd_get(m, "_note"))
            yd_set(m, "_note", yd_scalar(note));
    }
    yd_set_variant(msgs, id, key, tmpl);
    c->carried++;
}

void imp_term(imp_catalog *c, const char *locale, const char *name, const char *text)
{
    yd_node *root = imp_bundle_of(c, locale)->file.root;
    if (root)
        yd_set(section(root, "terms"), name, yd_scalar(text));
}

static void report(imp_catalog *c, const char *file, unsigned line, const char *severity,
                   const char *fmt, va_list ap)
{
    fprintf(stderr, "glocal %s: %s:", c->cmd, file);
    if (line)
        fprintf(stderr, "%u:", line);
    fprintf(stderr, " %s: ", severity);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
}

void imp_warn(imp_catalog *c, const char *file, unsigned line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report(c, file, line, "warning", fmt, ap);
    va_end(ap);
    c->warnings++;
}

void imp_error(imp_catalog *c, const char *file, unsigned line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report(c, file, line, "error", fmt, ap);
    va_end(ap);
    c->errors++;
}

static size_t unreadable(const imp_catalog *c)
{
    size_t n = 0;
    for (size_t i = 0; i < c->n; i++)
        n += !c->b[i].file.root;
    return n;
}

/* Renders every bundle and hands them to bundles_write; its exit code. */
static int write_bundles(imp_catalog *c)
{
    strbuf *text = xcalloc(c->n, sizeof *text);
    bundle_text *out = xcalloc(c->n, sizeof *out);
    int rc = EXIT_OK;
    for (size_t i = 0; i < c->n && rc == EXIT_OK; i++) {
        const imp_bundle *b = &c->b[i];
        out[i].name = strrchr(b->path, '/') + 1;
        if (!yd_render(b->file.root, b->file.header, &text[i])) {
            fprintf(stderr, "glocal %s: cannot write %s: a text that is not UTF-8, or libyaml's "
                    "emitter failed\n", c->cmd, b->path);
            rc = EXIT_USAGE;
        }
        out[i].text = text[i].p ? text[i].p : "";
        out[i].len = text[i].len;
    }
    if (rc == EXIT_OK)
        rc = bundles_write(c->cmd, c->out, out, c->n);
    for (size_t i = 0; i < c->n; i++) {
        if (rc == EXIT_OK)
            yd_warn_lost_comments(c->cmd, c->b[i].path, &c->b[i].file);
        sb_free(&text[i]);
    }
    free(text);
    free(out);
    return rc;
}

int imp_finish(imp_catalog *c)
{
    imp_bundle_of(c, "base"); /* a catalog needs one */
    size_t bad = unreadable(c);
    int rc;
    if (c->errors) {
        fprintf(stderr, "glocal %s: nothing written: %zu error%s in the input (above)\n",
                c->cmd, c->errors, c->errors == 1 ? "" : "s");
        rc = EXIT_USAGE;
    } else if (bad) {
        fprintf(stderr, "glocal %s: nothing written: %zu bundle%s in %s cannot be read (above); "
                "fix %s, then import again\n", c->cmd, bad, bad == 1 ? "" : "s", c->out,
                bad == 1 ? "it" : "them");
        rc = EXIT_USAGE;
    } else {
        rc = write_bundles(c);
    }
    if (rc == EXIT_OK) {
        fprintf(stderr, "glocal %s: %zu bundle%s in %s, %zu text%s carried over, %zu warning%s; "
                "run `glocal lint %s`\n", c->cmd, c->n, c->n == 1 ? "" : "s", c->out,
                c->carried, c->carried == 1 ? "" : "s", c->warnings,
                c->warnings == 1 ? "" : "s", c->out);
        rc = c->warnings ? EXIT_FAILED : EXIT_OK;
    }
    for (size_t i = 0; i < c->n; i++) {
        yd_file_free(&c->b[i].file);
        free(c->b[i].locale);
        free(c->b[i].path);
    }
    free(c->b);
    return rc;
}

/* ---- ids, plurals, files ---- */

char *imp_message_id(const char *key)
{
    strbuf b = {0};
    char prev = '.';
    for (const unsigned char *p = (const unsigned char *)key; *p; p++) {
        char ch = (char)*p;
        if (*p >= 'A' && *p <= 'Z') {
            if (prev >= 'a' && prev <= 'z')
                sb_putc(&b, '_');
            ch = (char)(*p - 'A' + 'a');
        } else if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || strchr("_.-", *p))) {
            ch = '-';
        }
        if ((ch == '-' && (prev == '-' || prev == '.')) || (b.len == 0 && strchr("_.-", ch)))
            continue;
        sb_putc(&b, ch);
        prev = ch;
    }
    while (b.len && strchr("_.-", b.p[b.len - 1]))
        b.p[--b.len] = '\0';
    if (!b.len)
        sb_puts(&b, "message");
    return sb_take(&b);
}

/* Whether key is in cats, a list of gl_plural_categories (NULL: no). */
static bool has_category(const char *cats, const char *key)
{
    for (const char *c = cats; c && *c; c += strlen(c) + 1)
        if (strcmp(c, key) == 0)
            return true;
    return false;
}

/* `zero` where the language has no such category (Rails, i18next) is the
 * count 0: =0. */
static bool zero_value(const char *have, const char *cat)
{
    return strcmp(cat, "zero") == 0 && !has_category(have, "zero");
}

char *imp_plural(const char *arg, bool ordinal, const char *have, const char *const *cats,
                 const char *const *tmpls, size_t n)
{
    strbuf b = {0};
    sb_printf(&b, "{%s, %s,", arg, ordinal ? "selectordinal" : "plural");
    for (size_t i = 0; i < n; i++) /* explicit values (=0) first */
        if (cats[i][0] == '=' || zero_value(have, cats[i]))
            sb_printf(&b, " %s {%s}", cats[i][0] == '=' ? cats[i] : "=0", tmpls[i]);
    for (int k = 0; k < 6; k++)
        for (size_t i = 0; i < n; i++)
            if (strcmp(cats[i], imp_categories[k]) == 0 && !zero_value(have, cats[i]))
                sb_printf(&b, " %s {%s}", cats[i], tmpls[i]);
    sb_putc(&b, '}');
    return sb_take(&b);
}

void imp_quote(strbuf *b, const char *text, bool in_plural)
{
    char *q = NULL;
    glocal_status st = glocal_template_quote(text, in_plural, &q, NULL);
    if (st == GLOCAL_ERR_NOMEM) {
        fputs("glocal: out of memory\n", stderr);
        exit(EXIT_USAGE);
    }
    sb_puts(b, st == GLOCAL_OK ? q : text);
    glocal_free(q);
}

char *imp_read_file(imp_catalog *c, const char *path, size_t *len)
{
    char err[512];
    size_t n;
    bool too_big;
    char *text = yd_read_file(path, len ? len : &n, &too_big, err, sizeof err);
    if (too_big)
        imp_error(c, path, 0, "larger than the limit of %u bytes (docs/limits.md); nothing "
                  "imported", YD_MAX_FILE_BYTES);
    else if (!text)
        fprintf(stderr, "glocal %s: %s\n", c->cmd, err), c->warnings++;
    return text;
}

unsigned imp_line_at(const char *text, size_t off)
{
    unsigned line = 1;
    for (size_t i = 0; i < off && text[i]; i++)
        line += text[i] == '\n';
    return line;
}
