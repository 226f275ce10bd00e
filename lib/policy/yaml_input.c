/* SPDX-License-Identifier: MIT */
/*
 * Getting at a policy file's bytes: opening it for libyaml to read as it
 * goes, or reading it whole (for what is not a regular file, and for placing
 * an error in a file read as a stream). Plain stdio; it knows nothing of
 * YAML or of messages.
 */
#include "config.h"
#include "core/mem.h"

#include <errno.h>
#include <stdio.h>
#include <sys/stat.h>

#include "yaml_values.h"

char *ld_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 65536, n = 0;
    char *buf = mem_malloc(cap);
    while (buf) {
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap)
            break;
        char *grown = mem_realloc(buf, cap * 2);
        if (!grown) {
            mem_free(buf);
            buf = NULL;
            errno = ENOMEM;
            break;
        }
        buf = grown;
        cap *= 2;
    }
    if (buf && ferror(f)) {
        int saved = errno ? errno : EIO;
        mem_free(buf);
        buf = NULL;
        errno = saved;
    }
    int saved = errno;
    fclose(f);
    errno = saved;
    *len = n;
    return buf;
}

FILE *ld_open_stream(const char *path)
{
    FILE *f = fopen(path, "rb");
    struct stat st;
    if (!f)
        return NULL;
    if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
        fclose(f);
        errno = 0;
        return NULL;
    }
    return f;
}
