/* glocal compile DIR -o FILE [--force], glocal compile --verify FILE: the
 * compiled catalog file (docs/compiled.md) written from a catalog directory
 * through glocal_compile, and a file checked completely through
 * glocal_compiled_describe.  The file is staged beside its target, opened
 * with verify as a reader would open it, and only then renamed into place, so
 * a process that maps the old file keeps its pages and nobody ever maps half
 * a file. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "glocal.h"

#include "atomic_write.h"
#include "cli.h"
#include "commands.h"

static const char usage_compile[] =
    "usage: glocal compile DIR -o FILE [--force]\n"
    "       glocal compile --verify FILE\n"
    "\n"
    "Checks the catalog in DIR exactly as opening it does and writes it as one\n"
    "compiled file that glocal_catalog_open maps in milliseconds (docs/compiled.md).\n"
    "The file is written beside FILE, verified, then renamed over it: a process\n"
    "that has the old file mapped keeps reading the old file.\n"
    "\n"
    "  -o, --out FILE  the compiled file to write\n"
    "  --force         replace FILE even when it is not a compiled catalog\n"
    "  --verify        check FILE completely (structure, every record, checksum)\n"
    "                  and print its header: versions, sizes, sources and digests\n"
    "\n"
    "Exit status: 0 written (--verify: the file is sound), 1 the catalog has\n"
    "errors (nothing written; --verify: the file is damaged or of another\n"
    "version), 2 usage error, unreadable input, FILE exists and is not a\n"
    "compiled catalog (without --force), or FILE cannot be written.\n";

typedef struct compile_opts {
    const char *dir, *out, *verify;
    bool force;
} compile_opts;

static const cli_opt compile_table[] = {{"o", true}, {"out", true}, {"force", false},
                                        {"verify", true}, {NULL, false}};

static int compile_opt(void *ud, int index, const char *value)
{
    compile_opts *o = ud;
    switch (index) {
    case -1:
        return take_dir("compile", &o->dir, value);
    case 0:
    case 1:
        o->out = value;
        return CONTINUE;
    case 2:
        o->force = true;
        return CONTINUE;
    default:
        o->verify = value;
        return CONTINUE;
    }
}

/* Problems of the input or the machine are 2, a catalog or file with errors 1. */
static int exit_for(glocal_status st)
{
    return st == GLOCAL_ERR_IO || st == GLOCAL_ERR_INVALID || st == GLOCAL_ERR_NOMEM
               ? EXIT_USAGE
               : EXIT_FAILED;
}

static int verify_file(const char *path)
{
    char *text = NULL;
    glocal_error *e = NULL;
    glocal_status st = glocal_compiled_describe(path, &text, &e);
    if (st != GLOCAL_OK) {
        print_error("compile", e);
        glocal_error_free(e);
        return exit_for(st);
    }
    fputs(text, stdout);
    glocal_free(text);
    return EXIT_OK;
}

/* An existing FILE is replaced only when it is a compiled catalog (of any
 * version) or with --force: a path mistyped onto a bundle or a binary is not
 * overwritten on a guess.  CONTINUE or EXIT_USAGE. */
static int check_target(const compile_opts *o)
{
    struct stat st;
    if (lstat(o->out, &st) != 0)
        return errno == ENOENT ? CONTINUE
                               : (fprintf(stderr, "glocal compile: cannot write %s: %s\n", o->out,
                                          strerror(errno)),
                                  EXIT_USAGE);
    if (S_ISDIR(st.st_mode)) {
        fprintf(stderr, "glocal compile: %s is a directory; give the file to write\n", o->out);
        return EXIT_USAGE;
    }
    if (o->force || has_compiled_magic(o->out))
        return CONTINUE;
    fprintf(stderr, "glocal compile: %s exists and is not a compiled catalog; not replaced "
            "(--force replaces it)\n", o->out);
    return EXIT_USAGE;
}

