/* SPDX-License-Identifier: MIT */
/*
 * LsaCallAuthenticationPackage (behavior.md 3.6). Two answers: the function
 * result (transport and LSA errors) and *ProtocolStatus (the package's own
 * answer). Each package has a table of the messages it knows, with who may
 * send them and the handler when lsaemu emulates one.
 */
#include <stdlib.h>
#include <string.h>

#include "win32/secur32/callpkg.h"
#include "core/engine/guesses.h"
#include "core/state/handles.h"
#include "win32/secur32/connection.h"
#include "core/diag/reason.h"
#include "win32/secur32/packages.h"
#include "core/diag/trace.h"

/* Who may send a message. */
enum sender { ANY_CALLER, TRUSTED_ONLY };

struct message {
    ULONG id;
    const char *name;
    enum sender sender;
    callpkg_handler handler; /* NULL: known but not emulated */
};

static const struct message msv_messages[] = {
    {MsV1_0Lm20ChallengeRequest, "MsV1_0Lm20ChallengeRequest", TRUSTED_ONLY, NULL},
    {MsV1_0Lm20GetChallengeResponse, "MsV1_0Lm20GetChallengeResponse", TRUSTED_ONLY, NULL},
    {MsV1_0EnumerateUsers, "MsV1_0EnumerateUsers", TRUSTED_ONLY, NULL},
    {MsV1_0GetUserInfo, "MsV1_0GetUserInfo", TRUSTED_ONLY, NULL},
    {MsV1_0ReLogonUsers, "MsV1_0ReLogonUsers", TRUSTED_ONLY, NULL},
    {MsV1_0ChangePassword, "MsV1_0ChangePassword", ANY_CALLER, callpkg_msv_change_password},
    {MsV1_0ChangeCachedPassword, "MsV1_0ChangeCachedPassword", TRUSTED_ONLY, NULL},
    {MsV1_0GenericPassthrough, "MsV1_0GenericPassthrough", TRUSTED_ONLY, NULL},
    {MsV1_0CacheLogon, "MsV1_0CacheLogon", TRUSTED_ONLY, NULL},
    {MsV1_0SubAuth, "MsV1_0SubAuth", TRUSTED_ONLY, NULL},
    {MsV1_0DeriveCredential, "MsV1_0DeriveCredential", TRUSTED_ONLY, NULL},
    {MsV1_0CacheLookup, "MsV1_0CacheLookup", TRUSTED_ONLY, NULL},
    {MsV1_0SetProcessOption, "MsV1_0SetProcessOption", TRUSTED_ONLY, NULL},
    {MsV1_0ConfigLocalAliases, "MsV1_0ConfigLocalAliases", TRUSTED_ONLY, NULL},
    {MsV1_0ClearCachedCredentials, "MsV1_0ClearCachedCredentials", TRUSTED_ONLY, NULL},
    {MsV1_0LookupToken, "MsV1_0LookupToken", TRUSTED_ONLY, NULL},
    {MsV1_0ValidateAuth, "MsV1_0ValidateAuth", TRUSTED_ONLY, NULL},
    {MsV1_0CacheLookupEx, "MsV1_0CacheLookupEx", TRUSTED_ONLY, NULL},
    {MsV1_0GetCredentialKey, "MsV1_0GetCredentialKey", TRUSTED_ONLY, NULL},
    {MsV1_0SetThreadOption, "MsV1_0SetThreadOption", TRUSTED_ONLY, NULL},
    {MsV1_0DecryptDpapiMasterKey, "MsV1_0DecryptDpapiMasterKey", TRUSTED_ONLY, NULL},
    {MsV1_0GetStrongCredentialKey, "MsV1_0GetStrongCredentialKey", TRUSTED_ONLY, NULL},
    {MsV1_0TransferCred, "MsV1_0TransferCred", TRUSTED_ONLY, NULL},
    {MsV1_0ProvisionTbal, "MsV1_0ProvisionTbal", TRUSTED_ONLY, NULL},
    {MsV1_0DeleteTbalSecrets, "MsV1_0DeleteTbalSecrets", TRUSTED_ONLY, NULL},
};

/* Kerberos serves klist-style requests from anyone; the rules about whose
 * session may be named are the handlers' (D34, F10). */
