/* Template + arguments -> a one-message catalog -> glocal_format.
 *
 * Input (text):
 *   LANG [REQUEST-LOCALE [decl]]\n     optional; LANG defaults to en
 *   TEMPLATE                           up to "\n@@\n" or the end
 *   \n@@\n
 *   name=T:value\n ...                 T: t text, i int, f double, s decimal,
 *                                      d date (ms), m money ("19.90 EUR")
 * With `decl`, base declares the arguments (`_args`) with the types of the
 * argument lines; otherwise base's use of them declares them. */
#include <math.h>

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct fz_input {
    char lang[48], req[80];
    bool decl;
    const char *tmpl;
    size_t tmpl_len;
    const char *args;
    size_t args_len;
} fz_input;

static bool tag_char(char c)
{
    return c == '-' || c == '_' || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

static void parse_input(const char *s, size_t n, fz_input *in)
{
    memset(in, 0, sizeof *in);
    strcpy(in->lang, "en");
    const char *nl = memchr(s, '\n', n);
    if (nl) {
        size_t i = 0, a = 0;
        while (s + i < nl && tag_char(s[i]) && i < 40)
            i++;
        a = i;
        bool ok = i > 0 && (s + i == nl || s[i] == ' ');
        size_t j = i + 1, b = j;
        if (ok && s + i < nl) {
            while (s + j < nl && (tag_char(s[j]) || (s[j] && strchr("@=;.", s[j]))) && j - b < 60)
                j++;
            ok = j > b;
            if (ok && s + j < nl)
                ok = (size_t)(nl - s - j) == 5 && memcmp(s + j, " decl", 5) == 0;
        }
        if (ok) {
            snprintf(in->lang, sizeof in->lang, "%.*s", (int)a, s);
            if (s + a < nl)
                snprintf(in->req, sizeof in->req, "%.*s", (int)(j - b), s + b);
            in->decl = s + j < nl;
            size_t h = (size_t)(nl - s) + 1;
            s += h;
            n -= h;
        }
    }
    in->tmpl = s;
    in->tmpl_len = n;
    for (size_t i = 0; i + 4 <= n; i++) {
        if (memcmp(s + i, "\n@@\n", 4) == 0) {
            in->tmpl_len = i;
            in->args = s + i + 4;
            in->args_len = n - i - 4;
            break;
        }
    }
}

/* A YAML double-quoted scalar holding exactly the code points of s. */
static void put_quoted(strbuf *b, const char *s, size_t n)
{
    sb_putc(b, '"');
    const char *p = s, *end = s + n;
    while (p < end) {
        const char *q = p;
        uint32_t cp = utf8_next(&q);
        if (cp == '"' || cp == '\\') {
            sb_putc(b, '\\');
            sb_putc(b, (char)cp);
        } else if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp == 0x2028 || cp == 0x2029 ||
                   cp == 0xFEFF || cp >= 0xFFFE) {
            if (cp >= 0x10000)
                sb_putn(b, p, (size_t)(q - p));
            else
                sb_printf(b, "\\u%04X", (unsigned)cp);
        } else {
            sb_putn(b, p, (size_t)(q - p));
        }
        p = q;
    }
    sb_putc(b, '"');
}

static const char *type_of(char t)
{
    switch (t) {
    case 't': return "text";
    case 'i': case 'f': case 's': return "number";
    case 'd': return "date";
    case 'm': return "money";
    default: return NULL;
    }
}

/* Calls fn for each well-formed `name=T:value` line. */
static void each_arg(const fz_input *in, void (*fn)(void *, const char *, char, const char *),
                     void *ud)
{
    if (!in->args)
        return;
    const char *p = in->args, *end = in->args + in->args_len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        const char *eq = memchr(p, '=', (size_t)(le - p));
        if (eq && eq > p && eq + 2 < le + 1 && eq[2] == ':' && eq - p < 64 && le - eq < 200) {
            char name[64], value[200];
            snprintf(name, sizeof name, "%.*s", (int)(eq - p), p);
            snprintf(value, sizeof value, "%.*s", (int)(le - eq - 3), eq + 3);
            if (strlen(name) == (size_t)(eq - p) && strlen(value) == (size_t)(le - eq - 3))
                fn(ud, name, eq[1], value);
        }
        p = nl ? nl + 1 : end;
    }
}

static void declare_arg(void *ud, const char *name, char t, const char *value)
{
    (void)value;
    const char *type = type_of(t);
    if (type && glocal_name_valid(GLOCAL_NAME_ARGUMENT, name))
        sb_printf(ud, "      %s: %s\n", name, type);
}

static void set_arg(void *ud, const char *name, char t, const char *value)
{
    glocal_args *a = ud;
    char amount[200];
    const char *sp;
    switch (t) {
    case 't':
        glocal_args_text(a, name, value, NULL);
        break;
    case 'i':
        glocal_args_int(a, name, strtoll(value, NULL, 10), NULL);
        break;
    case 'f':
        glocal_args_double(a, name, strtod(value, NULL), NULL);
        break;
    case 's':
        glocal_args_decimal(a, name, value, NULL);
        break;
    case 'd':
        glocal_args_date(a, name, strtoll(value, NULL, 10), NULL);
        break;
    case 'm':
        sp = strchr(value, ' ');
        snprintf(amount, sizeof amount, "%.*s", sp ? (int)(sp - value) : (int)strlen(value),
                 value);
        glocal_args_money(a, name, amount, sp ? sp + 1 : "", NULL);
        break;
    }
}

