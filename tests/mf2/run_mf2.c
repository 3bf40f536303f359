/* The MessageFormat 2 conformance suite (data/, the upstream tests): every
 * case parsed and formatted through lib/mf2.h in the bidi mode it names,
 * its text and error names compared.  White-box: links the internal library
 * for the :test:* functions and the spec's error recovery, which the public
 * glocal_format does not offer (docs/mf2.md).  A case listed in skips.txt
 * (Draft functions only, each with its reason) may fail; any other failure
 * fails the suite. */
#include <json-c/json.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uloc.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "mf2.h"

static const char *const kFiles[] = {
    "syntax.json",           "syntax-errors.json",     "data-model-errors.json",
    "pattern-selection.json", "bidi.json",             "fallback.json",
    "u-options.json",        "functions/currency.json", "functions/date.json",
    "functions/datetime.json", "functions/integer.json", "functions/number.json",
    "functions/offset.json", "functions/percent.json", "functions/string.json",
    "functions/time.json",
};

enum { MAX_PARAMS = 16, MAX_ERRORS = 16 };

typedef struct params {
    char names[MAX_PARAMS][64];
    gl_value values[MAX_PARAMS];
    size_t n;
} params;

typedef struct errors {
    const char *names[MAX_ERRORS];
    size_t n;
} errors;

static const gl_value *find_param(void *ud, const char *name)
{
    params *p = ud;
    for (size_t k = 0; k < p->n; k++)
        if (strcmp(p->names[k], name) == 0)
            return &p->values[k];
    return NULL;
}

static void note_error(void *ud, const gl_mf2_problem *pr)
{
    errors *e = ud;
    if (e->n < MAX_ERRORS)
        e->names[e->n++] = pr->name;
}

static bool has_name(const char *const *names, size_t n, const char *name)
{
    for (size_t k = 0; k < n; k++)
        if (strcmp(names[k], name) == 0)
            return true;
    return false;
}

/* The distinct error names of both lists are the same. */
static bool same_errors(const errors *got, json_object *exp)
{
    size_t n = exp ? json_object_array_length(exp) : 0;
    const char *want[MAX_ERRORS];
    for (size_t k = 0; k < n && k < MAX_ERRORS; k++)
        want[k] = json_object_get_string(
            json_object_object_get(json_object_array_get_idx(exp, k), "type"));
    for (size_t k = 0; k < n && k < MAX_ERRORS; k++)
        if (!has_name(got->names, got->n, want[k]))
            return false;
    for (size_t k = 0; k < got->n; k++)
        if (!has_name(want, n < MAX_ERRORS ? n : MAX_ERRORS, got->names[k]))
            return false;
    return true;
}

/* Names compare in NFC (syntax.md), so the input mapping's are normalized
 * as the parser normalizes the message's. */
static bool nfc(const char *s, char out[64])
{
    UChar u[64], v[64];
    UErrorCode st = U_ZERO_ERROR;
    int32_t n = 0;
    u_strFromUTF8(u, 64, &n, s, -1, &st);
    n = unorm2_normalize(unorm2_getNFCInstance(&st), u, n, v, 64, &st);
    u_strToUTF8(out, 63, NULL, v, n, &st);
    out[63] = '\0';
    return U_SUCCESS(st);
}

/* JSON parameters as glocal values: strings are text, integers int,
 * other numbers double, booleans codes (glocal has no boolean), a
 * "datetime" its ISO text parsed as an instant in UTC. */
