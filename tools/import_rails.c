/* glocal import-rails YML... --out DIR: Rails i18n YAML (config/locales) to
 * glocal bundles.  Nested keys become dotted message ids; a map of plural
 * categories (`one:`, `other:`, `zero:` ...) becomes an ICU plural on
 * `count`; `%{name}` and `%<name>s` become `{name}`, `%<n>d` `{n, number}`,
 * `%{count}` inside a plural `#`.  Read with libyaml (yaml_doc.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bundle_write.h"
#include "cli.h"
#include "commands.h"
#include "importer.h"

static const char usage_rails[] =
    "usage: glocal import-rails YML... --out DIR [--base-language TAG]\n"
    "\n"
    "Turns Rails i18n YAML files (en: {cart: {title: ...}}) into the glocal\n"
    "catalog DIR: the base language's strings (default en) into base.yaml,\n"
    "every other locale into LOCALE.yaml.  Keys become dotted message ids\n"
    "(cart.title), plural maps ICU plurals, %{name} {name}.  Bundles already in\n"
    "DIR are merged into.  What cannot be carried over (lists, unknown\n"
    "interpolations) is reported with its file and line.\n"
    "\n"
    IMPORTER_EXIT_STATUS;

typedef struct rails {
    imp_catalog *c;
    const char *file;
    const char *locale;       /* "base" or a tag */
    const char *tag;          /* the locale's tag, also for base */
} rails;

/* %{name}, %<name>s, %<n>d, %<n>.2f, %% -> ICU; the rest is text. */
static char *rails_template(rails *r, const yd_node *v, bool in_plural)
{
    strbuf out = {0}, text = {0};
    for (const char *p = v->str; *p;) {
        const char *close = NULL;
        if (p[0] == '%' && p[1] == '%') {
            sb_putc(&text, '%');
            p += 2;
            continue;
        }
        if (p[0] == '%' && (p[1] == '{' || p[1] == '<'))
            close = strchr(p + 2, p[1] == '{' ? '}' : '>');
        if (!close) {
            sb_putc(&text, *p++);
            continue;
        }
        char *name = xstrndup(p + 2, (size_t)(close - p - 2));
        p = close + 1;
        bool number = false;
        if (close[0] == '>') { /* a format after %<name>: s, d, .2f ... */
            size_t n = strspn(p, "-+ 0#.123456789");
            number = p[n] && strchr("dfieEgGxXbo", p[n]);
            if (n || (p[n] && p[n] != 's'))
                imp_warn(r->c, r->file, v->line, "`%%<%s>%.*s`: the printf format is not "
                         "carried over; glocal writes the number in the reader's locale", name,
                         (int)(n + (p[n] != 0)), p);
            p += n + (p[n] != 0);
        }
        imp_quote(&out, text.p ? text.p : "", in_plural);
        text.len = 0;
        if (text.p)
            text.p[0] = '\0';
        if (!glocal_name_valid(GLOCAL_NAME_ARGUMENT, name))
            imp_warn(r->c, r->file, v->line, "`%s` is not an argument name glocal accepts; "
                     "rename it ([A-Za-z_][A-Za-z0-9_]*)", name);
        if (in_plural && strcmp(name, "count") == 0)
            sb_putc(&out, '#');
        else
            sb_printf(&out, number ? "{%s, number}" : "{%s}", name);
        free(name);
    }
    imp_quote(&out, text.p ? text.p : "", in_plural);
    sb_free(&text);
    sb_putc(&out, '\0');
    out.len--;
    return sb_take(&out);
}

/* A map whose keys are all plural categories, `other` or `one` among them. */
static bool plural_map(const yd_node *m)
{
    bool key = false;
    for (size_t i = 0; i < m->n; i += 2) {
        if (m->items[i]->kind != YD_SCALAR || m->items[i + 1]->kind != YD_SCALAR ||
            !imp_is_category(m->items[i]->str))
            return false;
        key = key || !strcmp(m->items[i]->str, "other") || !strcmp(m->items[i]->str, "one");
    }
    return key && m->n;
}

