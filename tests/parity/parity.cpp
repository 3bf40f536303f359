/*
 * Byte for byte with ICU: every template of templates.hpp, in eight locales
 * and with many argument sets, formatted by glocal (through the public API:
 * integers by glocal_args_int and by the decimal path, both isolation
 * settings) and by a prebuilt icu::MessageFormat with the same named
 * arguments and time zone.  A difference must be one of the classes of
 * docs/resolution.md's table "Where glocal differs from ICU", and every
 * class of that table must be seen, so the table stays the list of what
 * differs.  Usage: test-parity DOCS/resolution.md
 */
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include <unicode/curramt.h>
#include <unicode/locid.h>
#include <unicode/msgfmt.h>
#include <unicode/numberformatter.h>
#include <unicode/numfmt.h>
#include <unicode/timezone.h>
#include <unicode/ucurr.h>
#include <unicode/unistr.h>

#include "glocal.h"
#include "templates.hpp"

namespace {

const char *const kLocales[] = {"en", "de", "fr", "pl", "cy", "ar", "ja", "ru"};
const char *const kZone = "Europe/Paris";

const int64_t kInts[] = {0, 1, 2, 3, 4, 5, 7, 11, 21, 22, 100, 1234, 12345, -1, -3, 1000000,
                         123456789};
const char *const kDecimals[] = {"1.0", "0.01", "1.5", "0.4", "1.0000001", "-2.5", "1234.5",
                                 "0.0", "2.25", "21.0", "1234567.891", "-0.01", "0.999"};
const int64_t kDates[] = {1705312200000, 1719838800000, 951782400000, 0};
const char *const kSelects[] = {"female", "male", "other", "x"};
const char *const kAmounts[] = {"19.9", "1234.5", "0.5", "1000000"};

/* One set of arguments, as glocal takes it and as ICU does. */
struct ArgSet {
    std::string label;
    bool has_n = false, n_int = false;
    int64_t n_i = 0;
    std::string n_dec;
    int64_t d = 0;
    std::string s;
    std::string m;
};

std::vector<ArgSet> arg_sets(unsigned args)
{
    std::vector<ArgSet> out;
    if (args & A_N) {
        for (int64_t i : kInts)
            for (int path = 0; path < 2; path++) { /* glocal_args_int, glocal_args_decimal */
                ArgSet a;
                a.has_n = true;
                a.n_int = path == 0;
                a.n_i = i;
                a.n_dec = std::to_string(i);
                a.label = (path ? "decimal " : "int ") + a.n_dec;
                out.push_back(a);
            }
        for (const char *d : kDecimals) {
            ArgSet a;
            a.has_n = true;
            a.n_dec = d;
            a.label = std::string("decimal ") + d;
            out.push_back(a);
        }
    } else if (args & A_D) {
        for (int64_t d : kDates) {
            ArgSet a;
            a.d = d;
            a.label = "date " + std::to_string(d);
            out.push_back(a);
        }
    } else if (args & A_M) {
        for (const char *m : kAmounts) {
            ArgSet a;
            a.m = m;
            a.label = std::string("money ") + m;
            out.push_back(a);
        }
    } else if (args & A_S) {
        out.push_back(ArgSet{});
    } else {
        ArgSet a;
        a.label = "none";
        out.push_back(a);
    }
    /* the other arguments cycle, so every combination of kinds is seen */
    for (size_t i = 0; i < out.size(); i++) {
        if (args & A_D && args & A_N)
            out[i].d = kDates[i % (sizeof kDates / sizeof *kDates)];
        if (args & A_S) {
            out[i].s = kSelects[i % (sizeof kSelects / sizeof *kSelects)];
            out[i].label += " s=" + out[i].s;
        }
    }
    if (args == A_S) { /* select only: every value */
        out.clear();
        for (const char *s : kSelects) {
            ArgSet a;
            a.s = s;
            a.label = std::string("s=") + s;
            out.push_back(a);
        }
    }
    return out;
}

/* ---- the catalog glocal reads ---- */

std::string yaml_quoted(const std::string &s)
{
    std::string q = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\')
            q += '\\';
        if (c == '\t')
            q += "\\t";
        else if (c == '\n')
            q += "\\n";
        else
            q += c;
    }
    return q + "\"";
}

std::string arg_decl(unsigned args)
{
    std::string d;
    auto add = [&](const char *s) { d += (d.empty() ? "" : ", ") + std::string(s); };
    if (args & A_N)
        add("n: number");
    if (args & A_D)
        add("d: date");
    if (args & A_S)
        add("s: text");
    if (args & A_M)
        add("m: money");
    return "{" + d + "}";
}

void write_file(const std::string &path, const std::string &text)
{
    std::ofstream f(path);
    f << text;
    if (!f) {
        fprintf(stderr, "cannot write %s\n", path.c_str());
        exit(1);
    }
}

