/* The page `glocal preview` writes.  Every string that comes from a catalog
 * (texts, notes, ids, tags, file names, findings) goes through put_esc: a
 * bundle may have been touched by anyone, and the page must show its text,
 * never run it.  The page needs nothing but itself: styles and the filter
 * script are inline, no font, image or script is fetched. */
#include <stdio.h>
#include <string.h>

#include "preview_page.h"

/* s as HTML text or attribute value: & < > " ' become references. */
static void put_esc(strbuf *b, const char *s)
{
    for (const char *p = s ? s : ""; *p; p++) {
        switch (*p) {
        case '&': sb_puts(b, "&amp;"); break;
        case '<': sb_puts(b, "&lt;"); break;
        case '>': sb_puts(b, "&gt;"); break;
        case '"': sb_puts(b, "&quot;"); break;
        case '\'': sb_puts(b, "&#39;"); break;
        default: sb_putc(b, *p);
        }
    }
}

/* Styles: a grid of cells per message; content-visibility keeps a page of a
 * few hundred thousand cells usable (sections off screen are not laid out). */
static const char page_style[] =
    "body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#1d1d1f;background:#f6f6f4}"
    "header{position:sticky;top:0;z-index:1;background:#fff;border-bottom:1px solid #ccc;"
    "padding:.5em 1em}"
    "h1{font-size:1.2em;margin:0 0 .3em}h2{font-size:1.05em;margin:0;font-family:monospace}"
    "main{padding:0 1em 2em}"
    "table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:.2em .5em;"
    "text-align:left}td.n{text-align:right}"
    ".msg{background:#fff;border:1px solid #ddd;border-radius:6px;margin:1em 0;padding:.6em 1em;"
    "content-visibility:auto;contain-intrinsic-size:auto 600px}"
    ".base{margin:.3em 0;font-size:1.05em}.note{color:#555;margin:.2em 0;font-style:italic}"
    ".findings{margin:.3em 0;padding-left:1.2em}.findings .error{color:#a00}"
    ".findings .warning{color:#8a5a00}"
    ".cells{display:grid;grid-template-columns:repeat(auto-fill,minmax(19em,1fr));gap:.5em;"
    "margin-top:.5em}"
    ".cell{border:1px solid #ddd;border-radius:4px;padding:.4em .6em;background:#fcfcfb}"
    ".ctx{font:12px monospace;color:#444}.text{white-space:pre-wrap;margin:.3em 0;font-size:1.05em}"
    ".meta{font:11px monospace;color:#666}.failed{color:#a00}"
    ".badge{display:inline-block;border-radius:3px;padding:0 .3em;margin-right:.3em;color:#fff}"
    ".locked{background:#555}.fallback{background:#b35c00}.sms{background:#2a6f97}"
    "@media print{header form{display:none}header{position:static}.msg{break-inside:avoid;"
    "content-visibility:visible}.cell{break-inside:avoid}body{background:#fff}}";

/* The filters write one style sheet: hiding by attribute selectors is one
 * style pass however many cells there are.  The filters live in the URL's
 * fragment (#locale=ar&channel=sms), so a view can be shared as a link.  The
 * root element counts script errors and records how long the last filter
 * took to apply and lay out, where a test or the benchmark reads them. */
static const char page_script[] =
    "window.addEventListener('error',function(){var d=document.documentElement;"
    "d.dataset.scriptErrors=String(Number(d.dataset.scriptErrors||0)+1)});"
    "(function(){var f=document.getElementById('filters'),s=document.getElementById('filter-css');"
    "function q(v){return '\"'+CSS.escape(v)+'\"'}"
    "function apply(){var t=performance.now(),l=f.locale.value,c=f.channel.value,"
    "r=f.finding.value,css='';"
    "if(l)css+='.cell:not([data-locale='+q(l)+']),.row-locale:not([data-locale='+q(l)+'])"
    "{display:none}';"
    "if(c==='-')css+='.cell:not([data-channel=\"\"]){display:none}';"
    "else if(c)css+='.cell:not([data-channel='+q(c)+']){display:none}';"
    "if(r==='*')css+='.msg[data-rules=\"\"]{display:none}';"
    "else if(r)css+='.msg:not([data-rules~='+q(r)+']){display:none}';"
    "s.textContent=css;document.body.offsetHeight;"
    "document.documentElement.dataset.filterMs=(performance.now()-t).toFixed(1);"
    "var h=new URLSearchParams();if(l)h.set('locale',l);if(c)h.set('channel',c);"
    "if(r)h.set('finding',r);history.replaceState(null,'','#'+h.toString())}"
    "new URLSearchParams(location.hash.slice(1)).forEach(function(v,k){"
    "if(f[k])f[k].value=v});"
    "f.addEventListener('change',apply);apply()})();";

