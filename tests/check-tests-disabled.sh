#!/bin/sh
# SPDX-License-Identifier: MIT
# The only test of a tree configured without Check (--disable-tests, or
# Check not found): `make check` fails and says why, instead of passing
# without having run the suites.
echo "make check: the tests are disabled: configure found no Check >= 0.11.0 or was given --disable-tests."
echo "Install Check (Debian: apt-get install check) and configure with --enable-tests."
exit 99
