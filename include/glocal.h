/*
 * glocal.h - localization and transcreation for customer messages.
 *
 * This is the whole public API of libglocal (SONAME libglocal.so.1).  It reads
 * top to bottom like the manual: version, status codes, errors, catalog,
 * request, arguments, formatting, explanation, templates as parts, what was
 * served, reading a catalog, lint.  The bundle format and the resolution
 * rules are described in docs/bundles.md and docs/resolution.md.
 *
 * Conventions that hold for every function below:
 *  - Strings in and out are UTF-8.  Invalid UTF-8 in is GLOCAL_ERR_INVALID, as
 *    is NULL where a value is required.
 *  - Every `glocal_error **err` may be NULL.  On failure `*out` is set to NULL
 *    and, when `err` is not NULL, `*err` receives a new error that the caller
 *    frees with glocal_error_free().  On success `*err` is left untouched.
 *  - Every _free/_unref function accepts NULL and does nothing.
 *  - Strings the library allocates for the caller are freed with glocal_free().
 *    Borrowed strings (`const char *` results) live as long as the object they
 *    came from.
 *  - The library never writes to stdout or stderr.
 *  - Callers must accept status codes added in later 1.x releases.
 *
 * Thread safety: a glocal_catalog is immutable once opened; glocal_format(),
 * glocal_explain(), glocal_profile() and every function taking a const
 * pointer may run concurrently on one catalog.  Requests and argument lists
 * are not synchronized: build them in one thread; once built, any number of
 * threads may read them.  glocal_format, glocal_format_to and
 * glocal_format_result remember in the request what they resolved for each
 * message and catalog (a lock-free memo, safe for any number of threads and
 * catalogs sharing one request; freed with the request, forgotten by a
 * setter), so a request kept and reused formats faster than one built per
 * call.
 */
#ifndef GLOCAL_H
#define GLOCAL_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Exported functions.  On Windows a program imports them from glocal.dll
 * (define GLOCAL_STATIC when linking the static library instead); building
 * glocal itself defines GLOCAL_BUILDING to export them. */
#if defined(_WIN32) || defined(__CYGWIN__)
#if defined(GLOCAL_BUILDING)
#define GLOCAL_API __declspec(dllexport)
#elif defined(GLOCAL_STATIC)
#define GLOCAL_API
#else
#define GLOCAL_API __declspec(dllimport)
#endif
#elif defined(__GNUC__)
#define GLOCAL_API __attribute__((visibility("default")))
#else
#define GLOCAL_API
#endif

/* ---- Version ------------------------------------------------------------ */

#define GLOCAL_VERSION_MAJOR 1
#define GLOCAL_VERSION_MINOR 1
#define GLOCAL_VERSION_PATCH 0
#define GLOCAL_VERSION_STRING "1.1.0"
/* MAJOR * 10000 + MINOR * 100 + PATCH, for #if: 10100 is 1.1.0. */
#define GLOCAL_VERSION_NUMBER 10100

/** The library's version, "1.1.0"; a static string.  @since 1.0 */
GLOCAL_API const char *glocal_version(void);
/** The library's version as GLOCAL_VERSION_NUMBER writes it: compare it with
 *  the header's to tell which library a program runs with.  @since 1.0 */
GLOCAL_API int glocal_version_number(void);

/* ---- Status codes --------------------------------------------------------
 * Values are never renumbered or reused. */

typedef enum glocal_status {
    GLOCAL_OK = 0,
    GLOCAL_ERR_NOMEM = 1,     /* an allocation failed */
    GLOCAL_ERR_INVALID = 2,   /* a caller passed a bad value (NULL, bad UTF-8, unknown axis, ...) */
    GLOCAL_ERR_IO = 3,        /* a directory or file could not be read */
    GLOCAL_ERR_SYNTAX = 4,    /* YAML that does not parse, a duplicate key, a bad template */
    GLOCAL_ERR_SCHEMA = 5,    /* a bundle that parses but breaks the bundle rules */
    GLOCAL_ERR_LOCALE = 6,    /* a malformed locale tag */
    GLOCAL_ERR_NOT_FOUND = 7, /* an unknown or orphan message id */
    GLOCAL_ERR_ARGUMENT = 8,  /* a missing argument, or one of a type its use does not allow */
    GLOCAL_ERR_FORMAT = 9,    /* ICU failed on a valid catalog and valid arguments */
    GLOCAL_ERR_LIMIT = 10,    /* input beyond a documented safety limit */
    GLOCAL_ERR_BUFFER = 11    /* the caller's buffer is too small (glocal_format_to; since 1.1) */
} glocal_status;

/** The enumerator's name, e.g. "GLOCAL_ERR_SYNTAX"; "GLOCAL_ERR_UNKNOWN" for
 *  a code this version does not know.  A static string.  @since 1.0 */
GLOCAL_API const char *glocal_status_name(glocal_status s);

/* ---- Errors --------------------------------------------------------------- */

/** Details of one failure: code, human message, and where in which file. */
typedef struct glocal_error glocal_error;

/** The failure's status code.  @since 1.0 */
GLOCAL_API glocal_status glocal_error_code(const glocal_error *e);
/** A human message naming the thing and the fix; borrowed from e.  @since 1.0 */
GLOCAL_API const char *glocal_error_message(const glocal_error *e);
/** "DIR/NAME" of the file concerned, or NULL when not about a file; borrowed.  @since 1.0 */
GLOCAL_API const char *glocal_error_file(const glocal_error *e);
/** 1-based line, 0 when unknown.  @since 1.0 */
GLOCAL_API unsigned glocal_error_line(const glocal_error *e);
/** 1-based column counted in Unicode code points, 0 when unknown.  @since 1.0 */
GLOCAL_API unsigned glocal_error_column(const glocal_error *e);
/** Frees e; NULL is a no-op.  @since 1.0 */
GLOCAL_API void glocal_error_free(glocal_error *e);

/** Frees a string the library returned (format, explain, profile).  @since 1.0 */
GLOCAL_API void glocal_free(void *p);

/* ---- Catalog ---------------------------------------------------------------- */

/** A directory of bundles, loaded and checked.  Immutable, reference-counted,
 *  shareable across threads. */
typedef struct glocal_catalog glocal_catalog;

/**
 * Opens the catalog at `dir`: a directory of YAML bundles (every `*.yaml`
 * file directly inside it, with the required `base.yaml`), or, since 1.1, a
 * regular file that glocal_compile wrote (a compiled catalog,
 * docs/compiled.md).  Every bundle is checked with the error-level lint
 * rules (except `locked`); the first error found fails the open, nothing half
 * loaded escapes.  Warnings never stop it.
 *
 * Returns GLOCAL_OK and a catalog with one reference in *out (release it with
 * glocal_catalog_unref), or: GLOCAL_ERR_INVALID (dir or out NULL, dir not
 * UTF-8), GLOCAL_ERR_IO (unreadable directory or file, no base.yaml is
 * GLOCAL_ERR_SCHEMA), GLOCAL_ERR_SYNTAX (yaml-syntax, duplicate-key,
 * template-syntax), GLOCAL_ERR_SCHEMA (every other error rule),
 * GLOCAL_ERR_LIMIT (a safety limit of docs/limits.md), GLOCAL_ERR_NOMEM.
 * The error names the file as "DIR/NAME" with line and column.
 *
 * A compiled catalog is mapped read-only, not parsed: its header and every
 * record formatting follows are validated (work proportional to the number
 * of records).  It fails with GLOCAL_ERR_SYNTAX when truncated, when it is
 * not a compiled catalog after its magic, or (with glocal_options_set_verify)
 * when its content checksum does not match, and with GLOCAL_ERR_SCHEMA when a
 * record is out of bounds or inconsistent, or when the file was compiled for
 * another format, record layout or ICU data version (the error names both
 * versions: compile the catalog again).  The error names the file, the
 * record kind and its offset.  The file must not be truncated in place while
 * the catalog is open (the process would get SIGBUS): replace it by renaming
 * a new file over it, as `glocal compile` does.
 * @since 1.0
 */
GLOCAL_API glocal_status glocal_catalog_open(const char *dir, glocal_catalog **out,
                                             glocal_error **err);
