/* SPDX-License-Identifier: MIT */
/*
 * The policy in force and the calling process's identity (see current.h).
 *
 * Lock order: the publication locks (publish.h), then current_mutex, then
 * state_lock, then the handle, session, return-buffer, fault and lockout
 * locks (each registry's shards in index order, shard.h), then the token
 * locks (token.h).
 *
 * Changes hold current_mutex (one changer at a time) and state_lock for
 * writing while they swap the policy, the broken flag and the process
 * identity. The per-call readers (current_acquire, current_process_token,
 * current_process_session) take state_lock for reading only, so concurrent
 * calls never wait for each other; a call keeps its own reference, so calls
 * already running finish on the old policy. The fork handlers take them all in that order so that a child
 * of a busy multi-threaded parent starts with every lock free and every
 * structure consistent.
 */
#include "core/state/current.h"

#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/engine/engine.h"
#include "core/engine/guesses.h"
#include "core/model/policy_build.h"
#include "core/model/rights.h"
#include "core/state/faults.h"
#include "core/state/handles.h"
#include "core/state/lockout.h"
#include "core/state/publish.h"
#include "core/state/retbuf.h"
#include "core/state/sessions.h"
#include "core/state/token.h"
#include "base/plat_env.h"
#include "base/plat_thread.h"
#include "base/plat_time.h"
#include "base/win.h"

static plat_mutex current_mutex = PLAT_MUTEX_INIT;
static plat_rwlock state_lock = PLAT_RWLOCK_INIT;
/* Set once init_locked() has run: readers then skip current_mutex. */
static atomic_bool init_done;
static bool initialized;
static bool broken;
/* Why the start-up left the process broken, as stderr said it; written
 * once, by init_locked() under the locks, before broken is seen. */
static char broken_why[700];
static struct policy *policy;
/* The entry the process runs as: a `processes:` name, or
 * "LSAEMU_TOKEN=<value>" when the process was started with a token
 * (token_entry()). */
static char process_name[600] = "default";
static struct token *process_token;
static struct logon_session *process_session;
/* The linked session of a process whose logon UAC split (behavior.md
 * 12.10), pinned like process_session so that the leak report does not
 * list it; NULL otherwise. */
static struct logon_session *process_linked;
static uint32_t process_session_id = 1;
static bool builtin_sessions_made;

/* What lsaemu_advance_time() moved the clock by, in seconds: added to
 * every "now" (current_now()); 0 again after a load or a reset. */
static _Atomic int64_t clock_offset;

/* The policy source (current.h), registered at load time. */
static _Atomic(current_startup_fn) startup_source;

static plat_once_flag key_once = PLAT_ONCE_INIT;
static plat_key thread_token_key;

/*
 * Every change of the state (change_end) advances the generation. A thread
 * keeps a reference to the policy it last acquired together with the
 * generation it saw; while the generation is unchanged, current_acquire()
 * hands out that cached reference without touching the policy's reference
 * count or the lock, so concurrent calls do not contend on shared cache
 * lines. The process token and terminal session of the same generation are
 * cached alongside, for current_caller_token_borrow() and
 * current_process_session(). depth counts the calls of the thread that use the cached
 * reference; the cache is only replaced when none does.
 */
static atomic_ulong generation = 1;
struct acquire_cache {
    unsigned long gen; /* 0: nothing cached */
    struct policy *pol; /* referenced; NULL for the broken state */
    unsigned depth;
    /* The process identity of the same generation: the token (referenced,
     * NULL in the broken state) and its terminal session. */
    struct token *proc_token;
    uint32_t proc_session_id;
};
static _Thread_local struct acquire_cache tcache;
static plat_key cache_key;

/* Thread exit: drop the cached reference. */
static void drop_cache(void *p)
{
    struct acquire_cache *c = p;
    struct policy *pol = c->pol;
    struct token *t = c->proc_token;
    c->pol = NULL;
    c->proc_token = NULL;
    c->gen = 0;
    policy_unref(pol);
    token_unref(t);
}

static void init_locked(void);

static void drop_thread_token(void *p)
{
    token_unref(p);
}

static void atfork_prepare(void)
{
    publish_lock_all();
    plat_mutex_lock(&current_mutex);
    plat_rwlock_wrlock(&state_lock);
    handles_lock();
    sessions_lock();
    retbuf_lock();
    faults_lock();
    lockout_lock();
    tokens_lock_all();
}

