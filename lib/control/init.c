/* SPDX-License-Identifier: MIT */
/* The library's initialisation (see control.h). */
#include "control/control.h"

#include "core/state/current.h"

void control_init(void)
{
    current_set_startup(control_startup_policy);
}

/* Before main(), and before any thread of the program exists: the
 * registration is published before any call can read it. */
__attribute__((constructor)) static void control_init_at_load(void)
{
    control_init();
}