/* ---- Options: safety limits and links (docs/limits.md) -------------------- */

typedef enum glocal_limit {
    GLOCAL_LIMIT_FILE_BYTES = 0,     /* one bundle file; default 32 MiB, at most 1 GiB */
    GLOCAL_LIMIT_YAML_DEPTH = 1,     /* YAML nesting; default 16, at most 64 */
    GLOCAL_LIMIT_SCALAR_BYTES = 2,   /* one scalar; default 256 KiB, at most 64 MiB */
    GLOCAL_LIMIT_MESSAGES = 3,       /* messages per bundle; default 100,000, at most 10,000,000 */
    GLOCAL_LIMIT_VARIANTS = 4,       /* variants per message; default 256, at most 65,536 */
    GLOCAL_LIMIT_TEMPLATE_DEPTH = 5, /* plural/select nesting; default 10, at most 32 */
    GLOCAL_LIMIT_BUNDLES = 6,        /* bundle files per catalog; default 4,096, at most 1,000,000 */
    GLOCAL_LIMIT_OUTPUT_BYTES = 7    /* one formatted message; default 1 MiB, at most 256 MiB */
} glocal_limit;

/** Which symbolic links among a catalog's bundle files are followed
 *  (docs/robustness.md).  A bundle file that is a link the policy refuses is
 *  never read: the open fails with GLOCAL_ERR_IO naming the file, and so does
 *  lint. */
typedef enum glocal_links {
    GLOCAL_LINKS_INSIDE = 0,  /* the default: links that stay inside the catalog directory */
    GLOCAL_LINKS_ANYWHERE = 1 /* every link, wherever it leads */
} glocal_links;

/** Options for glocal_catalog_open_with and glocal_lint_with. */
typedef struct glocal_options glocal_options;

/** New options holding the default limits, in *out, the caller's (free them
 *  with glocal_options_free).  Returns GLOCAL_OK, GLOCAL_ERR_INVALID (out
 *  NULL) or GLOCAL_ERR_NOMEM.  @since 1.0 */
GLOCAL_API glocal_status glocal_options_new(glocal_options **out, glocal_error **err);
/** Sets one limit.  Returns GLOCAL_OK, or GLOCAL_ERR_INVALID for NULL o, an
 *  unknown limit, 0, or a value above the limit's maximum.  @since 1.0 */
GLOCAL_API glocal_status glocal_options_set_limit(glocal_options *o, glocal_limit which,
                                                  uint64_t value, glocal_error **err);
/** Sets which symbolic links to bundle files are followed; the default is
 *  GLOCAL_LINKS_INSIDE, where a link whose target (resolved, every link along
 *  the way followed) lies outside the catalog directory is refused.  Returns
 *  GLOCAL_OK, or GLOCAL_ERR_INVALID for NULL o or an unknown policy (o keeps
 *  its policy).  @since 1.0 */
GLOCAL_API glocal_status glocal_options_set_links(glocal_options *o, glocal_links policy,
                                                  glocal_error **err);
/** Whether opening a compiled catalog also checks its content checksum
 *  (SHA-256 of the whole file, its own 32 bytes taken as zero): on, the
 *  open reads the whole file and fails with GLOCAL_ERR_SYNTAX naming both
 *  digests on a mismatch; off (the default), it checks the header and the records' structure only.
 *  No effect on a directory.  Returns GLOCAL_OK, or GLOCAL_ERR_INVALID for
 *  NULL o.  @since 1.1 */
GLOCAL_API glocal_status glocal_options_set_verify(glocal_options *o, int on);
/** Frees o; NULL is a no-op.  @since 1.0 */
GLOCAL_API void glocal_options_free(glocal_options *o);
/** glocal_catalog_open with the limits, link policy and verify option of o
 *  (NULL: the defaults); the output limit applies to every glocal_format on
 *  the catalog, a compiled one too.  @since 1.0 */
GLOCAL_API glocal_status glocal_catalog_open_with(const char *dir, const glocal_options *o,
                                                  glocal_catalog **out, glocal_error **err);

/**
 * Reads every bundle of `dir`, checks it exactly as glocal_catalog_open_with
 * (dir, o) does, and writes the compiled catalog (docs/compiled.md): the
 * checked catalog laid out for mapping, the warnings the open found, and
 * every bundle file's name, bytes and SHA-256.  On GLOCAL_OK, *image holds
 * *len bytes the caller frees with glocal_free; write them to a file
 * atomically (a temporary file renamed into place: `glocal compile` does)
 * and open that file with glocal_catalog_open.  Otherwise *image is NULL,
 * *len 0, and the status and error are those glocal_catalog_open_with gives
 * for the directory (GLOCAL_ERR_INVALID for a NULL dir, image or len).
 * @since 1.1
 */
GLOCAL_API glocal_status glocal_compile(const char *dir, const glocal_options *o, void **image,
                                        size_t *len, glocal_error **err);

/** Adds a reference; returns c.  Thread-safe.  @since 1.0 */
GLOCAL_API glocal_catalog *glocal_catalog_ref(glocal_catalog *c);
/** Drops a reference; the last one frees the catalog.  Thread-safe.  NULL is a no-op.  @since 1.0 */
GLOCAL_API void glocal_catalog_unref(glocal_catalog *c);
/** Number of bundles other than base.  @since 1.0 */
GLOCAL_API size_t glocal_catalog_locale_count(const glocal_catalog *c);
/** The i-th locale tag, sorted by strcmp; NULL when i is out of range.
 *  Borrowed from c.  @since 1.0 */
GLOCAL_API const char *glocal_catalog_locale_at(const glocal_catalog *c, size_t i);

/**
 * Resolves a profile key for `locale` along its fallback chain.  key is one
 * of formality | tone | channels | time_zone; channels come as a
 * comma-separated list; "" when no profile sets the key.  *out_utf8 is the
 * caller's, freed with glocal_free.
 * Returns GLOCAL_OK, GLOCAL_ERR_INVALID (NULL, unknown key),
 * GLOCAL_ERR_LOCALE (malformed locale), GLOCAL_ERR_NOMEM.
 * @since 1.0
 */
GLOCAL_API glocal_status glocal_profile(const glocal_catalog *c, const char *locale,
                                        const char *key, char **out_utf8, glocal_error **err);

/**
 * Picks the locale to serve for an HTTP Accept-Language header (or any list
 * like "fr-CH, fr;q=0.9, en;q=0.5").  Entries are tried by weight; each is
 * matched with ICU's LocaleMatcher (likely subtags and CLDR distances: en-AU
 * prefers en-GB over en) against the catalog's locales, never across scripts
 * (zh-TW is never served Simplified Chinese).  The result is the entry itself
 * when its own chain starts at the matched bundle (fr-CH for a catalog with
 * fr, so Swiss formats apply), else the matched bundle's locale, and base's
 * language when nothing matches.  *out_locale is the caller's, freed with
 * glocal_free.  An entry glocal_request_new would refuse for its numbering
 * system or calendar (fr-CH-u-nu-foo) is skipped.
 * Returns GLOCAL_OK, GLOCAL_ERR_INVALID (NULL), GLOCAL_ERR_LOCALE (a
 * malformed header: a bad tag or weight is an error, not a guess),
 * GLOCAL_ERR_NOMEM.
 * @since 1.0
 */
GLOCAL_API glocal_status glocal_negotiate(const glocal_catalog *c, const char *accept_language,
                                          char **out_locale, glocal_error **err);

/* ---- Request: who receives the message, and how --------------------------- */

typedef enum glocal_isolation {
    GLOCAL_ISOLATE_AUTO = 0,   /* wrap text and terms whose direction differs from the locale's */
    GLOCAL_ISOLATE_NEVER = 1,  /* wrap nothing */
    GLOCAL_ISOLATE_ALWAYS = 2  /* wrap every simple argument and every term */
} glocal_isolation;

typedef struct glocal_request glocal_request;

