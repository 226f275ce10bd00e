#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes the handcrafted seeds of the API fuzz targets (tests/fuzz/corpus/
logon and callpkg) in the input layout fuzz_logon.c and fuzz_callpkg.c
describe. Run from the top of the tree after changing a layout; the YAML and
.inf seeds are copies of the stock policies and test fixtures."""
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
US = 16  # sizeof(UNICODE_STRING) on 64-bit


def u16le(text):
    return text.encode('utf-16-le')


def block(msg, head, texts):
    """head: bytes after MessageType up to the first UNICODE_STRING (the
    strings sit at 8-aligned slots from offset 8 + len(head)); texts follow
    the structure. Returns (block, fixups)."""
    fixed = struct.pack('<I', msg) + head
    first = len(fixed)
    body = bytearray(fixed + b'\0' * (US * len(texts)))
    fix = bytearray([len(texts)])
    for i, t in enumerate(texts):
        off = len(body)
        data = u16le(t)
        body += data + b'\0\0'
        slot = (first + US * i) // 8
        fix += struct.pack('<BBHHH', slot, 0, off, len(data), len(data) + 2)
    return bytes(body), bytes(fix)


def write(target, name, data):
    d = os.path.join(HERE, 'corpus', target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), 'wb') as f:
        f.write(data)


def logon_seeds():
    MSV, KERB, NEGO = 0, 1, 2
    pkgs = {'msv': MSV, 'kerb': KERB, 'nego': NEGO}
    for pname, p in pkgs.items():
        for ltype in (2, 3, 4, 5, 10):
            body, fix = block(2, b'\0' * 4, ['.', 'alice', 'a'])
            write('logon', f'{pname}-interactive-type{ltype}', bytes([p, ltype, 0, 0]) + fix + body)
        body, fix = block(2, b'\0' * 4, ['FUZZHOST', 'alice', 'wrong'])
        write('logon', f'{pname}-wrong-password', bytes([p, 2, 1, 0]) + fix + body)
        body, fix = block(2, b'\0' * 4, ['', 'jack', ''])
        write('logon', f'{pname}-blank-password', bytes([p, 3, 0, 0]) + fix + body)
        body, fix = block(2, b'\0' * 4, ['.', 'dave', 'd'])
        write('logon', f'{pname}-locked-out', bytes([p, 2, 0, 0]) + fix + body)
        body, fix = block(12, struct.pack('<I', 0), ['alice', '.'])
        write('logon', f'{pname}-s4u', bytes([p, 3, 0, 0]) + fix + body)
        body, fix = block(12, struct.pack('<I', 8), ['gina', ''])
        write('logon', f'{pname}-s4u-identify-untrusted', bytes([p, 3, 1, 0]) + fix + body)
        # Unlock: interactive logon followed by a LUID.
        body, fix = block(7, b'\0' * 4, ['.', 'alice', 'a'])
        body = body[:56] + struct.pack('<II', 0x3e7, 0) + body[56:]
        fix = bytes([fix[0]]) + b''.join(
            fix[1 + 8 * i:3 + 8 * i] + struct.pack('<H', struct.unpack('<H', fix[3 + 8 * i:5 + 8 * i])[0] + 8) + fix[5 + 8 * i:9 + 8 * i]
            for i in range(3))
        write('logon', f'{pname}-unlock', bytes([p, 7, 0, 0]) + fix + body)
        # A shorter length than the block, and a string outside it.
        body, fix = block(2, b'\0' * 4, ['.', 'alice', 'a'])
        write('logon', f'{pname}-short-length', bytes([p, 2, 8, 30]) + fix + body)
        bad = bytearray(fix)
        bad[1 + 8 + 1] = 3  # UserName just past the end
        write('logon', f'{pname}-string-outside', bytes([p, 2, 0, 0]) + bytes(bad) + body)
        bad[1 + 8 + 1] = 1  # UserName misaligned inside
        write('logon', f'{pname}-string-unaligned', bytes([p, 2, 0, 0]) + bytes(bad) + body)
    # LocalGroups: S-1-2-0 (LOCAL) and a logon SID S-1-5-5-0-4242.
    groups = bytes([2]) + bytes([1, 1, 0, 0, 0, 0, 0, 2]) + struct.pack('<I', 0) + struct.pack('<H', 7)
    groups += bytes([1, 3, 0, 0, 0, 0, 0, 5]) + struct.pack('<III', 5, 0, 4242) + struct.pack('<H', 0xc0000007 & 0xffff)
    body, fix = block(2, b'\0' * 4, ['.', 'alice', 'a'])
    write('logon', 'msv-local-groups', bytes([0, 2, 2, 0]) + groups + fix + body)
    for msg in (3, 4, 5, 6, 8, 9, 83, 84, 99):
        write('logon', f'msv-message-{msg}', bytes([0, 3, 0, 0, 0]) + struct.pack('<I', msg) + b'\0' * 60)
    # Id 11: no package (fuzz_policy.h declares ids 3 to 7).
    write('logon', 'unknown-package', bytes([11, 2, 0, 0, 0]) + struct.pack('<I', 2) + b'\0' * 60)
    # Declared packages (behavior.md 12.11): id 3 reads "user;password[;domain]",
    # id 7 the MSV1_0 interactive shape, vouched.
    for name, text in (('custom-text', 'alice;a'), ('custom-text-domain', 'alice;a;FUZZHOST'),
                       ('custom-text-fields', 'a;b;c;d'), ('custom-text-no-separator', 'alice')):
        write('logon', name, bytes([3, 3, 0, 0, 0]) + u16le(text) + b'\0\0')
    write('logon', 'custom-text-odd-length', bytes([3, 3, 0, 0, 0]) + u16le('alice;a') + b'\0')
    body, fix = block(2, b'\0' * 4, ['.', 'alice', 'anything'])
    write('logon', 'custom-msv-vouched', bytes([7, 2, 0, 0]) + fix + body)
    # UAC (machine.uac): alice is an administrator, her interactive logon splits.
    body, fix = block(2, b'\0' * 4, ['.', 'alice', 'a'])
    write('logon', 'uac-split-interactive', bytes([0, 2, 0, 0]) + fix + body)


def callpkg_seeds():
    # MsV1_0ChangePassword: domain, account, old, new, Impersonating.
    body, fix = block(5, b'\0' * 4, ['.', 'alice', 'a', 'b'])
    body = body[:72] + b'\0' * 8 + body[72:]
    fix = bytes([fix[0]]) + b''.join(
        fix[1 + 8 * i:3 + 8 * i] + struct.pack('<H', struct.unpack('<H', fix[3 + 8 * i:5 + 8 * i])[0] + 8) + fix[5 + 8 * i:9 + 8 * i]
        for i in range(4))
    write('callpkg', 'msv-change-password', bytes([0, 1, 0]) + fix + body)
    write('callpkg', 'msv-change-password-trusted', bytes([0, 0, 0]) + fix + body)
    wrong = body.replace(u16le('a\0b'), u16le('x\0b'))
    write('callpkg', 'msv-change-password-wrong-old', bytes([0, 1, 0]) + fix + wrong)
    for msg in range(0, 26):
        write('callpkg', f'msv-message-{msg}', bytes([0, 0, 0, 0]) + struct.pack('<I', msg) + b'\0' * 76)
    # Kerberos: query (LogonId 0 = own session) and purge with strings.
    for msg in (1, 14, 20, 25):
        write('callpkg', f'kerb-query-{msg}', bytes([1, 1, 0, 0]) + struct.pack('<III', msg, 0, 0))
        write('callpkg', f'kerb-query-{msg}-other-session', bytes([1, 1, 0, 0]) + struct.pack('<III', msg, 0x3e7, 0))
    body, fix = block(6, b'\0' * 12, ['krbtgt', 'REALM'])
    write('callpkg', 'kerb-purge', bytes([1, 1, 0]) + fix + body)
    write('callpkg', 'kerb-purge-ex', bytes([1, 0, 0, 0]) + struct.pack('<IIII', 15, 0, 0, 0) + b'\0' * 64)
    for msg in range(0, 36):
        write('callpkg', f'kerb-message-{msg}', bytes([1, 0, 0, 0]) + struct.pack('<I', msg) + b'\0' * 60)
    for msg in range(0, 4):
        write('callpkg', f'nego-message-{msg}', bytes([2, 0, 0, 0]) + struct.pack('<I', msg) + b'\0' * 28)
    write('callpkg', 'bad-handle', bytes([1, 16, 0, 0]) + struct.pack('<III', 1, 0, 0))
    write('callpkg', 'null-outputs', bytes([1, 4, 0, 0]) + struct.pack('<III', 1, 0, 0))
    write('callpkg', 'unknown-package', bytes([11, 0, 0, 0]) + struct.pack('<III', 1, 0, 0))
    write('callpkg', 'custom-package', bytes([3, 0, 0, 0]) + struct.pack('<III', 1, 0, 0))
    # NegGetCallerName (behavior.md 12.9): own session, SYSTEM's, none, short.
    write('callpkg', 'nego-caller-name', bytes([2, 1, 0, 0]) + struct.pack('<III', 1, 0, 0))
    write('callpkg', 'nego-caller-name-system', bytes([2, 0, 0, 0]) + struct.pack('<III', 1, 0x3e7, 0))
    write('callpkg', 'nego-caller-name-none', bytes([2, 0, 0, 0]) + struct.pack('<III', 1, 0x12345, 0))
    write('callpkg', 'nego-caller-name-short', bytes([2, 8, 4, 0]) + struct.pack('<III', 1, 0, 0))


if __name__ == '__main__':
    logon_seeds()
    callpkg_seeds()
