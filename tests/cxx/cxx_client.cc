// SPDX-License-Identifier: MIT
//
// Windows code in C++ with -fshort-wchar (lsaemu-win32 mode), as
// docs/cxx.md describes it: lsaemu's functions called from C++ (the
// headers are extern "C"), WCHAR strings kept in std::u16string (never
// std::wstring, whose libstdc++ code expects a 4-byte wchar_t), and the
// standard library's own headers before <windows.h>; printf unqualified
// (lsaemu-win32 mode makes printf a macro for lsaemu's, so std::printf
// does not compile). Built and run by
// tests/check-cxx.sh, which compares its output.
#include <algorithm>
#include <cstdio>
#include <limits>
#include <string>
#include <vector>

#include <windows.h>
#include <lmcons.h>
#include <security.h>
#include <strsafe.h>

// Deviation (windef.h): min and max are not macros in C++, because
// libstdc++'s headers do not compile after them; C++ code uses std::min and
// std::max (check-cxx.sh, deviation_cxx_no_minmax).
#if defined(min) || defined(max)
#error "min/max must not be macros in C++ without LSAEMU_MINMAX"
#endif

// A WCHAR string as a std::u16string: the units are the same 16-bit values.
static std::u16string u16(const WCHAR *s)
{
    return std::u16string(reinterpret_cast<const char16_t *>(s), wcslen(s));
}

static std::string utf8(const std::u16string &s)
{
    std::vector<char> out(s.size() * 3 + 1);
    int n = WideCharToMultiByte(CP_UTF8, 0, reinterpret_cast<const WCHAR *>(s.c_str()),
                                static_cast<int>(s.size()), out.data(),
                                static_cast<int>(out.size()), nullptr, nullptr);
    return std::string(out.data(), n > 0 ? static_cast<size_t>(n) : 0);
}

int main()
{
    WCHAR name[UNLEN + 1];
    DWORD size = UNLEN + 1;
    if (!GetUserNameW(name, &size))
        return 1;
    std::u16string user = u16(name);
    printf("user %s (%zu units)\n", utf8(user).c_str(), user.size());

    WCHAR sam[64];
    ULONG n = 64;
    if (!GetUserNameExW(NameSamCompatible, sam, &n))
        return 2;
    printf("sam %s (%lu)\n", utf8(u16(sam)).c_str(), static_cast<unsigned long>(n));

    WCHAR buf[32];
    if (FAILED(StringCchPrintfW(buf, 32, L"%s has %d", name, static_cast<int>(size - 1))))
        return 3;
    printf("strsafe %s\n", utf8(u16(buf)).c_str());
    WCHAR small[4];
    HRESULT hr = StringCchCopyW(small, 4, L"caf\u00e9s");
    printf("cut 0x%08lX %s\n", static_cast<unsigned long>(hr), utf8(u16(small)).c_str());

    errno_t e = wcscpy_s(small, 4, L"toolong");
    printf("wcscpy_s %d [%zu]\n", e, wcslen(small));

    std::u16string joined = user + u"\u00e9";
    printf("u16string %s %zu\n", utf8(joined).c_str(), joined.size());
    printf("std::max %d, numeric_limits %d\n", std::max(3, 7),
                std::numeric_limits<short>::max());
    return 0;
}
