/* SPDX-License-Identifier: MIT */
/*
 * The secure C runtime and the SDK's string helpers (issue 13): strcpy_s,
 * strcat_s, strncpy_s, strncat_s and their wcs forms, memcpy_s, memmove_s,
 * the *printf_s forms, the invalid-parameter handler, strsafe.h's
 * StringCch* / StringCb*, _stricmp and kin, tchar.h's _tcsnicmp, windef.h's
 * min / max, lmcons.h's lengths, and the rest of <wchar.h> on 16-bit units.
 *
 * Each table row is one documented case of the C runtime reference
 * (learn.microsoft.com, cpp/c-runtime-library/reference/...: the page is
 * named in each table) or of strsafe.h (win32/api/strsafe/...), with
 * Wine's conformance observations where the page is silent or
 * contradicts itself (named in lib/crt/secure.c and printf_s.c). Every
 * row asserts the return, errno, the destination afterwards and whether
 * the invalid-parameter handler ran.
 *
 * Built twice: tests/check_crt (32-bit wchar_t, the lsaemu_* names) and
 * tests/check_crt_short (-fshort-wchar, lsaemu-win32 mode, UNICODE and
 * _UNICODE: the Microsoft and ISO names map to lsaemu's).
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include <windows.h>
#include <lmcons.h>
#include <strsafe.h>
#include <tchar.h>

#include "testutil.h"

#define W(s) LSAEMU_WIDE(s)

/* ---- the handler's observer ----------------------------------------------- */

static int handler_calls;
static int handler_errno; /* errno when the handler ran */
static int handler_null_args;

static void counting_handler(const wchar_t *expr, const wchar_t *func, const wchar_t *file,
                             unsigned int line, uintptr_t reserved)
{
    handler_calls++;
    handler_errno = errno;
    handler_null_args = !expr && !func && !file && line == 0 && reserved == 0;
}

static void install_counter(void)
{
    handler_calls = 0;
    handler_errno = 0;
    lsaemu_set_invalid_parameter_handler(counting_handler);
}

static void remove_counter(void)
{
    lsaemu_set_invalid_parameter_handler(NULL);
}

/* dst of 8 elements, filled with 'x' (unterminated) before each row. */
enum { DST = 8 };

/* What a row expects of dst afterwards. */
enum after { UNTOUCHED, EMPTIED, HOLDS };

static void check_narrow(const char *dst, enum after a, const char *want)
{
    if (a == UNTOUCHED)
        for (int i = 0; i < DST; i++)
            ck_assert_int_eq(dst[i], 'x');
    else if (a == EMPTIED)
        ck_assert_int_eq(dst[0], 0);
    else
        ck_assert_str_eq(dst, want);
}

static void check_wide(const WCHAR *dst, enum after a, const char *want)
{
    if (a == UNTOUCHED) {
        for (int i = 0; i < DST; i++)
            ck_assert_uint_eq(dst[i], 'x');
    } else if (a == EMPTIED) {
        ck_assert_uint_eq(dst[0], 0);
    } else {
        size_t n = strlen(want);
        for (size_t i = 0; i <= n; i++)
            ck_assert_uint_eq(dst[i], (unsigned char)want[i]);
    }
}

/* ---- strcpy_s / strcat_s / strncpy_s / strncat_s ----------------------------- */

enum op { CPY, CAT, NCPY, NCAT };

struct str_case {
    const char *name;
    enum op op;
    bool null_dst;
    size_t size;
    const char *prefill; /* dst's contents first (NULL: 8 unterminated 'x') */
    const char *src;     /* NULL: a NULL src */
    size_t count;        /* for the n forms */
    errno_t rc;
    bool handler; /* the invalid-parameter handler ran (and errno == rc) */
    enum after after;
    const char *want;
};

/* strcpy-s-wcscpy-s-mbscpy-s, strcat-s-wcscat-s-mbscat-s,
 * strncpy-s-strncpy-s-l-wcsncpy-s-..., strncat-s-strncat-s-l-wcsncat-s-...
 * (i13-facts B17). */
