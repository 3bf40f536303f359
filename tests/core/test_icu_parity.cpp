/*
 * Every spelling of a locale formats with the data of its canonical maximal
 * form (docs/resolution.md#format-locale): for each shipped locale and the
 * regional forms of each, glocal's dates, times, numbers and money equal
 * ICU's own, given icu::Locale of the maximal form (zh-TW: zh_Hant_TW) and the
 * same -u- keywords, the request's and those its profile adds.
 *
 * The catalog formatted is written into a temporary directory: base.yaml's
 * `parity` message, and per shipped locale a bundle with the same profile
 * conventions (calendar, numbers, hour_cycle) as the shipped catalog's chain
 * for it, so the comparison follows what locales/ sets.
 */
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <dirent.h>
#include <unistd.h>

#include <glocal.h>
#include <unicode/datefmt.h>
#include <unicode/locid.h>
#include <unicode/numberformatter.h>
#include <unicode/numfmt.h>
#include <unicode/timezone.h>

namespace {

const int64_t kWhen = 1796117400000; /* 2026-12-01T09:30:00Z */
const char *const kConventions[][2] = {{"calendar", "ca"}, {"numbers", "nu"}, {"hour_cycle", "hc"}};
/* Regional forms: aliases (zh-TW, sr-ME), likely-subtag forms and markets. */
const char *const kRegional[] = {
    "zh-TW", "zh-HK", "zh-MO", "zh-CN", "zh-SG", "sr-ME", "sr-Latn", "pt-AO", "pt-PT", "pt-MZ",
    "pt-BR", "es-US", "es-419", "es-AR", "es-ES", "fr-CA", "fr-CH", "fr-BE", "de-AT", "de-CH",
    "de-LI", "ar-SA", "ar-AE", "ar-EG", "ar-MA", "en-IN", "en-GB", "en-AU", "hi-IN", "ja-JP",
    "ko-KR", "ru-UA", "ar-SA-u-ca-islamic-umalqura", "ar-AE-u-nu-latn", "de-u-hc-h11",
    "hi-u-nu-deva"};
/* Bundles the temporary catalog has besides the shipped locales: the
 * languages the regional forms above need in their own script. */
const char *const kExtraBundles[] = {"pt", "sr-Latn", "es", "fr", "de", "ar", "zh-Hant",
                                     "zh-Hans", "hi", "ja", "ko", "ru"};

int failures = 0;

std::string utf8(const icu::UnicodeString &u)
{
    std::string s;
    u.toUTF8String(s);
    return s;
}

std::string profile_of(const glocal_catalog *shipped, const char *locale, const char *key)
{
    char *out = nullptr;
    std::string v;
    if (glocal_profile(shipped, locale, key, &out, nullptr) == GLOCAL_OK)
        v = out;
    glocal_free(out);
    return v;
}

void write_file(const std::string &path, const std::string &text)
{
    FILE *f = fopen(path.c_str(), "w");
    if (!f || fputs(text.c_str(), f) < 0 || fclose(f) != 0) {
        fprintf(stderr, "cannot write %s\n", path.c_str());
        exit(2);
    }
}

const char kTemplate[] = "\"{d, date, short}|{d, date, medium}|{d, date, long}|{d, date, full}|"
                         "{d, time, short}|{d, time, ::jmm}|{n, number}|{m, number, currency}\"";

std::string bundle_text(const glocal_catalog *shipped, const std::string &locale)
{
    std::string t = "glocal: 1\nlocale: " + locale + "\n";
    std::string profile;
    for (const auto &c : kConventions) {
        std::string v = profile_of(shipped, locale.c_str(), c[0]);
        if (!v.empty())
            profile += std::string("  ") + c[0] + ": " + v + "\n";
    }
    if (!profile.empty())
        t += "profile:\n" + profile;
    return t + "messages:\n  parity: " + kTemplate + "\n";
}

/* The locale ICU is given: the request's maximal form, its keywords, then
 * the profile's for the keys it leaves unset. */
icu::Locale expected_locale(const glocal_catalog *shipped, const char *request)
{
    UErrorCode st = U_ZERO_ERROR;
    icu::Locale req = icu::Locale::forLanguageTag(request, st);
    icu::Locale max = icu::Locale::createFromName(req.getBaseName());
    max.addLikelySubtags(st);
    icu::Locale loc = icu::Locale::forLanguageTag(max.toLanguageTag<std::string>(st), st);
    for (const auto &c : kConventions) {
        UErrorCode unset = U_ZERO_ERROR;
        std::string own = req.getUnicodeKeywordValue<std::string>(c[1], unset);
        std::string v = own.empty() ? profile_of(shipped, request, c[0]) : own;
        if (!v.empty())
            loc.setUnicodeKeywordValue(c[1], v, st);
    }
    if (U_FAILURE(st)) {
        fprintf(stderr, "%s: %s\n", request, u_errorName(st));
        exit(2);
    }
    return loc;
}

std::string icu_date(const icu::Locale &loc, icu::DateFormat *df)
{
    std::unique_ptr<icu::DateFormat> own(df);
    own->adoptTimeZone(icu::TimeZone::createTimeZone("UTC"));
    icu::UnicodeString u;
    own->format((UDate)kWhen, u);
    (void)loc;
    return utf8(u);
}

std::string icu_expected(const icu::Locale &loc)
{
    UErrorCode st = U_ZERO_ERROR;
    std::string out;
    const icu::DateFormat::EStyle styles[] = {icu::DateFormat::kShort, icu::DateFormat::kMedium,
                                              icu::DateFormat::kLong, icu::DateFormat::kFull};
    for (auto s : styles)
        out += icu_date(loc, icu::DateFormat::createDateInstance(s, loc)) + "|";
    out += icu_date(loc, icu::DateFormat::createTimeInstance(icu::DateFormat::kShort, loc)) + "|";
    out += icu_date(loc, icu::DateFormat::createInstanceForSkeleton("jmm", loc, st)) + "|";
    std::unique_ptr<icu::NumberFormat> nf(icu::NumberFormat::createInstance(loc, st));
    icu::UnicodeString n;
    nf->format((int64_t)1234567, n);
    out += utf8(n) + "|";
    /* money is grouped as ICU's MessageFormat groups every number (from the
     * first group on, docs/bundles.md#numbers), not by CLDR's minimum grouping */
    icu::number::FormattedNumber money = icu::number::NumberFormatter::withLocale(loc)
                                             .unit(icu::CurrencyUnit(u"EUR", st))
                                             .grouping(UNUM_GROUPING_ON_ALIGNED)
                                             .formatDecimal("1234.5", st);
    out += utf8(money.toString(st));
    if (U_FAILURE(st)) {
        fprintf(stderr, "%s: ICU: %s\n", loc.getName(), u_errorName(st));
        exit(2);
    }
    return out;
}

void compare(const glocal_catalog *cat, const glocal_catalog *shipped, const char *request)
{
    glocal_request *r = nullptr;
    glocal_args *a = nullptr;
    glocal_result *res = nullptr;
    glocal_error *e = nullptr;
    if (glocal_request_new(request, &r, &e) != GLOCAL_OK ||
        glocal_request_set_time_zone(r, "UTC", &e) != GLOCAL_OK ||
        glocal_args_new(&a, &e) != GLOCAL_OK || glocal_args_date(a, "d", kWhen, &e) ||
        glocal_args_int(a, "n", 1234567, &e) || glocal_args_money(a, "m", "1234.5", "EUR", &e) ||
        glocal_format_result(cat, "parity", r, a, &res, &e) != GLOCAL_OK) {
        printf("FAIL %s: %s\n", request, glocal_error_message(e));
        failures++;
    } else {
        icu::Locale loc = expected_locale(shipped, request);
        std::string want = icu_expected(loc);
        if (want != glocal_result_text(res)) {
            printf("FAIL %s (glocal %s, ICU %s):\n  glocal %s\n  ICU    %s\n", request,
                   glocal_result_format_locale(res), loc.getName(), glocal_result_text(res),
                   want.c_str());
            failures++;
        } else {
            printf("ok   %-30s %s\n", request, loc.getName());
        }
    }
    glocal_result_free(res);
    glocal_error_free(e);
    glocal_args_free(a);
    glocal_request_free(r);
}

} // namespace

