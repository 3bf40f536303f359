/* Shared by the core tests (test_*.c): the fixture catalogs, request and
 * argument builders, and the format-and-compare helpers.  core.c defines them
 * and runs the suite. */
#ifndef GLOCAL_TEST_CORE_H
#define GLOCAL_TEST_CORE_H

#include <check.h>
#include <glocal.h>
#include <stdint.h>

#define FSI "\xE2\x81\xA8"
#define PDI "\xE2\x81\xA9"
#define NNBSP "\xE2\x80\xAF"
#define NBSP "\xC2\xA0"

extern const char *fixtures;       /* tests/core/fixtures */
extern glocal_catalog *resolve_cat; /* fixtures/resolve */
extern glocal_catalog *fmt_cat;     /* fixtures/fmt */
static const int64_t DEC1 = 1796117400000; /* 2026-12-01T09:30:00Z */

/* A test case whose tests run with resolve_cat and fmt_cat open. */
TCase *core_tcase(const char *name);

/* Builds a request from "key=value,key=value" (formality, tone, channel, tz, iso). */
glocal_request *request(const char *locale, const char *ctx);
/* A new, empty argument list. */
glocal_args *new_args(void);
/* name=Anna, count=1, d=DEC1, n=1234.5 */
glocal_args *std_args(void);
/* Formats and compares; status must be OK. */
void expect(glocal_catalog *c, const char *locale, const char *ctx, const char *id,
            glocal_args *a, const char *want);
void expect_std(glocal_catalog *c, const char *locale, const char *ctx, const char *id,
                const char *want);
/* Formats, expecting a failure: returns the status; *out must come back NULL. */
glocal_status fail_status(glocal_catalog *c, const char *locale, const char *ctx,
                          const char *id, glocal_args *a, glocal_error **e);

/* Each area file adds its test cases to the suite. */
void add_resolution_tests(Suite *s);
void add_format_tests(Suite *s);
void add_api_tests(Suite *s);
void add_open_tests(Suite *s);
void add_served_tests(Suite *s);
void add_fallback_tests(Suite *s);
void add_axes_tests(Suite *s);
void add_parts_tests(Suite *s);
void add_read_tests(Suite *s);
void add_channel_tests(Suite *s);

#endif