static const struct str_case str_cases[] = {
    {"cpy_ok", CPY, false, DST, NULL, "abc", 0, 0, false, HOLDS, "abc"},
    {"cpy_exact_fit", CPY, false, 4, NULL, "abc", 0, 0, false, HOLDS, "abc"},
    {"cpy_dst_null", CPY, true, DST, NULL, "abc", 0, EINVAL, true, UNTOUCHED, NULL},
    {"cpy_size_0", CPY, false, 0, NULL, "abc", 0, EINVAL, true, UNTOUCHED, NULL},
    {"cpy_src_null", CPY, false, DST, NULL, NULL, 0, EINVAL, true, EMPTIED, NULL},
    {"cpy_too_small", CPY, false, 3, NULL, "abc", 0, ERANGE, true, EMPTIED, NULL},
    {"cat_ok", CAT, false, DST, "ab", "cd", 0, 0, false, HOLDS, "abcd"},
    {"cat_exact_fit", CAT, false, 5, "ab", "cd", 0, 0, false, HOLDS, "abcd"},
    {"cat_dst_null", CAT, true, DST, NULL, "cd", 0, EINVAL, true, UNTOUCHED, NULL},
    {"cat_size_0", CAT, false, 0, NULL, "cd", 0, EINVAL, true, UNTOUCHED, NULL},
    {"cat_src_null", CAT, false, DST, "ab", NULL, 0, EINVAL, true, EMPTIED, NULL},
    {"cat_unterminated", CAT, false, DST, NULL, "cd", 0, EINVAL, true, EMPTIED, NULL},
    {"cat_too_small", CAT, false, 4, "ab", "cd", 0, ERANGE, true, EMPTIED, NULL},
    {"ncpy_ok", NCPY, false, DST, NULL, "abcdef", 3, 0, false, HOLDS, "abc"},
    {"ncpy_count_0", NCPY, false, DST, NULL, "abc", 0, 0, false, EMPTIED, NULL},
    {"ncpy_all_null_0", NCPY, true, 0, NULL, NULL, 0, 0, false, UNTOUCHED, NULL},
    {"ncpy_dst_null", NCPY, true, DST, NULL, "abc", 3, EINVAL, true, UNTOUCHED, NULL},
    {"ncpy_size_0", NCPY, false, 0, NULL, "abc", 3, EINVAL, true, UNTOUCHED, NULL},
    {"ncpy_src_null", NCPY, false, DST, NULL, NULL, 3, EINVAL, true, EMPTIED, NULL},
    {"ncpy_too_small", NCPY, false, 3, NULL, "abc", 3, ERANGE, true, EMPTIED, NULL},
    {"ncpy_truncate", NCPY, false, 3, NULL, "abcdef", _TRUNCATE, STRUNCATE, false, HOLDS, "ab"},
    {"ncpy_truncate_fits", NCPY, false, DST, NULL, "abc", _TRUNCATE, 0, false, HOLDS, "abc"},
    {"ncat_ok", NCAT, false, DST, "ab", "cdef", 2, 0, false, HOLDS, "abcd"},
    {"ncat_count_0", NCAT, false, DST, "ab", "cd", 0, 0, false, HOLDS, "ab"},
    {"ncat_src_null_count_0", NCAT, false, 4, "ab", NULL, 0, 0, false, HOLDS, "ab"},
    {"ncat_all_null_0", NCAT, true, 0, NULL, NULL, 0, 0, false, UNTOUCHED, NULL},
    {"ncat_dst_null", NCAT, true, DST, NULL, "cd", 2, EINVAL, true, UNTOUCHED, NULL},
    {"ncat_size_0", NCAT, false, 0, NULL, "cd", 2, EINVAL, true, UNTOUCHED, NULL},
    {"ncat_src_null", NCAT, false, DST, "ab", NULL, 2, EINVAL, true, EMPTIED, NULL},
    {"ncat_unterminated", NCAT, false, DST, NULL, "cd", 2, EINVAL, true, EMPTIED, NULL},
    /* The page contradicts itself (error table: dst not modified; remarks
     * and example: dst[0] = 0); Wine's msvcr90 test_wcsncat_s observed the
     * example's empty string on Windows. */
    {"ncat_too_small", NCAT, false, 4, "ab", "cd", 2, ERANGE, true, EMPTIED, NULL},
    {"ncat_truncate", NCAT, false, 5, "ab", "cdef", _TRUNCATE, STRUNCATE, false, HOLDS, "abcd"},
    {"ncat_truncate_fits", NCAT, false, DST, "ab", "cd", _TRUNCATE, 0, false, HOLDS, "abcd"},
    /* Wine's test_wcsncat_s (msvcrt/tests/string.c), observed on Windows. */
    {"ncat_wine_truncate_2", NCAT, false, 2, "", "abc", _TRUNCATE, STRUNCATE, false, HOLDS, "a"},
    {"ncat_wine_too_small_2", NCAT, false, 2, "", "abc", 4, ERANGE, true, EMPTIED, NULL},
    {"ncat_wine_size_0_truncate", NCAT, false, 0, NULL, "abc", _TRUNCATE, EINVAL, true,
     UNTOUCHED, NULL},
    {"ncat_wine_src_null_0", NCAT, false, 4, "", NULL, 0, 0, false, HOLDS, ""},
};

static errno_t run_narrow(const struct str_case *c, char *dst)
{
    char *d = c->null_dst ? NULL : dst;
    switch (c->op) {
    case CPY:
        return lsaemu_strcpy_s(d, c->size, c->src);
    case CAT:
        return lsaemu_strcat_s(d, c->size, c->src);
    case NCPY:
        return lsaemu_strncpy_s(d, c->size, c->src, c->count);
    default:
        return lsaemu_strncat_s(d, c->size, c->src, c->count);
    }
}

static errno_t run_wide(const struct str_case *c, WCHAR *dst)
{
    WCHAR src[16];
    const WCHAR *s = NULL;
    if (c->src) {
        size_t i = 0;
        for (; c->src[i]; i++)
            src[i] = (WCHAR)c->src[i];
        src[i] = 0;
        s = src;
    }
    WCHAR *d = c->null_dst ? NULL : dst;
    switch (c->op) {
    case CPY:
        return lsaemu_wcscpy_s16(d, c->size, s);
    case CAT:
        return lsaemu_wcscat_s16(d, c->size, s);
    case NCPY:
        return lsaemu_wcsncpy_s16(d, c->size, s, c->count);
    default:
        return lsaemu_wcsncat_s16(d, c->size, s, c->count);
    }
}

static void check_row(const struct str_case *c, errno_t rc)
{
    ck_assert_msg(rc == c->rc, "%s: returned %d, want %d", c->name, rc, c->rc);
    ck_assert_msg(handler_calls == (c->handler ? 1 : 0), "%s: handler ran %d times", c->name,
                  handler_calls);
    if (c->handler) {
        ck_assert_int_eq(handler_errno, c->rc);
        ck_assert_int_eq(errno, c->rc);
        ck_assert(handler_null_args);
    } else {
        ck_assert_int_eq(errno, 12345); /* untouched */
    }
}

START_TEST(test_str_s_narrow)
{
    const struct str_case *c = &str_cases[_i];
    char dst[DST];
    memset(dst, 'x', sizeof dst);
    if (c->prefill)
        memcpy(dst, c->prefill, strlen(c->prefill) + 1);
    install_counter();
    errno = 12345;
    errno_t rc = run_narrow(c, dst);
    check_row(c, rc);
    check_narrow(dst, c->after, c->want);
    remove_counter();
}
END_TEST

START_TEST(test_str_s_wide)
{
    const struct str_case *c = &str_cases[_i];
    WCHAR dst[DST];
    for (int i = 0; i < DST; i++)
        dst[i] = 'x';
    if (c->prefill)
        for (size_t i = 0; i <= strlen(c->prefill); i++)
            dst[i] = (WCHAR)c->prefill[i];
    install_counter();
    errno = 12345;
    errno_t rc = run_wide(c, dst);
    check_row(c, rc);
    check_wide(dst, c->after, c->want);
    remove_counter();
}
END_TEST

