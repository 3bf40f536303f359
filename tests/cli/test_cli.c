/*
 * The glocal CLI end to end: exit codes, lint text output, render, explain
 * and coverage of the shipped catalog, bad input.  The program runs as a
 * child process; JSON and SARIF are checked by check_outputs.py.
 *
 * usage: test-cli GLOCAL LOCALES_DIR LINT_CASES_DIR
 */
#include <check.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../run_suite.h"

static const char *cli, *locales, *cases;

typedef struct result {
    int status;
    char *out, *err;
} result;

static char *slurp(int fd)
{
    size_t len = 0, cap = 4096;
    char *buf = malloc(cap);
    ssize_t n;
    while ((n = read(fd, buf + len, cap - len - 1)) > 0) {
        len += (size_t)n;
        if (cap - len < 2)
            buf = realloc(buf, cap *= 2);
    }
    buf[len] = '\0';
    return buf;
}

/* Runs `glocal ARGS...` (NULL-terminated) with stdout and stderr captured. */
static result run_argv(char *const *args)
{
    char *argv[64] = {(char *)cli};
    size_t n = 1;
    for (; args[n - 1] && n < 63; n++)
        argv[n] = args[n - 1];
    argv[n] = NULL;
    int out[2];
    FILE *err = tmpfile();
    ck_assert(pipe(out) == 0 && err);
    pid_t pid = fork();
    ck_assert(pid >= 0);
    if (pid == 0) {
        dup2(out[1], 1);
        dup2(fileno(err), 2);
        close(out[0]);
        execv(cli, argv);
        _exit(127);
    }
    close(out[1]);
    result r = {0, slurp(out[0]), NULL};
    close(out[0]);
    int status;
    waitpid(pid, &status, 0);
    ck_assert_msg(WIFEXITED(status), "glocal %s did not exit normally", args[0]);
    r.status = WEXITSTATUS(status);
    rewind(err);
    r.err = slurp(fileno(err));
    fclose(err);
    return r;
}

#define RUN(...) run_argv((char *const[]){__VA_ARGS__, NULL})

static void done(result *r)
{
    free(r->out);
    free(r->err);
}

static void expect(result r, int status, const char *out)
{
    ck_assert_msg(r.status == status, "exit %d, want %d; stderr: %s", r.status, status, r.err);
    if (out)
        ck_assert_str_eq(r.out, out);
    done(&r);
}

static void expect_err(result r, int status, const char *needle)
{
    ck_assert_msg(r.status == status, "exit %d, want %d; stderr: %s", r.status, status, r.err);
    ck_assert_msg(strstr(r.err, needle), "stderr lacks \"%s\": %s", needle, r.err);
    done(&r);
}

static char *path(const char *dir, const char *name)
{
    static char buf[4][1024];
    static int k;
    k = (k + 1) % 4;
    snprintf(buf[k], sizeof buf[k], "%s/%s", dir, name);
    return buf[k];
}

/* A scratch directory holding base.yaml (when given) and other files. */
static char *scratch(const char *base)
{
    static char dir[64];
    snprintf(dir, sizeof dir, "/tmp/glocal-cli-XXXXXX");
    ck_assert(mkdtemp(dir));
    if (base) {
        FILE *f = fopen(path(dir, "base.yaml"), "w");
        fputs(base, f);
        fclose(f);
    }
    return dir;
}

static void remove_scratch(const char *dir)
{
    unlink(path(dir, "base.yaml"));
    unlink(path(dir, "de.yaml"));
    ck_assert_msg(rmdir(dir) == 0, "%s: not empty", dir);
}

/* ---- general ---- */

START_TEST(test_version_and_help)
{
    expect(RUN("--version"), 0, "1.1.0\n");
    result r = RUN("--help");
    ck_assert(strstr(r.out, "usage: glocal COMMAND") && strstr(r.out, "coverage"));
    expect(r, 0, NULL);
    static const char *const cmds[] = {"lint", "render", "explain", "coverage"};
    for (int i = 0; i < 4; i++) {
        char want[64];
        snprintf(want, sizeof want, "usage: glocal %s ", cmds[i]);
        r = RUN((char *)cmds[i], "--help");
        ck_assert_msg(strncmp(r.out, want, strlen(want)) == 0, "%s --help: %s", cmds[i], r.out);
        expect(r, 0, NULL);
    }
}
END_TEST

