/* SPDX-License-Identifier: MIT */
/*
 * The invalid-parameter handler of the C runtime (lsaemu_crt.h):
 * _set_invalid_parameter_handler and its thread-local form, and
 * crt_invalid(), which every failing *_s function calls.
 *
 * As in the Universal CRT since Visual Studio 2015, the process handler
 * applies to every thread that has no handler of its own. Both are single
 * words read and written atomically: no lock, so nothing for the fork
 * handlers, and a call that fails writes nothing shared.
 */
#include <errno.h>
#include <stdatomic.h>
#include <stddef.h>

#include "base/export.h"
#include "crt/crt_internal.h"

static _Atomic(_invalid_parameter_handler) process_handler;
static _Thread_local _invalid_parameter_handler thread_handler;

LSAEMU_EXPORT _invalid_parameter_handler
lsaemu_set_invalid_parameter_handler(_invalid_parameter_handler handler)
{
    return atomic_exchange(&process_handler, handler);
}

LSAEMU_EXPORT _invalid_parameter_handler lsaemu_get_invalid_parameter_handler(void)
{
    return atomic_load(&process_handler);
}

LSAEMU_EXPORT _invalid_parameter_handler
lsaemu_set_thread_local_invalid_parameter_handler(_invalid_parameter_handler handler)
{
    _invalid_parameter_handler old = thread_handler;
    thread_handler = handler;
    return old;
}

LSAEMU_EXPORT _invalid_parameter_handler lsaemu_get_thread_local_invalid_parameter_handler(void)
{
    return thread_handler;
}

errno_t crt_invalid(errno_t e)
{
    /* errno first, as the CRT's validation does, so a handler sees it. */
    errno = e;
    _invalid_parameter_handler h = thread_handler;
    if (!h)
        h = atomic_load(&process_handler);
    if (h)
        h(NULL, NULL, NULL, 0, 0);
    return e;
}