static void atfork_release(void)
{
    tokens_unlock_all();
    lockout_unlock();
    faults_unlock();
    retbuf_unlock();
    sessions_unlock();
    handles_unlock();
    plat_rwlock_wrunlock(&state_lock);
    plat_mutex_unlock(&current_mutex);
    publish_unlock_all();
}

static void atfork_child(void)
{
    tokens_unlock_all();
    lockout_child_after_fork();
    faults_unlock();
    retbuf_unlock();
    sessions_unlock();
    handles_child_after_fork();
    /* Not unlocked but made afresh: threads of the parent that were blocked
     * in pthread_rwlock_rdlock() at the fork stay counted in the lock's
     * state, and in the child, where they do not exist, every later reader
     * would wait for them forever (tests/check_threads.c, fork). */
    plat_rwlock_reinit(&state_lock);
    plat_mutex_unlock(&current_mutex);
    publish_unlock_all();
}

/* Taken by everything that changes the state below. */
static void change_begin(void)
{
    plat_mutex_lock(&current_mutex);
    plat_rwlock_wrlock(&state_lock);
}

static void change_end(void)
{
    atomic_fetch_add_explicit(&generation, 1, memory_order_release);
    plat_rwlock_wrunlock(&state_lock);
    plat_mutex_unlock(&current_mutex);
}

/* Readers: make sure the lazy start-up has run, then read under state_lock. */
static void read_begin(bool init)
{
    if (init && !atomic_load_explicit(&init_done, memory_order_acquire)) {
        change_begin();
        init_locked();
        change_end();
    }
    plat_rwlock_rdlock(&state_lock);
}

static void make_key(void)
{
    plat_key_create(&thread_token_key, drop_thread_token);
    plat_key_create(&cache_key, drop_cache);
    plat_atfork(atfork_prepare, atfork_release, atfork_child);
}

/* Creates and pins SYSTEM's, LOCAL SERVICE's and NETWORK SERVICE's sessions
 * (they exist from boot on Windows). Lock held. */
static void make_builtin_sessions(void)
{
    static const struct {
        uint32_t luid;
        const char *user;
        uint32_t rid;
    } builtins[] = {
        {LUID_SYSTEM, "SYSTEM", 18},
        {LUID_LOCAL_SERVICE, "LOCAL SERVICE", 19},
        {LUID_NETWORK_SERVICE, "NETWORK SERVICE", 20},
    };
    if (builtin_sessions_made)
        return;
    for (size_t i = 0; i < sizeof builtins / sizeof builtins[0]; i++) {
        struct sid sid = sid_make1(5, builtins[i].rid);
        struct session_info info = {
            .user_name = builtins[i].user,
            .domain = "NT AUTHORITY",
            .package = "Negotiate",
            .user_sid = &sid,
            .logon_type = 5,
            .session_id = 0,
        };
        struct luid id = {builtins[i].luid, 0};
        /* Complete before it is published: other threads' calls may look
         * it up at once (a reset rebuilds these while they run). */
        struct logon_session *s = session_new(&info, &id);
        if (s)
            s->zeroed = builtins[i].luid == LUID_SYSTEM;
        if (s && session_publish(s) != 0) {
            session_unref(s);
            s = NULL;
        }
        if (!s)
            return; /* retried on the next install */
        session_pin(s);
        session_unref(s);
    }
    builtin_sessions_made = true;
}

/*
 * UAC (behavior.md 12.10): an administrator's process in an interactive
 * session runs with the filtered token, linked to the full one, unless its
 * entry says `elevated: true`, which gives it the full token, linked to the
 * filtered one. t is the full token, already in session s (not yet
 * published); the other token becomes the template of a new linked session
 * that s holds. Returns the process's token (t or its filtered copy, with
 * s's reference), or NULL on allocation failure with t released.
 */
