/*
 * glocal-bench: the C/C++ side of bench/run.  Each subcommand times one
 * workload family and prints one JSON object on stdout; bench/run turns them
 * into the table and RESULTS.md.
 *
 *   glocal-bench open DIR REPS            glocal_catalog_open vs libyaml's bare event parse
 *   glocal-bench workloads DATA           the names of the workloads this harness knows
 *   glocal-bench format DATA REPS [NAME]  every workload (or one): glocal, raw ICU, hand-written floor
 *   glocal-bench lint DIR REPS            glocal_lint
 *   glocal-bench rss DIR REPS             peak RSS after open, each in a fresh child process
 *   glocal-bench threads DATA REPS MS     format throughput, 1 and 2 threads, one catalog
 *   glocal-bench gettext MODIR MSGID REPS glibc dgettext lookup
 *   glocal-bench output-limit REPS        a 4 GB ask stopped by the output limit, at two limits
 *   glocal-bench loop DATA NAME glocal|icu|floor N   N calls, for perf/callgrind
 *   glocal-bench dump DIR MESSAGES        every message x locale x 16 value sets (differential)
 *   glocal-bench compile DIR FILE         glocal_compile DIR into FILE (docs/compiled.md)
 *   glocal-bench compiled-open FILE DIR REPS    open of the compiled FILE vs its YAML DIR
 *   glocal-bench compiled-format DATA FILE REPS every workload from FILE vs from DATA/catalog
 *
 * `rss` takes a compiled file too; its children also report /proc/self/smaps_rollup
 * (Rss, Pss, Shared_Clean, Private_Clean, Private_Dirty) before and after open.
 *
 * DATA is the directory gen_catalog.py wrote (catalog/, workloads.tsv).  Besides
 * its workloads the harness knows `result`: the variants workload's calls
 * through glocal_format_result, timed interleaved with the same calls through
 * glocal_format (format_ns), so that the price of saying what was served is
 * measured in one process; and `literal_to`: the literal workload's calls
 * through glocal_format_to into a buffer on the stack (the shortest path,
 * compared with gettext).
 *
 * The raw-ICU baseline is the least code a C++ user would write on ICU for
 * the same output: a MessageFormat built once with the template and locale
 * glocal chose (read from glocal_explain), named arguments converted from
 * UTF-8 on every call, date sub-formats set to the request's time zone, money
 * as a CurrencyAmount, the result converted back to UTF-8.  The floor, for
 * templates without plural/select, skips MessageFormat: cached
 * LocalizedNumberFormatter / DateFormat per argument, pieces concatenated.
 */
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <dirent.h>
#include <fcntl.h>
#include <libintl.h>
#include <locale.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <unicode/curramt.h>
#include <unicode/datefmt.h>
#include <unicode/fmtable.h>
#include <unicode/locid.h>
#include <unicode/msgfmt.h>
#include <unicode/numberformatter.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>
#include <yaml.h>

#include "glocal.h"

using icu::Formattable;
using icu::UnicodeString;

