# ResetLockoutCount longer than LockoutDuration: refused, as Windows does.
lsaemu import-secedit ../data/secedit/system-access-window.inf
