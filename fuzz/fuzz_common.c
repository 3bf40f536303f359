/* Helpers of the fuzz targets (fuzz_common.h). */
#include "fuzz_common.h"

#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>

static char fz_dir[128];

static void fz_remove_dir(void)
{
    DIR *d = fz_dir[0] ? opendir(fz_dir) : NULL;
    if (!d)
        return;
    struct dirent *e;
    char path[512];
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        snprintf(path, sizeof path, "%s/%s", fz_dir, e->d_name);
        unlink(path);
    }
    closedir(d);
}

static void fz_cleanup(void)
{
    fz_remove_dir();
    if (fz_dir[0])
        rmdir(fz_dir);
}

/* The process' scratch directory, emptied; in /dev/shm when there is one. */
const char *fz_scratch(void)
{
    if (!fz_dir[0]) {
        const char *base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
        snprintf(fz_dir, sizeof fz_dir, "%s/glocal-fuzz-XXXXXX", base);
        if (!mkdtemp(fz_dir)) {
            perror("mkdtemp");
            abort();
        }
        atexit(fz_cleanup);
    } else {
        fz_remove_dir();
    }
    return fz_dir;
}

static void fz_write_in(const char *dir, const char *name, const uint8_t *p, size_t n)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        perror(path);
        abort();
    }
    while (n) {
        ssize_t w = write(fd, p, n);
        if (w <= 0) {
            perror(path);
            abort();
        }
        p += w;
        n -= (size_t)w;
    }
    close(fd);
}

void fz_write(const char *name, const uint8_t *p, size_t n)
{
    fz_write_in(fz_dir, name, p, n);
}

/* `#>NAME\n` at p (which starts a line)?  Sets the name, returns the header length. */
static size_t fz_header(const uint8_t *p, size_t n, char name[32])
{
    if (n < 4 || p[0] != '#' || p[1] != '>')
        return 0;
    size_t i = 2;
    while (i < n && i < 26 && (p[i] == '-' || p[i] == '_' || (p[i] >= '0' && p[i] <= '9') ||
                               ((p[i] | 0x20) >= 'a' && (p[i] | 0x20) <= 'z')))
        i++;
    if (i == 2 || i >= n || p[i] != '\n')
        return 0;
    snprintf(name, 32, "%.*s.yaml", (int)(i - 2), (const char *)p + 2);
    return i + 1;
}

/* Writes the input as bundle files into dir.  An input that starts with a
 * header has no base.yaml. */
void fz_write_bundles(const char *dir, const uint8_t *data, size_t size)
{
    char name[32] = "base.yaml", next[32];
    size_t start = 0, files = 0;
    for (;;) {
        size_t j = start, h = 0;
        for (; j < size; j++)
            if ((j == 0 || data[j - 1] == '\n') && (h = fz_header(data + j, size - j, next)))
                break;
        if (files < FZ_MAX_FILES && (j > 0 || start > 0))
            fz_write_in(dir, name, data + start, j - start);
        files++;
        if (j >= size)
            return;
        memcpy(name, next, sizeof name);
        start = j + h;
    }
}

const char *fz_write_catalog(const uint8_t *data, size_t size)
{
    const char *dir = fz_scratch();
    fz_write_bundles(dir, data, size);
    return dir;
}

uint64_t fz_max_output;
bool fz_compiled, fz_unverified;

/* Tight limits for one input in four (chosen by its last byte, which also
 * picks a third of the limits), so that every limit is reached on small
 * inputs too; NULL means the defaults. */
glocal_options *fz_options(const uint8_t *data, size_t size)
{
    fz_max_output = 1u << 20; /* GLOCAL_LIMIT_OUTPUT_BYTES' default (glocal.h) */
    if (!size || data[size - 1] % 4 != 1)
        return NULL;
    static const struct {
        glocal_limit which;
        uint64_t value;
    } tight[] = {{GLOCAL_LIMIT_FILE_BYTES, 4096}, {GLOCAL_LIMIT_YAML_DEPTH, 4},
                 {GLOCAL_LIMIT_SCALAR_BYTES, 80},  {GLOCAL_LIMIT_MESSAGES, 3},
                 {GLOCAL_LIMIT_VARIANTS, 3},       {GLOCAL_LIMIT_TEMPLATE_DEPTH, 2},
                 {GLOCAL_LIMIT_BUNDLES, 2},        {GLOCAL_LIMIT_OUTPUT_BYTES, 40}};
    glocal_options *o = NULL;
    glocal_options_new(&o, NULL);
    FZ_CHECK(o != NULL, "glocal_options_new");
    for (size_t i = 0; i < sizeof tight / sizeof *tight; i++)
        if (((size_t)(data[size - 1] >> 2) + i) % 3 == 0) {
            FZ_CHECK(glocal_options_set_limit(o, tight[i].which, tight[i].value, NULL) == GLOCAL_OK,
                     "set_limit %d", (int)tight[i].which);
            if (tight[i].which == GLOCAL_LIMIT_OUTPUT_BYTES)
                fz_max_output = tight[i].value;
        }
    return o;
}