static void put_plural(rails *r, const char *id, const yd_node *m)
{
    size_t n = m->n / 2, k = 0;
    const char **cats = xcalloc(n + 1, sizeof *cats);
    char **tmpls = xcalloc(n + 1, sizeof *tmpls);
    char *have = plural_categories(r->tag, false);
    const char *other = NULL;
    for (size_t i = 0; i < m->n; i += 2) {
        const char *cat = m->items[i]->str;
        cats[k] = cat;
        tmpls[k] = rails_template(r, m->items[i + 1], true);
        if (!strcmp(cat, "other"))
            other = tmpls[k];
        k++;
    }
    if (!other) { /* ICU needs other: Rails falls back to `one` */
        imp_warn(r->c, r->file, m->line, "`%s` has no `other`; its `one` text serves as `other`",
                 id);
        cats[k] = "other";
        tmpls[k] = xstrdup(tmpls[0]);
        k++;
    }
    char *t = imp_plural("count", false, have, cats, (const char *const *)tmpls, k);
    imp_put(r->c, r->locale, id, "other", t, NULL);
    free(t);
    for (size_t i = 0; i < k; i++)
        free(tmpls[i]);
    free(tmpls);
    free(cats);
    free(have);
}

/* YAML allows a list or a map as a key (`? [a, b]: text`); Rails keys are text. */
static bool text_key(imp_catalog *c, const char *file, const yd_node *k)
{
    if (k->kind != YD_SCALAR)
        imp_warn(c, file, k->line, "a key that is not text (a list or a map); "
                 "skipped");
    return k->kind == YD_SCALAR;
}

static void walk(rails *r, const char *prefix, const yd_node *m)
{
    for (size_t i = 0; i + 1 < m->n; i += 2) {
        const yd_node *k = m->items[i], *v = m->items[i + 1];
        if (!text_key(r->c, r->file, k))
            continue;
        strbuf key = {0};
        sb_printf(&key, "%s%s%s", prefix, *prefix ? "." : "", k->str);
        char *path = sb_take(&key), *id = imp_message_id(path);
        if (v->kind == YD_MAP && plural_map(v))
            put_plural(r, id, v);
        else if (v->kind == YD_MAP)
            walk(r, path, v);
        else if (v->kind == YD_SEQ)
            imp_warn(r->c, r->file, v->line, "`%s` is a list (Rails uses them for day and "
                     "month names); glocal has no lists, and writes dates with CLDR's names",
                     path);
        else {
            char *t = rails_template(r, v, false);
            imp_put(r->c, r->locale, id, "other", t, NULL);
            free(t);
        }
        free(path);
        free(id);
    }
}

static void import_file(imp_catalog *c, const char *file)
{
    yd_file f;
    char err[512];
    if (!yd_load(file, &f, err, sizeof err)) {
        /* err: "FILE:LINE:COL: what" */
        const char *what = strstr(err + strlen(file), ": ");
        if (f.over_limit && what) { /* hostile rather than broken: the import is refused */
            char *where = xstrndup(err, (size_t)(what - err));
            imp_error(c, where, 0, "%s; nothing imported from it", what + 2);
            free(where);
        } else if (f.over_limit) {
            imp_error(c, file, 0, "%s; nothing imported from it", err);
        } else
            imp_warn(c, file, 0, "%s; nothing imported from it", err);
        return;
    }
    for (size_t i = 0; i + 1 < f.root->n; i += 2) {
        const yd_node *k = f.root->items[i], *v = f.root->items[i + 1];
        char tag[LOCALE_MAX];
        if (!text_key(c, file, k))
            continue;
        if (v->kind != YD_MAP || bundle_locale(c->cmd, file, k->str, tag) != CONTINUE) {
            imp_warn(c, file, k->line, "`%s` is not a locale with a map of keys; skipped",
                     k->str);
            continue;
        }
        rails r = {c, file, strcmp(tag, c->base_lang) == 0 ? "base" : tag, tag};
        walk(&r, "", v);
    }
    yd_file_free(&f);
}

int cmd_import_rails(int argc, char **argv)
{
    imp_catalog c = {.cmd = "import-rails"};
    return imp_run(&c, argc, argv, usage_rails, import_file);
}