static bool read_params(json_object *arr, params *p)
{
    p->n = 0;
    size_t n = arr ? json_object_array_length(arr) : 0;
    for (size_t k = 0; k < n && p->n < MAX_PARAMS; k++) {
        json_object *o = json_object_array_get_idx(arr, k);
        json_object *val = json_object_object_get(o, "value");
        gl_value v = {0};
        const char *type = json_object_get_string(json_object_object_get(o, "type"));
        if (type && strcmp(type, "datetime") == 0) {
            int y, mo, d, h, mi, s;
            if (sscanf(json_object_get_string(val), "%d-%d-%dT%d:%d:%d", &y, &mo, &d, &h, &mi,
                       &s) != 6)
                return false;
            v.kind = V_DATE;
            v.i = (gl_days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s) * 1000;
        } else if (type && strcmp(type, "day") == 0) {
            int y, mo, d;
            if (sscanf(json_object_get_string(val), "%d-%d-%d", &y, &mo, &d) != 3)
                return false;
            v.kind = V_DAY;
            v.i = gl_days_from_civil(y, mo, d);
        } else if (type && (strcmp(type, "money") == 0 || strcmp(type, "decimal") == 0)) {
            v.kind = strcmp(type, "money") == 0 ? V_MONEY : V_DECIMAL;
            v.s = json_object_get_string(val);
            v.slen = strlen(v.s);
            const char *cur = json_object_get_string(json_object_object_get(o, "currency"));
            snprintf(v.cur, sizeof v.cur, "%s", cur ? cur : "");
        } else if (json_object_is_type(val, json_type_int)) {
            v.kind = V_INT;
            v.i = json_object_get_int64(val);
        } else if (json_object_is_type(val, json_type_double)) {
            v.kind = V_DOUBLE;
            v.d = json_object_get_double(val);
        } else if (json_object_is_type(val, json_type_boolean)) {
            v.kind = V_CODE;
            v.s = json_object_get_boolean(val) ? "true" : "false";
            v.slen = strlen(v.s);
        } else if (json_object_is_type(val, json_type_string)) {
            v.kind = V_TEXT;
            v.s = json_object_get_string(val);
            v.slen = (size_t)json_object_get_string_len(val);
        } else {
            return false;
        }
        if (!nfc(json_object_get_string(json_object_object_get(o, "name")), p->names[p->n]))
            return false;
        p->values[p->n++] = v;
    }
    return true;
}

static json_object *field(json_object *test, json_object *defaults, const char *name)
{
    json_object *v = json_object_object_get(test, name);
    return v ? v : json_object_object_get(defaults, name);
}

/* glocal's own cases (glocal.json) add: glocalIsolation (auto, always,
 * never), html, terms (name → text), zone, strict (stop at the first error,
 * as glocal_format does: expStatus and the first error's name), expAt (the
 * first error's byte offset), expReaders (what lib/mf2.h's readers report). */
static json_object *g_terms;

static glocal_status find_term(void *ud, const char *name, gl_buf *out)
{
    (void)ud;
    json_object *t = g_terms ? json_object_object_get(g_terms, name) : NULL;
    if (!t)
        return GLOCAL_ERR_ARGUMENT;
    gl_buf_puts(out, json_object_get_string(t));
    return GLOCAL_OK;
}

static glocal_isolation isolation_of(json_object *test, json_object *defaults)
{
    const char *mode = json_object_get_string(field(test, defaults, "glocalIsolation"));
    if (mode)
        return strcmp(mode, "auto") == 0    ? GLOCAL_ISOLATE_AUTO
               : strcmp(mode, "never") == 0 ? GLOCAL_ISOLATE_NEVER
                                            : GLOCAL_ISOLATE_ALWAYS;
    const char *bidi = json_object_get_string(field(test, defaults, "bidiIsolation"));
    return bidi && strcmp(bidi, "none") == 0 ? GLOCAL_ISOLATE_NEVER : GLOCAL_ISOLATE_ALWAYS;
}

static const char *status_word(glocal_status st)
{
    return st == GLOCAL_OK ? "ok" : st == GLOCAL_ERR_ARGUMENT ? "argument"
         : st == GLOCAL_ERR_FORMAT ? "format" : "other";
}

/* The parser reads a slice, not a string: src followed by a stray UTF-8
 * continuation byte parses as src alone does (a regression: the decoder
 * once read on into it). */
static bool parses_as_slice(const char *src, size_t len)
{
    char *copy = malloc(len + 2);
    if (!copy)
        return false;
    memcpy(copy, src, len);
    copy[len] = '\x8F';
    copy[len + 1] = '\0';
    gl_arena *a = gl_arena_new(), *b = gl_arena_new();
    gl_mf2 *m;
    gl_mf2_problem w1 = {0}, w2 = {0};
    gl_mf2_parse_status s1 = gl_mf2_parse(a, src, len, &m, &w1);
    gl_mf2_parse_status s2 = gl_mf2_parse(b, copy, len, &m, &w2);
    gl_arena_free(a);
    gl_arena_free(b);
    free(copy);
    return s1 == s2 && w1.at == w2.at;
}

