/* SPDX-License-Identifier: MIT */
/* Replacing a file atomically (see atomic_file.h), through the platform
 * layer's files (plat_file.h). */
#include "config.h"

#include "base/atomic_file.h"

#include <errno.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include "base/mem.h"
#include "base/plat_file.h"
#include "base/plat_thread.h"
#include "base/plat_time.h"

/* The test hook: the step that fails and the errno it fails with. */
static atomic_int fail_step;
static atomic_int fail_errno;

void atomic_file_fail_at(enum atomic_file_step step, int e)
{
    atomic_store_explicit(&fail_errno, e, memory_order_relaxed);
    atomic_store_explicit(&fail_step, (int)step, memory_order_release);
}

/* True (errno set) when the test hook makes step fail. */
static bool injected(enum atomic_file_step step)
{
    if (atomic_load_explicit(&fail_step, memory_order_acquire) != (int)step)
        return false;
    errno = atomic_load_explicit(&fail_errno, memory_order_relaxed);
    return true;
}

/* Fills why with "cannot write: WHAT: strerror(e)" ("cannot write:
 * strerror(e)" when what is NULL) and returns -1 with errno e. */
static int fail(char *why, size_t cap, int e, const char *what)
{
    if (why && cap)
        snprintf(why, cap, "cannot write: %s%s%s", what ? what : "", what ? ": " : "",
                 strerror(e));
    errno = e;
    return -1;
}

/* As fail, with a text that says it all (no strerror). */
static int refuse(char *why, size_t cap, int e, const char *text)
{
    if (why && cap)
        snprintf(why, cap, "cannot write: %s", text);
    errno = e;
    return -1;
}

/* Writes through fill to an open file and flushes it; f is closed in every
 * case. Returns 0, or -1 with errno set and *step naming what failed. */
static int fill_and_close(FILE *f, atomic_file_fill fill, void *ctx, bool sync,
                          enum atomic_file_step *step)
{
    errno = 0;
    *step = ATOMIC_FILE_WRITE;
    int filled = fill(f, ctx);
    if (filled != 0 || ferror(f) || fflush(f) != 0 || injected(ATOMIC_FILE_WRITE)) {
        /* ferror() without a failing call leaves errno as it was: EIO is
         * the honest "the stream says it failed". */
        int e = errno ? errno : EIO;
        fclose(f);
        errno = e;
        return -1;
    }
    *step = ATOMIC_FILE_SYNC;
    if (sync && (injected(ATOMIC_FILE_SYNC) || plat_fsync(fileno(f)) != 0)) {
        int e = errno;
        fclose(f);
        errno = e;
        return -1;
    }
    *step = ATOMIC_FILE_CLOSE;
    int closed = fclose(f);
    if (closed != 0 || injected(ATOMIC_FILE_CLOSE))
        return -1;
    *step = ATOMIC_FILE_OK;
    return 0;
}

/* A device, FIFO or socket: written in place (see atomic_file.h). */
static int write_in_place(const char *path, atomic_file_fill fill, void *ctx, char *why,
                          size_t cap)
{
    int fd = plat_open_existing(path);
    if (fd < 0)
        return fail(why, cap, errno, NULL);
    struct plat_stat st;
    if (plat_fstat(fd, &st) != 0) {
        int e = errno;
        close(fd);
        return fail(why, cap, e, NULL);
    }
    if (st.kind == PLAT_FILE_REGULAR || st.kind == PLAT_FILE_DIRECTORY) {
        /* It was replaced by a regular file since lstat(): writing in place
         * now would truncate nothing and leave a mixture. */
        close(fd);
        return refuse(why, cap, EAGAIN, "it was replaced while being written");
    }
    FILE *f = fdopen(fd, "w");
    if (!f) {
        int e = errno;
        close(fd);
        return fail(why, cap, e, NULL);
    }
    enum atomic_file_step step;
    if (fill_and_close(f, fill, ctx, false, &step) != 0)
        return fail(why, cap, errno, NULL);
    return 0;
}

/* Eight characters of a name no other writer is likely to pick; O_EXCL
 * makes a collision a retry, never a clash. */