int main()
{
    const char *locales = getenv("GLOCAL_LOCALES");
    if (!locales) {
        fprintf(stderr, "GLOCAL_LOCALES is not set\n");
        return 2;
    }
    glocal_catalog *shipped = nullptr, *cat = nullptr;
    glocal_error *e = nullptr;
    if (glocal_catalog_open(locales, &shipped, &e) != GLOCAL_OK) {
        fprintf(stderr, "%s\n", glocal_error_message(e));
        return 2;
    }
    char dir[] = "/tmp/glocal-parity-XXXXXX";
    if (!mkdtemp(dir))
        return 2;
    std::set<std::string> bundles(std::begin(kExtraBundles), std::end(kExtraBundles));
    /* aliases first: a bug that opens an alias locale's data the wrong way
     * shows only while ICU's cache has not loaded the scripted form yet */
    std::vector<std::string> requests(std::begin(kRegional), std::end(kRegional));
    for (size_t i = 0; i < glocal_catalog_locale_count(shipped); i++) {
        std::string l = glocal_catalog_locale_at(shipped, i);
        if (l != "base")
            bundles.insert(l), requests.push_back(l);
    }
    write_file(std::string(dir) + "/base.yaml",
               std::string("glocal: 1\nlocale: base\nlanguage: en\nmessages:\n  parity:\n"
                           "    _args: {d: date, n: number, m: money}\n    other: ") +
                   kTemplate + "\n");
    for (const std::string &b : bundles)
        write_file(std::string(dir) + "/" + b + ".yaml", bundle_text(shipped, b));
    int st = glocal_catalog_open(dir, &cat, &e);
    if (st != GLOCAL_OK) {
        fprintf(stderr, "%s\n", glocal_error_message(e));
        return 2;
    }
    for (const std::string &r : requests)
        compare(cat, shipped, r.c_str());
    for (const std::string &b : bundles)
        unlink((std::string(dir) + "/" + b + ".yaml").c_str());
    unlink((std::string(dir) + "/base.yaml").c_str());
    rmdir(dir);
    glocal_catalog_unref(cat);
    glocal_catalog_unref(shipped);
    printf("%d of %zu locales differ from ICU\n", failures, requests.size());
    return failures ? 1 : 0;
}