static void run(const fz_input *inp, const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* a NUL-terminated copy: the template is read as a C string */
    char *text = malloc(size + 1);
    FZ_CHECK(text != NULL, "out of memory");
    memcpy(text, data, size);
    text[size] = '\0';
    fz_input in;
    parse_input(text, size, &in);
    run(&in, data, size);
    free(text);
    return 0;
}

/* glocal_format_to into cap bytes (0: the length alone) gives what glocal_format
 * gave (status st, text want): the same text when it fits, else
 * GLOCAL_ERR_BUFFER with its length and an empty buffer. */
static void check_format_to(const glocal_catalog *c, const glocal_request *r,
                            const glocal_args *a, glocal_status st, const char *want, size_t cap)
{
    char *buf = cap ? malloc(cap) : NULL;
    size_t len = 1;
    glocal_error *e = NULL;
    glocal_status got = glocal_format_to(c, "m", r, a, buf, cap, &len, &e);
    size_t n = want ? strlen(want) : 0;
    if (st == GLOCAL_OK && n >= cap) {
        FZ_CHECK(got == GLOCAL_ERR_BUFFER && len == n && (!cap || !buf[0]),
                 "format_to into %zu bytes: %s, %zu of %zu", cap, glocal_status_name(got), len,
                 n);
    } else {
        FZ_CHECK(got == st, "format_to: %s, format: %s", glocal_status_name(got),
                 glocal_status_name(st));
        FZ_CHECK(st != GLOCAL_OK || (len == n && memcmp(buf, want, n + 1) == 0),
                 "format_to: other bytes than format");
        FZ_CHECK(st == GLOCAL_OK || (len == 0 && (!cap || !buf[0])),
                 "format_to: a partial text on failure");
    }
    FZ_CHECK((got == GLOCAL_OK) == (e == NULL), "format_to: error and status disagree");
    glocal_error_free(e);
    free(buf);
}

static void run(const fz_input *inp, const uint8_t *data, size_t size)
{
    fz_input in = *inp;
    if (!utf8_valid(in.tmpl, in.tmpl_len) || (in.args && !utf8_valid(in.args, in.args_len)))
        return;
    strbuf y = {0};
    sb_printf(&y, "glocal: 1\nlocale: base\nlanguage: %s\nterms:\n  brand: \"Kes{t}rel's #\"\n"
                  "  care: Care\nmessages:\n  m:\n", in.lang);
    if (in.decl) {
        sb_puts(&y, "    _args:\n");
        size_t before = y.len;
        each_arg(&in, declare_arg, &y);
        if (y.len == before)
            sb_puts(&y, "      {}\n");
    }
    sb_puts(&y, "    other: ");
    put_quoted(&y, in.tmpl, in.tmpl_len);
    sb_putc(&y, '\n');
    const char *dir = fz_scratch();
    fz_write("base.yaml", (const uint8_t *)y.p, y.len);
    sb_free(&y);

    glocal_catalog *c = NULL;
    glocal_error *e = NULL;
    glocal_options *o = fz_options(data, size);
    glocal_status st = glocal_catalog_open_with(dir, o, &c, &e);
    glocal_options_free(o);
    if (st != GLOCAL_OK) {
        FZ_CHECK(st == GLOCAL_ERR_SYNTAX || st == GLOCAL_ERR_SCHEMA || st == GLOCAL_ERR_LIMIT,
                 "open: %s: %s", glocal_status_name(st), glocal_error_message(e));
        FZ_CHECK(glocal_error_line(e) > 0, "open: %s without a line", glocal_error_message(e));
        glocal_error_free(e);
        return;
    }
    glocal_request *r = NULL;
    if (!in.req[0] || glocal_request_new(in.req, &r, NULL) != GLOCAL_OK)
        FZ_CHECK(glocal_request_new(in.lang, &r, NULL) == GLOCAL_OK, "request %s", in.lang);
    glocal_request_set_isolation(r, (glocal_isolation)(size % 3), NULL);
    const glocal_message *m = glocal_catalog_message(c, "m");
    for (unsigned pick = 0; pick < 3; pick++) {
        glocal_args *a = fz_args_for(m, pick + (unsigned)size);
        char *out = NULL;
        e = NULL;
        st = glocal_format(c, "m", r, a, &out, &e);
        check_format_to(c, r, a, st, out, (size ? data[size / 2] : 0) * (size_t)(pick + 1));
        fz_check_result("format", "m", st, out, e, true);
        if (pick == 0 && in.args) {
            each_arg(&in, set_arg, a);
            out = NULL;
            e = NULL;
            st = glocal_format(c, "m", r, a, &out, &e);
            fz_check_result("format", "m", st, out, e, false);
            out = NULL;
            e = NULL;
            st = glocal_explain(c, "m", r, a, &out, &e);
            fz_check_result("explain", "m", st, out, e, false);
        }
        glocal_args_free(a);
    }
    glocal_request_free(r);
    glocal_catalog_unref(c);
}