/**
 * A request for `locale` (BCP 47; `_` is accepted for `-`; canonicalized with
 * CLDR aliases, so `iw` becomes `he`).  Unicode extensions (-u-nu-, -u-ca-,
 * -u-hc-) are kept for formatting.  *out is the caller's, freed with
 * glocal_request_free.
 * Returns GLOCAL_OK, GLOCAL_ERR_INVALID (NULL), GLOCAL_ERR_LOCALE (malformed
 * tag: it is never replaced by a guess; or a numbering system or calendar ICU
 * does not know, or an algorithmic numbering system such as -u-nu-roman, with
 * which no number could be written), GLOCAL_ERR_NOMEM.
 * @since 1.0
 */
GLOCAL_API glocal_status glocal_request_new(const char *locale, glocal_request **out,
                                            glocal_error **err);
/**
 * Sets `axis` to value, an identifier `[a-z][a-z0-9_-]*` other than `other`;
 * NULL clears it.  The axis is a built-in one (formality, tone, channel) or
 * any name `[a-z][a-z0-9_]*` a catalog may declare (docs/bundles.md#custom-axes):
 * a request does not know its catalog, so an axis or value the catalog does
 * not have is accepted here and fails in glocal_format with
 * GLOCAL_ERR_INVALID.  A request sets at most 8 axes.
 * Returns GLOCAL_OK, GLOCAL_ERR_INVALID (NULL r or axis, a malformed axis
 * name or value), GLOCAL_ERR_LIMIT (a ninth axis), GLOCAL_ERR_NOMEM; on
 * failure the request is unchanged.
 * @since 1.0
 */
GLOCAL_API glocal_status glocal_request_set_axis(glocal_request *r, const char *axis,
                                                 const char *value, glocal_error **err);
/** Sets the IANA time zone for dates ("Europe/Zurich"); NULL clears it.
 *  Returns GLOCAL_OK or GLOCAL_ERR_INVALID (unknown zone).  @since 1.0 */
GLOCAL_API glocal_status glocal_request_set_time_zone(glocal_request *r, const char *iana_zone,
                                                      glocal_error **err);
/** Sets bidi isolation (default GLOCAL_ISOLATE_AUTO).  In every mode but
 *  GLOCAL_ISOLATE_NEVER an argument whose value holds an explicit directional
 *  control (U+202A-202E, U+2066-2069) is isolated too, its unclosed openers
 *  closed and its stray closers dropped (docs/resolution.md, Bidi isolation).
 *  Returns GLOCAL_OK or GLOCAL_ERR_INVALID (NULL r, unknown mode).  @since 1.0 */
GLOCAL_API glocal_status glocal_request_set_isolation(glocal_request *r, glocal_isolation mode,
                                                      glocal_error **err);
/**
 * Adds a fallback locale: after the request locale's own chain, each
 * fallback's chain is read in the order added (bundles already on the chain
 * skipped), base last.  The first bundle on that combined chain defining a
 * message decides the text's language, as on a single chain; context values
 * not set on the request come from the profiles of the request locale's
 * chain first, then the fallbacks'; numbers and dates in a fallback's text
 * are written for that text's language, with the request's -u- keywords
 * (docs/resolution.md#fallbacks).  A request takes at most 8 fallbacks.
 * Returns GLOCAL_OK, GLOCAL_ERR_INVALID (NULL r, locale not UTF-8),
 * GLOCAL_ERR_LOCALE (malformed), GLOCAL_ERR_LIMIT (a ninth fallback),
 * GLOCAL_ERR_NOMEM; on failure the request is unchanged.
 * @since 1.0
 */
GLOCAL_API glocal_status glocal_request_add_fallback(glocal_request *r, const char *locale,
                                                     glocal_error **err);
/** Frees r; NULL is a no-op.  @since 1.0 */
GLOCAL_API void glocal_request_free(glocal_request *r);

/**
 * Negotiates like glocal_negotiate and returns a new request (the caller's,
 * freed with glocal_request_free) for the locale it picks, with every other
 * locale the header matched, in order of preference and each once, added as
 * a fallback (glocal_request_add_fallback; at most 8).  "fr-CA, es;q=0.8" on a
 * catalog with fr and es gives fr-CA with fallback es, so a message no French
 * bundle has is served in Spanish before base's language.
 * Returns the statuses of glocal_negotiate; *out is NULL on failure.
 * @since 1.0
 */
GLOCAL_API glocal_status glocal_negotiate_request(const glocal_catalog *c,
                                                  const char *accept_language,
                                                  glocal_request **out, glocal_error **err);

/* ---- Arguments ---------------------------------------------------------------
 * A later value for a name replaces the earlier one.  Every setter returns
 * GLOCAL_OK, GLOCAL_ERR_INVALID (NULL a or name, a name that is not
 * [A-Za-z_][A-Za-z0-9_]*, invalid UTF-8, a malformed decimal or currency
 * code; *err says which) or GLOCAL_ERR_NOMEM.  Strings are copied.
 * A setter that fails leaves the name unset, removing an earlier value of
 * it: a format that needs the argument then fails with GLOCAL_ERR_ARGUMENT
 * instead of writing a value the caller meant to replace.  A list is not
 * thread-safe while it is being filled; once filled, any number of threads
 * may format with it. */

typedef struct glocal_args glocal_args;

/** A new, empty argument list in *out, the caller's (glocal_args_free).
 *  Returns GLOCAL_OK, GLOCAL_ERR_INVALID (out NULL) or GLOCAL_ERR_NOMEM.
 *  @since 1.0 */
GLOCAL_API glocal_status glocal_args_new(glocal_args **out, glocal_error **err);
/** A text argument.  @since 1.0 */
GLOCAL_API glocal_status glocal_args_text(glocal_args *a, const char *name, const char *utf8,
                                          glocal_error **err);
/** A number argument.  @since 1.0 */
GLOCAL_API glocal_status glocal_args_int(glocal_args *a, const char *name, int64_t v,
                                         glocal_error **err);
/** A number argument; NaN and infinities are GLOCAL_ERR_INVALID.  @since 1.0 */
GLOCAL_API glocal_status glocal_args_double(glocal_args *a, const char *name, double v,
                                            glocal_error **err);
/** An exact number, such as "-1234.5600" or "1e3", never rounded through
 *  binary floating point.  @since 1.0 */
GLOCAL_API glocal_status glocal_args_decimal(glocal_args *a, const char *name, const char *decimal,
                                             glocal_error **err);
/** A date: milliseconds since the Unix epoch, a UTC instant.  @since 1.0 */
GLOCAL_API glocal_status glocal_args_date(glocal_args *a, const char *name, int64_t unix_ms,
                                          glocal_error **err);
/** A calendar day (a delivery day, a birthday): a date with no time and no
 *  zone, of the proleptic Gregorian calendar, years 1 to 9999.  `{x, date, ...}`
 *  writes that day whatever the request's zone (in the locale's calendar);
 *  `{x}` writes it as the short date; `{x, time, ...}` and `{x, number}` are
 *  GLOCAL_ERR_ARGUMENT.  An argument base.yaml declares `day` also takes an
 *  instant (glocal_args_date), as its date in the request's time zone.
 *  GLOCAL_ERR_INVALID for a month or day that does not exist (2026-02-29),
 *  details in *err; the name is then left unset.  @since 1.1 */
GLOCAL_API glocal_status glocal_args_day(glocal_args *a, const char *name, int year, int month,
                                         int day, glocal_error **err);
/** Money: an exact decimal amount and an ISO 4217 code ("19.90", "EUR").  @since 1.0 */
GLOCAL_API glocal_status glocal_args_money(glocal_args *a, const char *name, const char *decimal,
                                           const char *iso4217, glocal_error **err);
/** Frees a; NULL is a no-op.  @since 1.0 */
GLOCAL_API void glocal_args_free(glocal_args *a);

/* ---- Formatting -------------------------------------------------------------- */

