/* SPDX-License-Identifier: MIT */
/*
 * The status tables (lib/core/model/status.c, status_table.c): NTSTATUS -> Win32
 * for every row of Wine's table (tests/data/ntstatus-to-win32.tsv) and of the
 * mingw-w64 name list (tests/data/ntstatus-mingw-to-win32.tsv), the special
 * rules of RtlNtStatusToDosErrorNoTeb, names both ways, the logon quick
 * reference of reference/README.md, and the shape of the generated tables.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <check.h>

#define WIN32_NO_STATUS
#include <windows.h>
#undef WIN32_NO_STATUS
#include <ntstatus.h>

#include "core/model/status.h"
#include "testutil.h"

/* ---- TSV reading -------------------------------------------------------------- */

#define MAX_FIELDS 8

/*
 * Calls row(fields, nfields, line_number) for every data line of a file under
 * tests/ and returns how many there were. Splits in place on tabs.
 */
static unsigned for_each_tsv_row(const char *relative, void (*row)(char **f, int n, unsigned line))
{
    const char *path = tu_path(relative);
    FILE *fp = fopen(path, "r");
    char buf[1024];
    unsigned line = 0, rows = 0;

    ck_assert_msg(fp != NULL, "cannot open %s", path);
    while (fgets(buf, sizeof buf, fp) != NULL) {
        char *f[MAX_FIELDS];
        int n = 0;
        char *p = buf;

        line++;
        buf[strcspn(buf, "\r\n")] = '\0';
        if (line == 1 || buf[0] == '\0')
            continue;
        f[n++] = p;
        while (n < MAX_FIELDS && (p = strchr(p, '\t')) != NULL) {
            *p++ = '\0';
            f[n++] = p;
        }
        row(f, n, line);
        rows++;
    }
    fclose(fp);
    return rows;
}

static uint32_t parse_u32(const char *text, unsigned line)
{
    char *end;
    unsigned long v = strtoul(text, &end, 0);

    ck_assert_msg(*text != '\0' && *end == '\0' && v <= 0xFFFFFFFFul, "line %u: bad number '%s'",
                  line, text);
    return (uint32_t)v;
}

/* ---- Wine's table, row by row --------------------------------------------------- */

/* Names whose value differs between mingw-w64 (which wins) and Wine's table. */
static bool name_disputed(const char *name)
{
    return strcmp(name, "STATUS_PKU2U_CERT_FAILURE") == 0 ||
           strcmp(name, "STATUS_GRAPHICS_DRIVER_MISMATCH") == 0;
}

/* ntstatus_value, ntstatus_name, win32_value, win32_name, win32_hex, aliases */
static void wine_row(char **f, int n, unsigned line)
{
    ck_assert_msg(n >= 5, "line %u: %d fields", line, n);
    uint32_t status = parse_u32(f[0], line);
    uint32_t want = parse_u32(f[4], line);
    uint32_t got = status_to_win32((int32_t)status);

    ck_assert_msg(got == want, "line %u: %s (0x%08X) maps to 0x%08X (%s), want 0x%08X (%s)", line,
                  f[1], (unsigned)status, (unsigned)got, tu_win32_name(got), (unsigned)want, f[3]);
    ck_assert_msg(parse_u32(f[2], line) == want, "line %u: win32_value and win32_hex differ", line);

    if (f[1][0] != '\0' && !name_disputed(f[1])) {
        int32_t v = 0;

        ck_assert_msg(status_by_name(f[1], &v), "line %u: %s unknown", line, f[1]);
        ck_assert_msg((uint32_t)v == status, "line %u: %s is 0x%08X, want 0x%08X", line, f[1],
                      (unsigned)v, (unsigned)status);
        ck_assert_msg(status_name((int32_t)status) != NULL, "line %u: 0x%08X has no name", line,
                      (unsigned)status);
    }
    if (want != 0)
        ck_assert_msg(status_win32_name(want) != NULL, "line %u: no name for code 0x%08X", line,
                      (unsigned)want);
}

START_TEST(test_status_every_wine_row)
{
    unsigned rows = for_each_tsv_row("data/ntstatus-to-win32.tsv", wine_row);

    ck_assert_uint_eq(rows, 3129);
}
END_TEST