/* ---- memcpy_s / memmove_s (memcpy-s-wmemcpy-s, memmove-s-wmemmove-s) ---------- */

struct mem_case {
    const char *name;
    bool move;
    bool null_dst, null_src;
    size_t size, count;
    errno_t rc;
    bool handler;
    enum { MEM_UNTOUCHED, MEM_ZEROED, MEM_COPIED } after;
};

static const struct mem_case mem_cases[] = {
    {"cpy_ok", false, false, false, DST, 3, 0, false, MEM_COPIED},
    {"cpy_count_0_all_null", false, true, true, 0, 0, 0, false, MEM_UNTOUCHED},
    {"cpy_count_0", false, false, false, DST, 0, 0, false, MEM_UNTOUCHED},
    {"cpy_dst_null", false, true, false, DST, 3, EINVAL, true, MEM_UNTOUCHED},
    {"cpy_src_null_zeroes", false, false, true, DST, 3, EINVAL, true, MEM_ZEROED},
    {"cpy_too_small_zeroes", false, false, false, 2, 3, ERANGE, true, MEM_ZEROED},
    {"move_ok", true, false, false, DST, 3, 0, false, MEM_COPIED},
    {"move_count_0_all_null", true, true, true, 0, 0, 0, false, MEM_UNTOUCHED},
    {"move_dst_null", true, true, false, DST, 3, EINVAL, true, MEM_UNTOUCHED},
    {"move_src_null_keeps", true, false, true, DST, 3, EINVAL, true, MEM_UNTOUCHED},
    {"move_too_small_keeps", true, false, false, 2, 3, ERANGE, true, MEM_UNTOUCHED},
};

START_TEST(test_mem_s)
{
    const struct mem_case *c = &mem_cases[_i];
    char dst[DST];
    const char src[DST] = "abcdefg";
    WCHAR wdst[DST];
    const WCHAR wsrc[DST] = {'a', 'b', 'c', 'd', 'e', 'f', 'g', 0};
    for (int pass = 0; pass < 2; pass++) {
        memset(dst, 'x', sizeof dst);
        for (int i = 0; i < DST; i++)
            wdst[i] = 'x';
        install_counter();
        errno = 12345;
        errno_t rc;
        if (pass == 0) {
            void *d = c->null_dst ? NULL : dst;
            const void *s = c->null_src ? NULL : src;
            rc = c->move ? lsaemu_memmove_s(d, c->size, s, c->count)
                         : lsaemu_memcpy_s(d, c->size, s, c->count);
        } else {
            WCHAR *d = c->null_dst ? NULL : wdst;
            const WCHAR *s = c->null_src ? NULL : wsrc;
            rc = c->move ? lsaemu_wmemmove_s16(d, c->size, s, c->count)
                         : lsaemu_wmemcpy_s16(d, c->size, s, c->count);
        }
        ck_assert_msg(rc == c->rc, "%s/%d: returned %d", c->name, pass, rc);
        ck_assert_int_eq(handler_calls, c->handler ? 1 : 0);
        ck_assert_int_eq(errno, c->handler ? c->rc : 12345);
        for (size_t i = 0; i < DST; i++) {
            unsigned got = pass == 0 ? (unsigned char)dst[i] : wdst[i];
            unsigned want = 'x';
            if (c->after == MEM_ZEROED && i < c->size)
                want = 0;
            else if (c->after == MEM_COPIED && i < c->count)
                want = (unsigned)('a' + i);
            ck_assert_msg(got == want, "%s/%d: element %zu is %u, want %u", c->name, pass, i,
                          got, want);
        }
        remove_counter();
    }
}
END_TEST

/* ---- the printf_s forms (sprintf-s-..., snprintf-s-...) ------------------------ */

struct printf_case {
    const char *name;
    bool counted; /* _snprintf_s (size, count) rather than sprintf_s (size) */
    bool null_buf, null_fmt;
    size_t size, count;
    int rc;
    errno_t err; /* errno, 0 when untouched */
    bool handler;
    enum after after;
    const char *want;
};

/* The format is "AB%dC" with 123: "AB123C", 6 characters. */
static const struct printf_case printf_cases[] = {
    {"s_ok", false, false, false, DST, 0, 6, 0, false, HOLDS, "AB123C"},
    {"s_exact_fit", false, false, false, 7, 0, 6, 0, false, HOLDS, "AB123C"},
    {"s_too_small", false, false, false, 6, 0, -1, ERANGE, true, EMPTIED, NULL},
    {"s_buf_null", false, true, false, DST, 0, -1, EINVAL, true, UNTOUCHED, NULL},
    {"s_size_0", false, false, false, 0, 0, -1, EINVAL, true, UNTOUCHED, NULL},
    {"s_fmt_null", false, false, true, DST, 0, -1, EINVAL, true, EMPTIED, NULL},
    /* Wine's test_vsnwprintf_s observed these three on Windows. */
    {"n_truncate_fits", true, false, false, 7, _TRUNCATE, 6, 0, false, HOLDS, "AB123C"},
    {"n_truncate_cut", true, false, false, 6, _TRUNCATE, -1, 0, false, HOLDS, "AB123"},
    {"n_truncate_size_1", true, false, false, 1, _TRUNCATE, -1, 0, false, HOLDS, ""},
    {"n_count_cuts", true, false, false, DST, 3, -1, 0, false, HOLDS, "AB1"},
    {"n_count_fits", true, false, false, DST, 7, 6, 0, false, HOLDS, "AB123C"},
    {"n_too_small", true, false, false, 6, 6, -1, ERANGE, true, EMPTIED, NULL},
    {"n_buf_null", true, true, false, DST, 3, -1, EINVAL, true, UNTOUCHED, NULL},
    {"n_size_0", true, false, false, 0, 3, -1, EINVAL, true, UNTOUCHED, NULL},
    {"n_count_0", true, false, false, DST, 0, -1, EINVAL, true, UNTOUCHED, NULL},
    {"n_fmt_null", true, false, true, DST, 3, -1, EINVAL, true, UNTOUCHED, NULL},
};

