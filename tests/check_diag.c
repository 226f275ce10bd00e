/* SPDX-License-Identifier: MIT */
/*
 * The diagnostic lines and their destinations (lib/core/diag/diag_line.h,
 * lib/core/diag/diag_out.h), under LSAEMU_TRACE, LSAEMU_AUDIT and LSAEMU_LEAKS:
 * the trace's and JSON's escaping of every kind of character, lines of any
 * length, lines built when memory runs out (complete when they have a sink,
 * the loss counted when not), and the one warning of a destination that
 * cannot be opened or written.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/diag/trace.h"
#include "core/diag/diag_line.h"
#include "core/diag/diag_out.h"
#include "base/mem.h"
#include "testutil.h"
#include "lsa_helpers.h"

/* ---- Escaping ------------------------------------------------------------ */

struct escape_case {
    const char *what;
    const char *in;
    size_t len; /* 0: strlen(in) */
    const char *trace, *json;
};

static const struct escape_case escapes[] = {
    {"plain ASCII", "alice@WS1 x", 0, "alice@WS1 x", "alice@WS1 x"},
    {"line feed", "a\nb", 0, "a\\nb", "a\\nb"},
    {"carriage return and tab", "\r\t", 0, "\\r\\t", "\\r\\t"},
    {"ESC sequence", "\x1b[31mred", 0, "\\x1b[31mred", "\\u001b[31mred"},
    {"DEL", "\x7f", 0, "\\x7f", "\\u007f"},
    {"NUL inside a counted string", "a\0b", 3, "a\\x00b", "a\\u0000b"},
    {"backspace, form feed, 0x1f", "\b\f\x1f", 0, "\\x08\\x0c\\x1f", "\\b\\f\\u001f"},
    {"quote and backslash", "\"WS1\\alice\"", 0, "\"WS1\\alice\"", "\\\"WS1\\\\alice\\\""},
    {"C1 control U+0085", "x\xc2\x85y", 0, "x\\u0085y", "x\\u0085y"},
    {"C1 control U+009F", "\xc2\x9f", 0, "\\u009f", "\\u009f"},
    {"U+00A0 is not a control", "\xc2\xa0", 0, "\xc2\xa0", "\xc2\xa0"},
    {"U+2028 LINE SEPARATOR", "\xe2\x80\xa8", 0, "\\u2028", "\\u2028"},
    {"U+2029 PARAGRAPH SEPARATOR", "\xe2\x80\xa9", 0, "\\u2029", "\\u2029"},
    {"valid UTF-8 of 2, 3 and 4 bytes", "\xc3\xa9\xe2\x82\xac\xf0\x9d\x84\x9e", 0,
     "\xc3\xa9\xe2\x82\xac\xf0\x9d\x84\x9e", "\xc3\xa9\xe2\x82\xac\xf0\x9d\x84\x9e"},
    {"unpaired high surrogate", "a\xed\xa0\x80", 0, "a\\ud800", "a\\ud800"},
    {"unpaired low surrogate", "\xed\xbf\xbf", 0, "\\udfff", "\\udfff"},
    {"a stray byte", "a\xff", 0, "a\\xff", "a\\ufffd"},
    {"an overlong slash", "\xc0\xaf", 0, "\\xc0\\xaf", "\\ufffd\\ufffd"},
    {"a sequence cut by the end", "\xe2\x82", 0, "\\xe2\\x82", "\\ufffd"},
    {"a sequence cut by ASCII", "\xf0\x9f\x98x", 0, "\\xf0\\x9f\\x98x", "\\ufffdx"},
    {"above U+10FFFF", "\xf4\x90\x80\x80", 0, "\\xf4\\x90\\x80\\x80",
     "\\ufffd\\ufffd\\ufffd\\ufffd"},
    {"a continuation byte alone", "\x80", 0, "\\x80", "\\ufffd"},
    {"a forged second trace line", "x\nlsaemu[1] tid=1 F() = STATUS_SUCCESS (0x00000000)", 0,
     "x\\nlsaemu[1] tid=1 F() = STATUS_SUCCESS (0x00000000)",
     "x\\nlsaemu[1] tid=1 F() = STATUS_SUCCESS (0x00000000)"},
};
#define N_ESCAPES (sizeof escapes / sizeof escapes[0])

