/* SPDX-License-Identifier: MIT */
/* Helpers shared by the subcommands (see tool_util.h). */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <windows.h>

#include "lsaemu.h"

#include "commands.h"
#include "tool_util.h"

/* SECURITY_LOGON_TYPE names, index = value; NULL where no type exists. */
static const char *const type_names[] = {
    NULL, NULL, "interactive", "network", "batch", "service", "proxy", "unlock",
    "network-cleartext", "new-credentials", "remote-interactive", "cached-interactive",
    "cached-remote-interactive", "cached-unlock",
};

#define N_TYPES (sizeof type_names / sizeof type_names[0])

int tool_parse_logon_type(const char *text, unsigned *type)
{
    for (unsigned i = 0; i < N_TYPES; i++) {
        if (type_names[i] && strcmp(text, type_names[i]) == 0) {
            *type = i;
            return 0;
        }
    }
    char *end;
    unsigned long v = strtoul(text, &end, 0);
    if (!*text || *end || v > 0xFFFFFFFFul || text[0] == '-')
        return -1;
    *type = (unsigned)v;
    return 0;
}

const char *tool_logon_type_name(unsigned type)
{
    static _Thread_local char buf[32];
    if (type < N_TYPES && type_names[type])
        return type_names[type];
    snprintf(buf, sizeof buf, "type %u", type);
    return buf;
}

const char *tool_status_name(int32_t status)
{
    const char *n = lsaemu_status_name(status);
    return n ? n : "(no name)";
}

const char *tool_win32_name(uint32_t code)
{
    const char *n = lsaemu_win32_name(code);
    return n ? n : "(no name)";
}

size_t tool_utf16(const char *s, WCHAR *out, size_t cap)
{
    /* The library's own conversion (an ill-formed sequence becomes U+FFFD),
     * into a copy as long as the string, then as many whole characters as
     * fit with room to spare for the terminator. */
    size_t n = 0;
    int need = MultiByteToWideChar(CP_UTF8, 0, s, -1, NULL, 0);
    WCHAR *all = need > 0 ? malloc((size_t)need * sizeof *all) : NULL;
    if (all && MultiByteToWideChar(CP_UTF8, 0, s, -1, all, need) == need) {
        for (size_t i = 0; all[i] && n + 2 < cap;) {
            size_t k = all[i] >= 0xD800 && all[i] <= 0xDBFF && all[i + 1] ? 2 : 1;
            for (size_t j = 0; j < k; j++)
                out[n++] = all[i++];
        }
    }
    free(all);
    out[n] = 0;
    return n;
}

int tool_load_policy(const char *path, const char *cmd)
{
    struct lsaemu_error err;
    if (lsaemu_load_policy_file(path, &err) == 0)
        return 0;
    if (err.line == 0) {
        fprintf(stderr, "lsaemu %s: %s: %s\n", cmd, err.source[0] ? err.source : path, err.text);
        return EXIT_USAGE;
    }
    fprintf(stderr, "%s:%d:%d: %s\n", err.source, err.line, err.column, err.text);
    return EXIT_INVALID;
}

static int put_errno;

void tool_put(const void *data, size_t len)
{
    errno = 0;
    if (fwrite(data, 1, len, stdout) != len && !put_errno)
        put_errno = errno ? errno : EIO;
}

int tool_put_errno(void)
{
    return put_errno;
}
