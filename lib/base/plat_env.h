/* SPDX-License-Identifier: MIT */
/*
 * The environment, the platform's way: the LSAEMU_* variables as UTF-8.
 *
 * On POSIX it is getenv(), which hands out the environment's own bytes and
 * allocates nothing. On Windows the variable is read as UTF-16 with
 * GetEnvironmentVariableW, which sees what the program set through the C
 * runtime (_putenv) or SetEnvironmentVariableW and never passes through
 * the ANSI code page, and converted to UTF-8 (base/utf.h), so that a path
 * with any character arrives whole.
 */
#ifndef LSAEMU_BASE_PLAT_ENV_H
#define LSAEMU_BASE_PLAT_ENV_H

/*
 * The value of the variable name: 0 with *value the value, or NULL when it
 * is not set; -1 when memory ran out (Windows only; *value NULL). The value
 * is released with plat_env_free(), which does nothing on POSIX.
 */
int plat_env_get(const char *name, const char **value);
void plat_env_free(const char *value);

#endif
