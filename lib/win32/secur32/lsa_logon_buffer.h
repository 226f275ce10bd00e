/* SPDX-License-Identifier: MIT */
/*
 * Reading LsaLogonUser's AuthenticationInformation (behavior.md 3.5 steps
 * 5-6): the interactive, unlock and S4U shapes of MSV1_0, Kerberos and
 * Negotiate. The caller's block is never trusted: lengths, alignment and
 * every embedded string pointer are checked against the block first.
 */
#ifndef LSAEMU_WIN32_SECUR32_LSA_LOGON_BUFFER_H
#define LSAEMU_WIN32_SECUR32_LSA_LOGON_BUFFER_H

#include <stddef.h>
#include <stdint.h>

#include "win32/api.h"
#include "core/engine/engine.h"
#include "win32/secur32/packages.h"

/* A counted UTF-16 string inside the submitted block (not terminated). */
struct wspan {
    const uint16_t *p;
    size_t n; /* code units */
};

struct submit {
    ULONG message;
    enum logon_form form;
    struct wspan user, domain, password;
    uint32_t s4u_flags;
    const char *message_name; /* "MsV1_0InteractiveLogon" ... for reasons */
};

/*
 * Parses the block for package pkg. Returns 0, STATUS_INVALID_PARAMETER
 * (too short, malformed strings, strings outside the block),
 * STATUS_BAD_VALIDATION_CLASS (a message the package does not know) or
 * STATUS_NOT_IMPLEMENTED (a message lsaemu does not emulate); the reason is
 * set on failure. A declared package (behavior.md 12.11) reads the format
 * its declaration names.
 */
NTSTATUS submit_parse(const struct package *pkg, const void *buf, ULONG len, struct submit *out);

/*
 * Best-effort user name of a block, for fault matching before any check:
 * a UTF-8 string the caller frees with mem_free(), or NULL. Never fails
 * loudly.
 */
char *submit_peek_user(const struct package *pkg, const void *buf, ULONG len);
/* The same as the span of the block's user name, for the trace; false when
 * the block does not parse. Never sets the reason. */
bool submit_peek_span(const struct package *pkg, const void *buf, ULONG len, struct wspan *user);

/* Copies a span into a UTF-8 string the caller frees with mem_free() (NULL
 * on allocation failure). Names are counted strings that Windows compares
 * whole: a U+0000 inside the span becomes the byte 0xFF, which no valid
 * UTF-8 name holds, so "alice\0evil" matches no account instead of being
 * cut to "alice". */
char *wspan_utf8(struct wspan s);
/* The same keeping unpaired surrogates (utf16_to_wtf8()), for the audit
 * records, which show the name exactly as the caller gave it. */
char *wspan_wtf8(struct wspan s);

#endif
