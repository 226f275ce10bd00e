/* SPDX-License-Identifier: MIT */
/*
 * profinfo.h - PROFILEINFO, what LoadUserProfile (userenv.h) takes. On
 * Windows x64 it is 56 bytes: two DWORDs, five string pointers and the
 * hProfile handle the call fills in.
 */
#ifndef LSAEMU_INCLUDE_PROFINFO_H
#define LSAEMU_INCLUDE_PROFINFO_H

#include "windef.h"

typedef struct _PROFILEINFOA {
    DWORD dwSize;
    DWORD dwFlags;
    LPSTR lpUserName;
    LPSTR lpProfilePath;
    LPSTR lpDefaultPath;
    LPSTR lpServerName;
    LPSTR lpPolicyPath;
    HANDLE hProfile;
} PROFILEINFOA, *LPPROFILEINFOA;

typedef struct _PROFILEINFOW {
    DWORD dwSize;
    DWORD dwFlags;
    LPWSTR lpUserName;
    LPWSTR lpProfilePath;
    LPWSTR lpDefaultPath;
    LPWSTR lpServerName;
    LPWSTR lpPolicyPath;
    HANDLE hProfile;
} PROFILEINFOW, *LPPROFILEINFOW;

#ifdef UNICODE
typedef PROFILEINFOW PROFILEINFO;
typedef LPPROFILEINFOW LPPROFILEINFO;
#else
typedef PROFILEINFOA PROFILEINFO;
typedef LPPROFILEINFOA LPPROFILEINFO;
#endif

#ifdef LSAEMU_CHECK_LAYOUT
LSAEMU_STATIC_ASSERT(sizeof(PROFILEINFOW) == 56, "PROFILEINFOW is 56 bytes on Win64");
LSAEMU_STATIC_ASSERT(sizeof(PROFILEINFOA) == 56, "PROFILEINFOA is 56 bytes on Win64");
#endif

#endif