std::string write_catalog(const std::vector<Template> &ts)
{
    char dir[] = "/tmp/glocal-parity-XXXXXX";
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        exit(1);
    }
    std::string base = "glocal: 1\nlocale: base\nlanguage: en\nmessages:\n";
    std::string msgs;
    for (size_t i = 0; i < ts.size(); i++) {
        base += "  t" + std::to_string(i) + ":\n    _args: " + arg_decl(ts[i].args) +
                "\n    other: " + yaml_quoted(ts[i].src) + "\n";
        msgs += "  t" + std::to_string(i) + ": " + yaml_quoted(ts[i].src) + "\n";
    }
    write_file(std::string(dir) + "/base.yaml", base);
    for (const char *loc : kLocales)
        if (strcmp(loc, "en") != 0)
            write_file(std::string(dir) + "/" + loc + ".yaml",
                       std::string("glocal: 1\nlocale: ") + loc + "\nmessages:\n" + msgs);
    return dir;
}

void remove_catalog(const std::string &dir)
{
    for (const char *loc : kLocales)
        unlink((dir + "/" + (strcmp(loc, "en") ? loc : "base") + ".yaml").c_str());
    rmdir(dir.c_str());
}

/* ---- the two sides ---- */

std::string icu_format(icu::MessageFormat *mf, const ArgSet &a)
{
    if (!mf)
        return "<ICU refuses the template>";
    UErrorCode st = U_ZERO_ERROR;
    icu::UnicodeString names[] = {u"n", u"d", u"s", u"m"};
    icu::Formattable v[4];
    if (a.n_int)
        v[0].setInt64(a.n_i);
    else if (a.has_n)
        v[0].setDecimalNumber(a.n_dec.c_str(), st);
    v[1].setDate((UDate)a.d);
    v[2].setString(icu::UnicodeString::fromUTF8(a.s));
    if (!a.m.empty())
        v[3].setDecimalNumber(a.m.c_str(), st);
    icu::UnicodeString out;
    mf->format(names, v, 4, out, st);
    if (U_FAILURE(st))
        return std::string("<ICU error ") + u_errorName(st) + ">";
    std::string s;
    return out.toUTF8String(s);
}

std::string glocal_side(glocal_catalog *c, const std::string &id, glocal_request *r,
                        const ArgSet &a, const std::string &cur)
{
    glocal_args *args = nullptr;
    glocal_args_new(&args, nullptr);
    if (a.n_int)
        glocal_args_int(args, "n", a.n_i, nullptr);
    else if (a.has_n)
        glocal_args_decimal(args, "n", a.n_dec.c_str(), nullptr);
    glocal_args_date(args, "d", a.d, nullptr);
    glocal_args_text(args, "s", a.s.c_str(), nullptr);
    if (!a.m.empty())
        glocal_args_money(args, "m", a.m.c_str(), cur.c_str(), nullptr);
    char *out = nullptr;
    glocal_error *err = nullptr;
    glocal_status st = glocal_format(c, id.c_str(), r, args, &out, &err);
    std::string s = st == GLOCAL_OK ? out : std::string("<glocal error ") + glocal_status_name(st) +
                                                ": " + glocal_error_message(err) + ">";
    glocal_free(out);
    glocal_error_free(err);
    glocal_args_free(args);
    return s;
}

/* ---- classes of difference ---- */

/* Removes every code point of `drop` (UTF-8 sequences, NUL-separated). */
std::string without(const std::string &s, std::initializer_list<const char *> drop)
{
    std::string out = s;
    for (const char *d : drop)
        for (size_t at; (at = out.find(d)) != std::string::npos;)
            out.erase(at, strlen(d));
    return out;
}

/* Whether the locale's CLDR minimum grouping is 2 or more: a four-digit
 * number is not grouped there. */
bool min_grouping_2(const char *loc)
{
    UErrorCode st = U_ZERO_ERROR;
    icu::UnicodeString s = icu::number::NumberFormatter::withLocale(loc).formatInt(1234, st).toString(st);
    return U_SUCCESS(st) && s.length() == 4;
}

/* The class of docs/resolution.md's table a difference belongs to, or
 * "undocumented".  Each class needs the construct it is about and explains
 * the whole difference. */
std::string diff_class(const Template &t, const char *loc, const std::string &g,
                       const std::string &i)
{
    if (t.flags & F_MONEY_PLAIN)
        return "money-as-currency";
    if (t.flags & F_PATTERN_WS && without(g, {" ", "\t", "\n"}) == without(i, {" ", "\t", "\n"}))
        return "pattern-white-space";
    if (t.flags & F_SKELETON_OTHER)
        return "skeleton-plural-selection";
    if (min_grouping_2(loc) && without(g, {"\u00A0", "\u202F", " "}) ==
                                   without(i, {"\u00A0", "\u202F", " "}))
        return "minimum-grouping";
    return "undocumented";
}

/* The ids of the table in section "Where glocal differs from ICU": the first
 * cell of each row, in backquotes. */
