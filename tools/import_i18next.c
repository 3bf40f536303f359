/* glocal import-i18next JSON... --out DIR: i18next resource files to glocal
 * bundles.  Nested keys become dotted message ids; `_one`/`_other` (and
 * `_ordinal_*`, v3's `_plural`) siblings become one ICU plural on `count`;
 * `_formal`/`_informal`/`_honorific` contexts become formality variants,
 * other contexts a select on `context`; `{{name}}` becomes `{name}`,
 * `{{count}}` inside a plural `#`.  Read with json-c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "bundle_write.h"
#include "cli.h"
#include "commands.h"
#include "importer.h"
#include "strmap.h"

static const char usage_i18next[] =
    "usage: glocal import-i18next JSON... --out DIR [--base-language TAG]\n"
    "\n"
    "Turns i18next resource files (de.json, or locales/de/translation.json) into\n"
    "the glocal catalog DIR: the base language's strings (default en) into\n"
    "base.yaml, every other language into LOCALE.yaml.  Keys become dotted\n"
    "message ids, `_one`/`_other` keys ICU plurals, `_formal`/`_informal` keys\n"
    "formality variants, {{name}} {name}.  A namespace other than `translation`\n"
    "prefixes the ids.  Bundles already in DIR are merged into.  What cannot be\n"
    "carried over ($t() nesting, lists, unknown formats) is reported with its\n"
    "file and line.\n"
    "\n"
    IMPORTER_EXIT_STATUS;

typedef struct entry {
    char *path;               /* the full key */
    char *stem;               /* without plural and context suffixes */
    char *context;            /* NULL: none */
    const char *cat;          /* plural category, NULL: not a plural form */
    bool ordinal;
    const char *text;         /* borrowed from the JSON tree */
    unsigned line;
} entry;

typedef struct i18n {
    imp_catalog *c;
    const char *file, *text;  /* the file and its bytes, for lines */
    size_t cursor;
    unsigned cursor_line;     /* the line of text[cursor], 0 when lines are lost */
    const char *locale;       /* "base" or a tag */
    char *cats[2];            /* the language's cardinal and ordinal categories */
    entry *e;
    size_t n, cap;
    bool refused;             /* an error (imp_error): nothing more is read */
    strmap stems;             /* stem -> how many entries have it (classify) */
    /* the entries of a stem, and of a stem with one context, in file order:
     * the first in the maps, the next in the arrays (NONE: the last) */
    strmap stem_first, variant_first;
    size_t *stem_next, *variant_next;
} i18n;

#define NONE SIZE_MAX

/* ---- reading the tree ---- */

/* The line of "key": at or after the cursor (json-c keeps file order).  The
 * lines are counted from the cursor on, so reading a file is linear.  A key
 * the file writes with escapes is not found; each such search would read the
 * rest of the file, so the keys after it have no line (0). */
static unsigned key_line(i18n *x, const char *key)
{
    strbuf pat = {0};
    sb_printf(&pat, "\"%s\"", key);
    const char *hit = x->cursor_line ? strstr(x->text + x->cursor, pat.p) : NULL;
    sb_free(&pat);
    if (!hit)
        return x->cursor_line = 0;
    size_t at = (size_t)(hit - x->text) + 1;
    for (size_t i = x->cursor; i < at; i++)
        x->cursor_line += x->text[i] == '\n';
    x->cursor = at;
    return x->cursor_line;
}

static void add_entry(i18n *x, const char *path, const char *text, unsigned line)
{
    if (x->n == x->cap)
        x->e = xrealloc(x->e, (x->cap = x->cap ? 2 * x->cap : 64) * sizeof *x->e);
    x->e[x->n++] = (entry){xstrdup(path), NULL, NULL, NULL, false, text, line};
}

/* s with each byte that is not part of UTF-8 written \xHH, for a message. */
static char *printable(const char *s)
{
    strbuf b = {0};
    for (const unsigned char *p = (const unsigned char *)s; *p;) {
        size_t n = *p < 0x80 ? 1 : *p >= 0xF0 ? 4 : *p >= 0xE0 ? 3 : 2;
        if (strnlen((const char *)p, n) == n && utf8_valid((const char *)p, n)) {
            sb_putn(&b, (const char *)p, n);
            p += n;
        } else {
            sb_printf(&b, "\\x%02X", *p++);
        }
    }
    return sb_take(&b);
}

