/* SPDX-License-Identifier: MIT */
/*
 * processthreadsapi.h - lsaemu's stand-in for the SDK header of the same
 * name: the process and thread token functions and pseudo-handles.
 * Included by windows.h, as in the SDK. Only emulated functions appear.
 */
#ifndef LSAEMU_INCLUDE_PROCESSTHREADSAPI_H
#define LSAEMU_INCLUDE_PROCESSTHREADSAPI_H

#include "windef.h"
#include "winnt.h"

#ifdef __cplusplus
extern "C" {
#endif

#ifdef __cplusplus
}
#endif

#endif
