/* The format memo under contention (run under ThreadSanitizer in CI, as
 * test_threads.c is): two threads share one request and format every shipped
 * message with it on two catalogs at once, starting together so that they
 * race to create the request's memo and to publish the same entries; every
 * text must equal the one a fresh request gives, single-threaded.  Each
 * round uses a new request, so the races are run again. */
#include <check.h>
#include <glocal.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../run_suite.h"

enum { THREADS = 2, ROUNDS = 40, MAX_IDS = 64, PASSES = 4 };

static glocal_catalog *cats[2];
static const char *ids[MAX_IDS];
static size_t nids;
static glocal_args *args;
static char *want[2][MAX_IDS];

static glocal_request *shared;
static pthread_barrier_t start;

static void build_args(void)
{
    glocal_args_new(&args, NULL);
    const char *texts[] = {"name", "full_name", "order", "carrier", "ticket", "agent"};
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++)
        glocal_args_text(args, texts[i], "Anna", NULL);
    const char *dates[] = {"eta", "start", "end", "when", "open", "close"};
    for (size_t i = 0; i < sizeof dates / sizeof *dates; i++)
        glocal_args_date(args, dates[i], 1796117400000 + (int64_t)i * 3600000, NULL);
    glocal_args_code(args, "code", "482913", NULL);
    glocal_args_money(args, "total", "1234.5", "EUR", NULL);
    glocal_args_money(args, "amount", "19.9", "CHF", NULL);
    glocal_args_int(args, "days", 5, NULL);
    glocal_args_int(args, "hours", 24, NULL);
    glocal_args_int(args, "minutes", 10, NULL);
    glocal_args_int(args, "count", 3, NULL);
}

static glocal_request *new_request(void)
{
    glocal_request *r = NULL;
    ck_assert_int_eq(glocal_request_new("fr-CA", &r, NULL), GLOCAL_OK);
    ck_assert_int_eq(glocal_request_add_fallback(r, "de", NULL), GLOCAL_OK);
    ck_assert_int_eq(glocal_request_set_axis(r, "channel", "sms", NULL), GLOCAL_OK);
    return r;
}

/* Even threads start on catalog 0, odd ones on catalog 1; each alternates. */
static void *formatter(void *which_p)
{
    size_t which = (size_t)(uintptr_t)which_p;
    long mismatches = 0;
    pthread_barrier_wait(&start);
    for (int pass = 0; pass < PASSES; pass++)
        for (size_t i = 0; i < nids; i++) {
            size_t k = (which + i + (size_t)pass) % 2;
            char buf[1024];
            size_t len;
            glocal_status st = glocal_format_to(cats[k], ids[i], shared, args, buf, sizeof buf,
                                                &len, NULL);
            if (st != GLOCAL_OK || strcmp(buf, want[k][i]) != 0)
                mismatches++;
            char *out = NULL;
            st = glocal_format(cats[k], ids[i], shared, args, &out, NULL);
            if (st != GLOCAL_OK || strcmp(out, want[k][i]) != 0)
                mismatches++;
            glocal_free(out);
        }
    return (void *)mismatches;
}

START_TEST(shared_request_two_catalogs)
{
    const char *dir = getenv("GLOCAL_LOCALES");
    for (int k = 0; k < 2; k++)
        ck_assert_int_eq(glocal_catalog_open(dir, &cats[k], NULL), GLOCAL_OK);
    build_args();
    nids = glocal_catalog_message_count(cats[0]);
    ck_assert_uint_le(nids, MAX_IDS);
    for (size_t i = 0; i < nids; i++) {
        ids[i] = glocal_message_id(glocal_catalog_message_at(cats[0], i));
        for (int k = 0; k < 2; k++) {
            glocal_request *once = new_request(); /* a request that never memoizes */
            ck_assert_int_eq(glocal_format(cats[k], ids[i], once, args, &want[k][i], NULL),
                             GLOCAL_OK);
            glocal_request_free(once);
        }
    }
    pthread_barrier_init(&start, NULL, THREADS);
    long mismatches = 0;
    for (int round = 0; round < ROUNDS; round++) {
        shared = new_request();
        pthread_t t[THREADS];
        for (size_t i = 0; i < THREADS; i++)
            pthread_create(&t[i], NULL, formatter, (void *)(uintptr_t)i);
        for (size_t i = 0; i < THREADS; i++) {
            void *m;
            pthread_join(t[i], &m);
            mismatches += (long)m;
        }
        glocal_request_free(shared);
    }
    pthread_barrier_destroy(&start);
    ck_assert_int_eq(mismatches, 0);
    for (size_t i = 0; i < nids; i++)
        for (int k = 0; k < 2; k++)
            glocal_free(want[k][i]);
    glocal_args_free(args);
    for (int k = 0; k < 2; k++)
        glocal_catalog_unref(cats[k]);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("memo-threads");
    TCase *tc = tcase_create("memo-threads");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, shared_request_two_catalogs);
    suite_add_tcase(s, tc);
    return run_suite(s, CK_NOFORK);
}