/* A string glocal can hold: UTF-8 (json-c passes other bytes through, which
 * would reach the bundle as control characters), under the scalar limit. */
static bool acceptable(i18n *x, const char *path, json_object *val, unsigned line)
{
    const char *s = json_object_get_string(val);
    size_t len = (size_t)json_object_get_string_len(val);
    char *shown = printable(path);
    size_t errors = x->c->errors;
    if (!utf8_valid(path, strlen(path)))
        imp_error(x->c, x->file, line, "a key that is not UTF-8 (`%s`); nothing imported", shown);
    else if (!utf8_valid(s, len) || strlen(s) != len)
        imp_error(x->c, x->file, line, "the text of `%s` is not UTF-8 text; nothing imported",
                  path);
    else if (len > YD_MAX_SCALAR_BYTES)
        imp_error(x->c, x->file, line, "the text of `%s` is longer than the limit of %u bytes "
                  "(docs/limits.md); nothing imported", path, YD_MAX_SCALAR_BYTES);
    free(shown);
    x->refused = x->c->errors > errors;
    return !x->refused;
}

/* Recurses once per level of the JSON, which json-c limits (YD_MAX_DEPTH). */
static void flatten(i18n *x, const char *prefix, json_object *obj)
{
    json_object_object_foreach(obj, key, val)
    {
        if (x->refused)
            return;
        strbuf p = {0};
        sb_printf(&p, "%s%s%s", prefix, *prefix ? "." : "", key);
        char *path = sb_take(&p);
        unsigned line = key_line(x, key);
        enum json_type t = json_object_get_type(val);
        if (t == json_type_object)
            flatten(x, path, val);
        else if (t == json_type_string && acceptable(x, path, val, line))
            add_entry(x, path, json_object_get_string(val), line);
        else if (t != json_type_string)
            imp_warn(x->c, x->file, line, "`%s` is %s, not a string; only strings are "
                     "messages", path, t == json_type_array ? "a list" : "a number or "
                     "boolean");
        free(path);
    }
}

/* ---- suffixes ---- */

static bool strip(char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    if (n <= k || strcmp(s + n - k, suffix) != 0)
        return false;
    s[n - k] = '\0';
    return true;
}

static bool has_stem(const i18n *x, const char *stem)
{
    size_t count;
    return sm_get(&x->stems, stem, &count) && count > 0;
}

/* One more (by +1) or one fewer (-1) entry with stem. */
static void count_stem(i18n *x, const char *stem, int by)
{
    size_t count = 0;
    sm_get(&x->stems, stem, &count);
    sm_set(&x->stems, stem, count + (size_t)by);
}

/* Plural suffixes first, then contexts: formality values always, any other
 * word only when the key without it exists too (so `shipped_notice` stays). */
static void classify(i18n *x)
{
    for (size_t i = 0; i < x->n; i++) {
        entry *e = &x->e[i];
        e->stem = xstrdup(e->path);
        for (int k = 0; k < 6 && !e->cat; k++) {
            char suffix[24];
            snprintf(suffix, sizeof suffix, "_ordinal_%s", imp_categories[k]);
            if (strip(e->stem, suffix))
                e->cat = imp_categories[k], e->ordinal = true;
            snprintf(suffix, sizeof suffix, "_%s", imp_categories[k]);
            if (!e->cat && strip(e->stem, suffix))
                e->cat = imp_categories[k];
        }
        if (!e->cat && strip(e->stem, "_plural"))
            e->cat = "other";
        count_stem(x, e->stem, +1);
    }
    static const char *const formality[] = {"formal", "informal", "honorific"};
    for (size_t i = 0; i < x->n; i++) {
        entry *e = &x->e[i];
        char *us = strrchr(e->stem, '_'), *dot = strrchr(e->stem, '.');
        if (!us || (dot && dot > us))
            continue;
        *us = '\0';
        bool known = false;
        for (int f = 0; f < 3; f++)
            known = known || strcmp(us + 1, formality[f]) == 0;
        if (known || has_stem(x, e->stem)) {
            e->context = xstrdup(us + 1);
            *us = '_';
            count_stem(x, e->stem, -1);
            *us = '\0';
            count_stem(x, e->stem, +1);
        } else {
            *us = '_';
        }
    }
}