/* ntstatus_name, ntstatus_value, win32_value, win32_name, rule */
static void mingw_row(char **f, int n, unsigned line)
{
    ck_assert_msg(n >= 5, "line %u: %d fields", line, n);
    uint32_t status = parse_u32(f[1], line);
    uint32_t want = parse_u32(f[2], line);
    uint32_t got = status_to_win32((int32_t)status);
    int32_t v = 0;

    ck_assert_msg(got == want, "line %u: %s (rule %s) maps to %u, want %u", line, f[0], f[4],
                  (unsigned)got, (unsigned)want);
    /* Every mingw-w64 name is known, with mingw-w64's value. */
    ck_assert_msg(status_by_name(f[0], &v) && (uint32_t)v == status, "line %u: %s by name", line,
                  f[0]);
    if (strcmp(f[4], "zero") == 0)
        ck_assert_uint_eq(got, 0);
    else if (strcmp(f[4], "not-in-table") == 0)
        ck_assert_uint_eq(got, 317);
    else if (strcmp(f[4], "hiword-c001") == 0)
        ck_assert_uint_eq(got, status & 0xFFFFu);
}

START_TEST(test_status_every_mingw_row)
{
    unsigned rows = for_each_tsv_row("data/ntstatus-mingw-to-win32.tsv", mingw_row);

    ck_assert_uint_eq(rows, 1797);
}
END_TEST

/* ---- The special rules ---------------------------------------------------------- */

struct rule_row {
    const char *name;
    uint32_t status;
    uint32_t win32;
};

static const struct rule_row rule_rows[] = {
    {"success", 0x00000000u, 0},
    {"STATUS_WAIT_0 is success", (uint32_t)STATUS_WAIT_0, 0},
    {"customer bit, error", 0xE0001234u, 0xE0001234u},
    {"customer bit, success", 0x20000001u, 0x20000001u},
    {"customer bit, informational", 0x60000005u, 0x60000005u},
    {"customer bit, warning", 0xA0000000u, 0xA0000000u},
    {"customer bit, nibble F", 0xF0000022u, 0xF0000022u},
    {"0xD folds to 0xC (access denied)", 0xD0000022u, 5},
    {"0xD folds to 0xC (logon failure)", 0xD000006Du, 1326},
    {"no folding for 0x1", 0x10000022u, 317},
    {"no folding for 0x9", 0x90000005u, 317},
    {"0xC001 low word", 0xC0010005u, 5},
    {"HRESULT_FROM_WIN32", 0x80070005u, 5},
    {"NTSTATUS_FROM_WIN32", 0xC0070005u, 5},
    {"NTSTATUS_FROM_WIN32 of logon failure", 0xC007052Eu, 1326},
    {"0xD007 folds to 0xC007", 0xD0070005u, 5},
    {"unassigned facility", 0xC0FF0000u, 317},
    {"beyond every range", 0xFFFF0000u & 0xDFFFFFFFu, 317},
    {"out of range, success class", 0x00000129u, 317},
    {"STATUS_WAIT_1", 0x00000001u, 731},
    {"STATUS_WAIT_3", 0x00000003u, 733},
    {"STATUS_WAIT_4 unmapped", 0x00000004u, 317},
    {"STATUS_WAIT_62 unmapped", 0x0000003Eu, 317},
    {"STATUS_TIMEOUT is ERROR_TIMEOUT", 0x00000102u, 1460},
    {"STATUS_PENDING", 0x00000103u, 997},
    {"STATUS_MORE_ENTRIES", 0x00000105u, 234},
    {"STATUS_SOME_NOT_MAPPED", 0x00000107u, 1301},
    {"STATUS_BUFFER_OVERFLOW", 0x80000005u, 234},
    {"STATUS_NO_MORE_ENTRIES", 0x8000001Au, 259},
    {"STATUS_WRONG_PASSWORD", 0xC000006Au, 86},
    {"STATUS_NAME_TOO_LONG", 0xC0000106u, 206},
    {"STATUS_PORT_CONNECTION_REFUSED", 0xC0000041u, 5},
    {"STATUS_ACCESS_VIOLATION", 0xC0000005u, 998},
    {"STATUS_GUARD_PAGE_VIOLATION passes through", 0x80000001u, 0x80000001u},
    {"STATUS_BREAKPOINT passes through", 0x80000003u, 0x80000003u},
    {"STATUS_NO_TGT_REPLY gives an SEC_E code", 0xC00002EFu, 0x80090334u},
};