static struct token *split_process(const struct process_entry *proc, struct logon_session *s,
                                   struct token *t, struct logon_session **linked)
{
    struct token *limited = engine_uac_limited(t);
    if (!limited) {
        token_unref(t);
        return NULL;
    }
    engine_uac_mark_full(t);
    bool elevated = proc->elevated >= 0 ? proc->elevated == 1 : GUESS_UAC_PROCESS_ELEVATED_DEFAULT;
    struct token *mine = elevated ? t : limited, *other = elevated ? limited : t;
    if (!elevated) {
        /* The filtered copy takes over the full token's place in s. */
        limited->session = t->session;
        t->session = NULL;
    }
    /* session_split() consumes other (it becomes the linked session's
     * template) and keeps a snapshot of mine as s's. */
    struct logon_session *f = session_split(s, mine, other);
    if (!f || session_publish(f) != 0) {
        if (f)
            session_unref(f);
        token_unref(mine);
        return NULL;
    }
    s->linked = f; /* s holds the linked session: it ends with s */
    *linked = f;
    return mine;
}

/*
 * The process entry LSAEMU_TOKEN describes (README, environment table): the
 * account SID, the terminal session and the enabled privileges of the token
 * a parent linked with lsaemu gave CreateProcessAsUserW or
 * CreateProcessWithTokenW, as "SID;SESSION;PRIV,PRIV...". The account must
 * be one of pol's and every privilege a known name; false otherwise.
 */
static bool token_entry(const struct policy *pol, const char *value, struct process_entry *out)
{
    char buf[512];
    if (strlen(value) >= sizeof buf)
        return false;
    snprintf(buf, sizeof buf, "%s", value);
    char *session = strchr(buf, ';');
    if (!session)
        return false;
    *session++ = '\0';
    char *privs = strchr(session, ';');
    if (!privs)
        return false;
    *privs++ = '\0';
    struct sid sid;
    if (!sid_parse(buf, &sid))
        return false;
    const struct account *acct = policy_find_account_sid(pol, &sid);
    if (!acct)
        return false;
    char *end = NULL;
    if (*session < '0' || *session > '9')
        return false;
    unsigned long sess = strtoul(session, &end, 10);
    if (*end != '\0' || sess > UINT32_MAX)
        return false;
    right_mask enabled = 0;
    for (char *p = privs; *p;) {
        char *comma = strchr(p, ',');
        if (comma)
            *comma = '\0';
        int id = right_by_name(p);
        if (id < 0)
            return false;
        enabled |= RIGHT_BIT(id);
        if (!comma)
            break;
        p = comma + 1;
    }
    *out = (struct process_entry){
        .name = NULL,
        .account = (size_t)(acct - pol->accounts),
        .enabled = enabled,
        .session = (uint32_t)sess,
        .elevated = -1,
    };
    return true;
}

#define TOKEN_PREFIX "LSAEMU_TOKEN="

/* Builds the process token for entry `name` of pol (or the token
 * LSAEMU_TOKEN describes, when name is "LSAEMU_TOKEN=..."); replaces the
 * current one only when everything succeeded. Lock held. */
static int build_process(struct policy *pol, const char *name)
{
    struct process_entry from_token;
    const struct process_entry *proc = NULL;
    if (strncmp(name, TOKEN_PREFIX, strlen(TOKEN_PREFIX)) == 0) {
        if (token_entry(pol, name + strlen(TOKEN_PREFIX), &from_token))
            proc = &from_token;
    } else {
        proc = policy_find_process(pol, name);
    }
    if (!proc)
        return -1;
    const struct account *acct = &pol->accounts[proc->account];
    make_builtin_sessions();

    struct logon_session *s = NULL;
    bool own_session = acct->kind == ACCOUNT_NORMAL;
    if (own_session) {
        struct session_info info = {
            .user_name = acct->name,
            .domain = acct->domain,
            .package = "NTLM",
            .logon_server = pol->machine_name,
            .user_sid = &acct->sid,
            .logon_type = proc->session == 0 ? 5 : 2,
            .session_id = proc->session,
            .logon_time = current_now(pol),
            .logon_script = account_x(acct)->logon_script,
            .profile_path = account_x(acct)->profile_path,
            .home_directory = account_x(acct)->home_directory,
            .home_directory_drive = account_x(acct)->home_directory_drive,
        };
        /* Published once the process token is complete: a UAC split
         * links it to a second session first (split_process). */
        s = session_new(&info, NULL);
    } else {
        uint32_t luid = acct->kind == ACCOUNT_SYSTEM          ? LUID_SYSTEM
                        : acct->kind == ACCOUNT_LOCAL_SERVICE ? LUID_LOCAL_SERVICE
                                                              : LUID_NETWORK_SERVICE;
        s = session_find((struct luid){luid, 0});
    }
    if (!s)
        return -1;
    struct token *t = engine_process_token(pol, proc, s->id);
    if (!t) {
        session_unref(s);
        return -1;
    }
    t->session = s; /* the token takes over our reference */
    t->auth_id = s->id;
    t->token_id = luid_next();
    t->modified_id = t->token_id;
    struct logon_session *linked = NULL;
    if (own_session && proc->session != 0 && engine_uac_splits(pol, acct, 2, t)) {
        t = split_process(proc, s, t, &linked);
        if (!t)
            return -1; /* s went with the token */
        t->token_id = luid_next();
        t->modified_id = t->token_id;
    }
    if (own_session && session_publish(s) != 0) {
        token_unref(t);
        return -1;
    }
    if (own_session)
        session_pin(s);
    if (linked)
        session_pin(linked);

    if (process_session)
        session_unpin(process_session);
    if (process_linked)
        session_unpin(process_linked);
    process_session = own_session ? s : NULL;
    process_linked = linked;
    token_unref(process_token);
    process_token = t;
    process_session_id = proc->session;
    /* current_reset() rebuilds from process_name itself, and snprintf()
     * onto its own argument is undefined (glibc can leave it empty, and the
     * reset then falls back to "default"). */
    if (name != process_name)
        snprintf(process_name, sizeof process_name, "%s", name);
    return 0;
}

