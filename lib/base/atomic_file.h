/* SPDX-License-Identifier: MIT */
/*
 * Replacing a file so that a failure never costs the previous content
 * (lsaemu_save_policy_file, lsaemu_secedit_export_to_file). lsaemu runs
 * inside test suites that save fixtures over the files they came from; a
 * full disk or a killed process there must leave either the old file or the
 * new one, never a truncated mixture.
 *
 * How a regular file (or a name that does not exist yet) is written:
 *
 *   1. A temporary file is created next to it, in the same directory (so
 *      that rename() cannot cross file systems), as `.lsaemu-XXXXXXXX.tmp`
 *      with O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC and the final mode.
 *   2. The content is written through stdio, flushed and fsync()ed, and the
 *      file is closed; every return is checked.
 *   3. rename() puts it in place of path in one step.
 *   4. The directory is fsync()ed so that the rename survives a crash.
 *
 * A failure in steps 1 to 3 removes the temporary file and leaves path as
 * it was, byte for byte. A failure in step 4 is reported too, but then the
 * new file is already in place (the text says so); file systems that cannot
 * sync a directory (EINVAL) are not an error.
 *
 * The replacement is a new file: it gets mode (minus the umask), the
 * caller's owner and group; the old file's mode, owner, ACLs and other hard
 * links are not carried over (a hard link keeps the old content).
 *
 * What path may name:
 *   - a regular file or nothing: written as above;
 *   - a symbolic link: refused (ELOOP, "is a symbolic link"). Writing
 *     through the link would change a file the caller did not name (a
 *     checked-in fixture, or whatever a planted link in a shared directory
 *     points at); replacing the link would silently turn it into a file.
 *     Symbolic links among the directories on the way are followed as
 *     usual; only the last component is checked;
 *   - a directory: refused (EISDIR);
 *   - another existing file (a character device such as /dev/null or
 *     /dev/full, a FIFO): opened without O_CREAT and written in place, since
 *     it has no content to lose and must not be replaced by a regular file
 *     (as root, a rename over /dev/null would do exactly that).
 */
#ifndef LSAEMU_BASE_ATOMIC_FILE_H
#define LSAEMU_BASE_ATOMIC_FILE_H

#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>

/* Writes the content to f. Returns 0, or -1 with errno set (a stdio error
 * on f, found by ferror(), counts as a failure too). */
typedef int (*atomic_file_fill)(FILE *f, void *ctx);

/*
 * Replaces path with what fill writes, as described above; mode is the
 * mode of a newly created file before the umask (0600 for files holding
 * password equivalents).
 *
 * Returns 0, or -1 with errno set and why (why_cap bytes, may be NULL)
 * filled for lsaemu_error.text: "cannot write: <strerror>" when writing
 * the content failed, "cannot write: <the step that failed>: <strerror>"
 * otherwise (see the tests of check_save_policy.c for every text).
 * Thread-safe; allocates through mem.h; every descriptor is O_CLOEXEC.
 */
int atomic_file_write(const char *path, mode_t mode, atomic_file_fill fill, void *ctx,
                      char *why, size_t why_cap);

/*
 * Test-only fault injection (an internal symbol, not exported by liblsaemu;
 * the Check suites link the internal convenience library, like
 * mem_fail_after). atomic_file_fail_at(step, e): every later
 * atomic_file_write fails at step with errno e, as if the system call had,
 * until atomic_file_fail_at(ATOMIC_FILE_OK, 0). A real full disk is
 * simulated by the tests with RLIMIT_FSIZE instead; this reaches the steps
 * no unprivileged test can make fail (fsync, close, rename).
 */
enum atomic_file_step {
    ATOMIC_FILE_OK = 0,
    ATOMIC_FILE_CREATE, /* creating the temporary file */
    ATOMIC_FILE_WRITE,  /* writing or flushing the content */
    ATOMIC_FILE_SYNC,   /* fsync of the temporary file */
    ATOMIC_FILE_CLOSE,  /* closing it */
    ATOMIC_FILE_RENAME, /* renaming it over path */
    ATOMIC_FILE_SYNC_DIR, /* fsync of the directory, after the rename */
};
void atomic_file_fail_at(enum atomic_file_step step, int e);

#endif