namespace {

/* ---- small helpers ---- */

int64_t now_ns()
{
    timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* The clock single-threaded measurements use: this thread's CPU time, so that
 * time spent waiting for a CPU on a shared machine is not counted (all sides
 * alike); GLOCAL_BENCH_CLOCK=wall measures wall-clock time instead. */
clockid_t measure_clock()
{
    static const clockid_t id = [] {
        const char *c = getenv("GLOCAL_BENCH_CLOCK");
        return c && strcmp(c, "wall") == 0 ? CLOCK_MONOTONIC : CLOCK_THREAD_CPUTIME_ID;
    }();
    return id;
}

int64_t tick_ns()
{
    timespec ts;
    clock_gettime(measure_clock(), &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

const char *clock_name()
{
    return measure_clock() == CLOCK_MONOTONIC ? "wall" : "thread-cpu";
}

[[noreturn]] void die(const std::string &what)
{
    fprintf(stderr, "glocal-bench: %s\n", what.c_str());
    exit(2);
}

std::string json_str(const std::string &s)
{
    std::string o = "\"";
    for (unsigned char c : s) {
        if (c == '"' || c == '\\') {
            o += '\\';
            o += (char)c;
        } else if (c < 0x20) {
            char b[8];
            snprintf(b, sizeof b, "\\u%04x", c);
            o += b;
        } else {
            o += (char)c;
        }
    }
    return o + "\"";
}

std::string json_list(const std::vector<double> &v)
{
    std::string o = "[";
    for (size_t i = 0; i < v.size(); i++) {
        char b[64];
        snprintf(b, sizeof b, "%s%.3f", i ? ", " : "", v[i]);
        o += b;
    }
    return o + "]";
}

std::vector<std::string> split(const std::string &s, char sep)
{
    std::vector<std::string> out;
    size_t start = 0;
    for (;;) {
        size_t at = s.find(sep, start);
        out.push_back(s.substr(start, at == std::string::npos ? std::string::npos : at - start));
        if (at == std::string::npos)
            return out;
        start = at + 1;
    }
}

std::string read_file(const std::string &path)
{
    FILE *f = fopen(path.c_str(), "rb");
    if (!f)
        die("cannot read " + path);
    std::string s;
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        s.append(buf, n);
    fclose(f);
    return s;
}

std::vector<std::string> yaml_files(const std::string &dir)
{
    std::vector<std::string> out;
    DIR *d = opendir(dir.c_str());
    if (!d)
        die("cannot open " + dir);
    while (dirent *e = readdir(d)) {
        std::string n = e->d_name;
        if (n.size() > 5 && n.compare(n.size() - 5, 5, ".yaml") == 0)
            out.push_back(dir + "/" + n);
    }
    closedir(d);
    std::sort(out.begin(), out.end());
    return out;
}

glocal_catalog *open_catalog(const std::string &dir)
{
    glocal_catalog *c = nullptr;
    glocal_error *e = nullptr;
    if (glocal_catalog_open(dir.c_str(), &c, &e) != GLOCAL_OK)
        die(std::string("open failed: ") + glocal_error_message(e));
    return c;
}

/* Runs fn n times per repetition; returns ns per call. */
double time_per_call(const std::function<void(long)> &fn, long n)
{
    int64_t t0 = tick_ns();
    fn(n);
    return (double)(tick_ns() - t0) / (double)n;
}

/* Iterations that take about target_ms. */
long calibrate(const std::function<void(long)> &fn, double target_ms)
{
    long n = 1;
    for (;;) {
        int64_t t0 = tick_ns();
        fn(n);
        double ms = (double)(tick_ns() - t0) / 1e6;
        if (ms > target_ms / 8 || n > (1L << 30))
            return std::max(1L, (long)((double)n * target_ms / std::max(ms, 1e-3)));
        n *= 4;
    }
}

/* ---- workloads ---- */

struct Arg {
    std::string name, type, value, cur;
};

struct Workload {
    std::string name, kind, id, locale, formality, tone, channel, zone;
    std::vector<Arg> args;
    bool result = false; /* through glocal_format_result */
    bool to = false;     /* through glocal_format_to */
    bool mf2 = false;    /* from catalog-mf2/, where the message is MessageFormat 2 */
};

/* The workloads of workloads.tsv and, when `derived`, the harness's own: the
 * `result` workload (the variants workload through glocal_format_result) and
 * `literal_to` (the literal workload through glocal_format_to) and the `mf2`
 * workload (the plural workload's message written in MF2, in catalog-mf2/,
 * which gen_catalog.py writes). */
std::vector<Workload> read_workloads(const std::string &data, bool derived = true)
{
    std::vector<Workload> out;
    for (const std::string &line : split(read_file(data + "/workloads.tsv"), '\n')) {
        if (line.empty())
            continue;
        std::vector<std::string> f = split(line, '\t');
        if (f.size() != 9)
            die("bad workloads.tsv line: " + line);
        Workload w{f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], {}, false, false};
        if (f[8] != "-") {
            for (const std::string &a : split(f[8], ';')) {
                size_t eq = a.find('=');
                std::vector<std::string> tv = split(a.substr(eq + 1), ':');
                w.args.push_back(Arg{a.substr(0, eq), tv[0], tv.size() > 1 ? tv[1] : "",
                                     tv.size() > 2 ? tv[2] : ""});
            }
        }
        out.push_back(w);
    }
    for (size_t i = 0, n = out.size(); derived && i < n; i++) {
        Workload r = out[i];
        if (out[i].name == "variants") {
            r.name = r.kind = "result";
            r.result = true;
        } else if (out[i].name == "literal") {
            r.name = "literal_to";
            r.to = true;
        } else if (out[i].name == "plural") {
            r.name = "mf2";
            r.mf2 = true;
        } else {
            continue;
        }
        out.push_back(r);
    }
    return out;
}

struct GlocalCall {
    glocal_catalog *cat;
    std::string id;
    bool result; /* glocal_format_result instead of glocal_format */
    bool to;     /* glocal_format_to instead of glocal_format */
    glocal_request *req = nullptr;
    glocal_args *args = nullptr;

    GlocalCall(glocal_catalog *c, const Workload &w, bool through_result, bool through_to = false)
        : cat(c), id(w.id), result(through_result), to(through_to)
    {
        glocal_error *e = nullptr;
        if (glocal_request_new(w.locale.c_str(), &req, &e) != GLOCAL_OK)
            die("request");
        const char *axes[3][2] = {{"formality", w.formality.c_str()}, {"tone", w.tone.c_str()},
                                  {"channel", w.channel.c_str()}};
        for (auto &ax : axes)
            if (strcmp(ax[1], "-") != 0 && glocal_request_set_axis(req, ax[0], ax[1], &e))
                die("axis");
        if (w.zone != "-" && glocal_request_set_time_zone(req, w.zone.c_str(), &e))
            die("zone");
        glocal_args_new(&args, NULL);
        for (const Arg &a : w.args) {
            glocal_status st;
            if (a.type == "text")
                st = glocal_args_text(args, a.name.c_str(), a.value.c_str(), NULL);
            else if (a.type == "int")
                st = glocal_args_int(args, a.name.c_str(), atoll(a.value.c_str()), NULL);
            else if (a.type == "double")
                st = glocal_args_double(args, a.name.c_str(), atof(a.value.c_str()), NULL);
            else if (a.type == "date")
                st = glocal_args_date(args, a.name.c_str(), atoll(a.value.c_str()), NULL);
            else
                st = glocal_args_money(args, a.name.c_str(), a.value.c_str(), a.cur.c_str(), NULL);
            if (st != GLOCAL_OK)
                die("args");
        }
    }
    ~GlocalCall()
    {
        glocal_request_free(req);
        glocal_args_free(args);
    }
    GlocalCall(glocal_catalog *c, const Workload &w) : GlocalCall(c, w, w.result, w.to) {}
    std::string once() const
    {
        glocal_error *e = nullptr;
        if (result) {
            glocal_result *res = nullptr;
            if (glocal_format_result(cat, id.c_str(), req, args, &res, &e) != GLOCAL_OK)
                die(std::string("format_result ") + id + ": " + glocal_error_message(e));
            std::string s(glocal_result_text(res), glocal_result_length(res));
            glocal_result_free(res);
            return s;
        }
        if (to) {
            char buf[512];
            size_t len;
            if (glocal_format_to(cat, id.c_str(), req, args, buf, sizeof buf, &len, &e) !=
                GLOCAL_OK)
                die(std::string("format_to ") + id + ": " + glocal_error_message(e));
            return std::string(buf, len);
        }
        char *out = nullptr;
        if (glocal_format(cat, id.c_str(), req, args, &out, &e) != GLOCAL_OK)
            die(std::string("format ") + id + ": " + glocal_error_message(e));
        std::string s(out);
        glocal_free(out);
        return s;
    }
    /* One loop per entry point, so that the glocal_format loop is the one it always was. */
    size_t run(long n) const
    {
        size_t sum = 0;
        if (result) {
            for (long i = 0; i < n; i++) {
                glocal_result *res = nullptr;
                glocal_format_result(cat, id.c_str(), req, args, &res, nullptr);
                sum += (unsigned char)glocal_result_text(res)[0];
                glocal_result_free(res);
            }
            return sum;
        }
        if (to) {
            for (long i = 0; i < n; i++) {
                char buf[512];
                size_t len;
                glocal_format_to(cat, id.c_str(), req, args, buf, sizeof buf, &len, nullptr);
                sum += (unsigned char)buf[0];
            }
            return sum;
        }
        for (long i = 0; i < n; i++) {
            char *out = nullptr;
            glocal_format(cat, id.c_str(), req, args, &out, nullptr);
            sum += (unsigned char)out[0];
            glocal_free(out);
        }
        return sum;
    }
    /* The template and format locale glocal selects, from glocal_explain. */
    void selection(std::string &tmpl, std::string &locale) const
    {
        char *out = nullptr;
        if (glocal_explain(cat, id.c_str(), req, args, &out, nullptr) != GLOCAL_OK)
            die("explain");
        for (const std::string &line : split(out, '\n')) {
            if (line.rfind("template: ", 0) == 0)
                tmpl = line.substr(10);
            else if (line.rfind("format locale: ", 0) == 0)
                locale = line.substr(15);
        }
        glocal_free(out);
        if (tmpl.find("{-") != std::string::npos)
            die("benchmark templates must not use terms");
    }
};

/* The raw-ICU baseline. */
struct RawIcu {
    std::unique_ptr<icu::MessageFormat> mf;
    std::vector<UnicodeString> names;
    const std::vector<Arg> &args;
    std::vector<Formattable> vals;
    std::unique_ptr<icu::TimeZone> tz;

    RawIcu(const std::string &tmpl, const std::string &locale, const Workload &w) : args(w.args)
    {
        UErrorCode st = U_ZERO_ERROR;
        UParseError pe;
        mf.reset(new icu::MessageFormat(UnicodeString::fromUTF8(tmpl),
                                        icu::Locale::createFromName(locale.c_str()), pe, st));
        if (U_FAILURE(st))
            die("MessageFormat: " + tmpl);
        /* The request's time zone (else the profile's; these workloads all set it). */
        if (w.zone != "-") {
            tz.reset(icu::TimeZone::createTimeZone(UnicodeString::fromUTF8(w.zone)));
            int32_t count = 0;
            const icu::Format **fs = mf->getFormats(count);
            for (int32_t i = 0; i < count; i++)
                if (auto *df = dynamic_cast<const icu::DateFormat *>(fs[i])) {
                    icu::DateFormat *c = df->clone();
                    c->setTimeZone(*tz);
                    mf->adoptFormat(i, c);
                }
        }
        for (const Arg &a : args)
            names.push_back(UnicodeString::fromUTF8(a.name));
        vals.resize(args.size());
    }
    /* UTF-8 in: every call converts its arguments, as a caller holding UTF-8 must. */
    void fill()
    {
        for (size_t i = 0; i < args.size(); i++) {
            const Arg &a = args[i];
            UErrorCode st = U_ZERO_ERROR;
            if (a.type == "text") {
                vals[i].setString(UnicodeString::fromUTF8(a.value));
            } else if (a.type == "int") {
                vals[i].setInt64(strtoll(a.value.c_str(), nullptr, 10));
            } else if (a.type == "double") {
                vals[i].setDouble(strtod(a.value.c_str(), nullptr));
            } else if (a.type == "date") {
                vals[i].setDate((UDate)strtoll(a.value.c_str(), nullptr, 10));
            } else {
                Formattable amount(icu::StringPiece(a.value), st);
                UChar cur[4];
                u_charsToUChars(a.cur.c_str(), cur, 4);
                vals[i].adoptObject(new icu::CurrencyAmount(amount, cur, st));
            }
        }
    }
    [[gnu::noinline]] std::string once()
    {
        fill();
        UErrorCode st = U_ZERO_ERROR;
        UnicodeString u;
        mf->format(names.data(), vals.data(), (int32_t)vals.size(), u, st);
        if (U_FAILURE(st))
            die("MessageFormat::format");
        std::string s;
        u.toUTF8String(s);
        return s;
    }
    size_t run(long n)
    {
        size_t sum = 0;
        for (long i = 0; i < n; i++)
            sum += (unsigned char)once()[0];
        return sum;
    }
};

/* The floor: no MessageFormat; cached formatters per argument. */
struct Floor {
    struct Piece {
        std::string lit;
        int arg = -1; /* index into args, -1: literal only */
        int how = 0;  /* 0 text, 1 money, 2 date/time */
        std::unique_ptr<icu::DateFormat> df;
    };
    std::vector<Piece> pieces;
    const std::vector<Arg> &args;
    icu::number::LocalizedNumberFormatter money;
    bool ok = true;

    Floor(const std::string &tmpl, const std::string &locale, const Workload &w) : args(w.args)
    {
        icu::Locale loc = icu::Locale::createFromName(locale.c_str());
        std::unique_ptr<icu::TimeZone> tz(icu::TimeZone::createTimeZone(
            UnicodeString::fromUTF8(w.zone == "-" ? "UTC" : w.zone)));
        size_t i = 0;
        std::string lit;
        while (i < tmpl.size()) {
            char c = tmpl[i];
            if (c == '\'' || c == '}') {
                ok = false;
                return;
            }
            if (c != '{') {
                lit += c;
                i++;
                continue;
            }
            size_t end = tmpl.find('}', i);
            std::vector<std::string> f = split(tmpl.substr(i + 1, end - i - 1), ',');
            for (auto &s : f) {
                s.erase(0, s.find_first_not_of(' '));
                s.erase(s.find_last_not_of(' ') + 1);
            }
            if (f.size() > 1 && f[1] != "number" && f[1] != "date" && f[1] != "time") {
                ok = false; /* plural/select: MessageFormat is the floor */
                return;
            }
            Piece p;
            p.lit = lit;
            lit.clear();
            for (size_t k = 0; k < args.size(); k++)
                if (args[k].name == f[0])
                    p.arg = (int)k;
            if (f.size() == 1 && args[p.arg].type == "text") {
                p.how = 0;
            } else if (f.size() == 3 && f[1] == "number" && f[2] == "currency") {
                UErrorCode st = U_ZERO_ERROR;
                UChar cur[4];
                u_charsToUChars(args[p.arg].cur.c_str(), cur, 4);
                money = icu::number::NumberFormatter::withLocale(loc).unit(icu::CurrencyUnit(cur, st));
                p.how = 1;
            } else if (f.size() == 3 && (f[1] == "date" || f[1] == "time")) {
                icu::DateFormat::EStyle s = f[2] == "short" ? icu::DateFormat::kShort
                                          : f[2] == "medium" ? icu::DateFormat::kMedium
                                          : f[2] == "long" ? icu::DateFormat::kLong
                                                           : icu::DateFormat::kFull;
                p.df.reset(f[1] == "date" ? icu::DateFormat::createDateInstance(s, loc)
                                          : icu::DateFormat::createTimeInstance(s, loc));
                p.df->setTimeZone(*tz);
                p.how = 2;
            } else {
                ok = false;
                return;
            }
            pieces.push_back(std::move(p));
            i = end + 1;
        }
        Piece last;
        last.lit = lit;
        pieces.push_back(std::move(last));
    }
    [[gnu::noinline]] std::string once()
    {
        std::string out;
        for (const Piece &p : pieces) {
            out += p.lit;
            if (p.arg < 0)
                continue;
            const Arg &a = args[p.arg];
            if (p.how == 0) {
                out += a.value;
            } else if (p.how == 1) {
                UErrorCode st = U_ZERO_ERROR;
                money.formatDecimal(icu::StringPiece(a.value), st).toString(st).toUTF8String(out);
            } else {
                UnicodeString u;
                p.df->format((UDate)strtoll(a.value.c_str(), nullptr, 10), u);
                u.toUTF8String(out);
            }
        }
        return out;
    }
    size_t run(long n)
    {
        size_t sum = 0;
        for (long i = 0; i < n; i++)
            sum += (unsigned char)once()[0];
        return sum;
    }
};

volatile size_t g_sink;

int cmd_format(const std::string &data, int reps, const char *only)
{
    glocal_catalog *cat = open_catalog(data + "/catalog");
    glocal_catalog *cat_mf2 = open_catalog(data + "/catalog-mf2");
    std::vector<Workload> wls = read_workloads(data);
    if (only)
        wls.erase(std::remove_if(wls.begin(), wls.end(),
                                 [&](const Workload &w) { return w.name != only; }),
                  wls.end());
    printf("{\"clock\": \"%s\", \"workloads\": [\n", clock_name());
    for (size_t wi = 0; wi < wls.size(); wi++) {
        const Workload &w = wls[wi];
        GlocalCall g(w.mf2 ? cat_mf2 : cat, w);
        /* the twin: result's glocal_format, mf2's same message in MF1 */
        GlocalCall plain(cat, w, false);
        bool twin = w.result || w.to || w.mf2;
        std::string tmpl, floc;
        plain.selection(tmpl, floc); /* raw ICU runs the MF1 template */
        RawIcu icu(tmpl, floc, w);
        Floor floor(tmpl, floc, w);
        bool use_floor = floor.ok && (w.kind == "money" || w.kind == "date_money" || w.name == "date");
        std::string out_g = g.once(), out_i = icu.once(), out_f = use_floor ? floor.once() : "";
        if (twin && plain.once() != out_g)
            die(std::string(w.mf2 ? "the MF2 and MF1 messages"
                            : w.result ? "glocal_format_result and glocal_format"
                                       : "glocal_format_to and glocal_format") +
                " differ on " + w.id);
        std::function<void(long)> fg = [&](long n) { g_sink = g_sink + g.run(n); };
        std::function<void(long)> fi = [&](long n) { g_sink = g_sink + icu.run(n); };
        std::function<void(long)> ff = [&](long n) { g_sink = g_sink + floor.run(n); };
        std::function<void(long)> fp = [&](long n) { g_sink = g_sink + plain.run(n); };
        long ng = calibrate(fg, 60), ni = calibrate(fi, 60), nf = use_floor ? calibrate(ff, 60) : 0;
        long np = twin ? calibrate(fp, 60) : 0;
        std::vector<double> tg, ti, tf, tp;
        for (int r = 0; r < reps; r++) { /* interleaved, so drift hits all alike */
            tg.push_back(time_per_call(fg, ng));
            ti.push_back(time_per_call(fi, ni));
            if (use_floor)
                tf.push_back(time_per_call(ff, nf));
            if (twin)
                tp.push_back(time_per_call(fp, np));
        }
        printf("%s{\"name\": %s, \"kind\": %s, \"id\": %s, \"locale\": %s, \"template\": %s, "
               "\"format_locale\": %s,\n  \"glocal_ns\": %s, \"icu_ns\": %s, \"floor_ns\": %s,\n"
               "  \"format_ns\": %s, \"glocal_out\": %s, \"icu_out\": %s, \"floor_out\": %s}",
               wi ? ",\n" : "", json_str(w.name).c_str(), json_str(w.kind).c_str(),
               json_str(w.id).c_str(), json_str(w.locale).c_str(), json_str(tmpl).c_str(),
               json_str(floc).c_str(), json_list(tg).c_str(), json_list(ti).c_str(),
               json_list(tf).c_str(), json_list(tp).c_str(), json_str(out_g).c_str(),
               json_str(out_i).c_str(), use_floor ? json_str(out_f).c_str() : "null");
        fflush(stdout);
    }
    printf("\n]}\n");
    glocal_catalog_unref(cat);
    glocal_catalog_unref(cat_mf2);
    return 0;
}

/* A fixed number of calls of one side of one workload: for perf and callgrind. */
int cmd_loop(const std::string &data, const std::string &name, const std::string &which, long n)
{
    glocal_catalog *cat = open_catalog(data + "/catalog");
    glocal_catalog *cat_mf2 = open_catalog(data + "/catalog-mf2");
    for (const Workload &w : read_workloads(data)) {
        if (w.name != name)
            continue;
        GlocalCall g(w.mf2 ? cat_mf2 : cat, w);
        std::string tmpl, floc;
        GlocalCall(cat, w, false).selection(tmpl, floc);
        RawIcu icu(tmpl, floc, w);
        Floor floor(tmpl, floc, w);
        g.once(); /* fill this thread's caches first */
        icu.once();
        if (which == "glocal")
            g_sink = g_sink + g.run(n);
        else if (which == "icu")
            g_sink = g_sink + icu.run(n);
        else if (which == "floor" && floor.ok)
            g_sink = g_sink + floor.run(n);
        else
            die("loop: glocal, icu or floor");
    }
    glocal_catalog_unref(cat);
    glocal_catalog_unref(cat_mf2);
    return 0;
}

/* Every message of a catalog, for every locale it has (and a few more), with
 * sixteen sets of argument values, one output a line: compares a library
 * build against another (bench/run verify-lib does, before trusting a faster
 * formatting path).  MESSAGES is "id<TAB>name:type,..." per line. */
int cmd_dump(const std::string &dir, const std::string &messages)
{
    glocal_catalog *cat = open_catalog(dir);
    std::vector<std::string> locales = {"de-CH-1996", "ar-EG", "pt-AO", "sr-Latn", "zh-TW",
                                        "en-u-nu-arab", "fr-u-nu-thai", "ja-JP-u-ca-japanese"};
    for (size_t i = 0; i < glocal_catalog_locale_count(cat); i++)
        locales.push_back(glocal_catalog_locale_at(cat, i));
    static const int64_t numbers[] = {0, 1, 2, 3, 4, 5, 11, 12, 21, 22, 101, 111, 1000, 1234567,
                                      -1, 1000000};
    static const char *const doubles[] = {"0.5", "1", "1.5", "2.25", "1000.125", "-3.75"};
    static const char *const words[] = {"female", "male", "other", "admin", "owner", "x",
                                        "Anna", "\xd7\x93\xd7\xa0\xd7\x94" /* Hebrew */};
    static const char *const contexts[][3] = {{nullptr, nullptr, nullptr},
                                              {"formal", nullptr, "sms"},
                                              {"informal", "playful", "whatsapp"},
                                              {"formal", "empathetic", "email"}};
    for (const std::string &line : split(read_file(messages), '\n')) {
        if (line.empty())
            continue;
        std::vector<std::string> f = split(line, '\t');
        std::vector<std::string> specs = f[1] == "-" ? std::vector<std::string>() : split(f[1], ',');
        for (const std::string &loc : locales) {
            for (int k = 0; k < 16; k++) {
                glocal_request *r = nullptr;
                if (glocal_request_new(loc.c_str(), &r, nullptr) != GLOCAL_OK)
                    die("request " + loc);
                const char *const *cx = contexts[k % 4];
                if (cx[0])
                    glocal_request_set_axis(r, "formality", cx[0], nullptr);
                if (cx[1])
                    glocal_request_set_axis(r, "tone", cx[1], nullptr);
                if (cx[2])
                    glocal_request_set_axis(r, "channel", cx[2], nullptr);
                if (k % 3 == 1)
                    glocal_request_set_time_zone(r, "America/New_York", nullptr);
                if (k == 5)
                    glocal_request_set_isolation(r, GLOCAL_ISOLATE_ALWAYS, nullptr);
                glocal_args *a = NULL;
                glocal_args_new(&a, NULL);
                for (const std::string &spec : specs) {
                    std::string name = spec.substr(0, spec.find(':')), type = spec.substr(spec.find(':') + 1);
                    if (type == "text")
                        glocal_args_text(a, name.c_str(), words[k % 8], NULL);
                    else if (type == "date")
                        glocal_args_date(a, name.c_str(), 1796117400000LL + k * 3600000LL * 7, NULL);
                    else if (type == "money")
                        glocal_args_money(a, name.c_str(), doubles[k % 6], k % 2 ? "JPY" : "EUR", NULL);
                    else if (k < 12)
                        glocal_args_int(a, name.c_str(), numbers[(k * 5 + name.size()) % 16], NULL);
                    else if (k < 14)
                        glocal_args_double(a, name.c_str(), atof(doubles[k % 6]), NULL);
                    else
                        glocal_args_decimal(a, name.c_str(), doubles[k % 6], NULL);
                }
                char *out = nullptr;
                glocal_error *e = nullptr;
                glocal_status st = glocal_format(cat, f[0].c_str(), r, a, &out, &e);
                printf("%s\t%s\t%d\t%s\t%s\n", loc.c_str(), f[0].c_str(), k,
                       glocal_status_name(st), st == GLOCAL_OK ? out : glocal_error_message(e));
                glocal_free(out);
                glocal_error_free(e);
                glocal_args_free(a);
                glocal_request_free(r);
            }
        }
    }
    glocal_catalog_unref(cat);
    return 0;
}

int cmd_workloads(const std::string &data)
{
    std::vector<Workload> wls = read_workloads(data);
    printf("{\"workloads\": [");
    for (size_t i = 0; i < wls.size(); i++)
        printf("%s%s", i ? ", " : "", json_str(wls[i].name).c_str());
    printf("]}\n");
    return 0;
}

/* ---- open ---- */

size_t bare_parse(const std::vector<std::string> &files)
{
    size_t events = 0;
    for (const std::string &path : files) {
        std::string buf = read_file(path);
        yaml_parser_t p;
        yaml_parser_initialize(&p);
        yaml_parser_set_input_string(&p, (const unsigned char *)buf.data(), buf.size());
        for (;;) {
            yaml_event_t ev;
            if (!yaml_parser_parse(&p, &ev))
                die("libyaml failed on " + path);
            bool end = ev.type == YAML_STREAM_END_EVENT;
            yaml_event_delete(&ev);
            events++;
            if (end)
                break;
        }
        yaml_parser_delete(&p);
    }
    return events;
}

int cmd_open(const std::string &dir, int reps)
{
    std::vector<std::string> files = yaml_files(dir);
    glocal_catalog_unref(open_catalog(dir)); /* warm: ICU data, page cache */
    bare_parse(files);
    std::vector<double> tg, ty;
    size_t events = 0;
    for (int r = 0; r < reps; r++) {
        int64_t t0 = tick_ns();
        glocal_catalog *c = open_catalog(dir);
        int64_t t1 = tick_ns();
        glocal_catalog_unref(c);
        tg.push_back((double)(t1 - t0) / 1e6);
        t0 = tick_ns();
        events = bare_parse(files);
        ty.push_back((double)(tick_ns() - t0) / 1e6);
    }
    printf("{\"clock\": \"%s\", \"glocal_open_ms\": %s, \"libyaml_parse_ms\": %s, "
           "\"files\": %zu, \"events\": %zu}\n", clock_name(), json_list(tg).c_str(),
           json_list(ty).c_str(), files.size(), events);
    return 0;
}

/* ---- lint ---- */

int cmd_lint(const std::string &dir, int reps)
{
    std::vector<double> t;
    size_t count = 0, errors = 0;
    for (int r = 0; r < reps; r++) {
        glocal_findings *f = nullptr;
        int64_t t0 = tick_ns();
        if (glocal_lint(dir.c_str(), &f, nullptr) != GLOCAL_OK)
            die("lint failed");
        t.push_back((double)(tick_ns() - t0) / 1e6);
        count = glocal_findings_count(f);
        errors = 0;
        for (size_t i = 0; i < count; i++)
            errors += glocal_finding_severity(glocal_findings_at(f, i)) == GLOCAL_SEVERITY_ERROR;
        glocal_findings_free(f);
    }
    printf("{\"lint_ms\": %s, \"findings\": %zu, \"errors\": %zu}\n", json_list(t).c_str(), count,
           errors);
    return 0;
}

/* ---- memory ---- */

long status_kb(const char *key)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    long v = -1;
    size_t n = strlen(key);
    while (f && fgets(line, sizeof line, f))
        if (strncmp(line, key, n) == 0 && line[n] == ':')
            v = atol(line + n + 1);
    if (f)
        fclose(f);
    return v;
}

/* The fields of /proc/self/smaps_rollup a compiled catalog is judged by: how
 * much of the process is the file's shared pages, how much its own. */
const char *const smaps_keys[] = {"Rss", "Pss", "Shared_Clean", "Private_Clean", "Private_Dirty"};
const size_t n_smaps = sizeof smaps_keys / sizeof *smaps_keys;

void smaps_kb(long out[])
{
    FILE *f = fopen("/proc/self/smaps_rollup", "r");
    char line[256];
    for (size_t k = 0; k < n_smaps; k++)
        out[k] = -1;
    while (f && fgets(line, sizeof line, f))
        for (size_t k = 0; k < n_smaps; k++) {
            size_t n = strlen(smaps_keys[k]);
            if (strncmp(line, smaps_keys[k], n) == 0 && line[n] == ':')
                out[k] = atol(line + n + 1);
        }
    if (f)
        fclose(f);
}

int cmd_rss_child(const std::string &dir)
{
    long before = status_kb("VmHWM"), smaps_before[n_smaps], smaps_after[n_smaps];
    smaps_kb(smaps_before);
    glocal_catalog *c = open_catalog(dir);
    long hwm = status_kb("VmHWM"), rss = status_kb("VmRSS");
    smaps_kb(smaps_after);
    rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("%ld %ld %ld %ld", before, hwm, rss, ru.ru_maxrss);
    for (size_t k = 0; k < n_smaps; k++)
        printf(" %ld %ld", smaps_before[k], smaps_after[k]);
    printf("\n");
    glocal_catalog_unref(c);
    return 0;
}

int cmd_rss(const char *self, const std::string &dir, int reps)
{
    std::vector<double> before, hwm, rss, maxrss, smaps[2 * n_smaps];
    for (int r = 0; r < reps; r++) {
        int fds[2];
        if (pipe(fds) != 0)
            die("pipe");
        pid_t pid = fork();
        if (pid == 0) {
            dup2(fds[1], 1);
            close(fds[0]);
            execl(self, self, "rss-child", dir.c_str(), (char *)nullptr);
            _exit(127);
        }
        close(fds[1]);
        char buf[1024] = {0};
        ssize_t n = read(fds[0], buf, sizeof buf - 1);
        close(fds[0]);
        int status;
        waitpid(pid, &status, 0);
        long b, h, s, m;
        int used = 0;
        if (n <= 0 || sscanf(buf, "%ld %ld %ld %ld%n", &b, &h, &s, &m, &used) != 4)
            die("rss child failed");
        before.push_back((double)b);
        hwm.push_back((double)h);
        rss.push_back((double)s);
        maxrss.push_back((double)m);
        for (size_t k = 0, off = (size_t)used; k < 2 * n_smaps; k++) {
            long v;
            int step = 0;
            if (sscanf(buf + off, " %ld%n", &v, &step) != 1)
                die("rss child: no smaps_rollup figures");
            off += (size_t)step;
            smaps[k].push_back((double)v);
        }
    }
    printf("{\"hwm_before_open_kb\": %s, \"hwm_kb\": %s, \"rss_after_open_kb\": %s, "
           "\"ru_maxrss_kb\": %s", json_list(before).c_str(), json_list(hwm).c_str(),
           json_list(rss).c_str(), json_list(maxrss).c_str());
    for (size_t k = 0; k < 2 * n_smaps; k++)
        printf(", \"smaps_%s_%s_kb\": %s", k % 2 ? "after" : "before", smaps_keys[k / 2],
               json_list(smaps[k]).c_str());
    printf("}\n");
    return 0;
}

/* ---- threads ---- */

int cmd_threads(const std::string &data, int reps, int ms)
{
    glocal_catalog *cat = open_catalog(data + "/catalog");
    std::vector<Workload> wls = read_workloads(data, false); /* the mix it always had */
    /* control: the same harness with pure arithmetic instead of glocal, to
     * show how many CPUs this machine gives two threads at all */
    bool control = false;
    auto worker = [&](std::atomic<bool> *stop, std::atomic<int> *ready, long *ops, double *cpu_s) {
        std::vector<std::unique_ptr<GlocalCall>> calls;
        for (const Workload &w : wls)
            calls.emplace_back(new GlocalCall(cat, w));
        for (auto &c : calls) /* warm this thread's formatter caches */
            c->run(50);
        uint64_t x = 1;
        ready->fetch_add(1);
        while (ready->load() >= 0 && ready->load() < 1000)
            ; /* wait for the start signal (ready set to 1000) */
        timespec c0, c1;
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &c0);
        long n = 0;
        size_t sum = 0;
        while (!stop->load(std::memory_order_relaxed)) {
            if (control) {
                for (int i = 0; i < 1000; i++)
                    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
                n += 1000;
                continue;
            }
            for (auto &c : calls)
                sum += c->run(1);
            n += (long)calls.size();
        }
        sum += (size_t)x;
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &c1);
        g_sink = g_sink + sum;
        *ops = n;
        *cpu_s = (double)(c1.tv_sec - c0.tv_sec) + (double)(c1.tv_nsec - c0.tv_nsec) / 1e9;
    };
    std::vector<double> t1, t2, cpu1, cpu2, got1, got2, k1, k2;
    for (int r = 0; r < 2 * reps; r++) {
        control = r >= reps;
        for (int nt = 1; nt <= 2; nt++) {
            std::atomic<bool> stop{false};
            std::atomic<int> ready{0};
            std::vector<long> ops(nt);
            std::vector<double> cpu(nt);
            std::vector<std::thread> th;
            for (int i = 0; i < nt; i++)
                th.emplace_back(worker, &stop, &ready, &ops[i], &cpu[i]);
            while (ready.load() < nt)
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            int64_t t0 = now_ns();
            ready.store(1000);
            std::this_thread::sleep_for(std::chrono::milliseconds(ms));
            stop.store(true);
            for (auto &t : th)
                t.join();
            double secs = (double)(now_ns() - t0) / 1e9;
            long total = 0;
            double cpu_total = 0;
            for (int i = 0; i < nt; i++) {
                total += ops[i];
                cpu_total += cpu[i];
            }
            if (control) {
                (nt == 1 ? k1 : k2).push_back((double)total / secs);
                continue;
            }
            (nt == 1 ? t1 : t2).push_back((double)total / secs);
            (nt == 1 ? cpu1 : cpu2).push_back((double)total / cpu_total);
            (nt == 1 ? got1 : got2).push_back(cpu_total / secs); /* CPUs the threads got */
        }
    }
    printf("{\"ops_per_s_1\": %s, \"ops_per_s_2\": %s, \"ops_per_cpu_s_1\": %s, "
           "\"ops_per_cpu_s_2\": %s, \"cpus_1\": %s, \"cpus_2\": %s, "
           "\"control_ops_per_s_1\": %s, \"control_ops_per_s_2\": %s, \"mix\": %zu}\n",
           json_list(t1).c_str(), json_list(t2).c_str(), json_list(cpu1).c_str(),
           json_list(cpu2).c_str(), json_list(got1).c_str(), json_list(got2).c_str(),
           json_list(k1).c_str(), json_list(k2).c_str(), wls.size());
    glocal_catalog_unref(cat);
    return 0;
}