START_TEST(test_printf_s)
{
    const struct printf_case *c = &printf_cases[_i];
    for (int wide = 0; wide < 2; wide++) {
        char buf[DST];
        WCHAR wbuf[DST];
        memset(buf, 'x', sizeof buf);
        for (int i = 0; i < DST; i++)
            wbuf[i] = 'x';
        install_counter();
        errno = 12345;
        int rc;
        if (!wide) {
            char *b = c->null_buf ? NULL : buf;
            const char *f = c->null_fmt ? NULL : "AB%dC";
            rc = c->counted ? lsaemu_snprintf_s(b, c->size, c->count, f, 123)
                            : lsaemu_sprintf_s(b, c->size, f, 123);
            check_narrow(buf, c->after, c->want);
        } else {
            WCHAR *b = c->null_buf ? NULL : wbuf;
            const WCHAR *f = c->null_fmt ? NULL : W("AB%dC");
            rc = c->counted ? lsaemu_snwprintf_s16(b, c->size, c->count, f, 123)
                            : lsaemu_swprintf_s16(b, c->size, f, 123);
            check_wide(wbuf, c->after, c->want);
        }
        ck_assert_msg(rc == c->rc, "%s/%d: returned %d, want %d", c->name, wide, rc, c->rc);
        ck_assert_int_eq(handler_calls, c->handler ? 1 : 0);
        ck_assert_int_eq(errno, c->err ? c->err : 12345);
        remove_counter();
    }
}
END_TEST

/* ---- the handler (set-invalid-parameter-handler-set-thread-local-...) ---------- */

static int thread_calls;
static void thread_handler(const wchar_t *expr, const wchar_t *func, const wchar_t *file,
                           unsigned int line, uintptr_t reserved)
{
    (void)expr, (void)func, (void)file, (void)line, (void)reserved;
    thread_calls++;
}

START_TEST(test_handler_set_get)
{
    ck_assert_ptr_null(lsaemu_get_invalid_parameter_handler());
    ck_assert_ptr_null(lsaemu_set_invalid_parameter_handler(counting_handler));
    ck_assert(lsaemu_get_invalid_parameter_handler() == counting_handler);
    ck_assert_ptr_null(lsaemu_set_thread_local_invalid_parameter_handler(thread_handler));
    ck_assert(lsaemu_get_thread_local_invalid_parameter_handler() == thread_handler);

    /* The thread's handler comes first; the process's is not called. */
    handler_calls = thread_calls = 0;
    ck_assert_int_eq(lsaemu_strcpy_s(NULL, 1, "a"), EINVAL);
    ck_assert_int_eq(thread_calls, 1);
    ck_assert_int_eq(handler_calls, 0);

    ck_assert(lsaemu_set_thread_local_invalid_parameter_handler(NULL) == thread_handler);
    ck_assert_int_eq(lsaemu_strcpy_s(NULL, 1, "a"), EINVAL);
    ck_assert_int_eq(thread_calls, 1);
    ck_assert_int_eq(handler_calls, 1);
    ck_assert(lsaemu_set_invalid_parameter_handler(NULL) == counting_handler);
}
END_TEST

/* The handler may change errno; the caller sees what it left. */
static void errno_changing_handler(const wchar_t *expr, const wchar_t *func, const wchar_t *file,
                                   unsigned int line, uintptr_t reserved)
{
    (void)expr, (void)func, (void)file, (void)line, (void)reserved;
    errno = 77;
}

START_TEST(test_handler_changes_errno)
{
    lsaemu_set_invalid_parameter_handler(errno_changing_handler);
    char d[4];
    ck_assert_int_eq(lsaemu_strcpy_s(d, sizeof d, NULL), EINVAL);
    ck_assert_int_eq(errno, 77);
    lsaemu_set_invalid_parameter_handler(NULL);
}
END_TEST

/* Every other documented invalid-parameter path calls the handler once and
 * leaves errno EINVAL (printf-printf-l-wprintf-wprintf-l: "If format is a
 * null pointer, the invalid parameter handler is invoked"; the %n format
 * "is disabled by default; if %n is encountered ... the invalid parameter
 * handler is invoked"; wcstombs-wcstombs-l, mbstowcs-mbstowcs-l,
 * wcstok-s-..., fputws, fgetws: the same for a NULL argument). */
enum { HANDLER_PATHS = 16 };

START_TEST(test_handler_paths)
{
    char n[8] = "x";
    WCHAR w[8] = {'x', 0};
    WCHAR *ctx = NULL;
    size_t r = 0;
    install_counter();
    errno = 0;
    long ret = 0;
    switch (_i) {
    case 0: ret = lsaemu_snprintf(n, sizeof n, NULL); break;
    case 1: ret = lsaemu_sprintf(NULL, "x"); break;
    case 2: ret = lsaemu_fprintf(NULL, "x"); break;
    case 3: ret = lsaemu_scprintf(NULL); break;
    case 4: ret = lsaemu_snprintf(n, sizeof n, "%n", (int *)NULL); break;
    case 5: ret = lsaemu_snprintf(n, sizeof n, "%k"); break;
    case 6: ret = lsaemu_swprintf16(w, 8, NULL); break;
    case 7: ret = lsaemu_scwprintf16(NULL); break;
    case 8: ret = lsaemu_fwprintf16(NULL, w); break;
    case 9: ret = (long)lsaemu_wcstombs16(n, NULL, sizeof n); break;
    case 10: ret = (long)lsaemu_mbstowcs16(w, NULL, 8); break;
    case 11: ret = lsaemu_wcstok_s16(NULL, W(","), &ctx) ? 0 : -1; break;
    case 12: ret = lsaemu_wcstombs_s16(&r, NULL, 4, w, 1); break;
    case 13: ret = lsaemu_wfopen_s16(NULL, W("x"), W("r")); break;
    case 14: ret = lsaemu_wcslwr_s16(NULL, 4); break;
    /* sprintf_s with %n: one handler call, not one per layer. */
    default: ret = lsaemu_sprintf_s(n, sizeof n, "%n", (int *)NULL); break;
    }
    ck_assert_msg(ret == -1 || ret == EINVAL, "path %d returned %ld", _i, ret);
    ck_assert_msg(handler_calls == 1, "path %d: handler ran %d times", _i, handler_calls);
    ck_assert_int_eq(handler_errno, EINVAL);
    ck_assert_int_eq(errno, EINVAL);
    remove_counter();
}
END_TEST

