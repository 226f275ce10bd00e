/* SPDX-License-Identifier: MIT */
/*
 * Submit-buffer parsing for LsaLogonUser (see lsa_logon_buffer.h).
 *
 * On Windows the LSA copies the caller's block into its own address space
 * and rebases the string pointers, so only strings inside the block survive;
 * a pointer outside it is refused the way a malformed string is.
 */
#include "win32/secur32/lsa_logon_buffer.h"

#include <string.h>

#include "core/engine/guesses.h"
#include "core/diag/reason.h"
#include "base/mem.h"
#include "base/utf.h"

/* Shapes of the messages lsaemu emulates. */
enum shape { SHAPE_NONE, SHAPE_INTERACTIVE, SHAPE_UNLOCK, SHAPE_S4U, SHAPE_KNOWN_NOT_EMULATED };

struct message {
    ULONG id;
    const char *name;
    enum shape shape;
};

static const struct message msv_messages[] = {
    {MsV1_0InteractiveLogon, "MsV1_0InteractiveLogon", SHAPE_INTERACTIVE},
    {MsV1_0Lm20Logon, "MsV1_0Lm20Logon", SHAPE_KNOWN_NOT_EMULATED},
    {MsV1_0NetworkLogon, "MsV1_0NetworkLogon", SHAPE_KNOWN_NOT_EMULATED},
    {MsV1_0SubAuthLogon, "MsV1_0SubAuthLogon", SHAPE_KNOWN_NOT_EMULATED},
    {MsV1_0WorkstationUnlockLogon, "MsV1_0WorkstationUnlockLogon", SHAPE_UNLOCK},
    {MsV1_0S4ULogon, "MsV1_0S4ULogon", SHAPE_S4U},
    {MsV1_0VirtualLogon, "MsV1_0VirtualLogon", SHAPE_KNOWN_NOT_EMULATED},
    {MsV1_0NoElevationLogon, "MsV1_0NoElevationLogon", SHAPE_KNOWN_NOT_EMULATED},
    {MsV1_0LuidLogon, "MsV1_0LuidLogon", SHAPE_KNOWN_NOT_EMULATED},
};

static const struct message kerb_messages[] = {
    {KerbInteractiveLogon, "KerbInteractiveLogon", SHAPE_INTERACTIVE},
    {KerbSmartCardLogon, "KerbSmartCardLogon", SHAPE_KNOWN_NOT_EMULATED},
    {KerbWorkstationUnlockLogon, "KerbWorkstationUnlockLogon", SHAPE_UNLOCK},
    {KerbSmartCardUnlockLogon, "KerbSmartCardUnlockLogon", SHAPE_KNOWN_NOT_EMULATED},
    {KerbProxyLogon, "KerbProxyLogon", SHAPE_KNOWN_NOT_EMULATED},
    {KerbTicketLogon, "KerbTicketLogon", SHAPE_KNOWN_NOT_EMULATED},
    {KerbTicketUnlockLogon, "KerbTicketUnlockLogon", SHAPE_KNOWN_NOT_EMULATED},
    {KerbS4ULogon, "KerbS4ULogon", SHAPE_S4U},
    {KerbCertificateLogon, "KerbCertificateLogon", SHAPE_KNOWN_NOT_EMULATED},
    {KerbCertificateS4ULogon, "KerbCertificateS4ULogon", SHAPE_KNOWN_NOT_EMULATED},
    {KerbCertificateUnlockLogon, "KerbCertificateUnlockLogon", SHAPE_KNOWN_NOT_EMULATED},
    {KerbNoElevationLogon, "KerbNoElevationLogon", SHAPE_KNOWN_NOT_EMULATED},
    {KerbLuidLogon, "KerbLuidLogon", SHAPE_KNOWN_NOT_EMULATED},
};

static const struct message *find_message(enum auth_package kind, ULONG id)
{
    /* Negotiate accepts the Kerberos and the MSV1_0 shapes, whose numbers
     * for the emulated messages coincide. */
    if (kind != AUTH_MSV1_0)
        for (size_t i = 0; i < sizeof kerb_messages / sizeof kerb_messages[0]; i++)
            if (kerb_messages[i].id == id)
                return &kerb_messages[i];
    if (kind != AUTH_KERBEROS)
        for (size_t i = 0; i < sizeof msv_messages / sizeof msv_messages[0]; i++)
            if (msv_messages[i].id == id)
                return &msv_messages[i];
    return NULL;
}