static const struct message kerb_messages[] = {
    {KerbDebugRequestMessage, "KerbDebugRequestMessage", TRUSTED_ONLY, NULL},
    {KerbQueryTicketCacheMessage, "KerbQueryTicketCacheMessage", ANY_CALLER,
     callpkg_kerb_query_cache},
    {KerbChangeMachinePasswordMessage, "KerbChangeMachinePasswordMessage", TRUSTED_ONLY, NULL},
    {KerbVerifyPacMessage, "KerbVerifyPacMessage", TRUSTED_ONLY, NULL},
    {KerbRetrieveTicketMessage, "KerbRetrieveTicketMessage", ANY_CALLER, NULL},
    {KerbUpdateAddressesMessage, "KerbUpdateAddressesMessage", TRUSTED_ONLY, NULL},
    {KerbPurgeTicketCacheMessage, "KerbPurgeTicketCacheMessage", ANY_CALLER,
     callpkg_kerb_purge_cache},
    {KerbChangePasswordMessage, "KerbChangePasswordMessage", ANY_CALLER, NULL},
    {KerbRetrieveEncodedTicketMessage, "KerbRetrieveEncodedTicketMessage", ANY_CALLER, NULL},
    {KerbDecryptDataMessage, "KerbDecryptDataMessage", TRUSTED_ONLY, NULL},
    {KerbAddBindingCacheEntryMessage, "KerbAddBindingCacheEntryMessage", ANY_CALLER, NULL},
    {KerbSetPasswordMessage, "KerbSetPasswordMessage", ANY_CALLER, NULL},
    {KerbSetPasswordExMessage, "KerbSetPasswordExMessage", ANY_CALLER, NULL},
    {KerbVerifyCredentialsMessage, "KerbVerifyCredentialsMessage", TRUSTED_ONLY, NULL},
    {KerbQueryTicketCacheExMessage, "KerbQueryTicketCacheExMessage", ANY_CALLER,
     callpkg_kerb_query_cache},
    {KerbPurgeTicketCacheExMessage, "KerbPurgeTicketCacheExMessage", ANY_CALLER,
     callpkg_kerb_purge_cache},
    {KerbRefreshSmartcardCredentialsMessage, "KerbRefreshSmartcardCredentialsMessage",
     ANY_CALLER, NULL},
    {KerbAddExtraCredentialsMessage, "KerbAddExtraCredentialsMessage", ANY_CALLER, NULL},
    {KerbQuerySupplementalCredentialsMessage, "KerbQuerySupplementalCredentialsMessage",
     TRUSTED_ONLY, NULL},
    {KerbTransferCredentialsMessage, "KerbTransferCredentialsMessage", TRUSTED_ONLY, NULL},
    {KerbQueryTicketCacheEx2Message, "KerbQueryTicketCacheEx2Message", ANY_CALLER,
     callpkg_kerb_query_cache},
    {KerbSubmitTicketMessage, "KerbSubmitTicketMessage", ANY_CALLER, NULL},
    {KerbAddExtraCredentialsExMessage, "KerbAddExtraCredentialsExMessage", ANY_CALLER, NULL},
    {KerbQueryKdcProxyCacheMessage, "KerbQueryKdcProxyCacheMessage", ANY_CALLER, NULL},
    {KerbPurgeKdcProxyCacheMessage, "KerbPurgeKdcProxyCacheMessage", ANY_CALLER, NULL},
    {KerbQueryTicketCacheEx3Message, "KerbQueryTicketCacheEx3Message", ANY_CALLER,
     callpkg_kerb_query_cache},
    {KerbCleanupMachinePkinitCredsMessage, "KerbCleanupMachinePkinitCredsMessage", TRUSTED_ONLY,
     NULL},
    {KerbAddBindingCacheEntryExMessage, "KerbAddBindingCacheEntryExMessage", ANY_CALLER, NULL},
    {KerbQueryBindingCacheMessage, "KerbQueryBindingCacheMessage", ANY_CALLER, NULL},
    {KerbPurgeBindingCacheMessage, "KerbPurgeBindingCacheMessage", ANY_CALLER, NULL},
    {KerbPinKdcMessage, "KerbPinKdcMessage", ANY_CALLER, NULL},
    {KerbUnpinAllKdcsMessage, "KerbUnpinAllKdcsMessage", ANY_CALLER, NULL},
    {KerbQueryDomainExtendedPoliciesMessage, "KerbQueryDomainExtendedPoliciesMessage",
     ANY_CALLER, NULL},
    {KerbQueryS4U2ProxyCacheMessage, "KerbQueryS4U2ProxyCacheMessage", ANY_CALLER, NULL},
    {KerbRetrieveKeyTabMessage, "KerbRetrieveKeyTabMessage", ANY_CALLER, NULL},
};

/* NEGOTIATE_MESSAGES: NegEnumPackagesMessage 0, NegGetCallerName 1,
 * NegTransferCredentials 2. */
static const struct message nego_messages[] = {
    {0, "NegEnumPackagesMessage", ANY_CALLER, NULL},
    {1, "NegGetCallerName", ANY_CALLER, callpkg_nego_caller_name},
    {2, "NegTransferCredentials", TRUSTED_ONLY, NULL},
};

#define COUNT(a) (sizeof a / sizeof a[0])

static const struct message *find_message(enum auth_package kind, ULONG id)
{
    const struct message *table = kind == AUTH_MSV1_0    ? msv_messages
                                  : kind == AUTH_KERBEROS ? kerb_messages
                                                          : nego_messages;
    size_t n = kind == AUTH_MSV1_0    ? COUNT(msv_messages)
               : kind == AUTH_KERBEROS ? COUNT(kerb_messages)
                                       : COUNT(nego_messages);
    for (size_t i = 0; i < n; i++)
        if (table[i].id == id)
            return &table[i];
    return NULL;
}

