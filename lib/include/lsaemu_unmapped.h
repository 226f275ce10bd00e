/* SPDX-License-Identifier: MIT */
/*
 * lsaemu_unmapped.h - the functions of <wchar.h> and <stdlib.h> that take a
 * wchar_t pointer and that lsaemu has no 16-bit version of. With a 16-bit
 * wchar_t (-fshort-wchar) glibc's would walk or write 32-bit units and give
 * wrong answers or overrun buffers, so lsaemu_crt.h includes this file and
 * each name becomes lsaemu_unmapped_NAME, declared unavailable: a call does
 * not compile, and says why. (On a compiler without the attribute the link
 * fails with that name: the library defines none of them.)
 * tests/check-wide-unmapped.sh compiles a call of every one and checks the
 * message; lsaemu_crt.h explains the choice per function.
 *
 * Included by lsaemu_crt.h only, after <wchar.h>, with a 16-bit wchar_t.
 */
#ifndef LSAEMU_INCLUDE_LSAEMU_UNMAPPED_H
#define LSAEMU_INCLUDE_LSAEMU_UNMAPPED_H

struct tm;

/* The names this file refuses, for tests and documentation. */
#define LSAEMU_UNMAPPED_NAMES \
    "wscanf fwscanf swscanf vwscanf vfwscanf vswscanf mbtowc mbrtowc mbsrtowcs mbsnrtowcs " \
    "wcsrtombs wcsnrtombs fgetwc getwc getwchar ungetwc fgetwc_unlocked getwc_unlocked " \
    "getwchar_unlocked fputwc_unlocked putwc_unlocked putwchar_unlocked fgetws_unlocked " \
    "fputws_unlocked open_wmemstream wcpcpy wcpncpy wcscasecmp wcsncasecmp wcschrnul wcswcs " \
    "wcswidth wmempcpy wcstoq wcstouq wcsftime wcscasecmp_l wcsncasecmp_l wcscoll_l wcsxfrm_l " \
    "wcsftime_l wcstol_l wcstoul_l wcstoll_l wcstoull_l wcstod_l wcstof_l wcstold_l wcstof32 " \
    "wcstof32_l wcstof64 wcstof64_l wcstof128 wcstof128_l wcstof32x wcstof32x_l wcstof64x " \
    "wcstof64x_l"

