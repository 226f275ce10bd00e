/* SPDX-License-Identifier: MIT */
/* Shared declarations of the `make bench` program (bench/). */
#ifndef LSAEMU_BENCH_H
#define LSAEMU_BENCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* Writes the generated policy with n accounts to path; with hashes, every
 * account has an nt_hash instead of a password. 0 or -1. */
int bench_gen_policy(const char *path, size_t n, bool hashes);
/* The name and password of generated account i. */
void bench_user_name(size_t i, char *buf, size_t size);
void bench_password(size_t i, char *buf, size_t size);

/* Section 6 (bench_enum.c): LsaEnumerateAccountsWithUserRight against the
 * number of holders. measure loads its own policies (generated into dir)
 * and leaves the last one loaded; report prints the table to stdout and to
 * out (may be NULL). measure returns 0, or -1 when a call failed. */
int bench_enum_measure(const char *dir, bool quick);
void bench_enum_report(FILE *out);

/* Section 7, aliased member lists (bench_alias.c): bench_alias_run writes
 * its policies into dir and measures them (peak memory in children started
 * as `self --alias-child VARIANT POLICY`, which run bench_alias_child);
 * bench_alias_print prints the table through emit. */
void bench_alias_run(const char *dir, const char *self_path, bool quick);
void bench_alias_print(void (*emit)(const char *fmt, ...));
int bench_alias_child(const char *variant, const char *path);
/* 7b, the shape (one list of 3000 names, doubling groups, and a
 * logon of a member), the same way; run leaves its last policy loaded. */
void bench_alias_shape_run(const char *dir, const char *self_path, bool quick);
void bench_alias_shape_print(void (*emit)(const char *fmt, ...));

#endif