#define N_RULE_ROWS ((int)(sizeof rule_rows / sizeof rule_rows[0]))

START_TEST(test_status_rule)
{
    const struct rule_row *r = &rule_rows[_i];
    uint32_t got = status_to_win32((int32_t)r->status);

    ck_assert_msg(got == r->win32, "%s: 0x%08X maps to 0x%08X, want 0x%08X", r->name,
                  (unsigned)r->status, (unsigned)got, (unsigned)r->win32);
}
END_TEST

/* ---- The logon quick reference (reference/README.md) ------------------------------ */

struct logon_row {
    const char *status_name;
    NTSTATUS status;
    uint32_t win32;
    const char *win32_name;
};

#define L(s, w)                                                                                    \
    {                                                                                              \
#s, s, w, #w                                                                               \
    }

static const struct logon_row logon_rows[] = {
    L(STATUS_SUCCESS, ERROR_SUCCESS),
    L(STATUS_LOGON_FAILURE, ERROR_LOGON_FAILURE),
    L(STATUS_WRONG_PASSWORD, ERROR_INVALID_PASSWORD),
    L(STATUS_NO_SUCH_USER, ERROR_NO_SUCH_USER),
    L(STATUS_ACCOUNT_RESTRICTION, ERROR_ACCOUNT_RESTRICTION),
    L(STATUS_INVALID_LOGON_HOURS, ERROR_INVALID_LOGON_HOURS),
    L(STATUS_INVALID_WORKSTATION, ERROR_INVALID_WORKSTATION),
    L(STATUS_PASSWORD_EXPIRED, ERROR_PASSWORD_EXPIRED),
    L(STATUS_ACCOUNT_DISABLED, ERROR_ACCOUNT_DISABLED),
    L(STATUS_ACCOUNT_EXPIRED, ERROR_ACCOUNT_EXPIRED),
    L(STATUS_ACCOUNT_LOCKED_OUT, ERROR_ACCOUNT_LOCKED_OUT),
    L(STATUS_PASSWORD_MUST_CHANGE, ERROR_PASSWORD_MUST_CHANGE),
    L(STATUS_LOGON_TYPE_NOT_GRANTED, ERROR_LOGON_TYPE_NOT_GRANTED),
    L(STATUS_NO_SUCH_PACKAGE, ERROR_NO_SUCH_PACKAGE),
    L(STATUS_NOT_LOGON_PROCESS, ERROR_NOT_LOGON_PROCESS),
    L(STATUS_LOGON_SESSION_EXISTS, ERROR_LOGON_SESSION_EXISTS),
    L(STATUS_NO_SUCH_LOGON_SESSION, ERROR_NO_SUCH_LOGON_SESSION),
    L(STATUS_INVALID_LOGON_TYPE, ERROR_INVALID_LOGON_TYPE),
    L(STATUS_BAD_VALIDATION_CLASS, ERROR_BAD_VALIDATION_CLASS),
    L(STATUS_PRIVILEGE_NOT_HELD, ERROR_PRIVILEGE_NOT_HELD),
    L(STATUS_NO_SUCH_PRIVILEGE, ERROR_NO_SUCH_PRIVILEGE),
    L(STATUS_ACCESS_DENIED, ERROR_ACCESS_DENIED),
    L(STATUS_INVALID_PARAMETER, ERROR_INVALID_PARAMETER),
    L(STATUS_INVALID_HANDLE, ERROR_INVALID_HANDLE),
    L(STATUS_NO_MEMORY, ERROR_NOT_ENOUGH_MEMORY),
    L(STATUS_INSUFFICIENT_RESOURCES, ERROR_NO_SYSTEM_RESOURCES),
    L(STATUS_BUFFER_TOO_SMALL, ERROR_INSUFFICIENT_BUFFER),
    L(STATUS_NONE_MAPPED, ERROR_NONE_MAPPED),
    L(STATUS_SOME_NOT_MAPPED, ERROR_SOME_NOT_MAPPED),
    L(STATUS_NO_LOGON_SERVERS, ERROR_NO_LOGON_SERVERS),
    L(STATUS_NOT_IMPLEMENTED, ERROR_INVALID_FUNCTION),
    L(STATUS_NO_MORE_ENTRIES, ERROR_NO_MORE_ITEMS),
    L(STATUS_BAD_IMPERSONATION_LEVEL, ERROR_BAD_IMPERSONATION_LEVEL),
    L(STATUS_NO_TOKEN, ERROR_NO_TOKEN),
    L(STATUS_INVALID_SID, ERROR_INVALID_SID),
    L(STATUS_OBJECT_NAME_NOT_FOUND, ERROR_FILE_NOT_FOUND),
    L(STATUS_TIME_DIFFERENCE_AT_DC, ERROR_TIME_SKEW),
};
#undef L