#ifdef __cplusplus
extern "C" {
#endif
LSAEMU_IMPORT int lsaemu_unmapped_wscanf(const WCHAR *fmt, ...)
    LSAEMU_UNMAPPED_("lsaemu: wscanf() works on glibc's 32-bit wchar_t and has no 16-bit version: see lsaemu_crt.h");
LSAEMU_IMPORT int lsaemu_unmapped_fwscanf(FILE *f, const WCHAR *fmt, ...)
    LSAEMU_UNMAPPED_("lsaemu: fwscanf() works on glibc's 32-bit wchar_t and has no 16-bit version: see lsaemu_crt.h");
LSAEMU_IMPORT int lsaemu_unmapped_swscanf(const WCHAR *s, const WCHAR *fmt, ...)
    LSAEMU_UNMAPPED_("lsaemu: swscanf() works on glibc's 32-bit wchar_t and has no 16-bit version: see lsaemu_crt.h");
LSAEMU_IMPORT int lsaemu_unmapped_vwscanf(const WCHAR *fmt, va_list ap)
    LSAEMU_UNMAPPED_("lsaemu: vwscanf() works on glibc's 32-bit wchar_t and has no 16-bit version: see lsaemu_crt.h");
LSAEMU_IMPORT int lsaemu_unmapped_vfwscanf(FILE *f, const WCHAR *fmt, va_list ap)
    LSAEMU_UNMAPPED_("lsaemu: vfwscanf() works on glibc's 32-bit wchar_t and has no 16-bit version: see lsaemu_crt.h");
LSAEMU_IMPORT int lsaemu_unmapped_vswscanf(const WCHAR *s, const WCHAR *fmt, va_list ap)
    LSAEMU_UNMAPPED_("lsaemu: vswscanf() works on glibc's 32-bit wchar_t and has no 16-bit version: see lsaemu_crt.h");
LSAEMU_IMPORT int lsaemu_unmapped_mbtowc(WCHAR *pwc, const char *s, size_t n)
    LSAEMU_UNMAPPED_("lsaemu: mbtowc() works on glibc's 32-bit wchar_t and has no 16-bit version: see lsaemu_crt.h");
LSAEMU_IMPORT size_t lsaemu_unmapped_mbrtowc(WCHAR *pwc, const char *s, size_t n, mbstate_t *ps)
    LSAEMU_UNMAPPED_("lsaemu: mbrtowc() works on glibc's 32-bit wchar_t and has no 16-bit version: see lsaemu_crt.h");
LSAEMU_IMPORT size_t lsaemu_unmapped_mbsrtowcs(WCHAR *dst, const char **src, size_t n, mbstate_t *ps)
    LSAEMU_UNMAPPED_("lsaemu: mbsrtowcs() works on glibc's 32-bit wchar_t and has no 16-bit version: see lsaemu_crt.h");
LSAEMU_IMPORT size_t lsaemu_unmapped_mbsnrtowcs(WCHAR *dst, const char **src, size_t nms, size_t n, mbstate_t *ps)
    LSAEMU_UNMAPPED_("lsaemu: mbsnrtowcs() works on glibc's 32-bit wchar_t and has no 16-bit version: see lsaemu_crt.h");
LSAEMU_IMPORT size_t lsaemu_unmapped_wcsrtombs(char *dst, const WCHAR **src, size_t n, mbstate_t *ps)
    LSAEMU_UNMAPPED_("lsaemu: wcsrtombs() works on glibc's 32-bit wchar_t and has no 16-bit version: see lsaemu_crt.h");
LSAEMU_IMPORT size_t lsaemu_unmapped_wcsnrtombs(char *dst, const WCHAR **src, size_t nwc, size_t n, mbstate_t *ps)
    LSAEMU_UNMAPPED_("lsaemu: wcsnrtombs() works on glibc's 32-bit wchar_t and has no 16-bit version: see lsaemu_crt.h");
LSAEMU_IMPORT unsigned int lsaemu_unmapped_fgetwc(FILE *f)
    LSAEMU_UNMAPPED_("lsaemu: fgetwc() works on glibc's 32-bit wchar_t and has no 16-bit version: see lsaemu_crt.h");
LSAEMU_IMPORT unsigned int lsaemu_unmapped_getwc(FILE *f)
    LSAEMU_UNMAPPED_("lsaemu: getwc() works on glibc's 32-bit wchar_t and has no 16-bit version: see lsaemu_crt.h");
LSAEMU_IMPORT unsigned int lsaemu_unmapped_getwchar(void)
    LSAEMU_UNMAPPED_("lsaemu: getwchar() works on glibc's 32-bit wchar_t and has no 16-bit version: see lsaemu_crt.h");
LSAEMU_IMPORT unsigned int lsaemu_unmapped_ungetwc(unsigned int c, FILE *f)
    LSAEMU_UNMAPPED_("lsaemu: ungetwc() works on glibc's 32-bit wchar_t and has no 16-bit version: see lsaemu_crt.h");
LSAEMU_IMPORT unsigned int lsaemu_unmapped_fgetwc_unlocked(FILE *f)
    LSAEMU_UNMAPPED_("lsaemu: fgetwc_unlocked() works on glibc's 32-bit wchar_t and has no 16-bit version: see lsaemu_crt.h");
LSAEMU_IMPORT unsigned int lsaemu_unmapped_getwc_unlocked(FILE *f)
    LSAEMU_UNMAPPED_("lsaemu: getwc_unlocked() works on glibc's 32-bit wchar_t and has no 16-bit version: see lsaemu_crt.h");
LSAEMU_IMPORT unsigned int lsaemu_unmapped_getwchar_unlocked(void)
    LSAEMU_UNMAPPED_("lsaemu: getwchar_unlocked() works on glibc's 32-bit wchar_t and has no 16-bit version: see lsaemu_crt.h");
LSAEMU_IMPORT unsigned int lsaemu_unmapped_fputwc_unlocked(WCHAR c, FILE *f)
    LSAEMU_UNMAPPED_("lsaemu: fputwc_unlocked() works on glibc's 32-bit wchar_t and has no 16-bit version: see lsaemu_crt.h");
LSAEMU_IMPORT unsigned int lsaemu_unmapped_putwc_unlocked(WCHAR c, FILE *f)
    LSAEMU_UNMAPPED_("lsaemu: putwc_unlocked() works on glibc's 32-bit wchar_t and has no 16-bit version: see lsaemu_crt.h");
LSAEMU_IMPORT unsigned int lsaemu_unmapped_putwchar_unlocked(WCHAR c)
    LSAEMU_UNMAPPED_("lsaemu: putwchar_unlocked() works on glibc's 32-bit wchar_t and has no 16-bit version: see lsaemu_crt.h");
LSAEMU_IMPORT WCHAR *lsaemu_unmapped_fgetws_unlocked(WCHAR *buf, int n, FILE *f)
    LSAEMU_UNMAPPED_("lsaemu: fgetws_unlocked() works on glibc's 32-bit wchar_t and has no 16-bit version: see lsaemu_crt.h");
LSAEMU_IMPORT int lsaemu_unmapped_fputws_unlocked(const WCHAR *s, FILE *f)
    LSAEMU_UNMAPPED_("lsaemu: fputws_unlocked() works on glibc's 32-bit wchar_t and has no 16-bit version: see lsaemu_crt.h");
LSAEMU_IMPORT FILE *lsaemu_unmapped_open_wmemstream(WCHAR **buf, size_t *size)
    LSAEMU_UNMAPPED_("lsaemu: open_wmemstream() works on glibc's 32-bit wchar_t and has no 16-bit version: see lsaemu_crt.h");
LSAEMU_IMPORT WCHAR *lsaemu_unmapped_wcpcpy(WCHAR *dst, const WCHAR *src)
    LSAEMU_UNMAPPED_("lsaemu: wcpcpy() works on glibc's 32-bit wchar_t and has no 16-bit version: see lsaemu_crt.h");
LSAEMU_IMPORT WCHAR *lsaemu_unmapped_wcpncpy(WCHAR *dst, const WCHAR *src, size_t n)
    LSAEMU_UNMAPPED_("lsaemu: wcpncpy() works on glibc's 32-bit wchar_t and has no 16-bit version: see lsaemu_crt.h");
LSAEMU_IMPORT int lsaemu_unmapped_wcscasecmp(const WCHAR *a, const WCHAR *b)
    LSAEMU_UNMAPPED_("lsaemu: wcscasecmp() works on glibc's 32-bit wchar_t and has no 16-bit version: see lsaemu_crt.h");
LSAEMU_IMPORT int lsaemu_unmapped_wcsncasecmp(const WCHAR *a, const WCHAR *b, size_t n)
    LSAEMU_UNMAPPED_("lsaemu: wcsncasecmp() works on glibc's 32-bit wchar_t and has no 16-bit version: see lsaemu_crt.h");
LSAEMU_IMPORT WCHAR *lsaemu_unmapped_wcschrnul(const WCHAR *s, WCHAR c)
    LSAEMU_UNMAPPED_("lsaemu: wcschrnul() works on glibc's 32-bit wchar_t and has no 16-bit version: see lsaemu_crt.h");
LSAEMU_IMPORT WCHAR *lsaemu_unmapped_wcswcs(const WCHAR *hay, const WCHAR *needle)
    LSAEMU_UNMAPPED_("lsaemu: wcswcs() works on glibc's 32-bit wchar_t and has no 16-bit version: see lsaemu_crt.h");
LSAEMU_IMPORT int lsaemu_unmapped_wcswidth(const WCHAR *s, size_t n)
    LSAEMU_UNMAPPED_("lsaemu: wcswidth() works on glibc's 32-bit wchar_t and has no 16-bit version: see lsaemu_crt.h");
LSAEMU_IMPORT WCHAR *lsaemu_unmapped_wmempcpy(WCHAR *dst, const WCHAR *src, size_t n)
    LSAEMU_UNMAPPED_("lsaemu: wmempcpy() works on glibc's 32-bit wchar_t and has no 16-bit version: see lsaemu_crt.h");
LSAEMU_IMPORT long long lsaemu_unmapped_wcstoq(const WCHAR *s, WCHAR **end, int base)
    LSAEMU_UNMAPPED_("lsaemu: wcstoq() works on glibc's 32-bit wchar_t and has no 16-bit version: see lsaemu_crt.h");
LSAEMU_IMPORT unsigned long long lsaemu_unmapped_wcstouq(const WCHAR *s, WCHAR **end, int base)
    LSAEMU_UNMAPPED_("lsaemu: wcstouq() works on glibc's 32-bit wchar_t and has no 16-bit version: see lsaemu_crt.h");
LSAEMU_IMPORT size_t lsaemu_unmapped_wcsftime(WCHAR *dst, size_t n, const WCHAR *fmt, const struct tm *tm)
    LSAEMU_UNMAPPED_("lsaemu: wcsftime() works on glibc's 32-bit wchar_t and has no 16-bit version: see lsaemu_crt.h");
LSAEMU_IMPORT int lsaemu_unmapped_wcscasecmp_l(const WCHAR *a, const WCHAR *b, void *loc)
    LSAEMU_UNMAPPED_("lsaemu: wcscasecmp_l() works on glibc's 32-bit wchar_t and has no 16-bit version: see lsaemu_crt.h");
LSAEMU_IMPORT int lsaemu_unmapped_wcsncasecmp_l(const WCHAR *a, const WCHAR *b, size_t n, void *loc)
    LSAEMU_UNMAPPED_("lsaemu: wcsncasecmp_l() works on glibc's 32-bit wchar_t and has no 16-bit version: see lsaemu_crt.h");
LSAEMU_IMPORT int lsaemu_unmapped_wcscoll_l(const WCHAR *a, const WCHAR *b, void *loc)
    LSAEMU_UNMAPPED_("lsaemu: wcscoll_l() works on glibc's 32-bit wchar_t and has no 16-bit version: see lsaemu_crt.h");
LSAEMU_IMPORT size_t lsaemu_unmapped_wcsxfrm_l(WCHAR *dst, const WCHAR *src, size_t n, void *loc)
    LSAEMU_UNMAPPED_("lsaemu: wcsxfrm_l() works on glibc's 32-bit wchar_t and has no 16-bit version: see lsaemu_crt.h");
LSAEMU_IMPORT size_t lsaemu_unmapped_wcsftime_l(WCHAR *dst, size_t n, const WCHAR *fmt, const struct tm *tm, void *loc)
    LSAEMU_UNMAPPED_("lsaemu: wcsftime_l() works on glibc's 32-bit wchar_t and has no 16-bit version: see lsaemu_crt.h");
LSAEMU_IMPORT long lsaemu_unmapped_wcstol_l(const WCHAR *s, WCHAR **end, int base, void *loc)
    LSAEMU_UNMAPPED_("lsaemu: wcstol_l() works on glibc's 32-bit wchar_t and has no 16-bit version: see lsaemu_crt.h");
LSAEMU_IMPORT unsigned long lsaemu_unmapped_wcstoul_l(const WCHAR *s, WCHAR **end, int base, void *loc)
    LSAEMU_UNMAPPED_("lsaemu: wcstoul_l() works on glibc's 32-bit wchar_t and has no 16-bit version: see lsaemu_crt.h");
LSAEMU_IMPORT long long lsaemu_unmapped_wcstoll_l(const WCHAR *s, WCHAR **end, int base, void *loc)
    LSAEMU_UNMAPPED_("lsaemu: wcstoll_l() works on glibc's 32-bit wchar_t and has no 16-bit version: see lsaemu_crt.h");
LSAEMU_IMPORT unsigned long long lsaemu_unmapped_wcstoull_l(const WCHAR *s, WCHAR **end, int base, void *loc)
    LSAEMU_UNMAPPED_("lsaemu: wcstoull_l() works on glibc's 32-bit wchar_t and has no 16-bit version: see lsaemu_crt.h");
LSAEMU_IMPORT double lsaemu_unmapped_wcstod_l(const WCHAR *s, WCHAR **end, void *loc)
    LSAEMU_UNMAPPED_("lsaemu: wcstod_l() works on glibc's 32-bit wchar_t and has no 16-bit version: see lsaemu_crt.h");
LSAEMU_IMPORT float lsaemu_unmapped_wcstof_l(const WCHAR *s, WCHAR **end, void *loc)
    LSAEMU_UNMAPPED_("lsaemu: wcstof_l() works on glibc's 32-bit wchar_t and has no 16-bit version: see lsaemu_crt.h");
LSAEMU_IMPORT long double lsaemu_unmapped_wcstold_l(const WCHAR *s, WCHAR **end, void *loc)
    LSAEMU_UNMAPPED_("lsaemu: wcstold_l() works on glibc's 32-bit wchar_t and has no 16-bit version: see lsaemu_crt.h");
LSAEMU_IMPORT double lsaemu_unmapped_wcstof32(const WCHAR *s, WCHAR **end)
    LSAEMU_UNMAPPED_("lsaemu: wcstof32() works on glibc's 32-bit wchar_t and has no 16-bit version: see lsaemu_crt.h");
LSAEMU_IMPORT double lsaemu_unmapped_wcstof32_l(const WCHAR *s, WCHAR **end, void *loc)
    LSAEMU_UNMAPPED_("lsaemu: wcstof32_l() works on glibc's 32-bit wchar_t and has no 16-bit version: see lsaemu_crt.h");
LSAEMU_IMPORT double lsaemu_unmapped_wcstof64(const WCHAR *s, WCHAR **end)
    LSAEMU_UNMAPPED_("lsaemu: wcstof64() works on glibc's 32-bit wchar_t and has no 16-bit version: see lsaemu_crt.h");
LSAEMU_IMPORT double lsaemu_unmapped_wcstof64_l(const WCHAR *s, WCHAR **end, void *loc)
    LSAEMU_UNMAPPED_("lsaemu: wcstof64_l() works on glibc's 32-bit wchar_t and has no 16-bit version: see lsaemu_crt.h");
LSAEMU_IMPORT double lsaemu_unmapped_wcstof128(const WCHAR *s, WCHAR **end)
    LSAEMU_UNMAPPED_("lsaemu: wcstof128() works on glibc's 32-bit wchar_t and has no 16-bit version: see lsaemu_crt.h");
LSAEMU_IMPORT double lsaemu_unmapped_wcstof128_l(const WCHAR *s, WCHAR **end, void *loc)
    LSAEMU_UNMAPPED_("lsaemu: wcstof128_l() works on glibc's 32-bit wchar_t and has no 16-bit version: see lsaemu_crt.h");
LSAEMU_IMPORT double lsaemu_unmapped_wcstof32x(const WCHAR *s, WCHAR **end)
    LSAEMU_UNMAPPED_("lsaemu: wcstof32x() works on glibc's 32-bit wchar_t and has no 16-bit version: see lsaemu_crt.h");
LSAEMU_IMPORT double lsaemu_unmapped_wcstof32x_l(const WCHAR *s, WCHAR **end, void *loc)
    LSAEMU_UNMAPPED_("lsaemu: wcstof32x_l() works on glibc's 32-bit wchar_t and has no 16-bit version: see lsaemu_crt.h");
LSAEMU_IMPORT double lsaemu_unmapped_wcstof64x(const WCHAR *s, WCHAR **end)
    LSAEMU_UNMAPPED_("lsaemu: wcstof64x() works on glibc's 32-bit wchar_t and has no 16-bit version: see lsaemu_crt.h");
LSAEMU_IMPORT double lsaemu_unmapped_wcstof64x_l(const WCHAR *s, WCHAR **end, void *loc)
    LSAEMU_UNMAPPED_("lsaemu: wcstof64x_l() works on glibc's 32-bit wchar_t and has no 16-bit version: see lsaemu_crt.h");
#ifdef __cplusplus
}
#endif