/* ---- the readers lint and the catalog use (expReaders: one line each) ---- */

static void read_argument(void *ud, const char *name, const char *function, size_t at)
{
    gl_buf_printf(ud, "arg %s:%s@%zu\n", name, function ? function : "-", at);
}

static void read_text(void *ud, const char *s, size_t n)
{
    gl_buf_printf(ud, "text %.*s\n", (int)n, s);
}

static void read_markup(void *ud, const gl_mf2_part *part)
{
    const char *kind = part->kind == MF2_MARKUP_OPEN    ? "open"
                       : part->kind == MF2_MARKUP_CLOSE ? "close"
                                                        : "standalone";
    gl_buf_printf(ud, "markup %s %s\n", kind, part->expr.function);
}

/* What the readers report on m, compared with the case's expReaders lines. */
static bool readers_match(const gl_mf2 *m, json_object *exp, gl_buf *got)
{
    if (!exp)
        return true;
    gl_buf r = {0}, want = {0};
    gl_mf2_each_argument(m, read_argument, &r);
    for (size_t k = 0; k < m->nsels; k++) {
        const char *fn = gl_mf2_selector_function(m, k);
        gl_buf_printf(&r, "selector %s:%s\n", m->selectors[k], fn ? fn : "-");
    }
    gl_mf2_each_text(m, read_text, &r);
    gl_mf2_each_markup(m, read_markup, &r);
    for (size_t k = 0; k < json_object_array_length(exp); k++)
        gl_buf_printf(&want, "%s\n", json_object_get_string(json_object_array_get_idx(exp, k)));
    bool ok = strcmp(r.p ? r.p : "", want.p ? want.p : "") == 0;
    if (!ok)
        gl_buf_printf(got, " (readers:\n%s)", r.p ? r.p : "");
    gl_buf_free(&r);
    gl_buf_free(&want);
    return ok;
}

/* Runs one case; the text of what it got into got (for the report). */
static bool run_case(json_object *test, json_object *defaults, gl_buf *got, errors *errs)
{
    const char *src = json_object_get_string(json_object_object_get(test, "src"));
    size_t len = (size_t)json_object_get_string_len(json_object_object_get(test, "src"));
    json_object *exp = json_object_object_get(test, "exp");
    json_object *exp_errors = field(test, defaults, "expErrors");
    json_object *exp_at = json_object_object_get(test, "expAt");
    const char *exp_status = json_object_get_string(json_object_object_get(test, "expStatus"));
    bool strict = json_object_get_boolean(json_object_object_get(test, "strict"));
    const char *zone = json_object_get_string(json_object_object_get(test, "zone"));
    g_terms = json_object_object_get(test, "terms");
    char locale[64];
    snprintf(locale, sizeof locale, "%s", json_object_get_string(field(test, defaults, "locale")));
    for (char *c = locale; *c; c++)
        *c = *c == '-' ? '_' : *c;
    errs->n = 0;
    gl_arena *a = gl_arena_new();
    gl_mf2 *m = NULL;
    gl_mf2_problem why = {0};
    params p;
    bool ok = read_params(json_object_object_get(test, "params"), &p);
    ok = ok && parses_as_slice(src, len);
    if (ok && gl_mf2_parse(a, src, len, &m, &why) != MF2_OK) {
        note_error(errs, &why);
        gl_buf_printf(got, "(not parsed at %zu: %s)", why.at, why.message);
        ok = !exp_at || (size_t)json_object_get_int64(exp_at) == why.at;
    } else if (ok) {
        gl_mf2_env env = {
            .fmt = {.locale = locale, .zone = zone ? zone : "UTC", .serial = 1},
            .rtl = uloc_isRightToLeft(locale),
            .isolation = isolation_of(test, defaults),
            .html = json_object_get_boolean(json_object_object_get(test, "html")),
            .arg = find_param,
            .term = find_term,
            .ud = &p,
            .recover = !strict,
            .test_functions = true,
            .on_error = note_error,
            .error_ud = errs,
        };
        gl_mf2_problem first = {0};
        glocal_status st = gl_mf2_format(m, &env, got, &first);
        if (strict && st != GLOCAL_OK) {
            note_error(errs, &first);
            gl_buf_printf(got, "(%s at %zu: %s)", status_word(st), first.at, first.message);
        }
        ok = strcmp(status_word(st), exp_status ? exp_status : "ok") == 0;
        ok = ok && (!exp_at || (size_t)json_object_get_int64(exp_at) == first.at);
        if (ok && exp)
            ok = strcmp(got->p ? got->p : "", json_object_get_string(exp)) == 0;
        ok = ok && readers_match(m, json_object_object_get(test, "expReaders"), got);
    }
    gl_arena_free(a);
    return ok && !(m == NULL && exp) && same_errors(errs, exp_errors);
}