/* Deviation: with no handler installed Windows ends the process
 * (_invoke_watson, parameter-validation); lsaemu returns the documented
 * error (lsaemu_crt.h). */
START_TEST(test_deviation_default_handler_returns)
{
    ck_assert_ptr_null(lsaemu_get_invalid_parameter_handler());
    ck_assert_ptr_null(lsaemu_get_thread_local_invalid_parameter_handler());
    char d[4] = "xyz";
    errno = 0;
    ck_assert_int_eq(lsaemu_strcpy_s(d, 2, "abc"), ERANGE);
    ck_assert_int_eq(errno, ERANGE);
    ck_assert_int_eq(d[0], 0);
    errno = 0;
    ck_assert_int_eq(lsaemu_memcpy_s(d, sizeof d, NULL, 2), EINVAL);
    ck_assert_int_eq(errno, EINVAL);
}
END_TEST

/* ---- strsafe.h (nf-strsafe-stringcchcopyw and siblings) ------------------------- */

START_TEST(test_strsafe_copy_cat)
{
    WCHAR d[4];
    char n[4];
    /* cchDest 0 or above STRSAFE_MAX_CCH: invalid, nothing written. */
    d[0] = 'x';
    ck_assert_int_eq(lsaemu_StringCchCopyW(d, 0, W("a")), STRSAFE_E_INVALID_PARAMETER);
    ck_assert_uint_eq(d[0], 'x');
    ck_assert_int_eq(lsaemu_StringCchCopyW(d, (size_t)STRSAFE_MAX_CCH + 1, W("a")),
                     STRSAFE_E_INVALID_PARAMETER);
    ck_assert_uint_eq(d[0], 'x');
    /* Fits; too long: the cut result is kept, terminated. */
    ck_assert_int_eq(lsaemu_StringCchCopyW(d, 4, W("abc")), S_OK);
    check_wide(d, HOLDS, "abc");
    ck_assert_int_eq(lsaemu_StringCchCopyW(d, 4, W("abcdef")), STRSAFE_E_INSUFFICIENT_BUFFER);
    check_wide(d, HOLDS, "abc");
    ck_assert_int_eq(lsaemu_StringCchCopyA(n, 4, "abcdef"), STRSAFE_E_INSUFFICIENT_BUFFER);
    ck_assert_str_eq(n, "abc");
    ck_assert_int_eq(lsaemu_StringCchCopyNW(d, 4, W("abcdef"), 2), S_OK);
    check_wide(d, HOLDS, "ab");
    ck_assert_int_eq(lsaemu_StringCchCopyNA(n, 4, "abcdef", 5), STRSAFE_E_INSUFFICIENT_BUFFER);
    ck_assert_str_eq(n, "abc");
    /* Cat: appends; cut; a destination not terminated within cchDest. */
    ck_assert_int_eq(lsaemu_StringCchCopyW(d, 4, W("a")), S_OK);
    ck_assert_int_eq(lsaemu_StringCchCatW(d, 4, W("b")), S_OK);
    check_wide(d, HOLDS, "ab");
    ck_assert_int_eq(lsaemu_StringCchCatW(d, 4, W("cd")), STRSAFE_E_INSUFFICIENT_BUFFER);
    check_wide(d, HOLDS, "abc");
    ck_assert_int_eq(lsaemu_StringCchCatW(d, 3, W("x")), STRSAFE_E_INVALID_PARAMETER);
    check_wide(d, HOLDS, "abc");
    ck_assert_int_eq(lsaemu_StringCchCatW(d, 0, W("x")), STRSAFE_E_INVALID_PARAMETER);
    ck_assert_int_eq(lsaemu_StringCchCatNA(n, 4, "xyz", 0), S_OK);
    ck_assert_str_eq(n, "abc");
    memcpy(n, "a", 2);
    ck_assert_int_eq(lsaemu_StringCchCatNA(n, 4, "xyz", 1), S_OK);
    ck_assert_str_eq(n, "ax");
    /* Byte counts: a W buffer of 8 bytes holds 3 characters and the NUL. */
    ck_assert_int_eq(lsaemu_StringCbCopyW(d, sizeof d, W("abcdef")),
                     STRSAFE_E_INSUFFICIENT_BUFFER);
    check_wide(d, HOLDS, "abc");
    ck_assert_int_eq(lsaemu_StringCbCopyW(d, 1, W("a")), STRSAFE_E_INVALID_PARAMETER);
    ck_assert_int_eq(lsaemu_StringCbCopyA(n, sizeof n, "ab"), S_OK);
    ck_assert_int_eq(lsaemu_StringCbCatA(n, sizeof n, "c"), S_OK);
    ck_assert_str_eq(n, "abc");
    /* CbCatN: cbToAppend counts bytes, 2 of them one WCHAR. */
    ck_assert_int_eq(lsaemu_StringCchCopyW(d, 4, W("a")), S_OK);
    ck_assert_int_eq(lsaemu_StringCbCatNW(d, sizeof d, W("zz"), 2), S_OK);
    check_wide(d, HOLDS, "az");
}
END_TEST

