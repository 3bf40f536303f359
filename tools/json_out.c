/* JSON strings and fields for the machine-readable output of lint and
 * coverage. */
#include "json_out.h"

void json_string(FILE *out, const char *s)
{
    fputc('"', out);
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(out, "\\%c", *p);
        else if (*p == '\n')
            fputs("\\n", out);
        else if (*p == '\t')
            fputs("\\t", out);
        else if (*p < 0x20 || *p == 0x7f)
            fprintf(out, "\\u%04x", *p);
        else
            fputc(*p, out);
    }
    fputc('"', out);
}

void json_field(FILE *out, const char *key, const char *value, bool first)
{
    fprintf(out, "%s\"%s\": ", first ? "" : ", ", key);
    if (value)
        json_string(out, value);
    else
        fputs("null", out);
}