/**
 * Resolves `message_id` for request r and writes it with arguments a (a may
 * be NULL when the message takes none).  *out_utf8 is the caller's, freed
 * with glocal_free.  The text is written as the catalog declares its
 * channel's output: plain UTF-8 text with nothing escaped unless base.yaml
 * gives the channel `medium: html` or `encoding: gsm7` / `gsm7-fold`, or the
 * request sets a medium (Channels, below; since 1.1).
 * Returns GLOCAL_OK, GLOCAL_ERR_INVALID (NULL c, id, r or out; an axis value
 * the catalog does not know), GLOCAL_ERR_NOT_FOUND (unknown or orphan id),
 * GLOCAL_ERR_ARGUMENT (an argument the selected variant references is
 * missing or of a type its declaration does not allow), GLOCAL_ERR_LIMIT
 * (output beyond the limit), GLOCAL_ERR_FORMAT (ICU failed), GLOCAL_ERR_NOMEM.
 * Thread-safe on a shared catalog; no global lock.
 * @since 1.0
 */
GLOCAL_API glocal_status glocal_format(const glocal_catalog *c, const char *message_id,
                                       const glocal_request *r, const glocal_args *a,
                                       char **out_utf8, glocal_error **err);

/**
 * glocal_format into the caller's buffer: the same resolution, the same text
 * (byte for byte) and the same statuses, the text and a NUL written into buf
 * (cap bytes) and the text's length in bytes, without the NUL, in *len.  No
 * allocation when the variant is a literal or writes only text arguments
 * (numbers, dates, money and plural/select may allocate inside ICU; a channel
 * with an encoding (gsm7) writes through a buffer of the library's own).
 * buf stays the caller's: the library keeps no pointer to it.
 * When the text does not fit (it needs *len + 1 bytes), returns
 * GLOCAL_ERR_BUFFER with the text's length in *len (and, as for every
 * failure, the details in *err): call again with a buffer of *len + 1 bytes
 * (buf NULL with cap 0 asks for the length alone, as snprintf does).  To learn
 * the length of a text that did not fit, the library writes it once more
 * into a buffer of its own.  On every failure buf holds the empty string
 * (when cap > 0), never a partial text, and *len is 0 but for
 * GLOCAL_ERR_BUFFER.
 * GLOCAL_ERR_LIMIT stays the output limit's (glocal_options_set_limit): a
 * text past the limit is GLOCAL_ERR_LIMIT whatever the buffer.
 * Returns the statuses of glocal_format (GLOCAL_ERR_INVALID for NULL c,
 * message_id, r or len, or NULL buf with cap > 0), and GLOCAL_ERR_BUFFER.
 * A request kept and reused makes a literal a lookup and a copy (the memo,
 * Thread safety above).  Thread-safe on a shared catalog and request.
 * @since 1.1
 */
GLOCAL_API glocal_status glocal_format_to(const glocal_catalog *c, const char *message_id,
                                          const glocal_request *r, const glocal_args *a,
                                          char *buf, size_t cap, size_t *len,
                                          glocal_error **err);

/**
 * Explains, step by step and in plain text, how glocal_format would resolve
 * message_id for r: the canonical locale, the fallback chain with each
 * bundle's file, where each context value came from, the candidate variants
 * and why the winner won, the format locale, and (when a is given and
 * sufficient) the output.  *out_utf8 is the caller's, freed with glocal_free.
 * The text is for people; its layout may change between releases.
 * Returns the statuses of glocal_format except GLOCAL_ERR_ARGUMENT and
 * GLOCAL_ERR_FORMAT, which are reported inside the text.
 * @since 1.0
 */
GLOCAL_API glocal_status glocal_explain(const glocal_catalog *c, const char *message_id,
                                        const glocal_request *r, const glocal_args *a,
                                        char **out_utf8, glocal_error **err);

/* ---- Templates as parts ---------------------------------------------------------
 * A template read the way the library reads it (ICU MessageFormat with
 * glocal's {-term}), as a flat list of parts for tools that must keep its
 * syntax while changing its text: translation exchange formats, importers,
 * editors.  A parsed template is owned by the caller, immutable, and may be
 * read from any thread; every string it returns is borrowed from it and
 * valid until glocal_template_free. */

typedef struct glocal_template glocal_template;

/** What a part is.  Later releases may add kinds (for markup): treat an
 *  unknown kind as a code to keep as it is (its source). */
typedef enum glocal_part_kind {
    GLOCAL_PART_TEXT = 0,       /* literal text, ICU quoting resolved */
    GLOCAL_PART_ARGUMENT = 1,   /* {name}, {name, number, integer}, {d, date, short} */
    GLOCAL_PART_TERM = 2,       /* {-brand} */
    GLOCAL_PART_POUND = 3,      /* # inside a plural branch */
    GLOCAL_PART_SELECT = 4,     /* the head of {n, plural, / selectordinal / select */
    GLOCAL_PART_BRANCH = 5,     /* a branch opens: key { */
    GLOCAL_PART_BRANCH_END = 6, /* the } closing a branch */
    GLOCAL_PART_SELECT_END = 7, /* the } closing the plural/select */
    GLOCAL_PART_MARKUP = 8      /* MF2 markup: {#b}, {/b}, {#br/} (@since 1.1) */
} glocal_part_kind;

/**
 * Parses template src as glocal_catalog_open would, nesting limited to the
 * default template depth (docs/limits.md).  Parts come in template order;
 * each SELECT is followed by its BRANCH ... BRANCH_END pairs, in the order
 * written, then its SELECT_END.  Every byte of src belongs to exactly one
 * part: concatenating the parts' sources gives back src.  *out is the
 * caller's, freed with glocal_template_free.
 * Returns GLOCAL_OK, GLOCAL_ERR_INVALID (NULL src or out, src not UTF-8),
 * GLOCAL_ERR_SYNTAX (a template glocal does not accept: the error's message
 * says why, its line is 1 and its column the code point of src where the
 * problem is, 0 when it has no one place), GLOCAL_ERR_LIMIT (nested deeper
 * than the limit), GLOCAL_ERR_NOMEM.
 * @since 1.0
 */
GLOCAL_API glocal_status glocal_template_parse(const char *src, glocal_template **out,
                                               glocal_error **err);
/** Number of parts; 0 for "" and for NULL t.  @since 1.0 */
GLOCAL_API size_t glocal_template_part_count(const glocal_template *t);
/** The i-th part's kind; GLOCAL_PART_TEXT when i is out of range.  @since 1.0 */
GLOCAL_API glocal_part_kind glocal_template_part_kind(const glocal_template *t, size_t i);
/** TEXT: the text, quoting resolved; ARGUMENT and SELECT: the argument's
 *  name; TERM: the term's name ("brand"); BRANCH: the key as written ("one",
 *  "=0", "other"); "" for the others; NULL when i is out of range.
 *  @since 1.0 */
GLOCAL_API const char *glocal_template_part_text(const glocal_template *t, size_t i);
/** ARGUMENT: "" for {name}, else "number", "date" or "time" (lower-case,
 *  however written); SELECT: "plural", "selectordinal" or "select"; "" for
 *  the others; NULL when i is out of range.  @since 1.0 */
GLOCAL_API const char *glocal_template_part_type(const glocal_template *t, size_t i);
/** ARGUMENT: its style as written, trimmed ("integer", "::currency/EUR"), or
 *  ""; SELECT: "offset:N" as written, or ""; "" for the others; NULL when i
 *  is out of range.  @since 1.0 */
GLOCAL_API const char *glocal_template_part_style(const glocal_template *t, size_t i);
/** The exact bytes of src the part covers: for ARGUMENT, TERM and POUND the
 *  whole code; for SELECT "{n, plural, offset:1 " up to its first key; for
 *  BRANCH the white space before it (after the first) through its `{`; for
 *  BRANCH_END its `}`; for SELECT_END the white space before its `}`, and
 *  the `}`; for TEXT the text with its quoting.  NULL when i is out of
 *  range.  @since 1.0 */
GLOCAL_API const char *glocal_template_part_source(const glocal_template *t, size_t i);
/** Frees t; NULL is a no-op.  @since 1.0 */
GLOCAL_API void glocal_template_free(glocal_template *t);

