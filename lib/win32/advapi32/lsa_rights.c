/* SPDX-License-Identifier: MIT */
/*
 * The User Rights Assignment through the LSA policy handle (behavior.md
 * 3.13; C124-C135): LsaAddAccountRights, LsaRemoveAccountRights,
 * LsaEnumerateAccountRights and LsaEnumerateAccountsWithUserRight.
 *
 * An "account object" of the LSA is a SID that holds at least one right or
 * privilege directly. Changes go through current_mutate(), so they replace
 * the policy in force and decide every later logon.
 */
#include <stdio.h>
#include "base/mem.h"
#include <stdlib.h>
#include <string.h>

#include "core/engine/guesses.h"
#include "core/diag/reason.h"
#include "core/model/policy_build.h"
#include "core/state/retbuf.h"
#include "core/model/rights.h"
#include "core/model/sid_set.h"
#include "win32/advapi32/lookup.h"
#include "win32/advapi32/lsa_policy.h"
#include "core/diag/trace.h"

/* How a reason names a SID: "WS1\alice (S-1-5-21-...-1001)" or the string. */
static const char *describe(const struct policy *pol, const struct sid *sid)
{
    static _Thread_local char buf[800];
    struct lookup_result r;
    char text[SID_STRING_MAX];
    sid_format(sid, text);
    if (lookup_sid(pol, sid, &r))
        snprintf(buf, sizeof buf, "%s%s%s (%s)", r.domain, *r.domain ? "\\" : "", r.name, text);
    else
        snprintf(buf, sizeof buf, "%s", text);
    return buf;
}

/* Parses an array of right names into a mask; on an unknown name returns
 * STATUS_NO_SUCH_PRIVILEGE with the reason naming it. */
static NTSTATUS parse_rights(const LSA_UNICODE_STRING *names, ULONG count, right_mask *out)
{
    *out = 0;
    for (ULONG i = 0; i < count; i++) {
        if (names[i].Length > names[i].MaximumLength) {
            /* The RPC stub's bound check refuses it before the LSA sees it
             * (guesses.h); an odd Length is marshalled as Length / 2 units. */
            reason_set("UserRights[%lu]: Length %u exceeds MaximumLength %u; nothing was changed",
                       (unsigned long)i, names[i].Length, names[i].MaximumLength);
            return GUESS_RPC_STRING_BOUND_STATUS;
        }
        char *text = lookup_ustr_utf8(&names[i]);
        if (!text) {
            reason_set("out of memory");
            return STATUS_INSUFFICIENT_RESOURCES;
        }
        /* Windows compares the whole counted string: "SeTcbPrivilege\0x"
         * names no right (lookup.h). */
        int id = lookup_ustr_has_nul(&names[i]) ? -1 : right_by_name(text);
        if (id < 0) {
            reason_set("'%s' is neither a privilege nor an account right; nothing was changed",
                       text);
            mem_free(text);
            return STATUS_NO_SUCH_PRIVILEGE;
        }
        mem_free(text);
        *out |= RIGHT_BIT(id);
    }
    return STATUS_SUCCESS;
}

static const char *mask_text(right_mask m)
{
    static _Thread_local char buf[2048];
    size_t len = 0;
    buf[0] = '\0';
    for (int id = 0; id < RIGHT_COUNT && len < sizeof buf; id++)
        if (m & RIGHT_BIT(id))
            len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s", len ? ", " : "",
                                    right_info(id)->name);
    return buf;
}

struct rights_change {
    struct sid sid;
    right_mask add;
    right_mask remove;
};

static int apply_change(struct policy *copy, void *ctx)
{
    const struct rights_change *ch = ctx;
    for (int id = 0; id < RIGHT_COUNT; id++) {
        bool add = (ch->add & RIGHT_BIT(id)) != 0, remove = (ch->remove & RIGHT_BIT(id)) != 0;
        if (!add && !remove)
            continue;
        size_t n = copy->n_holders[id], kept = 0;
        struct sid *list = mem_malloc((n + 1) * sizeof *list);
        if (!list)
            return -1;
        bool present = false;
        for (size_t i = 0; i < n; i++) {
            bool same = sid_equal(&copy->holders[id][i], &ch->sid);
            present |= same;
            if (!(same && remove))
                list[kept++] = copy->holders[id][i];
        }
        if (add && !present)
            list[kept++] = ch->sid;
        int rc = policy_set_right(copy, id, list, kept);
        mem_free(list);
        if (rc < 0)
            return -1;
    }
    return 0;
}

