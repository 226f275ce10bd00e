/* SPDX-License-Identifier: MIT */
/*
 * Publication of what one call hands out, against lsaemu_reset().
 *
 * A call builds the objects it returns privately (buffers: retbuf.h,
 * logon sessions: sessions.h) and registers them only once they are
 * complete. A call that registers several objects that belong together
 * (LsaLogonUser: a logon session, its token handle, the profile buffer)
 * does so between publish_begin() and publish_end(); current_reset()
 * holds every publication lock while it empties the registries, so a
 * reset sees all of them or none: a logon is never half registered, and a
 * logon session published after a reset carries a LUID of the new epoch
 * (the call checks and renews it inside the section).
 *
 * The locks are split like the registries (shard.h): a thread takes its
 * own shard's, so calls of different threads do not contend. A call that
 * registers a single object needs none (one registration is atomic by
 * itself). The publication locks come first in the lock order (current.c):
 * inside a section a call may take any other lock, and nothing that holds
 * another lock starts a section.
 */
#ifndef LSAEMU_CORE_STATE_PUBLISH_H
#define LSAEMU_CORE_STATE_PUBLISH_H

/* Takes the calling thread's publication lock; returns what publish_end()
 * needs to release it. */
unsigned publish_begin(void);
void publish_end(unsigned section);

/* current_reset() and the fork handlers: every publication lock. */
void publish_lock_all(void);
void publish_unlock_all(void);

#endif
