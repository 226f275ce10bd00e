/* SPDX-License-Identifier: MIT */
/*
 * sddl.h - the Security Descriptor Definition Language string constants of
 * the SDK's sddl.h (TEXT-style: narrow unless UNICODE is defined) and the SID
 * string conversions. Strings these return are freed with LocalFree.
 */
#ifndef LSAEMU_INCLUDE_SDDL_H
#define LSAEMU_INCLUDE_SDDL_H

#include "windef.h"
#include "winnt.h"

#define SDDL_REVISION_1 1
#define SDDL_REVISION   SDDL_REVISION_1

/* Security-descriptor components. */
#define SDDL_OWNER LSAEMU_TEXT("O")
#define SDDL_GROUP LSAEMU_TEXT("G")
#define SDDL_DACL  LSAEMU_TEXT("D")
#define SDDL_SACL  LSAEMU_TEXT("S")

/* Security-descriptor control flags. */
#define SDDL_PROTECTED        LSAEMU_TEXT("P")
#define SDDL_AUTO_INHERIT_REQ LSAEMU_TEXT("AR")
#define SDDL_AUTO_INHERITED   LSAEMU_TEXT("AI")
#define SDDL_NULL_ACL         LSAEMU_TEXT("NO_ACCESS_CONTROL")

/* ACE types. */
#define SDDL_ACCESS_ALLOWED                 LSAEMU_TEXT("A")
#define SDDL_ACCESS_DENIED                  LSAEMU_TEXT("D")
#define SDDL_OBJECT_ACCESS_ALLOWED          LSAEMU_TEXT("OA")
#define SDDL_OBJECT_ACCESS_DENIED           LSAEMU_TEXT("OD")
#define SDDL_AUDIT                          LSAEMU_TEXT("AU")
#define SDDL_ALARM                          LSAEMU_TEXT("AL")
#define SDDL_OBJECT_AUDIT                   LSAEMU_TEXT("OU")
#define SDDL_OBJECT_ALARM                   LSAEMU_TEXT("OL")
#define SDDL_MANDATORY_LABEL                LSAEMU_TEXT("ML")
#define SDDL_CALLBACK_ACCESS_ALLOWED        LSAEMU_TEXT("XA")
#define SDDL_CALLBACK_ACCESS_DENIED         LSAEMU_TEXT("XD")
#define SDDL_RESOURCE_ATTRIBUTE             LSAEMU_TEXT("RA")
#define SDDL_SCOPED_POLICY_ID               LSAEMU_TEXT("SP")
#define SDDL_CALLBACK_AUDIT                 LSAEMU_TEXT("XU")
#define SDDL_CALLBACK_OBJECT_ACCESS_ALLOWED LSAEMU_TEXT("ZA")

/* ACE flags. */
#define SDDL_CONTAINER_INHERIT LSAEMU_TEXT("CI")
#define SDDL_OBJECT_INHERIT    LSAEMU_TEXT("OI")
#define SDDL_NO_PROPAGATE      LSAEMU_TEXT("NP")
#define SDDL_INHERIT_ONLY      LSAEMU_TEXT("IO")
#define SDDL_INHERITED         LSAEMU_TEXT("ID")
#define SDDL_AUDIT_SUCCESS     LSAEMU_TEXT("SA")
#define SDDL_AUDIT_FAILURE     LSAEMU_TEXT("FA")

