/* The compiled catalog (docs/compiled.md): a checked catalog laid out as one
 * file whose records are the model itself (catalog.h, template.h), every
 * pointer already the address it has when the file is mapped at its
 * preferred base.  compiled_layout.c describes each record type once; the
 * writer (compiled_write.c) copies a loaded catalog by that description and
 * the reader (compiled_open.c) validates, and relocates when it must, by the
 * same description. */
#ifndef GLOCAL_COMPILED_H
#define GLOCAL_COMPILED_H

#include "catalog.h"
#include "sha256.h"

/* "GLOCALC\x1a", 8 bytes (\x1a stops a `type` on a terminal): public, so that
 * a client tells a compiled file from anything else (glocal.h) */
#define GL_COMPILED_MAGIC GLOCAL_COMPILED_MAGIC
#define GL_COMPILED_MAGIC_LEN GLOCAL_COMPILED_MAGIC_LEN
/* Bumped whenever the header or the meaning of a region changes; the record
 * layout has its own fingerprint (gl_layout_fingerprint). */
#define GL_COMPILED_FORMAT 1u
#define GL_COMPILED_PAGE 4096u
/* Where preferred bases lie: 4 GiB slots in [0x2000'0000'0000, 0x6000'0000'0000),
 * above the heap, PIE and ASan's shadow, below the mmap area. */
#define GL_COMPILED_BASE_LOW 0x200000000000ull
#define GL_COMPILED_BASE_SLOTS 0x4000u
#define GL_COMPILED_BASE_SLOT (1ull << 32)

enum { GL_REGION_RECORDS, GL_REGION_STRINGS, GL_REGION_SOURCES, GL_REGIONS };

typedef struct gl_region {
    uint64_t off, len;        /* bytes of the file */
} gl_region;

typedef struct gl_compiled_header {
    char magic[GL_COMPILED_MAGIC_LEN];
    uint32_t format;          /* GL_COMPILED_FORMAT */
    uint32_t header_size;     /* sizeof(gl_compiled_header) */
    uint64_t layout;          /* gl_layout_fingerprint() of the writer */
    char icu_version[16];     /* u_getVersion(): the ICU library that compiled the templates */
    char icu_data_version[16];/* u_getDataVersion(): the CLDR data the checks used */
    char glocal_version[16];  /* GLOCAL_VERSION_STRING */
    uint64_t file_size;
    uint64_t base;            /* the address the records were laid out for */
    uint64_t root;            /* file offset of the gl_image_root record */
    uint64_t nsources;
    gl_region region[GL_REGIONS];
    uint8_t content_sha256[GL_SHA256_LEN]; /* of the whole file, these 32 bytes taken as zero */
} gl_compiled_header;

/* One kept source file, in the sources region's table. */
typedef struct gl_compiled_source {
    uint64_t name_off, name_len; /* file offsets; the name ends with a NUL after name_len */
    uint64_t off, len;
    uint8_t sha256[GL_SHA256_LEN];
} gl_compiled_source;

/* A warning found while the catalog was checked, kept so that opening the
 * file reports what opening the directory did. */
typedef struct gl_image_warning {
    const char *file, *message, *locale, *msgid;
    const char *rule;         /* the rule's id: rules may be renumbered, never renamed */
    unsigned line, col;
    uint32_t severity;
} gl_image_warning;

/* The first record of the records region.  def_blocks[m] is the file
 * offset where message m's deferred definitions begin (every bundle's, in
 * bundle order); def_blocks[nmessages] is the records region's end. */
typedef struct gl_image_root {
    glocal_catalog *cat;
    gl_image_warning *warnings;
    size_t nwarnings;
    uint64_t *def_blocks;
    size_t ndef_blocks;
} gl_image_root;

/* ---- the record descriptions (compiled_layout.c) ---- */

typedef enum gl_fkind {
    FK_DATA,     /* size bytes copied as they are */
    FK_BOOL,     /* a bool: 0 or 1 */
    FK_STR,      /* const char *: a NUL-terminated string in the strings region */
    FK_REC,      /* one record of `type` */
    FK_ARR,      /* `count` records of `type` */
    FK_PTRS,     /* `count` pointers to one record of `type` each */
    FK_STRS,     /* `count` strings */
    FK_WORDS,    /* `count` elements of `size` bytes without pointers */
    FK_PIECES,   /* `count` byte strings in the strings region, lengths in the uint32_t array
                    at aux */
    FK_EMBED,    /* a record of `type` inside this one */
    FK_FLEXSTRS, /* `count` strings ending the record (a flexible array member) */
    FK_FLEXARR,  /* `count` records of `type` ending the record (a flexible array member) */
    FK_REF       /* one of the records of `type` an F_SHARED table of the catalog points to:
                    records many others share (a variant's key), copied and checked once */
} gl_fkind;

typedef enum gl_count {
    CN_NONE,
    CN_FIELD,      /* the integer field at count_off (count_size bytes) */
    CN_FIELD_PLUS1,/* that field plus one (a template's pieces) */
    CN_MESSAGES,   /* the catalog's nmessages */
    CN_AXISVALS    /* the catalog's naxisvals */
} gl_count;

