/* SMS: the GSM 03.38 alphabet, how a text is billed (segments), and what a
 * channel's `encoding` rewrites before sending (sms.c, docs/channels.md). */
#ifndef GLOCAL_SMS_H
#define GLOCAL_SMS_H

#include "util.h"

/* A channel's `encoding`: which characters it may carry. */
typedef enum gl_encoding {
    ENC_UNICODE,   /* `unicode` (the default): the text as written */
    ENC_GSM7,      /* `gsm7`: typography with a GSM-7 equivalent is replaced */
    ENC_GSM7_FOLD  /* `gsm7-fold`: also letters GSM-7 lacks, folded to one it has */
} gl_encoding;

typedef struct gl_sms {
    size_t segments;  /* parts the text is sent as; 0 for "" */
    size_t units;     /* GSM-7 septets, or UTF-16 code units for UCS-2 */
    bool ucs2;
} gl_sms;

/* Septets cp takes in GSM-7: 1 in the basic table, 2 in the extension table
 * (escape + code), 0 when GSM-7 cannot write it. */
unsigned gl_gsm7_septets(uint32_t cp);
/* How the n bytes of UTF-8 at s are billed, as they are. */
void gl_sms_measure_text(const char *s, size_t n, gl_sms *out);
/* What `enc` writes for cp, NUL-terminated in buf (at most 4 bytes); false
 * when it keeps cp as it is (a GSM-7 character, or one without equivalent). */
bool gl_gsm7_equivalent(uint32_t cp, gl_encoding enc, char buf[8]);
/* Rewrites the n bytes at s for `enc` into out; a text without characters to
 * replace is copied. */
void gl_sms_encode(const char *s, size_t n, gl_encoding enc, gl_buf *out);
/* Whether replacing makes s a GSM-7 text: it holds a character `enc`
 * replaces, and none that is neither GSM-7 nor replaceable.  A text that is
 * UCS-2 anyway (Thai, Cyrillic, a Spanish á) keeps its typography: replacing
 * would not save a part. */
bool gl_sms_needs_encoding(const char *s, size_t n, gl_encoding enc);

#endif