START_TEST(test_strsafe_printf_length)
{
    WCHAR d[4];
    char n[4];
    size_t len = 99;
    ck_assert_int_eq(lsaemu_StringCchPrintfW(d, 4, W("%d"), 12), S_OK);
    check_wide(d, HOLDS, "12");
    ck_assert_int_eq(lsaemu_StringCchPrintfW(d, 4, W("%d"), 12345), STRSAFE_E_INSUFFICIENT_BUFFER);
    check_wide(d, HOLDS, "123");
    ck_assert_int_eq(lsaemu_StringCchPrintfA(n, 4, "%s-%s", "a", "bc"),
                     STRSAFE_E_INSUFFICIENT_BUFFER);
    ck_assert_str_eq(n, "a-b");
    ck_assert_int_eq(lsaemu_StringCbPrintfA(n, sizeof n, "%u", 7u), S_OK);
    ck_assert_str_eq(n, "7");
    n[0] = 'x';
    ck_assert_int_eq(lsaemu_StringCchPrintfA(n, 0, "%u", 7u), STRSAFE_E_INVALID_PARAMETER);
    ck_assert_int_eq(n[0], 'x');
    /* %s is wide in the W form, as in Microsoft's printf. */
    ck_assert_int_eq(lsaemu_StringCchPrintfW(d, 4, W("%s"), W("hi")), S_OK);
    check_wide(d, HOLDS, "hi");

    ck_assert_int_eq(lsaemu_StringCchLengthW(W("abc"), 4, &len), S_OK);
    ck_assert_uint_eq(len, 3);
    len = 99;
    ck_assert_int_eq(lsaemu_StringCchLengthW(W("abc"), 3, &len), STRSAFE_E_INVALID_PARAMETER);
    ck_assert_uint_eq(len, 0);
    len = 99;
    ck_assert_int_eq(lsaemu_StringCchLengthA("abc", (size_t)STRSAFE_MAX_CCH + 1, &len),
                     STRSAFE_E_INVALID_PARAMETER);
    ck_assert_uint_eq(len, 0);
    ck_assert_int_eq(lsaemu_StringCchLengthA("abc", 8, NULL), S_OK);
    ck_assert_int_eq(lsaemu_StringCbLengthW(W("abc"), 8, &len), S_OK);
    ck_assert_uint_eq(len, 6);
    ck_assert_int_eq(lsaemu_StringCbLengthA("abc", 4, &len), S_OK);
    ck_assert_uint_eq(len, 3);
}
END_TEST

/* Deviation: a NULL string pointer faults on Windows (the non-Ex forms do
 * not accept NULL); lsaemu refuses it without writing (lib/crt/strsafe.c). */
START_TEST(test_strsafe_deviation_null)
{
    WCHAR d[4] = {'x', 'x', 'x', 'x'};
    size_t len = 99;
    ck_assert_int_eq(lsaemu_StringCchCopyW(d, 4, NULL), STRSAFE_E_INVALID_PARAMETER);
    ck_assert_uint_eq(d[0], 'x');
    ck_assert_int_eq(lsaemu_StringCchCopyW(NULL, 4, W("a")), STRSAFE_E_INVALID_PARAMETER);
    ck_assert_int_eq(lsaemu_StringCchCatW(d, 4, NULL), STRSAFE_E_INVALID_PARAMETER);
    ck_assert_int_eq(lsaemu_StringCchPrintfW(d, 4, NULL), STRSAFE_E_INVALID_PARAMETER);
    ck_assert_uint_eq(d[0], 'x');
    /* StringCchLength of NULL is documented: invalid, *pcch = 0. */
    ck_assert_int_eq(lsaemu_StringCchLengthW(NULL, 4, &len), STRSAFE_E_INVALID_PARAMETER);
    ck_assert_uint_eq(len, 0);
}
END_TEST

START_TEST(test_strsafe_codes)
{
    /* strsafe.h's values (i13-facts B17). */
    ck_assert_int_eq(STRSAFE_E_INSUFFICIENT_BUFFER, (HRESULT)0x8007007A);
    ck_assert_int_eq(STRSAFE_E_INVALID_PARAMETER, (HRESULT)0x80070057);
    ck_assert_int_eq(STRSAFE_E_END_OF_FILE, (HRESULT)0x80070026);
    ck_assert_int_eq(STRSAFE_MAX_CCH, 2147483647);
    ck_assert(FAILED(STRSAFE_E_INSUFFICIENT_BUFFER));
    ck_assert(SUCCEEDED(S_OK));
}
END_TEST

/* ---- narrow Microsoft names (stricmp-..., strnicmp-..., strlwr-..., strupr-...) --- */

START_TEST(test_narrow_names)
{
    ck_assert_int_eq(lsaemu_stricmp("Alice", "aLICE"), 0);
    ck_assert_int_lt(lsaemu_stricmp("abc", "ABD"), 0);
    ck_assert_int_gt(lsaemu_stricmp("abcd", "ABC"), 0);
    /* The page's own example: _stricmp compares the lower-case forms, so
     * 'A' (as 'a', 0x61) sorts after '_' (0x5F), where strcmp puts it
     * before. */
    ck_assert_int_gt(lsaemu_stricmp("A", "_"), 0);
    ck_assert_int_lt(strcmp("A", "_"), 0);
    ck_assert_int_eq(lsaemu_strnicmp("ABCx", "abcy", 3), 0);
    ck_assert_int_ne(lsaemu_strnicmp("ABCx", "abcy", 4), 0);
    ck_assert_int_eq(lsaemu_strnicmp("a", "b", 0), 0);

    install_counter();
    errno = 0;
    ck_assert_int_eq(lsaemu_stricmp(NULL, "a"), _NLSCMPERROR);
    ck_assert_int_eq(errno, EINVAL);
    ck_assert_int_eq(lsaemu_strnicmp("a", NULL, 1), _NLSCMPERROR);
    ck_assert_int_eq(handler_calls, 2);
    ck_assert_ptr_null(lsaemu_strlwr(NULL));
    ck_assert_ptr_null(lsaemu_strupr(NULL));
    ck_assert_int_eq(handler_calls, 4);
    remove_counter();

    char s[] = "MiXeD-1\xC3\x89";
    ck_assert_ptr_eq(lsaemu_strlwr(s), s);
    ck_assert_str_eq(s, "mixed-1\xC3\x89");
    ck_assert_ptr_eq(lsaemu_strupr(s), s);
    ck_assert_str_eq(s, "MIXED-1\xC3\x89");
    char *d = lsaemu_strdup("copy");
    ck_assert_str_eq(d, "copy");
    free(d);
    ck_assert_ptr_null(lsaemu_strdup(NULL));
}
END_TEST