/* ---- gettext ---- */

int cmd_gettext(const std::string &modir, const std::string &msgid, int reps)
{
    if (!setlocale(LC_ALL, "C.UTF-8"))
        die("no C.UTF-8 locale");
    setenv("LANGUAGE", "de", 1);
    bindtextdomain("glocalbench", modir.c_str());
    bind_textdomain_codeset("glocalbench", "UTF-8");
    std::string out = dgettext("glocalbench", msgid.c_str());
    std::function<void(long)> fn = [&](long n) {
        size_t sum = 0;
        for (long i = 0; i < n; i++)
            sum += (unsigned char)dgettext("glocalbench", msgid.c_str())[0];
        g_sink = g_sink + sum;
    };
    long n = calibrate(fn, 60);
    std::vector<double> t;
    for (int r = 0; r < reps; r++)
        t.push_back(time_per_call(fn, n));
    printf("{\"gettext_ns\": %s, \"out\": %s}\n", json_list(t).c_str(), json_str(out).c_str());
    return 0;
}

/* ---- the output limit ---- */

/* A 100 KB argument written 40,000 times (4 GB asked for), plain and in a
 * plural branch, formatted under a 1 MiB and a 16 MiB output limit: the
 * writer stops at the limit, so the time follows the limit, not the ask
 * (docs/robustness.md). */
