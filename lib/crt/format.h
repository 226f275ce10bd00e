/* SPDX-License-Identifier: MIT */
/*
 * The one printf engine behind both families of lsaemu_crt.h: the narrow
 * functions (lsaemu_snprintf, lsaemu_printf ..., printf.c) and the wide ones
 * (lsaemu_swprintf16, lsaemu_wprintf16 ..., wprintf.c). It parses
 * Microsoft's format language once for both; the families differ only in
 * the unit they write (bytes, which are UTF-8, or UTF-16 WCHARs) and so in
 * which of %s / %S is the string of their own width.
 *
 * It never allocates. Windows' vsnprintf-style functions write into the
 * caller's buffer and cannot fail for lack of memory, and neither can
 * these: a number with a large width or precision is built from a bounded
 * piece formatted on the stack plus the padding and the zeros that such a
 * precision adds, and a stream is written piece by piece through a buffer
 * on the stack, under the stream's lock (flockfile), so that what one call
 * prints is never interleaved with another thread's output.
 */
#ifndef LSAEMU_CRT_FORMAT_H
#define LSAEMU_CRT_FORMAT_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/*
 * Formats fmt (char * for the narrow family, WCHAR * for the wide one)
 * into buf: the first cap units are stored (buf may be NULL when cap is 0),
 * nothing is terminated. Returns the number of units of the whole output,
 * or -1 with errno set: EINVAL for a conversion Microsoft's CRT refuses
 * (%n, an unknown one), EOVERFLOW for an output longer than INT_MAX units.
 * ap is not consumed (it is copied).
 */
long crt_format(bool wide, void *buf, size_t cap, const void *fmt, va_list ap);

/*
 * Microsoft's _vsnprintf / _vsnwprintf contract on crt_format(): the length
 * when it fits in count units (terminated when there is room for the NUL),
 * count when it fills the buffer exactly (not terminated), -1 when it does
 * not fit or the format is refused; with buf NULL and count 0, the length
 * (a counting call). A NULL format, or a NULL buffer with a count, is -1
 * with errno EINVAL.
 */
int crt_format_ms(bool wide, void *buf, size_t count, const void *fmt, va_list ap);

/*
 * The same to stream f, as UTF-8 for both families. Nothing is written when
 * the format is refused (a first pass counts the output). Returns the number
 * of units (bytes, or WCHARs for the wide family), or -1: the format was
 * refused (errno as above) or a write failed (errno from the stream).
 */
long crt_format_stream(bool wide, FILE *f, const void *fmt, va_list ap);

#endif
