/* SPDX-License-Identifier: MIT */
/* Declarations shared by the engine's files only. */
#ifndef LSAEMU_CORE_ENGINE_INTERNAL_H
#define LSAEMU_CORE_ENGINE_INTERNAL_H

#include "engine.h"
#include "win.h"

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

/*
 * Builds the token a logon of plan->account would get, privileges included;
 * *rights receives every right and privilege the token's SIDs hold directly.
 * Returns NULL on allocation failure, or with *too_many set when the token
 * would pass GUESS_MAX_TOKEN_GROUPS.
 */
struct token *engine_build_token(const struct policy *pol, const struct token_plan *plan,
                                 right_mask *rights, bool *too_many);

/*
 * The logon-right rule: 0 when the logon type is granted (or not governed),
 * STATUS_LOGON_TYPE_NOT_GRANTED otherwise; reason always filled. who is the
 * account's display name.
 */
int32_t engine_check_logon_right(const struct policy *pol, const struct token *t,
                                 const struct account *acct, unsigned logon_type,
                                 right_mask rights, const char *who, char *reason, size_t size);

#endif