/*
 * The entry the environment names, into buf: "LSAEMU_TOKEN=<value>" when
 * LSAEMU_TOKEN is set and not empty (a child started with a token runs as
 * that token, whatever LSAEMU_PROCESS it inherited), else LSAEMU_PROCESS,
 * else "default". -1 when the environment cannot be read (memory) or the
 * value does not fit buf.
 */
int current_env_process(char *buf, size_t size)
{
    const char *tok = NULL, *proc = NULL;
    int rc = -1;
    if (plat_env_get("LSAEMU_TOKEN", &tok) != 0 || plat_env_get("LSAEMU_PROCESS", &proc) != 0)
        goto out;
    int n = tok && *tok    ? snprintf(buf, size, TOKEN_PREFIX "%s", tok)
            : proc && *proc ? snprintf(buf, size, "%s", proc)
                            : snprintf(buf, size, "default");
    rc = n >= 0 && (size_t)n < size ? 0 : -1;
out:
    plat_env_free(tok);
    plat_env_free(proc);
    return rc;
}

/* The line stderr and lsaemu_load_policy_* give when the entry the
 * environment names is not in the policy. */
void current_no_entry_message(char *buf, size_t size, const char *name, const char *source)
{
    if (strncmp(name, TOKEN_PREFIX, strlen(TOKEN_PREFIX)) == 0)
        snprintf(buf, size,
                 "%.300s is malformed or names no account of %.100s (it is "
                 "\"SID;SESSION;PRIVILEGE,...\", as CreateProcessAsUserW writes it)",
                 name, source);
    else
        snprintf(buf, size, "LSAEMU_PROCESS=%s names no entry of processes: in %s", name, source);
}

/* Lock held. */
static void init_locked(void)
{
    if (initialized)
        return;
    initialized = true;
    atomic_store_explicit(&init_done, true, memory_order_release);
    plat_once(&key_once, make_key);

    char proc[600];
    char message[600];
    current_startup_fn startup = atomic_load_explicit(&startup_source, memory_order_acquire);
    struct policy *pol = NULL;
    if (current_env_process(proc, sizeof proc) != 0)
        snprintf(message, sizeof message,
                 "out of memory reading LSAEMU_PROCESS and LSAEMU_TOKEN, or LSAEMU_TOKEN is too long");
    else if (startup)
        pol = startup(message, sizeof message);
    else
        snprintf(message, sizeof message,
                 "no policy source is linked in: the library's initialisation "
                 "(control_init, lib/control/init.c) did not run");
    if (!pol) {
        broken = true;
        snprintf(broken_why, sizeof broken_why, "%s", message);
        fprintf(stderr,
                "lsaemu: %s\n"
                "lsaemu: every emulated call fails with STATUS_INTERNAL_DB_ERROR\n",
                message);
        goto out;
    }
    if (build_process(pol, proc) != 0) {
        broken = true;
        current_no_entry_message(broken_why, sizeof broken_why, proc,
                                 pol->source ? pol->source : "the policy");
        fprintf(stderr,
                "lsaemu: %s\n"
                "lsaemu: every emulated call fails with STATUS_INTERNAL_DB_ERROR\n",
                broken_why);
        policy_unref(pol);
        goto out;
    }
    policy = pol;
out:
    return;
}