/**
 * Parses src as MessageFormat 2 (the templates of a `syntax: mf2` bundle,
 * docs/mf2.md) into parts, with the same contract as glocal_template_parse:
 * the parts' sources tile src, and a tool keeps every part but TEXT as it is.
 * TEXT is pattern text, escapes resolved; ARGUMENT a placeholder
 * (`{$x}`, `{$x :number}`, `{|lit| :fn}`): its variable's name ("" for a
 * literal or a function alone), its function as type ("number", "" when
 * none); TERM `{|brand| :glocal:term}`, the term's name; MARKUP `{#b}`,
 * `{/b}`, `{#br/}`: its name, type "open", "close" or "standalone".  A
 * complex message is one SELECT (its declarations and `.match`, or what
 * precedes a lone `{{`; text: the selectors' names, type "match", or
 * "pattern" for a lone quoted pattern), a BRANCH per variant (the white
 * space before it, its keys and `{{`; text: the keys as written, separated
 * by a space, "" for a lone pattern), the variant's parts, a BRANCH_END
 * (`}}`), then a SELECT_END (the white space after the last `}}`, maybe "").
 * *out is the caller's, freed with glocal_template_free.
 * Returns GLOCAL_OK, GLOCAL_ERR_INVALID (NULL src or out, src not UTF-8),
 * GLOCAL_ERR_SYNTAX (not MF2, or an MF2 data-model error: the message
 * starts with the spec's error name; line 1, column the code point of src
 * where the problem is), GLOCAL_ERR_NOMEM.
 * @since 1.1
 */
GLOCAL_API glocal_status glocal_template_parse_mf2(const char *src, glocal_template **out,
                                                   glocal_error **err);

/**
 * Writes literal text as template text: braces and the apostrophes ICU would
 * read as quoting are quoted, and `#` too when in_plural is not 0 (text for
 * a plural branch, where a bare `#` is the number).  Parsing the result
 * gives text back as one TEXT part (none for "").  *out_utf8 is the
 * caller's, freed with glocal_free.
 * Returns GLOCAL_OK, GLOCAL_ERR_INVALID (NULL, text not UTF-8),
 * GLOCAL_ERR_NOMEM.  Thread-safe.
 * @since 1.0
 */
GLOCAL_API glocal_status glocal_template_quote(const char *text, int in_plural, char **out_utf8,
                                               glocal_error **err);

/* ---- What was served ---------------------------------------------------------- */

/** The text of one formatted message and how glocal chose it: the bundle and
 *  variant that served it, the context and format locale used.  Immutable;
 *  owned by the caller, released with glocal_result_free.  Its text is its
 *  own; the names it returns are borrowed from its catalog, like a
 *  glocal_message's, so read them while the catalog is referenced (freeing
 *  the result later is fine).  Nothing in it depends on the request or the
 *  arguments after the call.  A result may be read from any thread. */
typedef struct glocal_result glocal_result;

/**
 * Formats like glocal_format and also says what was served.  *out is the
 * caller's, released with glocal_result_free; NULL on failure.  Same
 * statuses as glocal_format.  glocal_format stays the faster path when only
 * the text is needed.  Thread-safe on a shared catalog.
 * @since 1.0
 */
GLOCAL_API glocal_status glocal_format_result(const glocal_catalog *c, const char *message_id,
                                              const glocal_request *r, const glocal_args *a,
                                              glocal_result **out, glocal_error **err);
/** The formatted text, UTF-8, NUL-terminated.  @since 1.0 */
GLOCAL_API const char *glocal_result_text(const glocal_result *res);
/** The text's length in bytes, without the NUL.  @since 1.0 */
GLOCAL_API size_t glocal_result_length(const glocal_result *res);
/** The locale of the bundle whose variant was served ("de-CH"), or "base".
 *  @since 1.0 */
GLOCAL_API const char *glocal_result_bundle(const glocal_result *res);
/** The served variant's key as written ("informal+sms"); "other" for a
 *  message written as one string.  @since 1.0 */
GLOCAL_API const char *glocal_result_variant(const glocal_result *res);
/** Where the served variant is written: the bundle file as "DIR/NAME" and
 *  the 1-based line and column of its key (of the message id for a message
 *  written as one string).  Another catalog form may report a file of its
 *  own.  @since 1.0 */
GLOCAL_API const char *glocal_result_file(const glocal_result *res);
/** @see glocal_result_file  @since 1.0 */
GLOCAL_API unsigned glocal_result_line(const glocal_result *res);
/** @see glocal_result_file  @since 1.0 */
GLOCAL_API unsigned glocal_result_column(const glocal_result *res);
/** The locale numbers, dates and money were written in, as a BCP 47 tag with
 *  the -u- extensions used ("de-CH-u-nu-latn").  @since 1.0 */
GLOCAL_API const char *glocal_result_format_locale(const glocal_result *res);
/** The text's language and script as its bundle declares them ("de-Latn").
 *  @since 1.0 */
GLOCAL_API const char *glocal_result_language(const glocal_result *res);
/** 1 when the text's language is not the request's (a fallback to another
 *  language, or to base's), else 0.  @since 1.0 */
GLOCAL_API int glocal_result_fallback(const glocal_result *res);
/** 1 when the text's language is written right to left (its bundle's
 *  language and script, as ICU's likely subtags complete them: ar, he, fa,
 *  ur…), else 0: what a page sets as `dir` around the text.  @since 1.1 */
GLOCAL_API int glocal_result_rtl(const glocal_result *res);
/** The value of an axis ("formality", "tone", "channel") in the context that
 *  chose the variant; NULL when the axis was unset or is not one of the
 *  catalog's.  @since 1.0 */
GLOCAL_API const char *glocal_result_axis(const glocal_result *res, const char *axis);
/** Where that value came from: "request", or "profile" (a bundle's profile,
 *  named by glocal_result_axis_profile); NULL when unset.  Later releases may
 *  add sources: treat an unknown string as opaque.  @since 1.0 */
GLOCAL_API const char *glocal_result_axis_source(const glocal_result *res, const char *axis);
/** The locale of the bundle whose profile gave the axis its value; NULL when
 *  the value did not come from a profile.  @since 1.0 */
GLOCAL_API const char *glocal_result_axis_profile(const glocal_result *res, const char *axis);
/** The IANA time zone dates were written in.  @since 1.0 */
GLOCAL_API const char *glocal_result_time_zone(const glocal_result *res);
/** Where the zone came from: "request", "profile" or "default" (UTC); open to
 *  new values, like glocal_result_axis_source.  Since 1.1 also "region": no
 *  profile for the reader's region sets a zone and ICU knows exactly one for
 *  that region (de-AT: Europe/Vienna).  A profile counts only when its
 *  bundle's region (likely subtags: de is DE) is the request's: an es-US
 *  reader never gets es's Europe/Madrid (docs/resolution.md#time-zones).
 *  @since 1.0 */
GLOCAL_API const char *glocal_result_time_zone_source(const glocal_result *res);
/** The bundle ("de-CH") whose profile set the zone when the source is
 *  "profile"; NULL otherwise.  Borrowed from the catalog.  @since 1.1 */
GLOCAL_API const char *glocal_result_time_zone_profile(const glocal_result *res);
/** Releases a result.  NULL is a no-op.  @since 1.0 */
GLOCAL_API void glocal_result_free(glocal_result *res);

/* ---- Channels: media, SMS, codes (docs/channels.md) --------------------------
 * base.yaml's `channels:` may declare, beside `max_length`, what a channel is
 * (`kind: sms`), how its text is escaped (`medium: plain | html`) and which
 * characters it may carry (`encoding: unicode | gsm7 | gsm7-fold`), and an
 * SMS channel's budget in parts (`max_segments`).  They apply to the channel
 * of the context that chose the variant (glocal_result_axis(res, "channel")),
 * whichever variant is served.  Formatting never fails because a text is
 * long: budgets are checked by lint (rule sms-segments) and measured here. */

/** How argument values and terms are written into the template's text. */
typedef enum glocal_medium {
    GLOCAL_MEDIUM_CHANNEL = 0, /* the default: as the channel declares (plain when it does not) */
    GLOCAL_MEDIUM_PLAIN = 1,   /* as they are */
    GLOCAL_MEDIUM_HTML = 2     /* & < > " ' escaped as &amp; &lt; &gt; &quot; &#39;; the
                                  template's own text is the catalog's markup, kept */
} glocal_medium;

/** Sets the medium of r's texts, overriding the channel's `medium`; codes
 *  (glocal_args_code) are never escaped.  Returns GLOCAL_OK or
 *  GLOCAL_ERR_INVALID (NULL r, unknown medium; r unchanged).  @since 1.1 */
