// SPDX-License-Identifier: MIT
//
// cxx_logon.cpp - Windows code in C++: checks a password with LogonUserW,
// reads the new token's user with GetTokenInformation and names it with
// LookupAccountSidW and ConvertSidToStringSidW. RAII closes the handles,
// failures are exceptions carrying GetLastError(). No lsaemu.h: it builds
// unchanged for Windows (x86_64-w64-mingw32-g++ ... -ladvapi32, or MSVC)
// and, natively, against lsaemu:
//
//   c++ -std=c++11 $(pkg-config --cflags lsaemu) cxx_logon.cpp $(pkg-config --libs lsaemu)
//   LSAEMU_POLICY=cxx-logon.yaml ./a.out alice Alice-Pw1
//
// Wide strings in C++ (examples/README.md, "C++"): on Windows, and in
// lsaemu's mingw-w64 build under Wine, WCHAR is wchar_t and std::wstring
// is the whole story. Natively wchar_t is 32-bit: WCHAR is a 16-bit
// integer, so the program keeps its UTF-16 text in std::u16string (u"..."
// literals) and hands it over with one cast. Building natively with
// -fshort-wchar (lsaemu-win32) makes L"..." UTF-16, but std::wstring
// still uses the C library's 32-bit wcslen and friends: do not use it
// there.
//
//   cxx_logon USER PASSWORD     exit 0 valid, 1 refused (error printed), 2 usage
#include <windows.h>
#include <sddl.h>

#include <cstdio>
#include <iostream>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

#if defined(_WIN32)
typedef std::wstring wide_string;
#define WIDE(s) L##s
inline LPCWSTR wide_ptr(const wide_string &s) { return s.c_str(); }
#else
typedef std::u16string wide_string;
#define WIDE(s) u##s
inline LPCWSTR wide_ptr(const wide_string &s) { return reinterpret_cast<LPCWSTR>(s.c_str()); }
#endif
static_assert(sizeof(wide_string::value_type) == sizeof(WCHAR), "WCHAR is 16-bit");

// A Windows call that failed: what was called and GetLastError().
struct win32_error : std::runtime_error {
    DWORD code;
    win32_error(const char *what, DWORD c) : std::runtime_error(what), code(c) {}
};

struct handle_closer {
    void operator()(HANDLE h) const { CloseHandle(h); }
};
typedef std::unique_ptr<void, handle_closer> unique_handle;

struct local_freer {
    void operator()(void *p) const { LocalFree(p); }
};

wide_string widen(const std::string &s)
{
    int n = MultiByteToWideChar(CP_UTF8, 0, s.c_str(), -1, nullptr, 0);
    if (n <= 0)
        throw win32_error("MultiByteToWideChar", GetLastError());
    std::vector<WCHAR> buf(static_cast<size_t>(n));
    MultiByteToWideChar(CP_UTF8, 0, s.c_str(), -1, buf.data(), n);
    return wide_string(reinterpret_cast<const wide_string::value_type *>(buf.data()));
}

std::string narrow(LPCWSTR s)
{
    int n = WideCharToMultiByte(CP_UTF8, 0, s, -1, nullptr, 0, nullptr, nullptr);
    if (n <= 0)
        throw win32_error("WideCharToMultiByte", GetLastError());
    std::string out(static_cast<size_t>(n), '\0');
    WideCharToMultiByte(CP_UTF8, 0, s, -1, &out[0], n, nullptr, nullptr);
    out.resize(static_cast<size_t>(n - 1));
    return out;
}

unique_handle logon(const wide_string &user, const wide_string &password)
{
    HANDLE token = nullptr;
    if (!LogonUserW(wide_ptr(user), wide_ptr(wide_string(WIDE("."))), wide_ptr(password),
                    LOGON32_LOGON_NETWORK, LOGON32_PROVIDER_DEFAULT, &token))
        throw win32_error("LogonUserW", GetLastError());
    return unique_handle(token);
}

// The token's user as DOMAIN\name and as an S-1-... string.
std::pair<wide_string, wide_string> token_user(HANDLE token)
{
    DWORD len = 0;
    GetTokenInformation(token, TokenUser, nullptr, 0, &len);
    if (GetLastError() != ERROR_INSUFFICIENT_BUFFER)
        throw win32_error("GetTokenInformation", GetLastError());
    std::vector<unsigned char> buf(len);
    if (!GetTokenInformation(token, TokenUser, buf.data(), len, &len))
        throw win32_error("GetTokenInformation", GetLastError());
    PSID sid = reinterpret_cast<TOKEN_USER *>(buf.data())->User.Sid;

    WCHAR name[256], domain[256];
    DWORD cname = ARRAYSIZE(name), cdomain = ARRAYSIZE(domain);
    SID_NAME_USE use;
    if (!LookupAccountSidW(nullptr, sid, name, &cname, domain, &cdomain, &use))
        throw win32_error("LookupAccountSidW", GetLastError());
    LPWSTR text = nullptr;
    if (!ConvertSidToStringSidW(sid, &text))
        throw win32_error("ConvertSidToStringSidW", GetLastError());
    std::unique_ptr<void, local_freer> text_owner(text);

    typedef const wide_string::value_type *wide_cstr;
    wide_string account = reinterpret_cast<wide_cstr>(domain);
    account += WIDE("\\");
    account += reinterpret_cast<wide_cstr>(name);
    return std::make_pair(account, wide_string(reinterpret_cast<wide_cstr>(text)));
}

} // namespace

int main(int argc, char **argv)
{
    if (argc != 3) {
        std::cerr << "usage: cxx_logon USER PASSWORD\n";
        return 2;
    }
    try {
        wide_string user = widen(argv[1]);
        unique_handle token = logon(user, widen(argv[2]));
        std::pair<wide_string, wide_string> who = token_user(token.get());
        // The string types' own operations work on the UTF-16 text.
        wide_string::size_type slash = who.first.find(WIDE('\\'));
        std::cout << "logon ok: " << narrow(wide_ptr(who.first)) << " ("
                  << narrow(wide_ptr(who.second)) << "), domain "
                  << narrow(wide_ptr(who.first.substr(0, slash))) << ", "
                  << who.first.size() << " UTF-16 units\n";
        return 0;
    } catch (const win32_error &e) {
        std::cout << e.what() << " failed: error " << e.code << "\n";
        return 1;
    }
}
