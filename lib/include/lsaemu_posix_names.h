/* SPDX-License-Identifier: MIT */
/*
 * lsaemu_posix_names.h - the names glibc's <stdio.h>, <stdlib.h>,
 * <string.h>, <wchar.h> and <inttypes.h> declare (with _GNU_SOURCE, as g++
 * always has it) that neither ISO C nor Microsoft's C runtime declares:
 * dprintf, getline, index, random, strsep, wcscasecmp ...
 *
 * Why: with a 16-bit wchar_t (lsaemu-win32 mode) lsaemu_crt.h must include
 * those headers itself, before it renames wcslen, printf and the rest, so
 * Windows code that includes <windows.h> first would otherwise see glibc's
 * POSIX and GNU functions, which <windows.h> never declares on Windows, and
 * its own dprintf() or getline() would clash with them. lsaemu_crt.h
 * includes this file twice around those includes: first with
 * LSAEMU_HIDE_POSIX_NAMES_ defined, which renames each name to
 * lsaemu_hidden_NAME while glibc declares it, then without, which #undefs
 * them again. Afterwards the names are free for the client; nothing calls
 * the lsaemu_hidden_* declarations and the library defines none of them.
 *
 * Limits: a header the client included before <windows.h> has already
 * declared its names (as it does in any Linux build); define
 * LSAEMU_KEEP_POSIX_NAMES before <windows.h> to keep glibc's names.
 *
 * The list: every function name (without a leading underscore) those five
 * headers declare under gcc -std=gnu11 -D_GNU_SOURCE on glibc 2.36, minus
 * those they declare under -std=c11 (ISO C), minus those mingw-w64's
 * headers (the Microsoft C runtime's names) declare, minus alloca (a
 * macro of <alloca.h> too). tests/check-client-names.sh checks that a client may
 * define every one of them after <windows.h>.
 *
 * glibc defines a few of them as macros too (fread_unlocked and
 * fwrite_unlocked when optimizing; asprintf, dprintf and obstack_printf
 * with clang and _FORTIFY_SOURCE): those are renamed only when not yet
 * defined, and #undef'd only when renamed here, so that a glibc macro the
 * client's own earlier #include <stdio.h> made is left alone.
 *
 * Deliberately no include guard: it is included twice.
 */
