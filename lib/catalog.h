/* The catalog model: bundles, messages, variants, templates.  Everything a
 * catalog owns lives in its arena; after glocal_catalog_open returns, nothing
 * in it changes except the lock-free chain memo (chain.c). */
#ifndef GLOCAL_CATALOG_H
#define GLOCAL_CATALOG_H

#include <stdatomic.h>

#include "error.h"
#include "limits.h"
#include "sources.h"
#include "template.h"
#include "yaml_tree.h"

/* The built-in axes come first; base.yaml's `axes:` may declare custom ones
 * after them, up to GL_MAX_AXES in all (docs/bundles.md#axes). */
enum { AX_FORMALITY, AX_TONE, AX_CHANNEL, AX_BUILTIN };
#define GL_MAX_AXES 8
_Static_assert(GL_MAX_AXES <= 8, "gl_vkey.named is a uint8_t");
#define GL_AXIS_NONE 0u /* value index 0: the axis is not named */
/* Value indices 1..GL_MAX_AXIS_VALUES: a variant keeps one in a uint16_t. */
#define GL_MAX_AXIS_VALUES 65535u
/* "formality", "tone", "channel": the names bundles and requests give the axes. */
extern const char *const gl_axis_names[AX_BUILTIN];

/* T_DAY: a calendar day (no time, no zone); its argument also takes an instant,
 * as its date in the request's zone. */
typedef enum gl_argtype { T_ANY, T_TEXT, T_NUMBER, T_DATE, T_MONEY, T_CODE, T_DAY } gl_argtype;
#define LAST_TYPE T_DAY
#define TYPE_BIT(t) (1u << (t))
#define ALL_TYPES (TYPE_BIT(T_TEXT) | TYPE_BIT(T_NUMBER) | TYPE_BIT(T_DATE) | TYPE_BIT(T_MONEY) | \
                   TYPE_BIT(T_CODE) | TYPE_BIT(T_DAY))

/* A market's conventions a profile may set (base_config.c): the profile key
 * ("calendar") and the Unicode extension key it defaults ("ca"). */
#define GL_CONVENTIONS 3
extern const char *const gl_convention_keys[GL_CONVENTIONS];
extern const char *const gl_convention_ukeys[GL_CONVENTIONS];

/* A variant key as written and the context it selects.  Keys repeat across
 * thousands of variants ("other", "formal", "informal+sms"), so each
 * distinct key is one record the variants share (message_load.c). */
typedef struct gl_vkey {
    const char *text;         /* as written: "formal+sms", "other" */
    uint16_t ax[GL_MAX_AXES]; /* axis value index per axis, GL_AXIS_NONE when unnamed */
    uint8_t named;            /* bit a set: the key names axis a */
    int rank;                 /* the sum of the weights of the axes it names */
} gl_vkey;

/* A catalog holds one per template (147,722 in the bench catalog): each
 * byte here is 150 KB there. */
typedef struct gl_variant {
    gl_template tmpl;
    const gl_vkey *key;
    unsigned line, col;       /* of the key */
} gl_variant;

/* A message as one bundle defines it, its variants in the same block. */
typedef struct gl_msgdef {
    bool scalar;              /* one template for every context */
    bool other_written;       /* a map with an `other` key, even one that failed to load */
    uint32_t nv;
    unsigned line, col;       /* of the message id key */
    gl_variant v[];
} gl_msgdef;

/* A message a local bundle locks in its own `locked:` (docs/bundles.md#locks). */
typedef struct gl_lock {
    uint32_t msg;
    unsigned line, col;       /* of the entry */
    bool valid;               /* approved by base, or locking a line no farther bundle locks */
} gl_lock;

typedef struct gl_approved {
    size_t n;
    const char *locales[];
} gl_approved;

typedef struct gl_argdecl {
    const char *name;
    gl_argtype type;          /* T_ANY when inferred from use */
    unsigned mask;            /* TYPE_BITs of the value types it may take */
} gl_argdecl;

/* A message as base defines it. */
typedef struct gl_message {
    const char *id;
    bool locked;              /* in base's `locked:` */
    bool local_lock;          /* some bundle holds a valid lock on it: resolution looks */
    /* the locales base's `locked:` map allows an approved version, NULL none:
     * one pointer, so that the struct every format call reads stays small */
    const gl_approved *approved;
    const char *note;
    gl_argdecl *args;
    size_t nargs;
    gl_map arg_index;         /* name -> index in args: a template may use thousands */
    bool args_declared;       /* from _args, not inferred from use */
} gl_message;