static size_t shape_size(enum shape s)
{
    switch (s) {
    case SHAPE_INTERACTIVE:
        return sizeof(KERB_INTERACTIVE_LOGON);
    case SHAPE_UNLOCK:
        return sizeof(KERB_INTERACTIVE_UNLOCK_LOGON);
    case SHAPE_S4U:
        return sizeof(KERB_S4U_LOGON);
    default:
        return sizeof(ULONG);
    }
}

/* Reads a UNICODE_STRING at offset off of the block and checks it. */
static bool get_string(const unsigned char *base, ULONG len, size_t off, struct wspan *out,
                       const char *field)
{
    UNICODE_STRING us;
    memcpy(&us, base + off, sizeof us);
    out->p = NULL;
    out->n = 0;
    if (us.Length == 0)
        return true;
    if (us.Length & 1) {
        reason_set("%s.Length (%u) is odd: UTF-16 strings have an even byte length", field,
                   us.Length);
        return false;
    }
    if (!us.Buffer) {
        reason_set("%s.Buffer is NULL with Length %u", field, us.Length);
        return false;
    }
    if (us.Length > us.MaximumLength) {
        reason_set("%s.Length (%u) exceeds its MaximumLength (%u)", field, us.Length,
                   us.MaximumLength);
        return false;
    }
    uintptr_t start = (uintptr_t)us.Buffer, lo = (uintptr_t)base, hi = lo + len;
    /* An odd Buffer address is accepted, as the LSA accepts it: everything
     * that reads the text copies it unit by unit (wstr_to_utf8, the NT hash),
     * so no misaligned load happens. */
    if (start < lo || start > hi || hi - start < us.Length) {
        reason_set("%s points outside the submitted block: its Buffer must lie within the %lu "
                   "bytes passed as AuthenticationInformationLength",
                   field, (unsigned long)len);
        return false;
    }
    out->p = (const uint16_t *)us.Buffer;
    out->n = us.Length / 2;
    return true;
}

/*
 * A declared package's "user;password[;domain]" (behavior.md 12.11): UTF-16
 * text up to its first NUL or the end of the block (an odd last byte is no
 * unit), split at ';'. OpenSSH for Windows' custom-LSA path sends this.
 */
static NTSTATUS parse_text(const struct package *pkg, const void *buf, ULONG len,
                           struct submit *out)
{
    const unsigned char *base = buf;
    size_t n = len / 2, end = 0;
    struct wspan *fields[3] = {&out->user, &out->password, &out->domain};
    size_t k = 0, start = 0;
    if (!buf || n == 0) {
        reason_set("package %s reads \"user;password[;domain]\" text; AuthenticationInformation "
                   "is %s (%lu bytes)",
                   pkg->name, buf ? "too short" : "NULL", (unsigned long)len);
        return STATUS_INVALID_PARAMETER;
    }
    /* Units are read bytewise: the caller's block need not be aligned. */
    for (end = 0; end < n; end++) {
        uint16_t u;
        memcpy(&u, base + 2 * end, sizeof u);
        if (u == 0)
            break;
        if (u != ';')
            continue;
        if (k == 2) {
            reason_set("package %s reads \"user;password[;domain]\": the text has more than "
                       "three fields",
                       pkg->name);
            return STATUS_INVALID_PARAMETER;
        }
        fields[k]->p = (const uint16_t *)(base + 2 * start);
        fields[k]->n = end - start;
        k++;
        start = end + 1;
    }
    if (k == 0) {
        reason_set("package %s reads \"user;password[;domain]\": the text has no ';'",
                   pkg->name);
        return STATUS_INVALID_PARAMETER;
    }
    fields[k]->p = (const uint16_t *)(base + 2 * start);
    fields[k]->n = end - start;
    return STATUS_SUCCESS;
}

/* The submit block of a declared package, in the format it declares. */
static NTSTATUS parse_custom(const struct package *pkg, const void *buf, ULONG len,
                             struct submit *out)
{
    const struct policy_package *pk = pkg->custom;
    NTSTATUS st = STATUS_SUCCESS;
    out->message_name = pk->name;
    if (pk->format == PACKAGE_FORMAT_TEXT) {
        st = parse_text(pkg, buf, len, out);
    } else if (pk->format == PACKAGE_FORMAT_MSV1_0) {
        struct package msv = {MSV1_0_PACKAGE_NAME, "NTLM", 0, AUTH_MSV1_0, NULL};
        st = submit_parse(&msv, buf, len, out);
        if (st == STATUS_SUCCESS && out->form != LOGON_FORM_PASSWORD) {
            reason_set("package %s reads MSV1_0 interactive credentials; %s is another shape",
                       pk->name, out->message_name);
            st = STATUS_BAD_VALIDATION_CLASS;
        }
    }
    /* PACKAGE_FORMAT_ANY reads nothing: the block is the package's own. */
    out->form = pk->answer == PACKAGE_ANSWER_TRUST ? LOGON_FORM_VOUCHED : LOGON_FORM_PASSWORD;
    return st;
}