GLOCAL_API glocal_status glocal_request_set_medium(glocal_request *r, glocal_medium medium,
                                                   glocal_error **err);

/**
 * A code argument (`_args` type `code`): a one-time password, an order or
 * booking number the reader copies or lets the phone auto-fill.  1 to 64
 * ASCII letters, digits and `-`; it is written exactly as given: never
 * isolated (no FSI/PDI around it, whatever the isolation mode), never
 * replaced by a channel's encoding, never escaped.  Returns GLOCAL_OK,
 * GLOCAL_ERR_ARGUMENT (any other character, empty, longer than 64; *err
 * says which), GLOCAL_ERR_INVALID (NULL a, name or code, a bad name),
 * GLOCAL_ERR_NOMEM; like every setter, a failure leaves the name unset.
 * Where a message declares `code: code`, a text value (glocal_args_text, as
 * bindings and 1.0 callers pass it) is read as a code: written the same way
 * when it is one, GLOCAL_ERR_ARGUMENT from glocal_format when it is not.
 * @since 1.1
 */
GLOCAL_API glocal_status glocal_args_code(glocal_args *a, const char *name, const char *code,
                                          glocal_error **err);

/**
 * How an SMS of text utf8, sent as it is, is billed: GSM-7 (3GPP TS 23.038
 * basic table, 1 septet a character; its extension table ^ { } \ [ ] ~ | €
 * and form feed, 2 septets) when every character is in those tables, else
 * UCS-2 (UTF-16 code units; a character beyond U+FFFF takes 2).  One part
 * carries 160 septets or 70 units; a longer text is sent in parts of 153
 * septets or 67 units, and a character is never split across two (an escape
 * and its code, a surrogate pair).  "" is 0 segments.  Each out-param may be
 * NULL; *is_ucs2 is 1 for UCS-2, else 0.  Nothing is replaced: to measure
 * what a `gsm7` channel sends, measure glocal_format's output for it.
 * Returns GLOCAL_OK or GLOCAL_ERR_INVALID (NULL text, invalid UTF-8).
 * Thread-safe.
 * @since 1.1
 */
GLOCAL_API glocal_status glocal_sms_measure(const char *utf8, size_t *segments, size_t *units,
                                            int *is_ucs2, glocal_error **err);

/** The SMS measure (glocal_sms_measure) of the result's text when the
 *  context's channel is declared `kind: sms`: returns 1 and fills each
 *  out-param that is not NULL; else returns 0 and sets them to 0 (the text
 *  was not measured).  @since 1.1 */
GLOCAL_API int glocal_result_sms(const glocal_result *res, size_t *segments, size_t *units,
                                 int *is_ucs2);

/* ---- Reading a catalog ------------------------------------------------------------ */

/** A message as base.yaml defines it.  Borrowed from its catalog: valid while
 *  the catalog is referenced. */
typedef struct glocal_message glocal_message;

/** Number of messages (base.yaml's).  @since 1.0 */
GLOCAL_API size_t glocal_catalog_message_count(const glocal_catalog *c);
/** The i-th message, sorted by strcmp of their ids; NULL when i is out of
 *  range.  @since 1.0 */
GLOCAL_API const glocal_message *glocal_catalog_message_at(const glocal_catalog *c, size_t i);
/** The message with this id; NULL when base.yaml does not define it.  @since 1.0 */
GLOCAL_API const glocal_message *glocal_catalog_message(const glocal_catalog *c,
                                                        const char *message_id);
/** The message's id.  @since 1.0 */
GLOCAL_API const char *glocal_message_id(const glocal_message *m);
/** Its note for translators; "" when none.  @since 1.0 */
GLOCAL_API const char *glocal_message_note(const glocal_message *m);
/** 1 when base.yaml locks it (every locale is served base's text), else 0.
 *  @since 1.0 */
GLOCAL_API int glocal_message_locked(const glocal_message *m);
/** Who supplies a locked message for a locale (docs/bundles.md#locks): *bundle
 *  is "base" when base's text is served, a bundle's locale ("de") when that
 *  bundle's approved version, which it locks, is served, and NULL when the
 *  message is not locked for that locale.  *bundle is borrowed from the catalog.
 *  GLOCAL_ERR_INVALID for a NULL argument, GLOCAL_ERR_NOT_FOUND for an unknown
 *  id, GLOCAL_ERR_LOCALE for a malformed locale, GLOCAL_ERR_NOMEM.  @since 1.1 */
GLOCAL_API glocal_status glocal_catalog_locked_by(const glocal_catalog *c, const char *locale,
                                                  const char *message_id, const char **bundle,
                                                  glocal_error **err);
/** Number of its arguments: those `_args` declares, else those its
 *  templates use.  @since 1.0 */
GLOCAL_API size_t glocal_message_arg_count(const glocal_message *m);
/** The i-th argument's name, in declaration (or first use) order; NULL when
 *  i is out of range.  @since 1.0 */
GLOCAL_API const char *glocal_message_arg_name(const glocal_message *m, size_t i);
/** The i-th argument's type: "text", "number", "date", "money", "code" (1.1), or "any"
 *  (not declared; the templates' uses decide).  Later releases may add
 *  types: treat an unknown string as opaque.  NULL when i is out of range.
 *  @since 1.0 */
GLOCAL_API const char *glocal_message_arg_type(const glocal_message *m, size_t i);
/** 1 when a value of `type` ("text", "number", "date", "money") may be passed
 *  as the i-th argument: its declared type, or for "any" a type every use of
 *  it in the templates allows; else 0 (also for an unknown type or i out of
 *  range).  @since 1.0 */
GLOCAL_API int glocal_message_arg_accepts(const glocal_message *m, size_t i, const char *type);

/** The variants a locale ends up with for one message, after its chain and
 *  merging: per key, the nearest bundle's.  Owned by the caller, released
 *  with glocal_variants_free; what it returns is borrowed from it. */
typedef struct glocal_variants glocal_variants;
/** One variant, borrowed from its list. */
typedef struct glocal_variant glocal_variant;

/**
 * The variants `locale` ends up with for message_id: the bundle that decides
 * the text's language, then the later bundles of that language on the chain
 * it merges with, nearer first; one entry per key, in that order.  These are
 * the candidates glocal_format chooses from for that locale.
 * Returns GLOCAL_OK, GLOCAL_ERR_INVALID (NULL argument), GLOCAL_ERR_LOCALE,
 * GLOCAL_ERR_NOT_FOUND, GLOCAL_ERR_NOMEM.  Thread-safe on a shared catalog.
 * @since 1.0
 */
GLOCAL_API glocal_status glocal_catalog_variants(const glocal_catalog *c, const char *locale,
                                                 const char *message_id, glocal_variants **out,
                                                 glocal_error **err);
/** @since 1.0 */
GLOCAL_API size_t glocal_variants_count(const glocal_variants *vs);
/** The i-th variant; NULL when i is out of range.  @since 1.0 */
GLOCAL_API const glocal_variant *glocal_variants_at(const glocal_variants *vs, size_t i);
/** The key as written ("formal+sms"; "other" for one string).  @since 1.0 */
GLOCAL_API const char *glocal_variant_key(const glocal_variant *v);
/** The template as written in the bundle.  @since 1.0 */
GLOCAL_API const char *glocal_variant_template(const glocal_variant *v);
/** The locale of the bundle defining it, or "base".  @since 1.0 */
GLOCAL_API const char *glocal_variant_bundle(const glocal_variant *v);
/** Its bundle file ("DIR/NAME"), line and column.  @since 1.0 */
GLOCAL_API const char *glocal_variant_file(const glocal_variant *v);
/** @see glocal_variant_file  @since 1.0 */
GLOCAL_API unsigned glocal_variant_line(const glocal_variant *v);
/** @see glocal_variant_file  @since 1.0 */
GLOCAL_API unsigned glocal_variant_column(const glocal_variant *v);
/** 1 when a bundle other than the locale's own (the bundle named exactly
 *  like it) defines it, else 0.  @since 1.0 */
