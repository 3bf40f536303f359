/* glocal lint [--format text|json|sarif] [--werror] [--disable RULE]... DIR:
 * every finding of glocal_lint, as text, JSON or SARIF 2.1.0.  The rules
 * SARIF lists, and those --disable may name, come from the library's
 * registry (glocal_rule_*). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "glocal.h"

#include "cli.h"
#include "commands.h"
#include "json_out.h"

static const char usage_lint[] =
    "usage: glocal lint [--format text|json|sarif] [--werror] [--disable RULE]... DIR\n"
    "\n"
    "Checks every bundle in DIR with every rule and reports all findings, sorted\n"
    "by file, line, column and rule, one a line:\n"
    "  FILE:LINE:COL: error|warning: MESSAGE [RULE]\n"
    "\n"
    "  --format F      text (default), json, or sarif (SARIF 2.1.0)\n"
    "  --werror        exit 1 on warnings too\n"
    "  --disable RULE  do not report RULE (repeatable); rules: see docs/lint.md\n"
    "\n"
    "Exit status: 0 no errors, 1 errors (or warnings with --werror), 2 usage\n"
    "error or unreadable directory.\n";

typedef enum lint_format { FMT_TEXT, FMT_JSON, FMT_SARIF } lint_format;

typedef struct lint_opts {
    lint_format format;
    bool werror;
    bool *disabled;           /* per rule of the registry */
    const char *dir;
} lint_opts;

static const cli_opt lint_table[] = {{"format", true}, {"werror", false}, {"disable", true},
                                     {NULL, false}};

/* The rule's position in the registry (SARIF's ruleIndex); -1 when unknown. */
static int rule_index(const char *id)
{
    for (size_t r = 0; r < glocal_rule_count(); r++)
        if (strcmp(glocal_rule_id(glocal_rule_at(r)), id) == 0)
            return (int)r;
    return -1;
}

static int lint_opt(void *ud, int index, const char *value)
{
    lint_opts *o = ud;
    int r;
    switch (index) {
    case -1:
        return take_dir("lint", &o->dir, value);
    case 0:
        if (strcmp(value, "text") == 0)
            o->format = FMT_TEXT;
        else if (strcmp(value, "json") == 0)
            o->format = FMT_JSON;
        else if (strcmp(value, "sarif") == 0)
            o->format = FMT_SARIF;
        else
            return usage_error("lint", "unknown format `%s` (text, json or sarif)", value);
        return CONTINUE;
    case 1:
        o->werror = true;
        return CONTINUE;
    default:
        if ((r = rule_index(value)) < 0)
            return usage_error("lint", "unknown rule `%s` (the rules are listed in "
                               "docs/lint.md)", value);
        o->disabled[r] = true;
        return CONTINUE;
    }
}

static const char *severity_name(glocal_severity s)
{
    return s == GLOCAL_SEVERITY_ERROR ? "error" : "warning";
}

static void print_text(const glocal_finding *const *f, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        printf("%s:%u:%u: %s: %s [%s]\n", glocal_finding_file(f[i]), glocal_finding_line(f[i]),
               glocal_finding_column(f[i]), severity_name(glocal_finding_severity(f[i])),
               glocal_finding_message(f[i]), glocal_finding_rule(f[i]));
    }
}

static void print_json(const glocal_finding *const *f, size_t n)
{
    fputs("[", stdout);
    for (size_t i = 0; i < n; i++) {
        fputs(i ? ",\n  {" : "\n  {", stdout);
        json_field(stdout, "file", glocal_finding_file(f[i]), true);
        printf(", \"line\": %u, \"column\": %u", glocal_finding_line(f[i]),
               glocal_finding_column(f[i]));
        json_field(stdout, "severity", severity_name(glocal_finding_severity(f[i])), false);
        json_field(stdout, "rule", glocal_finding_rule(f[i]), false);
        json_field(stdout, "message", glocal_finding_message(f[i]), false);
        if (glocal_finding_locale(f[i]))
            json_field(stdout, "locale", glocal_finding_locale(f[i]), false);
        if (glocal_finding_message_id(f[i]))
            json_field(stdout, "message_id", glocal_finding_message_id(f[i]), false);
        fputs("}", stdout);
    }
    fputs(n ? "\n]\n" : "]\n", stdout);
}

/* One line per rule for SARIF's rule descriptors (docs/lint.md has more). */
/* A relative URI reference for a path: unreserved bytes and '/' as they
 * are, everything else percent-encoded; absolute paths as file:// URIs. */
static void sarif_uri(const char *path)
{
    fputs("\"", stdout);
    if (path[0] == '/')
        fputs("file://", stdout);
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
            strchr("-._~/", *p))
            fputc(*p, stdout);
        else
            printf("%%%02X", *p);
    }
    fputs("\"", stdout);
}