START_TEST(test_usage_errors)
{
    expect_err(run_argv((char *const[]){NULL}), 2, "usage: glocal COMMAND");
    expect_err(RUN("frobnicate"), 2, "unknown command `frobnicate`");
    expect_err(RUN("lint"), 2, "which catalog directory?");
    expect_err(RUN("lint", (char *)locales, (char *)locales), 2, "one directory only");
    expect_err(RUN("lint", "--format", "xml", (char *)locales), 2, "unknown format `xml`");
    expect_err(RUN("lint", "--disable", "no-such-rule", (char *)locales), 2,
               "unknown rule `no-such-rule`");
    expect_err(RUN("lint", "--werror=yes", (char *)locales), 2, "takes no value");
    expect_err(RUN("lint", "--bogus", (char *)locales), 2, "unknown option `--bogus`");
    expect_err(RUN("lint", (char *)locales, "--format"), 2, "needs a value");
    expect_err(RUN("render", (char *)locales, "greeting", "name=A"), 2, "--locale TAG is required");
    expect_err(RUN("render", (char *)locales), 2, "a message id");
    expect_err(RUN("coverage", "--format", "sarif", (char *)locales), 2, "unknown format");
}
END_TEST

/* ---- lint ---- */

START_TEST(test_lint_shipped_catalog_is_clean)
{
    expect(RUN("lint", (char *)locales), 0, "");
    expect(RUN("lint", "--werror", (char *)locales), 0, "");
    expect(RUN("lint", "--format", "json", (char *)locales), 0, "[]\n");
}
END_TEST

START_TEST(test_lint_text_output)
{
    const char *dir = path(cases, "unknown-arg");
    char want[2048];
    snprintf(want, sizeof want,
             "%s/de.yaml:5:12: warning: `order.delayed` variant `other` does not use argument "
             "`eta`, which base's `other` uses; add it back, or the reader misses that "
             "information [dropped-arg]\n"
             "%s/de.yaml:5:12: error: `order.delayed` uses argument `eta2`, which base.yaml does "
             "not declare (declared: name, order, eta) [unknown-arg]\n", dir, dir);
    result r = RUN("lint", (char *)dir);
    ck_assert_str_eq(r.err, "1 error, 1 warning\n");
    expect(r, 1, want);
    snprintf(want, sizeof want,
             "%s/de.yaml:5:12: error: `order.delayed` uses argument `eta2`, which base.yaml does "
             "not declare (declared: name, order, eta) [unknown-arg]\n", dir);
    expect(RUN("lint", "--disable", "dropped-arg", (char *)dir), 1, want);
    expect(RUN("lint", "--disable=dropped-arg", "--disable", "unknown-arg", (char *)dir), 0, "");
}
END_TEST

START_TEST(test_lint_warnings_and_werror)
{
    const char *dir = path(cases, "orphan");
    char want[1024];
    snprintf(want, sizeof want, "%s/de.yaml:5:3: warning: `farewell` is not defined in "
             "base.yaml; formatting it fails (add it to base or remove it) [orphan]\n", dir);
    expect(RUN("lint", (char *)dir), 0, want);
    expect(RUN("lint", "--werror", (char *)dir), 1, want);
    expect(RUN("lint", "--werror", "--disable", "orphan", (char *)dir), 0, "");
}
END_TEST

START_TEST(test_lint_bad_input)
{
    expect_err(RUN("lint", "/nonexistent/catalog"), 2, "cannot read /nonexistent/catalog");
    expect_err(RUN("lint", path(locales, "base.yaml")), 2, "is not a directory");
    /* no base.yaml: a schema finding about the whole catalog */
    char *dir = scratch(NULL);
    char want[256];
    snprintf(want, sizeof want, "%s/base.yaml:0:0: error: the catalog has no base.yaml, the global "
             "baseline every chain ends with [schema]\n", dir);
    expect(RUN("lint", dir), 1, want);
    /* a file that cannot be read (a dangling link) */
    ck_assert(symlink("/nonexistent/de.yaml", path(dir, "de.yaml")) == 0);
    expect_err(RUN("lint", dir), 2, "de.yaml");
    remove_scratch(dir);
    /* binary and invalid UTF-8: yaml-syntax findings */
    result r = RUN("lint", path(cases, "yaml-syntax"));
    ck_assert(strstr(r.out, "es.yaml:4:19: error: YAML does not parse: invalid leading UTF-8 "
                            "octet [yaml-syntax]"));
    expect(r, 1, NULL);
}
END_TEST