static NTSTATUS commit(struct rights_change *ch)
{
    int rc = current_mutate(apply_change, ch);
    if (rc != 0) {
        reason_set("out of memory changing the rights database; nothing was changed");
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    return STATUS_SUCCESS;
}

LSAEMU_EXPORT NTSTATUS NTAPI LsaAddAccountRights(LSA_HANDLE PolicyHandle, PSID AccountSid,
                                                 PLSA_UNICODE_STRING UserRights,
                                                 ULONG CountOfRights)
{
    struct api_call c;
    struct rights_change ch = {0};
    NTSTATUS st = api_enter(&c, "LsaAddAccountRights", NULL);
    trace_args("%p, count %u", PolicyHandle, (unsigned)CountOfRights);
    if (st != STATUS_SUCCESS)
        goto out;
    if ((st = lsa_policy_check(PolicyHandle, POLICY_LOOKUP_NAMES, "LsaAddAccountRights")) !=
        STATUS_SUCCESS)
        goto out;
    if (!lookup_read_sid(AccountSid, &ch.sid) || (CountOfRights && !UserRights)) {
        st = STATUS_INVALID_PARAMETER;
        reason_set("AccountSid is not a valid SID, or UserRights is NULL");
        goto out;
    }
    right_mask held = policy_rights_of(c.pol, &ch.sid);
    if (!held && GUESS_ADD_RIGHTS_ACCESS_BEFORE_NAMES &&
        (st = lsa_policy_check(PolicyHandle, POLICY_CREATE_ACCOUNT, "LsaAddAccountRights")) !=
            STATUS_SUCCESS) {
        reason_set("%s holds nothing yet, so its account object must be created, which needs "
                   "POLICY_CREATE_ACCOUNT on the handle",
                   describe(c.pol, &ch.sid));
        goto out;
    }
    /* GUESS_ADD_RIGHTS_ALL_OR_NOTHING: every name is checked before anything
     * changes (parse_rights stops at the first unknown one, mutating nothing). */
    _Static_assert(GUESS_ADD_RIGHTS_ALL_OR_NOTHING, "partial application is not implemented");
    if ((st = parse_rights(UserRights, CountOfRights, &ch.add)) != STATUS_SUCCESS)
        goto out;
    if (!held && !GUESS_ADD_RIGHTS_ACCESS_BEFORE_NAMES &&
        (st = lsa_policy_check(PolicyHandle, POLICY_CREATE_ACCOUNT, "LsaAddAccountRights")) !=
            STATUS_SUCCESS)
        goto out;
    right_mask fresh = ch.add & ~held;
    if (fresh && (st = commit(&ch)) != STATUS_SUCCESS)
        goto out;
    if (fresh)
        reason_set("added %s to %s%s", mask_text(fresh), describe(c.pol, &ch.sid),
                   fresh != ch.add ? " (the others were already held)" : "");
    else
        reason_set("%s already holds every name given; nothing changed",
                   describe(c.pol, &ch.sid));
out:
    return api_leave(&c, st);
}

LSAEMU_EXPORT NTSTATUS NTAPI LsaRemoveAccountRights(LSA_HANDLE PolicyHandle, PSID AccountSid,
                                                    BOOLEAN AllRights,
                                                    PLSA_UNICODE_STRING UserRights,
                                                    ULONG CountOfRights)
{
    struct api_call c;
    struct rights_change ch = {0};
    NTSTATUS st = api_enter(&c, "LsaRemoveAccountRights", NULL);
    trace_args("%p, all %d, count %u", PolicyHandle, (int)AllRights, (unsigned)CountOfRights);
    if (st != STATUS_SUCCESS)
        goto out;
    if ((st = lsa_policy_check(PolicyHandle, POLICY_LOOKUP_NAMES, "LsaRemoveAccountRights")) !=
        STATUS_SUCCESS)
        goto out;
    if (!lookup_read_sid(AccountSid, &ch.sid)) {
        st = STATUS_INVALID_PARAMETER;
        reason_set("AccountSid is not a valid SID");
        goto out;
    }
    if (!AllRights && !UserRights) {
        st = STATUS_INVALID_PARAMETER;
        reason_set("AllRights is FALSE and UserRights is NULL: nothing says what to remove");
        goto out;
    }
    if (!AllRights && (st = parse_rights(UserRights, CountOfRights, &ch.remove)) !=
                          STATUS_SUCCESS)
        goto out;
    right_mask held = policy_rights_of(c.pol, &ch.sid);
    if (!held) {
        st = GUESS_REMOVE_RIGHTS_NO_ACCOUNT_STATUS;
        reason_set("%s holds no right or privilege directly (no account object)",
                   describe(c.pol, &ch.sid));
        goto out;
    }
    if (AllRights)
        ch.remove = held;
    right_mask gone = ch.remove & held;
    ch.remove = gone;
    if (gone && (st = commit(&ch)) != STATUS_SUCCESS)
        goto out;
    reason_set("removed %s from %s%s", gone ? mask_text(gone) : "nothing",
               describe(c.pol, &ch.sid),
               gone == held ? "; it holds nothing now (account object deleted)" : "");
out:
    return api_leave(&c, st);
}

LSAEMU_EXPORT NTSTATUS NTAPI LsaEnumerateAccountRights(LSA_HANDLE PolicyHandle, PSID AccountSid,
                                                       PLSA_UNICODE_STRING *UserRights,
                                                       PULONG CountOfRights)
{
    struct api_call c;
    struct sid sid;
    NTSTATUS st = api_enter(&c, "LsaEnumerateAccountRights", NULL);
    trace_args("%p", PolicyHandle);
    if (st != STATUS_SUCCESS)
        goto out;
    if (!UserRights || !CountOfRights) {
        st = STATUS_INVALID_PARAMETER;
        reason_set("UserRights or CountOfRights is NULL");
        goto out;
    }
    *UserRights = NULL;
    *CountOfRights = 0;
    if ((st = lsa_policy_check(PolicyHandle, GUESS_ENUM_RIGHTS_ACCESS,
                               "LsaEnumerateAccountRights")) != STATUS_SUCCESS)
        goto out;
    if (!lookup_read_sid(AccountSid, &sid)) {
        st = STATUS_INVALID_PARAMETER;
        reason_set("AccountSid is not a valid SID");
        goto out;
    }
    right_mask held = policy_rights_of(c.pol, &sid);
    if (!held) {
        st = STATUS_OBJECT_NAME_NOT_FOUND;
        reason_set("%s holds no right or privilege directly (rights through groups are not "
                   "listed)",
                   describe(c.pol, &sid));
        goto out;
    }
    size_t n = 0, size = 0;
    for (int id = 0; id < RIGHT_COUNT; id++)
        if (held & RIGHT_BIT(id)) {
            n++;
            size += 2 * (lookup_utf16_len(right_info(id)->name) + 1);
        }
    size += n * sizeof(LSA_UNICODE_STRING);
    LSA_UNICODE_STRING *arr = retbuf_new(size);
    if (!arr) {
        st = STATUS_INSUFFICIENT_RESOURCES;
        reason_set("out of memory");
        goto out;
    }
    uint8_t *p = (uint8_t *)(arr + n);
    size_t k = 0;
    for (int id = 0; id < RIGHT_COUNT; id++) {
        if (!(held & RIGHT_BIT(id)))
            continue;
        const char *name = right_info(id)->name;
        size_t units = lookup_utf16_len(name);
        lookup_copy_text(name, p, true);
        arr[k].Buffer = (PWSTR)p;
        arr[k].Length = (USHORT)(2 * units);
        arr[k].MaximumLength = (USHORT)(2 * (units + 1));
        p += 2 * (units + 1);
        k++;
    }
    /* Published only now that it is filled: a reset never frees it early. */
    if (retbuf_publish(arr, RETBUF_LSA_MEMORY, size) != 0) {
        retbuf_discard(arr);
        st = STATUS_INSUFFICIENT_RESOURCES;
        reason_set("out of memory");
        goto out;
    }
    *UserRights = arr;
    *CountOfRights = (ULONG)n;
    reason_set("%s holds %s directly", describe(c.pol, &sid), mask_text(held));
out:
    return api_leave(&c, st);
}

LSAEMU_EXPORT NTSTATUS NTAPI LsaEnumerateAccountsWithUserRight(LSA_HANDLE PolicyHandle,
                                                               PLSA_UNICODE_STRING UserRight,
                                                               PVOID *Buffer,
                                                               PULONG CountReturned)
{
    struct api_call c;
    const struct sid **set = NULL;
    struct sid_set seen = {0};
    char *name = NULL;
    NTSTATUS st = api_enter(&c, "LsaEnumerateAccountsWithUserRight", NULL);
    trace_args("%p", PolicyHandle);
    if (st != STATUS_SUCCESS)
        goto out;
    if (!Buffer || !CountReturned) {
        st = STATUS_INVALID_PARAMETER;
        reason_set("Buffer or CountReturned is NULL");
        goto out;
    }
    *Buffer = NULL;
    *CountReturned = 0;
    if ((st = lsa_policy_check(PolicyHandle, POLICY_LOOKUP_NAMES | POLICY_VIEW_LOCAL_INFORMATION,
                               "LsaEnumerateAccountsWithUserRight")) != STATUS_SUCCESS)
        goto out;
    int only = -1;
    if (UserRight) {
        name = lookup_ustr_utf8(UserRight);
        only = name && !lookup_ustr_has_nul(UserRight) ? right_by_name(name) : -1;
        if (only < 0) {
            st = STATUS_NO_SUCH_PRIVILEGE;
            reason_set("'%s' is neither a privilege nor an account right", name ? name : "");
            goto out;
        }
    }
    size_t total = 0;
    for (int id = 0; id < RIGHT_COUNT; id++)
        if (only < 0 || id == only)
            total += c.pol->n_holders[id];
    /* The SIDs in the order they first appear (right by right, each right's
     * holders in order), each once: a SID holding several rights is one
     * account object. The set makes each check one probe, so the call is
     * linear in the number of holders. set points into c.pol, which this
     * call holds until it returns. */
    if (total < SIZE_MAX / sizeof *set)
        set = mem_malloc((total + 1) * sizeof *set);
    if (!set || sid_set_init(&seen, total) != 0) {
        st = STATUS_INSUFFICIENT_RESOURCES;
        reason_set("out of memory");
        goto out;
    }
    size_t n = 0, size = 0;
    for (int id = 0; id < RIGHT_COUNT; id++) {
        if (only >= 0 && id != only)
            continue;
        for (size_t i = 0; i < c.pol->n_holders[id]; i++) {
            set[n] = &c.pol->holders[id][i];
            if (sid_set_add(&seen, set, n)) {
                size += sid_size(set[n]);
                n++;
            }
        }
    }
    if (!n) {
        st = STATUS_NO_MORE_ENTRIES;
        reason_set("nobody holds %s directly", only >= 0 ? right_info(only)->name : "anything");
        goto out;
    }
    size += n * sizeof(LSA_ENUMERATION_INFORMATION);
    LSA_ENUMERATION_INFORMATION *info = retbuf_new(size);
    if (!info) {
        st = STATUS_INSUFFICIENT_RESOURCES;
        reason_set("out of memory");
        goto out;
    }
    uint8_t *p = (uint8_t *)(info + n);
    for (size_t i = 0; i < n; i++) {
        size_t len = sid_size(set[i]);
        memcpy(p, set[i], len);
        info[i].Sid = p;
        p += len;
    }
    if (retbuf_publish(info, RETBUF_LSA_MEMORY, size) != 0) {
        retbuf_discard(info);
        st = STATUS_INSUFFICIENT_RESOURCES;
        reason_set("out of memory");
        goto out;
    }
    *Buffer = info;
    *CountReturned = (ULONG)n;
    reason_set("%zu SIDs hold %s directly (groups are listed as themselves)", n,
               only >= 0 ? right_info(only)->name : "some right or privilege");
out:
    sid_set_free(&seen);
    mem_free((void *)set);
    mem_free(name);
    return api_leave(&c, st);
}