#undef wscanf
#define wscanf(...) lsaemu_unmapped_wscanf(__VA_ARGS__)
#undef fwscanf
#define fwscanf(...) lsaemu_unmapped_fwscanf(__VA_ARGS__)
#undef swscanf
#define swscanf(...) lsaemu_unmapped_swscanf(__VA_ARGS__)
#undef vwscanf
#define vwscanf(...) lsaemu_unmapped_vwscanf(__VA_ARGS__)
#undef vfwscanf
#define vfwscanf(...) lsaemu_unmapped_vfwscanf(__VA_ARGS__)
#undef vswscanf
#define vswscanf(...) lsaemu_unmapped_vswscanf(__VA_ARGS__)
#undef mbtowc
#define mbtowc(...) lsaemu_unmapped_mbtowc(__VA_ARGS__)
#undef mbrtowc
#define mbrtowc(...) lsaemu_unmapped_mbrtowc(__VA_ARGS__)
#undef mbsrtowcs
#define mbsrtowcs(...) lsaemu_unmapped_mbsrtowcs(__VA_ARGS__)
#undef mbsnrtowcs
#define mbsnrtowcs(...) lsaemu_unmapped_mbsnrtowcs(__VA_ARGS__)
#undef wcsrtombs
#define wcsrtombs(...) lsaemu_unmapped_wcsrtombs(__VA_ARGS__)
#undef wcsnrtombs
#define wcsnrtombs(...) lsaemu_unmapped_wcsnrtombs(__VA_ARGS__)
#undef fgetwc
#define fgetwc(...) lsaemu_unmapped_fgetwc(__VA_ARGS__)
#undef getwc
#define getwc(...) lsaemu_unmapped_getwc(__VA_ARGS__)
#undef getwchar
#define getwchar() lsaemu_unmapped_getwchar()
#undef ungetwc
#define ungetwc(...) lsaemu_unmapped_ungetwc(__VA_ARGS__)
#undef fgetwc_unlocked
#define fgetwc_unlocked(...) lsaemu_unmapped_fgetwc_unlocked(__VA_ARGS__)
#undef getwc_unlocked
#define getwc_unlocked(...) lsaemu_unmapped_getwc_unlocked(__VA_ARGS__)
#undef getwchar_unlocked
#define getwchar_unlocked() lsaemu_unmapped_getwchar_unlocked()
#undef fputwc_unlocked
#define fputwc_unlocked(...) lsaemu_unmapped_fputwc_unlocked(__VA_ARGS__)
#undef putwc_unlocked
#define putwc_unlocked(...) lsaemu_unmapped_putwc_unlocked(__VA_ARGS__)
#undef putwchar_unlocked
#define putwchar_unlocked(...) lsaemu_unmapped_putwchar_unlocked(__VA_ARGS__)
#undef fgetws_unlocked
#define fgetws_unlocked(...) lsaemu_unmapped_fgetws_unlocked(__VA_ARGS__)
#undef fputws_unlocked
#define fputws_unlocked(...) lsaemu_unmapped_fputws_unlocked(__VA_ARGS__)
#undef open_wmemstream
#define open_wmemstream(...) lsaemu_unmapped_open_wmemstream(__VA_ARGS__)
#undef wcpcpy
#define wcpcpy(...) lsaemu_unmapped_wcpcpy(__VA_ARGS__)
#undef wcpncpy
#define wcpncpy(...) lsaemu_unmapped_wcpncpy(__VA_ARGS__)
#undef wcscasecmp
#define wcscasecmp(...) lsaemu_unmapped_wcscasecmp(__VA_ARGS__)
#undef wcsncasecmp
#define wcsncasecmp(...) lsaemu_unmapped_wcsncasecmp(__VA_ARGS__)
#undef wcschrnul
#define wcschrnul(...) lsaemu_unmapped_wcschrnul(__VA_ARGS__)
#undef wcswcs
#define wcswcs(...) lsaemu_unmapped_wcswcs(__VA_ARGS__)
#undef wcswidth
#define wcswidth(...) lsaemu_unmapped_wcswidth(__VA_ARGS__)
#undef wmempcpy
#define wmempcpy(...) lsaemu_unmapped_wmempcpy(__VA_ARGS__)
#undef wcstoq
#define wcstoq(...) lsaemu_unmapped_wcstoq(__VA_ARGS__)
#undef wcstouq
#define wcstouq(...) lsaemu_unmapped_wcstouq(__VA_ARGS__)
#undef wcsftime
#define wcsftime(...) lsaemu_unmapped_wcsftime(__VA_ARGS__)
#undef wcscasecmp_l
#define wcscasecmp_l(...) lsaemu_unmapped_wcscasecmp_l(__VA_ARGS__)
#undef wcsncasecmp_l
#define wcsncasecmp_l(...) lsaemu_unmapped_wcsncasecmp_l(__VA_ARGS__)
#undef wcscoll_l
#define wcscoll_l(...) lsaemu_unmapped_wcscoll_l(__VA_ARGS__)
#undef wcsxfrm_l
#define wcsxfrm_l(...) lsaemu_unmapped_wcsxfrm_l(__VA_ARGS__)
#undef wcsftime_l
#define wcsftime_l(...) lsaemu_unmapped_wcsftime_l(__VA_ARGS__)
#undef wcstol_l
#define wcstol_l(...) lsaemu_unmapped_wcstol_l(__VA_ARGS__)
#undef wcstoul_l
#define wcstoul_l(...) lsaemu_unmapped_wcstoul_l(__VA_ARGS__)
#undef wcstoll_l
#define wcstoll_l(...) lsaemu_unmapped_wcstoll_l(__VA_ARGS__)
#undef wcstoull_l
#define wcstoull_l(...) lsaemu_unmapped_wcstoull_l(__VA_ARGS__)
#undef wcstod_l
#define wcstod_l(...) lsaemu_unmapped_wcstod_l(__VA_ARGS__)
#undef wcstof_l
#define wcstof_l(...) lsaemu_unmapped_wcstof_l(__VA_ARGS__)
#undef wcstold_l
#define wcstold_l(...) lsaemu_unmapped_wcstold_l(__VA_ARGS__)
#undef wcstof32
#define wcstof32(...) lsaemu_unmapped_wcstof32(__VA_ARGS__)
#undef wcstof32_l
#define wcstof32_l(...) lsaemu_unmapped_wcstof32_l(__VA_ARGS__)
#undef wcstof64
#define wcstof64(...) lsaemu_unmapped_wcstof64(__VA_ARGS__)
#undef wcstof64_l
#define wcstof64_l(...) lsaemu_unmapped_wcstof64_l(__VA_ARGS__)
#undef wcstof128
#define wcstof128(...) lsaemu_unmapped_wcstof128(__VA_ARGS__)
#undef wcstof128_l
#define wcstof128_l(...) lsaemu_unmapped_wcstof128_l(__VA_ARGS__)
#undef wcstof32x
#define wcstof32x(...) lsaemu_unmapped_wcstof32x(__VA_ARGS__)
#undef wcstof32x_l
#define wcstof32x_l(...) lsaemu_unmapped_wcstof32x_l(__VA_ARGS__)
#undef wcstof64x
#define wcstof64x(...) lsaemu_unmapped_wcstof64x(__VA_ARGS__)
#undef wcstof64x_l
#define wcstof64x_l(...) lsaemu_unmapped_wcstof64x_l(__VA_ARGS__)

#endif