/* ---- render ---- */

static const char *const delayed[] = {"name=Anna", "order=A-17"};

START_TEST(test_render_shipped_messages)
{
    expect(RUN("render", (char *)locales, "order.delayed", "--locale", "de", (char *)delayed[0],
               (char *)delayed[1], "eta=2026-12-01T09:30:00Z"), 0,
           "Es tut uns aufrichtig leid, Anna: Ihre Bestellung A-17 kommt später als zugesagt. "
           "Neuer Liefertermin: Dienstag, 1. Dezember 2026. Bitte entschuldigen Sie die "
           "Verzögerung – wir behalten Ihre Sendung im Blick.\n");
    expect(RUN("render", (char *)locales, "cart.items", "--locale", "ru", "count=3"), 0,
           "3 товара в корзине\n");
    expect(RUN("render", (char *)locales, "cart.items", "--locale", "en", "count=0"), 0,
           "Your cart is empty\n");
    expect(RUN("render", (char *)locales, "refund.issued", "--locale", "en-GB", "name=Sam",
               "amount=19.90 GBP", "order=K-2", "days=1"), 0,
           "Good news, Sam: we’ve refunded £19.90 for order K-2. It should reach your account "
           "within 1 working day.\n");
    expect(RUN("render", (char *)locales, "greeting", "--locale", "ar", "name=Anna"), 0,
           "مرحبًا \u2068Anna\u2069،\n");
    expect(RUN("render", (char *)locales, "greeting", "--isolate", "never", "--locale", "ar",
               "name=Anna"), 0, "مرحبًا Anna،\n");
}
END_TEST

START_TEST(test_render_argument_forms)
{
    /* the same instant as RFC 3339 with Z, with an offset, and as Unix milliseconds */
    result a = RUN("render", (char *)locales, "order.delayed", "--locale", "de",
                   (char *)delayed[0], (char *)delayed[1], "eta=2026-12-01T23:30:00Z",
                   "--time-zone", "Europe/Berlin");
    result b = RUN("render", (char *)locales, "order.delayed", "--locale", "de",
                   (char *)delayed[0], (char *)delayed[1], "eta=2026-12-02T00:30:00.250+01:00",
                   "--time-zone", "Europe/Berlin");
    result c = RUN("render", (char *)locales, "order.delayed", "--locale", "de",
                   (char *)delayed[0], (char *)delayed[1], "eta=1796167800000",
                   "--time-zone=Europe/Berlin");
    ck_assert_msg(strstr(a.out, "Mittwoch, 2. Dezember 2026"), "%s", a.out);
    ck_assert_str_eq(a.out, b.out);
    ck_assert_str_eq(a.out, c.out);
    expect(a, 0, NULL);
    expect(b, 0, NULL);
    expect(c, 0, NULL);
    /* numbers are passed exactly as written */
    result r = RUN("render", (char *)locales, "verification.code", "--locale", "en",
                   "code=123456", "minutes=1.5");
    ck_assert_msg(strstr(r.out, "1.5 minutes"), "%s", r.out);
    expect(r, 0, NULL);
}
END_TEST