/* ---- tchar.h, windef.h, lmcons.h --------------------------------------------- */

START_TEST(test_tchar_minmax_lmcons)
{
    /* _tcsnicmp: _wcsnicmp with _UNICODE (check_crt_short), _strnicmp
     * without (check_crt). */
    ck_assert_int_eq(_tcsnicmp(_T("ALICE"), _T("alicx"), 4), 0);
    ck_assert_int_lt(_tcsnicmp(_T("ALICE"), _T("alicx"), 5), 0);
    ck_assert_int_eq(_tcsicmp(_T("Bob"), _T("bOB")), 0);
    TCHAR t[8];
    ck_assert_int_eq(_tcscpy_s(t, _countof(t), _T("abc")), 0);
    ck_assert_uint_eq(_tcslen(t), 3);
    ck_assert_int_eq(_tcscpy_s(t, 2, _T("abc")), ERANGE);
#ifdef _UNICODE
    ck_assert_uint_eq(sizeof(_TCHAR), 2);
#else
    ck_assert_uint_eq(sizeof(_TCHAR), 1);
#endif

    /* min / max: windef.h's macros (NOMINMAX not defined). */
    ck_assert_int_eq(max(3, 5), 5);
    ck_assert_int_eq(min(3, 5), 3);
    ck_assert_int_eq(max(-1, -7), -1);
    ck_assert_int_eq(min(2u, 9u), 2u);

    /* lmcons.h: the SDK's values. */
    ck_assert_int_eq(UNLEN, 256);
    ck_assert_int_eq(PWLEN, 256);
    ck_assert_int_eq(GNLEN, 256);
    ck_assert_int_eq(CNLEN, 15);
    ck_assert_int_eq(DNLEN, 15);
    ck_assert_int_eq(UNCLEN, 17);
    ck_assert_int_eq(NNLEN, 80);
    ck_assert_int_eq(LM20_UNLEN, 20);
    ck_assert_int_eq(LM20_PWLEN, 14);
    ck_assert_uint_eq(MAX_PREFERRED_LENGTH, 0xFFFFFFFFu);
}
END_TEST

/* ---- the rest of <wchar.h> on 16-bit units ------------------------------------ */

START_TEST(test_wide_more)
{
    const WCHAR *s = W("abc,;def");
    ck_assert_uint_eq(lsaemu_wcsspn16(s, W("cba")), 3);
    ck_assert_uint_eq(lsaemu_wcsspn16(s, W("")), 0);
    ck_assert_uint_eq(lsaemu_wcscspn16(s, W(";,")), 3);
    ck_assert_uint_eq(lsaemu_wcscspn16(s, W("xyz")), 8);
    ck_assert_ptr_eq(lsaemu_wcspbrk16(s, W(";d")), s + 4);
    ck_assert_ptr_null(lsaemu_wcspbrk16(s, W("xyz")));
    ck_assert_ptr_eq(lsaemu_wmemchr16(s, ',', 8), s + 3);
    ck_assert_ptr_null(lsaemu_wmemchr16(s, ',', 3));
    ck_assert_int_eq(lsaemu_wcscoll16(W("a"), W("a")), 0);
    ck_assert_int_lt(lsaemu_wcscoll16(W("a"), W("b")), 0);
    WCHAR x[4] = {'q', 'q', 'q', 'q'};
    ck_assert_uint_eq(lsaemu_wcsxfrm16(x, W("abcd"), 4), 4);
    ck_assert_uint_eq(x[0], 'q'); /* did not fit: untouched */
    ck_assert_uint_eq(lsaemu_wcsxfrm16(x, W("ab"), 4), 2);
    check_wide(x, HOLDS, "ab");
    ck_assert_uint_eq(lsaemu_wcsxfrm16(NULL, W("abc"), 0), 3);

    WCHAR *end;
    const WCHAR *num = W(" -9223372036854775808x");
    ck_assert(lsaemu_wcstoll16(num, &end, 10) == INT64_MIN);
    ck_assert_ptr_eq(end, num + 21);
    errno = 0;
    ck_assert(lsaemu_wcstoull16(W("18446744073709551616"), NULL, 10) == UINT64_MAX);
    ck_assert_int_eq(errno, ERANGE);
    ck_assert(lsaemu_wcstoull16(W("0x1F"), &end, 16) == 31);
    const WCHAR *d = W("2.5e3\u00e9");
    ck_assert(lsaemu_wcstod16(d, &end) == 2500.0);
    ck_assert_ptr_eq(end, d + 5);
    ck_assert(lsaemu_wcstof16(W("0.5"), NULL) == 0.5f);
    ck_assert(lsaemu_wcstold16(W("-1.25"), NULL) == -1.25L);
    ck_assert(lsaemu_wtof16(W("nope")) == 0.0);
    const WCHAR *none = W("\u00e91");
    ck_assert(lsaemu_wcstod16(none, &end) == 0.0);
    ck_assert_ptr_eq(end, none);
}
END_TEST