NTSTATUS submit_parse(const struct package *pkg, const void *buf, ULONG len, struct submit *out)
{
    memset(out, 0, sizeof *out);
    if (pkg->custom)
        return parse_custom(pkg, buf, len, out);
    enum auth_package kind = pkg->kind;
    if (!buf || len < sizeof(ULONG)) {
        reason_set("AuthenticationInformation is %s (%lu bytes): too short for a message type",
                   buf ? "given" : "NULL", (unsigned long)len);
        return STATUS_INVALID_PARAMETER;
    }
    const unsigned char *base = buf;
    memcpy(&out->message, base, sizeof(ULONG));
    const struct message *m = find_message(kind, out->message);
    if (!m) {
        reason_set("message type %lu is not a logon message of this package",
                   (unsigned long)out->message);
        return STATUS_BAD_VALIDATION_CLASS;
    }
    out->message_name = m->name;
    if (m->shape == SHAPE_KNOWN_NOT_EMULATED) {
        reason_set("%s is a real logon message that lsaemu does not emulate", m->name);
        return STATUS_NOT_IMPLEMENTED;
    }
    size_t need = shape_size(m->shape);
    if (len < need) {
        reason_set("%s needs %zu bytes, AuthenticationInformationLength is %lu", m->name, need,
                   (unsigned long)len);
        return STATUS_INVALID_PARAMETER;
    }
    bool ok;
    if (m->shape == SHAPE_S4U) {
        out->form = LOGON_FORM_S4U;
        memcpy(&out->s4u_flags, base + offsetof(KERB_S4U_LOGON, Flags), sizeof(ULONG));
        ok = get_string(base, len, offsetof(KERB_S4U_LOGON, ClientUpn), &out->user,
                        "ClientUpn") &&
             get_string(base, len, offsetof(KERB_S4U_LOGON, ClientRealm), &out->domain,
                        "ClientRealm");
    } else {
        out->form = LOGON_FORM_PASSWORD;
        ok = get_string(base, len, offsetof(KERB_INTERACTIVE_LOGON, LogonDomainName),
                        &out->domain, "LogonDomainName") &&
             get_string(base, len, offsetof(KERB_INTERACTIVE_LOGON, UserName), &out->user,
                        "UserName") &&
             get_string(base, len, offsetof(KERB_INTERACTIVE_LOGON, Password), &out->password,
                        "Password");
    }
    return ok ? STATUS_SUCCESS : GUESS_STRING_OUTSIDE_BLOCK_STATUS;
}

char *wspan_utf8(struct wspan s)
{
    size_t start = 0, len = 0;
    char *out = NULL;
    for (size_t i = 0; i <= s.n; i++) {
        uint16_t unit = 0;
        if (i < s.n)
            memcpy(&unit, (const char *)s.p + 2 * i, sizeof unit);
        if (i < s.n && unit != 0)
            continue;
        if (start == 0 && i == s.n)
            return utf16_to_utf8(s.p, s.n); /* no U+0000: the common case */
        /* Three bytes per unit at most, plus the 0xFF marks and the NUL. */
        if (!out && !(out = mem_malloc(s.n * 3 + 1)))
            return NULL;
        char *piece = utf16_to_utf8((const char *)s.p + 2 * start, i - start);
        if (!piece) {
            mem_free(out);
            return NULL;
        }
        size_t n = strlen(piece);
        memcpy(out + len, piece, n);
        len += n;
        mem_free(piece);
        if (i < s.n)
            out[len++] = (char)0xFF;
        start = i + 1;
    }
    out[len] = '\0';
    return out;
}

char *wspan_wtf8(struct wspan s)
{
    return utf16_to_wtf8(s.p, s.n);
}

bool submit_peek_span(const struct package *pkg, const void *buf, ULONG len, struct wspan *user)
{
    struct submit s;
    char saved[REASON_MAX];
    /* Parsing sets the reason on failure; the peek must not. */
    memcpy(saved, reason_get(), sizeof saved);
    NTSTATUS st = submit_parse(pkg, buf, len, &s);
    reason_put(saved);
    if (st != STATUS_SUCCESS)
        return false;
    *user = s.user;
    return true;
}

char *submit_peek_user(const struct package *pkg, const void *buf, ULONG len)
{
    struct wspan user;
    return submit_peek_span(pkg, buf, len, &user) ? wspan_utf8(user) : NULL;
}