static void put_option(strbuf *b, const char *value, const char *label)
{
    sb_puts(b, "<option value=\"");
    put_esc(b, value);
    sb_puts(b, "\">");
    put_esc(b, label);
    sb_puts(b, "</option>");
}

/* The rule ids of the findings, each once, in first-seen order. */
static size_t distinct_rules(const pv_page *p, const char **out, size_t cap)
{
    size_t n = 0;
    for (size_t i = 0; i < p->nmsgs; i++)
        for (size_t j = 0; j < p->msgs[i].nfindings; j++) {
            const char *r = p->msgs[i].findings[j].rule;
            size_t k = 0;
            while (k < n && strcmp(out[k], r) != 0)
                k++;
            if (k == n && n < cap)
                out[n++] = r;
        }
    return n;
}

#define MAX_RULES 128

static void put_filters(strbuf *b, const pv_page *p)
{
    sb_puts(b, "<form id=\"filters\">Locale <select name=\"locale\">");
    put_option(b, "", "all");
    for (size_t i = 0; i < p->nlocales; i++)
        put_option(b, p->locales[i].tag, p->locales[i].tag);
    sb_puts(b, "</select> Channel <select name=\"channel\">");
    put_option(b, "", "all");
    put_option(b, "-", "none (no channel variant)");
    for (size_t i = 0; i < p->nchannels; i++)
        put_option(b, p->channels[i], p->channels[i]);
    sb_puts(b, "</select> Finding <select name=\"finding\">");
    put_option(b, "", "all messages");
    put_option(b, "*", "messages with findings");
    const char *rules[MAX_RULES];
    size_t n = distinct_rules(p, rules, MAX_RULES);
    for (size_t i = 0; i < n; i++)
        put_option(b, rules[i], rules[i]);
    sb_puts(b, "</select></form>");
}

/* Per-rule counts over every finding of the catalog. */
static void put_rule_counts(strbuf *b, const pv_page *p)
{
    const char *rules[MAX_RULES];
    size_t n = distinct_rules(p, rules, MAX_RULES);
    sb_puts(b, "<table id=\"rules\"><tr><th>rule</th><th>findings</th></tr>");
    for (size_t i = 0; i < n; i++) {
        size_t count = 0;
        for (size_t m = 0; m < p->nmsgs; m++)
            for (size_t j = 0; j < p->msgs[m].nfindings; j++)
                count += strcmp(p->msgs[m].findings[j].rule, rules[i]) == 0;
        sb_puts(b, "<tr><td>");
        put_esc(b, rules[i]);
        sb_printf(b, "</td><td class=\"n\">%zu</td></tr>", count);
    }
    sb_printf(b, "<tr><td>(about no message)</td><td class=\"n\">%zu</td></tr></table>",
              p->nother);
}

static void put_summary(strbuf *b, const pv_page *p)
{
    sb_puts(b, "<section id=\"summary\"><table id=\"coverage\"><tr><th>locale</th>"
               "<th>translated</th><th>cells</th><th>findings</th></tr>");
    for (size_t i = 0; i < p->nlocales; i++) {
        const pv_locale *l = &p->locales[i];
        sb_puts(b, "<tr class=\"row-locale\" data-locale=\"");
        put_esc(b, l->tag);
        sb_puts(b, "\"><td>");
        put_esc(b, l->tag);
        sb_printf(b, "</td><td class=\"n\">%zu / %zu</td><td class=\"n\">%zu</td>"
                     "<td class=\"n\">%zu</td></tr>",
                  l->translated, l->total, l->cells, l->findings);
    }
    sb_puts(b, "</table>");
    put_rule_counts(b, p);
    sb_puts(b, "</section>");
}

static void put_finding(strbuf *b, const pv_finding *f)
{
    sb_printf(b, "<li class=\"%s\" data-rule=\"", f->error ? "error" : "warning");
    put_esc(b, f->rule);
    sb_puts(b, "\">");
    put_esc(b, f->where);
    sb_puts(b, ": ");
    put_esc(b, f->rule);
    sb_puts(b, ": ");
    put_esc(b, f->text);
    sb_puts(b, "</li>");
}