static void check_line(const struct diag_line *l, const char *want, const char *what)
{
    ck_assert_msg(l->len == strlen(want) && memcmp(l->buf, want, l->len) == 0,
                  "%s: got \"%.*s\", want \"%s\"", what, (int)l->len, l->buf, want);
    ck_assert_uint_eq(l->lost, 0);
}

START_TEST(test_diag_escape)
{
    const struct escape_case *c = &escapes[_i];
    size_t len = c->len ? c->len : strlen(c->in);
    struct diag_line l;
    diag_line_init(&l, NULL);
    diag_line_text(&l, c->in, len);
    check_line(&l, c->trace, c->what);
    diag_line_free(&l);
    diag_line_json(&l, c->in, len);
    check_line(&l, c->json, c->what);
    diag_line_free(&l);
}
END_TEST

/* ---- Length -------------------------------------------------------------- */

START_TEST(test_diag_long_line)
{
    /* 1 MiB of "a\n": the line leaves its inline room, doubles, and keeps
     * every byte, escaped. */
    size_t n = 1u << 20;
    char *in = malloc(n);
    ck_assert_ptr_nonnull(in);
    for (size_t i = 0; i < n; i += 2) {
        in[i] = 'a';
        in[i + 1] = '\n';
    }
    struct diag_line l;
    diag_line_init(&l, NULL);
    diag_line_put(&l, "[", 1);
    diag_line_text(&l, in, n);
    diag_line_printf(&l, "]%zu", n);
    ck_assert_uint_eq(l.len, 1 + n / 2 * 3 + 1 + strlen("1048576"));
    ck_assert_uint_eq(l.lost, 0);
    ck_assert(l.buf != l.small);
    ck_assert_int_eq(l.buf[0], '[');
    for (size_t i = 0; i < n / 2; i++)
        ck_assert(memcmp(l.buf + 1 + 3 * i, "a\\n", 3) == 0);
    ck_assert(memcmp(l.buf + 1 + n / 2 * 3, "]1048576", 8) == 0);
    diag_line_free(&l);
    ck_assert(l.buf == l.small && l.len == 0);
    free(in);
}
END_TEST

START_TEST(test_diag_printf_grows)
{
    /* A formatted piece longer than the room left goes to the heap whole. */
    char big[3000];
    memset(big, 'z', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    struct diag_line l;
    diag_line_init(&l, NULL);
    diag_line_printf(&l, "<%s>", big);
    ck_assert_uint_eq(l.len, sizeof big + 1);
    ck_assert_int_eq(l.buf[0], '<');
    ck_assert_int_eq(l.buf[l.len - 1], '>');
    ck_assert_int_eq(l.buf[1500], 'z');
    diag_line_free(&l);
}
END_TEST

/* ---- Out of memory ------------------------------------------------------- */

START_TEST(test_diag_oom_without_sink)
{
    /* What fits inline still goes in; what needs the heap is counted. */
    char big[5000];
    memset(big, 'q', sizeof big);
    struct diag_line l;
    diag_line_init(&l, NULL);
    mem_fail_after(0);
    diag_line_put(&l, "head ", 5);
    diag_line_text(&l, big, sizeof big);
    diag_line_printf(&l, "%.*s", 2000, big);
    mem_fail_reset();
    ck_assert_uint_eq(l.len + l.lost, 5 + sizeof big + 2000);
    ck_assert_uint_ge(l.lost, 2000);
    ck_assert(memcmp(l.buf, "head ", 5) == 0);
    diag_line_free(&l);
    ck_assert_uint_eq(l.lost, 0);
}
END_TEST

/* Reads the whole file at path into a malloc'd buffer; *n its length. */
static char *slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    ck_assert_ptr_nonnull(f);
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap);
    ck_assert_ptr_nonnull(buf);
    size_t got;
    while ((got = fread(buf + len, 1, cap - len, f)) > 0) {
        len += got;
        if (len == cap) {
            cap *= 2;
            buf = realloc(buf, cap);
            ck_assert_ptr_nonnull(buf);
        }
    }
    fclose(f);
    *n = len;
    return buf;
}