GLOCAL_API int glocal_variant_inherited(const glocal_variant *v);
/** 1 when the message is locked (the variant is base's), else 0.  @since 1.0 */
GLOCAL_API int glocal_variant_locked(const glocal_variant *v);
/** The syntax its template is written in, its bundle's `syntax:`: "mf1" (ICU
 *  MessageFormat, read with glocal_template_parse) or "mf2" (MessageFormat 2,
 *  glocal_template_parse_mf2); NULL for NULL v.  Borrowed, static.
 *  @since 1.1 */
GLOCAL_API const char *glocal_variant_syntax(const glocal_variant *v);
/** Releases the list.  NULL is a no-op.  @since 1.0 */
GLOCAL_API void glocal_variants_free(glocal_variants *vs);

/** A locale's fallback chain: the bundles a request for it reads, nearest
 *  first, base last.  Owned by the caller, released with glocal_chain_free. */
typedef struct glocal_chain glocal_chain;
/**
 * The chain of `locale` (docs/resolution.md#chains).  Returns GLOCAL_OK,
 * GLOCAL_ERR_INVALID, GLOCAL_ERR_LOCALE, GLOCAL_ERR_NOMEM.
 * @since 1.0
 */
GLOCAL_API glocal_status glocal_catalog_chain(const glocal_catalog *c, const char *locale,
                                              glocal_chain **out, glocal_error **err);
/** Number of bundles on the chain (at least 1: base).  @since 1.0 */
GLOCAL_API size_t glocal_chain_count(const glocal_chain *ch);
/** The i-th bundle's locale ("base" last); NULL when out of range.  @since 1.0 */
GLOCAL_API const char *glocal_chain_bundle(const glocal_chain *ch, size_t i);
/** The i-th bundle's file ("DIR/NAME"); NULL when out of range.  @since 1.0 */
GLOCAL_API const char *glocal_chain_file(const glocal_chain *ch, size_t i);
/** Releases the chain.  NULL is a no-op.  @since 1.0 */
GLOCAL_API void glocal_chain_free(glocal_chain *ch);

/** The language tag base.yaml declares (`language:`, "en").  Borrowed from c.
 *  @since 1.0 */
GLOCAL_API const char *glocal_catalog_language(const glocal_catalog *c);

/** Number of axes a variant key may name ("formality", "tone", "channel", in
 *  rank order; later releases and catalogs may declare more: read them by
 *  index, never assume three).  @since 1.0 */
GLOCAL_API size_t glocal_catalog_axis_count(const glocal_catalog *c);
/** The i-th axis's name; NULL when i is out of range.  Borrowed from c.
 *  @since 1.0 */
GLOCAL_API const char *glocal_catalog_axis_name(const glocal_catalog *c, size_t i);
/** Number of values of the axis named `axis` (the built-in ones and those
 *  base.yaml's `axes:` adds); 0 for an axis the catalog does not have.
 *  @since 1.0 */
GLOCAL_API size_t glocal_catalog_axis_value_count(const glocal_catalog *c, const char *axis);
/** The j-th value of `axis`, built-in values first, then base.yaml's in the
 *  order written; NULL when out of range.  Borrowed from c.  @since 1.0 */
GLOCAL_API const char *glocal_catalog_axis_value(const glocal_catalog *c, const char *axis,
                                                 size_t j);
/** The name of the axis `value` belongs to ("sms" -> "channel"); NULL when
 *  no axis of the catalog has it.  Borrowed from c.  @since 1.0 */
GLOCAL_API const char *glocal_catalog_value_axis(const glocal_catalog *c, const char *value);
/** The `max_length` base.yaml's `channels:` gives a channel, in code points;
 *  0 when it gives none or `channel` is not a channel.  @since 1.0 */
GLOCAL_API unsigned glocal_catalog_channel_max_length(const glocal_catalog *c,
                                                      const char *channel);

/** The terms (`{-name}`) a locale's texts see.  Owned by the caller, released
 *  with glocal_terms_free; what it returns is borrowed from it and valid while
 *  it and its catalog live. */
typedef struct glocal_terms glocal_terms;
/** One term, borrowed from its list. */
typedef struct glocal_term glocal_term;

/**
 * The terms a text in `locale`'s language sees: base's in base.yaml's order,
 * then those only bundles of that language define, nearest bundle first.
 * For each name, the nearest bundle on the locale's chain that is in the
 * language of the chain's first bundle and defines it gives the text, else
 * base; a term base.yaml locks is always base's (docs/resolution.md#terms).
 * "base" as locale gives base's own terms.
 * Returns GLOCAL_OK, GLOCAL_ERR_INVALID (NULL argument), GLOCAL_ERR_LOCALE,
 * GLOCAL_ERR_NOMEM.  Thread-safe on a shared catalog.
 * @since 1.0
 */
GLOCAL_API glocal_status glocal_catalog_terms(const glocal_catalog *c, const char *locale,
                                              glocal_terms **out, glocal_error **err);
/** @since 1.0 */
GLOCAL_API size_t glocal_terms_count(const glocal_terms *t);
/** The i-th term; NULL when i is out of range.  @since 1.0 */
GLOCAL_API const glocal_term *glocal_terms_at(const glocal_terms *t, size_t i);
/** The term's name, without the `-` templates write ("brand").  @since 1.0 */
GLOCAL_API const char *glocal_term_name(const glocal_term *t);
/** Its text as written.  @since 1.0 */
GLOCAL_API const char *glocal_term_text(const glocal_term *t);
/** The locale of the bundle defining it, or "base".  @since 1.0 */
GLOCAL_API const char *glocal_term_bundle(const glocal_term *t);
/** Its bundle file ("DIR/NAME"), and the line and column of its name.
 *  @since 1.0 */
GLOCAL_API const char *glocal_term_file(const glocal_term *t);
/** @see glocal_term_file  @since 1.0 */
GLOCAL_API unsigned glocal_term_line(const glocal_term *t);
/** @see glocal_term_file  @since 1.0 */
GLOCAL_API unsigned glocal_term_column(const glocal_term *t);
/** 1 when a bundle other than the locale's own (the bundle named exactly like
 *  it) defines it, else 0.  @since 1.0 */
GLOCAL_API int glocal_term_inherited(const glocal_term *t);
/** 1 when base.yaml locks it (`locked: [-name]`), else 0.  @since 1.0 */
GLOCAL_API int glocal_term_locked(const glocal_term *t);
/** Releases the list.  NULL is a no-op.  @since 1.0 */
GLOCAL_API void glocal_terms_free(glocal_terms *t);

/**
 * The CLDR-canonical BCP 47 form of `tag`, as requests and bundles use it
 * (`_` is accepted for `-`; "iw_IL" -> "he-IL"; extensions are kept).
 * *out_utf8 is the caller's, freed with glocal_free.
 * Returns GLOCAL_OK, GLOCAL_ERR_INVALID (NULL), GLOCAL_ERR_LOCALE (malformed
 * or too long), GLOCAL_ERR_NOMEM.
 * @since 1.0
 */
GLOCAL_API glocal_status glocal_locale_canonicalize(const char *tag, char **out_utf8,
                                                    glocal_error **err);
/**
 * The CLDR plural categories of `locale`, cardinal (ordinal 0) or ordinal
 * (ordinal 1), space-separated in ICU's order ("few many one other" for ru);
 * a locale CLDR does not know gets its language's, else "other".  *out_utf8
 * is the caller's, freed with glocal_free.
 * Returns GLOCAL_OK, GLOCAL_ERR_INVALID (NULL), GLOCAL_ERR_LOCALE,
 * GLOCAL_ERR_NOMEM.
 * @since 1.0
 */
GLOCAL_API glocal_status glocal_plural_categories(const char *locale, int ordinal,
                                                  char **out_utf8, glocal_error **err);
/**
 * The plural category `locale` selects for the integer n ("one" for 1 in
 * "en"), cardinal (ordinal 0) or ordinal (ordinal 1).  *out is a static
 * string, never freed.
 * Returns GLOCAL_OK, GLOCAL_ERR_INVALID (NULL), GLOCAL_ERR_LOCALE,
 * GLOCAL_ERR_NOMEM.
 * @since 1.0
 */