enum { F_NULL = 1,       /* the pointer may be NULL whatever the count */
       F_ELEM_NULL = 2,  /* FK_PTRS/FK_STRS: an element may be NULL */
       /* FK_PTRS: the records pointed to are laid out after every other record,
        * grouped by element index (a bundle's definitions, by message), and
        * validated per message on first use (docs/compiled.md#validation) */
       F_DEFER = 4,
       /* FK_PTRS of the catalog: the records FK_REF fields of its type name.
        * Described before any record that refers to them, so the walk has
        * checked them when it meets a reference. */
       F_SHARED = 8 };

typedef struct gl_rectype gl_rectype;
typedef struct gl_walk gl_walk;

typedef struct gl_field {
    const char *name;
    uint16_t off, size;       /* FK_DATA: bytes; FK_WORDS: bytes per element */
    uint8_t kind, count, flags, count_size;
    uint16_t count_off, aux_off;
    const gl_rectype *type;
    /* A member of a union: present only when bit k of tag_mask is set, k the
     * byte at tag_off (a template's kind); tag_mask 0: always present. */
    uint16_t tag_off;
    uint8_t tag_mask;
} gl_field;

struct gl_rectype {
    const char *name;         /* "variant": what an error names */
    size_t size;
    const gl_field *fields;
    size_t nfields;
    /* What the description cannot say (enum ranges, indices, map shapes):
     * NULL when consistent, else what is wrong.  Called after every pointer
     * of the record was checked, so it may read what they point to. */
    const char *(*check)(const void *rec, const gl_walk *w);
};

/* What a walk knows beyond the record: the catalog it is in, and the limits. */
struct gl_walk {
    const glocal_catalog *cat;
    const gl_limits *limits;
};

extern const gl_rectype gl_root_type;
/* The one F_DEFER field: a bundle's definitions (gl_bundle.msgs). */
const gl_field *gl_deferred_field(void);
/* A hash of every description (offsets, sizes, kinds): a file written by a
 * glocal whose records differ is refused. */
uint64_t gl_layout_fingerprint(void);
/* The count of an array field of rec. */
size_t gl_field_count(const gl_field *f, const void *rec, const glocal_catalog *cat);
/* Whether field f of rec exists (a union member holds the union). */
bool gl_field_present(const gl_field *f, const void *rec);
/* Whether p is one of the records of type t the catalog shares (FK_REF):
 * an element of the F_SHARED table, which the walk checked already. */
bool gl_shared_record(const glocal_catalog *cat, const gl_rectype *t, const void *p);
/* Bytes of a record of type t whose fields are those of rec (a flexible array
 * adds its elements).  0 when the count overflows. */
size_t gl_record_size(const gl_rectype *t, const void *rec, const glocal_catalog *cat);

/* The content digest a header records: every byte of the file, its own
 * field taken as zero (compiled_write.c). */
void gl_compiled_digest(const unsigned char *file, size_t len, uint8_t out[GL_SHA256_LEN]);

/* ---- open (compiled_open.c) ---- */

/* "72.1": the ICU library's and its data's versions, for the header. */
void gl_icu_versions(char lib[16], char data[16]);
/* Whether path is a regular file that starts with the compiled magic. */
bool gl_is_compiled_file(const char *path);
/* Opens a compiled catalog file: mapped at its preferred base when the
 * address is free, else mapped privately and relocated. */
glocal_status gl_compiled_open_file(const char *path, const glocal_options *o,
                                    glocal_catalog **out, glocal_error **err);
/* Opens an image held in memory (len bytes; copied, never kept), as the file
 * would open: what the fuzz target and the robustness tests call.  `name`
 * is the file the errors name. */
glocal_status gl_compiled_open_image(const void *buf, size_t len, const char *name,
                                     const glocal_options *o, glocal_catalog **out,
                                     glocal_error **err);
/* Validates message msg's definitions in every bundle on first use (a
 * compiled catalog at its base defers them: open stays proportional to the
 * messages, not the variants).  GLOCAL_OK at once for a catalog opened from a
 * directory or relocated; GLOCAL_ERR_SCHEMA naming the file, the record and
 * its offset when a definition is corrupt.  Thread-safe, lock-free. */
glocal_status gl_compiled_message_ready(const glocal_catalog *c, uint32_t msg,
                                        glocal_error **err);
/* The sources kept in a compiled catalog's mapping, for lint: an array the
 * caller frees with free(), its names and bytes in the mapping (c's life).
 * NULL when c was not opened from a compiled file, the table is corrupt or
 * memory runs out. */
gl_source *gl_compiled_sources(const glocal_catalog *c, size_t *n);
/* ---- MF2 templates (compiled_mf2.c) ---- */

typedef struct gl_mf2_memo gl_mf2_memo;
/* The parsed message of TK_MF2 template t of catalog c: t->mf2 in a catalog
 * opened from a directory; in a compiled catalog, its source parsed on first
 * use and kept with the catalog (lock-free).  GLOCAL_ERR_NOMEM, or
 * GLOCAL_ERR_SCHEMA when the source no longer parses (a corrupt file). */
glocal_status gl_template_mf2(const glocal_catalog *c, const gl_template *t,
                              const struct gl_mf2 **out);
void gl_mf2_memo_free(gl_mf2_memo *memo);

/* Unmaps what gl_catalog_free of a compiled catalog releases. */
void gl_compiled_unmap(gl_mapping *map);

#endif