static void sarif_rules(void)
{
    for (size_t i = 0; i < glocal_rule_count(); i++) {
        const glocal_rule *r = glocal_rule_at(i);
        printf("%s\n            {\"id\": \"%s\", \"shortDescription\": {\"text\": ", i ? "," : "",
               glocal_rule_id(r));
        json_string(stdout, glocal_rule_summary(r));
        printf("}, \"defaultConfiguration\": {\"level\": \"%s\"}}",
               severity_name(glocal_rule_severity(r)));
    }
}

static void sarif_result(const glocal_finding *f, bool first)
{
    printf("%s\n        {\"ruleId\": \"%s\", \"ruleIndex\": %d, \"level\": \"%s\", "
           "\"message\": {\"text\": ", first ? "" : ",", glocal_finding_rule(f),
           rule_index(glocal_finding_rule(f)), severity_name(glocal_finding_severity(f)));
    json_string(stdout, glocal_finding_message(f));
    fputs("}, \"locations\": [{\"physicalLocation\": {\"artifactLocation\": {\"uri\": ", stdout);
    sarif_uri(glocal_finding_file(f));
    fputs("}", stdout);
    if (glocal_finding_line(f))
        printf(", \"region\": {\"startLine\": %u, \"startColumn\": %u}", glocal_finding_line(f),
               glocal_finding_column(f));
    fputs("}}]", stdout);
    if (glocal_finding_locale(f) || glocal_finding_message_id(f)) {
        fputs(", \"properties\": {", stdout);
        json_field(stdout, "locale", glocal_finding_locale(f), true);
        json_field(stdout, "message_id", glocal_finding_message_id(f), false);
        fputs("}", stdout);
    }
    fputs("}", stdout);
}

static void print_sarif(const glocal_finding *const *f, size_t n)
{
    printf("{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
           "  \"version\": \"2.1.0\",\n  \"runs\": [{\n"
           "    \"tool\": {\"driver\": {\"name\": \"glocal\", \"version\": \"%s\", "
           "\"semanticVersion\": \"%s\",\n"
           "      \"rules\": [", glocal_version(), glocal_version());
    sarif_rules();
    printf("]}},\n    \"columnKind\": \"unicodeCodePoints\",\n    \"results\": [");
    for (size_t i = 0; i < n; i++)
        sarif_result(f[i], i == 0);
    printf("]\n  }]\n}\n");
}

/* Keeps the findings of enabled rules; counts errors and warnings. */
static size_t select_findings(const glocal_findings *all, const lint_opts *o,
                              const glocal_finding **out, size_t *errors, size_t *warnings)
{
    size_t n = 0;
    *errors = *warnings = 0;
    for (size_t i = 0; i < glocal_findings_count(all); i++) {
        const glocal_finding *f = glocal_findings_at(all, i);
        if (o->disabled[rule_index(glocal_finding_rule(f))])
            continue;
        out[n++] = f;
        if (glocal_finding_severity(f) == GLOCAL_SEVERITY_ERROR)
            ++*errors;
        else
            ++*warnings;
    }
    return n;
}

static int run_lint(int argc, char **argv, lint_opts *opts)
{
    lint_opts o = *opts;
    int rc = parse_args("lint", argc, argv, lint_table, usage_lint, lint_opt, &o);
    if (rc != CONTINUE)
        return rc;
    if (!o.dir)
        return usage_error("lint", "which catalog directory?");
    if ((rc = check_catalog("lint", o.dir)) != CONTINUE)
        return rc;
    glocal_findings *all = NULL;
    glocal_error *e = NULL;
    if (glocal_lint(o.dir, &all, &e) != GLOCAL_OK) {
        print_error("lint", e);
        glocal_error_free(e);
        return EXIT_USAGE;
    }
    size_t errors, warnings, count = glocal_findings_count(all);
    const glocal_finding **kept = malloc((count ? count : 1) * sizeof(*kept));
    if (!kept) {
        glocal_findings_free(all);
        fputs("glocal lint: out of memory\n", stderr);
        return EXIT_USAGE;
    }
    size_t n = select_findings(all, &o, kept, &errors, &warnings);
    if (o.format == FMT_JSON)
        print_json(kept, n);
    else if (o.format == FMT_SARIF)
        print_sarif(kept, n);
    else
        print_text(kept, n);
    if (o.format == FMT_TEXT && n)
        fprintf(stderr, "%zu error%s, %zu warning%s\n", errors, errors == 1 ? "" : "s", warnings,
                warnings == 1 ? "" : "s");
    free(kept);
    glocal_findings_free(all);
    return errors || (o.werror && warnings) ? EXIT_FAILED : EXIT_OK;
}

int cmd_lint(int argc, char **argv)
{
    lint_opts o = {.disabled = xcalloc(glocal_rule_count(), sizeof(bool))};
    int rc = run_lint(argc, argv, &o);
    free(o.disabled);
    return rc;
}
