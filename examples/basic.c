/* Opens a catalog and writes one moment, "order delayed", for three
 * customers: the smallest complete use of the glocal API. */
#include <glocal.h>
#include <stdio.h>

static int say(const glocal_catalog *cat, const char *locale, const char *channel)
{
    glocal_request *req = NULL;
    glocal_args *args = NULL;
    glocal_args_new(&args, NULL);
    glocal_error *err = NULL;
    char *text = NULL;
    glocal_status st = glocal_request_new(locale, &req, &err);
    if (st == GLOCAL_OK && channel)
        st = glocal_request_set_axis(req, "channel", channel, &err);
    if (st == GLOCAL_OK && args) {
        glocal_args_text(args, "name", "Anna", NULL); /* the given name */
        glocal_args_text(args, "full_name", "Anna Schmidt", NULL); /* ja, zh, ko address by it */
        glocal_args_text(args, "order", "A-17", NULL);
        glocal_args_date(args, "eta", 1796117400000, NULL); /* 2026-12-01T09:30:00Z */
        st = glocal_format(cat, "order.delayed", req, args, &text, &err);
    }
    if (st == GLOCAL_OK)
        printf("%-6s %-9s %s\n", locale, channel ? channel : "-", text);
    else
        fprintf(stderr, "%s: %s\n", glocal_status_name(st), err ? glocal_error_message(err) : "");
    glocal_free(text);
    glocal_error_free(err);
    glocal_args_free(args);
    glocal_request_free(req);
    return st == GLOCAL_OK ? 0 : 1;
}

int main(int argc, char **argv)
{
    const char *dir = argc > 1 ? argv[1] : "locales";
    glocal_catalog *cat = NULL;
    glocal_error *err = NULL;
    if (glocal_catalog_open(dir, &cat, &err) != GLOCAL_OK) {
        fprintf(stderr, "%s:%u:%u: %s\n", glocal_error_file(err) ? glocal_error_file(err) : dir,
                glocal_error_line(err), glocal_error_column(err), glocal_error_message(err));
        glocal_error_free(err);
        return 1;
    }
    int failures = say(cat, "de-CH", NULL) + say(cat, "pt-BR", "whatsapp") +
                   say(cat, "ja", NULL) + say(cat, "en-GB", "sms");
    glocal_catalog_unref(cat);
    return failures ? 1 : 0;
}