int cmd_output_limit(int reps)
{
    char dir[] = "/tmp/glocal-bench-limit-XXXXXX";
    if (!mkdtemp(dir))
        die("mkdtemp");
    std::string base = std::string(dir) + "/base.yaml", uses;
    for (int i = 0; i < 40000; i++)
        uses += "{name}";
    FILE *f = fopen(base.c_str(), "w");
    if (!f)
        die("cannot write " + base);
    fprintf(f, "glocal: 1\nlocale: base\nlanguage: en\nmessages:\n  plain: \"%s\"\n"
            "  plural: \"{n, plural, one {x} other {%s}}\"\n", uses.c_str(), uses.c_str());
    fclose(f);
    std::string name(100000, 'x');
    glocal_args *a = nullptr;
    glocal_args_new(&a, nullptr);
    glocal_args_text(a, "name", name.c_str(), nullptr);
    glocal_args_int(a, "n", 2, nullptr);
    glocal_request *r = nullptr;
    glocal_request_new("en", &r, nullptr);
    std::string out = "{";
    const uint64_t limits[] = {1u << 20, 16u << 20};
    for (uint64_t limit : limits) {
        glocal_options *o = nullptr;
        glocal_options_new(&o, nullptr);
        glocal_options_set_limit(o, GLOCAL_LIMIT_OUTPUT_BYTES, limit, nullptr);
        glocal_catalog *c = nullptr;
        if (glocal_catalog_open_with(dir, o, &c, nullptr) != GLOCAL_OK)
            die("open failed");
        glocal_options_free(o);
        for (const char *id : {"plain", "plural"}) {
            auto fn = [&](long n) {
                for (long i = 0; i < n; i++) {
                    char *text = nullptr;
                    if (glocal_format(c, id, r, a, &text, nullptr) != GLOCAL_ERR_LIMIT)
                        die("the output limit did not stop the format");
                }
            };
            fn(1);
            std::vector<double> t;
            for (int k = 0; k < reps; k++)
                t.push_back(time_per_call(fn, 5) / 1e6);
            char key[64];
            snprintf(key, sizeof key, "%s\"%s_%lluMiB_ms\": ", out.size() > 1 ? ", " : "", id,
                     (unsigned long long)(limit >> 20));
            out += key + json_list(t);
        }
        glocal_catalog_unref(c);
    }
    glocal_request_free(r);
    glocal_args_free(a);
    unlink(base.c_str());
    rmdir(dir);
    printf("%s, \"asked_bytes\": %zu}\n", out.c_str(), (size_t)40000 * name.size());
    return 0;
}

