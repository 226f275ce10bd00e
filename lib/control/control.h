/* SPDX-License-Identifier: MIT */
/*
 * What the control layer, the top of the library, plugs into the layers
 * below it. They never call up: control_init() hands them the functions
 * they need, once, when the library is loaded.
 */
#ifndef LSAEMU_CONTROL_CONTROL_H
#define LSAEMU_CONTROL_CONTROL_H

#include <stddef.h>

#include "core/model/policy.h"

/*
 * The library's initialisation, the one registration point: it gives the
 * core its policy source (control_startup_policy). Run by an ELF
 * constructor when the library is loaded (a Windows DLL build would call it
 * from DllMain). In a static link its object is pulled in only when
 * something references it: programs linked against the internal library
 * pass -Wl,-u,control_init (Makefile.am, INTERNAL_LINK_FLAGS), and
 * tests/check-startup.sh checks both ways of linking.
 */
void control_init(void);

/*
 * The policy a process starts with, for current_set_startup(): the file
 * LSAEMU_POLICY names, else the embedded default, with one reference
 * (policy_unref). NULL on failure, with a one-line explanation in message.
 */
struct policy *control_startup_policy(char *message, size_t size);

#endif
