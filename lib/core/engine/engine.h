/* SPDX-License-Identifier: MIT */
/*
 * The decision engine: policy + request (+ the time, as an input) -> verdict.
 *
 * Pure: no I/O, no globals, no clock, no handles. Each decision returns its
 * NTSTATUS, sub-status and a reason naming the rule that decided. The API
 * layer turns Windows structures into requests and verdicts back into
 * Windows answers; the tests drive the engine directly with tables.
 */
#ifndef LSAEMU_CORE_ENGINE_ENGINE_H
#define LSAEMU_CORE_ENGINE_ENGINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/model/policy.h"
#include "core/diag/reason.h"
#include "core/state/token.h"

enum auth_package { AUTH_NEGOTIATE, AUTH_KERBEROS, AUTH_MSV1_0, AUTH_CUSTOM };
/* PASSWORD: credentials checked; S4U: service-for-user; VOUCHED: a
 * declared package vouches for the user (behavior.md 12.11), no password. */
enum logon_form { LOGON_FORM_PASSWORD, LOGON_FORM_S4U, LOGON_FORM_VOUCHED };

/* S4U flags (KERB_S4U_LOGON_FLAG_* / MSV1_0_S4U_LOGON_FLAG_*). */
#define S4U_FLAG_CHECK_LOGONHOURS 0x2u
#define S4U_FLAG_IDENTIFY 0x8u

/*
 * How the engine reads the lockout state of an account (the state
 * layer's lockout_read(), lib/core/state/lockout.h), so that the engine
 * itself keeps no state: NULL reads as nothing recorded.
 */
struct lockout_view;
typedef void (*engine_lockout_reader)(const struct sid *sid, const struct policy_lockout *lp,
                                      int64_t now, struct lockout_view *out);

struct logon_request {
    unsigned logon_type;        /* SECURITY_LOGON_TYPE, already validated */
    enum auth_package package;
    enum logon_form form;
    const char *user;           /* UTF-8 */
    const char *domain;         /* UTF-8; NULL or "" = none given */
    const uint16_t *password;   /* UTF-16 code units (LOGON_FORM_PASSWORD) */
    size_t password_len;        /* in code units */
    uint32_t s4u_flags;
    bool caller_tcb;            /* SeTcbPrivilege enabled in the caller's effective token */
    uint32_t caller_session;    /* terminal session of the calling process */
    struct token *caller_token; /* the caller's effective token (NewCredentials copies it) */
    const struct token_group *local_groups; /* LocalGroups, already TCB-checked */
    size_t n_local_groups;
    struct luid logon_id;       /* the LUID the new logon session will have */
    int64_t now;                /* Unix seconds, UTC */
    engine_lockout_reader lockout; /* may be NULL */
    /* AUTH_CUSTOM: the declared package (borrowed from the policy). */
    const struct policy_package *custom;
};

struct logon_verdict {
    int32_t status;
    int32_t substatus;
    char reason[REASON_MAX];
    /* The account the request named, when it resolved to one (borrowed from
     * the policy), and its display name "WS1\alice". */
    const struct account *account;
    char account_name[320];
    /* On success: the new token with one reference for the caller. Its ids,
     * source and session link are the caller's to fill in. */
    struct token *token;
    /* Lockout (policy lockout:): the failure is a bad password that counts
     * (the caller records it with lockout_bad_password()), or the
     * credentials were accepted for an account with bad passwords counted
     * (the caller clears them with lockout_success()). bad_passwords is
     * the count before this logon, for the MSV1_0 profile. */
    bool count_bad_password;
    bool clear_bad_passwords;
    uint32_t bad_passwords;
    /* The logon type the session records: the requested one, or its cached
     * form (11, 12, 13) for a domain account logging on from the cache. */
    unsigned session_logon_type;
    /* On success of a logon UAC splits (behavior.md 12.10): token is the
     * filtered one and linked the full one (primary, one reference for the
     * caller), which gets a logon session of its own; NULL otherwise. */
    struct token *linked;
};

/*
 * Decides a logon (behavior.md 3.5 steps 7-12, 5, 6 and 4): account look-up,
 * credentials, account state, blank-password rule, logon rights, and builds
 * the token. Returns out->status; out->token is NULL unless it is
 * STATUS_SUCCESS. Only allocation failure (STATUS_NO_MEMORY) is not a
 * decision.
 */
int32_t engine_logon(const struct policy *pol, const struct logon_request *req,
                     struct logon_verdict *out);