static void put_badges(strbuf *b, const pv_cell *c)
{
    if (c->locked) {
        sb_puts(b, "<span class=\"badge locked\">");
        put_esc(b, c->locked);
        sb_puts(b, "</span>");
    }
    if (c->fallback) {
        sb_puts(b, "<span class=\"badge fallback\">fallback: ");
        put_esc(b, c->lang);
        sb_puts(b, "</span>");
    }
    if (c->sms) {
        sb_puts(b, "<span class=\"badge sms\">");
        put_esc(b, c->sms);
        sb_puts(b, "</span>");
    }
}

static void put_cell(strbuf *b, const pv_cell *c)
{
    sb_puts(b, "<div class=\"cell\" data-locale=\"");
    put_esc(b, c->locale);
    sb_puts(b, "\" data-channel=\"");
    put_esc(b, c->channel);
    sb_puts(b, "\"><div class=\"ctx\">");
    put_esc(b, c->locale);
    sb_puts(b, " · ");
    put_esc(b, c->context);
    sb_puts(b, "</div>");
    if (c->text) {
        sb_puts(b, "<div class=\"text\" lang=\"");
        put_esc(b, c->lang);
        sb_printf(b, "\" dir=\"%s\">", c->rtl ? "rtl" : "ltr");
        put_esc(b, c->text);
        sb_puts(b, "</div><div class=\"meta\">");
        put_badges(b, c);
        put_esc(b, c->bundle);
        sb_puts(b, " · ");
        put_esc(b, c->variant);
        sb_puts(b, " · ");
        put_esc(b, c->where);
    } else {
        sb_puts(b, "<div class=\"text failed\">");
        put_esc(b, c->error);
        sb_puts(b, "</div><div class=\"meta\">");
    }
    sb_puts(b, "</div></div>");
}

static void put_message(strbuf *b, const pv_message *m)
{
    sb_puts(b, "<section class=\"msg\" id=\"m-");
    put_esc(b, m->id);
    sb_puts(b, "\" data-rules=\"");
    for (size_t i = 0; i < m->nfindings; i++) {
        if (i)
            sb_putc(b, ' ');
        put_esc(b, m->findings[i].rule);
    }
    sb_puts(b, "\"><h2>");
    put_esc(b, m->id);
    sb_puts(b, m->locked ? " <span class=\"badge locked\">locked</span>" : "");
    sb_puts(b, "</h2><p class=\"base\" lang=\"en\" dir=\"ltr\">");
    put_esc(b, m->base_text);
    sb_puts(b, "</p>");
    if (m->note && *m->note) {
        sb_puts(b, "<p class=\"note\">");
        put_esc(b, m->note);
        sb_puts(b, "</p>");
    }
    if (m->nfindings) {
        sb_puts(b, "<ul class=\"findings\">");
        for (size_t i = 0; i < m->nfindings; i++)
            put_finding(b, &m->findings[i]);
        sb_puts(b, "</ul>");
    }
    sb_puts(b, "<div class=\"cells\">");
    for (size_t i = 0; i < m->ncells; i++)
        put_cell(b, &m->cells[i]);
    sb_puts(b, "</div></section>\n");
}

static void put_other_findings(strbuf *b, const pv_page *p)
{
    if (!p->nother)
        return;
    sb_puts(b, "<section class=\"msg\" id=\"catalog-findings\" data-rules=\"*\"><h2>(catalog)</h2>"
               "<ul class=\"findings\">");
    for (size_t i = 0; i < p->nother; i++)
        put_finding(b, &p->other[i]);
    sb_puts(b, "</ul></section>\n");
}

void pv_write_page(strbuf *out, const pv_page *p)
{
    sb_puts(out, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                 "<meta name=\"viewport\" content=\"width=device-width\"><title>glocal preview: ");
    put_esc(out, p->dir);
    sb_puts(out, "</title><style>");
    sb_puts(out, page_style);
    sb_puts(out, "</style><style id=\"filter-css\"></style></head><body><header><h1>glocal "
                 "preview: ");
    put_esc(out, p->dir);
    sb_puts(out, "</h1><p>Every message, in every locale and context the catalog writes, as "
                 "glocal ");
    put_esc(out, p->version);
    sb_puts(out, " formats it with sample values.</p>");
    put_filters(out, p);
    sb_puts(out, "</header><main>");
    put_summary(out, p);
    put_other_findings(out, p);
    for (size_t i = 0; i < p->nmsgs; i++)
        put_message(out, &p->msgs[i]);
    sb_puts(out, "</main><script>");
    sb_puts(out, page_script);
    sb_puts(out, "</script></body></html>\n");
}
