# An NTSTATUS printed with %u (3221225819 is 0xC000015B).
lsaemu explain 3221225819 | head -2
