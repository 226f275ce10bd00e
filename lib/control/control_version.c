/* SPDX-License-Identifier: MIT */
/*
 * lsaemu_version() (lsaemu.h): the version of the library itself, from
 * configure (AC_INIT), the same source as the headers' LSAEMU_VERSION_*
 * macros (lsaemu_version.h), lsaemu.pc and the CMake version file.
 */
#include "config.h"

#include "lsaemu.h"

LSAEMU_PUBLIC const char *lsaemu_version(void)
{
    return PACKAGE_VERSION;
}
