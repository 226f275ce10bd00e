/* SPDX-License-Identifier: MIT */
/*
 * Threads, the platform's way: mutexes, reader-writer locks, one-time
 * initialisation, per-thread values with a destructor that runs at thread
 * exit, the fork hooks, and who is running. The rest of lib/ uses these
 * and never <pthread.h> or <windows.h> threads directly.
 *
 * On POSIX they are the pthread calls themselves, inline, so the per-call
 * path costs exactly what it did. On Windows (the mingw-w64 DLL, README
 * "Windows binaries under Wine") they are the Win32 primitives, so the DLL
 * needs nothing but kernel32 and msvcrt: SRW locks for both lock kinds,
 * InitOnceExecuteOnce, and fiber-local storage, whose callback runs when a
 * thread exits as a pthread key's destructor does. Windows has no fork():
 * plat_atfork() does nothing there, and the after-fork re-initialisers are
 * never called.
 *
 * Reader-writer locks: the registries' shards (base/registry.h) want
 * writer preference, so that a handle shared by many busy readers cannot
 * keep its owner from inserting; PLAT_RWLOCK_INIT_WRITERS asks for it
 * (glibc's writer-preferring kind). Windows' SRW locks queue a reader that
 * arrives while a writer waits behind that writer, which is the property
 * wanted. An SRW lock must be released the way it was taken, hence the two
 * unlock functions.
 *
 * Nothing here allocates, except plat_key_set() on Windows (the fiber-local
 * slot array, by the system).
 */
#ifndef LSAEMU_BASE_PLAT_THREAD_H
#define LSAEMU_BASE_PLAT_THREAD_H

#ifdef _WIN32

#include <errno.h>
#include <windows.h>

typedef SRWLOCK plat_mutex;
typedef SRWLOCK plat_rwlock;
typedef INIT_ONCE plat_once_flag;
typedef DWORD plat_key;

#define PLAT_MUTEX_INIT SRWLOCK_INIT
#define PLAT_RWLOCK_INIT SRWLOCK_INIT
#define PLAT_RWLOCK_INIT_WRITERS SRWLOCK_INIT
#define PLAT_ONCE_INIT INIT_ONCE_STATIC_INIT

static inline void plat_mutex_lock(plat_mutex *m)
{
    AcquireSRWLockExclusive(m);
}

static inline void plat_mutex_unlock(plat_mutex *m)
{
    ReleaseSRWLockExclusive(m);
}

/* 0, or EBUSY when another thread holds it. */
static inline int plat_mutex_trylock(plat_mutex *m)
{
    return TryAcquireSRWLockExclusive(m) ? 0 : EBUSY;
}

static inline void plat_rwlock_rdlock(plat_rwlock *l)
{
    AcquireSRWLockShared(l);
}

static inline void plat_rwlock_wrlock(plat_rwlock *l)
{
    AcquireSRWLockExclusive(l);
}

static inline void plat_rwlock_rdunlock(plat_rwlock *l)
{
    ReleaseSRWLockShared(l);
}

static inline void plat_rwlock_wrunlock(plat_rwlock *l)
{
    ReleaseSRWLockExclusive(l);
}

static inline int plat_rwlock_tryrdlock(plat_rwlock *l)
{
    return TryAcquireSRWLockShared(l) ? 0 : EBUSY;
}

static inline int plat_rwlock_trywrlock(plat_rwlock *l)
{
    return TryAcquireSRWLockExclusive(l) ? 0 : EBUSY;
}

/* Runs fn once per process, whichever thread comes first; the others wait
 * for it to finish. */
void plat_once(plat_once_flag *once, void (*fn)(void));

/*
 * A per-thread value with a destructor, called with the thread's non-NULL
 * value when the thread exits. 0, or an error number (the key is then not
 * usable). Keys live as long as the process.
 */
int plat_key_create(plat_key *key, void (*destructor)(void *value));
void *plat_key_get(plat_key key);
/* 0, or an error number (the old value stays). */
int plat_key_set(plat_key key, void *value);

#else /* POSIX */

#include <pthread.h>

typedef pthread_mutex_t plat_mutex;
typedef pthread_rwlock_t plat_rwlock;
typedef pthread_once_t plat_once_flag;
typedef pthread_key_t plat_key;

#define PLAT_MUTEX_INIT PTHREAD_MUTEX_INITIALIZER
#define PLAT_RWLOCK_INIT PTHREAD_RWLOCK_INITIALIZER
#define PLAT_RWLOCK_INIT_WRITERS PTHREAD_RWLOCK_WRITER_NONRECURSIVE_INITIALIZER_NP
#define PLAT_ONCE_INIT PTHREAD_ONCE_INIT

static inline void plat_mutex_lock(plat_mutex *m)
{
    pthread_mutex_lock(m);
}

static inline void plat_mutex_unlock(plat_mutex *m)
{
    pthread_mutex_unlock(m);
}

static inline int plat_mutex_trylock(plat_mutex *m)
{
    return pthread_mutex_trylock(m);
}

static inline void plat_rwlock_rdlock(plat_rwlock *l)
{
    pthread_rwlock_rdlock(l);
}

static inline void plat_rwlock_wrlock(plat_rwlock *l)
{
    pthread_rwlock_wrlock(l);
}

static inline void plat_rwlock_rdunlock(plat_rwlock *l)
{
    pthread_rwlock_unlock(l);
}

static inline void plat_rwlock_wrunlock(plat_rwlock *l)
{
    pthread_rwlock_unlock(l);
}

static inline int plat_rwlock_tryrdlock(plat_rwlock *l)
{
    return pthread_rwlock_tryrdlock(l);
}

static inline int plat_rwlock_trywrlock(plat_rwlock *l)
{
    return pthread_rwlock_trywrlock(l);
}

static inline void plat_once(plat_once_flag *once, void (*fn)(void))
{
    pthread_once(once, fn);
}

static inline int plat_key_create(plat_key *key, void (*destructor)(void *value))
{
    return pthread_key_create(key, destructor);
}

static inline void *plat_key_get(plat_key key)
{
    return pthread_getspecific(key);
}

static inline int plat_key_set(plat_key key, void *value)
{
    return pthread_setspecific(key, value);
}

#endif

/*
 * Fork hooks (pthread_atfork); on Windows, where no process is forked,
 * they are not registered and 0 is returned.
 */
int plat_atfork(void (*prepare)(void), void (*parent)(void), void (*child)(void));
/* In a child of fork(): lock l made afresh, unlocked (never on Windows). */
void plat_rwlock_reinit(plat_rwlock *l);
void plat_rwlock_reinit_writers(plat_rwlock *l);

/* The process id and the system's id of the calling thread (Linux: gettid),
 * as the trace and the audit records show them. */
long plat_pid(void);
long plat_thread_id(void);

/* Sleeps about ms milliseconds. */
void plat_sleep_ms(unsigned ms);

#endif