std::set<std::string> documented_classes(const char *doc)
{
    std::ifstream f(doc);
    std::set<std::string> ids;
    std::string line;
    bool in = false;
    while (std::getline(f, line)) {
        if (line.rfind("## ", 0) == 0)
            in = line == "## Where glocal differs from ICU";
        if (!in || line.rfind("| `", 0) != 0)
            continue;
        size_t end = line.find('`', 3);
        if (end != std::string::npos)
            ids.insert(line.substr(3, end - 3));
    }
    return ids;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: test-parity docs/resolution.md\n");
        return 2;
    }
    std::set<std::string> documented = documented_classes(argv[1]);
    if (documented.empty()) {
        fprintf(stderr, "%s: no table under \"## Where glocal differs from ICU\"\n", argv[1]);
        return 1;
    }
    icu::TimeZone::adoptDefault(icu::TimeZone::createTimeZone(kZone));
    std::vector<Template> ts = parity_templates();
    std::string dir = write_catalog(ts);
    glocal_catalog *cat = nullptr;
    glocal_error *err = nullptr;
    if (glocal_catalog_open(dir.c_str(), &cat, &err) != GLOCAL_OK) {
        fprintf(stderr, "the parity catalog does not open: %s:%u:%u: %s\n",
                glocal_error_file(err), glocal_error_line(err), glocal_error_column(err),
                glocal_error_message(err));
        remove_catalog(dir);
        return 1;
    }
    remove_catalog(dir);

    std::map<std::string, size_t> by_class;
    std::map<std::string, std::string> example;
    size_t compared = 0, sets = 0, shown = 0;
    std::set<std::string> shown_template;
    for (const char *loc : kLocales) {
        glocal_request *req[2];
        for (int iso = 0; iso < 2; iso++) {
            glocal_request_new(loc, &req[iso], nullptr);
            glocal_request_set_time_zone(req[iso], kZone, nullptr);
            glocal_request_set_isolation(req[iso], iso ? GLOCAL_ISOLATE_AUTO : GLOCAL_ISOLATE_NEVER,
                                         nullptr);
        }
        /* money: the currency of the locale's likely region, in the locale ICU
         * formats with, so that its currency style writes the same currency */
        UErrorCode st = U_ZERO_ERROR;
        icu::Locale likely(loc);
        likely.addLikelySubtags(st);
        UChar code[4] = {0};
        ucurr_forLocale(likely.getName(), code, 4, &st);
        std::string cur;
        icu::UnicodeString(code, 3).toUTF8String(cur);
        icu::Locale money_loc((std::string(loc) + "@currency=" + cur).c_str());
        for (size_t k = 0; k < ts.size(); k++) {
            UErrorCode mst = U_ZERO_ERROR;
            std::unique_ptr<icu::MessageFormat> mf(new icu::MessageFormat(
                icu::UnicodeString::fromUTF8(ts[k].src),
                ts[k].args & A_M ? money_loc : icu::Locale(loc), mst));
            if (U_FAILURE(mst))
                mf.reset();
            std::string id = "t" + std::to_string(k);
            for (const ArgSet &a : arg_sets(ts[k].args)) {
                std::string want = icu_format(mf.get(), a);
                sets++;
                for (int iso = 0; iso < 2; iso++) {
                    std::string got = glocal_side(cat, id, req[iso], a, cur);
                    compared++;
                    if (got == want)
                        continue;
                    std::string cls = diff_class(ts[k], loc, got, want);
                    bool first_of_template = shown_template.insert(ts[k].src).second;
                    if (by_class[cls]++ == 0 ||
                        (cls == "undocumented" && shown < 60 && first_of_template)) {
                        std::string line = std::string(loc) + " " + ts[k].src + " [" + a.label +
                                           (iso ? ", isolation auto" : "") + "]: glocal \"" +
                                           got + "\", ICU \"" + want + "\"";
                        example.emplace(cls, line);
                        if (cls == "undocumented") {
                            printf("UNDOCUMENTED %s\n", line.c_str());
                            shown++;
                        }
                    }
                }
            }
        }
        glocal_request_free(req[0]);
        glocal_request_free(req[1]);
    }
    glocal_catalog_unref(cat);

    size_t nloc = sizeof kLocales / sizeof *kLocales;
    printf("parity: %zu templates x %zu locales, %zu argument sets, %zu formats compared with "
           "ICU\n", ts.size(), nloc, sets, compared);
    int bad = 0;
    for (const auto &c : by_class) {
        bool ok = documented.count(c.first) > 0;
        printf("  %-28s %7zu differences%s\n    e.g. %s\n", c.first.c_str(), c.second,
               ok ? "" : "  NOT IN docs/resolution.md", example[c.first].c_str());
        bad += !ok;
    }
    for (const std::string &d : documented)
        if (!by_class.count(d)) {
            printf("  %-28s       0 differences: docs/resolution.md lists a class no template "
                   "shows\n", d.c_str());
            bad++;
        }
    if (ts.size() < 500 || nloc < 8) {
        printf("fewer than 500 templates or 8 locales\n");
        bad++;
    }
    return bad ? 1 : 0;
}