typedef struct gl_term {
    const char *name, *text;
    unsigned line, col;
    bool locked;              /* base's terms: named in `locked:` */
} gl_term;

typedef struct gl_standards gl_standards;

typedef struct gl_bundle {
    const char *locale;       /* "base" for base */
    const char *file;         /* "DIR/NAME" */
    const char *lang_script;  /* "de-Latn": a text's language L (docs/resolution.md) */
    const char *format_locale;/* ICU-style id used for formatting (base: its language) */
    bool rtl;
    const char *parent;
    unsigned parent_line, parent_col;
    int32_t parent_idx;       /* -1: none */
    uint32_t profile_ax[2];   /* formality, tone value index, 0 unset */
    const char *channels;     /* comma-separated, NULL unset */
    const char *time_zone;    /* NULL unset */
    const char *convention[GL_CONVENTIONS]; /* profile calendar, numbers, hour_cycle; NULL unset */
    gl_term *terms;
    size_t nterms;
    gl_map term_index;
    gl_lock *locks;           /* the bundle's own `locked:` messages */
    size_t nlocks;
    gl_msgdef **msgs;         /* indexed by base message index; NULL when undefined */
    unsigned msgs_line, msgs_col; /* of the `messages:` key, for findings about the bundle */
    /* orphans, kept for lint */
    const char **orphan_ids;
    gl_msgdef **orphans;
    size_t norphans;
    gl_standards *standards;  /* `standards:` (standards.h); NULL when none */
    const char **omits;       /* `omits:`: argument names left out on purpose (interned) */
    size_t nomits;
    bool mf2;                 /* `syntax: mf2`: its templates are MessageFormat 2 */
} gl_bundle;

typedef struct gl_axisval {
    const char *name;
    int axis;
} gl_axisval;

typedef struct gl_chain_memo gl_chain_memo;
typedef struct gl_mapping gl_mapping;

/* What base's `channels:` declares about a channel beside max_length
 * (channel.c, docs/channels.md). */
typedef enum gl_channel_kind { KIND_NONE, KIND_SMS, KIND_EMAIL, KIND_CHAT, KIND_PUSH,
                               KIND_VOICE, KIND_WEB } gl_channel_kind;
typedef enum gl_medium_kind { MEDIUM_PLAIN, MEDIUM_HTML } gl_medium_kind;

typedef struct gl_budget {
    const char *tag;          /* a language or locale tag: "de", "pt-PT" */
    uint32_t segments;
} gl_budget;

typedef struct gl_channel {
    uint8_t kind;             /* gl_channel_kind */
    uint8_t medium;           /* gl_medium_kind */
    uint8_t encoding;         /* gl_encoding (sms.h) */
    uint32_t max_segments;    /* `other`'s budget, 0 none */
    gl_budget *budgets;       /* per language or locale, from a map `max_segments:` */
    size_t nbudgets;
} gl_channel;

struct glocal_catalog {
    atomic_uint refs;
    uint64_t serial;          /* unique per open; keys per-thread caches */
    gl_arena *arena;
    const char *dir;
    const char *axis_name[GL_MAX_AXES]; /* the built-in three, then base's custom axes */
    int naxes;
    int axis_weight[GL_MAX_AXES]; /* rank of a match: channel, formality, tone, custom in order */
    gl_axisval *axisvals;     /* index 0 unused */
    size_t naxisvals;
    gl_map axis_index;        /* value name -> index */
    gl_bundle *bundles;       /* [0] is base, the rest sorted by locale */
    size_t nbundles;
    gl_map bundle_index;      /* locale -> index */
    gl_message *messages;     /* base's, in file order */
    size_t nmessages;
    gl_map message_index;     /* id -> index */
    const char *language;     /* base's language tag */
    uint32_t *channel_max;    /* per axis value index: max_length, 0 none */
    gl_channel *channels;     /* per axis value index; NULL when base declares no channels */
    const gl_vkey **vkeys;    /* every distinct variant key, once (message_load.c) */
    uint32_t ntemplates;
    uint32_t nvkeys;
    uint64_t max_output;      /* GLOCAL_LIMIT_OUTPUT_BYTES */
    gl_chain_memo *memo;
    glocal_findings *warnings;  /* found while opening */
    _Atomic(uint32_t *) sorted_messages; /* catalog_read.c: message order by id, built once */
    _Atomic(struct gl_mf2_memo *) mf2_memo; /* compiled_mf2.c: MF2 templates parsed on first use */
    gl_mapping *mapping;      /* compiled: the file every pointer above points into; NULL: YAML */
};

