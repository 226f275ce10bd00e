/* SPDX-License-Identifier: MIT */
/*
 * The text syntaxes of policy values: YAML 1.1 booleans, unsigned decimals,
 * RFC 3339 times, 32-digit hashes and hex NTSTATUS codes. Each parser takes a
 * NUL-terminated string and says yes or no; it knows nothing of nodes, keys,
 * positions or messages (the callers in yaml_values.c and the sections word
 * the error).
 */
#include "config.h"

#include "loader/yaml_values.h"

#include <ctype.h>
#include <string.h>

bool yv_parse_bool(const char *s, bool *out)
{
    static const char *const yes[] = {"true", "True", "TRUE", "yes", "Yes", "YES",
                                      "on",   "On",   "ON",   "y",   "Y"};
    static const char *const no[] = {"false", "False", "FALSE", "no", "No", "NO",
                                     "off",   "Off",   "OFF",   "n",  "N"};
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++) {
        if (strcmp(s, yes[i]) == 0) {
            *out = true;
            return true;
        }
        if (strcmp(s, no[i]) == 0) {
            *out = false;
            return true;
        }
    }
    return false;
}

bool yv_parse_uint(const char *s, uint64_t max, uint64_t *out)
{
    uint64_t v = 0;
    if (!*s)
        return false;
    for (; *s; s++) {
        if (*s < '0' || *s > '9')
            return false;
        unsigned d = (unsigned)(*s - '0');
        if (v > (max - d) / 10)
            return false;
        v = v * 10 + d;
    }
    *out = v;
    return true;
}

bool yv_digits(const char **p, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (!isdigit((unsigned char)(*p)[i]))
            return false;
        v = v * 10 + ((*p)[i] - '0');
    }
    *p += n;
    *out = v;
    return true;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
 * days_from_civil). */
static int64_t days_from_civil(int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153 * (m + (m > 2 ? (unsigned)-3 : 9)) + 2) / 5 + d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (int64_t)doe - 719468;
}

static int days_in_month(int y, int m)
{
    static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : dm[m - 1];
}

bool yv_parse_time(const char *s, int64_t *out)
{
    const char *p = s;
    int y, mo, d, h = 0, mi = 0, sec = 0;
    if (!yv_digits(&p, 4, &y) || *p++ != '-' || !yv_digits(&p, 2, &mo) || *p++ != '-' ||
        !yv_digits(&p, 2, &d))
        return false;
    if (mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo))
        return false;
    int64_t offset = 0;
    if (*p) {
        if (*p != 'T' && *p != 't' && *p != ' ')
            return false;
        p++;
        if (!yv_digits(&p, 2, &h) || *p++ != ':' || !yv_digits(&p, 2, &mi) || *p++ != ':' ||
            !yv_digits(&p, 2, &sec))
            return false;
        if (h > 23 || mi > 59 || sec > 60)
            return false;
        if (*p == '.') {
            p++;
            if (!isdigit((unsigned char)*p))
                return false;
            while (isdigit((unsigned char)*p))
                p++;
        }
        if (*p == 'Z' || *p == 'z') {
            p++;
        } else if (*p == '+' || *p == '-') {
            int sign = *p++ == '-' ? -1 : 1, oh, om;
            if (!yv_digits(&p, 2, &oh) || *p++ != ':' || !yv_digits(&p, 2, &om) || oh > 23 ||
                om > 59)
                return false;
            offset = sign * (oh * 3600 + om * 60);
        }
        if (*p)
            return false;
    }
    *out = days_from_civil(y, (unsigned)mo, (unsigned)d) * 86400 + h * 3600 + mi * 60 + sec -
           offset;
    return true;
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

bool yv_parse_hash(const char *s, uint8_t out[16])
{
    if (strlen(s) != 32)
        return false;
    for (int i = 0; i < 16; i++) {
        int hi = hexval(s[2 * i]), lo = hexval(s[2 * i + 1]);
        if (hi < 0 || lo < 0)
            return false;
        out[i] = (uint8_t)(hi << 4 | lo);
    }
    return true;
}

bool yv_parse_status_hex(const char *s, int32_t *out)
{
    if (s[0] != '0' || (s[1] != 'x' && s[1] != 'X'))
        return false;
    size_t n = strlen(s + 2);
    if (n < 1 || n > 8)
        return false;
    uint32_t v = 0;
    for (const char *p = s + 2; *p; p++) {
        int d = hexval(*p);
        if (d < 0)
            return false;
        v = v << 4 | (uint32_t)d;
    }
    *out = (int32_t)v;
    return true;
}
