/* SPDX-License-Identifier: MIT */
/*
 * Logon sessions and LUID allocation.
 *
 * A logon session lives while something references it: every token made for
 * it holds a reference, and the built-in sessions (SYSTEM 0x3E7, LOCAL
 * SERVICE 0x3E5, NETWORK SERVICE 0x3E4, the process's own) are held by the
 * registry itself. The registry finds live sessions by LUID for
 * LsaEnumerateLogonSessions and LsaGetLogonSessionData.
 *
 * LUIDs come from one counter that starts at the same value in every process
 * and after lsaemu_reset(), so logon ids are deterministic: consecutive for
 * a single-threaded program, ascending per thread otherwise (each thread
 * takes them from the counter in blocks).
 */
#ifndef LSAEMU_CORE_STATE_SESSIONS_H
#define LSAEMU_CORE_STATE_SESSIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/registry.h"
#include "core/model/sid.h"
#include "core/state/token.h"

#define LUID_SYSTEM 0x3E7u
#define LUID_LOCAL_SERVICE 0x3E5u
#define LUID_NETWORK_SERVICE 0x3E4u
/* The first LUID the counter hands out. */
#define LUID_FIRST 0x00010000u

/* What a session records; every string is copied (UTF-8, NULL = empty). */
struct session_info {
    const char *user_name;
    const char *domain;
    const char *package;        /* "NTLM", "Kerberos", "Negotiate" */
    const char *logon_server;
    const char *dns_domain;
    const char *upn;
    const char *logon_process;  /* the LsaRegisterLogonProcess name, if any */
    const struct sid *user_sid; /* NULL = none */
    uint32_t logon_type;
    uint32_t session_id;
    int64_t logon_time;         /* Unix seconds */
    const char *logon_script;
    const char *profile_path;
    const char *home_directory;
    const char *home_directory_drive;
};

struct logon_session {
    int refcount; /* guarded by the lock of the session's registry shard */
    /* Where it is filed (base/registry.h): its shard from session_new()
     * on, its slot once published. */
    struct registry_id reg;
    struct luid id;
    bool builtin;
    bool zeroed; /* SYSTEM's session: LsaGetLogonSessionData returns zeros */
    char *user_name, *domain, *package, *logon_server, *dns_domain, *upn, *logon_process;
    char *logon_script, *profile_path, *home_directory, *home_directory_drive;
    bool has_sid;
    struct sid user_sid;
    uint32_t logon_type;
    uint32_t session_id;
    int64_t logon_time;
    /* Set by the logon path when a 4624 announced the session (LSAEMU_AUDIT):
     * its end is then announced with a 4634, stamped with audit_time when
     * the policy fixed the time. */
    bool audit_logoff;
    bool audit_time_fixed;
    int64_t audit_time;
    const char *origin; /* the emulated call that created it (LSAEMU_LEAKS) */

    /* A session of a logon UAC split (behavior.md 12.10) knows the other
     * one: its LUID, and for the filtered (limited) session a reference to
     * the full one, which lives as long as the filtered one does (the full
     * session holds no reference back, so no cycle). tmpl is a snapshot of
     * the session's own token at the logon, with no session of its own,
     * which TokenLinkedToken copies for a query from the other side. All
     * set before the session is published, fixed afterwards; released
     * with the session. */
    bool has_linked;
    struct luid linked_id;
    struct logon_session *linked;
    struct token *tmpl;
};

/* A fresh LUID (thread-safe, deterministic sequence). */
struct luid luid_next(void);
/* The same; *epoch receives the counter's epoch it came from (each
 * lsaemu_reset() starts a new one, whose LUIDs may repeat the old ones). */
struct luid luid_next_epoch(unsigned *epoch);
/* The epoch of the LUIDs handed out now. */
unsigned luid_epoch(void);

/*
 * Makes a session with a fresh LUID (or `fixed` when not NULL) that is not
 * registered yet: no look-up, list or reset sees it until
 * session_publish(). A logon builds its session privately and publishes it
 * together with its token handle (publish.h), so that a reset never meets
 * it half made. Returns it with one reference for the caller (dropped with
 * session_unref, which also frees it while unpublished), or NULL on
 * allocation failure. Until it is published, its LUID may be changed.
 */
struct logon_session *session_new(const struct session_info *info, const struct luid *fixed);
/* Registers a session of session_new(): 0, or -1 on allocation failure
 * (it stays unregistered then). */
int session_publish(struct logon_session *s);
/* session_new() and session_publish() in one: the session, with a
 * reference for the caller (session_unref), or NULL on allocation failure. */
struct logon_session *session_create(const struct session_info *info, const struct luid *fixed);
/* Drops one reference; the last one ends the session (and releases its
 * template token and its reference on a linked session). */
void session_unref(struct logon_session *s);
/*
 * The logon session of the full token of a split logon (behavior.md
 * 12.10), next to s, the session of the filtered token t: a new session
 * (unpublished, one reference for the caller) with s's data and a fresh
 * LUID. Its template becomes full (the caller's reference passes to it;
 * full must have no session; its logon-session id is set here), s's
 * template a copy of t, and each session records the other's LUID. Neither
 * holds the other: the caller decides (a logon gives s the new session's
 * reference, s->linked; the process identity pins both). Returns NULL on
 * allocation failure, with full released and s unchanged.
 */
struct logon_session *session_split(struct logon_session *s, struct token *t,
                                    struct token *full);
/* The other session of a split logon, with a reference the caller drops
 * with session_unref(), or NULL when s has none or it has ended. */
struct logon_session *session_linked(struct logon_session *s);
struct logon_session *session_ref(struct logon_session *s);
/* The live session with this LUID, with a reference the caller drops with
 * session_unref(), or NULL. */
struct logon_session *session_find(struct luid id);
/* The live sessions' LUIDs in ascending order in *out, an array the caller
 * frees with mem_free(), or NULL with *n == 0 when there are none; returns
 * -1 on allocation failure. */
int session_list(struct luid **out, size_t *n);
/* Makes a session permanent (held by the registry until reset or unpin). */
void session_pin(struct logon_session *s);
/* Drops the registry's hold on a pinned session and unlists it: a former
 * process session (the process changed identity or the policy was
 * replaced) is no longer found, listed or reported as a leak, though the
 * tokens that still reference it (threads' cached process tokens, an open
 * process-token handle) keep it allocated. */
void session_unpin(struct logon_session *s);

/* Forgets every session and restarts the LUID counter (a new epoch).
 * Sessions still referenced by live tokens stay allocated but are no
 * longer listed; sessions not yet published are not touched. */
void sessions_reset(void);

/* The fork handlers (lib/core/state/current.c): every shard lock. */
void sessions_lock(void);
void sessions_unlock(void);

#endif
