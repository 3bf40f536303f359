/* The HTML page of `glocal preview` (preview_page.c): one self-contained
 * file, everything in it escaped, its filters a few lines of inline script.
 * cmd_preview.c gathers what the page shows; this file only writes it. */
#ifndef GLOCAL_PREVIEW_PAGE_H
#define GLOCAL_PREVIEW_PAGE_H

#include <stdbool.h>
#include <stddef.h>

#include "strbuf.h"

/* One rendered text: message × locale × context. */
typedef struct pv_cell {
    const char *locale;        /* the locale previewed */
    char *context;             /* the variant key the reader's context is ("informal+sms") */
    char *channel;             /* its channel value, "" when none */
    char *text;                /* what the customer sees; NULL when formatting failed */
    char *error;               /* why it failed; NULL when it did not */
    char *lang;                /* the text's language ("de-Latn") */
    bool rtl;                  /* written right to left */
    char *bundle, *variant;    /* what served it */
    char *where;               /* FILE:LINE:COL of that variant */
    char *locked;              /* "locked", "locked: approved de"; NULL when not locked */
    bool fallback;
    char *sms;                 /* "GSM-7 · 1 part · 96 septets", NULL when not an SMS channel */
} pv_cell;

/* A lint finding, as the page shows it. */
typedef struct pv_finding {
    char *rule, *where, *text, *locale;
    bool error;
} pv_finding;

typedef struct pv_message {
    const char *id;
    const char *base_text, *note;   /* base's `other` (or first) variant and note */
    bool locked;
    pv_cell *cells;
    size_t ncells, cap;
    pv_finding *findings;           /* those about this message */
    size_t nfindings, fcap;
} pv_message;

/* One row of the summary: a locale's coverage. */
typedef struct pv_locale {
    const char *tag;
    size_t translated, total;       /* messages its own language serves, of those not locked */
    size_t cells, findings;
} pv_locale;

typedef struct pv_page {
    const char *dir, *version;
    pv_message *msgs;
    size_t nmsgs;
    pv_locale *locales;
    size_t nlocales;
    pv_finding *other;              /* findings about no message (a file, a profile) */
    size_t nother, ocap;
    char **channels;                /* channel values seen in cells, for the filter */
    size_t nchannels;
} pv_page;

/* The whole page into out. */
void pv_write_page(strbuf *out, const pv_page *p);

#endif
