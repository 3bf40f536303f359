/* Eight threads format across every shipped locale while another reopens
 * the catalog 200 times (every other time from a broken copy) and swaps it:
 * every result must equal the single-threaded one, and a failed reopen must
 * leave the serving catalog untouched.  Before anything else in the process,
 * eight threads negotiate at once, so ICU's locale matcher is first built
 * under contention (glocal warms nothing up for them). */
#include <check.h>
#include <glocal.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../run_suite.h"

enum { THREADS = 8, RELOADS = 200, MAX_CASES = 2048 };

static const char *locales_dir;
static char broken_dir[64];

typedef struct fcase {
    const char *locale, *id, *channel;
    char *want;
} fcase;

static fcase cases[MAX_CASES];
static size_t ncases;
static glocal_args *args;

static pthread_mutex_t serving_lock = PTHREAD_MUTEX_INITIALIZER;
static glocal_catalog *serving;
static atomic_int stop;

static glocal_catalog *acquire(void)
{
    pthread_mutex_lock(&serving_lock);
    glocal_catalog *c = glocal_catalog_ref(serving);
    pthread_mutex_unlock(&serving_lock);
    return c;
}

static char *format_case(const glocal_catalog *c, const fcase *fc)
{
    glocal_request *r = NULL;
    char *out = NULL;
    ck_assert_int_eq(glocal_request_new(fc->locale, &r, NULL), GLOCAL_OK);
    if (fc->channel)
        ck_assert_int_eq(glocal_request_set_axis(r, "channel", fc->channel, NULL), GLOCAL_OK);
    glocal_status st = glocal_format(c, fc->id, r, args, &out, NULL);
    glocal_request_free(r);
    return st == GLOCAL_OK ? out : NULL;
}

static void build_args(void)
{
    glocal_args_new(&args, NULL);
    const char *texts[][2] = {{"name", "Anna"}, {"full_name", "Anna Schmidt"}, {"order", "A-17"},
                              {"carrier", "DHL"}, {"ticket", "T-9"}, {"code", "482913"},
                              {"agent", "Sam"}};
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++)
        glocal_args_text(args, texts[i][0], texts[i][1], NULL);
    const char *dates[] = {"eta", "start", "end", "when", "open", "close"};
    for (size_t i = 0; i < sizeof dates / sizeof *dates; i++)
        glocal_args_date(args, dates[i], 1796117400000 + (int64_t)i * 3600000, NULL);
    glocal_args_money(args, "total", "1234.5", "EUR", NULL);
    glocal_args_money(args, "amount", "19.9", "CHF", NULL);
    glocal_args_int(args, "days", 5, NULL);
    glocal_args_int(args, "hours", 24, NULL);
    glocal_args_int(args, "minutes", 10, NULL);
    glocal_args_int(args, "count", 3, NULL);
}

/* Every message of the shipped catalog, every locale, with and without a channel. */
static void build_cases(const glocal_catalog *c)
{
    static const char *ids[] = {"greeting", "order.confirmed", "order.shipped", "order.delayed",
                                "delivery.window", "payment.failed", "refund.issued",
                                "ticket.received", "ticket.resolved", "survey.nps",
                                "appointment.reminder", "verification.code", "cart.items",
                                "support.hours", "signoff", "legal.footer"};
    static const char *channels[] = {NULL, "sms", "whatsapp"};
    for (size_t l = 0; l < glocal_catalog_locale_count(c); l++)
        for (size_t i = 0; i < sizeof ids / sizeof *ids; i++)
            for (size_t k = 0; k < 3 && ncases < MAX_CASES; k++) {
                fcase *fc = &cases[ncases];
                *fc = (fcase){glocal_catalog_locale_at(c, l), ids[i], channels[k], NULL};
                fc->want = format_case(c, fc);
                ck_assert_msg(fc->want, "%s %s", fc->locale, fc->id);
                fc->locale = strdup(fc->locale);
                ncases++;
            }
}

static void *formatter(void *seed_p)
{
    unsigned seed = (unsigned)(uintptr_t)seed_p;
    long mismatches = 0;
    while (!stop) {
        glocal_catalog *c = acquire();
        for (int i = 0; i < 50; i++) {
            const fcase *fc = &cases[rand_r(&seed) % ncases];
            char *got = format_case(c, fc);
            if (!got || strcmp(got, fc->want) != 0)
                mismatches++;
            glocal_free(got);
        }
        glocal_catalog_unref(c);
    }
    return (void *)mismatches;
}

