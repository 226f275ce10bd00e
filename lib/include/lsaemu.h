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

#include <stddef.h>
#include <stdint.h>

/* LSAEMU_VERSION_MAJOR, _MINOR, _MICRO, LSAEMU_VERSION_STRING and
 * LSAEMU_CHECK_VERSION(): the version these headers belong to. */
#include "lsaemu_version.h"

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
 * An explicit load wins over LSAEMU_POLICY. After a load the process runs as
 * the new policy's LSAEMU_PROCESS entry, or its `default` entry when the
 * variable is unset or empty (call lsaemu_set_process() again to choose).
 * When LSAEMU_PROCESS names no entry of the new policy the load fails, as
 * start-up under LSAEMU_POLICY does, and changes nothing: -1, err->line 0,
 * err->text "LSAEMU_PROCESS=NAME names no entry of processes: in this
 * policy; ...". A failed first load leaves the process as if none had been
 * tried: its first call reads LSAEMU_POLICY.
 */
LSAEMU_PUBLIC int lsaemu_load_policy_file(const char *path, struct lsaemu_error *err);

/* As lsaemu_load_policy_file, from a NUL-terminated YAML text; source_name
 * (may be NULL: "<string>") is what error messages call it. */
LSAEMU_PUBLIC int lsaemu_load_policy_string(const char *yaml, const char *source_name,
                                            struct lsaemu_error *err);

/*
 * Validates a policy file without loading it: the current policy is left
 * untouched. Reports every error it can find, root cause first (the names
 * that name nothing after every other error), each kind in file order
 * (docs/policy-format.md, "Errors"): the first 100,
 * then once more at the first error not listed, saying how many there were
 * (lsaemu-policy(5), limits).
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
 * As lsaemu_check_policy_file, and also reports warnings: what is valid but
 * likely not what the author meant. Today one kind: a `rights:` entry that
 * leaves out holders the stock rights of `base` give that right ("rights:
 * SeNetworkLogonRight replaces the stock holders; Everyone, Users no longer
 * hold it (use rights_add: to add instead)"), at the right's key.
 *
 * [in] warn  called once per warning (may be NULL), after every error, in
 *            file order: the first 100, then once more saying how many
 *            there were. The structure is as for report.
 *
 * Warnings never change the result: 0 when the file is a valid policy, -1
 * otherwise (invalid or unreadable).
 */
