/* SPDX-License-Identifier: MIT */
/* The well-known SID types (see sid_types.h). */
#include "win32/advapi32/sid_types.h"

#include <stddef.h>
#include <stdint.h>

/* WELL_KNOWN_SID_TYPE -> SID. domain_rid != 0: DomainSid + that RID. */
struct wk_template {
    unsigned type;
    uint8_t authority;
    uint8_t count;
    uint32_t sub[6];
    uint32_t domain_rid;
};

#define WK(t, auth, n, ...) {t, auth, n, {__VA_ARGS__}, 0}
#define WKD(t, rid) {t, 0, 0, {0}, rid}
static const struct wk_template wk_table[] = {
    WK(0, 0, 1, 0), WK(1, 1, 1, 0), WK(2, 2, 1, 0), WK(3, 3, 1, 0), WK(4, 3, 1, 1),
    WK(5, 3, 1, 2), WK(6, 3, 1, 3), WK(7, 5, 0, 0), WK(8, 5, 1, 1), WK(9, 5, 1, 2),
    WK(10, 5, 1, 3), WK(11, 5, 1, 4), WK(12, 5, 1, 6), WK(13, 5, 1, 7), WK(14, 5, 1, 8),
    WK(15, 5, 1, 9), WK(16, 5, 1, 10), WK(17, 5, 1, 11), WK(18, 5, 1, 12), WK(19, 5, 1, 13),
    WK(20, 5, 1, 14), WK(22, 5, 1, 18), WK(23, 5, 1, 19), WK(24, 5, 1, 20),
    WK(25, 5, 1, 32), WK(26, 5, 2, 32, 544), WK(27, 5, 2, 32, 545), WK(28, 5, 2, 32, 546),
    WK(29, 5, 2, 32, 547), WK(30, 5, 2, 32, 548), WK(31, 5, 2, 32, 549),
    WK(32, 5, 2, 32, 550), WK(33, 5, 2, 32, 551), WK(34, 5, 2, 32, 552),
    WK(35, 5, 2, 32, 554), WK(36, 5, 2, 32, 555), WK(37, 5, 2, 32, 556),
    WKD(38, 500), WKD(39, 501), WKD(40, 502), WKD(41, 512), WKD(42, 513), WKD(43, 514),
    WKD(44, 515), WKD(45, 516), WKD(46, 517), WKD(47, 518), WKD(48, 519), WKD(49, 520),
    WKD(50, 553), WK(51, 5, 2, 64, 10), WK(52, 5, 2, 64, 21), WK(53, 5, 2, 64, 14),
    WK(54, 5, 1, 15), WK(55, 5, 1, 1000), WK(56, 5, 2, 32, 557), WK(57, 5, 2, 32, 558),
    WK(58, 5, 2, 32, 559), WK(59, 5, 2, 32, 560), WK(60, 5, 2, 32, 561),
    WK(61, 5, 2, 32, 562), WK(62, 5, 2, 32, 568), WK(63, 5, 1, 17), WK(64, 5, 2, 32, 569),
    WK(65, 16, 1, 0), WK(66, 16, 1, 4096), WK(67, 16, 1, 8192), WK(68, 16, 1, 12288),
    WK(69, 16, 1, 16384), WK(70, 5, 1, 33), WK(71, 3, 1, 4), WKD(72, 571), WKD(73, 572),
    WKD(75, 521), WK(76, 5, 2, 32, 573), WK(78, 5, 2, 32, 574), WK(79, 16, 1, 8448),
    WK(81, 2, 1, 1), WK(82, 5, 2, 65, 1), WK(83, 15, 1, 2), WK(84, 15, 2, 2, 1),
    WK(85, 15, 2, 3, 1), WK(86, 15, 2, 3, 2), WK(87, 15, 2, 3, 3), WK(88, 15, 2, 3, 4),
    WK(89, 15, 2, 3, 5), WK(90, 15, 2, 3, 6), WK(91, 15, 2, 3, 7), WK(92, 15, 2, 3, 9),
    WK(93, 15, 2, 3, 8), WK(94, 15, 2, 3, 10), WK(95, 5, 2, 32, 575), WK(96, 5, 2, 32, 576),
    WK(97, 5, 2, 32, 577), WK(98, 5, 6, 84, 0, 0, 0, 0, 0), WK(99, 5, 2, 32, 578),
    WKD(100, 522), WK(101, 5, 2, 32, 579), WK(102, 5, 2, 32, 580), WK(103, 18, 1, 1),
    WK(104, 18, 1, 2), WK(105, 5, 1, 113), WK(106, 5, 1, 114),
};


/* WinLogonIdsSid: S-1-5-5-X-Y, a SID no call can build without the X-Y. */
#define TYPE_LOGON_IDS 21u

static const struct wk_template *wk_find(unsigned type)
{
    for (size_t i = 0; i < sizeof wk_table / sizeof wk_table[0]; i++)
        if (wk_table[i].type == type)
            return &wk_table[i];
    return NULL;
}

enum sidtype_result sidtype_build(unsigned type, const struct sid *domain, struct sid *out)
{
    const struct wk_template *t = wk_find(type);
    if (!t)
        return SIDTYPE_UNKNOWN;
    if (!t->domain_rid) {
        *out = sid_make(t->authority, t->count, t->sub);
        return SIDTYPE_OK;
    }
    if (!domain)
        return SIDTYPE_NEEDS_DOMAIN;
    *out = sid_append(domain, t->domain_rid);
    return SIDTYPE_OK;
}

bool sidtype_is(const struct sid *s, unsigned type)
{
    if (type == TYPE_LOGON_IDS)
        return sid_authority(s) == 5 && s->count == 3 && s->sub[0] == 5;
    const struct wk_template *t = wk_find(type);
    if (!t)
        return false;
    if (t->domain_rid)
        return sid_authority(s) == 5 && s->count == 5 && s->sub[0] == 21 &&
               s->sub[4] == t->domain_rid;
    struct sid want = sid_make(t->authority, t->count, t->sub);
    return sid_equal(s, &want);
}
