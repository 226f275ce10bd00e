// SPDX-License-Identifier: MIT
// cpp_client.cpp - a C++ Windows program (std::wstring, iostreams) built
// with x86_64-w64-mingw32-g++ and `pkg-config --cflags --libs lsaemu`
// ahead of -lsecur32 -ladvapi32, run under Wine by
// tests/check-wine-cross.sh with LSAEMU_POLICY=examples/cred-check.yaml:
// LogonUserW, ImpersonateLoggedOnUser and GetUserNameW are lsaemu's, so the
// impersonated name is the policy's alice, and a bad password gives 1326.
#include <Windows.h>

#include <iostream>
#include <string>

int main()
{
    const std::wstring user = L"alice";
    HANDLE token = nullptr;
    if (LogonUserW(user.c_str(), L".", L"wrong", LOGON32_LOGON_NETWORK,
                   LOGON32_PROVIDER_DEFAULT, &token) ||
        GetLastError() != ERROR_LOGON_FAILURE) {
        std::cout << "FAIL: bad password: " << GetLastError() << "\n";
        return 1;
    }
    if (!LogonUserW(user.c_str(), L".", L"Alice-Pw1", LOGON32_LOGON_NETWORK,
                    LOGON32_PROVIDER_DEFAULT, &token)) {
        std::cout << "FAIL: LogonUserW: " << GetLastError() << "\n";
        return 1;
    }
    WCHAR name[64];
    DWORD len = 64;
    std::wstring seen;
    if (ImpersonateLoggedOnUser(token)) {
        if (GetUserNameW(name, &len))
            seen = name;
        RevertToSelf();
    }
    CloseHandle(token);
    if (seen != user) {
        std::cout << "FAIL: impersonated user name\n";
        return 1;
    }
    std::cout << "cpp_client: impersonated alice\n";
    return 0;
}