static void make_broken_copy(void)
{
    snprintf(broken_dir, sizeof broken_dir, "/tmp/glocal-broken-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(broken_dir));
    char path[128];
    snprintf(path, sizeof path, "%s/base.yaml", broken_dir);
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs("glocal: 1\nlocale: base\nlanguage: en\nmessages:\n  greeting: \"Hi {name\"\n", f);
    fclose(f);
}

/* ---- negotiation from cold ---- */

static const char *const headers[] = {
    "fr-CH, fr;q=0.9, en;q=0.5", "de-AT", "zh-TW", "pt-AO,pt;q=0.8", "es-MX", "en-IN",
    "ja-JP", "sr-Latn-RS, sr;q=0.5", "ar-EG", "nl-BE;q=0.7, *;q=0.1", "de-CH-1996", "hi",
};
enum { HEADERS = sizeof headers / sizeof *headers, NEGOTIATIONS = 200 };

static pthread_barrier_t negotiate_start;
static glocal_catalog *negotiating;

static void *negotiator(void *results_p)
{
    char **results = results_p;
    pthread_barrier_wait(&negotiate_start);
    for (int i = 0; i < NEGOTIATIONS; i++) {
        char *locale = NULL;
        size_t h = (size_t)i % HEADERS;
        if (glocal_negotiate(negotiating, headers[h], &locale, NULL) != GLOCAL_OK)
            locale = NULL;
        if (i < HEADERS)
            results[h] = locale;
        else if (!locale || strcmp(locale, results[h]) != 0)
            results[h] = NULL; /* a later answer differs: a mismatch */
        if (i >= HEADERS)
            glocal_free(locale);
    }
    return NULL;
}

START_TEST(negotiate_from_threads)
{
    ck_assert_int_eq(glocal_catalog_open(locales_dir, &negotiating, NULL), GLOCAL_OK);
    static char *results[THREADS][HEADERS];
    pthread_t th[THREADS];
    ck_assert_int_eq(pthread_barrier_init(&negotiate_start, NULL, THREADS), 0);
    for (int i = 0; i < THREADS; i++)
        ck_assert_int_eq(pthread_create(&th[i], NULL, negotiator, results[i]), 0);
    for (int i = 0; i < THREADS; i++)
        pthread_join(th[i], NULL);
    pthread_barrier_destroy(&negotiate_start);
    for (size_t h = 0; h < HEADERS; h++) {
        char *want = NULL;
        ck_assert_int_eq(glocal_negotiate(negotiating, headers[h], &want, NULL), GLOCAL_OK);
        for (int i = 0; i < THREADS; i++) {
            ck_assert_msg(results[i][h] && strcmp(results[i][h], want) == 0,
                          "%s: thread %d negotiated %s, alone %s", headers[h], i,
                          results[i][h] ? results[i][h] : "(failed or changed)", want);
            glocal_free(results[i][h]);
        }
        glocal_free(want);
    }
    glocal_catalog_unref(negotiating);
}
END_TEST

/* ---- reloading while formatting ---- */

START_TEST(reload_while_formatting)
{
    glocal_error *e = NULL;
    ck_assert_int_eq(glocal_catalog_open(locales_dir, &serving, &e), GLOCAL_OK);
    build_args();
    build_cases(serving);
    make_broken_copy();
    pthread_t th[THREADS];
    for (uintptr_t i = 0; i < THREADS; i++)
        ck_assert_int_eq(pthread_create(&th[i], NULL, formatter, (void *)(i + 1)), 0);
    int failed_reopens = 0;
    for (int i = 0; i < RELOADS; i++) {
        glocal_catalog *fresh = NULL;
        glocal_status st = glocal_catalog_open(i % 2 ? broken_dir : locales_dir, &fresh, &e);
        if (st != GLOCAL_OK) {
            ck_assert_int_eq(st, GLOCAL_ERR_SYNTAX);
            ck_assert_ptr_null(fresh);
            glocal_error_free(e);
            e = NULL;
            failed_reopens++;
            continue;
        }
        pthread_mutex_lock(&serving_lock);
        glocal_catalog *old = serving;
        serving = fresh;
        pthread_mutex_unlock(&serving_lock);
        glocal_catalog_unref(old);
    }
    stop = 1;
    long mismatches = 0;
    for (int i = 0; i < THREADS; i++) {
        void *m;
        pthread_join(th[i], &m);
        mismatches += (long)m;
    }
    ck_assert_int_eq(failed_reopens, RELOADS / 2);
    ck_assert_int_eq(mismatches, 0);
    ck_assert_uint_ge(ncases, 15 * 16 * 3);
    for (size_t i = 0; i < ncases; i++) {
        glocal_free(cases[i].want);
        free((char *)cases[i].locale);
    }
    glocal_args_free(args);
    glocal_catalog_unref(serving);
    char path[128];
    snprintf(path, sizeof path, "%s/base.yaml", broken_dir);
    unlink(path);
    rmdir(broken_dir);
}
END_TEST

int main(void)
{
    locales_dir = getenv("GLOCAL_LOCALES");
    if (!locales_dir)
        return 2;
    Suite *s = suite_create("threads");
    TCase *cold = tcase_create("negotiate"); /* first: nothing has used ICU's matcher yet */
    tcase_set_timeout(cold, 600);
    tcase_add_test(cold, negotiate_from_threads);
    suite_add_tcase(s, cold);
    TCase *tc = tcase_create("reload");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, reload_while_formatting);
    suite_add_tcase(s, tc);
    return run_suite(s, CK_FORK_GETENV);
}
