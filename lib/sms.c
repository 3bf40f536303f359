/* SMS: the GSM 03.38 alphabet (basic and extension tables, defined here and
 * nowhere else), segment counting as operators bill it, and the replacements
 * and letter folding a channel's `encoding` asks for (docs/channels.md). */
#include "sms.h"

#include <string.h>
#include <unicode/unorm2.h>

#include "glocal.h"
#include "error.h"

/* ---- the tables (3GPP TS 23.038, 6.2.1) ---- */

/* The basic table beyond ASCII, in code order.  ASCII is basic except `
 * (absent) and [ \ ] ^ { | } ~ (extension). */
static const uint16_t basic_non_ascii[] = {
    0x00A3, 0x00A5, 0x00E8, 0x00E9, 0x00F9, 0x00EC, 0x00F2, 0x00C7, 0x00D8, 0x00F8, 0x00C5,
    0x00E5, 0x0394, 0x03A6, 0x0393, 0x039B, 0x03A9, 0x03A0, 0x03A8, 0x03A3, 0x0398, 0x039E,
    0x00C6, 0x00E6, 0x00DF, 0x00C9, 0x00A4, 0x00A1, 0x00C4, 0x00D6, 0x00D1, 0x00DC, 0x00A7,
    0x00BF, 0x00E4, 0x00F6, 0x00F1, 0x00FC, 0x00E0,
};
/* The extension table: each costs an escape septet and its own. */
static const char extension_ascii[] = "^{}\\[~]|\f";
#define EURO 0x20AC

unsigned gl_gsm7_septets(uint32_t cp)
{
    if (cp < 0x80) {
        if (cp == '`' || (cp < 0x20 && cp != '\n' && cp != '\r' && cp != '\f'))
            return 0;
        return strchr(extension_ascii, (int)cp) ? 2 : 1;
    }
    if (cp == EURO)
        return 2;
    for (size_t i = 0; i < sizeof basic_non_ascii / sizeof *basic_non_ascii; i++)
        if (basic_non_ascii[i] == cp)
            return 1;
    return 0;
}

/* ---- segments ---- */

enum { GSM_SINGLE = 160, GSM_PART = 153, UCS2_SINGLE = 70, UCS2_PART = 67 };

static bool is_ucs2(const char *s, size_t n)
{
    for (const char *p = s, *end = s + n; p < end;)
        if (!gl_gsm7_septets(gl_utf8_next(&p)))
            return true;
    return false;
}

/* Parts of a text longer than one SMS: each part is filled up to `part`
 * units, and a character never straddles two (an escape and its code, or a
 * surrogate pair, travel in one part). */
static void count_parts(const char *s, size_t n, bool ucs2, gl_sms *out)
{
    size_t single = ucs2 ? UCS2_SINGLE : GSM_SINGLE, part = ucs2 ? UCS2_PART : GSM_PART;
    size_t units = 0, parts = 1, fill = 0;
    for (const char *p = s, *end = s + n; p < end;) {
        uint32_t cp = gl_utf8_next(&p);
        size_t w = ucs2 ? (cp > 0xFFFF ? 2 : 1) : gl_gsm7_septets(cp);
        units += w;
        if (fill + w > part) {
            parts++;
            fill = 0;
        }
        fill += w;
    }
    out->units = units;
    out->segments = units == 0 ? 0 : units <= single ? 1 : parts;
}

void gl_sms_measure_text(const char *s, size_t n, gl_sms *out)
{
    out->ucs2 = is_ucs2(s, n);
    count_parts(s, n, out->ucs2, out);
}

glocal_status glocal_sms_measure(const char *utf8, size_t *segments, size_t *units,
                                 int *is_ucs2, glocal_error **err)
{
    if (!utf8)
        return gl_fail(err, GLOCAL_ERR_INVALID, NULL, 0, 0, "glocal_sms_measure: text is NULL");
    size_t n = strlen(utf8);
    if (!gl_utf8_valid(utf8, n))
        return gl_fail(err, GLOCAL_ERR_INVALID, NULL, 0, 0,
                       "glocal_sms_measure: text is not valid UTF-8");
    gl_sms m;
    gl_sms_measure_text(utf8, n, &m);
    if (segments)
        *segments = m.segments;
    if (units)
        *units = m.units;
    if (is_ucs2)
        *is_ucs2 = m.ucs2;
    return GLOCAL_OK;
}

/* ---- what `encoding` rewrites ---- */