const char *current_broken_why(void)
{
    return broken_why[0] ? broken_why : "the process token could not be rebuilt";
}

void current_set_startup(current_startup_fn fn)
{
    atomic_store_explicit(&startup_source, fn, memory_order_release);
}

int32_t current_acquire(struct policy **pol)
{
    struct acquire_cache *tc = &tcache;
    unsigned long g = atomic_load_explicit(&generation, memory_order_acquire);
    if (tc->gen != 0 && tc->gen == g) {
        /* Callers release only a policy they got, so the broken state
         * (NULL) is not counted. */
        *pol = tc->pol;
        if (!*pol)
            return STATUS_INTERNAL_DB_ERROR;
        tc->depth++;
        return 0;
    }
    read_begin(true);
    g = atomic_load_explicit(&generation, memory_order_relaxed);
    struct policy *p = broken ? NULL : policy_ref(policy);
    struct token *pt = broken || tc->depth ? NULL : token_ref(process_token);
    uint32_t ps = process_session_id;
    plat_rwlock_rdunlock(&state_lock);
    if (tc->depth == 0) {
        if (tc->gen == 0) {
            plat_once(&key_once, make_key);
            plat_key_set(cache_key, tc);
        }
        struct policy *old = tc->pol;
        struct token *old_token = tc->proc_token;
        tc->pol = p;
        tc->proc_token = pt;
        tc->proc_session_id = ps;
        tc->gen = g;
        tc->depth = p ? 1 : 0;
        policy_unref(old);
        token_unref(old_token);
    } else if (p && p == tc->pol) {
        /* A nested call after a change that kept the policy: the cache
         * already holds a reference to it. */
        policy_unref(p);
        tc->depth++;
    }
    /* Otherwise a nested call met a newer policy while an outer call of
     * this thread still uses the cached one: it gets its own reference,
     * which current_release() drops. */
    *pol = p;
    return p ? 0 : STATUS_INTERNAL_DB_ERROR;
}

void current_release(struct policy *pol)
{
    struct acquire_cache *tc = &tcache;
    if (tc->depth > 0 && pol == tc->pol) {
        tc->depth--;
        return;
    }
    policy_unref(pol);
}

int current_install(struct policy *pol)
{
    int rc;
    change_begin();
    plat_once(&key_once, make_key);
    /* A process the variable names and the policy lacks is an error, as
     * when LSAEMU_POLICY names the policy: the test would otherwise run
     * as `default` (often SYSTEM) and pass for the wrong reason. */
    char name[600];
    if (current_env_process(name, sizeof name) != 0) {
        rc = -1;
    } else {
        struct process_entry unused;
        bool known = strncmp(name, TOKEN_PREFIX, strlen(TOKEN_PREFIX)) == 0
                         ? token_entry(pol, name + strlen(TOKEN_PREFIX), &unused)
                         : policy_find_process(pol, name) != NULL;
        rc = known ? build_process(pol, name) : CURRENT_NO_PROCESS;
    }
    if (rc == 0) {
        struct policy *old = policy;
        policy = pol;
        broken = false;
        policy_unref(old);
        faults_reset();
        /* A load is a new machine: no bad password counted, the clock as
         * the policy sets it. */
        lockout_reset();
        atomic_store_explicit(&clock_offset, 0, memory_order_relaxed);
        /* An explicit load wins over LSAEMU_POLICY, which is then never
         * read. A failed one changes nothing, not even that: the first
         * call then starts as if no load had been tried. Published after
         * the state it guards (readers skip init_locked()). */
        initialized = true;
        atomic_store_explicit(&init_done, true, memory_order_release);
    }
    change_end();
    if (rc != 0)
        policy_unref(pol);
    return rc;
}

int current_mutate(int (*mutate)(struct policy *copy, void *ctx), void *ctx)
{
    int rc = -1;
    change_begin();
    init_locked();
    struct policy *copy = !broken && policy ? policy_copy(policy) : NULL;
    if (copy) {
        rc = mutate(copy, ctx);
        if (rc == 0 && policy_finish(copy) != 0)
            rc = -1;
        if (rc == 0) {
            struct policy *old = policy;
            policy = copy;
            copy = old;
        }
    }
    change_end();
    policy_unref(copy);
    return rc;
}

