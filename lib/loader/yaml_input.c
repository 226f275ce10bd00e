/* SPDX-License-Identifier: MIT */
/*
 * Getting at a policy file's bytes: opening it without blocking on what is
 * not a regular file, handing a regular file to libyaml to read as it goes
 * and reading a pipe whole, never more than LOADER_MAX_BYTES (loader.h);
 * and the UTF-8 byte-order mark a policy may start with. Plain POSIX I/O
 * through the platform layer (base/plat_file.h: on Windows a Windows or,
 * under Wine, a Unix path); it knows nothing of YAML or of messages.
 *
 * What is read: a regular file and a pipe or FIFO. Anything else (a
 * terminal, /dev/zero, a socket) is refused before it is opened: nothing
 * but a file or a pipe holds a policy, and reading a device either never
 * ends or waits for input that a test run never types. A FIFO is opened
 * without waiting for a writer: one that has none reads as empty.
 */
#include "config.h"
#include "base/mem.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "base/plat_file.h"

#include "loader/loader.h"
#include "loader/yaml_values.h"

size_t ld_bom_length(const char *text, size_t len)
{
    return len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3) ? 3 : 0;
}

/* Reads fd to its end, at most LOADER_MAX_BYTES + 1 bytes (one more tells a
 * text that is too large). NULL with errno set on a read or memory failure. */
static char *read_fd(int fd, size_t *len, bool *too_large)
{
    size_t cap = 65536, n = 0;
    char *buf = mem_malloc(cap);
    *too_large = false;
    while (buf) {
        if (n == cap) {
            if (n > LOADER_MAX_BYTES) {
                *too_large = true;
                break;
            }
            size_t ncap = cap * 2 > (size_t)LOADER_MAX_BYTES + 1 ? (size_t)LOADER_MAX_BYTES + 1
                                                                 : cap * 2;
            char *grown = mem_realloc(buf, ncap);
            if (!grown) {
                mem_free(buf);
                buf = NULL;
                errno = ENOMEM;
                break;
            }
            buf = grown;
            cap = ncap;
        }
        ssize_t got = read(fd, buf + n, cap - n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            int saved = errno;
            mem_free(buf);
            buf = NULL;
            errno = saved;
            break;
        }
        if (got == 0)
            break;
        n += (size_t)got;
    }
    if (buf && n > LOADER_MAX_BYTES)
        *too_large = true;
    *len = n;
    return buf;
}

enum ld_input ld_open_input(const char *path, FILE **file, char **text, size_t *len)
{
    struct plat_stat st;
    *file = NULL;
    *text = NULL;
    *len = 0;
    /* The kind is checked before opening: opening some devices already
     * does something (a tape rewinds, a modem line goes up). */
    if (plat_stat(path, true, &st) != 0)
        return LD_INPUT_ERRNO;
    if (st.kind == PLAT_FILE_DIRECTORY) {
        errno = EISDIR;
        return LD_INPUT_ERRNO;
    }
    if (st.kind != PLAT_FILE_REGULAR && st.kind != PLAT_FILE_FIFO)
        return LD_INPUT_SPECIAL;
    /* Non-blocking: opening a FIFO for reading otherwise waits for a writer. */
    int fd = plat_open_read_nowait(path);
    if (fd < 0)
        return LD_INPUT_ERRNO;
    enum ld_input kind = LD_INPUT_ERRNO;
    /* Checked again on what was opened: path may have changed in between. */
    if (plat_fstat(fd, &st) != 0)
        goto out;
    if (st.kind != PLAT_FILE_REGULAR && st.kind != PLAT_FILE_FIFO) {
        kind = st.kind == PLAT_FILE_DIRECTORY ? LD_INPUT_ERRNO : LD_INPUT_SPECIAL;
        errno = EISDIR;
        goto out;
    }
    /* Reads block again: a pipe whose writer is still writing is waited
     * for (one with no writer left reads as ended). */
    if (plat_set_blocking(fd) != 0)
        goto out;
    if (st.kind == PLAT_FILE_REGULAR) {
        if (st.size > LOADER_MAX_BYTES) {
            kind = LD_INPUT_TOO_LARGE;
            goto out;
        }
        if (!(*file = fdopen(fd, "rb")))
            goto out;
        return LD_INPUT_STREAM;
    }
    bool too_large;
    *text = read_fd(fd, len, &too_large);
    if (*text && too_large) {
        mem_free(*text);
        *text = NULL;
        *len = 0;
        kind = LD_INPUT_TOO_LARGE;
    } else if (*text) {
        kind = LD_INPUT_TEXT;
    }
out:;
    int saved = errno;
    close(fd);
    errno = saved;
    return kind;
}

char *ld_read_stream(FILE *file, size_t *len)
{
    bool too_large;
    if (fflush(file) != 0 || fseek(file, 0, SEEK_SET) != 0)
        return NULL;
    char *text = read_fd(fileno(file), len, &too_large);
    if (text && too_large) {
        mem_free(text);
        errno = EFBIG;
        return NULL;
    }
    return text;
}

long ld_stream_read(struct ld_stream *s, unsigned char *buf, size_t size)
{
    size_t n = fread(buf, 1, size, s->file);
    if (ferror(s->file))
        return -1;
    bool first = s->total == 0;
    s->total += n;
    if (s->total > LOADER_MAX_BYTES) {
        /* The file grew after it was measured. */
        s->too_large = true;
        return -1;
    }
    /* fread fills the buffer unless the file ends, so a BOM comes whole. */
    size_t bom = first ? ld_bom_length((const char *)buf, n) : 0;
    if (bom)
        memmove(buf, buf + bom, n - bom);
    return (long)(n - bom);
}