/* ---- scale: a template is translators' input, up to the scalar limit ----
 * Messages of 20,000 declarations, variants or options parse and format
 * (linear checks, declarations resolved without recursion); a quadratic
 * path would show as the suite's timeout. */

enum { SCALE = 20000 };

static bool scale_case(const char *what, gl_buf *src, const char *exp, const char *exp_error)
{
    static gl_value n = {.kind = V_INT, .i = SCALE - 1};
    gl_arena *a = gl_arena_new();
    gl_mf2 *m = NULL;
    gl_mf2_problem why = {0};
    gl_buf out = {0};
    bool ok = !src->oom;
    if (ok && gl_mf2_parse(a, src->p, src->len, &m, &why) != MF2_OK) {
        ok = exp_error && strcmp(why.name, exp_error) == 0;
    } else if (ok) {
        params p = {.n = 1};
        snprintf(p.names[0], sizeof p.names[0], "n");
        p.values[0] = n;
        gl_mf2_env env = {.fmt = {.locale = "en_US", .zone = "UTC", .serial = 1},
                          .isolation = GLOCAL_ISOLATE_NEVER, .arg = find_param, .ud = &p};
        ok = !exp_error && gl_mf2_format(m, &env, &out, &why) == GLOCAL_OK &&
             strcmp(out.p ? out.p : "", exp) == 0;
    }
    if (!ok)
        fprintf(stderr, "FAIL scale: %s: got \"%s\" (%s)\n", what, out.p ? out.p : "",
                why.name ? why.name : "no error");
    gl_buf_free(&out);
    gl_buf_free(src);
    gl_arena_free(a);
    return ok;
}

static unsigned scale_failures(void)
{
    unsigned failed = 0;
    gl_buf s = {0};
    gl_buf_puts(&s, ".local $v0 = {1 :number}");
    for (int k = 1; k < SCALE; k++)
        gl_buf_printf(&s, " .local $v%d = {$v%d}", k, k - 1);
    gl_buf_printf(&s, " {{{$v%d}}}", SCALE - 1);
    failed += !scale_case("a chain of declarations", &s, "1", NULL);
    for (int dup = 0; dup < 2; dup++) {
        gl_buf_puts(&s, ".input {$n :integer} .match $n");
        for (int k = 0; k < SCALE; k++)
            gl_buf_printf(&s, " %d {{=%d}}", k, k);
        gl_buf_puts(&s, dup ? " 7 {{again}} * {{other}}" : " * {{other}}");
        failed += !scale_case(dup ? "a duplicate variant among many" : "many variants", &s,
                              "=19999", dup ? "duplicate-variant" : NULL);
    }
    gl_buf_puts(&s, "{1 :number");
    for (int k = 0; k < SCALE; k++)
        gl_buf_printf(&s, " o%d=1", k);
    gl_buf_puts(&s, "}");
    failed += !scale_case("many options", &s, "1", NULL);
    return failed;
}

/* ---- the buffer contract (lib/mf2.h): appends; a failure leaves out as it was ---- */

