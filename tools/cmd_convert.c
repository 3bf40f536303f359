/* glocal convert --to mf2 DIR --out DIR2: the catalog in DIR with every MF1
 * template rewritten as MF2 (mf2_convert.c), each bundle written with
 * `syntax: mf2` and its other keys as they were.  All or nothing: a
 * template that cannot be converted is reported with FILE:LINE and nothing
 * is written; the new catalog is linted before it is written (bundles_write),
 * so what is written is a catalog glocal opens. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <yaml.h>

#include "glocal.h"

#include "bundle_write.h"
#include "cli.h"
#include "commands.h"
#include "mf2_convert.h"
#include "strmap.h"
#include "yaml_doc.h"

static const char usage_convert[] =
    "usage: glocal convert --to mf2 DIR --out DIR2\n"
    "\n"
    "Writes the catalog in DIR to DIR2 with every template rewritten as\n"
    "MessageFormat 2 (docs/mf2.md has the table): each bundle gets `syntax: mf2`,\n"
    "its other keys are kept as they were.  DIR2 must not exist or be empty.\n"
    "Bundles already in MF2 are copied as they are.\n"
    "\n"
    "  --to mf2     the syntax to write (mf2 is the only one)\n"
    "  --out DIR2   where the converted catalog goes\n"
    "\n"
    "Exit status: 0 written, 1 DIR does not open or a template cannot be\n"
    "converted (each named, FILE:LINE; nothing written), 2 usage error or\n"
    "unreadable input, 3 the converted catalog would have lint errors (each\n"
    "named; nothing written).\n";

typedef struct convert_opts {
    const char *to, *out, *dir;
} convert_opts;

static const cli_opt convert_table[] = {{"to", true}, {"out", true}, {NULL, false}};

static int convert_opt(void *ud, int index, const char *value)
{
    convert_opts *o = ud;
    switch (index) {
    case -1:
        return take_dir("convert", &o->dir, value);
    case 0:
        if (strcmp(value, "mf2") != 0)
            return usage_error("convert", "cannot convert to `%s` (mf2 is the only target)",
                               value);
        o->to = value;
        return CONTINUE;
    default:
        o->out = value;
        return CONTINUE;
    }
}

/* CONTINUE when out is missing or an empty directory: a conversion never
 * writes over a catalog. */
static int check_out(const char *out)
{
    DIR *d = opendir(out);
    if (!d && errno == ENOENT)
        return CONTINUE;
    if (!d) {
        fprintf(stderr, "glocal convert: cannot use %s: %s\n", out, strerror(errno));
        return EXIT_USAGE;
    }
    bool empty = true;
    for (const struct dirent *e; empty && (e = readdir(d));)
        empty = strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0;
    closedir(d);
    if (empty)
        return CONTINUE;
    fprintf(stderr, "glocal convert: %s is not empty; give a new directory (nothing is "
            "written over)\n", out);
    return EXIT_USAGE;
}

/* ---- one bundle ---- */

typedef struct bundle {
    char *name;                /* "de.yaml" */
    char *path;                /* DIR/de.yaml */
    yd_file file;
    strbuf text;               /* as written */
} bundle;

/* Converts the template in scalar v (message id, variant key) in place;
 * a template that cannot be converted is said and counted in *failures. */
static void convert_template(const bundle *b, yd_node *v, const char *id, const char *key,
                             size_t *failures)
{
    strbuf mf2 = {0};
    char why[512];
    unsigned col;
    if (!mf2_convert(v->str, &mf2, why, sizeof why, &col)) {
        fprintf(stderr, "glocal convert: %s:%u: `%s` (%s): cannot convert: %s", b->path, v->line,
                id, key, why);
        if (col)
            fprintf(stderr, " (column %u of the template)", col);
        fputc('\n', stderr);
        (*failures)++;
        sb_free(&mf2);
        return;
    }
    free(v->str);
    v->str = sb_take(&mf2);
    /* A matcher reads best a variant a line. */
    v->style = strchr(v->str, '\n') ? YAML_LITERAL_SCALAR_STYLE : YAML_DOUBLE_QUOTED_SCALAR_STYLE;
}

static void convert_messages(const bundle *b, yd_node *msgs, size_t *failures)
{
    for (size_t i = 0; msgs && msgs->kind == YD_MAP && i < yd_len(msgs); i++) {
        const char *id = msgs->items[2 * i]->str;
        yd_node *m = msgs->items[2 * i + 1];
        if (m->kind == YD_SCALAR) {
            convert_template(b, m, id, "other", failures);
            continue;
        }
        for (size_t j = 0; m->kind == YD_MAP && j < yd_len(m); j++)
            if (m->items[2 * j]->str[0] != '_' && m->items[2 * j + 1]->kind == YD_SCALAR)
                convert_template(b, m->items[2 * j + 1], id, m->items[2 * j]->str, failures);
    }
}