GLOCAL_API glocal_status glocal_plural_category(const char *locale, int ordinal, int32_t n,
                                                const char **out, glocal_error **err);

/** The kinds of names a catalog holds, for glocal_name_valid. */
typedef enum glocal_name {
    GLOCAL_NAME_MESSAGE_ID = 0, /* [a-z0-9][a-z0-9_.-]*  ("order.shipped") */
    GLOCAL_NAME_ARGUMENT = 1,   /* [A-Za-z_][A-Za-z0-9_]* ("count") */
    GLOCAL_NAME_IDENTIFIER = 2  /* [a-z][a-z0-9_-]*       (axis values, term names) */
} glocal_name;
/** 1 when s is a well-formed name of that kind (docs/bundles.md), else 0
 *  (also for NULL s or an unknown kind).  @since 1.0 */
GLOCAL_API int glocal_name_valid(glocal_name kind, const char *s);

/* ---- Lint --------------------------------------------------------------------- */

typedef enum glocal_severity {
    GLOCAL_SEVERITY_ERROR = 0,
    GLOCAL_SEVERITY_WARNING = 1
} glocal_severity;

/** A lint rule of docs/lint.md: its id, default severity and a one-line
 *  summary.  Rules are static: every glocal_rule pointer and every string read
 *  from one is valid for the life of the process and never freed.  The
 *  functions on rules read constant data and are thread-safe. */
typedef struct glocal_rule glocal_rule;

/** Number of lint rules.  @since 1.0 */
GLOCAL_API size_t glocal_rule_count(void);
/** The i-th rule in the order of docs/lint.md (errors, then warnings); NULL
 *  when i >= glocal_rule_count().  @since 1.0 */
GLOCAL_API const glocal_rule *glocal_rule_at(size_t i);
/** The rule with this id (as glocal_finding_rule gives it, "duplicate-key");
 *  NULL for NULL or an id no rule has.  @since 1.0 */
GLOCAL_API const glocal_rule *glocal_rule_find(const char *id);
/** The rule's id, such as "duplicate-key"; NULL for NULL r.  @since 1.0 */
GLOCAL_API const char *glocal_rule_id(const glocal_rule *r);
/** The rule's default severity: an error rule fails glocal_catalog_open
 *  (except `locked`); a finding may still be a warning where docs/lint.md
 *  says so.  GLOCAL_SEVERITY_ERROR for NULL r.  @since 1.0 */
GLOCAL_API glocal_severity glocal_rule_severity(const glocal_rule *r);
/** One line saying what the rule finds (SARIF's short description);
 *  docs/lint.md has the full text.  NULL for NULL r.  @since 1.0 */
GLOCAL_API const char *glocal_rule_summary(const glocal_rule *r);

/** A lint report; findings are sorted by file, line, column, rule. */
typedef struct glocal_findings glocal_findings;
/** One finding, borrowed from its report. */
typedef struct glocal_finding glocal_finding;

/**
 * Checks every bundle in dir with every rule of docs/lint.md and reports all
 * findings (it never stops at the first).  *out is the caller's, freed with
 * glocal_findings_free.  Problems in bundles are findings, not failures.
 * Returns GLOCAL_OK, GLOCAL_ERR_INVALID (NULL), GLOCAL_ERR_IO (dir is not a
 * readable directory), GLOCAL_ERR_NOMEM.
 *
 * Since 1.1 dir may also be a compiled catalog file (glocal_compile): the
 * whole file is verified first, content checksum included (whatever o says),
 * then the bundle files kept in it are linted as their directory would be,
 * the findings naming them "DIR/NAME" with DIR the directory they were
 * compiled from.  A file that does not open fails with the status and error
 * glocal_catalog_open_with gives for it with verify on (GLOCAL_ERR_SYNTAX,
 * GLOCAL_ERR_SCHEMA, GLOCAL_ERR_IO).
 * @since 1.0
 */
GLOCAL_API glocal_status glocal_lint(const char *dir, glocal_findings **out, glocal_error **err);
/** glocal_lint with the limits of o (NULL: the defaults).  @since 1.0 */
GLOCAL_API glocal_status glocal_lint_with(const char *dir, const glocal_options *o,
                                          glocal_findings **out, glocal_error **err);

/** The first bytes of every compiled catalog file (docs/compiled.md), of
 *  every format version: what tells one from a directory or a bundle
 *  (file(1)'s magic).  @since 1.1 */
#define GLOCAL_COMPILED_MAGIC "GLOCALC\x1a"
/** The length of GLOCAL_COMPILED_MAGIC.  @since 1.1 */
#define GLOCAL_COMPILED_MAGIC_LEN 8

/**
 * Verifies the compiled catalog file at path completely, as
 * glocal_catalog_open_with does with glocal_options_set_verify on (header,
 * every record, the content checksum), and describes it for people, one
 * "key: value" line each: the format version; the glocal, ICU and ICU data
 * versions it was built with; the file's size and its regions' sizes; the
 * base address it was laid out for; the content's SHA-256; the directory it
 * was compiled from with its bundle and message counts; then each bundle
 * file kept in it, with its size and SHA-256 (as sha256sum prints it, so a
 * deploy can tell which directory a file came from).  The layout of the
 * text may grow; `format:` is its first key.  *out_utf8 is the caller's,
 * freed with glocal_free.  Returns GLOCAL_OK, or the status and error of the
 * open: GLOCAL_ERR_INVALID (NULL path or out_utf8), GLOCAL_ERR_IO (unreadable,
 * a directory), GLOCAL_ERR_SYNTAX (not a compiled catalog, truncated, a
 * checksum mismatch), GLOCAL_ERR_SCHEMA (a record out of bounds, another
 * format version or ICU data version), GLOCAL_ERR_NOMEM; *out_utf8 is then
 * NULL.
 * @since 1.1
 */
GLOCAL_API glocal_status glocal_compiled_describe(const char *path, char **out_utf8,
                                                  glocal_error **err);
/** Number of findings.  @since 1.0 */
GLOCAL_API size_t glocal_findings_count(const glocal_findings *f);
/** The i-th finding, NULL when out of range; borrowed from f.  @since 1.0 */
GLOCAL_API const glocal_finding *glocal_findings_at(const glocal_findings *f, size_t i);
/** "DIR/NAME" of the file; borrowed.  @since 1.0 */
GLOCAL_API const char *glocal_finding_file(const glocal_finding *x);
/** 1-based line; 0 when the finding is about a whole file.  @since 1.0 */
GLOCAL_API unsigned glocal_finding_line(const glocal_finding *x);
/** 1-based column in code points; 0 when the finding is about a whole file.  @since 1.0 */
GLOCAL_API unsigned glocal_finding_column(const glocal_finding *x);
/** Error or warning.  @since 1.0 */
GLOCAL_API glocal_severity glocal_finding_severity(const glocal_finding *x);
/** The rule id, such as "duplicate-key"; borrowed.  @since 1.0 */
GLOCAL_API const char *glocal_finding_rule(const glocal_finding *x);
/** A human message naming the fix; borrowed.  @since 1.0 */
GLOCAL_API const char *glocal_finding_message(const glocal_finding *x);
/** The bundle's locale, NULL when none applies; borrowed.  @since 1.0 */
GLOCAL_API const char *glocal_finding_locale(const glocal_finding *x);
/** The message id concerned, NULL when none; borrowed.  @since 1.0 */
GLOCAL_API const char *glocal_finding_message_id(const glocal_finding *x);
/** Frees f and every finding in it; NULL is a no-op.  @since 1.0 */
GLOCAL_API void glocal_findings_free(glocal_findings *f);

/**
 * The warnings found while opening c (findings of warning severity that the
 * loader checks, such as an apostrophe that quotes the rest of a template);
 * lint reports them too, with every other rule.  Borrowed from c: valid while
 * c is referenced; never NULL for an open catalog (an empty list when there
 * were none); do not pass it to glocal_findings_free.  NULL when c is NULL.
 * @since 1.0
 */
GLOCAL_API const glocal_findings *glocal_catalog_warnings(const glocal_catalog *c);

#ifdef __cplusplus
}
#endif

#endif /* GLOCAL_H */
