/* SPDX-License-Identifier: MIT */
/*
 * One load's run: sets up the loader context and libyaml's parser on a text
 * or a stream, reads the document streamed and, when the reader asks for it,
 * once more as one tree; then lets policy_prepare() give every account and
 * group its SID and resolves the references. Every problem ends up in the
 * context's error list. It knows the order of those steps, not how any of
 * them is done, and nothing of the public error form.
 */
#include "config.h"
#include "base/mem.h"

#include <errno.h>
#include <string.h>

#include "loader/loader.h"
#include "loader/yaml_reader.h"

static void ld_release(struct ld *ld)
{
    mem_free(ld->account_key);
    mem_free(ld->account_sid_node);
    mem_free(ld->group_key);
    mem_free(ld->group_sid_node);
    mem_free(ld->members);
    mem_free(ld->account_groups);
    mem_free(ld->memo);
    mem_free(ld->enabled_at);
    ld_arena_free(&ld->keep);
    ld_arena_free(&ld->scratch);
}

/* libyaml's read handler for a file: bounded, without the byte-order mark. */
static int read_stream(void *data, unsigned char *buffer, size_t size, size_t *size_read)
{
    long n = ld_stream_read(data, buffer, size);
    if (n < 0)
        return 0;
    *size_read = (size_t)n;
    return 1;
}

static void reset(struct ld *ld, const char *source, bool check, bool warnings)
{
    memset(ld, 0, sizeof *ld);
    ld->source = source;
    ld->check = check;
    ld->want_warnings = check && warnings;
    ld->keep_errors = check ? LOADER_MAX_ERRORS + 1 : 1;
}

/* One reading of the input, streamed or as one tree (see yaml_document.c). */
static struct policy *build_once(struct ld *ld, const char *input, size_t len, FILE *file,
                                 const char *source, bool check, bool warnings, bool tree)
{
    reset(ld, source, check, warnings);
    ld->streaming = !tree;
    struct policy *pol = policy_new();
    if (!pol) {
        ld_oom(ld);
        return NULL;
    }
    ld->pol = pol;

    struct rd r;
    memset(&r, 0, sizeof r);
    r.ld = ld;
    r.input = input;
    r.len = len;
    r.file = file;
    r.path = source;
    r.tree = tree;
    if (!yaml_parser_initialize(&r.parser)) {
        ld_oom(ld);
        return pol;
    }
    /* Only UTF-8: a UTF-16 file would otherwise be decoded silently. */
    yaml_parser_set_encoding(&r.parser, YAML_UTF8_ENCODING);
    if (file) {
        rewind(file);
        r.stream = (struct ld_stream){file, 0, false};
        yaml_parser_set_input(&r.parser, read_stream, &r.stream);
    } else {
        yaml_parser_set_input_string(&r.parser, (const unsigned char *)input, len);
    }
    bool ok = rd_read_document(&r);
    if (!ok && !ld->restart) {
        /* Nothing but the YAML error: the document was never complete. */
        ld_errors_clear(ld);
        ld->oom = false;
        if (r.stream.too_large) {
            struct ld_error e;
            ld_too_large(&e);
            ld_error_at(ld, e.line, e.column, "%s", e.text);
        } else if (file && ferror(file)) {
            ld_error_at(ld, 0, 0, "cannot read: %s", strerror(errno ? errno : EIO));
        } else {
            rd_report_syntax(&r, &r.syn);
        }
    } else if (!ld->restart && !ld->oom) {
        ld_arena_reset(&ld->scratch);
        if (policy_prepare(pol, ld_report_clash, ld) < 0)
            ld_oom(ld);
        else
            ld_sections_resolve(ld);
        /* What needs the finished policy (the tokens of the processes) is
         * checked only when nothing else was wrong: it would only repeat
         * another error's consequences. Validating finishes it too. */
        if (!ld->n_errors && !ld->oom) {
            if (policy_set_string(&pol->source, source) < 0 || policy_finish(pol) < 0)
                ld_oom(ld);
            else
                ld_check_enabled(ld);
        }
    }
    yaml_parser_delete(&r.parser);
    mem_free(r.owned);
    mem_free(r.items);
    mem_free(r.open);
    mem_free(r.anchors);
    mem_free(r.slots);
    return pol;
}

struct policy *ld_build(struct ld *ld, const char *input, size_t len, FILE *file,
                        const char *source, bool check, bool warnings)
{
    if (input) {
        /* libyaml skips a byte-order mark only when it detects the
         * encoding itself, which it is not allowed to do (above). */
        size_t bom = ld_bom_length(input, len);
        input += bom;
        len -= bom;
        if (len + bom > LOADER_MAX_BYTES) {
            reset(ld, source, check, warnings);
            struct ld_error e;
            ld_too_large(&e);
            ld_error_at(ld, e.line, e.column, "%s", e.text);
            struct policy *pol = policy_new();
            if (!pol)
                ld_oom(ld);
            return pol;
        }
    }
    struct policy *pol = build_once(ld, input, len, file, source, check, warnings, false);
    if (ld->restart) {
        struct loader_work first = ld->work;
        policy_unref(pol);
        mem_free(ld->errors);
        mem_free(ld->warnings);
        ld_release(ld);
        pol = build_once(ld, input, len, file, source, check, warnings, true);
        ld->work.events += first.events;
        ld->work.lookups += first.lookups;
        ld->work.errors += first.errors;
        ld->work.members += first.members;
    }
    ld_release(ld);
    return pol;
}
