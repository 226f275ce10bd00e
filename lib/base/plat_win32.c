/* SPDX-License-Identifier: MIT */
/*
 * The platform layer on Windows (plat_thread.h, plat_file.h, plat_time.h,
 * plat_env.h), for the mingw-w64 DLL: Win32 calls of kernel32 only, with
 * POSIX results (descriptors of the C runtime, errno values).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <io.h>
#include <stdlib.h>
#include <string.h>
#include <windows.h>

#include "base/mem.h"
#include "base/plat_env.h"
#include "base/plat_file.h"
#include "base/plat_thread.h"
#include "base/plat_time.h"
#include "base/utf.h"

/* ---- threads ------------------------------------------------------------------ */

static BOOL CALLBACK run_once(PINIT_ONCE once, PVOID param, PVOID *context)
{
    void (*fn)(void);
    memcpy(&fn, &param, sizeof fn);
    fn();
    return TRUE;
}

void plat_once(plat_once_flag *once, void (*fn)(void))
{
    PVOID param;
    memcpy(&param, &fn, sizeof param);
    InitOnceExecuteOnce(once, run_once, param, NULL);
}

int plat_key_create(plat_key *key, void (*destructor)(void *value))
{
    /* A fiber-local slot's callback runs, as a key's destructor does, when
     * a thread that holds a non-NULL value exits. On x86-64 there is one
     * calling convention, so the destructor is the callback. */
    PFLS_CALLBACK_FUNCTION callback;
    memcpy(&callback, &destructor, sizeof callback);
    DWORD k = FlsAlloc(callback);
    if (k == FLS_OUT_OF_INDEXES)
        return EAGAIN;
    *key = k;
    return 0;
}

void *plat_key_get(plat_key key)
{
    /* FlsGetValue sets the last error; the program's must survive. */
    DWORD saved = GetLastError();
    void *v = FlsGetValue(key);
    SetLastError(saved);
    return v;
}

int plat_key_set(plat_key key, void *value)
{
    DWORD saved = GetLastError();
    int rc = FlsSetValue(key, value) ? 0 : ENOMEM;
    SetLastError(saved);
    return rc;
}

int plat_atfork(void (*prepare)(void), void (*parent)(void), void (*child)(void))
{
    (void)prepare;
    (void)parent;
    (void)child;
    return 0;
}

void plat_rwlock_reinit(plat_rwlock *l)
{
    InitializeSRWLock(l);
}

void plat_rwlock_reinit_writers(plat_rwlock *l)
{
    InitializeSRWLock(l);
}

long plat_pid(void)
{
    return (long)GetCurrentProcessId();
}

long plat_thread_id(void)
{
    return (long)GetCurrentThreadId();
}

void plat_sleep_ms(unsigned ms)
{
    Sleep(ms);
}

/* ---- files -------------------------------------------------------------------- */

/* The errno a POSIX system gives for what GetLastError() says. */
static int errno_of(DWORD e)
{
    switch (e) {
    case ERROR_FILE_NOT_FOUND:
    case ERROR_PATH_NOT_FOUND:
    case ERROR_INVALID_NAME:
    case ERROR_INVALID_DRIVE:
    case ERROR_BAD_NETPATH:
    case ERROR_BAD_PATHNAME:
        return ENOENT;
    case ERROR_ACCESS_DENIED:
    case ERROR_SHARING_VIOLATION:
    case ERROR_LOCK_VIOLATION:
    case ERROR_PRIVILEGE_NOT_HELD:
        return EACCES;
    case ERROR_FILE_EXISTS:
    case ERROR_ALREADY_EXISTS:
        return EEXIST;
    case ERROR_DISK_FULL:
    case ERROR_HANDLE_DISK_FULL:
        return ENOSPC;
    case ERROR_NOT_ENOUGH_MEMORY:
    case ERROR_OUTOFMEMORY:
        return ENOMEM;
    case ERROR_WRITE_PROTECT:
        return EROFS;
    case ERROR_BROKEN_PIPE:
    case ERROR_NO_DATA:
        return EPIPE;
    case ERROR_FILENAME_EXCED_RANGE:
        return ENAMETOOLONG;
    case ERROR_DIRECTORY:
        return ENOTDIR;
    case ERROR_INVALID_HANDLE:
        return EBADF;
    case ERROR_INVALID_PARAMETER:
        return EINVAL;
    default:
        return EIO;
    }
}

/* -1 with errno from GetLastError(). The program's last error is left as
 * it was: these calls are lsaemu's own business. */
static int fail_win(DWORD saved)
{
    errno = errno_of(GetLastError());
    SetLastError(saved);
    return -1;
}

/* path as UTF-16 (mem_malloc'd; mem_free), or NULL with errno ENOMEM. */
static wchar_t *wide(const char *path)
{
    size_t n = utf8_to_utf16(path, NULL, 0);
    uint16_t *w = mem_malloc((n + 1) * sizeof *w);
    if (!w) {
        errno = ENOMEM;
        return NULL;
    }
    utf8_to_utf16(path, w, n);
    w[n] = 0;
    return (wchar_t *)w;
}