#ifdef LSAEMU_HIDE_POSIX_NAMES_
#define a64l lsaemu_hidden_a64l
#define arc4random lsaemu_hidden_arc4random
#define arc4random_buf lsaemu_hidden_arc4random_buf
#define arc4random_uniform lsaemu_hidden_arc4random_uniform
#ifndef asprintf
#define asprintf lsaemu_hidden_asprintf
#define LSAEMU_HID_asprintf_
#endif
#define basename lsaemu_hidden_basename
#define bcmp lsaemu_hidden_bcmp
#define bcopy lsaemu_hidden_bcopy
#define bzero lsaemu_hidden_bzero
#define canonicalize_file_name lsaemu_hidden_canonicalize_file_name
#define clearenv lsaemu_hidden_clearenv
#define clearerr_unlocked lsaemu_hidden_clearerr_unlocked
#define ctermid lsaemu_hidden_ctermid
#define cuserid lsaemu_hidden_cuserid
#ifndef dprintf
#define dprintf lsaemu_hidden_dprintf
#define LSAEMU_HID_dprintf_
#endif
#define drand48 lsaemu_hidden_drand48
#define drand48_r lsaemu_hidden_drand48_r
#define ecvt_r lsaemu_hidden_ecvt_r
#define erand48 lsaemu_hidden_erand48
#define erand48_r lsaemu_hidden_erand48_r
#define explicit_bzero lsaemu_hidden_explicit_bzero
#define fcvt_r lsaemu_hidden_fcvt_r
#define feof_unlocked lsaemu_hidden_feof_unlocked
#define ferror_unlocked lsaemu_hidden_ferror_unlocked
#define fflush_unlocked lsaemu_hidden_fflush_unlocked
#define ffs lsaemu_hidden_ffs
#define ffsl lsaemu_hidden_ffsl
#define ffsll lsaemu_hidden_ffsll
#define fgetc_unlocked lsaemu_hidden_fgetc_unlocked
#define fgets_unlocked lsaemu_hidden_fgets_unlocked
#define fgetwc_unlocked lsaemu_hidden_fgetwc_unlocked
#define fgetws_unlocked lsaemu_hidden_fgetws_unlocked
#define fileno_unlocked lsaemu_hidden_fileno_unlocked
#define flockfile lsaemu_hidden_flockfile
#define fmemopen lsaemu_hidden_fmemopen
#define fopencookie lsaemu_hidden_fopencookie
#define fputc_unlocked lsaemu_hidden_fputc_unlocked
#define fputs_unlocked lsaemu_hidden_fputs_unlocked
#define fputwc_unlocked lsaemu_hidden_fputwc_unlocked
#define fputws_unlocked lsaemu_hidden_fputws_unlocked
#ifndef fread_unlocked
#define fread_unlocked lsaemu_hidden_fread_unlocked
#define LSAEMU_HID_fread_unlocked_
#endif
#define freopen64 lsaemu_hidden_freopen64
#define ftrylockfile lsaemu_hidden_ftrylockfile
#define funlockfile lsaemu_hidden_funlockfile
#ifndef fwrite_unlocked
#define fwrite_unlocked lsaemu_hidden_fwrite_unlocked
#define LSAEMU_HID_fwrite_unlocked_
#endif
#define getc_unlocked lsaemu_hidden_getc_unlocked
#define getchar_unlocked lsaemu_hidden_getchar_unlocked
#define getdelim lsaemu_hidden_getdelim
#define getline lsaemu_hidden_getline
#define getloadavg lsaemu_hidden_getloadavg
#define getpt lsaemu_hidden_getpt
#define getsubopt lsaemu_hidden_getsubopt
#define getwc_unlocked lsaemu_hidden_getwc_unlocked
#define getwchar_unlocked lsaemu_hidden_getwchar_unlocked
#define grantpt lsaemu_hidden_grantpt
#define index lsaemu_hidden_index
#define initstate lsaemu_hidden_initstate
#define initstate_r lsaemu_hidden_initstate_r
#define jrand48 lsaemu_hidden_jrand48
#define jrand48_r lsaemu_hidden_jrand48_r
#define l64a lsaemu_hidden_l64a
#define lcong48 lsaemu_hidden_lcong48
#define lcong48_r lsaemu_hidden_lcong48_r
#define lrand48 lsaemu_hidden_lrand48
#define lrand48_r lsaemu_hidden_lrand48_r
#define mbsnrtowcs lsaemu_hidden_mbsnrtowcs
#define memfrob lsaemu_hidden_memfrob
#define memmem lsaemu_hidden_memmem
#define memrchr lsaemu_hidden_memrchr
#define mkdtemp lsaemu_hidden_mkdtemp
#define mkostemp lsaemu_hidden_mkostemp
#define mkostemp64 lsaemu_hidden_mkostemp64
#define mkostemps lsaemu_hidden_mkostemps
#define mkostemps64 lsaemu_hidden_mkostemps64
#define mkstemp64 lsaemu_hidden_mkstemp64
#define mkstemps lsaemu_hidden_mkstemps
#define mkstemps64 lsaemu_hidden_mkstemps64
#define mktemp lsaemu_hidden_mktemp
#define mrand48 lsaemu_hidden_mrand48
#define mrand48_r lsaemu_hidden_mrand48_r
#define nrand48 lsaemu_hidden_nrand48
#define nrand48_r lsaemu_hidden_nrand48_r
#ifndef obstack_printf
#define obstack_printf lsaemu_hidden_obstack_printf
#define LSAEMU_HID_obstack_printf_
#endif
#define obstack_vprintf lsaemu_hidden_obstack_vprintf
#define on_exit lsaemu_hidden_on_exit
#define open_memstream lsaemu_hidden_open_memstream
#define open_wmemstream lsaemu_hidden_open_wmemstream
#define pclose lsaemu_hidden_pclose
#define popen lsaemu_hidden_popen
#define posix_memalign lsaemu_hidden_posix_memalign
#define posix_openpt lsaemu_hidden_posix_openpt
#define pselect lsaemu_hidden_pselect
#define ptsname lsaemu_hidden_ptsname
#define ptsname_r lsaemu_hidden_ptsname_r
#define putc_unlocked lsaemu_hidden_putc_unlocked
#define putchar_unlocked lsaemu_hidden_putchar_unlocked
#define putwc_unlocked lsaemu_hidden_putwc_unlocked
#define putwchar_unlocked lsaemu_hidden_putwchar_unlocked
#define qecvt lsaemu_hidden_qecvt
#define qecvt_r lsaemu_hidden_qecvt_r
#define qfcvt lsaemu_hidden_qfcvt
#define qfcvt_r lsaemu_hidden_qfcvt_r
#define qgcvt lsaemu_hidden_qgcvt
#define qsort_r lsaemu_hidden_qsort_r
#define rand_r lsaemu_hidden_rand_r
#define random lsaemu_hidden_random
#define random_r lsaemu_hidden_random_r
#define rawmemchr lsaemu_hidden_rawmemchr
#define reallocarray lsaemu_hidden_reallocarray
#define realpath lsaemu_hidden_realpath
#define renameat lsaemu_hidden_renameat
#define renameat2 lsaemu_hidden_renameat2
#define rindex lsaemu_hidden_rindex
#define rpmatch lsaemu_hidden_rpmatch
#define secure_getenv lsaemu_hidden_secure_getenv
#define seed48 lsaemu_hidden_seed48
#define seed48_r lsaemu_hidden_seed48_r
#define select lsaemu_hidden_select
#define setbuffer lsaemu_hidden_setbuffer
#define setenv lsaemu_hidden_setenv
#define setlinebuf lsaemu_hidden_setlinebuf
#define setstate lsaemu_hidden_setstate
#define setstate_r lsaemu_hidden_setstate_r
#define sigabbrev_np lsaemu_hidden_sigabbrev_np
#define sigdescr_np lsaemu_hidden_sigdescr_np
#define srand48 lsaemu_hidden_srand48
#define srand48_r lsaemu_hidden_srand48_r
#define srandom lsaemu_hidden_srandom
#define srandom_r lsaemu_hidden_srandom_r
#define stpcpy lsaemu_hidden_stpcpy
#define stpncpy lsaemu_hidden_stpncpy
#define strcasecmp_l lsaemu_hidden_strcasecmp_l
#define strcasestr lsaemu_hidden_strcasestr
#define strchrnul lsaemu_hidden_strchrnul
#define strcoll_l lsaemu_hidden_strcoll_l
#define strerror_l lsaemu_hidden_strerror_l
#define strerror_r lsaemu_hidden_strerror_r
#define strerrordesc_np lsaemu_hidden_strerrordesc_np
#define strerrorname_np lsaemu_hidden_strerrorname_np
#define strfromd lsaemu_hidden_strfromd
#define strfromf lsaemu_hidden_strfromf
#define strfromf128 lsaemu_hidden_strfromf128
#define strfromf32 lsaemu_hidden_strfromf32
#define strfromf32x lsaemu_hidden_strfromf32x
#define strfromf64 lsaemu_hidden_strfromf64
#define strfromf64x lsaemu_hidden_strfromf64x
#define strfroml lsaemu_hidden_strfroml
#define strfry lsaemu_hidden_strfry
#define strncasecmp_l lsaemu_hidden_strncasecmp_l
#define strndup lsaemu_hidden_strndup
#define strsep lsaemu_hidden_strsep
#define strsignal lsaemu_hidden_strsignal
#define strtod_l lsaemu_hidden_strtod_l
#define strtof128 lsaemu_hidden_strtof128
#define strtof128_l lsaemu_hidden_strtof128_l
#define strtof32 lsaemu_hidden_strtof32
#define strtof32_l lsaemu_hidden_strtof32_l
#define strtof32x lsaemu_hidden_strtof32x
#define strtof32x_l lsaemu_hidden_strtof32x_l
#define strtof64 lsaemu_hidden_strtof64
#define strtof64_l lsaemu_hidden_strtof64_l
#define strtof64x lsaemu_hidden_strtof64x
#define strtof64x_l lsaemu_hidden_strtof64x_l
#define strtof_l lsaemu_hidden_strtof_l
#define strtol_l lsaemu_hidden_strtol_l
#define strtold_l lsaemu_hidden_strtold_l
#define strtoll_l lsaemu_hidden_strtoll_l
#define strtoq lsaemu_hidden_strtoq
#define strtoul_l lsaemu_hidden_strtoul_l
#define strtoull_l lsaemu_hidden_strtoull_l
#define strtouq lsaemu_hidden_strtouq
#define strverscmp lsaemu_hidden_strverscmp
#define strxfrm_l lsaemu_hidden_strxfrm_l
#define tmpfile64 lsaemu_hidden_tmpfile64
#define tmpnam_r lsaemu_hidden_tmpnam_r
#define unlockpt lsaemu_hidden_unlockpt
#define unsetenv lsaemu_hidden_unsetenv
#define valloc lsaemu_hidden_valloc
#define vasprintf lsaemu_hidden_vasprintf
#define vdprintf lsaemu_hidden_vdprintf
#define wcpcpy lsaemu_hidden_wcpcpy
#define wcpncpy lsaemu_hidden_wcpncpy
#define wcscasecmp lsaemu_hidden_wcscasecmp
#define wcscasecmp_l lsaemu_hidden_wcscasecmp_l
#define wcschrnul lsaemu_hidden_wcschrnul
#define wcscoll_l lsaemu_hidden_wcscoll_l
#define wcsftime_l lsaemu_hidden_wcsftime_l
#define wcsncasecmp lsaemu_hidden_wcsncasecmp
#define wcsncasecmp_l lsaemu_hidden_wcsncasecmp_l
#define wcsnrtombs lsaemu_hidden_wcsnrtombs
#define wcstod_l lsaemu_hidden_wcstod_l
#define wcstof128 lsaemu_hidden_wcstof128
#define wcstof128_l lsaemu_hidden_wcstof128_l
#define wcstof32 lsaemu_hidden_wcstof32
#define wcstof32_l lsaemu_hidden_wcstof32_l
#define wcstof32x lsaemu_hidden_wcstof32x
#define wcstof32x_l lsaemu_hidden_wcstof32x_l
#define wcstof64 lsaemu_hidden_wcstof64
#define wcstof64_l lsaemu_hidden_wcstof64_l
#define wcstof64x lsaemu_hidden_wcstof64x
#define wcstof64x_l lsaemu_hidden_wcstof64x_l
#define wcstof_l lsaemu_hidden_wcstof_l
#define wcstol_l lsaemu_hidden_wcstol_l
#define wcstold_l lsaemu_hidden_wcstold_l
#define wcstoll_l lsaemu_hidden_wcstoll_l
#define wcstoq lsaemu_hidden_wcstoq
#define wcstoul_l lsaemu_hidden_wcstoul_l
#define wcstoull_l lsaemu_hidden_wcstoull_l
#define wcstouq lsaemu_hidden_wcstouq
#define wcswcs lsaemu_hidden_wcswcs
#define wcswidth lsaemu_hidden_wcswidth
#define wcsxfrm_l lsaemu_hidden_wcsxfrm_l
#define wcwidth lsaemu_hidden_wcwidth
#else
#undef a64l
#undef arc4random
#undef arc4random_buf
#undef arc4random_uniform
#ifdef LSAEMU_HID_asprintf_
#undef asprintf
#undef LSAEMU_HID_asprintf_
#endif
#undef basename
#undef bcmp
#undef bcopy
#undef bzero
#undef canonicalize_file_name
#undef clearenv
#undef clearerr_unlocked
#undef ctermid
#undef cuserid
#ifdef LSAEMU_HID_dprintf_
#undef dprintf
#undef LSAEMU_HID_dprintf_
#endif
#undef drand48
#undef drand48_r
#undef ecvt_r
#undef erand48
#undef erand48_r
#undef explicit_bzero
#undef fcvt_r
#undef feof_unlocked
#undef ferror_unlocked
#undef fflush_unlocked
#undef ffs
#undef ffsl
#undef ffsll
#undef fgetc_unlocked
#undef fgets_unlocked
#undef fgetwc_unlocked
#undef fgetws_unlocked
#undef fileno_unlocked
#undef flockfile
#undef fmemopen
#undef fopencookie
#undef fputc_unlocked
#undef fputs_unlocked
#undef fputwc_unlocked
#undef fputws_unlocked
#ifdef LSAEMU_HID_fread_unlocked_
#undef fread_unlocked
#undef LSAEMU_HID_fread_unlocked_
#endif
#undef freopen64
#undef ftrylockfile
#undef funlockfile
#ifdef LSAEMU_HID_fwrite_unlocked_
#undef fwrite_unlocked
#undef LSAEMU_HID_fwrite_unlocked_
#endif
#undef getc_unlocked
#undef getchar_unlocked
#undef getdelim
#undef getline
#undef getloadavg
#undef getpt
#undef getsubopt
#undef getwc_unlocked
#undef getwchar_unlocked
#undef grantpt
#undef index
#undef initstate
#undef initstate_r
#undef jrand48
#undef jrand48_r
#undef l64a
#undef lcong48
#undef lcong48_r
#undef lrand48
#undef lrand48_r
#undef mbsnrtowcs
#undef memfrob
#undef memmem
#undef memrchr
#undef mkdtemp
#undef mkostemp
#undef mkostemp64
#undef mkostemps
#undef mkostemps64
#undef mkstemp64
#undef mkstemps
#undef mkstemps64
#undef mktemp
#undef mrand48
#undef mrand48_r
#undef nrand48
#undef nrand48_r
#ifdef LSAEMU_HID_obstack_printf_
#undef obstack_printf
#undef LSAEMU_HID_obstack_printf_
#endif
#undef obstack_vprintf
#undef on_exit
#undef open_memstream
#undef open_wmemstream
#undef pclose
#undef popen
#undef posix_memalign
#undef posix_openpt
#undef pselect
#undef ptsname
#undef ptsname_r
#undef putc_unlocked
#undef putchar_unlocked
#undef putwc_unlocked
#undef putwchar_unlocked
#undef qecvt
#undef qecvt_r
#undef qfcvt
#undef qfcvt_r
#undef qgcvt
#undef qsort_r
#undef rand_r
#undef random
#undef random_r
#undef rawmemchr
#undef reallocarray
#undef realpath
#undef renameat
#undef renameat2
#undef rindex
#undef rpmatch
#undef secure_getenv
#undef seed48
#undef seed48_r
#undef select
#undef setbuffer
#undef setenv
#undef setlinebuf
#undef setstate
#undef setstate_r
#undef sigabbrev_np
#undef sigdescr_np
#undef srand48
#undef srand48_r
#undef srandom
#undef srandom_r
#undef stpcpy
#undef stpncpy
#undef strcasecmp_l
#undef strcasestr
#undef strchrnul
#undef strcoll_l
#undef strerror_l
#undef strerror_r
#undef strerrordesc_np
#undef strerrorname_np
#undef strfromd
#undef strfromf
#undef strfromf128
#undef strfromf32
#undef strfromf32x
#undef strfromf64
#undef strfromf64x
#undef strfroml
#undef strfry
#undef strncasecmp_l
#undef strndup
#undef strsep
#undef strsignal
#undef strtod_l
#undef strtof128
#undef strtof128_l
#undef strtof32
#undef strtof32_l
#undef strtof32x
#undef strtof32x_l
#undef strtof64
#undef strtof64_l
#undef strtof64x
#undef strtof64x_l
#undef strtof_l
#undef strtol_l
#undef strtold_l
#undef strtoll_l
#undef strtoq
#undef strtoul_l
#undef strtoull_l
#undef strtouq
#undef strverscmp
#undef strxfrm_l
#undef tmpfile64
#undef tmpnam_r
#undef unlockpt
#undef unsetenv
#undef valloc
#undef vasprintf
#undef vdprintf
#undef wcpcpy
#undef wcpncpy
#undef wcscasecmp
#undef wcscasecmp_l
#undef wcschrnul
#undef wcscoll_l
#undef wcsftime_l
#undef wcsncasecmp
#undef wcsncasecmp_l
#undef wcsnrtombs
#undef wcstod_l
#undef wcstof128
#undef wcstof128_l
#undef wcstof32
#undef wcstof32_l
#undef wcstof32x
#undef wcstof32x_l
#undef wcstof64
#undef wcstof64_l
#undef wcstof64x
#undef wcstof64x_l
#undef wcstof_l
#undef wcstol_l
#undef wcstold_l
#undef wcstoll_l
#undef wcstoq
#undef wcstoul_l
#undef wcstoull_l
#undef wcstouq
#undef wcswcs
#undef wcswidth
#undef wcsxfrm_l
#undef wcwidth
#endif
