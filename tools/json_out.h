/* JSON output of lint and coverage (json_out.c). */
#ifndef GLOCAL_JSON_OUT_H
#define GLOCAL_JSON_OUT_H

#include <stdbool.h>
#include <stdio.h>

/* s as a JSON string ("" for NULL). */
void json_string(FILE *out, const char *s);
/* "key": "value" (null for NULL), after ", " unless first. */
void json_field(FILE *out, const char *key, const char *value, bool first);

#endif
