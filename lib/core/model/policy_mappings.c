/* SPDX-License-Identifier: MIT */
/*
 * The SID-name mappings of the policy (struct sid_mapping, policy.h): what
 * LsaManageSidNameMapping adds and removes. They are few (a service host
 * registers a domain and some accounts), so they are a plain array read by
 * linear passes, grown by doubling (base/array.h).
 */
#include "core/model/policy_build.h"

#include <string.h>
#include <strings.h>

#include "base/array.h"
#include "base/mem.h"

int policy_add_mapping(struct policy *pol, const char *domain, const char *name,
                       const struct sid *sid)
{
    struct sid_mapping m = {mem_strdup(domain), mem_strdup(name), *sid};
    if (!m.domain || !m.name ||
        array_reserve(&pol->mappings, &pol->cap_mappings, pol->n_mappings + 1,
                      sizeof *pol->mappings, 4) != 0) {
        mem_free(m.domain);
        mem_free(m.name);
        return -1;
    }
    pol->mappings[pol->n_mappings++] = m;
    return 0;
}

void policy_remove_mapping(struct policy *pol, size_t i)
{
    mem_free(pol->mappings[i].domain);
    mem_free(pol->mappings[i].name);
    memmove(&pol->mappings[i], &pol->mappings[i + 1],
            (pol->n_mappings - i - 1) * sizeof pol->mappings[0]);
    pol->n_mappings--;
}

const struct sid_mapping *policy_find_mapping(const struct policy *pol, const char *domain,
                                              const char *name)
{
    for (size_t i = 0; i < pol->n_mappings; i++) {
        const struct sid_mapping *m = &pol->mappings[i];
        if (domain ? strcasecmp(m->domain, domain) == 0 : *m->name != '\0')
            if (strcasecmp(m->name, name) == 0)
                return m;
    }
    return NULL;
}

const struct sid_mapping *policy_find_mapping_sid(const struct policy *pol, const struct sid *sid)
{
    for (size_t i = 0; i < pol->n_mappings; i++)
        if (sid_equal(&pol->mappings[i].sid, sid))
            return &pol->mappings[i];
    return NULL;
}