/* ---- placeholders ---- */

static void put_arg(i18n *x, strbuf *out, const entry *e, char *inner, bool in_plural)
{
    char *comma = strchr(inner, ',');
    char *name = inner + strspn(inner, " -"), *end = comma ? comma : inner + strlen(inner);
    while (end > name && end[-1] == ' ')
        end--;
    *end = '\0';
    const char *format = comma ? comma + 1 + strspn(comma + 1, " ") : NULL;
    /* A nested path (`user.firstName`) is no glocal argument name: renamed,
     * and said, since the application must pass the new name. */
    char *dotted = strchr(name, '.') ? xstrdup(name) : NULL;
    for (char *p = name; *p; p++)
        if (*p == '.')
            *p = '_';
    if (dotted)
        imp_warn(x->c, x->file, e->line, "`{{%s}}` in `%s` is renamed `{%s}`: pass the "
                 "argument under that name", dotted, e->path, name);
    free(dotted);
    if (!glocal_name_valid(GLOCAL_NAME_ARGUMENT, name))
        imp_warn(x->c, x->file, e->line, "`{{%s}}` in `%s`: not an argument name glocal "
                 "accepts ([A-Za-z_][A-Za-z0-9_]*)", name, e->path);
    if (format && strchr(format, '('))
        imp_warn(x->c, x->file, e->line, "`%s`: the options of `%s` are not carried over (a "
                 "glocal money argument brings its own currency)", e->path, format);
    if (in_plural && strcmp(name, "count") == 0 && !format)
        sb_putc(out, '#');
    else if (format && strncmp(format, "number", 6) == 0)
        sb_printf(out, "{%s, number}", name);
    else if (format && strncmp(format, "currency", 8) == 0)
        sb_printf(out, "{%s, number, currency}", name);
    else if (format && strncmp(format, "datetime", 8) == 0)
        sb_printf(out, "{%s, date, medium}", name);
    else {
        if (format)
            imp_warn(x->c, x->file, e->line, "`%s`: the i18next format `%s` of {{%s}} is not "
                     "carried over", e->path, format, name);
        sb_printf(out, "{%s}", name);
    }
}

static char *template_of(i18n *x, const entry *e, bool in_plural)
{
    strbuf out = {0}, text = {0};
    for (const char *p = e->text; *p;) {
        /* from p, not p + 2: "{{" cannot hold "}}", and gcc -O2 -fsanitize=address
         * misreads p + 2 as past the end (-Wstringop-overread) */
        const char *close = strncmp(p, "{{", 2) == 0 ? strstr(p, "}}") : NULL;
        if (strncmp(p, "$t(", 3) == 0)
            imp_warn(x->c, x->file, e->line, "`%s` nests another key with $t(...), which "
                     "stays text; glocal shares text through terms ({-name})", e->path);
        if (!close) {
            sb_putc(&text, *p++);
            continue;
        }
        sb_putc(&text, '\0');
        imp_quote(&out, text.p, in_plural);
        text.len = 0;
        char *inner = xstrndup(p + 2, (size_t)(close - p - 2));
        put_arg(x, &out, e, inner, in_plural);
        free(inner);
        p = close + 2;
    }
    sb_putc(&text, '\0');
    imp_quote(&out, text.p, in_plural);
    sb_free(&text);
    sb_putc(&out, '\0');
    out.len--;
    return sb_take(&out);
}

/* ---- messages ---- */

/* The key of a stem with context ctx (NULL: none) in variant_first. */
static char *variant_key(const char *stem, const char *ctx)
{
    strbuf b = {0};
    sb_printf(&b, "%s%s%s", stem, ctx ? "\1" : "", ctx ? ctx : "");
    return sb_take(&b);
}

/* Chains the entries of each stem, and of each stem and context, in file
 * order, so that building a message visits only its own entries. */
static void group(i18n *x)
{
    x->stem_next = xcalloc(x->n + 1, sizeof *x->stem_next);
    x->variant_next = xcalloc(x->n + 1, sizeof *x->variant_next);
    for (size_t i = x->n; i-- > 0;) {
        const entry *e = &x->e[i];
        char *vk = variant_key(e->stem, e->context);
        if (!sm_get(&x->stem_first, e->stem, &x->stem_next[i]))
            x->stem_next[i] = NONE;
        if (!sm_get(&x->variant_first, vk, &x->variant_next[i]))
            x->variant_next[i] = NONE;
        sm_set(&x->stem_first, e->stem, i);
        sm_set(&x->variant_first, vk, i);
        free(vk);
    }
}

