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

#endif
