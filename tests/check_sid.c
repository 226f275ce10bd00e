/* SPDX-License-Identifier: MIT */
/* SID values: parsing, formatting, comparison (lib/core/model/sid.c). */
#include <stdlib.h>
#include <string.h>

#include "core/model/sid.h"
#include "testutil.h"

static const struct {
    const char *text;
    bool valid;
    const char *canonical; /* NULL: same as text */
} rows[] = {
    {"S-1-5-18", true, NULL},
    {"S-1-5-32-544", true, NULL},
    {"s-1-5-32-545", true, "S-1-5-32-545"},
    {"S-1-5-21-1000-2000-3000-1001", true, NULL},
    {"S-1-5", true, NULL},
    {"S-1-16-8192", true, NULL},
    {"S-1-0x123456789ABC-1", true, "S-1-0x123456789ABC-1"},
    {"S-1-5-4294967295", true, NULL},
    {"S-1-5-1-2-3-4-5-6-7-8-9-10-11-12-13-14-15", true, NULL},
    {"S-1-5-1-2-3-4-5-6-7-8-9-10-11-12-13-14-15-16", false, NULL},
    {"S-1-5-4294967296", false, NULL},
    {"S-2-5-18", false, NULL},
    {"S-1--5", false, NULL},
    {"S-1-5-", false, NULL},
    {"S-1-5-18x", false, NULL},
    {"S-1-5--18", false, NULL},
    {"S-1-+5-18", false, NULL},
    {"X-1-5-18", false, NULL},
    {"S1518", false, NULL},
    {"", false, NULL},
    {"S-1-281474976710656", false, NULL},
};

START_TEST(parse_row)
{
    struct sid s;
    bool ok = sid_parse(rows[_i].text, &s);
    ck_assert_msg(ok == rows[_i].valid, "%s: parse gave %d", rows[_i].text, ok);
    if (ok) {
        char buf[SID_STRING_MAX];
        const char *want = rows[_i].canonical ? rows[_i].canonical : rows[_i].text;
        ck_assert_str_eq(sid_format(&s, buf), want);
        ck_assert_uint_eq(sid_size(&s), 8 + 4 * (size_t)s.count);
    }
}
END_TEST

START_TEST(equality_and_children)
{
    struct sid a, b, base;
    ck_assert(sid_parse("S-1-5-21-1-2-3-1001", &a));
    ck_assert(sid_parse("S-1-5-21-1-2-3-1001", &b));
    ck_assert(sid_parse("S-1-5-21-1-2-3", &base));
    ck_assert(sid_equal(&a, &b));
    ck_assert_uint_eq(sid_hash(&a), sid_hash(&b));
    ck_assert(sid_is_child_of(&a, &base));
    ck_assert(!sid_is_child_of(&base, &a));
    ck_assert_uint_eq(sid_last_rid(&a), 1001);
    struct sid c = sid_append(&base, 1001);
    ck_assert(sid_equal(&a, &c));
    struct sid d = sid_make2(5, 32, 544);
    char buf[SID_STRING_MAX];
    ck_assert_str_eq(sid_format(&d, buf), "S-1-5-32-544");
    ck_assert(!sid_equal(&a, &d));
    ck_assert_uint_eq(sid_authority(&d), 5);
}
END_TEST

START_TEST(windows_layout)
{
    /* The first sid_size() bytes are a Windows SID: revision, count,
     * big-endian 6-byte authority, little-endian sub-authorities. */
    struct sid s = sid_make2(5, 32, 544);
    const unsigned char *p = (const unsigned char *)&s;
    ck_assert_uint_eq(p[0], 1);
    ck_assert_uint_eq(p[1], 2);
    ck_assert_uint_eq(p[7], 5);
    uint32_t sub1;
    memcpy(&sub1, p + 12, 4);
    ck_assert_uint_eq(sub1, 544);
}
END_TEST

static Suite *make_sid_suite(void)
{
    Suite *s = suite_create("sid");
    TCase *tc = tcase_create("sid");
    tcase_add_loop_test(tc, parse_row, 0, sizeof rows / sizeof rows[0]);
    tcase_add_test(tc, equality_and_children);
    tcase_add_test(tc, windows_layout);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run_suite(make_sid_suite());
}