/* Reads every message once: a compiled catalog checks a message's records
 * when it is first used (docs/compiled.md), so this is what checks them all. */
static glocal_status read_every_message(const glocal_catalog *c, glocal_error **e)
{
    glocal_status st = GLOCAL_OK;
    for (size_t i = 0; st == GLOCAL_OK && i < glocal_catalog_message_count(c); i++) {
        glocal_variants *vs = NULL;
        st = glocal_catalog_variants(c, glocal_catalog_language(c),
                                     glocal_message_id(glocal_catalog_message_at(c, i)), &vs, e);
        glocal_variants_free(vs);
    }
    return st;
}

/* Opens the staged file as a reader will, checksum and every record
 * included, and says what it holds; false when it does not open (nothing is
 * renamed then). */
static bool verify_staged(const atomic_file *f, const compile_opts *o)
{
    glocal_options *opts = NULL;
    glocal_catalog *c = NULL;
    glocal_error *e = NULL;
    glocal_status st = glocal_options_new(&opts, &e);
    if (st == GLOCAL_OK)
        glocal_options_set_verify(opts, 1);
    if (st == GLOCAL_OK)
        st = glocal_catalog_open_with(f->tmp, opts, &c, &e);
    if (st == GLOCAL_OK)
        st = read_every_message(c, &e);
    glocal_options_free(opts);
    if (st != GLOCAL_OK) {
        glocal_catalog_unref(c);
        fprintf(stderr, "glocal compile: the file glocal_compile wrote does not open, so %s "
                "was left as it was (a bug in glocal: please report it): %s\n", o->out,
                glocal_error_message(e));
        glocal_error_free(e);
        return false;
    }
    fprintf(stderr, "glocal compile: %s: %zu bundles, %zu messages\n", o->out,
            glocal_catalog_locale_count(c) + 1, glocal_catalog_message_count(c));
    glocal_catalog_unref(c);
    return true;
}

static int write_image(const compile_opts *o, const void *image, size_t len)
{
    char err[512];
    atomic_file f;
    int rc = check_target(o);
    if (rc != CONTINUE)
        return rc;
    if (!atomic_stage(&f, o->out, image, len, err, sizeof err)) {
        fprintf(stderr, "glocal compile: %s\n", err);
        return EXIT_USAGE;
    }
    if (!verify_staged(&f, o)) {
        atomic_discard(&f);
        return EXIT_USAGE;
    }
    if (!atomic_commit(&f, err, sizeof err)) {
        fprintf(stderr, "glocal compile: %s\n", err);
        return EXIT_USAGE;
    }
    return EXIT_OK;
}

static int compile_dir(const compile_opts *o)
{
    void *image = NULL;
    size_t len = 0;
    glocal_error *e = NULL;
    int rc = check_dir("compile", o->dir);
    if (rc != CONTINUE)
        return rc;
    glocal_status st = glocal_compile(o->dir, NULL, &image, &len, &e);
    if (st != GLOCAL_OK) {
        print_error("compile", e);
        glocal_error_free(e);
        if (exit_for(st) == EXIT_FAILED)
            fprintf(stderr, "glocal compile: run `glocal lint %s` for every problem\n", o->dir);
        return exit_for(st);
    }
    rc = write_image(o, image, len);
    glocal_free(image);
    return rc;
}

int cmd_compile(int argc, char **argv)
{
    compile_opts o = {0};
    int rc = parse_args("compile", argc, argv, compile_table, usage_compile, compile_opt, &o);
    if (rc != CONTINUE)
        return rc;
    if (o.verify)
        return o.dir || o.out || o.force
                   ? usage_error("compile", "--verify FILE takes no directory, -o or --force")
                   : verify_file(o.verify);
    if (!o.dir)
        return usage_error("compile", "which catalog directory?");
    if (!o.out)
        return usage_error("compile", "-o FILE is required");
    return compile_dir(&o);
}