/* ---- formatting a whole catalog ---- */

bool fz_utf8_ok(const char *s)
{
    return utf8_valid(s, strlen(s));
}

enum { FZ_TEXT, FZ_NUMBER, FZ_DATE, FZ_MONEY };
static const char *const fz_types[] = {"text", "number", "date", "money"};

/* One value of a type argument i of m allows; `pick` varies the value. */
static void fz_add_arg(glocal_args *a, const glocal_message *m, size_t i, unsigned pick)
{
    const char *name = glocal_message_arg_name(m, i);
    static const char *const texts[] = {"Anna", "", "\xD7\xA9\xD7\xA8\xD7\x94", "{x} '#' {-brand}",
                                        ("\xE2\x80\xAE" "abc"),
                                        "a\nb"};
    static const char *const decimals[] = {"1234.5", "-0.0001", "1e3", "99999999999999999999.99"};
    static const int64_t ints[] = {0, 1, 2, 5, -1, 21, INT64_MAX, INT64_MIN};
    /* the first and last days glocal writes in every zone (years 1 to 9999 in
     * the zone used, docs/resolution.md#dates): a day inside the edges */
    static const int64_t dates[] = {1796117400000, 0, -62135596800000 + 86400000,
                                    253402300799000 - 86400000};
    static const char *const money[][2] = {{"19.90", "EUR"}, {"-0.5", "JPY"}, {"1e6", "CHF"},
                                           {"0.001", "BHD"}};
    static const char *const codes[] = {"482913", "K-204817", "a"};
    glocal_status st = GLOCAL_OK;
    const char *declared = glocal_message_arg_type(m, i);
    if (strcmp(declared, "code") == 0) {
        /* a code takes only a code (a text is read as one and may fail) */
        st = glocal_args_code(a, name, codes[pick % 3], NULL);
        FZ_CHECK(st == GLOCAL_OK || fz_compiled, "setting code %s: %s", name,
                 glocal_status_name(st));
        return;
    }
    if (strcmp(declared, "day") == 0) {
        /* a day, or an instant taken as its date in the request's zone */
        int year = pick & 2 ? 1 : 2026, day = 1 + (int)(pick % 28);
        st = pick & 1 ? glocal_args_day(a, name, year, 12, day, NULL)
                      : glocal_args_date(a, name, dates[pick % 4], NULL);
        FZ_CHECK(st == GLOCAL_OK, "setting day %s: %s", name, glocal_status_name(st));
        return;
    }
    unsigned types[4], nt = 0;
    for (unsigned t = FZ_TEXT; t <= FZ_MONEY; t++)
        if (glocal_message_arg_accepts(m, i, fz_types[t]))
            types[nt++] = t;
    if (!nt)
        return; /* reported by the loader; format must say ARGUMENT */
    switch (types[pick % nt]) {
    case FZ_TEXT:
        st = glocal_args_text(a, name, texts[pick % 6], NULL);
        break;
    case FZ_NUMBER:
        if (pick & 4)
            st = glocal_args_decimal(a, name, decimals[pick % 4], NULL);
        else if (pick & 8)
            st = glocal_args_double(a, name, 1.5 + (double)(pick % 3), NULL);
        else
            st = glocal_args_int(a, name, ints[pick % 8], NULL);
        break;
    case FZ_DATE:
        st = glocal_args_date(a, name, dates[pick % 4], NULL);
        break;
    case FZ_MONEY:
        st = glocal_args_money(a, name, money[pick % 4][0], money[pick % 4][1], NULL);
        break;
    }
    /* a compiled file's string may have moved to another (fz_compiled): not a name */
    FZ_CHECK(st == GLOCAL_OK || fz_compiled, "setting argument %s: %s", name,
             glocal_status_name(st));
}

