/* glocal coverage [--format text|json] DIR: for every locale, how many of
 * base's messages its fallback chain translates, which are missing and which
 * variants exist, and what lint finds against the house standards.  The
 * variants of a message are those the locale ends up with
 * (glocal_catalog_variants): the first names the bundle that decides its
 * text. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "glocal.h"

#include "cli.h"
#include "commands.h"
#include "json_out.h"

static const char usage_coverage[] =
    "usage: glocal coverage [--format text|json] DIR\n"
    "\n"
    "For every locale of the catalog in DIR: how many of base's messages its\n"
    "fallback chain translates (locked messages are not counted: they always\n"
    "come from base), which are missing, which variants exist, and how many\n"
    "lint findings its texts have against the house standards (standards:).\n";

/* The rules of docs/standards.md, in the registry's order. */
static const char *const standards_rules[] = {"glossary",   "forbidden-term", "emoji-policy",
                                              "punctuation-policy", "requires", "typography"};
#define NSTANDARDS (sizeof standards_rules / sizeof *standards_rules)

typedef struct cov_msg {
    const glocal_message *m;
    glocal_variants *vs;       /* what the locale ends up with */
} cov_msg;

typedef struct coverage {
    const glocal_catalog *c;
    const char *locale;        /* the locale reported on */
    glocal_chain *chain;
    size_t translated, total, nvariants;
    cov_msg *msgs;             /* base's messages in base.yaml's order */
    size_t nmsgs;
    glocal_findings *lint;     /* the catalog's lint findings; NULL when lint failed */
    size_t standards[NSTANDARDS]; /* the locale's findings per standards rule */
} coverage;

/* The messages in the order base.yaml writes them. */
static void list_messages(coverage *cv)
{
    const glocal_message **list = messages_in_file_order(cv->c, &cv->nmsgs);
    cv->msgs = xcalloc(cv->nmsgs, sizeof *cv->msgs);
    for (size_t i = 0; i < cv->nmsgs; i++)
        cv->msgs[i].m = list[i];
    free(list);
}

/* The bundle that decides the text: the first variant's. */
static const char *deciding_bundle(const cov_msg *cm)
{
    return glocal_variant_bundle(glocal_variants_at(cm->vs, 0));
}

static bool translated(const cov_msg *cm)
{
    return strcmp(deciding_bundle(cm), "base") != 0;
}

static void release_locale(coverage *cv)
{
    for (size_t i = 0; i < cv->nmsgs; i++) {
        glocal_variants_free(cv->msgs[i].vs);
        cv->msgs[i].vs = NULL;
    }
    glocal_chain_free(cv->chain);
    cv->chain = NULL;
}

/* The locale's lint findings under each standards rule (a text a locale
 * serves from an ancestor counts for the locale that serves it). */
static void count_standards(coverage *cv)
{
    memset(cv->standards, 0, sizeof cv->standards);
    for (size_t i = 0; cv->lint && i < glocal_findings_count(cv->lint); i++) {
        const glocal_finding *x = glocal_findings_at(cv->lint, i);
        const char *loc = glocal_finding_locale(x);
        for (size_t r = 0; loc && r < NSTANDARDS && strcmp(loc, cv->locale) == 0; r++)
            cv->standards[r] += strcmp(glocal_finding_rule(x), standards_rules[r]) == 0;
    }
}

/* False when the library could not read the locale (out of memory). */
static bool cover_locale(coverage *cv, const char *locale)
{
    release_locale(cv);
    cv->locale = locale;
    cv->translated = cv->total = cv->nvariants = 0;
    if (glocal_catalog_chain(cv->c, locale, &cv->chain, NULL) != GLOCAL_OK)
        return false;
    for (size_t i = 0; i < cv->nmsgs; i++) {
        cov_msg *cm = &cv->msgs[i];
        if (glocal_catalog_variants(cv->c, locale, glocal_message_id(cm->m), &cm->vs, NULL) !=
            GLOCAL_OK)
            return false;
        cv->nvariants += glocal_variants_count(cm->vs);
        if (glocal_message_locked(cm->m))
            continue;
        cv->total++;
        cv->translated += translated(cm);
    }
    count_standards(cv);
    return true;
}

static void print_chain(const coverage *cv, const char *sep)
{
    for (size_t i = 0; i < glocal_chain_count(cv->chain); i++)
        printf("%s%s", i ? sep : "", glocal_chain_bundle(cv->chain, i));
}

/* The untranslated messages after `lead`, comma-separated. */
static size_t print_missing(const coverage *cv, const char *lead, bool json)
{
    size_t n = 0;
    for (size_t i = 0; i < cv->nmsgs; i++) {
        const cov_msg *cm = &cv->msgs[i];
        if (glocal_message_locked(cm->m) || translated(cm))
            continue;
        fputs(n++ ? ", " : lead, stdout);
        if (json)
            json_string(stdout, glocal_message_id(cm->m));
        else
            fputs(glocal_message_id(cm->m), stdout);
    }
    return n;
}