START_TEST(test_diag_oom_with_sink)
{
    /* A line with a sink, built while every allocation fails, reaches the
     * file whole, in several writes. */
    char path[] = "/tmp/lsaemu-diag-XXXXXX";
    int tmp = mkstemp(path);
    ck_assert_int_ge(tmp, 0);
    close(tmp);
    ck_assert_int_eq(setenv("LSAEMU_DIAG_TEST", path, 1), 0);
    struct diag_out out = DIAG_OUT_INIT("LSAEMU_DIAG_TEST", "testing is off");
    diag_out_open(&out);
    ck_assert(diag_out_on(&out));

    size_t n = 10000;
    char *in = malloc(n);
    ck_assert_ptr_nonnull(in);
    for (size_t i = 0; i < n; i++)
        in[i] = i % 10 == 9 ? '\x1b' : (char)('0' + i % 10);
    struct diag_line l;
    diag_line_init(&l, &out);
    mem_fail_after(0);
    diag_line_put(&l, "{", 1);
    diag_line_text(&l, in, n);
    diag_line_put(&l, "}\n", 2);
    mem_fail_reset();
    ck_assert(l.buf == l.small);
    diag_out_write(&out, l.buf, l.len);
    diag_line_free(&l);

    size_t got_len;
    char *got = slurp(path, &got_len);
    size_t want_len = 1 + n / 10 * (9 + 4) + 2;
    ck_assert_uint_eq(got_len, want_len);
    ck_assert(got[0] == '{' && memcmp(got + got_len - 2, "}\n", 2) == 0);
    for (size_t k = 0; k < n / 10; k++)
        ck_assert(memcmp(got + 1 + 13 * k, "012345678\\x1b", 13) == 0);
    ck_assert(diag_out_on(&out));
    free(got);
    free(in);
    close(out.fd);
    unlink(path);
    unsetenv("LSAEMU_DIAG_TEST");
}
END_TEST

/* ---- Destinations and their warning --------------------------------------- */

/* Runs fn with stderr sent to a file; returns what it wrote (malloc'd). */
static char *capture_stderr(void (*fn)(void *), void *arg)
{
    char path[] = "/tmp/lsaemu-diag-err-XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    fflush(stderr);
    int saved = dup(STDERR_FILENO);
    ck_assert_int_ge(saved, 0);
    ck_assert_int_ge(dup2(fd, STDERR_FILENO), 0);
    fn(arg);
    fflush(stderr);
    dup2(saved, STDERR_FILENO);
    close(saved);
    close(fd);
    size_t n;
    char *text = slurp(path, &n);
    text = realloc(text, n + 1);
    ck_assert_ptr_nonnull(text);
    text[n] = '\0';
    unlink(path);
    return text;
}

static void open_and_write_twice(void *arg)
{
    struct diag_out *o = arg;
    diag_out_open(o);
    diag_out_write(o, "one\n", 4);
    diag_out_write(o, "two\n", 4);
}

START_TEST(test_diag_open_fails)
{
    ck_assert_int_eq(setenv("LSAEMU_DIAG_TEST", "/nonexistent-lsaemu/dir/x", 1), 0);
    struct diag_out out = DIAG_OUT_INIT("LSAEMU_DIAG_TEST", "testing is off");
    errno = 1234;
    char *err = capture_stderr(open_and_write_twice, &out);
    ck_assert_int_eq(errno, 1234);
    ck_assert_str_eq(err, "lsaemu: LSAEMU_DIAG_TEST=/nonexistent-lsaemu/dir/x: cannot open: "
                          "No such file or directory; testing is off\n");
    ck_assert(!diag_out_on(&out));
    free(err);
    unsetenv("LSAEMU_DIAG_TEST");
}
END_TEST

