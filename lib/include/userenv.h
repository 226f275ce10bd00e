/* SPDX-License-Identifier: MIT */
/*
 * userenv.h - loading a user's profile for a token: LoadUserProfileA/W and
 * UnloadUserProfile (userenv.dll), with PROFILEINFO (profinfo.h). On the
 * emulated machine the profile of every account of the policy exists: an
 * administrator or LocalSystem process holding SeBackupPrivilege and
 * SeRestorePrivilege loads the profile of a token's user. hProfile is a
 * handle lsaemu owns, which UnloadUserProfile releases (Deviation: on
 * Windows it is a registry key of the user's hive; lsaemu emulates no
 * registry). The rules, the errors and the sources:
 * lib/win32/userenv/profile.c.
 */
#ifndef LSAEMU_INCLUDE_USERENV_H
#define LSAEMU_INCLUDE_USERENV_H

#include "windef.h"
#include "profinfo.h"

#define PI_NOUI 0x00000001
#define PI_APPLYPOLICY 0x00000002

#define PT_TEMPORARY 0x00000001
#define PT_ROAMING 0x00000002
#define PT_MANDATORY 0x00000004

#ifndef USERENVAPI
#define USERENVAPI
#endif

#ifdef __cplusplus
extern "C" {
#endif

LSAEMU_IMPORT USERENVAPI BOOL WINAPI LoadUserProfileA(HANDLE hToken,
                                                      LPPROFILEINFOA lpProfileInfo);
LSAEMU_IMPORT USERENVAPI BOOL WINAPI LoadUserProfileW(HANDLE hToken,
                                                      LPPROFILEINFOW lpProfileInfo);
LSAEMU_IMPORT USERENVAPI BOOL WINAPI UnloadUserProfile(HANDLE hToken, HANDLE hProfile);

#ifdef __cplusplus
}
#endif

#ifdef UNICODE
#define LoadUserProfile LoadUserProfileW
#else
#define LoadUserProfile LoadUserProfileA
#endif

#endif
