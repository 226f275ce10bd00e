/* SPDX-License-Identifier: MIT */
/*
 * LSAEMU_EXPORT marks a function callers may link against: the Windows
 * functions of lib/win32 and the C runtime functions of lib/crt. The
 * library is compiled with -fvisibility=hidden, so everything else stays
 * internal; the exported set is also listed in lib/liblsaemu.sym (checked
 * by tests/check-exports.sh). The control API uses LSAEMU_PUBLIC of the
 * installed lsaemu.h instead.
 */
#ifndef LSAEMU_BASE_EXPORT_H
#define LSAEMU_BASE_EXPORT_H

#if defined(__GNUC__)
#define LSAEMU_EXPORT __attribute__((visibility("default")))
#else
#define LSAEMU_EXPORT
#endif

/*
 * LSAEMU_PRINTF(fmt, first): printf-style argument checking. With
 * mingw-w64 (the Windows DLL) the "printf" archetype is Microsoft's, which
 * knows no %zu; the DLL is built with __USE_MINGW_ANSI_STDIO, whose
 * formatting is C99's, so the check is gnu_printf's there.
 */
#if defined(__MINGW32__) && !defined(__clang__)
#define LSAEMU_PRINTF(fmt, first) __attribute__((format(gnu_printf, fmt, first)))
#elif defined(__GNUC__)
#define LSAEMU_PRINTF(fmt, first) __attribute__((format(printf, fmt, first)))
#else
#define LSAEMU_PRINTF(fmt, first)
#endif

#endif