/* The template of stem's entries with context ctx (NULL: none): a plural
 * when it has plural forms, else the plain text; NULL when there is none. */
static char *variant_of(i18n *x, const char *stem, const char *ctx, bool *used)
{
    const char *cats[8];
    char *tmpls[8];
    size_t n = 0, i = NONE;
    bool ordinal = false;
    const entry *plain = NULL;
    char *vk = variant_key(stem, ctx);
    sm_get(&x->variant_first, vk, &i);
    free(vk);
    for (; i != NONE; i = x->variant_next[i]) {
        entry *e = &x->e[i];
        if (strcmp(e->stem, stem) != 0 || (ctx ? !e->context || strcmp(e->context, ctx)
                                               : e->context != NULL))
            continue; /* a key that only looks alike ("a\1b" is a stem too) */
        used[i] = true;
        if (!e->cat)
            plain = e;
        else if (n < 8) {
            cats[n] = e->cat;
            ordinal = e->ordinal;
            tmpls[n++] = template_of(x, e, true);
        }
    }
    if (!n)
        return plain ? template_of(x, plain, false) : NULL;
    bool other = false;
    for (size_t i = 0; i < n; i++)
        other = other || strcmp(cats[i], "other") == 0;
    if (plain && n < 8) /* v3: the key itself is the singular */
        cats[n] = other ? "one" : "other", tmpls[n++] = template_of(x, plain, true);
    char *t = imp_plural("count", ordinal, x->cats[ordinal], cats, (const char *const *)tmpls, n);
    for (size_t i = 0; i < n; i++)
        free(tmpls[i]);
    return t;
}

static bool is_formality(const char *ctx)
{
    return ctx && (!strcmp(ctx, "formal") || !strcmp(ctx, "informal") ||
                   !strcmp(ctx, "honorific"));
}

/* Contexts other than formality: {context, select, a {...} other {...}}. */
static char *with_select(i18n *x, const entry *first, char *plain, bool *used)
{
    strbuf b = {0};
    bool any = false, had_plain = plain != NULL;
    sb_puts(&b, "{context, select,");
    size_t i = NONE;
    sm_get(&x->stem_first, first->stem, &i);
    for (; i != NONE; i = x->stem_next[i]) {
        entry *e = &x->e[i];
        if (used[i] || strcmp(e->stem, first->stem) != 0 || !e->context ||
            is_formality(e->context))
            continue;
        char *t = variant_of(x, e->stem, e->context, used);
        sb_printf(&b, " %s {%s}", e->context, t);
        if (!plain && !any)
            plain = xstrdup(t);
        free(t);
        any = true;
    }
    if (!any) {
        sb_free(&b);
        return plain;
    }
    if (!had_plain)
        imp_warn(x->c, x->file, first->line, "`%s` has contexts but no text without one; the "
                 "first context's text serves as `other`", first->stem);
    sb_printf(&b, " other {%s}}", plain);
    free(plain);
    return sb_take(&b);
}

static void put_message(i18n *x, size_t i, bool *used)
{
    const entry *first = &x->e[i];
    char *id = imp_message_id(first->stem);
    char *other = with_select(x, first, variant_of(x, first->stem, NULL, used), used);
    if (other)
        imp_put(x->c, x->locale, id, "other", other, NULL);
    static const char *const formality[] = {"formal", "informal", "honorific"};
    for (int f = 0; f < 3; f++) {
        char *t = variant_of(x, first->stem, formality[f], used);
        if (t && !other)
            imp_warn(x->c, x->file, first->line, "`%s` has a `%s` text but none without a "
                     "context; the bundle needs `other`", first->stem, formality[f]);
        if (t)
            imp_put(x->c, x->locale, id, formality[f], t, NULL);
        free(t);
    }
    free(other);
    free(id);
}

/* ---- files ---- */