/*
 * The token of the calling process for a `processes:` entry: the account,
 * its groups, every privilege the rights database grants any of them (all
 * privileges for SYSTEM), enabled per the entry. NULL on allocation failure.
 * session is the process's logon session (for the logon SID); the token's
 * ids and session link are the caller's to set.
 */
struct token *engine_process_token(const struct policy *pol, const struct process_entry *proc,
                                   struct luid session);

/*
 * Is SeTcbPrivilege-like "trusted computing base" status present? True when
 * the privilege is enabled in t (behavior.md 2: enabled, not merely held).
 */
bool engine_token_has_tcb(struct token *t);

/* ---- Elevation (engine_elevation.c, behavior.md 12.5, 12.6, 12.10) -------- */

/* Is s one of the groups that make a token elevated (the administrative
 * aliases and domain groups, and S-1-5-114), which UAC and LUA_TOKEN make
 * deny-only? */
bool engine_sid_elevated_group(const struct sid *s);
/* TokenElevation: does t hold an elevated group that is not deny-only, or
 * one of the sensitive privileges (GUESS_ELEVATED_PRIVILEGE)? Reads the
 * privilege attributes atomically; the caller holds token_lock(t) or owns t. */
bool engine_token_elevated(const struct token *t);
/* Is the privilege one a UAC-filtered token keeps? */
bool engine_uac_keeps_privilege(uint32_t luid);
/* The LUA filter, on a token nobody else sees yet: the elevated groups
 * become deny-only (and lose the owner role), every privilege but the five
 * UAC keeps is deleted. Returns whether anything changed. */
bool engine_lua_filter(struct token *t);
/* Does a logon of account a with logon type get split by UAC
 * (pol->uac, an interactive-family type, an elevated token, not the
 * built-in Administrator)? full is the token the logon would get. */
bool engine_uac_splits(const struct policy *pol, const struct account *a, unsigned logon_type,
                       const struct token *full);
/* The filtered (Limited, Medium) copy of a full token, with one reference
 * (token_unref), or NULL on allocation failure; ids and session are the
 * caller's to set. */
struct token *engine_uac_limited(struct token *full);
/* Makes full the elevated half of a split logon: High label, type Full. */
void engine_uac_mark_full(struct token *full);

/* "WS1\alice", "BUILTIN\Users", "Everyone", or the SID string, into buf. */
const char *engine_sid_display(const struct policy *pol, const struct sid *sid, char *buf,
                               size_t size);

/*
 * The token a logon would get and the rights its SIDs carry, without making
 * the logon: the pieces engine_logon() decides with, also asked by the
 * control API's lsaemu_logon_right_of() / lsaemu_account_privileges()
 * (lib/control/control_rights.c), so that `lsaemu rights` can never
 * disagree with LsaLogonUser.
 */

/* What a token is built from. */
struct token_plan {
    const struct account *account;
    unsigned logon_type;
    enum auth_package package;
    enum logon_form form;
    const struct token_group *local_groups;
    size_t n_local_groups;
    bool with_logon_sid;
    struct luid logon_id;
};

/* The rights a token's SIDs hold directly, and for each one the first SID
 * (user first, then the groups in token order, leaving out deny-only groups
 * and the integrity label) that holds it: what the reasons name. */
struct token_rights {
    right_mask all;
    int16_t carrier[RIGHT_COUNT]; /* -1 = the user, else an index into t->groups;
                                     meaningful where all has the bit */
};

/* The SID carrying right id in t, or NULL when no SID holds it. */
const struct sid *engine_carrier(const struct token *t, const struct token_rights *r, int id);

/*
 * Builds the token a logon of plan->account would get, privileges included;
 * *rights receives every right and privilege the token's SIDs hold directly,
 * and who carries each. Returns NULL on allocation failure, or with
 * *too_many set when the token would pass GUESS_MAX_TOKEN_GROUPS. The token
 * has one reference for the caller (token_unref).
 */
struct token *engine_build_token(const struct policy *pol, const struct token_plan *plan,
                                 struct token_rights *rights, bool *too_many);

/*
 * The logon-right rule: 0 when the logon type is granted (or not governed),
 * STATUS_LOGON_TYPE_NOT_GRANTED otherwise; reason always filled. who is the
 * account's display name.
 */
int32_t engine_check_logon_right(const struct policy *pol, const struct token *t,
                                 const struct account *acct, unsigned logon_type,
                                 const struct token_rights *rights, const char *who, char *reason,
                                 size_t size);

#endif
