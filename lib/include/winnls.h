/* SPDX-License-Identifier: MIT */
/*
 * winnls.h - code pages and conversion flags of the SDK's winnls.h, and
 * GetACP / GetOEMCP. The conversions themselves are in stringapiset.h.
 * Included by windows.h.
 */
#ifndef LSAEMU_INCLUDE_WINNLS_H
#define LSAEMU_INCLUDE_WINNLS_H

#include "windef.h"
#include "stringapiset.h"

#define CP_ACP 0
#define CP_OEMCP 1
#define CP_MACCP 2
#define CP_THREAD_ACP 3
#define CP_SYMBOL 42
#define CP_UTF7 65000
#define CP_UTF8 65001

#define MB_PRECOMPOSED 0x00000001
#define MB_COMPOSITE 0x00000002
#define MB_USEGLYPHCHARS 0x00000004
#define MB_ERR_INVALID_CHARS 0x00000008

#define WC_COMPOSITECHECK 0x00000200
#define WC_DISCARDNS 0x00000010
#define WC_SEPCHARS 0x00000020
#define WC_DEFAULTCHAR 0x00000040
#define WC_ERR_INVALID_CHARS 0x00000080
#define WC_NO_BEST_FIT_CHARS 0x00000400

#ifdef __cplusplus
extern "C" {
#endif

/* The ANSI and OEM code pages of the emulated machine: 65001 (UTF-8). */
LSAEMU_IMPORT WINBASEAPI UINT WINAPI GetACP(void);
LSAEMU_IMPORT WINBASEAPI UINT WINAPI GetOEMCP(void);

#ifdef __cplusplus
}
#endif

#endif