/* Loads dir (catalog_load.c).  Fail-fast diag: the catalog only when no error
 * was found.  Collecting diag: the catalog as far as it could be built (for
 * lint's further rules); NULL only on IO or memory failure, or without a base. */
glocal_status gl_catalog_load(const char *dir, const glocal_options *o, gl_diag *d,
                              glocal_catalog **out);
/* gl_catalog_load that also hands back every file it read (*kept, *nkept;
 * free them with gl_sources_free), for glocal_compile to keep in the file. */
glocal_status gl_catalog_load_dir(const char *dir, const glocal_options *o, gl_diag *d,
                                  glocal_catalog **out, gl_source **kept, size_t *nkept);
/* Loads sources already in memory (base.yaml first, then by locale, as a
 * directory lists them) exactly as gl_catalog_load loads a directory's files;
 * dir_label is the directory findings name.  The catalog copies what it keeps. */
glocal_status gl_catalog_load_sources(const gl_source *sources, size_t n, const char *dir_label,
                                      const glocal_options *o, gl_diag *d, glocal_catalog **out);
const gl_limits *gl_options_limits(const glocal_options *o);
glocal_links gl_options_links(const glocal_options *o);
/* Whether open verifies a compiled file's content checksum. */
bool gl_options_verify(const glocal_options *o);
/* The mask of value types a use of an argument allows. */
unsigned gl_use_mask(gl_use use, const char *style);
/* Bundles of b's own chain, base last (for lint and checks); 0 when out of memory. */
size_t gl_bundle_chain(const glocal_catalog *c, const gl_bundle *b, uint32_t *out, size_t cap);
/* An empty catalog of dir with one reference, for the loader to fill; NULL
 * when out of memory. */
glocal_catalog *gl_catalog_new(const char *dir);
void gl_catalog_free(glocal_catalog *c);
/* A catalog whose model is the image's record `rec` (compiled_open.c), with
 * its own references, serial and memo; it owns `map`.  NULL when out of memory. */
glocal_catalog *gl_catalog_from_image(const glocal_catalog *rec, gl_mapping *map);

const gl_bundle *gl_base(const glocal_catalog *c);
bool gl_lookup_message(const glocal_catalog *c, const char *id, uint32_t *index);
const gl_term *gl_bundle_term(const gl_bundle *b, const char *name);
/* A term's text as formatting sees it (docs/bundles.md, Templates): the first
 * bundle of the chain in language lang that defines it, else base; locked: base. */
const char *gl_term_text(const glocal_catalog *c, const uint32_t *chain, size_t n,
                         const char *lang, const char *name);
/* The bundle whose definition of the term gl_term_text reads (base when none
 * of the chain's bundles in lang has it). */
const gl_bundle *gl_term_source(const glocal_catalog *c, const uint32_t *chain, size_t n,
                                const char *lang, const char *name);
bool gl_term_locked(const glocal_catalog *c, const char *name);
/* The bundle's valid lock on msg, or NULL. */
const gl_lock *gl_bundle_lock(const gl_bundle *b, uint32_t msg);
int gl_axis_of(const glocal_catalog *c, uint32_t value);
/* The index of axis `name` in this catalog, -1 when it has none. */
int gl_axis_named(const glocal_catalog *c, const char *name);
bool gl_axis_value(const glocal_catalog *c, const char *name, uint32_t *index);
/* "any", "text", "number", "date", "money", "code": as `_args` writes the types. */
const char *gl_argtype_name(gl_argtype t);
/* The value types an argument takes from a caller: its mask, and an instant
 * for a `day` (taken as its date in the request's zone). */
unsigned gl_arg_value_mask(const gl_argdecl *decl);
const gl_argdecl *gl_message_arg(const gl_message *m, const char *name);
/* The declaration of channel value index ch (a zeroed one when base gives none). */
const gl_channel *gl_channel_of(const glocal_catalog *c, uint32_t ch);
/* The segment budget of an SMS channel for a bundle's locale: the nearest of
 * the locale and its truncations `max_segments:` names, else its `other`. */
uint32_t gl_channel_budget(const gl_channel *ch, const char *locale);
/* For explain: one line saying what channel value ch declares (kind, the medium r gets,
 * encoding, the SMS budget for locale); nothing when base declares no channels or ch is 0. */
void gl_channel_explain(const glocal_catalog *c, uint32_t ch, const char *locale,
                        const glocal_request *r, gl_buf *out);

#endif
