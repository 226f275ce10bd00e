/* SPDX-License-Identifier: MIT */
/*
 * Files, the platform's way, for the three places of lib/ that touch them:
 * the policy loader's input (lib/loader/yaml_input.c), the diagnostic
 * outputs (lib/core/diag/diag_out.c, leaks.c) and atomic replacement
 * (base/atomic_file.c). Each function is one POSIX call, or the short
 * sequence those places made, under a name that says what it is for.
 *
 * Paths are UTF-8. Results are POSIX descriptors and errno values on both
 * platforms, so read(), write(), close() and fdopen() work on what these
 * return, and strerror() names a failure.
 *
 * On Windows (the mingw-w64 DLL) a path is converted to UTF-16 and opened
 * with CreateFileW, which takes Windows paths (C:\x, Z:\tmp\x, relative
 * ones) and, under Wine, Unix paths (/tmp/x) as CI scripts write them;
 * the handle becomes a C runtime descriptor (_open_osfhandle). Files are
 * opened with every sharing mode, so that another process may read, write,
 * rename or delete them meanwhile, as on POSIX. GetLastError() codes are
 * mapped to the errno a POSIX system gives for the same failure (ENOENT,
 * EACCES, EEXIST, ENOSPC ...). Windows has no FIFOs: a named pipe counts
 * as one, a character device (NUL, CON) is PLAT_FILE_OTHER, and nothing
 * needs to be opened without blocking.
 */
#ifndef LSAEMU_BASE_PLAT_FILE_H
#define LSAEMU_BASE_PLAT_FILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#ifndef _WIN32
#include <signal.h>
#endif

enum plat_file_kind {
    PLAT_FILE_REGULAR,
    PLAT_FILE_DIRECTORY,
    PLAT_FILE_SYMLINK, /* only where not followed */
    PLAT_FILE_FIFO,    /* a FIFO or pipe */
    PLAT_FILE_SOCKET,
    PLAT_FILE_OTHER, /* a device */
};

struct plat_stat {
    enum plat_file_kind kind;
    int64_t size; /* of a regular file */
};

/* What path names (stat(), or lstat() when !follow): 0, or -1 with errno
 * (ENOENT when nothing is there). */
int plat_stat(const char *path, bool follow, struct plat_stat *st);
/* What fd is: 0, or -1 with errno. */
int plat_fstat(int fd, struct plat_stat *st);

/* Opens path for reading without waiting for a FIFO's writer
 * (O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC); plat_set_blocking() then
 * makes reads wait again. The descriptor, or -1 with errno. */
int plat_open_read_nowait(const char *path);
int plat_set_blocking(int fd);

/* Opens path for appending, created 0644 when missing, close-on-exec; a
 * FIFO without a reader is refused (ENXIO), not waited for. Every write is
 * one append: lines of several processes sharing the file never mix. */
int plat_open_append(const char *path);

/* Creates path, which must not exist (O_CREAT | O_EXCL, not following a
 * symbolic link), for writing, with mode (before the umask). */
int plat_open_new(const char *path, mode_t mode);
/* Opens an existing path for writing in place (a device, a FIFO), not
 * following a symbolic link. */
int plat_open_existing(const char *path);
/* Opens a directory, to sync it. */
int plat_open_dir(const char *path);

/* The data of fd on the disk (fsync). 0, or -1 with errno. */
int plat_fsync(int fd);
/* A directory's entries on the disk; -1 with EINVAL where the system
 * cannot sync a directory (Windows, where plat_rename() already waited
 * for the rename to be written). */
int plat_fsync_dir(int fd);
/* Puts from in place of to in one step, replacing it (rename()). */
int plat_rename(const char *from, const char *to);
int plat_unlink(const char *path);

/* The length of the directory part of path, its last separator included
 * (0 for a bare name): '/' on POSIX, '/', '\\' and a drive's ':' on
 * Windows. */
size_t plat_dir_length(const char *path);

/*
 * SIGPIPE held off for this thread while it writes to what may be a pipe
 * whose reader left: the write fails with EPIPE, and release takes back the
 * signal it raised (not one that was already pending). Windows has no
 * SIGPIPE (such a write fails with EPIPE by itself): nothing is done there.
 */
struct plat_sigpipe {
#ifndef _WIN32
    sigset_t old;
    bool was_pending;
#else
    int unused;
#endif
};
void plat_sigpipe_hold(struct plat_sigpipe *h);
void plat_sigpipe_release(struct plat_sigpipe *h);

#endif