/* The numbers of the README table, so that a wrong header constant cannot
 * hide a wrong mapping. */
static const uint32_t logon_values[][2] = {
    {0x00000000u, 0},    {0xC000006Du, 1326}, {0xC000006Au, 86},   {0xC0000064u, 1317},
    {0xC000006Eu, 1327}, {0xC000006Fu, 1328}, {0xC0000070u, 1329}, {0xC0000071u, 1330},
    {0xC0000072u, 1331}, {0xC0000193u, 1793}, {0xC0000234u, 1909}, {0xC0000224u, 1907},
    {0xC000015Bu, 1385}, {0xC00000FEu, 1364}, {0xC00000EDu, 1362}, {0xC00000EEu, 1363},
    {0xC000005Fu, 1312}, {0xC000010Bu, 1367}, {0xC00000A7u, 1348}, {0xC0000061u, 1314},
    {0xC0000060u, 1313}, {0xC0000022u, 5},    {0xC000000Du, 87},   {0xC0000008u, 6},
    {0xC0000017u, 8},    {0xC000009Au, 1450}, {0xC0000023u, 122},  {0xC0000073u, 1332},
    {0x00000107u, 1301}, {0xC000005Eu, 1311}, {0xC0000002u, 1},    {0x8000001Au, 259},
    {0xC00000A5u, 1346}, {0xC000007Cu, 1008}, {0xC0000078u, 1337}, {0xC0000034u, 2},
    {0xC0000133u, 1398},
};

#define N_LOGON_ROWS ((int)(sizeof logon_rows / sizeof logon_rows[0]))

START_TEST(test_status_logon_reference)
{
    const struct logon_row *r = &logon_rows[_i];
    int32_t v = 0;
    uint32_t w = 0;

    ck_assert_uint_eq(sizeof logon_values / sizeof logon_values[0], (size_t)N_LOGON_ROWS);
    ck_assert_msg((uint32_t)r->status == logon_values[_i][0], "%s is 0x%08X in the header",
                  r->status_name, (unsigned)r->status);
    ck_assert_msg(r->win32 == logon_values[_i][1], "%s is %u in the header", r->win32_name,
                  (unsigned)r->win32);
    ck_assert_win32_eq(status_to_win32(r->status), r->win32);
    ck_assert_str_eq(status_name(r->status), r->status_name);
    ck_assert(status_by_name(r->status_name, &v));
    ck_assert_status_eq(v, r->status);
    ck_assert_str_eq(status_win32_name(r->win32), r->win32_name);
    ck_assert(status_win32_by_name(r->win32_name, &w));
    ck_assert_uint_eq(w, r->win32);
}
END_TEST

/* ---- Names ------------------------------------------------------------------------ */