/* Access rights. */
#define SDDL_READ_PROPERTY   LSAEMU_TEXT("RP")
#define SDDL_WRITE_PROPERTY  LSAEMU_TEXT("WP")
#define SDDL_CREATE_CHILD    LSAEMU_TEXT("CC")
#define SDDL_DELETE_CHILD    LSAEMU_TEXT("DC")
#define SDDL_LIST_CHILDREN   LSAEMU_TEXT("LC")
#define SDDL_SELF_WRITE      LSAEMU_TEXT("SW")
#define SDDL_LIST_OBJECT     LSAEMU_TEXT("LO")
#define SDDL_DELETE_TREE     LSAEMU_TEXT("DT")
#define SDDL_CONTROL_ACCESS  LSAEMU_TEXT("CR")
#define SDDL_READ_CONTROL    LSAEMU_TEXT("RC")
#define SDDL_WRITE_DAC       LSAEMU_TEXT("WD")
#define SDDL_WRITE_OWNER     LSAEMU_TEXT("WO")
#define SDDL_STANDARD_DELETE LSAEMU_TEXT("SD")
#define SDDL_GENERIC_ALL     LSAEMU_TEXT("GA")
#define SDDL_GENERIC_READ    LSAEMU_TEXT("GR")
#define SDDL_GENERIC_WRITE   LSAEMU_TEXT("GW")
#define SDDL_GENERIC_EXECUTE LSAEMU_TEXT("GX")
#define SDDL_FILE_ALL        LSAEMU_TEXT("FA")
#define SDDL_FILE_READ       LSAEMU_TEXT("FR")
#define SDDL_FILE_WRITE      LSAEMU_TEXT("FW")
#define SDDL_FILE_EXECUTE    LSAEMU_TEXT("FX")
#define SDDL_KEY_ALL         LSAEMU_TEXT("KA")
#define SDDL_KEY_READ        LSAEMU_TEXT("KR")
#define SDDL_KEY_WRITE       LSAEMU_TEXT("KW")
#define SDDL_KEY_EXECUTE     LSAEMU_TEXT("KX")
#define SDDL_NO_WRITE_UP     LSAEMU_TEXT("NW")
#define SDDL_NO_READ_UP      LSAEMU_TEXT("NR")
#define SDDL_NO_EXECUTE_UP   LSAEMU_TEXT("NX")

/* Two-letter SID aliases. */
#define SDDL_DOMAIN_ADMINISTRATORS         LSAEMU_TEXT("DA")
#define SDDL_DOMAIN_GUESTS                 LSAEMU_TEXT("DG")
#define SDDL_DOMAIN_USERS                  LSAEMU_TEXT("DU")
#define SDDL_ENTERPRISE_DOMAIN_CONTROLLERS LSAEMU_TEXT("ED")
#define SDDL_DOMAIN_DOMAIN_CONTROLLERS     LSAEMU_TEXT("DD")
#define SDDL_DOMAIN_COMPUTERS              LSAEMU_TEXT("DC")
#define SDDL_BUILTIN_ADMINISTRATORS        LSAEMU_TEXT("BA")
#define SDDL_BUILTIN_GUESTS                LSAEMU_TEXT("BG")
#define SDDL_BUILTIN_USERS                 LSAEMU_TEXT("BU")
#define SDDL_LOCAL_ADMIN                   LSAEMU_TEXT("LA")
#define SDDL_LOCAL_GUEST                   LSAEMU_TEXT("LG")
#define SDDL_ACCOUNT_OPERATORS             LSAEMU_TEXT("AO")
#define SDDL_BACKUP_OPERATORS              LSAEMU_TEXT("BO")
#define SDDL_PRINTER_OPERATORS             LSAEMU_TEXT("PO")
#define SDDL_SERVER_OPERATORS              LSAEMU_TEXT("SO")
#define SDDL_AUTHENTICATED_USERS           LSAEMU_TEXT("AU")
#define SDDL_PERSONAL_SELF                 LSAEMU_TEXT("PS")
#define SDDL_CREATOR_OWNER                 LSAEMU_TEXT("CO")
#define SDDL_CREATOR_GROUP                 LSAEMU_TEXT("CG")
#define SDDL_LOCAL_SYSTEM                  LSAEMU_TEXT("SY")
#define SDDL_POWER_USERS                   LSAEMU_TEXT("PU")
#define SDDL_EVERYONE                      LSAEMU_TEXT("WD")
#define SDDL_REPLICATOR                    LSAEMU_TEXT("RE")
#define SDDL_INTERACTIVE                   LSAEMU_TEXT("IU")
#define SDDL_NETWORK                       LSAEMU_TEXT("NU")
#define SDDL_SERVICE                       LSAEMU_TEXT("SU")
#define SDDL_RESTRICTED_CODE               LSAEMU_TEXT("RC")
#define SDDL_WRITE_RESTRICTED_CODE         LSAEMU_TEXT("WR")
#define SDDL_ANONYMOUS                     LSAEMU_TEXT("AN")
#define SDDL_SCHEMA_ADMINISTRATORS         LSAEMU_TEXT("SA")
#define SDDL_CERT_SERV_ADMINISTRATORS      LSAEMU_TEXT("CA")
#define SDDL_RAS_SERVERS                   LSAEMU_TEXT("RS")
#define SDDL_ENTERPRISE_ADMINS             LSAEMU_TEXT("EA")
#define SDDL_GROUP_POLICY_ADMINS           LSAEMU_TEXT("PA")
#define SDDL_ALIAS_PREW2KCOMPACC           LSAEMU_TEXT("RU")
#define SDDL_LOCAL_SERVICE                 LSAEMU_TEXT("LS")
#define SDDL_NETWORK_SERVICE               LSAEMU_TEXT("NS")
#define SDDL_REMOTE_DESKTOP                LSAEMU_TEXT("RD")
#define SDDL_NETWORK_CONFIGURATION_OPS     LSAEMU_TEXT("NO")
#define SDDL_PERFMON_USERS                 LSAEMU_TEXT("MU")
#define SDDL_PERFLOG_USERS                 LSAEMU_TEXT("LU")
#define SDDL_IIS_USERS                     LSAEMU_TEXT("IS")
#define SDDL_CRYPTO_OPERATORS              LSAEMU_TEXT("CY")
#define SDDL_OWNER_RIGHTS                  LSAEMU_TEXT("OW")
#define SDDL_EVENT_LOG_READERS             LSAEMU_TEXT("ER")
#define SDDL_ENTERPRISE_RO_DCs             LSAEMU_TEXT("RO")
#define SDDL_CERTSVC_DCOM_ACCESS           LSAEMU_TEXT("CD")
#define SDDL_ALL_APP_PACKAGES              LSAEMU_TEXT("AC")
#define SDDL_REMOTE_MANAGEMENT_USERS       LSAEMU_TEXT("RM")
#define SDDL_AUTHORITY_ASSERTED            LSAEMU_TEXT("AS")
#define SDDL_SERVICE_ASSERTED              LSAEMU_TEXT("SS")
#define SDDL_PROTECTED_USERS               LSAEMU_TEXT("AP")
#define SDDL_ML_LOW                        LSAEMU_TEXT("LW")
#define SDDL_ML_MEDIUM                     LSAEMU_TEXT("ME")
#define SDDL_ML_MEDIUM_PLUS                LSAEMU_TEXT("MP")
#define SDDL_ML_HIGH                       LSAEMU_TEXT("HI")
#define SDDL_ML_SYSTEM                     LSAEMU_TEXT("SI")