LSAEMU_PUBLIC int lsaemu_check_policy_file_warnings(
    const char *path, void (*report)(const struct lsaemu_error *err, void *ctx),
    void (*warn)(const struct lsaemu_error *warning, void *ctx), void *ctx);

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
 * keeps the policy. Logon ids start again from the first one. For test
 * fixtures.
 *
 * Thread-safe, also while other threads are inside calls: a call builds
 * what it returns privately and registers all of it at once just before it
 * returns (a logon's session, token handle and buffers together), and a
 * reset releases only what is registered. So everything a call that
 * overlaps a reset returns is either released by that reset, as if the
 * call had returned before it (its handles are stale, its buffers must be
 * neither used nor freed), or all of it is valid after the reset, belongs
 * to the state after it (a logon then has a logon id of the new count) and
 * is released as usual, LSAEMU_LEAKS reporting what is not. The results do
 * not say which: a program that uses them lets its calls return before it
 * resets. A handle the reset closes while a call uses it answers
 * STATUS_INVALID_HANDLE.
 */
LSAEMU_PUBLIC void lsaemu_reset(void);

/* ---- Leak checking (control_leaks.c) ------------------------------------
 *
 * What the program holds open now: LSA handles (LsaRegisterLogonProcess,
 * LsaConnectUntrusted), token handles, policy handles (LsaOpenPolicy),
 * logon sessions whose last token is not closed, and returned buffers not
 * freed (LsaFreeReturnBuffer, LsaFreeMemory, LocalFree ...). A test's
 * teardown calls lsaemu_leaks() before lsaemu_reset(), which closes and
 * frees all of it without a word:
 *
 *     char *lines = NULL;
 *     unsigned long n = lsaemu_leaks(NULL, &lines);
 *     ck_assert_msg(n == 0, "%lu objects not released:\n%s", n, lines ? lines : "");
 *     lsaemu_free(lines);
 *     lsaemu_reset();
 *
 * LSAEMU_LEAKS (README) reports the same at process exit; LSAEMU_LEAKS=fatal
 * also ends a process that leaked with exit status 1.
 */
struct lsaemu_leaks {
    unsigned long lsa_handles;
    unsigned long token_handles;
    unsigned long policy_handles;
    unsigned long sessions;
    unsigned long buffers;
    unsigned long profile_handles; /* LoadUserProfile's hProfile (issue 13) */
};

/*
 * Counts the objects open now and returns their total.
 * [out] counts  (may be NULL) the count of each kind.
 * [out] lines   (may be NULL) one line per object, each ending in \n, as
 *               the LSAEMU_LEAKS report writes them, naming the call that
 *               made it ("lsaemu: leak: token handle 0x100 from LogonUserW
 *               (WS1\alice, logon session 00000000:00010002)"); "" when
 *               nothing is open, NULL when memory ran out. Free with
 *               lsaemu_free.
 * Releases nothing and writes nothing. Thread-safe; objects another thread
 * is making or releasing meanwhile may or may not be counted.
 */
LSAEMU_PUBLIC unsigned long lsaemu_leaks(struct lsaemu_leaks *counts, char **lines);

/*
 * Writes the policy in force, including every change made through the
 * Windows API (LsaAddAccountRights, LsaRemoveAccountRights, password
 * changes), to path as a policy-format v1 document that loads back to the
 * same decisions: `base: none`, every account with its nt_hash and an
 * explicit sid:, every group with its sid: and members, every right and
 * privilege listed explicitly, and the machine, options, processes and
 * faults sections.
 *
 * [in]  path  the file to create or replace.
 * [out] err   (may be NULL) on failure: source is path, line and column 0,
 *             text says what went wrong ("cannot write: <reason>").
 *
 * The file is replaced atomically: the document is written to a temporary
 * file in the same directory (.lsaemu-XXXXXXXX.tmp), flushed to disk with
 * fsync, then renamed over path, and the directory is synced. Readers see
 * the old file or the new one, never a part. When anything fails (a full
 * disk, out of memory) the temporary file is removed and path is left as it
 * was, byte for byte; the one exception is a failure to sync the directory
 * after the rename, whose text says "the new file is in place".
 *
 * The new file has mode 0600 (minus the umask) whatever the mode of the
 * file it replaces, because every account's nt_hash in it is a password
 * equivalent; owner, ACLs and hard links of the old file are not carried
 * over. path must not be a symbolic link: lsaemu does not write through
 * one (that would change a file the caller did not name) nor replace it,
 * it fails with "cannot write: it is a symbolic link ..." (links among the
 * directories of path are followed). A directory is refused; a device or
 * FIFO that exists (/dev/null) is written in place, not replaced.
 *
 * Returns 0 on success, -1 on failure. The policy in force is not changed.
 * Thread-safe.
 */
LSAEMU_PUBLIC int lsaemu_save_policy_file(const char *path, struct lsaemu_error *err);

/*
 * Frees memory an lsaemu_* function handed to the caller (the secedit
 * conversions below). NULL is ignored. Never use it on Windows buffers:
 * those go to LsaFreeReturnBuffer / LsaFreeMemory.
 */
LSAEMU_PUBLIC void lsaemu_free(void *p);

/* ---- Status and error names (control_status.c) --------------------------
 *
 * The tables behind LsaNtStatusToWinError, for tools that explain codes.
 * Every function is a look-up in constant tables: no allocation, no lock,
 * no change to GetLastError().
 */

/* The name of an NTSTATUS ("STATUS_LOGON_FAILURE"), or NULL when the
 * value has none. The string is static. */
LSAEMU_PUBLIC const char *lsaemu_status_name(int32_t status);

/* The name of a Win32 error code ("ERROR_LOGON_FAILURE"); when several
 * names share the value, the one winerror.h spells first. NULL when none. */
LSAEMU_PUBLIC const char *lsaemu_win32_name(uint32_t code);

/* The NTSTATUS named name (exact, upper case). Returns 0 and sets *out, or
 * -1 when no status has that name. */
LSAEMU_PUBLIC int lsaemu_status_from_name(const char *name, int32_t *out);

/* The Win32 error named name (ERROR_*, NO_ERROR, ...). 0 or -1. */
LSAEMU_PUBLIC int lsaemu_win32_from_name(const char *name, uint32_t *out);

/* The NTSTATUS behind this thread's last emulated call that made a
 * decision (housekeeping such as CloseHandle does not count), e.g. the
 * STATUS_ACCOUNT_RESTRICTION behind a LogonUserW that failed with 1327.
 * 0 before any call. */
LSAEMU_PUBLIC int32_t lsaemu_last_status(void);

/* The sub-status of the same decision (the SubStatus LsaLogonUser would
 * have returned, e.g. STATUS_ACCOUNT_DISABLED behind a LogonUserW that
 * failed with 1331), 0 when the decision had none. */
LSAEMU_PUBLIC int32_t lsaemu_last_substatus(void);

/* RtlNtStatusToDosError without the side effect on the thread: the Win32
 * error Windows maps status to (317 when it has no mapping). */
LSAEMU_PUBLIC uint32_t lsaemu_status_to_win32(int32_t status);

/*
 * Calls fn once for every named NTSTATUS that maps to the Win32 error code,
 * in ascending order of status value, and returns how many there were.
 * fn may be NULL (just count). ctx is passed to fn unchanged.
 */
LSAEMU_PUBLIC unsigned lsaemu_for_each_status_mapping_to(uint32_t code,
                                                         void (*fn)(int32_t status, void *ctx),
                                                         void *ctx);

/* ---- The rights database of the policy in force (control_rights.c) ------ */

/* How the logon-right rule answers for one account and logon type. */
enum lsaemu_right_state {
    LSAEMU_RIGHT_GRANTED = 0,     /* the allow right is held, no deny right */
    LSAEMU_RIGHT_NOT_GRANTED = 1, /* no SID of the token holds the allow right */
    LSAEMU_RIGHT_DENIED = 2,      /* a SID of the token holds the deny right */
    LSAEMU_RIGHT_UNGOVERNED = 3   /* no right governs the type (NewCredentials) */
};

struct lsaemu_logon_right {
    enum lsaemu_right_state state;
    /* The right that decided ("SeDenyNetworkLogonRight"), or the allow
     * right that is missing; "" when ungoverned. */
    char right[64];
    /* The principal carrying that right in the prospective token
     * ("BUILTIN\Users"); "(implicit)" for a service account's own service
     * right; "" when nobody in the token carries it. */
    char principal[320];
    /* The same sentence lsaemu_last_reason() gives for such a logon. */
    char reason[512];
};

/*
 * The name of account number index of the policy in force ("WS1\alice"),
 * in the policy's order (built-in accounts first). Returns 0, or -1 when
 * index is past the end or no policy can be loaded. name gets at most size
 * bytes, always terminated.
 */
LSAEMU_PUBLIC int lsaemu_policy_account(size_t index, char *name, size_t size);

/*
 * Applies the logon-right rule (credentials and account state aside) to a
 * logon of account (any principal spelling of the policy format) with
 * SECURITY_LOGON_TYPE logon_type, against the policy in force: the token
 * such a logon would get is built, and deny beats allow as in LsaLogonUser.
 * Returns 0 with *out filled, or -1 when the account is unknown, the type is
 * not a logon type (2-13 except 6), or no policy can be loaded.
 */
LSAEMU_PUBLIC int lsaemu_query_logon_right(const char *account, unsigned logon_type,
                                           struct lsaemu_logon_right *out);

/*
 * Calls fn once per privilege the token of an interactive logon of account
 * would hold, in LUID order: its name, the principal that carries it
 * ("BUILTIN\Administrators"; "(implicit)" for SYSTEM's) and whether it
 * starts enabled. Strings are valid during the call only. Returns the
 * number of privileges, or -1 as lsaemu_query_logon_right.
 */
LSAEMU_PUBLIC int lsaemu_for_each_account_privilege(const char *account,
                                                    void (*fn)(const char *privilege,
                                                               const char *principal,
                                                               int enabled, void *ctx),
                                                    void *ctx);

/* ---- Security templates (control_secedit.c) ------------------------------ */

/*
 * Converts the [Privilege Rights] section of a `secedit /export` template
 * (UTF-16LE with BOM, or UTF-8; CRLF or LF) into a v1 policy with
 * `base: none`, returned in *yaml (NUL-terminated, free with lsaemu_free).
 * Every problem is passed to report (may be NULL) as FILE:LINE:COLUMN
 * (1-based; line 0 when the file cannot be read: "cannot read: reason").
 * Returns 0 on success, -1 when the template is invalid or unreadable
 * (*yaml is then NULL).
 */
LSAEMU_PUBLIC int lsaemu_secedit_import_file(const char *path, char **yaml,
                                             void (*report)(const struct lsaemu_error *err,
                                                            void *ctx),
                                             void *ctx);

/*
 * The inverse: the rights database of the policy file policy_path as a
 * security template that `secedit /configure` accepts (UTF-16LE with BOM,
 * CRLF, [Unicode], [Version] and [Privilege Rights] with *S-1-... SIDs).
 * *data (free with lsaemu_free) receives *len bytes. Returns 0, or -1 with
 * *err (may be NULL) filled as by lsaemu_load_policy_file.
 */
LSAEMU_PUBLIC int lsaemu_secedit_export_file(const char *policy_path, char **data, size_t *len,
                                             struct lsaemu_error *err);

/*
 * The same template written to the file inf_path, replaced atomically as
 * lsaemu_save_policy_file replaces its file (temporary file, fsync, rename;
 * a failure leaves the previous inf_path byte-identical; a symbolic link is
 * refused, a device written in place), with the mode of any new file (0666
 * minus the umask): a template holds no secret. Returns 0, or -1 with *err
 * (may be NULL) filled as by lsaemu_load_policy_file for the policy, or
 * with source inf_path, line 0 and "cannot write: <reason>" for the output.
 */
LSAEMU_PUBLIC int lsaemu_secedit_export_to_file(const char *policy_path, const char *inf_path,
                                                struct lsaemu_error *err);

/* ---- Domain, lockout and templates (issue 15) ---------------------------- */

/*
 * Moves the emulated clock by seconds (negative: back): every "now" the
 * emulated calls use -- lockout windows and durations, logon hours,
 * account expiry, logon times, audit times of a policy with machine.time
 * -- is the policy's machine.time (else the real clock) plus what this
 * added since the last load or lsaemu_reset(), both of which set it back
 * to 0. A test moves past a lockout window or duration this way instead of
 * sleeping. Thread-safe.
 */
LSAEMU_PUBLIC void lsaemu_advance_time(int64_t seconds);

/* lsaemu_secedit_import_file_ex() flag: add a disabled account without a
 * password for every name the template gives that a policy does not have
 * by default -- in the domain: section for DOMAIN\name -- so that the
 * result validates. SIDs need none: a SID that names nothing is valid. */
#define LSAEMU_SECEDIT_STUB_ACCOUNTS 0x1u

/* lsaemu_secedit_import_file() with flags (LSAEMU_SECEDIT_STUB_ACCOUNTS or
 * 0); an unknown flag fails with -1 before anything is read. */
LSAEMU_PUBLIC int lsaemu_secedit_import_file_ex(const char *path, unsigned flags, char **yaml,
                                                void (*report)(const struct lsaemu_error *err,
                                                               void *ctx),
                                                void *ctx);

/* ---- Version (control_version.c) ----------------------------------------
 *
 * The version of the library the program runs with, "MAJOR.MINOR.MICRO"
 * (the LSAEMU_VERSION_STRING it was built from). A static string; compare
 * it with LSAEMU_VERSION_STRING to detect a program built against other
 * headers than the library it loaded.
 */
LSAEMU_PUBLIC const char *lsaemu_version(void);

#ifdef __cplusplus
}
#endif

#endif