START_TEST(test_status_names)
{
    int32_t v = 1;
    uint32_t w = 1;

    /* Shared values answer with mingw-w64's first name. */
    ck_assert_str_eq(status_name(0), "STATUS_SUCCESS");
    ck_assert_str_eq(status_name(0x80), "STATUS_ABANDONED");
    ck_assert(status_by_name("STATUS_WAIT_0", &v));
    ck_assert_int_eq(v, 0);
    ck_assert(status_by_name("STATUS_ABANDONED_WAIT_0", &v));
    ck_assert_int_eq(v, 0x80);
    ck_assert(status_by_name("STATUS_FWP_TOO_MANY_CALLOUTS", &v));
    ck_assert_uint_eq((uint32_t)v, 0xC0220018u);
    /* Names only Wine's table has. */
    ck_assert(status_by_name("STATUS_INTERRUPTED", &v));
    ck_assert_uint_eq((uint32_t)v, 0xC0000515u);
    ck_assert_str_eq(status_name((int32_t)0xC0000515u), "STATUS_INTERRUPTED");
    /* Unknown names and values. */
    ck_assert(!status_by_name("STATUS_NOT_A_STATUS", &v));
    ck_assert(!status_by_name("status_success", &v));
    ck_assert(!status_by_name("", &v));
    ck_assert(!status_by_name(NULL, &v));
    ck_assert_ptr_null(status_name((int32_t)0xC0FF0000u));
    ck_assert_ptr_null(status_name((int32_t)0xE0001234u));
    ck_assert(status_by_name("STATUS_LOGON_FAILURE", NULL));

    /* Win32: ERROR_* names win over the others of the same value. */
    ck_assert_str_eq(status_win32_name(0), "ERROR_SUCCESS");
    ck_assert(status_win32_by_name("NO_ERROR", &w));
    ck_assert_uint_eq(w, 0);
    ck_assert_str_eq(status_win32_name(258), "WAIT_TIMEOUT");
    ck_assert_str_eq(status_win32_name(1326), "ERROR_LOGON_FAILURE");
    ck_assert_str_eq(status_win32_name(317), "ERROR_MR_MID_NOT_FOUND");
    ck_assert_str_eq(status_win32_name(1722), "RPC_S_SERVER_UNAVAILABLE");
    ck_assert(status_win32_by_name("RPC_S_SERVER_UNAVAILABLE", &w));
    ck_assert_uint_eq(w, 1722);
    /* Codes above 0xFFFF that Wine's table produces carry its names. */
    ck_assert_str_eq(status_win32_name(0x80090334u), "SEC_E_NO_TGT_REPLY");
    ck_assert_ptr_null(status_win32_name(19999));
    ck_assert(!status_win32_by_name("ERROR_NOT_AN_ERROR", &w));
    ck_assert(!status_win32_by_name(NULL, &w));
}
END_TEST

/* Every name of ntstatus.h is in the table with the same value. */
START_TEST(test_status_header_constants)
{
    static const struct {
        const char *name;
        NTSTATUS value;
    } rows[] = {
#define R(x) {#x, x}
        R(STATUS_SUCCESS),
        R(STATUS_PENDING),
        R(STATUS_ACCESS_VIOLATION),
        R(STATUS_INVALID_HANDLE),
        R(STATUS_NO_MEMORY),
        R(STATUS_LOGON_FAILURE),
        R(STATUS_PORT_CONNECTION_REFUSED),
        R(DBG_CONTINUE),
        R(RPC_NT_SS_CONTEXT_MISMATCH),
        R(STATUS_INTERRUPTED),
#undef R
    };

    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        int32_t v = 0;

        ck_assert_msg(status_by_name(rows[i].name, &v), "%s unknown", rows[i].name);
        ck_assert_status_eq(v, rows[i].value);
    }
}
END_TEST

/* ---- status_for_each_mapping_to ------------------------------------------------------ */

struct collect {
    unsigned n;
    uint32_t last;
    bool found;
    int32_t wanted;
    uint32_t code;
};

static void collect(int32_t status, void *ctx)
{
    struct collect *c = ctx;

    ck_assert_msg(c->n == 0 || (uint32_t)status > c->last, "not ascending at 0x%08X",
                  (unsigned)status);
    ck_assert_win32_eq(status_to_win32(status), c->code);
    if (status == c->wanted)
        c->found = true;
    c->last = (uint32_t)status;
    c->n++;
}