/* ---- the compiled catalog (docs/compiled.md) ---- */

int cmd_compile(const std::string &dir, const std::string &file)
{
    void *image = nullptr;
    size_t len = 0;
    glocal_error *e = nullptr;
    if (glocal_compile(dir.c_str(), nullptr, &image, &len, &e) != GLOCAL_OK)
        die(std::string("compile failed: ") + glocal_error_message(e));
    std::string tmp = file + ".tmp";
    FILE *f = fopen(tmp.c_str(), "wb");
    if (!f || fwrite(image, 1, len, f) != len || fclose(f) != 0)
        die("cannot write " + tmp);
    if (rename(tmp.c_str(), file.c_str()) != 0) /* never over a file a process maps */
        die("cannot rename " + tmp);
    glocal_free(image);
    printf("{\"file_bytes\": %zu}\n", len);
    return 0;
}

/* The compiled file's open and its directory's, interleaved in one process,
 * the page cache warm for both (a fleet restarting on a deploy). */
int cmd_compiled_open(const std::string &file, const std::string &dir, int reps)
{
    glocal_catalog_unref(open_catalog(file));
    glocal_catalog_unref(open_catalog(dir));
    std::vector<double> tc, twall, ty;
    for (int r = 0; r < reps; r++) {
        int64_t w0 = now_ns(), t0 = tick_ns();
        glocal_catalog *c = open_catalog(file);
        int64_t t1 = tick_ns(), w1 = now_ns();
        glocal_catalog_unref(c);
        tc.push_back((double)(t1 - t0) / 1e6);
        twall.push_back((double)(w1 - w0) / 1e6);
        t0 = tick_ns();
        c = open_catalog(dir);
        ty.push_back((double)(tick_ns() - t0) / 1e6);
        glocal_catalog_unref(c);
    }
    printf("{\"clock\": \"%s\", \"compiled_open_ms\": %s, \"compiled_open_wall_ms\": %s, "
           "\"yaml_open_ms\": %s}\n", clock_name(), json_list(tc).c_str(),
           json_list(twall).c_str(), json_list(ty).c_str());
    return 0;
}