static bool appends(const char *src, size_t max, glocal_status want_status, const char *want)
{
    gl_arena *a = gl_arena_new();
    gl_mf2 *m;
    gl_mf2_problem why;
    bool ok = gl_mf2_parse(a, src, strlen(src), &m, &why) == MF2_OK;
    gl_buf out = {.max = max};
    gl_buf_puts(&out, "ab");
    static params none;
    gl_mf2_env env = {.fmt = {.locale = "en_US", .zone = "UTC", .serial = 1},
                      .isolation = GLOCAL_ISOLATE_NEVER, .arg = find_param, .ud = &none};
    ok = ok && gl_mf2_format(m, &env, &out, NULL) == want_status &&
         strcmp(out.p ? out.p : "", want) == 0;
    if (!ok)
        fprintf(stderr, "FAIL buffer contract: %s gave \"%s\"\n", src, out.p ? out.p : "");
    gl_buf_free(&out);
    gl_arena_free(a);
    return ok;
}

static unsigned contract_failures(void)
{
    return !appends("cd {1 :number}", 0, GLOCAL_OK, "abcd 1") +
           !appends("cd {$missing}", 0, GLOCAL_ERR_ARGUMENT, "ab") +
           !appends("cdefgh", 6, GLOCAL_ERR_LIMIT, "ab") +
           !appends("cdef", 6, GLOCAL_OK, "abcdef");
}

/* ---- threads: the ICU caches are per thread ----
 * Four threads format messages in four locales at once, each text checked
 * against what one thread wrote first. */

enum { THREADS = 4, ROUNDS = 300 };

static const char *const kThreadMessages[] = {
    ".input {$n :number} .match $n one {{{$n} plik}} few {{{$n} pliki}} * {{{$n} plików}}",
    "{$n :currency currency=EUR} {|2006-01-02| :date length=long} {$n :percent}",
};
static const char *const kThreadLocales[] = {"pl", "de", "ar", "en_US"};

typedef struct thread_job {
    gl_mf2 *messages[2];
    char want[4][2][128];
    bool ok;
} thread_job;

static bool format_into(const gl_mf2 *m, const char *locale, char out[128])
{
    static gl_value n = {.kind = V_INT, .i = 3};
    params p = {.n = 1};
    snprintf(p.names[0], sizeof p.names[0], "n");
    p.values[0] = n;
    gl_mf2_env env = {.fmt = {.locale = locale, .zone = "UTC", .serial = 1},
                      .isolation = GLOCAL_ISOLATE_NEVER, .arg = find_param, .ud = &p};
    gl_buf b = {0};
    bool ok = gl_mf2_format(m, &env, &b, NULL) == GLOCAL_OK;
    snprintf(out, 128, "%s", b.p ? b.p : "");
    gl_buf_free(&b);
    return ok;
}

static void *format_many(void *arg)
{
    thread_job *job = arg;
    char got[128];
    for (int r = 0; r < ROUNDS; r++)
        for (int l = 0; l < 4; l++)
            for (int k = 0; k < 2; k++)
                if (!format_into(job->messages[k], kThreadLocales[l], got) ||
                    strcmp(got, job->want[l][k]) != 0)
                    job->ok = false;
    return NULL;
}

static unsigned thread_failures(void)
{
    gl_arena *a = gl_arena_new();
    thread_job jobs[THREADS];
    gl_mf2_problem why;
    for (int k = 0; k < 2; k++)
        if (gl_mf2_parse(a, kThreadMessages[k], strlen(kThreadMessages[k]), &jobs[0].messages[k],
                         &why) != MF2_OK)
            return 1;
    for (int l = 0; l < 4; l++)
        for (int k = 0; k < 2; k++)
            if (!format_into(jobs[0].messages[k], kThreadLocales[l], jobs[0].want[l][k]))
                return 1;
    pthread_t t[THREADS];
    for (int i = 0; i < THREADS; i++) {
        jobs[i] = jobs[0];
        jobs[i].ok = true;
        pthread_create(&t[i], NULL, format_many, &jobs[i]);
    }
    unsigned failed = 0;
    for (int i = 0; i < THREADS; i++) {
        pthread_join(t[i], NULL);
        failed += !jobs[i].ok;
    }
    if (failed)
        fprintf(stderr, "FAIL threads: %u of %d threads wrote another text\n", failed, THREADS);
    gl_arena_free(a);
    return failed ? 1 : 0;
}