LSAEMU_EXPORT NTSTATUS NTAPI LsaCallAuthenticationPackage(
    HANDLE LsaHandle, ULONG AuthenticationPackage, PVOID ProtocolSubmitBuffer,
    ULONG SubmitBufferLength, PVOID *ProtocolReturnBuffer, PULONG ReturnBufferLength,
    PNTSTATUS ProtocolStatus)
{
    struct api_call c;
    NTSTATUS st = api_enter(&c, "LsaCallAuthenticationPackage", NULL);
    ULONG id = 0;
    if (ProtocolSubmitBuffer && SubmitBufferLength >= sizeof(ULONG))
        memcpy(&id, ProtocolSubmitBuffer, sizeof id);
    struct package pkgv;
    const struct package *pkg =
        package_by_id(c.pol, AuthenticationPackage, &pkgv) ? &pkgv : NULL;
    if (trace_enabled()) {
        /* Names make the line readable; a change-password message's
         * passwords are never decoded here. */
        const struct message *tm = pkg && !pkg->custom ? find_message(pkg->kind, id) : NULL;
        trace_args("%p, package %lu (%s), message %lu (%s), %lu bytes", LsaHandle,
                   (unsigned long)AuthenticationPackage, pkg ? pkg->name : "unknown",
                   (unsigned long)id, tm ? tm->name : "unknown",
                   (unsigned long)SubmitBufferLength);
    }
    if (ProtocolReturnBuffer)
        *ProtocolReturnBuffer = NULL;
    if (ReturnBufferLength)
        *ReturnBufferLength = 0;
    if (st != STATUS_SUCCESS)
        goto out;
    /* Deviation: Windows faults on NULL pointers; lsaemu answers instead. */
    if (!ProtocolReturnBuffer || !ReturnBufferLength || !ProtocolStatus) {
        st = STATUS_INVALID_PARAMETER;
        reason_set("ProtocolReturnBuffer, ReturnBufferLength or ProtocolStatus is NULL");
        goto out;
    }
    struct lsa_connection conn;
    if (!handles_copy((uintptr_t)LsaHandle, HANDLE_LSA_CONNECTION, &conn, sizeof conn, NULL)) {
        st = GUESS_BAD_LSA_HANDLE_STATUS;
        reason_set("%p is not an open LSA connection handle", LsaHandle);
        goto out;
    }
    if (!pkg) {
        char names[512];
        st = STATUS_NO_SUCH_PACKAGE;
        reason_set("no authentication package has id %lu (registered: %s)",
                   (unsigned long)AuthenticationPackage,
                   package_names(c.pol, names, sizeof names));
        goto out;
    }
    if (!ProtocolSubmitBuffer || SubmitBufferLength < sizeof(ULONG)) {
        st = STATUS_INVALID_PARAMETER;
        reason_set("the submit buffer (%lu bytes) is too short for a message type",
                   (unsigned long)SubmitBufferLength);
        goto out;
    }
    if (pkg->custom) {
        st = GUESS_CUSTOM_PACKAGE_CALL_STATUS;
        reason_set("package %s is declared by the policy (packages:) for logons only; lsaemu "
                   "emulates no messages of it",
                   pkg->name);
        goto out;
    }
    const struct message *m = find_message(pkg->kind, id);
    if (!m) {
        st = GUESS_UNKNOWN_MESSAGE_STATUS;
        reason_set("%s knows no message %lu", pkg->name, (unsigned long)id);
        goto out;
    }
    bool allowed = m->sender == ANY_CALLER ||
                   (pkg->kind == AUTH_MSV1_0 && GUESS_MSV_UNTRUSTED_ALLOWED(id));
    if (!conn.trusted && !allowed) {
        st = c.pol->require_logon_process ? STATUS_NOT_LOGON_PROCESS : STATUS_ACCESS_DENIED;
        reason_set("%s is reserved for trusted callers (LsaRegisterLogonProcess); this handle "
                   "came from LsaConnectUntrusted%s",
                   m->name,
                   c.pol->require_logon_process ? " and options.require_logon_process is on"
                                                : "");
        goto out;
    }
    if (!m->handler) {
        st = STATUS_NOT_IMPLEMENTED;
        reason_set("%s is a real %s message that lsaemu does not emulate", m->name, pkg->name);
        goto out;
    }
    struct callpkg_request req = {
        .pol = c.pol,
        .message = id,
        .message_name = m->name,
        .buf = ProtocolSubmitBuffer,
        .len = SubmitBufferLength,
    };
    struct callpkg_answer ans = {0};
    st = m->handler(&req, &ans);
    if (st != STATUS_SUCCESS)
        goto out;
    *ProtocolStatus = ans.protocol_status;
    *ProtocolReturnBuffer = ans.buffer;
    *ReturnBufferLength = ans.length;
out:
    return api_leave(&c, st);
}