/* `syntax: mf2` right after `glocal: 1`, where a reader looks for it. */
static void mark_mf2(yd_node *root)
{
    yd_set(root, "syntax", yd_plain("mf2"));
    size_t last = yd_len(root) - 1, at = 0;
    while (at < last && strcmp(root->items[2 * at]->str, "glocal") != 0)
        at++;
    at = at < last ? at + 1 : last;
    yd_node *k = root->items[2 * last], *v = root->items[2 * last + 1];
    memmove(&root->items[2 * at + 2], &root->items[2 * at], 2 * (last - at) * sizeof *root->items);
    root->items[2 * at] = k;
    root->items[2 * at + 1] = v;
    if (root->index) { /* positions moved: the lookup index is rebuilt on demand */
        sm_free(root->index);
        free(root->index);
        root->index = NULL;
        root->indexed = 0;
    }
}

static bool is_mf2(const yd_node *root)
{
    return yd_same(yd_get(root, "syntax"), "mf2");
}

static bool load_bundle(bundle *b, size_t *failures)
{
    char err[512];
    if (!yd_load(b->path, &b->file, err, sizeof err) ||
        !yd_writable(&b->file, b->path, err, sizeof err)) {
        fprintf(stderr, "glocal convert: %s\n", err);
        return false;
    }
    if (!is_mf2(b->file.root)) {
        convert_messages(b, yd_get(b->file.root, "messages"), failures);
        mark_mf2(b->file.root);
    }
    if (!yd_render(b->file.root, b->file.header, &b->text)) {
        fprintf(stderr, "glocal convert: cannot write %s: libyaml's emitter failed\n", b->name);
        return false;
    }
    return true;
}

/* ---- the catalog ---- */

static int compare_bundles(const void *a, const void *b)
{
    return strcmp(((const bundle *)a)->name, ((const bundle *)b)->name);
}

/* The bundles of dir as the library finds them: regular `*.yaml` files. */
static bundle *list_bundles(const char *dir, size_t *n)
{
    DIR *d = opendir(dir);
    bundle *list = NULL;
    *n = 0;
    for (const struct dirent *e; d && (e = readdir(d));) {
        size_t len = strlen(e->d_name);
        if (e->d_name[0] == '.' || len <= 5 || strcmp(e->d_name + len - 5, ".yaml") != 0)
            continue;
        strbuf p = {0};
        sb_printf(&p, "%s/%s", dir, e->d_name);
        struct stat st;
        if (stat(p.p, &st) != 0 || !S_ISREG(st.st_mode)) {
            sb_free(&p);
            continue;
        }
        list = xrealloc(list, (*n + 1) * sizeof *list);
        memset(&list[*n], 0, sizeof *list);
        list[*n].name = xstrdup(e->d_name);
        list[(*n)++].path = sb_take(&p);
    }
    if (d)
        closedir(d);
    qsort(list, *n, sizeof *list, compare_bundles);
    return list;
}

static int convert_catalog(const char *dir, const char *out)
{
    size_t n;
    bundle *b = list_bundles(dir, &n);
    int rc = EXIT_OK;
    size_t failures = 0;
    for (size_t i = 0; i < n; i++)
        if (!load_bundle(&b[i], &failures))
            rc = EXIT_USAGE;
    if (rc == EXIT_OK && failures) {
        fprintf(stderr, "glocal convert: nothing written: %zu template%s cannot be converted\n",
                failures, failures == 1 ? "" : "s");
        rc = EXIT_FAILED;
    }
    if (rc == EXIT_OK) {
        bundle_text *t = xcalloc(n ? n : 1, sizeof *t);
        for (size_t i = 0; i < n; i++)
            t[i] = (bundle_text){b[i].name, b[i].text.p ? b[i].text.p : "", b[i].text.len};
        rc = bundles_write("convert", out, t, n);
        free(t);
    }
    for (size_t i = 0; i < n; i++) {
        if (rc == EXIT_OK)
            yd_warn_lost_comments("convert", b[i].path, &b[i].file);
        yd_file_free(&b[i].file);
        sb_free(&b[i].text);
        free(b[i].name);
        free(b[i].path);
    }
    free(b);
    if (rc == EXIT_OK)
        printf("converted %zu bundle%s of %s into %s\n", n, n == 1 ? "" : "s", dir, out);
    return rc;
}

int cmd_convert(int argc, char **argv)
{
    convert_opts o = {0};
    int rc = parse_args("convert", argc, argv, convert_table, usage_convert, convert_opt, &o);
    if (rc != CONTINUE)
        return rc;
    if (!o.dir || !o.to || !o.out)
        return usage_error("convert", "needs --to mf2, DIR and --out DIR2");
    glocal_catalog *c = NULL;
    if ((rc = open_catalog("convert", o.dir, &c)) != CONTINUE)
        return rc;
    glocal_catalog_unref(c);
    if ((rc = check_out(o.out)) != CONTINUE)
        return rc;
    return convert_catalog(o.dir, o.out);
}
