/*
 * What the ICU files (icu_*.cpp) share: UTF conversions, the placeholder
 * mark, and the per-thread caches' bound and shared entries.
 * glocal's only C++; what it exports is plain C (template.h, value.h,
 * locales.h), and no C++ type or exception crosses that line.
 */
#ifndef GLOCAL_ICU_UTIL_HPP
#define GLOCAL_ICU_UTIL_HPP

#include <cstddef>
#include <string>

#include <unicode/bytestream.h>
#include <unicode/locid.h>
#include <unicode/numberformatter.h>
#include <unicode/unistr.h>

#include "value.h"

namespace gl_icu {

using icu::UnicodeString;

/* Term placeholders use a name no user argument can have (names are ASCII). */
const UChar kTermMark = 0x03BB; /* λ */

/* ---- UTF conversions ---- */

inline UnicodeString from_utf8(const char *s, size_t n)
{
    return UnicodeString::fromUTF8(icu::StringPiece(s, (int32_t)n));
}

/* Lets ICU convert straight into the buffer, with no std::string in between. */
class BufSink : public icu::ByteSink {
  public:
    explicit BufSink(gl_buf *b) : buf(b) {}
    void Append(const char *bytes, int32_t n) override { gl_buf_putn(buf, bytes, (size_t)n); }

  private:
    gl_buf *buf;
};

inline void append_utf8(gl_buf *out, const UnicodeString &u)
{
    BufSink sink(out);
    u.toUTF8(sink);
}

inline std::string utf8(const UnicodeString &u)
{
    std::string s;
    u.toUTF8String(s);
    return s;
}

/* ---- per-thread caches ----
 * ICU formatters are not safe for concurrent use, and creating one costs
 * 10-25 times using it, so every formatter lives in a per-thread cache:
 * icu_format.cpp and icu_plural.cpp each keep their own, and the locales and
 * number formatters (icu_format.cpp) serve both. */

/* Entries of catalogs that are gone are never hit again; the bound keeps a
 * long-lived thread that sees many reloads from growing without end. */
const size_t kCacheBound = 8192;

template <typename M> void bound(M &m)
{
    if (m.size() >= kCacheBound)
        m.clear();
}

/* The ICU locale for an ICU locale id, cached. */
const icu::Locale &locale_of(const char *id);
/* The number formatter for slot s, or for currency cur when not NULL;
 * NULL when ICU fails. */
const icu::number::LocalizedNumberFormatter *number_formatter(const gl_fmt_env *env,
                                                              const gl_slot *s, const char *cur);

} // namespace gl_icu

#endif
