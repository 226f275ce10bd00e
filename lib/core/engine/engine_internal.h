/* SPDX-License-Identifier: MIT */
/* Declarations shared by the engine's files only. */
#ifndef LSAEMU_CORE_ENGINE_INTERNAL_H
#define LSAEMU_CORE_ENGINE_INTERNAL_H

#include "core/engine/engine.h"
#include "base/win.h"

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
 * *too_many set when the token would pass GUESS_MAX_TOKEN_GROUPS.
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