START_TEST(test_wide_streams)
{
    FILE *f = tmpfile();
    ck_assert_ptr_nonnull(f);
    /* U+00E9, U+1F600 (a pair), an unpaired high surrogate (U+FFFD). */
    const WCHAR out[] = {'a', 0xE9, 0xD83D, 0xDE00, 0xD800, '\n', 'z', 0};
    ck_assert_int_ge(lsaemu_fputws16(out, f), 0);
    ck_assert_uint_eq(lsaemu_fputwc16('!', f), '!');
    errno = 0;
    ck_assert_uint_eq(lsaemu_fputwc16(0xDC00, f), 0xFFFFFFFFu);
    ck_assert_int_eq(errno, EILSEQ);
    rewind(f);
    char raw[32];
    size_t n = fread(raw, 1, sizeof raw, f);
    const char want[] = "a\xC3\xA9\xF0\x9F\x98\x80\xEF\xBF\xBD\nz!";
    ck_assert_uint_eq(n, sizeof want - 1);
    ck_assert(memcmp(raw, want, n) == 0);

    rewind(f);
    WCHAR buf[16];
    ck_assert_ptr_eq(lsaemu_fgetws16(buf, 16, f), buf);
    const WCHAR line[] = {'a', 0xE9, 0xD83D, 0xDE00, 0xFFFD, '\n', 0};
    ck_assert(memcmp(buf, line, sizeof line) == 0);
    /* n - 1 units at most: "z" then "!". */
    ck_assert_ptr_eq(lsaemu_fgetws16(buf, 2, f), buf);
    ck_assert_uint_eq(buf[0], 'z');
    ck_assert_uint_eq(buf[1], 0);
    ck_assert_ptr_eq(lsaemu_fgetws16(buf, 16, f), buf);
    ck_assert_uint_eq(buf[0], '!');
    ck_assert_uint_eq(buf[1], 0);
    buf[0] = 'q';
    ck_assert_ptr_null(lsaemu_fgetws16(buf, 16, f)); /* at the end */
    ck_assert_uint_eq(buf[0], 'q');
    ck_assert_ptr_null(lsaemu_fgetws16(buf, 0, f));

    install_counter();
    errno = 0;
    ck_assert_ptr_null(lsaemu_fgetws16(buf, -1, f));
    ck_assert_int_eq(errno, EINVAL);
    ck_assert_ptr_null(lsaemu_fgetws16(NULL, 4, f));
    ck_assert_ptr_null(lsaemu_fgetws16(buf, 4, NULL));
    ck_assert_int_eq(lsaemu_fputws16(NULL, f), -1);
    ck_assert_uint_eq(lsaemu_fputwc16('a', NULL), 0xFFFFFFFFu);
    ck_assert_int_eq(handler_calls, 5);
    remove_counter();
    fclose(f);
}
END_TEST

/* The Windows names map to the functions above (lsaemu-win32 mode). */
START_TEST(test_names_short)
{
#if defined(LSAEMU_WCHAR_IS_WCHAR_T)
    ck_assert(LSAEMU_CRT_NAMES);
    ck_assert(LSAEMU_PRINTF_NAMES);
    char n[8];
    WCHAR d[8];
    ck_assert_int_eq(strcpy_s(n, sizeof n, "abc"), 0);
    ck_assert_int_eq(strncat_s(n, sizeof n, "defgh", _TRUNCATE), STRUNCATE);
    ck_assert_str_eq(n, "abcdefg");
    ck_assert_int_eq(memcpy_s(n, 2, "xyz", 3), ERANGE);
    ck_assert_int_eq(n[0], 0);
    ck_assert_int_eq(wcscpy_s(d, 8, L"ab"), 0);
    ck_assert_int_eq(wcsncat_s(d, 8, L"cdef", 2), 0);
    ck_assert_uint_eq(wcslen(d), 4);
    ck_assert_int_eq(_snwprintf_s(d, 8, _TRUNCATE, L"%s!", L"wide words"), -1);
    ck_assert_uint_eq(wcslen(d), 7);
    ck_assert_int_eq(_snprintf_s(n, 8, 2, "%d", 1234), -1);
    ck_assert_str_eq(n, "12");
    ck_assert_uint_eq(wcscspn(L"abc;d", L";"), 3);
    ck_assert_uint_eq(wcsspn(L"aab", L"a"), 2);
    ck_assert_ptr_nonnull(wcspbrk(L"abc", L"c"));
    ck_assert(wcstod(L"1.5", NULL) == 1.5);
    ck_assert(wcstoll(L"-42", NULL, 10) == -42);
    ck_assert(_wcstoi64(L"42", NULL, 10) == 42);
    ck_assert_int_eq(_stricmp("A", "a"), 0);
    ck_assert_int_eq(_wcsnicmp(L"AB", L"ab", 2), 0);
    ck_assert_int_eq(StringCchCopy(d, 8, L"tchar"), S_OK);
    ck_assert_uint_eq(wcslen(d), 5);
    ck_assert(_set_invalid_parameter_handler(NULL) == NULL);
#else
    /* 32-bit wchar_t: the ISO names stay glibc's. */
    ck_assert_uint_eq(wcscspn(L"abc;d", L";"), 3);
#endif
}
END_TEST

static Suite *crt_suite(void)
{
    Suite *s = suite_create("crt");
    TCase *t = tcase_create("secure");
    tcase_add_loop_test(t, test_str_s_narrow, 0, (int)(sizeof str_cases / sizeof *str_cases));
    tcase_add_loop_test(t, test_str_s_wide, 0, (int)(sizeof str_cases / sizeof *str_cases));
    tcase_add_loop_test(t, test_mem_s, 0, (int)(sizeof mem_cases / sizeof *mem_cases));
    tcase_add_loop_test(t, test_printf_s, 0,
                        (int)(sizeof printf_cases / sizeof *printf_cases));
    suite_add_tcase(s, t);
    t = tcase_create("handler");
    tcase_add_test(t, test_handler_set_get);
    tcase_add_test(t, test_handler_changes_errno);
    tcase_add_loop_test(t, test_handler_paths, 0, HANDLER_PATHS);
    tcase_add_test(t, test_deviation_default_handler_returns);
    suite_add_tcase(s, t);
    t = tcase_create("strsafe");
    tcase_add_test(t, test_strsafe_copy_cat);
    tcase_add_test(t, test_strsafe_printf_length);
    tcase_add_test(t, test_strsafe_deviation_null);
    tcase_add_test(t, test_strsafe_codes);
    suite_add_tcase(s, t);
    t = tcase_create("names");
    tcase_add_test(t, test_narrow_names);
    tcase_add_test(t, test_tchar_minmax_lmcons);
    tcase_add_test(t, test_wide_more);
    tcase_add_test(t, test_wide_streams);
    tcase_add_test(t, test_names_short);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return tu_run_suite(crt_suite());
}
