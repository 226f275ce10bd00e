/* SPDX-License-Identifier: MIT */
/*
 * windows.h - lsaemu's stand-in for the SDK's master header. As in the SDK it
 * brings in windef.h, winnt.h, winbase.h and winerror.h but not ntstatus.h;
 * define WIN32_NO_STATUS before it to get no STATUS_* codes from winnt.h.
 */
#ifndef LSAEMU_INCLUDE_WINDOWS_H
#define LSAEMU_INCLUDE_WINDOWS_H

#include "windef.h"
#include "winnt.h"
#include "winbase.h"
#include "winerror.h"
#include "processthreadsapi.h"
#include "securitybaseapi.h"
#include "winnls.h"
#include "libloaderapi.h"
#include "heapapi.h"
#include "lsaemu_crt.h"

#endif