/* "clean", or "3 findings (glossary 1, typography 2)". */
static void print_standards(const coverage *cv)
{
    size_t total = 0;
    for (size_t r = 0; r < NSTANDARDS; r++)
        total += cv->standards[r];
    if (!total) {
        fputs("clean", stdout);
        return;
    }
    printf("%zu finding%s (", total, total == 1 ? "" : "s");
    for (size_t r = 0, n = 0; r < NSTANDARDS; r++)
        if (cv->standards[r])
            printf("%s%s %zu", n++ ? ", " : "", standards_rules[r], cv->standards[r]);
    putchar(')');
}

static void cover_text(const coverage *cv)
{
    printf("%-12s %4zu/%-4zu %3zu%%  %8zu  ", cv->locale, cv->translated, cv->total,
           cv->total ? cv->translated * 100 / cv->total : 100, cv->nvariants);
    print_chain(cv, " > ");
    putchar('\n');
    if (print_missing(cv, "             missing: ", false))
        putchar('\n');
    if (cv->lint) {
        fputs("             standards: ", stdout);
        print_standards(cv);
        putchar('\n');
    }
}

/* "standards": {"glossary": 0, ...}, every rule named so readers need not
 * know the list. */
static void standards_json(const coverage *cv)
{
    fputs(",\n     \"standards\": {", stdout);
    for (size_t r = 0; r < NSTANDARDS; r++)
        printf("%s\"%s\": %zu", r ? ", " : "", standards_rules[r], cv->standards[r]);
    fputs("}", stdout);
}

static void json_keys(const glocal_variants *vs)
{
    fputs("[", stdout);
    for (size_t i = 0; i < glocal_variants_count(vs); i++) {
        fputs(i ? ", " : "", stdout);
        json_string(stdout, glocal_variant_key(glocal_variants_at(vs, i)));
    }
    fputs("]", stdout);
}

static void cover_json(const coverage *cv, bool first)
{
    printf("%s\n    {\"locale\": ", first ? "" : ",");
    json_string(stdout, cv->locale);
    fputs(", \"chain\": [\"", stdout);
    print_chain(cv, "\", \"");
    printf("\"], \"translated\": %zu, \"total\": %zu, \"missing\": [", cv->translated,
           cv->total);
    print_missing(cv, "", true);
    fputs("]", stdout);
    if (cv->lint)
        standards_json(cv);
    fputs(",\n     \"messages\": {", stdout);
    for (size_t i = 0; i < cv->nmsgs; i++) {
        const cov_msg *cm = &cv->msgs[i];
        printf("%s\n       ", i ? "," : "");
        json_string(stdout, glocal_message_id(cm->m));
        fputs(": {\"from\": ", stdout);
        json_string(stdout, deciding_bundle(cm));
        const char *by = NULL;
        glocal_catalog_locked_by(cv->c, cv->locale, glocal_message_id(cm->m), &by, NULL);
        printf(", \"translated\": %s, \"locked\": %s, \"locked_by\": ",
               translated(cm) ? "true" : "false", glocal_message_locked(cm->m) ? "true" : "false");
        if (by)
            json_string(stdout, by);
        else
            fputs("null", stdout);
        fputs(", \"variants\": ", stdout);
        json_keys(cm->vs);
        fputs("}", stdout);
    }
    fputs("}}", stdout);
}

/* Returns false when memory ran out. */
static bool print_coverage(coverage *cv, bool json)
{
    const glocal_catalog *c = cv->c;
    bool ok = true;
    if (json)
        printf("{\"base_language\": \"%s\", \"messages\": %zu, \"locales\": [",
               glocal_catalog_language(c), cv->nmsgs);
    else
        printf("%-12s %9s %4s  %8s  %s\n", "LOCALE", "TRANSLATED", "", "VARIANTS", "CHAIN");
    for (size_t i = 0; i < glocal_catalog_locale_count(c) && ok; i++) {
        ok = cover_locale(cv, glocal_catalog_locale_at(c, i));
        if (ok && json)
            cover_json(cv, i == 0);
        else if (ok)
            cover_text(cv);
    }
    if (json)
        fputs("\n  ]\n}\n", stdout);
    release_locale(cv);
    return ok;
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
    coverage cv = {.c = c};
    list_messages(&cv);
    if (glocal_lint(o.dir, &cv.lint, NULL) != GLOCAL_OK)
        cv.lint = NULL; /* the catalog opened; only memory can fail here */
    bool ok = print_coverage(&cv, o.json);
    if (!ok)
        fputs("glocal coverage: out of memory\n", stderr);
    glocal_findings_free(cv.lint);
    free(cv.msgs);
    glocal_catalog_unref(c);
    return ok ? EXIT_OK : EXIT_USAGE;
}
