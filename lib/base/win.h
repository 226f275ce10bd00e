/* SPDX-License-Identifier: MIT */
/*
 * The one place lib/ takes Windows basic types and status constants from:
 * the installed compat headers, with every STATUS_* from ntstatus.h.
 */
#ifndef LSAEMU_BASE_WIN_H
#define LSAEMU_BASE_WIN_H

#define WIN32_NO_STATUS
#include <windows.h>
#undef WIN32_NO_STATUS
#include <ntstatus.h>

#endif