glocal_args *fz_args_for(const glocal_message *m, unsigned pick)
{
    glocal_args *a = NULL;
    glocal_args_new(&a, NULL);
    FZ_CHECK(a != NULL, "glocal_args_new");
    for (size_t i = 0; i < glocal_message_arg_count(m); i++)
        fz_add_arg(a, m, i, pick + (unsigned)i);
    return a;
}

/* Checks one glocal_format/glocal_explain result.  With arguments of the
 * allowed types for every declared name, only the output limit may stop a
 * message of a catalog that opened. */
void fz_check_result(const char *what, const char *id, glocal_status st, char *out,
                            glocal_error *e, bool args_complete)
{
    if (st == GLOCAL_OK) {
        FZ_CHECK(out != NULL && (fz_unverified || fz_utf8_ok(out)), "%s %s: bad output", what,
                 id);
        FZ_CHECK(strcmp(what, "format") != 0 || strlen(out) <= fz_max_output,
                 "%s %s: output beyond the limit", what, id);
        FZ_CHECK(e == NULL, "%s %s: error set on success", what, id);
    } else {
        FZ_CHECK(out == NULL, "%s %s: output set on failure", what, id);
        FZ_CHECK(e != NULL && glocal_error_code(e) == st, "%s %s: error/status mismatch", what, id);
        FZ_CHECK(fz_unverified || fz_utf8_ok(glocal_error_message(e)),
                 "%s %s: error message not UTF-8", what, id);
        FZ_CHECK(st == GLOCAL_ERR_LIMIT || st == GLOCAL_ERR_FORMAT ||
                     (!args_complete && st == GLOCAL_ERR_ARGUMENT) ||
                     (fz_compiled && st != GLOCAL_ERR_NOMEM),
                 "%s %s: %s: %s", what, id, glocal_status_name(st), glocal_error_message(e));
    }
    glocal_free(out);
    glocal_error_free(e);
}

/* Every message of c, for each of up to `nloc` locales and a few contexts. */
void fz_format_all(const glocal_catalog *c, unsigned seed, size_t nloc)
{
    const char *locales[8];
    size_t n = 0;
    locales[n++] = glocal_catalog_language(c);
    for (size_t i = 0; i < glocal_catalog_locale_count(c) && n < nloc && n < 8; i++)
        locales[n++] = glocal_catalog_locale_at(c, i);
    static const char *const contexts[][3] = {
        {NULL, NULL, NULL}, {"formal", NULL, "sms"}, {"informal", "warm", "whatsapp"}};
    for (size_t l = 0; l < n; l++) {
        for (size_t k = 0; k < 3; k++) {
            glocal_request *r = NULL;
            glocal_status st = glocal_request_new(locales[l], &r, NULL);
            if ((st == GLOCAL_ERR_LOCALE || st == GLOCAL_ERR_INVALID) && fz_unverified)
                continue;
            FZ_CHECK(st == GLOCAL_OK, "request for bundle locale %s: %s", locales[l],
                     glocal_status_name(st));
            static const char *const axes[] = {"formality", "tone", "channel"};
            bool known = true;
            for (int a = 0; a < 3; a++) {
                if (!contexts[k][a])
                    continue;
                known = known && glocal_catalog_value_axis(c, contexts[k][a]);
                FZ_CHECK(glocal_request_set_axis(r, axes[a], contexts[k][a], NULL) == GLOCAL_OK,
                         "set_axis");
            }
            glocal_request_set_isolation(r, (glocal_isolation)((seed + k) % 3), NULL);
            if (k == 1)
                glocal_request_set_time_zone(r, "Asia/Kolkata", NULL);
            for (size_t i = 0; i < glocal_catalog_message_count(c); i++) {
                const glocal_message *m = glocal_catalog_message_at(c, i);
                const char *id = glocal_message_id(m);
                glocal_args *a = fz_args_for(m, seed + (unsigned)(l * 3 + k));
                char *out = NULL;
                glocal_error *e = NULL;
                st = glocal_format(c, id, r, a, &out, &e);
                if (!known) {
                    FZ_CHECK(st == GLOCAL_ERR_INVALID || (fz_compiled && st != GLOCAL_OK),
                             "unknown axis value: %s", glocal_status_name(st));
                    glocal_free(out);
                    glocal_error_free(e);
                } else {
                    fz_check_result("format", id, st, out, e, true);
                }
                if (k == 0 && l == 0) {
                    out = NULL;
                    e = NULL;
                    st = glocal_explain(c, id, r, a, &out, &e);
                    fz_check_result("explain", id, st, out, e, true);
                }
                glocal_args_free(a);
            }
            glocal_request_free(r);
        }
    }
}