START_TEST(test_render_failures)
{
    const char *L = locales;
    expect_err(RUN("render", (char *)L, "no.such.message", "--locale", "de"), 1,
               "GLOCAL_ERR_NOT_FOUND");
    expect_err(RUN("render", (char *)L, "order.delayed", "--locale", "de", "name=Anna"), 1,
               "GLOCAL_ERR_ARGUMENT");
    expect_err(RUN("render", (char *)L, "greeting", "--locale", "de--CH", "name=A"), 2,
               "--locale");
    expect_err(RUN("render", (char *)L, "greeting", "--locale", "de", "--tone", "grumpy",
                   "name=A"), 2, "grumpy");
    expect_err(RUN("render", (char *)L, "greeting", "--locale", "de", "--formality", "NOT AN ID",
                   "name=A"), 2, "formality");
    expect_err(RUN("render", (char *)L, "greeting", "--locale", "de", "--time-zone", "Mars/Base",
                   "name=A"), 2, "--time-zone");
    expect_err(RUN("render", (char *)L, "greeting", "--locale", "de", "--isolate", "sometimes"),
               2, "auto, never or always");
    expect_err(RUN("render", (char *)L, "order.delayed", "--locale", "de", "eta=tomorrow"), 2,
               "argument `eta` is a day");
    expect_err(RUN("render", (char *)L, "payment.failed", "--locale", "de", "amount=19.90"), 2,
               "argument `amount` is money");
    expect_err(RUN("render", (char *)L, "greeting", "--locale", "de", "Anna"), 2, "NAME=VALUE");
    expect_err(RUN("render", (char *)L, "greeting", "--locale", "de", "2x=1"), 2,
               "not an argument name");
    /* an invalid catalog cannot render: its first error, and a pointer to lint */
    expect_err(RUN("render", path(cases, "duplicate-key"), "greeting", "--locale", "de"), 1,
               "glocal lint");
    expect_err(RUN("render", "/nonexistent/catalog", "greeting", "--locale", "de"), 2,
               "cannot read");
}
END_TEST

START_TEST(test_render_undeclared_arguments)
{
    /* without _args: a number when it reads as one, else a date, else text */
    char *dir = scratch("glocal: 1\nlocale: base\nlanguage: en\nmessages:\n"
                        "  m: \"{a}|{b}|{c}|{d, date, ::yyyyMMdd}\"\n");
    expect(RUN("render", dir, "m", "--locale", "en", "a=1234.5", "b=2026-01-02T00:00:00Z",
               "c=hello", "d=2026-03-04"), 0,
           "1,234.5|1/2/26, 12:00\u202fAM|hello|03/04/2026\n");
    remove_scratch(dir);
}
END_TEST

/* ---- explain and coverage ---- */

START_TEST(test_explain)
{
    result r = RUN("explain", (char *)locales, "greeting", "--locale", "de-CH", "--channel",
                   "whatsapp", "name=Anna");
    char chain[1024];
    snprintf(chain, sizeof chain, "chain:\n  1. de-CH (%s/de-CH.yaml) defines it\n"
             "  2. de (%s/de.yaml) defines it\n  3. base (%s/base.yaml) defines it\n", locales,
             locales, locales);
    ck_assert_msg(strstr(r.out, "message: greeting\nlocale: de-CH (language de, likely script "
                                "Latn)\n"), "%s", r.out);
    ck_assert_msg(strstr(r.out, chain), "%s", r.out);
    ck_assert_msg(strstr(r.out, "channel: whatsapp (from the request)\n"), "%s", r.out);
    ck_assert_msg(strstr(r.out, "format locale: de_CH\n"), "%s", r.out);
    ck_assert_msg(strstr(r.out, "\noutput: "), "%s", r.out);
    expect(r, 0, NULL);
    /* arguments that do not suffice are reported inside the explanation */
    r = RUN("explain", (char *)locales, "greeting", "--locale", "de");
    ck_assert_msg(strstr(r.out, "output: (not formatted: GLOCAL_ERR_ARGUMENT"), "%s", r.out);
    expect(r, 0, NULL);
}
END_TEST

START_TEST(test_coverage_text)
{
    result r = RUN("coverage", (char *)locales);
    ck_assert_msg(strncmp(r.out, "LOCALE       TRANSLATED       VARIANTS  CHAIN\n", 46) == 0,
                  "%s", r.out);
    ck_assert_msg(strstr(r.out, "\nde-CH          15/15   100%"), "%s", r.out);
    ck_assert_msg(strstr(r.out, "de-CH > de > base\n"), "%s", r.out);
    ck_assert_msg(strstr(r.out, "\nen-GB           6/15    40%"), "%s", r.out);
    ck_assert_msg(strstr(r.out, "  missing: greeting, payment.failed"), "%s", r.out);
    expect(r, 0, NULL);
    expect_err(RUN("coverage", path(locales, "base.yaml")), 2, "is not a directory");
    /* the standards summary: fr's text that fr-CA serves counts for fr-CA */
    expect(RUN("coverage", path(cases, "typography-fr-CA")), 0,
           "LOCALE       TRANSLATED       VARIANTS  CHAIN\n"
           "fr              2/2    100%         2  fr > base\n"
           "             standards: clean\n"
           "fr-CA           2/2    100%         2  fr-CA > fr > base\n"
           "             standards: 3 findings (typography 3)\n");
}
END_TEST