START_TEST(test_diag_write_fails_once)
{
    if (access("/dev/full", W_OK) != 0)
        return;
    ck_assert_int_eq(setenv("LSAEMU_DIAG_TEST", "/dev/full", 1), 0);
    struct diag_out out = DIAG_OUT_INIT("LSAEMU_DIAG_TEST", "testing is off");
    errno = 1234;
    char *err = capture_stderr(open_and_write_twice, &out);
    ck_assert_int_eq(errno, 1234);
    ck_assert_str_eq(err, "lsaemu: LSAEMU_DIAG_TEST=/dev/full: cannot write: "
                          "No space left on device; testing is off\n");
    ck_assert(!diag_out_on(&out));
    free(err);
    close(out.fd);
    unsetenv("LSAEMU_DIAG_TEST");
}
END_TEST

START_TEST(test_diag_unset_is_off)
{
    unsetenv("LSAEMU_DIAG_TEST");
    struct diag_out out = DIAG_OUT_INIT("LSAEMU_DIAG_TEST", "testing is off");
    char *err = capture_stderr(open_and_write_twice, &out);
    ck_assert_str_eq(err, "");
    ck_assert(!diag_out_on(&out));
    free(err);
    /* Empty is unset too. */
    ck_assert_int_eq(setenv("LSAEMU_DIAG_TEST", "", 1), 0);
    struct diag_out empty = DIAG_OUT_INIT("LSAEMU_DIAG_TEST", "testing is off");
    err = capture_stderr(open_and_write_twice, &empty);
    ck_assert_str_eq(err, "");
    ck_assert(!diag_out_on(&empty));
    free(err);
    unsetenv("LSAEMU_DIAG_TEST");
}
END_TEST

/* One convention for LSAEMU_TRACE, LSAEMU_AUDIT and LSAEMU_LEAKS (README,
 * "Environment variables"): a value is off, stderr or a file. */
static const struct {
    const char *value;
    enum diag_dest dest;
} dest_cases[] = {
    {NULL, DIAG_DEST_OFF},       {"", DIAG_DEST_OFF},          {"0", DIAG_DEST_OFF},
    {"1", DIAG_DEST_STDERR},     {"stderr", DIAG_DEST_STDERR}, {"./1", DIAG_DEST_FILE},
    {"/tmp/x", DIAG_DEST_FILE},  {"01", DIAG_DEST_FILE},       {"STDERR", DIAG_DEST_FILE},
    {"fatal", DIAG_DEST_FILE},
};

START_TEST(test_diag_dest_convention)
{
    ck_assert_msg(diag_dest_of(dest_cases[_i].value) == dest_cases[_i].dest, "value %s",
                  dest_cases[_i].value ? dest_cases[_i].value : "(unset)");
}
END_TEST

/* LSAEMU_TRACE=1 is stderr, as LSAEMU_LEAKS=1 is: it creates no file "1". */
START_TEST(test_diag_one_is_stderr)
{
    char dir[] = "/tmp/lsaemu-diag-one-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    int cwd = open(".", O_RDONLY | O_DIRECTORY);
    ck_assert_int_ge(cwd, 0);
    ck_assert_int_eq(chdir(dir), 0);
    ck_assert_int_eq(setenv("LSAEMU_DIAG_TEST", "1", 1), 0);
    struct diag_out out = DIAG_OUT_INIT("LSAEMU_DIAG_TEST", "testing is off");
    char *err = capture_stderr(open_and_write_twice, &out);
    ck_assert(diag_out_on(&out));
    ck_assert_str_eq(err, "one\ntwo\n");
    free(err);
    ck_assert_int_eq(access("1", F_OK), -1);
    ck_assert_int_eq(fchdir(cwd), 0);
    close(cwd);
    ck_assert_int_eq(rmdir(dir), 0);
    unsetenv("LSAEMU_DIAG_TEST");
}
END_TEST

/* ---- The trace's own pieces ------------------------------------------------ */