struct password_change {
    const char *account;
    const uint8_t *nt_hash;
    bool blank;
};

static int apply_password(struct policy *copy, void *ctx)
{
    const struct password_change *pc = ctx;
    long i = policy_account_index(copy, pc->account);
    if (i < 0)
        return -1;
    struct account *a = &copy->accounts[i];
    memcpy(a->nt_hash, pc->nt_hash, sizeof a->nt_hash);
    a->blank_password = pc->blank;
    a->password_expired = false;
    a->must_change_password = false;
    return 0;
}

int current_change_password(const char *account, const uint8_t nt_hash[16], bool blank)
{
    struct password_change pc = {account, nt_hash, blank};
    return current_mutate(apply_password, &pc);
}

int current_select_process(const char *name)
{
    int rc = -1;
    change_begin();
    init_locked();
    if (!broken && name)
        rc = build_process(policy, name);
    change_end();
    return rc;
}

struct token *current_process_token(void)
{
    read_begin(true);
    struct token *t = broken ? NULL : token_ref(process_token);
    plat_rwlock_rdunlock(&state_lock);
    return t;
}

/* The thread's cache, when it is of the current generation and in use by
 * a call of the thread (so it cannot be replaced under the caller). */
static const struct acquire_cache *live_cache(void)
{
    const struct acquire_cache *tc = &tcache;
    if (tc->depth == 0 || tc->gen != atomic_load_explicit(&generation, memory_order_acquire))
        return NULL;
    return tc;
}

struct token *current_caller_token_borrow(bool *referenced)
{
    plat_once(&key_once, make_key);
    struct token *t = plat_key_get(thread_token_key);
    const struct acquire_cache *tc;
    *referenced = false;
    if (t)
        return t; /* the thread's slot holds it; only this thread changes it */
    if ((tc = live_cache()) != NULL && tc->proc_token)
        return tc->proc_token;
    *referenced = true;
    return current_caller_token();
}

uint32_t current_process_session(void)
{
    const struct acquire_cache *tc = live_cache();
    if (tc)
        return tc->proc_session_id;
    read_begin(false);
    uint32_t s = process_session_id;
    plat_rwlock_rdunlock(&state_lock);
    return s;
}

struct token *current_thread_token(void)
{
    plat_once(&key_once, make_key);
    return token_ref(plat_key_get(thread_token_key));
}

void current_set_thread_token(struct token *t)
{
    plat_once(&key_once, make_key);
    struct token *old = plat_key_get(thread_token_key);
    plat_key_set(thread_token_key, t);
    token_unref(old);
}

struct token *current_caller_token(void)
{
    struct token *t = current_thread_token();
    return t ? t : current_process_token();
}

int64_t current_now(const struct policy *pol)
{
    /* Not time(): Wine's msvcrt reads the time zone from the registry on
     * every call (several server round trips, ~40 us per logon). */
    int64_t base;
    if (pol && pol->has_time) {
        base = pol->time;
    } else {
        long nsec;
        plat_realtime(&base, &nsec);
    }
    return base + atomic_load_explicit(&clock_offset, memory_order_relaxed);
}

void current_advance_clock(int64_t seconds)
{
    atomic_fetch_add_explicit(&clock_offset, seconds, memory_order_relaxed);
}

void current_reset(void)
{
    /* Calls publish what they made while they hold their own publication
     * lock (publish.h), so this reset empties the registries either before
     * a call's objects are in or after all of them are: nothing a call
     * still fills is freed, and nothing is half registered. */
    publish_lock_all();
    change_begin();
    init_locked();
    handles_reset();
    retbuf_reset();
    faults_reset();
    lockout_reset();
    atomic_store_explicit(&clock_offset, 0, memory_order_relaxed);
    token_unref(process_token);
    process_token = NULL;
    process_session = NULL;
    process_linked = NULL;
    sessions_reset();
    builtin_sessions_made = false;
    if (!broken && build_process(policy, process_name) != 0 &&
        build_process(policy, "default") != 0)
        broken = true;
    change_end();
    publish_unlock_all();
    current_set_thread_token(NULL);
}