START_TEST(test_status_for_each_mapping_to)
{
    struct collect c = {0, 0, false, STATUS_WRONG_PASSWORD, 86};
    unsigned n86 = status_for_each_mapping_to(86, collect, &c);
    unsigned n;

    ck_assert_uint_eq(n86, c.n);
    ck_assert(c.found);
    /* A NULL callback only counts. */
    ck_assert_uint_eq(status_for_each_mapping_to(86, NULL, NULL), n86);

    c = (struct collect){0, 0, false, STATUS_PORT_CONNECTION_REFUSED, 5};
    n = status_for_each_mapping_to(5, collect, &c);
    ck_assert(n >= 2 && c.found);

    c = (struct collect){0, 0, false, STATUS_LOGON_FAILURE, 1326};
    ck_assert_uint_ge(status_for_each_mapping_to(1326, collect, &c), 1);
    ck_assert(c.found);

    ck_assert_uint_eq(status_for_each_mapping_to(0xFFFFFFFFu, collect, &c), 0);
}
END_TEST

/* ---- Shape of the generated tables -------------------------------------------------- */

START_TEST(test_status_tables_sorted)
{
    for (unsigned i = 1; i < status_table_nt_by_value_count; i++)
        ck_assert_uint_gt(status_table_nt_by_value[i].value, status_table_nt_by_value[i - 1].value);
    for (unsigned i = 1; i < status_table_nt_by_name_count; i++)
        ck_assert_int_lt(
            strcmp(status_table_nt_by_name[i - 1].name, status_table_nt_by_name[i].name), 0);
    for (unsigned i = 1; i < status_table_win32_by_value_count; i++)
        ck_assert_uint_gt(status_table_win32_by_value[i].value,
                          status_table_win32_by_value[i - 1].value);
    for (unsigned i = 1; i < status_table_win32_by_name_count; i++)
        ck_assert_int_lt(
            strcmp(status_table_win32_by_name[i - 1].name, status_table_win32_by_name[i].name), 0);

    /* Ranges: ascending, disjoint, and tiling the flat map exactly. */
    ck_assert_uint_eq(status_table_range_count, 162);
    uint32_t next_offset = 0;
    for (unsigned i = 0; i < status_table_range_count; i++) {
        const struct status_range *r = &status_table_ranges[i];

        ck_assert_uint_le(r->start, r->end);
        if (i > 0)
            ck_assert_uint_gt(r->start, status_table_ranges[i - 1].end);
        ck_assert_uint_eq(r->offset, next_offset);
        next_offset += r->end - r->start + 1;
    }
    ck_assert_uint_eq(next_offset, status_table_map_count);

    /* The reverse index is sorted and agrees with status_to_win32. */
    for (unsigned i = 0; i < status_table_by_win32_count; i++) {
        const struct status_mapping_entry *e = &status_table_by_win32[i];

        if (i > 0) {
            const struct status_mapping_entry *p = &status_table_by_win32[i - 1];
            ck_assert(p->win32 < e->win32 || (p->win32 == e->win32 && p->status < e->status));
        }
        ck_assert_msg(status_to_win32((int32_t)e->status) == e->win32,
                      "reverse index: 0x%08X listed under 0x%08X", (unsigned)e->status,
                      (unsigned)e->win32);
    }
    ck_assert_uint_eq(status_table_by_win32_count, status_table_nt_by_value_count);
}
END_TEST

static Suite *make_status_suite(void)
{
    Suite *s = suite_create("status");
    TCase *tc = tcase_create("mapping");

    tcase_add_test(tc, test_status_every_wine_row);
    tcase_add_test(tc, test_status_every_mingw_row);
    tcase_add_loop_test(tc, test_status_rule, 0, N_RULE_ROWS);
    tcase_add_loop_test(tc, test_status_logon_reference, 0, N_LOGON_ROWS);
    suite_add_tcase(s, tc);

    tc = tcase_create("names");
    tcase_add_test(tc, test_status_names);
    tcase_add_test(tc, test_status_header_constants);
    tcase_add_test(tc, test_status_for_each_mapping_to);
    tcase_add_test(tc, test_status_tables_sorted);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return tu_run_suite(make_status_suite()); }