/* ---- compile (docs/compiled.md) ---- */

/* The output of `glocal ARGS`, which must exit 0; the caller frees it. */
static char *output_of(char *const *args)
{
    result r = run_argv(args);
    ck_assert_msg(r.status == 0, "glocal %s: exit %d: %s", args[0], r.status, r.err);
    free(r.err);
    return r.out;
}

#define OUTPUT(...) output_of((char *const[]){__VA_ARGS__, NULL})

static void expect_same(char *a, char *b)
{
    ck_assert_str_eq(a, b);
    free(a);
    free(b);
}

START_TEST(test_compile_and_read_the_file)
{
    char *dir = scratch(NULL), *glc = path(dir, "catalog.glc");
    expect_err(RUN("compile", (char *)locales, "-o", glc), 0, "catalog.glc: 31 bundles, ");
    /* every command that reads a catalog answers from the file as from the directory */
    expect_same(OUTPUT("render", glc, "order.delayed", "--locale", "de-CH", "--channel", "sms",
                       "name=Anna", "order=A-17", "eta=2026-12-01"),
                OUTPUT("render", (char *)locales, "order.delayed", "--locale", "de-CH",
                       "--channel", "sms", "name=Anna", "order=A-17", "eta=2026-12-01"));
    expect_same(OUTPUT("explain", glc, "greeting", "--locale", "de-CH", "name=Anna"),
                OUTPUT("explain", (char *)locales, "greeting", "--locale", "de-CH", "name=Anna"));
    expect_same(OUTPUT("coverage", "--format", "json", glc),
                OUTPUT("coverage", "--format", "json", (char *)locales));
    expect_same(OUTPUT("negotiate", glc, "fr-CH, fr;q=0.9"),
                OUTPUT("negotiate", (char *)locales, "fr-CH, fr;q=0.9"));
    expect(RUN("lint", "--werror", glc), 0, "");
    char samples[1024];
    snprintf(samples, sizeof samples, "%s/../examples/preview-samples.yaml", locales);
    expect(RUN("preview", glc, "--locale", "de", "--samples", samples, "--out",
               path(dir, "p.html")), 0, NULL);
    unlink(path(dir, "p.html"));
    /* import writes a bundle: a compiled file is not a directory to write into */
    expect_err(RUN("import", glc, "de.xlf"), 2, "is not a directory");
    /* a compiled file is replaced without --force; --verify reads it back */
    expect_err(RUN("compile", (char *)locales, "-o", glc), 0, "31 bundles");
    result r = RUN("compile", "--verify", glc);
    ck_assert_msg(strncmp(r.out, "format: 1 (glocal compiled catalog)\nbuilt by: glocal ", 53) ==
                  0, "%s", r.out);
    ck_assert_msg(strstr(r.out, "(verified)\n"), "%s", r.out);
    ck_assert_msg(strstr(r.out, "\nsources: 31\nsource: "), "%s", r.out);
    ck_assert_msg(strstr(r.out, "  base.yaml\n"), "%s", r.out);
    expect(r, 0, NULL);
    unlink(glc);
    remove_scratch(dir);
}
END_TEST

/* lint of a compiled file reports the findings of its sources, named as in
 * the directory it was compiled from (a catalog with channels, one without) */
START_TEST(test_compile_lint_names_the_sources)
{
    static const char *const names[] = {"sms-segments", "missing"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        char *dir = scratch(NULL), *glc = path(dir, "c.glc"), *src = path(cases, names[i]);
        expect_err(RUN("compile", src, "-o", glc), 0, "c.glc: ");
        result a = RUN("lint", src), b = RUN("lint", glc);
        ck_assert_int_eq(b.status, a.status);
        ck_assert_msg(strstr(a.out, "warning: "), "%s", a.out);
        ck_assert_str_eq(b.out, a.out);
        ck_assert_str_eq(b.err, a.err);
        done(&a);
        done(&b);
        unlink(glc);
        remove_scratch(dir);
    }
}
END_TEST

