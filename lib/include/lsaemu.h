/* SPDX-License-Identifier: MIT */
/*
 * lsaemu.h - the control API of lsaemu, for tests and tools.
 *
 * lsaemu emulates the Windows LSA logon-process API (Secur32/Advapi32) on
 * Linux. The Windows functions themselves are declared in the compat headers
 * (<windows.h>, <ntsecapi.h>, ...); this header holds the few lsaemu_*
 * functions a test uses to choose the emulated machine and to ask why a call
 * was answered the way it was.
 *
 * Every function is thread-safe. Functions returning int return 0 on success
 * and -1 on failure, and fill *err when err is not NULL.
 */
#ifndef LSAEMU_H
#define LSAEMU_H

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define LSAEMU_PUBLIC __attribute__((visibility("default")))
#else
#define LSAEMU_PUBLIC
#endif

/*
 * Where a policy failed to load. source is the file name (or the name given
 * to lsaemu_load_policy_string), line and column are 1-based (0 when the
 * error has no position, e.g. an unreadable file), text says what is wrong
 * in words a person can act on.
 */
struct lsaemu_error {
    char source[256];
    int line;
    int column;
    char text[256];
};

/*
 * Loads a policy file (policy format v1) and makes it the emulated machine.
 * The replacement is atomic: calls already running finish on the old policy,
 * and a failed load changes nothing. Every handle, token and logon session
 * of the old policy stays open but sees the new policy from then on.
 * An explicit load wins over LSAEMU_POLICY.
 */
LSAEMU_PUBLIC int lsaemu_load_policy_file(const char *path, struct lsaemu_error *err);

/* As lsaemu_load_policy_file, from a NUL-terminated YAML text; source_name
 * (may be NULL: "<string>") is what error messages call it. */
LSAEMU_PUBLIC int lsaemu_load_policy_string(const char *yaml, const char *source_name,
                                            struct lsaemu_error *err);

/*
 * Validates a policy file without loading it: the current policy is left
 * untouched. Reports every error it can find, in file order.
 *
 * [in] path    the policy file.
 * [in] report  called once per error (may be NULL); err and the strings in
 *              it are valid only during the call. source is path, line and
 *              column are 1-based. When the file cannot be read, report is
 *              called once with line and column 0 and the text
 *              "cannot read: <reason>".
 * [in] ctx     passed to report unchanged.
 *
 * Returns 0 when the file is a valid policy, -1 otherwise (invalid or
 * unreadable).
 */
LSAEMU_PUBLIC int lsaemu_check_policy_file(const char *path,
                                           void (*report)(const struct lsaemu_error *err,
                                                          void *ctx),
                                           void *ctx);

/*
 * Makes the calling process run as the policy's `processes:` entry `name`
 * (LSAEMU_PROCESS does the same at start-up). The process token is rebuilt
 * from the entry, so privileges enabled with AdjustTokenPrivileges are
 * forgotten. Returns -1 when the policy has no such entry.
 */
LSAEMU_PUBLIC int lsaemu_set_process(const char *name);

/*
 * This thread's explanation of the last decision an emulated call made:
 * which rule decided, naming the right and the principal that carried it,
 * or the account flag. "" when this thread has made no call yet. The string
 * belongs to the thread and is overwritten by its next emulated call.
 */
LSAEMU_PUBLIC const char *lsaemu_last_reason(void);

/*
 * Closes every handle, token and logon session, frees every buffer the
 * library returned, clears the fault counters and rebuilds the process token;
 * keeps the policy. For test fixtures.
 */
LSAEMU_PUBLIC void lsaemu_reset(void);

#ifdef __cplusplus
}
#endif

#endif