/* A name that reads as a locale: a 2- or 3-letter language first. */
static bool plausible(const char *name)
{
    size_t lang = strcspn(name, "-_");
    char *canonical = NULL;
    bool ok = lang >= 2 && lang <= 3 &&
              glocal_locale_canonicalize(name, &canonical, NULL) == GLOCAL_OK;
    glocal_free(canonical);
    return ok;
}

/* locales/de/common.json -> de, namespace common (translation: none);
 * de.json -> de. */
static bool locale_of(imp_catalog *c, const char *file, char *tag, char *ns, size_t cap)
{
    const char *slash = strrchr(file, '/'), *base = slash ? slash + 1 : file;
    char stem[256], dir[256] = "";
    snprintf(stem, sizeof stem, "%.*s", (int)strcspn(base, "."), base);
    if (slash) {
        const char *d = slash;
        while (d > file && d[-1] != '/')
            d--;
        snprintf(dir, sizeof dir, "%.*s", (int)(slash - d), d);
    }
    *ns = '\0';
    if (plausible(dir)) {
        snprintf(ns, cap, "%s", strcmp(stem, "translation") == 0 ? "" : stem);
        return bundle_locale(c->cmd, file, dir, tag) == CONTINUE;
    }
    return plausible(stem) && bundle_locale(c->cmd, file, stem, tag) == CONTINUE;
}

static void import_entries(i18n *x, const char *ns)
{
    classify(x);
    bool *used = xcalloc(x->n + 1, sizeof *used);
    for (size_t i = 0; i < x->n; i++) {
        if (*ns) {
            char *s = x->e[i].stem;
            strbuf b = {0};
            sb_printf(&b, "%s.%s", ns, s);
            x->e[i].stem = sb_take(&b);
            free(s);
        }
    }
    group(x);
    for (size_t i = 0; i < x->n; i++)
        if (!used[i])
            put_message(x, i, used);
    free(used);
}

static void import_tree(imp_catalog *c, const char *file, const char *text, const char *tag,
                        const char *ns, json_object *root)
{
    i18n x = {.c = c, .file = file, .text = text, .cursor_line = 1,
              .locale = strcmp(tag, c->base_lang) == 0 ? "base" : tag};
    x.cats[0] = plural_categories(tag, false);
    x.cats[1] = plural_categories(tag, true);
    flatten(&x, "", root);
    if (!x.refused)
        import_entries(&x, ns);
    for (size_t i = 0; i < x.n; i++) {
        free(x.e[i].path);
        free(x.e[i].stem);
        free(x.e[i].context);
    }
    free(x.e);
    free(x.cats[0]);
    free(x.cats[1]);
    sm_free(&x.stems);
    sm_free(&x.stem_first);
    sm_free(&x.variant_first);
    free(x.stem_next);
    free(x.variant_next);
}

static void import_file(imp_catalog *c, const char *file)
{
    char tag[LOCALE_MAX], ns[256];
    if (!locale_of(c, file, tag, ns, sizeof ns)) {
        imp_warn(c, file, 0, "neither the file name nor its directory names a locale (de.json, "
                 "locales/de/translation.json); skipped");
        return;
    }
    size_t len;
    char *text = imp_read_file(c, file, &len);
    if (!text)
        return;
    /* json-c refuses nesting at its depth, the YAML limit one level past */
    json_tokener *tok = json_tokener_new_ex((int)YD_MAX_DEPTH + 1);
    json_object *root = json_tokener_parse_ex(tok, text, (int)len); /* len: 32 MiB at most */
    enum json_tokener_error jerr = json_tokener_get_error(tok);
    unsigned at = imp_line_at(text, json_tokener_get_parse_end(tok));
    if (!root && jerr == json_tokener_error_depth)
        imp_error(c, file, at, "nesting deeper than the limit of %u (docs/limits.md); nothing "
                  "imported", YD_MAX_DEPTH);
    else if (!root || json_object_get_type(root) != json_type_object)
        imp_warn(c, file, at, "%s; nothing imported from it",
                 root ? "the top level is not an object" : json_tokener_error_desc(jerr));
    else
        import_tree(c, file, text, tag, ns, root);
    json_object_put(root);
    json_tokener_free(tok);
    free(text);
}

int cmd_import_i18next(int argc, char **argv)
{
    imp_catalog c = {.cmd = "import-i18next"};
    return imp_run(&c, argc, argv, usage_i18next, import_file);
}