static bool is_pipe_name(const char *path)
{
    return (path[0] == '\\' || path[0] == '/') && (path[1] == '\\' || path[1] == '/') &&
           path[2] == '.' && (path[3] == '\\' || path[3] == '/') &&
           _strnicmp(path + 4, "pipe", 4) == 0 && (path[8] == '\\' || path[8] == '/');
}

/* CreateFileW of a UTF-8 path: the handle, or INVALID_HANDLE_VALUE with
 * errno set (and the last error as it was). */
static HANDLE open_path(const char *path, DWORD access, DWORD disposition, DWORD flags)
{
    DWORD saved = GetLastError();
    wchar_t *w = wide(path);
    if (!w)
        return INVALID_HANDLE_VALUE;
    HANDLE h = CreateFileW(w, access, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                           NULL, disposition, flags, NULL);
    mem_free(w);
    if (h == INVALID_HANDLE_VALUE) {
        fail_win(saved);
        return INVALID_HANDLE_VALUE;
    }
    SetLastError(saved);
    return h;
}

/* A C runtime descriptor owning h (closed on failure): the descriptor, or
 * -1 with errno. */
static int descriptor(HANDLE h, int flags)
{
    int fd = _open_osfhandle((intptr_t)h, flags | _O_BINARY | _O_NOINHERIT);
    if (fd < 0) {
        int e = errno ? errno : EMFILE;
        CloseHandle(h);
        errno = e;
    }
    return fd;
}

static int kind_of_handle(HANDLE h, bool link_kept, struct plat_stat *st)
{
    DWORD saved = GetLastError();
    st->size = 0;
    switch (GetFileType(h)) {
    case FILE_TYPE_CHAR:
        st->kind = PLAT_FILE_OTHER;
        break;
    case FILE_TYPE_PIPE:
        st->kind = PLAT_FILE_FIFO;
        break;
    case FILE_TYPE_DISK: {
        BY_HANDLE_FILE_INFORMATION info;
        if (!GetFileInformationByHandle(h, &info))
            return fail_win(saved);
        if (link_kept && (info.dwFileAttributes & FILE_ATTRIBUTE_REPARSE_POINT))
            st->kind = PLAT_FILE_SYMLINK;
        else if (info.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY)
            st->kind = PLAT_FILE_DIRECTORY;
        else
            st->kind = PLAT_FILE_REGULAR;
        st->size = (int64_t)(((uint64_t)info.nFileSizeHigh << 32) | info.nFileSizeLow);
        break;
    }
    default:
        if (GetLastError() != NO_ERROR)
            return fail_win(saved);
        st->kind = PLAT_FILE_OTHER;
        break;
    }
    SetLastError(saved);
    return 0;
}

int plat_stat(const char *path, bool follow, struct plat_stat *st)
{
    /* Opening a pipe's name would connect to it, taking an instance. */
    if (is_pipe_name(path)) {
        st->kind = PLAT_FILE_FIFO;
        st->size = 0;
        return 0;
    }
    /* No access asked for: only the attributes are read, and a device is
     * not set to work. */
    HANDLE h = open_path(path, 0, OPEN_EXISTING,
                         FILE_FLAG_BACKUP_SEMANTICS | (follow ? 0 : FILE_FLAG_OPEN_REPARSE_POINT));
    if (h == INVALID_HANDLE_VALUE)
        return -1;
    int rc = kind_of_handle(h, !follow, st);
    int e = errno;
    CloseHandle(h);
    errno = e;
    return rc;
}

int plat_fstat(int fd, struct plat_stat *st)
{
    HANDLE h = (HANDLE)_get_osfhandle(fd);
    if (h == INVALID_HANDLE_VALUE) {
        errno = EBADF;
        return -1;
    }
    return kind_of_handle(h, false, st);
}

int plat_open_read_nowait(const char *path)
{
    HANDLE h = open_path(path, GENERIC_READ, OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL);
    return h == INVALID_HANDLE_VALUE ? -1 : descriptor(h, _O_RDONLY);
}

int plat_set_blocking(int fd)
{
    (void)fd;
    return 0;
}

int plat_open_append(const char *path)
{
    /* Append access without write access: the system puts every write at
     * the end in one step, as O_APPEND does. */
    HANDLE h = open_path(path, FILE_APPEND_DATA | SYNCHRONIZE, OPEN_ALWAYS, FILE_ATTRIBUTE_NORMAL);
    return h == INVALID_HANDLE_VALUE ? -1 : descriptor(h, _O_WRONLY);
}

int plat_open_new(const char *path, mode_t mode)
{
    (void)mode;
    HANDLE h = open_path(path, GENERIC_WRITE, CREATE_NEW,
                         FILE_ATTRIBUTE_NORMAL | FILE_FLAG_OPEN_REPARSE_POINT);
    return h == INVALID_HANDLE_VALUE ? -1 : descriptor(h, _O_WRONLY);
}

int plat_open_existing(const char *path)
{
    HANDLE h = open_path(path, GENERIC_WRITE, OPEN_EXISTING,
                         FILE_ATTRIBUTE_NORMAL | FILE_FLAG_OPEN_REPARSE_POINT);
    return h == INVALID_HANDLE_VALUE ? -1 : descriptor(h, _O_WRONLY);
}

