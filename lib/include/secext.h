/* SPDX-License-Identifier: MIT */
/*
 * secext.h - the name functions of Secur32: GetUserNameEx (the caller's
 * name in a chosen format) and TranslateName (one account name into
 * another format), with EXTENDED_NAME_FORMAT. security.h includes it.
 * What the emulated machine answers for each format is in
 * lib/win32/secur32/user_name_ex.c.
 */
#ifndef LSAEMU_INCLUDE_SECEXT_H
#define LSAEMU_INCLUDE_SECEXT_H

#include "windef.h"

#ifndef SEC_ENTRY
#define SEC_ENTRY WINAPI
#endif

typedef enum {
    NameUnknown = 0,
    NameFullyQualifiedDN = 1,
    NameSamCompatible = 2,
    NameDisplay = 3,
    NameUniqueId = 6,
    NameCanonical = 7,
    NameUserPrincipal = 8,
    NameCanonicalEx = 9,
    NameServicePrincipal = 10,
    NameDnsDomain = 12,
    NameGivenName = 13,
    NameSurname = 14
} EXTENDED_NAME_FORMAT, *PEXTENDED_NAME_FORMAT;

#ifdef __cplusplus
extern "C" {
#endif

LSAEMU_IMPORT BOOLEAN SEC_ENTRY GetUserNameExA(EXTENDED_NAME_FORMAT NameFormat,
                                               LPSTR lpNameBuffer, PULONG nSize);
LSAEMU_IMPORT BOOLEAN SEC_ENTRY GetUserNameExW(EXTENDED_NAME_FORMAT NameFormat,
                                               LPWSTR lpNameBuffer, PULONG nSize);
LSAEMU_IMPORT BOOLEAN SEC_ENTRY TranslateNameA(LPCSTR lpAccountName,
                                               EXTENDED_NAME_FORMAT AccountNameFormat,
                                               EXTENDED_NAME_FORMAT DesiredNameFormat,
                                               LPSTR lpTranslatedName, PULONG nSize);
LSAEMU_IMPORT BOOLEAN SEC_ENTRY TranslateNameW(LPCWSTR lpAccountName,
                                               EXTENDED_NAME_FORMAT AccountNameFormat,
                                               EXTENDED_NAME_FORMAT DesiredNameFormat,
                                               LPWSTR lpTranslatedName, PULONG nSize);

#ifdef __cplusplus
}
#endif

#ifdef UNICODE
#define GetUserNameEx GetUserNameExW
#define TranslateName TranslateNameW
#else
#define GetUserNameEx GetUserNameExA
#define TranslateName TranslateNameA
#endif

#endif
