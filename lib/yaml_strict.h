/* YAML 1.2 rules libyaml 0.2.5 does not enforce, checked on its events and
 * the raw text, so that input a conforming parser must reject is a syntax
 * error here too (see docs/robustness.md). */
#ifndef GLOCAL_YAML_STRICT_H
#define GLOCAL_YAML_STRICT_H

#include <stdbool.h>
#include <stddef.h>
#include <yaml.h>

#include "limits.h"

typedef struct yaml_span {
    size_t start, end; /* character offsets where a '#' is content, not a comment */
} yaml_span;

typedef struct yaml_strict {
    const char *buf;
    size_t len;
    yaml_span *spans;
    size_t nspans, cap;
    long block_col[GL_HARD_MAX_YAML_DEPTH + 2]; /* indentation of each open collection */
    bool flow[GL_HARD_MAX_YAML_DEPTH + 2];
    yaml_mark_t start[GL_HARD_MAX_YAML_DEPTH + 2];
    size_t depth;
    bool implicit_end;  /* the last document ended without `...` */
    unsigned documents;
    size_t cur_char, cur_byte; /* a cursor: libyaml's mark.index counts characters */
    bool oom;
} yaml_strict;

/* Checks one event; returns a message (and the place in *where) when the
 * input is not valid YAML, else NULL. */
const char *gl_yaml_strict_event(yaml_strict *s, const yaml_event_t *ev, yaml_mark_t *where);
/* Checks what needs the whole text (comments); call after STREAM_END. */
const char *gl_yaml_strict_finish(yaml_strict *s, yaml_mark_t *where);
void gl_yaml_strict_free(yaml_strict *s);

#endif