static void random_name(char out[9])
{
    static atomic_ulong counter;
    static const char digits[] = "abcdefghijklmnopqrstuvwxyz234567";
    int64_t sec;
    long nsec;
    plat_realtime(&sec, &nsec);
    uint64_t x = (uint64_t)nsec ^ ((uint64_t)sec << 30) ^ ((uint64_t)plat_pid() << 40) ^
                 ((uint64_t)atomic_fetch_add_explicit(&counter, 1, memory_order_relaxed) *
                  0x9E3779B97F4A7C15ull);
    /* splitmix64's finaliser spreads every input bit over the output. */
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    x ^= x >> 31;
    for (int i = 0; i < 8; i++)
        out[i] = digits[(x >> (5 * i)) & 31];
    out[8] = '\0';
}

int atomic_file_write(const char *path, mode_t mode, atomic_file_fill fill, void *ctx,
                      char *why, size_t why_cap)
{
    struct plat_stat st;
    if (plat_stat(path, false, &st) == 0) {
        if (st.kind == PLAT_FILE_SYMLINK)
            return refuse(why, why_cap, ELOOP,
                          "it is a symbolic link, which lsaemu does not follow "
                          "(name the file it points to)");
        if (st.kind == PLAT_FILE_DIRECTORY)
            return fail(why, why_cap, EISDIR, NULL);
        if (st.kind != PLAT_FILE_REGULAR)
            return write_in_place(path, fill, ctx, why, why_cap);
    } else if (errno != ENOENT) {
        return fail(why, why_cap, errno, NULL);
    }

    /* The directory part, with its trailing slash ("" for the current one). */
    size_t dir_len = plat_dir_length(path);
    static const char pattern[] = ".lsaemu-XXXXXXXX.tmp";
    int rc = -1, e = 0, fd = -1, dfd = -1;
    FILE *f = NULL;
    enum atomic_file_step step;
    char *tmp = mem_malloc(dir_len + sizeof pattern);
    char *dir = mem_malloc(dir_len + 2);
    bool created = false;
    if (!tmp || !dir) {
        rc = fail(why, why_cap, ENOMEM, NULL);
        goto out;
    }
    memcpy(dir, path, dir_len);
    strcpy(dir + dir_len, dir_len ? "" : ".");
    memcpy(tmp, path, dir_len);
    memcpy(tmp + dir_len, pattern, sizeof pattern);

    for (int attempt = 0; attempt < 100 && fd < 0; attempt++) {
        char name[9];
        random_name(name);
        memcpy(tmp + dir_len + 8, name, 8);
        if (injected(ATOMIC_FILE_CREATE))
            break;
        fd = plat_open_new(tmp, mode);
        if (fd < 0 && errno != EEXIST)
            break;
    }
    if (fd < 0) {
        rc = fail(why, why_cap, errno, "cannot create a temporary file in its directory");
        goto out;
    }
    created = true;
    f = fdopen(fd, "w");
    if (!f) {
        e = errno;
        close(fd);
        rc = fail(why, why_cap, e, NULL);
        goto out;
    }
    if (fill_and_close(f, fill, ctx, true, &step) != 0) {
        rc = fail(why, why_cap, errno, step == ATOMIC_FILE_SYNC ? "fsync failed" : NULL);
        goto out;
    }
    if (injected(ATOMIC_FILE_RENAME) || plat_rename(tmp, path) != 0) {
        rc = fail(why, why_cap, errno, "cannot rename the temporary file over it");
        goto out;
    }
    created = false;

    /* The rename is done and visible; syncing the directory makes it
     * survive a crash. EINVAL: this file system cannot sync directories. */
    dfd = plat_open_dir(dir);
    if (dfd < 0) {
        rc = fail(why, why_cap, errno,
                  "the new file is in place, but its directory cannot be opened to sync it");
        goto out;
    }
    if ((injected(ATOMIC_FILE_SYNC_DIR) || plat_fsync_dir(dfd) != 0) && errno != EINVAL) {
        e = errno;
        close(dfd);
        rc = fail(why, why_cap, e, "the new file is in place, but syncing its directory failed");
        goto out;
    }
    if (close(dfd) != 0) {
        rc = fail(why, why_cap, errno,
                  "the new file is in place, but closing its directory failed");
        goto out;
    }
    rc = 0;
out:
    if (created) {
        /* The error already reported is what the caller must act on; a
         * temporary file that cannot be removed either is named by no
         * better message, so unlink's own failure is not reported. */
        e = errno;
        (void)plat_unlink(tmp);
        errno = e;
    }
    mem_free(tmp);
    mem_free(dir);
    return rc;
}