/* Typography with a GSM-7 equivalent (`gsm7` and `gsm7-fold`). */
static const struct {
    uint16_t cp;
    const char *as;
} typography[] = {
    {0x00A0, " "},  {0x2007, " "},   {0x2009, " "},  {0x200A, " "},  {0x202F, " "},
    {0x2018, "'"},  {0x2019, "'"},   {0x201A, "'"},  {0x2032, "'"},  {0x201C, "\""},
    {0x201D, "\""}, {0x201E, "\""},  {0x00AB, "\""}, {0x00BB, "\""}, {0x2010, "-"},
    {0x2011, "-"},  {0x2013, "-"},   {0x2014, "-"},  {0x2212, "-"},  {0x2026, "..."},
};

/* Letters no decomposition leads to a GSM-7 letter from. */
static const struct {
    uint16_t cp;
    const char *as;
} letters[] = {
    {0x0131, "i"}, {0x0141, "L"}, {0x0142, "l"}, {0x0110, "D"}, {0x0111, "d"},
    {0x0152, "OE"}, {0x0153, "oe"}, {0x0126, "H"}, {0x0127, "h"},
};

static bool put_cp(uint32_t cp, char buf[8])
{
    size_t n = 0;
    if (cp < 0x80) {
        buf[n++] = (char)cp;
    } else if (cp < 0x800) {
        buf[n++] = (char)(0xC0 | cp >> 6);
        buf[n++] = (char)(0x80 | (cp & 0x3F));
    } else {
        buf[n++] = (char)(0xE0 | cp >> 12);
        buf[n++] = (char)(0x80 | ((cp >> 6) & 0x3F));
        buf[n++] = (char)(0x80 | (cp & 0x3F));
    }
    buf[n] = '\0';
    return true;
}

/* A letter GSM-7 lacks folded to the one its canonical decomposition starts
 * with, when GSM-7 has that one (á -> a, ǜ -> ü, Ş -> S). */
static bool fold_letter(uint32_t cp, char buf[8])
{
    for (size_t i = 0; i < sizeof letters / sizeof *letters; i++)
        if (letters[i].cp == cp) {
            strcpy(buf, letters[i].as);
            return true;
        }
    UErrorCode st = U_ZERO_ERROR;
    const UNormalizer2 *nfd = unorm2_getNFDInstance(&st);
    UChar d[8];
    for (int depth = 0; U_SUCCESS(st) && depth < 4; depth++) {
        int32_t n = unorm2_getRawDecomposition(nfd, (UChar32)cp, d, 8, &st);
        if (U_FAILURE(st) || n <= 0 || U16_IS_SURROGATE(d[0]))
            return false;
        cp = d[0];
        if (gl_gsm7_septets(cp) == 1 && cp >= 'A')
            return put_cp(cp, buf);
    }
    return false;
}

bool gl_gsm7_equivalent(uint32_t cp, gl_encoding enc, char buf[8])
{
    if (enc == ENC_UNICODE || cp < 0x80 || gl_gsm7_septets(cp))
        return false;
    for (size_t i = 0; i < sizeof typography / sizeof *typography; i++)
        if (typography[i].cp == cp) {
            strcpy(buf, typography[i].as);
            return true;
        }
    return enc == ENC_GSM7_FOLD && fold_letter(cp, buf);
}

bool gl_sms_needs_encoding(const char *s, size_t n, gl_encoding enc)
{
    char buf[8];
    bool replaces = false;
    for (const char *p = s, *end = s + n; p < end;) {
        if ((unsigned char)*p < 0x80) {
            p++;
            continue;
        }
        uint32_t cp = gl_utf8_next(&p);
        if (gl_gsm7_equivalent(cp, enc, buf))
            replaces = true;
        else if (!gl_gsm7_septets(cp))
            return false; /* UCS-2 whatever is replaced */
    }
    return replaces;
}

void gl_sms_encode(const char *s, size_t n, gl_encoding enc, gl_buf *out)
{
    char buf[8];
    const char *run = s;
    for (const char *p = s, *end = s + n; p < end;) {
        if ((unsigned char)*p < 0x80) {
            p++;
            continue;
        }
        const char *at = p;
        if (!gl_gsm7_equivalent(gl_utf8_next(&p), enc, buf))
            continue;
        gl_buf_putn(out, run, (size_t)(at - run));
        gl_buf_puts(out, buf);
        run = p;
    }
    gl_buf_putn(out, run, (size_t)(s + n - run));
}