int plat_open_dir(const char *path)
{
    HANDLE h = open_path(path, FILE_READ_ATTRIBUTES, OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS);
    return h == INVALID_HANDLE_VALUE ? -1 : descriptor(h, _O_RDONLY);
}

int plat_fsync(int fd)
{
    DWORD saved = GetLastError();
    HANDLE h = (HANDLE)_get_osfhandle(fd);
    if (h == INVALID_HANDLE_VALUE) {
        errno = EBADF;
        return -1;
    }
    if (!FlushFileBuffers(h))
        return fail_win(saved);
    return 0;
}

int plat_fsync_dir(int fd)
{
    (void)fd;
    errno = EINVAL;
    return -1;
}

int plat_rename(const char *from, const char *to)
{
    DWORD saved = GetLastError();
    wchar_t *wf = wide(from), *wt = wf ? wide(to) : NULL;
    int rc = -1;
    if (wf && wt) {
        /* Write-through: the call returns once the rename is on the disk,
         * which is what syncing the directory does on POSIX. */
        if (MoveFileExW(wf, wt, MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH))
            rc = 0;
        else
            fail_win(saved);
    }
    mem_free(wf);
    mem_free(wt);
    return rc;
}

int plat_unlink(const char *path)
{
    DWORD saved = GetLastError();
    wchar_t *w = wide(path);
    if (!w)
        return -1;
    int rc = DeleteFileW(w) ? 0 : fail_win(saved);
    mem_free(w);
    return rc;
}

size_t plat_dir_length(const char *path)
{
    size_t n = 0;
    for (size_t i = 0; path[i]; i++)
        if (path[i] == '/' || path[i] == '\\')
            n = i + 1;
    if (n == 0 && path[0] && path[1] == ':')
        n = 2;
    return n;
}

void plat_sigpipe_hold(struct plat_sigpipe *h)
{
    (void)h;
}

void plat_sigpipe_release(struct plat_sigpipe *h)
{
    (void)h;
}

/* ---- time --------------------------------------------------------------------- */

/* 100-ns intervals from 1601-01-01 to 1970-01-01. */
#define EPOCH_1970_IN_FILETIME 116444736000000000ull

void plat_realtime(int64_t *sec, long *nsec)
{
    FILETIME ft;
    GetSystemTimePreciseAsFileTime(&ft);
    uint64_t t = ((uint64_t)ft.dwHighDateTime << 32 | ft.dwLowDateTime) - EPOCH_1970_IN_FILETIME;
    *sec = (int64_t)(t / 10000000u);
    *nsec = (long)(t % 10000000u) * 100;
}

/* Days since 1970-01-01 to a civil date (the proleptic Gregorian calendar,
 * by eras of 400 years). */
static void civil_from_days(int64_t z, int64_t *y, unsigned *m, unsigned *d)
{
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = (int64_t)yoe + era * 400 + (*m <= 2);
}

bool plat_gmtime(int64_t t, struct tm *tm)
{
    /* FILETIME's range: 1601-01-01 to 30828-09-14. */
    if (t < -11644473600LL || t > 910692730085LL)
        return false;
    int64_t days = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
    int64_t secs = t - days * 86400;
    int64_t year;
    unsigned month, day;
    civil_from_days(days, &year, &month, &day);
    memset(tm, 0, sizeof *tm);
    tm->tm_sec = (int)(secs % 60);
    tm->tm_min = (int)(secs / 60 % 60);
    tm->tm_hour = (int)(secs / 3600);
    tm->tm_mday = (int)day;
    tm->tm_mon = (int)month - 1;
    tm->tm_year = (int)(year - 1900);
    /* 1970-01-01 was a Thursday. */
    tm->tm_wday = (int)(((days % 7) + 11) % 7);
    static const int before[12] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    tm->tm_yday = before[month - 1] + (int)day - 1 + (leap && month > 2);
    return true;
}

/* ---- the environment ---------------------------------------------------------- */

int plat_env_get(const char *name, const char **value)
{
    DWORD saved = GetLastError();
    int rc = -1;
    wchar_t *wname = wide(name), *buf = NULL;
    *value = NULL;
    if (!wname)
        goto out;
    /* The size may change between the calls if another thread sets the
     * variable: asked again until it fits. */
    DWORD cap = 0;
    for (;;) {
        DWORD n = GetEnvironmentVariableW(wname, buf, cap);
        if (n == 0) {
            /* Unset, or set to the empty string: either is "no value". */
            rc = 0;
            goto out;
        }
        if (n < cap)
            break;
        mem_free(buf);
        cap = n;
        buf = mem_malloc((size_t)cap * sizeof *buf);
        if (!buf)
            goto out;
    }
    char *u = utf16_to_utf8(buf, wcslen(buf));
    if (!u)
        goto out;
    *value = u;
    rc = 0;
out:
    mem_free(wname);
    mem_free(buf);
    SetLastError(saved);
    return rc;
}

void plat_env_free(const char *value)
{
    mem_free((char *)value);
}
