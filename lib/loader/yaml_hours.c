/* SPDX-License-Identifier: MIT */
/*
 * Logon hours: parses the entries of an account's logon_hours list ("Mon-Fri
 * 08:00-18:00", "Sat-Mon", "Fri 22:00-06:00") into a bitmap with one bit per
 * minute of the week, and turns the bitmap back into sorted ranges for the
 * model. Pure text and bits: it knows nothing of nodes or positions; the
 * account section reports an entry this refuses.
 */
#include "config.h"

#include "loader/yaml_values.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

/* Monday = 0 ... Sunday = 6; accepts three-letter and full English names. */
static bool parse_day(const char **p, int *day)
{
    static const char *const names[] = {"monday", "tuesday", "wednesday", "thursday",
                                        "friday", "saturday", "sunday"};
    const char *s = *p;
    size_t n = 0;
    while (isalpha((unsigned char)s[n]))
        n++;
    for (int d = 0; d < 7; d++) {
        if ((n == 3 || n == strlen(names[d])) && strncasecmp(s, names[d], n) == 0) {
            *day = d;
            *p = s + n;
            return true;
        }
    }
    return false;
}

/* HH:MM, 00:00 to 24:00. */
static bool parse_hhmm(const char **p, int *minutes)
{
    int h, m;
    if (!yv_digits(p, 2, &h) || *(*p)++ != ':' || !yv_digits(p, 2, &m))
        return false;
    if (m > 59 || h > 24 || (h == 24 && m != 0))
        return false;
    *minutes = h * 60 + m;
    return true;
}

static void set_minutes(uint8_t *bitmap, int from, int to)
{
    for (int m = from; m < to; m++) {
        int w = m % YV_WEEK_MINUTES;
        bitmap[w / 8] |= (uint8_t)(1u << (w % 8));
    }
}

bool yv_parse_hours(const char *s, uint8_t bitmap[YV_HOURS_BYTES])
{
    bool days[7] = {false};
    const char *p = s;
    while (*p == ' ')
        p++;
    for (;;) {
        int first, last;
        if (!parse_day(&p, &first))
            return false;
        last = first;
        if (*p == '-') {
            p++;
            if (!parse_day(&p, &last))
                return false;
        }
        /* A range wraps past Sunday: Sat-Mon is Saturday, Sunday, Monday. */
        for (int d = first;; d = (d + 1) % 7) {
            days[d] = true;
            if (d == last)
                break;
        }
        while (*p == ' ' && p[1] == ',')
            p++;
        if (*p != ',')
            break;
        p++;
        while (*p == ' ')
            p++;
    }
    int start = 0, end = 24 * 60;
    if (*p == ' ') {
        while (*p == ' ')
            p++;
        if (*p && (!parse_hhmm(&p, &start) || *p++ != '-' || !parse_hhmm(&p, &end)))
            return false;
        if (start == 24 * 60 || start == end)
            return false;
    }
    while (*p == ' ')
        p++;
    if (*p)
        return false;
    for (int d = 0; d < 7; d++) {
        if (!days[d])
            continue;
        int base = d * 24 * 60;
        /* An end before the start runs past midnight into the next day. */
        set_minutes(bitmap, base + start, base + (end > start ? end : end + 24 * 60));
    }
    return true;
}

size_t yv_hours_ranges(const uint8_t bitmap[YV_HOURS_BYTES], struct hours_range *out)
{
    size_t n = 0;
    int m = 0;
    while (m < YV_WEEK_MINUTES) {
        if (!(bitmap[m / 8] & (1u << (m % 8)))) {
            /* Whole bytes of the week without a minute set are skipped at once. */
            if (m % 8 == 0 && !bitmap[m / 8])
                m += 8;
            else
                m++;
            continue;
        }
        int start = m;
        while (m < YV_WEEK_MINUTES && (bitmap[m / 8] & (1u << (m % 8)))) {
            if (m % 8 == 0 && bitmap[m / 8] == 0xFF)
                m += 8;
            else
                m++;
        }
        if (m > YV_WEEK_MINUTES)
            m = YV_WEEK_MINUTES;
        out[n].start = (uint16_t)start;
        out[n].end = (uint16_t)m;
        n++;
    }
    return n;
}