/* Every workload from the compiled catalog and from the YAML one, in one
 * process, interleaved; the outputs must be the same. */
int cmd_compiled_format(const std::string &data, const std::string &file, int reps)
{
    glocal_catalog *yaml = open_catalog(data + "/catalog"), *compiled = open_catalog(file);
    std::vector<Workload> wls = read_workloads(data);
    printf("{\"clock\": \"%s\", \"workloads\": [\n", clock_name());
    for (size_t wi = 0; wi < wls.size(); wi++) {
        GlocalCall gy(yaml, wls[wi]), gc(compiled, wls[wi]);
        std::string out = gy.once();
        if (gc.once() != out)
            die("the compiled catalog formats " + wls[wi].id + " differently");
        std::function<void(long)> fy = [&](long n) { g_sink = g_sink + gy.run(n); };
        std::function<void(long)> fc = [&](long n) { g_sink = g_sink + gc.run(n); };
        long ny = calibrate(fy, 60), nc = calibrate(fc, 60);
        std::vector<double> ty, tc;
        for (int r = 0; r < reps; r++) {
            ty.push_back(time_per_call(fy, ny));
            tc.push_back(time_per_call(fc, nc));
        }
        printf("%s{\"name\": %s, \"yaml_ns\": %s, \"compiled_ns\": %s, \"out\": %s}",
               wi ? ",\n" : "", json_str(wls[wi].name).c_str(), json_list(ty).c_str(),
               json_list(tc).c_str(), json_str(out).c_str());
        fflush(stdout);
    }
    printf("\n]}\n");
    glocal_catalog_unref(compiled);
    glocal_catalog_unref(yaml);
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    std::string cmd = argc > 1 ? argv[1] : "";
    auto num = [&](int i, int dflt) { return argc > i ? atoi(argv[i]) : dflt; };
    if (cmd == "dump" && argc >= 4)
        return cmd_dump(argv[2], argv[3]);
    if (cmd == "loop" && argc >= 6)
        return cmd_loop(argv[2], argv[3], argv[4], atol(argv[5]));
    if (cmd == "open" && argc >= 3)
        return cmd_open(argv[2], num(3, 7));
    if (cmd == "workloads" && argc >= 3)
        return cmd_workloads(argv[2]);
    if (cmd == "format" && argc >= 3)
        return cmd_format(argv[2], num(3, 7), argc > 4 ? argv[4] : nullptr);
    if (cmd == "lint" && argc >= 3)
        return cmd_lint(argv[2], num(3, 5));
    if (cmd == "rss" && argc >= 3)
        return cmd_rss("/proc/self/exe", argv[2], num(3, 5));
    if (cmd == "rss-child" && argc >= 3)
        return cmd_rss_child(argv[2]);
    if (cmd == "threads" && argc >= 3)
        return cmd_threads(argv[2], num(3, 5), num(4, 1000));
    if (cmd == "gettext" && argc >= 4)
        return cmd_gettext(argv[2], argv[3], num(4, 7));
    if (cmd == "output-limit")
        return cmd_output_limit(num(2, 5));
    if (cmd == "compile" && argc >= 4)
        return cmd_compile(argv[2], argv[3]);
    if (cmd == "compiled-open" && argc >= 4)
        return cmd_compiled_open(argv[2], argv[3], num(4, 7));
    if (cmd == "compiled-format" && argc >= 4)
        return cmd_compiled_format(argv[2], argv[3], num(4, 5));
    fprintf(stderr, "usage: glocal-bench open|workloads|format|lint|rss|threads|gettext|"
            "output-limit|compile|compiled-open|compiled-format ... (see the source)\n");
    return 2;
}
