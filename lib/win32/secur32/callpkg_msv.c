/* SPDX-License-Identifier: MIT */
/*
 * MSV1_0 MsV1_0ChangePassword (behavior.md 3.6, C068), the one MSV1_0
 * message an untrusted caller may send. A refusal is the package's answer
 * (GUESS_CHANGE_PASSWORD_ERRORS_IN_PROTOCOL_STATUS); a success changes the
 * account's password in the policy in force, for every later logon.
 */
#include <stddef.h>
#include "base/mem.h"
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "win32/secur32/callpkg.h"
#include "base/md4.h"
#include "core/state/publish.h"
#include "core/diag/reason.h"
#include "core/state/retbuf.h"
#include "win32/secur32/lsa_logon_buffer.h"
#include "base/utf.h"

/* Reads the UNICODE_STRING at off; false when it lies outside the block.
 * An odd Buffer address is fine: the text is copied unit by unit. */
static bool field(const struct callpkg_request *req, size_t off, struct wspan *out)
{
    UNICODE_STRING us;
    memcpy(&us, (const unsigned char *)req->buf + off, sizeof us);
    out->p = NULL;
    out->n = 0;
    if (us.Length == 0)
        return true;
    uintptr_t lo = (uintptr_t)req->buf, hi = lo + req->len, p = (uintptr_t)us.Buffer;
    if ((us.Length & 1) || !us.Buffer || p < lo || p > hi || hi - p < us.Length)
        return false;
    out->p = (const uint16_t *)us.Buffer;
    out->n = us.Length / 2;
    return true;
}

/* NT hash of a UTF-16 password. */
static void nt_hash(struct wspan pw, uint8_t out[16])
{
    unsigned char *le = mem_malloc(pw.n * 2 + 1);
    if (!le) {
        memset(out, 0xFF, 16); /* matches nothing a password can hash to in practice */
        return;
    }
    for (size_t i = 0; i < pw.n; i++) {
        uint16_t u;
        memcpy(&u, (const unsigned char *)pw.p + 2 * i, 2); /* may be unaligned */
        le[2 * i] = (unsigned char)(u & 0xFF);
        le[2 * i + 1] = (unsigned char)(u >> 8);
    }
    md4(le, pw.n * 2, out);
    memset(le, 0, pw.n * 2);
    mem_free(le);
}

NTSTATUS callpkg_msv_change_password(const struct callpkg_request *req,
                                     struct callpkg_answer *ans)
{
    NTSTATUS st = STATUS_SUCCESS;
    char *user = NULL, *domain = NULL;
    struct wspan dom, acct, oldpw, newpw;
    if (req->len < sizeof(MSV1_0_CHANGEPASSWORD_REQUEST)) {
        reason_set("MsV1_0ChangePassword needs %zu bytes, got %lu",
                   sizeof(MSV1_0_CHANGEPASSWORD_REQUEST), (unsigned long)req->len);
        return STATUS_INVALID_PARAMETER;
    }
    if (!field(req, offsetof(MSV1_0_CHANGEPASSWORD_REQUEST, DomainName), &dom) ||
        !field(req, offsetof(MSV1_0_CHANGEPASSWORD_REQUEST, AccountName), &acct) ||
        !field(req, offsetof(MSV1_0_CHANGEPASSWORD_REQUEST, OldPassword), &oldpw) ||
        !field(req, offsetof(MSV1_0_CHANGEPASSWORD_REQUEST, NewPassword), &newpw)) {
        reason_set("a string of the MsV1_0ChangePassword request lies outside the submit "
                   "buffer or has an odd length");
        return STATUS_INVALID_PARAMETER;
    }
    user = wspan_utf8(acct);
    domain = wspan_utf8(dom);
    MSV1_0_CHANGEPASSWORD_RESPONSE *resp = retbuf_new(sizeof *resp);
    if (!user || !domain || !resp) {
        retbuf_discard(resp);
        st = STATUS_NO_MEMORY;
        reason_set("out of memory reading the request");
        goto out;
    }
    resp->MessageType = MsV1_0ChangePassword;
    resp->PasswordInfoValid = FALSE;

    bool change = false;
    uint8_t h_new[16];
    bool local = !*domain || strcmp(domain, ".") == 0 ||
                 strcasecmp(domain, req->pol->machine_name) == 0;
    const struct account *a = local ? policy_find_account(req->pol, user) : NULL;
    if (!a || a->kind != ACCOUNT_NORMAL) {
        ans->protocol_status = STATUS_NO_SUCH_USER;
        reason_set("MsV1_0ChangePassword: no local account '%s' in domain '%s'", user, domain);
        goto answer;
    }
    uint8_t h_old[16];
    nt_hash(oldpw, h_old);
    if (a->locked_out) {
        ans->protocol_status = STATUS_ACCOUNT_LOCKED_OUT;
        reason_set("MsV1_0ChangePassword: %s\\%s is locked out", a->domain, a->name);
        goto answer;
    }
    if (memcmp(h_old, a->nt_hash, 16) != 0) {
        ans->protocol_status = STATUS_WRONG_PASSWORD;
        reason_set("MsV1_0ChangePassword: the old password of %s\\%s is wrong", a->domain,
                   a->name);
        goto answer;
    }
    nt_hash(newpw, h_new);
    change = true;
answer:
    /* The response is published and the password changed in one
     * publication section (publish.h): either both happen or neither, and
     * no reset can free the response before a failed change takes it
     * back. */
    unsigned section = publish_begin();
    if (retbuf_publish(resp, RETBUF_LSA_RETURN, sizeof *resp) != 0) {
        retbuf_discard(resp);
        resp = NULL;
        st = STATUS_NO_MEMORY;
        reason_set("out of memory allocating the response");
    } else if (change && current_change_password(a->name, h_new, newpw.n == 0) != 0) {
        retbuf_free(resp, RETBUF_LSA_RETURN);
        resp = NULL;
        st = STATUS_NO_MEMORY;
        reason_set("out of memory changing the password");
    }
    publish_end(section);
    if (resp) {
        ans->buffer = resp;
        ans->length = sizeof *resp;
    }
    if (st == STATUS_SUCCESS && change) {
        ans->protocol_status = STATUS_SUCCESS;
        reason_set("MsV1_0ChangePassword: password of %s\\%s changed", a->domain, a->name);
    }
out:
    mem_free(user);
    mem_free(domain);
    return st;
}