START_TEST(test_diag_trace_call_line)
{
    /* One traced call through trace_args()/trace_wstr()/trace_call(): a
     * counted UTF-16 string with U+0000 and an unpaired surrogate inside,
     * and a reason with a line feed, make exactly one line. The
     * destination is read at the first traced call, which is this one. */
    char path[] = "/tmp/lsaemu-diag-trace-XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    close(fd);
    ck_assert_int_eq(setenv("LSAEMU_TRACE", path, 1), 0);
    ck_assert(trace_enabled());
    const uint16_t units[] = {'a', 0, 'b', 0xD800, 'c', 0};
    trace_args("user \"%s\", %s, %s", trace_wstr(units, 5), trace_wstrz(NULL, 10),
               trace_wstrz(units + 2, 10));
    trace_call("F", 0, "line\nbreak");
    size_t n;
    char *got = slurp(path, &n);
    const char *tail = " F(user \"a\\x00b\\ud800c\", (null), b\\ud800c) = STATUS_SUCCESS "
                       "(0x00000000): line\\nbreak\n";
    ck_assert_uint_ge(n, strlen(tail));
    ck_assert(memcmp(got, "lsaemu[", 7) == 0);
    ck_assert_msg(memcmp(got + n - strlen(tail), tail, strlen(tail)) == 0, "got %.*s", (int)n,
                  got);
    ck_assert_ptr_eq(memchr(got, '\n', n), got + n - 1);
    free(got);
    unlink(path);
    unsetenv("LSAEMU_TRACE");
}
END_TEST

/* A BOOL function that succeeds with a last error (AdjustTokenPrivileges:
 * ERROR_NOT_ALL_ASSIGNED) shows both; TRUE with 0 shows just TRUE. */
START_TEST(test_diag_trace_bool_line)
{
    if (th_nofork())
        return; /* the trace file is opened once per process */
    char path[] = "/tmp/lsaemu-diag-trace-XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    close(fd);
    ck_assert_int_eq(setenv("LSAEMU_TRACE", path, 1), 0);
    ck_assert(trace_enabled());
    trace_call_bool("F", 0x00000106, "some not held", true, 1300);
    trace_call_bool("G", 0, "", true, 0);
    trace_call_bool("H", 0, "", false, 123456);
    size_t n;
    char *got = slurp(path, &n);
    ck_assert_ptr_nonnull(strstr(got, " F() = STATUS_NOT_ALL_ASSIGNED (0x00000106) -> TRUE "
                                      "(1300 ERROR_NOT_ALL_ASSIGNED): some not held\n"));
    ck_assert_ptr_nonnull(strstr(got, " G() = STATUS_SUCCESS (0x00000000) -> TRUE\n"));
    ck_assert_ptr_nonnull(strstr(got, " H() = STATUS_SUCCESS (0x00000000) -> FALSE (123456 ?)\n"));
    free(got);
    unlink(path);
    unsetenv("LSAEMU_TRACE");
}
END_TEST

static Suite *make_diag_suite(void)
{
    Suite *s = suite_create("diag");
    TCase *tc = tcase_create("escape");
    tcase_add_loop_test(tc, test_diag_escape, 0, N_ESCAPES);
    suite_add_tcase(s, tc);

    tc = tcase_create("length");
    tcase_add_test(tc, test_diag_long_line);
    tcase_add_test(tc, test_diag_printf_grows);
    tcase_add_test(tc, test_diag_oom_without_sink);
    tcase_add_test(tc, test_diag_oom_with_sink);
    suite_add_tcase(s, tc);

    tc = tcase_create("destination");
    tcase_add_test(tc, test_diag_open_fails);
    tcase_add_test(tc, test_diag_write_fails_once);
    tcase_add_test(tc, test_diag_unset_is_off);
    tcase_add_loop_test(tc, test_diag_dest_convention, 0,
                        (int)(sizeof dest_cases / sizeof dest_cases[0]));
    tcase_add_test(tc, test_diag_one_is_stderr);
    suite_add_tcase(s, tc);

    tc = tcase_create("trace");
    tcase_add_test(tc, test_diag_trace_call_line);
    tcase_add_test(tc, test_diag_trace_bool_line);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return tu_run_suite(make_diag_suite()); }
