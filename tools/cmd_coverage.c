/* glocal coverage [--format text|json] DIR: for every locale, how many of
 * base's messages its fallback chain translates, which are missing and which
 * variants exist.  Reads the chains from the internal model: the public API
 * does not offer them. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "glocal.h"

#include "catalog.h"
#include "chain.h"
#include "cli.h"
#include "commands.h"
#include "json_out.h"

static const char usage_coverage[] =
    "usage: glocal coverage [--format text|json] DIR\n"
    "\n"
    "For every locale of the catalog in DIR: how many of base's messages its\n"
    "fallback chain translates (locked messages are not counted: they always\n"
    "come from base), which are missing, and which variants exist.\n";

typedef struct cov_msg {
    const gl_message *m;
    size_t first;              /* chain position that decides the text (docs/resolution.md) */
    size_t nkeys;              /* variant keys of the merged map */
} cov_msg;

typedef struct key_list {
    const char **items;
    size_t n, cap;
    bool oom;
} key_list;

typedef struct coverage {
    const glocal_catalog *c;
    const gl_bundle *b;        /* the locale reported on */
    uint32_t chain[GL_MAX_CHAIN];
    size_t nchain;
    size_t translated, total, nvariants;
    cov_msg *msgs;             /* per base message */
    key_list keys;             /* scratch */
} coverage;

static void add_key(key_list *k, const char *key)
{
    for (size_t i = 0; i < k->n; i++)
        if (strcmp(k->items[i], key) == 0)
            return;
    if (k->n == k->cap) {
        size_t cap = k->cap ? 2 * k->cap : 16;
        const char **items = realloc(k->items, cap * sizeof(*items));
        if (!items) {
            k->oom = true;
            return;
        }
        k->items = items;
        k->cap = cap;
    }
    k->items[k->n++] = key;
}

/* The keys of message mi's map as the chain merges it: the deciding bundle's,
 * then those of later bundles in the same language, up to a scalar. */
static void merged_keys(coverage *cv, uint32_t mi)
{
    const glocal_catalog *c = cv->c;
    size_t first = cv->msgs[mi].first;
    const char *lang = c->bundles[cv->chain[first]].lang_script;
    cv->keys.n = 0;
    for (size_t pos = first; pos < cv->nchain; pos++) {
        const gl_bundle *o = &c->bundles[cv->chain[pos]];
        const gl_msgdef *def = o->msgs[mi];
        if (!def || (pos != first && strcmp(o->lang_script, lang) != 0))
            continue;
        for (size_t k = 0; k < def->nv; k++)
            add_key(&cv->keys, def->v[k].key);
        if (def->scalar)
            break;
    }
}

/* The first bundle of the chain defining the message (base for a locked one). */
static size_t deciding_bundle(const coverage *cv, uint32_t mi)
{
    size_t last = cv->nchain - 1;
    if (cv->c->messages[mi].locked)
        return last;
    for (size_t pos = 0; pos < last; pos++)
        if (cv->c->bundles[cv->chain[pos]].msgs[mi])
            return pos;
    return last;
}

static bool translated(const coverage *cv, uint32_t mi)
{
    return cv->chain[cv->msgs[mi].first] != 0;
}

static void cover_locale(coverage *cv, const gl_bundle *b)
{
    const glocal_catalog *c = cv->c;
    cv->b = b;
    cv->nchain = gl_bundle_chain(c, b, cv->chain, GL_MAX_CHAIN);
    cv->translated = cv->total = cv->nvariants = 0;
    for (uint32_t i = 0; i < c->nmessages; i++) {
        cov_msg *cm = &cv->msgs[i];
        cm->m = &c->messages[i];
        cm->first = deciding_bundle(cv, i);
        merged_keys(cv, i);
        cm->nkeys = cv->keys.n;
        cv->nvariants += cm->nkeys;
        if (cm->m->locked)
            continue;
        cv->total++;
        cv->translated += translated(cv, i);
    }
}

static void print_chain(const coverage *cv, const char *sep)
{
    for (size_t i = 0; i < cv->nchain; i++)
        printf("%s%s", i ? sep : "", cv->c->bundles[cv->chain[i]].locale);
}