/* Separators.  */
#define SDDL_SEPERATOR    LSAEMU_TEXT(";")
#define SDDL_DELIMINATOR  LSAEMU_TEXT(":")
#define SDDL_ACE_BEGIN    LSAEMU_TEXT("(")
#define SDDL_ACE_END      LSAEMU_TEXT(")")
#define SDDL_SEPERATORC   LSAEMU_TEXT(';')
#define SDDL_DELIMINATORC LSAEMU_TEXT(':')
#define SDDL_ACE_BEGINC   LSAEMU_TEXT('(')
#define SDDL_ACE_ENDC     LSAEMU_TEXT(')')

#ifdef __cplusplus
extern "C" {
#endif

LSAEMU_IMPORT WINADVAPI BOOL WINAPI ConvertSidToStringSidA(_In_ PSID Sid, _Outptr_ LPSTR *StringSid);
LSAEMU_IMPORT WINADVAPI BOOL WINAPI ConvertSidToStringSidW(_In_ PSID Sid, _Outptr_ LPWSTR *StringSid);
LSAEMU_IMPORT WINADVAPI BOOL WINAPI ConvertStringSidToSidA(_In_ LPCSTR StringSid, _Outptr_ PSID *Sid);
LSAEMU_IMPORT WINADVAPI BOOL WINAPI ConvertStringSidToSidW(_In_ LPCWSTR StringSid, _Outptr_ PSID *Sid);

#ifdef __cplusplus
}
#endif

#ifdef UNICODE
#define ConvertSidToStringSid ConvertSidToStringSidW
#define ConvertStringSidToSid ConvertStringSidToSidW
#else
#define ConvertSidToStringSid ConvertSidToStringSidA
#define ConvertStringSidToSid ConvertStringSidToSidA
#endif

#endif
