/* SPDX-License-Identifier: MIT */
/*
 * The platform layer on POSIX (plat_thread.h, plat_file.h, plat_time.h,
 * plat_env.h): the system calls lib/ has always made, gathered here.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "base/plat_env.h"
#include "base/plat_file.h"
#include "base/plat_thread.h"
#include "base/plat_time.h"

/* ---- threads ------------------------------------------------------------------ */

int plat_atfork(void (*prepare)(void), void (*parent)(void), void (*child)(void))
{
    return pthread_atfork(prepare, parent, child);
}

void plat_rwlock_reinit(plat_rwlock *l)
{
    pthread_rwlock_init(l, NULL);
}

void plat_rwlock_reinit_writers(plat_rwlock *l)
{
    pthread_rwlockattr_t attr;
    pthread_rwlockattr_init(&attr);
    pthread_rwlockattr_setkind_np(&attr, PTHREAD_RWLOCK_PREFER_WRITER_NONRECURSIVE_NP);
    pthread_rwlock_init(l, &attr);
    pthread_rwlockattr_destroy(&attr);
}

long plat_pid(void)
{
    return (long)getpid();
}

long plat_thread_id(void)
{
    return (long)syscall(SYS_gettid);
}

void plat_sleep_ms(unsigned ms)
{
    struct timespec t = {(time_t)(ms / 1000), (long)(ms % 1000) * 1000000L};
    nanosleep(&t, NULL);
}

/* ---- files -------------------------------------------------------------------- */

static void kind_of(const struct stat *s, struct plat_stat *st)
{
    st->size = (int64_t)s->st_size;
    st->kind = S_ISREG(s->st_mode)    ? PLAT_FILE_REGULAR
               : S_ISDIR(s->st_mode)  ? PLAT_FILE_DIRECTORY
               : S_ISLNK(s->st_mode)  ? PLAT_FILE_SYMLINK
               : S_ISFIFO(s->st_mode) ? PLAT_FILE_FIFO
               : S_ISSOCK(s->st_mode) ? PLAT_FILE_SOCKET
                                      : PLAT_FILE_OTHER;
}

int plat_stat(const char *path, bool follow, struct plat_stat *st)
{
    struct stat s;
    if ((follow ? stat(path, &s) : lstat(path, &s)) != 0)
        return -1;
    kind_of(&s, st);
    return 0;
}

int plat_fstat(int fd, struct plat_stat *st)
{
    struct stat s;
    if (fstat(fd, &s) != 0)
        return -1;
    kind_of(&s, st);
    return 0;
}

int plat_open_read_nowait(const char *path)
{
    return open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
}

int plat_set_blocking(int fd)
{
    int flags = fcntl(fd, F_GETFL);
    if (flags < 0 || fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) < 0)
        return -1;
    return 0;
}

int plat_open_append(const char *path)
{
    /* O_NONBLOCK only for the open: a FIFO nobody reads fails (ENXIO)
     * instead of hanging the program; writes block as usual. */
    int fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | O_NOCTTY | O_NONBLOCK, 0644);
    if (fd < 0)
        return -1;
    if (plat_set_blocking(fd) != 0) {
        int err = errno;
        close(fd);
        errno = err;
        return -1;
    }
    return fd;
}

int plat_open_new(const char *path, mode_t mode)
{
    return open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_NOCTTY | O_CLOEXEC, mode);
}

int plat_open_existing(const char *path)
{
    return open(path, O_WRONLY | O_NOFOLLOW | O_NOCTTY | O_CLOEXEC);
}

int plat_open_dir(const char *path)
{
    return open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
}

int plat_fsync(int fd)
{
    return fsync(fd);
}

int plat_fsync_dir(int fd)
{
    return fsync(fd);
}

int plat_rename(const char *from, const char *to)
{
    return rename(from, to);
}

int plat_unlink(const char *path)
{
    return unlink(path);
}

size_t plat_dir_length(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? (size_t)(slash - path) + 1 : 0;
}

void plat_sigpipe_hold(struct plat_sigpipe *h)
{
    sigset_t pipe_set, pending;
    sigemptyset(&pipe_set);
    sigaddset(&pipe_set, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe_set, &h->old);
    h->was_pending = sigpending(&pending) == 0 && sigismember(&pending, SIGPIPE);
}

void plat_sigpipe_release(struct plat_sigpipe *h)
{
    int saved = errno;
    sigset_t pipe_set, pending;
    sigemptyset(&pipe_set);
    sigaddset(&pipe_set, SIGPIPE);
    /* A SIGPIPE that is pending now and was not before is ours: taken back,
     * so that unblocking does not deliver it. */
    if (!h->was_pending && sigpending(&pending) == 0 && sigismember(&pending, SIGPIPE)) {
        struct timespec zero = {0, 0};
        while (sigtimedwait(&pipe_set, NULL, &zero) < 0 && errno == EINTR)
            ;
    }
    pthread_sigmask(SIG_SETMASK, &h->old, NULL);
    errno = saved;
}

/* ---- time --------------------------------------------------------------------- */

void plat_realtime(int64_t *sec, long *nsec)
{
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    *sec = (int64_t)now.tv_sec;
    *nsec = now.tv_nsec;
}

bool plat_gmtime(int64_t t, struct tm *tm)
{
    time_t tt = (time_t)t;
    return gmtime_r(&tt, tm) != NULL;
}

/* ---- the environment ---------------------------------------------------------- */

int plat_env_get(const char *name, const char **value)
{
    *value = getenv(name);
    return 0;
}

void plat_env_free(const char *value)
{
    (void)value;
}