/* skips.txt: "FILE#INDEX reason" lines; the reason is for docs/mf2.md. */
static bool skipped(const char *skips, const char *file, size_t index)
{
    char key[1100];
    snprintf(key, sizeof key, "\n%s#%zu ", file, index);
    return skips && strstr(skips, key) != NULL;
}

static char *read_all(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    gl_buf b = {0};
    gl_buf_putc(&b, '\n'); /* every key is found as "\nFILE#N " */
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        gl_buf_putn(&b, chunk, n);
    fclose(f);
    return gl_buf_take(&b);
}

static void print_error_names(const errors *e)
{
    for (size_t k = 0; k < e->n; k++)
        fprintf(stderr, "%s%s", k ? ", " : "", e->names[k]);
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: %s DATA_DIR SKIPS [GLOCAL_CASES.json...]\n", argv[0]);
        return 2;
    }
    char *skips = read_all(argv[2]);
    unsigned total_pass = 0, total_fail = 0, total_skip = 0;
    size_t nupstream = sizeof kFiles / sizeof *kFiles;
    for (size_t f = 0; f < nupstream + (size_t)(argc - 3); f++) {
        char path[1024];
        if (f < nupstream)
            snprintf(path, sizeof path, "%s/%s", argv[1], kFiles[f]);
        else
            snprintf(path, sizeof path, "%s", argv[3 + f - nupstream]);
        const char *base = strrchr(path, '/');
        const char *name = f < nupstream ? kFiles[f] : base ? base + 1 : path;
        json_object *root = json_object_from_file(path);
        if (!root) {
            fprintf(stderr, "%s: cannot read it\n", path);
            return 1;
        }
        json_object *defaults = json_object_object_get(root, "defaultTestProperties");
        json_object *tests = json_object_object_get(root, "tests");
        unsigned pass = 0, fail = 0, skip = 0;
        for (size_t k = 0; k < json_object_array_length(tests); k++) {
            json_object *t = json_object_array_get_idx(tests, k);
            gl_buf got = {0};
            errors errs;
            bool ok = run_case(t, defaults, &got, &errs);
            if (ok) {
                pass++;
            } else if (f < nupstream && skipped(skips, name, k)) {
                skip++;
            } else {
                fail++;
                json_object *exp = json_object_object_get(t, "exp");
                fprintf(stderr, "FAIL %s#%zu %s\n  got  \"%s\" [", name, k,
                        json_object_get_string(json_object_object_get(t, "src")),
                        got.p ? got.p : "");
                print_error_names(&errs);
                fprintf(stderr, "]\n  want \"%s\" %s\n", exp ? json_object_get_string(exp) : "-",
                        json_object_to_json_string(field(t, defaults, "expErrors")));
            }
            gl_buf_free(&got);
        }
        printf("%-26s %3u passed, %u failed, %u skipped\n", name, pass, fail, skip);
        total_pass += pass;
        total_fail += fail;
        total_skip += skip;
        json_object_put(root);
    }
    unsigned contract_failed = contract_failures();
    printf("%-26s %3u passed, %u failed, 0 skipped\n", "buffer contract", 4 - contract_failed,
           contract_failed);
    total_pass += 4 - contract_failed;
    total_fail += contract_failed;
    unsigned threads_failed = thread_failures();
    printf("%-26s %3u passed, %u failed, 0 skipped\n", "threads", 1 - threads_failed,
           threads_failed);
    total_pass += 1 - threads_failed;
    total_fail += threads_failed;
    unsigned scale_failed = scale_failures();
    printf("%-26s %3u passed, %u failed, 0 skipped\n", "scale (generated)", 4 - scale_failed,
           scale_failed);
    total_pass += 4 - scale_failed;
    total_fail += scale_failed;
    printf("mf2 conformance: %u passed, %u failed, %u skipped\n", total_pass, total_fail,
           total_skip);
    free(skips);
    return total_fail ? 1 : 0;
}