/* The untranslated messages after `lead`, comma-separated. */
static size_t print_missing(const coverage *cv, const char *lead, bool json)
{
    size_t n = 0;
    for (uint32_t i = 0; i < cv->c->nmessages; i++) {
        if (cv->msgs[i].m->locked || translated(cv, i))
            continue;
        fputs(n++ ? ", " : lead, stdout);
        if (json)
            json_string(stdout, cv->msgs[i].m->id);
        else
            fputs(cv->msgs[i].m->id, stdout);
    }
    return n;
}

static void cover_text(const coverage *cv)
{
    printf("%-12s %4zu/%-4zu %3zu%%  %8zu  ", cv->b->locale, cv->translated, cv->total,
           cv->total ? cv->translated * 100 / cv->total : 100, cv->nvariants);
    print_chain(cv, " > ");
    putchar('\n');
    if (print_missing(cv, "             missing: ", false))
        putchar('\n');
}

static void json_keys(const key_list *k)
{
    fputs("[", stdout);
    for (size_t i = 0; i < k->n; i++) {
        fputs(i ? ", " : "", stdout);
        json_string(stdout, k->items[i]);
    }
    fputs("]", stdout);
}

static void cover_json(coverage *cv, bool first)
{
    const glocal_catalog *c = cv->c;
    printf("%s\n    {\"locale\": ", first ? "" : ",");
    json_string(stdout, cv->b->locale);
    fputs(", \"chain\": [\"", stdout);
    print_chain(cv, "\", \"");
    printf("\"], \"translated\": %zu, \"total\": %zu, \"missing\": [", cv->translated,
           cv->total);
    print_missing(cv, "", true);
    fputs("],\n     \"messages\": {", stdout);
    for (uint32_t i = 0; i < c->nmessages; i++) {
        const cov_msg *cm = &cv->msgs[i];
        printf("%s\n       ", i ? "," : "");
        json_string(stdout, cm->m->id);
        fputs(": {\"from\": ", stdout);
        json_string(stdout, c->bundles[cv->chain[cm->first]].locale);
        printf(", \"translated\": %s, \"locked\": %s, \"variants\": ",
               translated(cv, i) ? "true" : "false", cm->m->locked ? "true" : "false");
        merged_keys(cv, i);
        json_keys(&cv->keys);
        fputs("}", stdout);
    }
    fputs("}}", stdout);
}

/* Returns false when memory ran out. */
static bool print_coverage(coverage *cv, bool json)
{
    const glocal_catalog *c = cv->c;
    if (json)
        printf("{\"base_language\": \"%s\", \"messages\": %zu, \"locales\": [", c->language,
               c->nmessages);
    else
        printf("%-12s %9s %4s  %8s  %s\n", "LOCALE", "TRANSLATED", "", "VARIANTS", "CHAIN");
    for (size_t i = 1; i < c->nbundles && !cv->keys.oom; i++) {
        cover_locale(cv, &c->bundles[i]);
        if (json)
            cover_json(cv, i == 1);
        else
            cover_text(cv);
    }
    if (json)
        fputs("\n  ]\n}\n", stdout);
    return !cv->keys.oom;
}

typedef struct coverage_opts {
    const char *dir;
    bool json;
} coverage_opts;

static int coverage_opt(void *ud, int index, const char *value)
{
    coverage_opts *o = ud;
    if (index < 0)
        return take_dir("coverage", &o->dir, value);
    if (strcmp(value, "text") != 0 && strcmp(value, "json") != 0)
        return usage_error("coverage", "unknown format `%s` (text or json)", value);
    o->json = strcmp(value, "json") == 0;
    return CONTINUE;
}

int cmd_coverage(int argc, char **argv)
{
    static const cli_opt table[] = {{"format", true}, {NULL, false}};
    coverage_opts o = {0};
    glocal_catalog *c = NULL;
    int rc = parse_args("coverage", argc, argv, table, usage_coverage, coverage_opt, &o);
    if (rc == CONTINUE && !o.dir)
        rc = usage_error("coverage", "which catalog directory?");
    if (rc == CONTINUE)
        rc = open_catalog("coverage", o.dir, &c);
    if (rc != CONTINUE)
        return rc;
    coverage cv = {.c = c, .msgs = calloc(c->nmessages + 1, sizeof(cov_msg))};
    bool ok = cv.msgs && print_coverage(&cv, o.json);
    if (!ok)
        fputs("glocal coverage: out of memory\n", stderr);
    free(cv.msgs);
    free(cv.keys.items);
    glocal_catalog_unref(c);
    return ok ? EXIT_OK : EXIT_USAGE;
}
