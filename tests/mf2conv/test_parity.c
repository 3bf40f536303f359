/*
 * The converter's proof: the shipped catalog converted to MessageFormat 2
 * (`glocal convert --to mf2`) renders every message × locale × formality ×
 * channel × argument set exactly as the MF1 catalog does.  In the isolation
 * modes auto and never the two texts are byte-identical; in `always` MF2
 * follows the spec's Default Bidi Strategy (LRI/RLI/FSI chosen by the
 * value's direction, none around an LTR number in an LTR message) where MF1
 * puts FSI around every simple argument, so there the texts must be equal
 * once the isolates are taken out (docs/mf2.md, "Converting from MF1").
 * A template the converter refuses fails the test.
 *
 * usage: test-mf2-parity GLOCAL LOCALES_DIR
 */
#include <check.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "glocal.h"

#include "../run_suite.h"

static const char *cli, *locales;

/* Runs `glocal convert --to mf2 locales --out out`; its exit status. */
static int convert(const char *out)
{
    pid_t pid = fork();
    if (pid == 0) {
        execl(cli, cli, "convert", "--to", "mf2", locales, "--out", out, (char *)NULL);
        _exit(127);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static void remove_tree(const char *dir)
{
    char cmd[4200];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    ck_assert_int_eq(system(cmd), 0);
}

/* ---- argument sets ---- */

enum { NSETS = 6 };

/* Set k's value for an argument of the given type: numbers that pick every
 * plural form of the shipped locales, a right-to-left and a Latin name, two
 * currencies, instants on both sides of midnight in the request's zone. */
static void add_arg(glocal_args *a, const char *name, const char *type, int k)
{
    static const char *const texts[] = {"Ana", "سارة", "K-204817", "Zoë", "李雷", "Mia"};
    static const char *const numbers[] = {"0", "1", "2", "5", "22", "1.5"};
    static const char *const amounts[] = {"19.90", "1234.5", "0", "7", "1000000", "2.05"};
    static const char *const currencies[] = {"EUR", "JPY", "USD", "CHF", "INR", "SAR"};
    static const int64_t instants[] = {1800575940000, 1767225600000, 1790000000000,
                                       1804000000000, 1775000000000, 1782000000000};
    glocal_status st;
    if (strcmp(type, "number") == 0)
        st = k == 2 ? glocal_args_int(a, name, 2, NULL) : glocal_args_decimal(a, name,
                                                                               numbers[k], NULL);
    else if (strcmp(type, "money") == 0)
        st = glocal_args_money(a, name, amounts[k], currencies[k], NULL);
    else if (strcmp(type, "date") == 0)
        st = glocal_args_date(a, name, instants[k], NULL);
    else if (strcmp(type, "day") == 0)
        st = k % 2 ? glocal_args_day(a, name, 2026, 12, 1 + k, NULL)
                   : glocal_args_date(a, name, instants[k], NULL);
    else if (strcmp(type, "code") == 0)
        st = glocal_args_code(a, name, k % 2 ? "K-204817" : "493027", NULL);
    else
        st = glocal_args_text(a, name, texts[k], NULL);
    ck_assert_int_eq(st, GLOCAL_OK);
}

static glocal_args *argument_set(const glocal_message *m, int k)
{
    glocal_args *a = NULL;
    ck_assert_int_eq(glocal_args_new(&a, NULL), GLOCAL_OK);
    for (size_t i = 0; i < glocal_message_arg_count(m); i++)
        add_arg(a, glocal_message_arg_name(m, i), glocal_message_arg_type(m, i), k);
    return a;
}

/* ---- comparing ---- */

static bool is_isolate(const char *s)
{
    return (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x81 &&
           (unsigned char)s[2] >= 0xA6 && (unsigned char)s[2] <= 0xA9;
}

/* s without LRI, RLI, FSI and PDI. */
static char *without_isolates(const char *s)
{
    char *out = malloc(strlen(s) + 1), *o = out;
    while (*s) {
        if (is_isolate(s))
            s += 3;
        else
            *o++ = *s++;
    }
    *o = '\0';
    return out;
}

typedef struct tally {
    size_t identical, same_text, failed_alike, mismatches;
    char last[256];            /* the message, locale and mode of the last one shown */
    size_t shown;
} tally;

static void compare(tally *t, const glocal_catalog *mf1, const glocal_catalog *mf2,
                    const char *id, const glocal_request *r, const glocal_args *a, bool exact,
                    const char *what)
{
    char *one = NULL, *two = NULL;
    glocal_status s1 = glocal_format(mf1, id, r, a, &one, NULL);
    glocal_error *e2 = NULL;
    glocal_status s2 = glocal_format(mf2, id, r, a, &two, &e2);
    bool same;
    if (s1 != GLOCAL_OK || s2 != GLOCAL_OK) {
        same = s1 == s2;
        t->failed_alike += same;
    } else if (exact) {
        same = strcmp(one, two) == 0;
        t->identical += same;
    } else {
        char *a1 = without_isolates(one), *a2 = without_isolates(two);
        same = strcmp(a1, a2) == 0;
        t->same_text += same;
        free(a1);
        free(a2);
    }
    char key[256];
    snprintf(key, sizeof key, "%s %.*s", id, (int)(strchr(what, ' ') - what), what);
    t->mismatches += !same;
    if (!same && strcmp(key, t->last) != 0 && t->shown++ < 100) {
        /* the first difference of each message and locale: one shows the cause */
        snprintf(t->last, sizeof t->last, "%s", key);
        fprintf(stderr, "%s %s: MF1 %s «%s», MF2 %s «%s»%s%s\n", id, what,
                glocal_status_name(s1), one ? one : "", glocal_status_name(s2), two ? two : "",
                e2 ? ": " : "", e2 ? glocal_error_message(e2) : "");
    }
    glocal_error_free(e2);
    glocal_free(one);
    glocal_free(two);
}

static const char *value_or_none(const glocal_catalog *c, const char *axis, size_t j)
{
    return j == 0 ? NULL : glocal_catalog_axis_value(c, axis, j - 1);
}

static void compare_locale(tally *t, const glocal_catalog *mf1, const glocal_catalog *mf2,
                           const char *locale)
{
    static const glocal_isolation modes[] = {GLOCAL_ISOLATE_AUTO, GLOCAL_ISOLATE_NEVER,
                                             GLOCAL_ISOLATE_ALWAYS};
    size_t nformal = glocal_catalog_axis_value_count(mf1, "formality") + 1;
    size_t nchannel = glocal_catalog_axis_value_count(mf1, "channel") + 1;
    for (size_t m = 0; m < glocal_catalog_message_count(mf1); m++) {
        const glocal_message *msg = glocal_catalog_message_at(mf1, m);
        const char *id = glocal_message_id(msg);
        for (int k = 0; k < NSETS; k++) {
            glocal_args *a = argument_set(msg, k);
            for (size_t f = 0; f < nformal; f++)
                for (size_t ch = 0; ch < nchannel; ch++)
                    for (size_t i = 0; i < 3; i++) {
                        glocal_request *r = NULL;
                        ck_assert_int_eq(glocal_request_new(locale, &r, NULL), GLOCAL_OK);
                        glocal_request_set_axis(r, "formality",
                                                value_or_none(mf1, "formality", f), NULL);
                        glocal_request_set_axis(r, "channel", value_or_none(mf1, "channel", ch),
                                                NULL);
                        glocal_request_set_isolation(r, modes[i], NULL);
                        if (k % 2)
                            glocal_request_set_time_zone(r, "Pacific/Auckland", NULL);
                        char what[200];
                        snprintf(what, sizeof what, "[%s set %d formality %s channel %s iso %d]",
                                 locale, k, f ? value_or_none(mf1, "formality", f) : "-",
                                 ch ? value_or_none(mf1, "channel", ch) : "-", (int)modes[i]);
                        compare(t, mf1, mf2, id, r, a, modes[i] != GLOCAL_ISOLATE_ALWAYS, what);
                        glocal_request_free(r);
                    }
            glocal_args_free(a);
        }
    }
}

START_TEST(test_converted_catalog_renders_the_same)
{
    char out[4096];
    const char *tmp = getenv("TMPDIR");
    snprintf(out, sizeof out, "%s/glocal-mf2-parity-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    ck_assert_ptr_nonnull(mkdtemp(out));
    strncat(out, "/catalog", sizeof out - strlen(out) - 1);
    ck_assert_msg(convert(out) == 0, "glocal convert refused the shipped catalog");
    glocal_catalog *mf1 = NULL, *mf2 = NULL;
    glocal_error *e = NULL;
    ck_assert_int_eq(glocal_catalog_open(locales, &mf1, NULL), GLOCAL_OK);
    glocal_status st = glocal_catalog_open(out, &mf2, &e);
    ck_assert_msg(st == GLOCAL_OK, "the converted catalog does not open: %s",
                  e ? glocal_error_message(e) : "");
    tally t = {0};
    compare_locale(&t, mf1, mf2, "en");
    for (size_t i = 0; i < glocal_catalog_locale_count(mf1); i++)
        compare_locale(&t, mf1, mf2, glocal_catalog_locale_at(mf1, i));
    printf("mf2 parity: %zu renderings byte-identical (auto, never), %zu equal but for "
           "isolates (always), %zu failing alike, %zu different\n",
           t.identical, t.same_text, t.failed_alike, t.mismatches);
    ck_assert_uint_eq(t.mismatches, 0);
    ck_assert_uint_gt(t.identical, 10000);
    glocal_catalog_unref(mf1);
    glocal_catalog_unref(mf2);
    out[strlen(out) - strlen("/catalog")] = '\0';
    remove_tree(out);
}
END_TEST

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: test-mf2-parity GLOCAL LOCALES_DIR\n");
        return 2;
    }
    cli = argv[1];
    locales = argv[2];
    Suite *s = suite_create("mf2-parity");
    TCase *tc = tcase_create("shipped");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, test_converted_catalog_renders_the_same);
    suite_add_tcase(s, tc);
    return run_suite(s, CK_FORK_GETENV);
}
