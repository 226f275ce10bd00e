# SPDX-License-Identifier: MIT
#
# A CMake toolchain file for Windows programs built on Linux with
# mingw-w64 (Debian: gcc-mingw-w64-x86-64 g++-mingw-w64-x86-64) against
# lsaemu's mingw-w64 build, and run under Wine:
#
#   cmake -S examples/cmake -B build-win \
#         -DCMAKE_TOOLCHAIN_FILE=examples/cmake/toolchain-mingw64.cmake \
#         -DCMAKE_PREFIX_PATH=/where/the/mingw/build/of/lsaemu/is/installed
#   cmake --build build-win && ctest --test-dir build-win
#
# find_package(lsaemu) then gives lsaemu::lsaemu as the DLL's import
# library, linked before Secur32 and Advapi32 so that the names lsaemu
# emulates bind to it; ctest runs each program with wine.
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)
set(LSAEMU_MINGW_TRIPLET x86_64-w64-mingw32 CACHE STRING "the mingw-w64 target")
set(CMAKE_C_COMPILER ${LSAEMU_MINGW_TRIPLET}-gcc)
set(CMAKE_CXX_COMPILER ${LSAEMU_MINGW_TRIPLET}-g++)
set(CMAKE_RC_COMPILER ${LSAEMU_MINGW_TRIPLET}-windres)

# Libraries and headers from the mingw-w64 sysroot; lsaemu's package from
# CMAKE_PREFIX_PATH as given (BOTH: not re-rooted under the sysroot).
set(CMAKE_FIND_ROOT_PATH /usr/${LSAEMU_MINGW_TRIPLET})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY BOTH)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE BOTH)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE BOTH)

# The compiler's own run-time libraries linked in, so that an executable
# needs no DLL of mingw-w64 under Wine (only lsaemu's, via WINEPATH).
set(CMAKE_EXE_LINKER_FLAGS_INIT "-static-libgcc -static-libstdc++")

# ctest and add_custom_command run the programs with Wine.
find_program(LSAEMU_WINE NAMES wine wine64)
if(LSAEMU_WINE)
  set(CMAKE_CROSSCOMPILING_EMULATOR ${LSAEMU_WINE})
endif()
