/* SPDX-License-Identifier: MIT */
/*
 * UTF-16 <-> UTF-8 for the strings callers hand over. WCHAR is 16-bit here
 * whatever the compiler's wchar_t; nothing uses wchar_t or the wcs*
 * functions.
 */
#ifndef LSAEMU_API_WSTR_H
#define LSAEMU_API_WSTR_H

#include <stddef.h>
#include <stdint.h>

/* A malloc'd UTF-8 copy of n UTF-16 code units (unpaired surrogates become
 * U+FFFD), or NULL on allocation failure. s need not be 2-byte aligned. */
char *wstr_to_utf8(const uint16_t *s, size_t n);
/* The same, except that an unpaired surrogate is kept, encoded as UTF-8
 * encodes any other code point (ED A0..BF xx, "WTF-8"). Not valid UTF-8:
 * only for the trace and the audit records, whose escapers show such a
 * surrogate as \udHHH (lib/core/diag/diag_line.h), so that what the caller
 * passed is seen exactly. */
char *wstr_to_wtf8(const uint16_t *s, size_t n);
/* UTF-16 code units written to out (at most cap) for a UTF-8 string; returns
 * the number needed, which may exceed cap. Invalid bytes become U+FFFD. */
size_t wstr_from_utf8(const char *s, uint16_t *out, size_t cap);
/* A malloc'd NUL-terminated copy of n bytes, or NULL. */
char *wstr_bytes_dup(const char *s, size_t n);
/* Length in code units of a NUL-terminated UTF-16 string (at most max;
 * returns max + 1 when no terminator is found within max units). */
size_t wstr_len(const uint16_t *s, size_t max);

#endif
