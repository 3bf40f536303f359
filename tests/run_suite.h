/* Runs a Check suite; the exit status for meson (0 when every test passed). */
#ifndef GLOCAL_TEST_RUN_SUITE_H
#define GLOCAL_TEST_RUN_SUITE_H

#include <check.h>

static inline int run_suite(Suite *s, enum fork_status fork)
{
    SRunner *sr = srunner_create(s);
    if (fork != CK_FORK_GETENV)
        srunner_set_fork_status(sr, fork);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}

#endif