START_TEST(test_compile_refuses)
{
    char *dir = scratch("glocal: 1\nlocale: base\nlanguage: en\nmessages:\n  hi: \"Hi {\"\n");
    char *glc = path(dir, "de.yaml");
    /* a catalog with errors: its first error, nothing written */
    expect_err(RUN("compile", dir, "-o", path(dir, "x.glc")), 1, "base.yaml:5:");
    ck_assert_int_ne(access(path(dir, "x.glc"), F_OK), 0);
    /* an existing file that is not a compiled catalog is not replaced */
    FILE *f = fopen(glc, "w");
    fputs("keep me\n", f);
    fclose(f);
    expect_err(RUN("compile", (char *)locales, "-o", glc), 2,
               "de.yaml exists and is not a compiled catalog; not replaced (--force replaces it)");
    f = fopen(glc, "r");
    char buf[16] = {0};
    ck_assert_ptr_nonnull(fgets(buf, sizeof buf, f));
    fclose(f);
    ck_assert_str_eq(buf, "keep me\n");
    expect_err(RUN("compile", (char *)locales, "-o", glc, "--force"), 0, "31 bundles");
    /* usage */
    expect_err(RUN("compile", (char *)locales), 2, "-o FILE is required");
    expect_err(RUN("compile", "--verify", glc, (char *)locales), 2, "--verify FILE takes no");
    expect_err(RUN("compile", path(locales, "base.yaml"), "-o", glc), 2, "is not a directory");
    expect_err(RUN("compile", (char *)locales, "-o", dir), 2, "is a directory");
    unlink(glc);
    remove_scratch(dir);
}
END_TEST

START_TEST(test_compile_verify_damaged)
{
    char *dir = scratch(NULL), *glc = path(dir, "de.yaml");
    expect_err(RUN("compile", (char *)locales, "-o", glc), 0, "31 bundles");
    /* a byte of the content flipped in place: the checksum finds it */
    FILE *f = fopen(glc, "r+");
    ck_assert_int_eq(fseek(f, -3, SEEK_END), 0);
    int c = fgetc(f);
    ck_assert_int_eq(fseek(f, -3, SEEK_END), 0);
    fputc(c ^ 0x20, f);
    fclose(f);
    expect_err(RUN("compile", "--verify", glc), 1, "de.yaml: content checksum mismatch: ");
    expect_err(RUN("lint", glc), 2, "content checksum mismatch");
    /* cut short */
    ck_assert_int_eq(truncate(glc, 1000), 0);
    expect_err(RUN("compile", "--verify", glc), 1, "truncated or extended: the header says ");
    expect_err(RUN("render", glc, "greeting", "--locale", "de", "name=A"), 1, "truncated");
    /* not a compiled catalog at all, a directory, nothing */
    expect_err(RUN("compile", "--verify", path(locales, "base.yaml")), 1,
               "not a compiled glocal catalog (no magic)");
    expect_err(RUN("compile", "--verify", (char *)locales), 2, "a directory");
    expect_err(RUN("compile", "--verify", path(dir, "none.glc")), 2, "cannot read");
    unlink(glc);
    remove_scratch(dir);
}
END_TEST

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: %s GLOCAL LOCALES_DIR LINT_CASES_DIR\n", argv[0]);
        return 2;
    }
    cli = argv[1];
    locales = argv[2];
    cases = argv[3];
    Suite *s = suite_create("cli");
    TCase *tc = tcase_create("cli");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_version_and_help);
    tcase_add_test(tc, test_usage_errors);
    tcase_add_test(tc, test_lint_shipped_catalog_is_clean);
    tcase_add_test(tc, test_lint_text_output);
    tcase_add_test(tc, test_lint_warnings_and_werror);
    tcase_add_test(tc, test_lint_bad_input);
    tcase_add_test(tc, test_render_shipped_messages);
    tcase_add_test(tc, test_render_argument_forms);
    tcase_add_test(tc, test_render_failures);
    tcase_add_test(tc, test_render_undeclared_arguments);
    tcase_add_test(tc, test_explain);
    tcase_add_test(tc, test_coverage_text);
    tcase_add_test(tc, test_compile_and_read_the_file);
    tcase_add_test(tc, test_compile_lint_names_the_sources);
    tcase_add_test(tc, test_compile_refuses);
    tcase_add_test(tc, test_compile_verify_damaged);
    suite_add_tcase(s, tc);
    return run_suite(s, CK_FORK_GETENV);
}
