# An NTSTATUS printed with %d (-1073741477 is 0xC000015B); "--" may come first.
lsaemu explain -1073741477 | head -2
lsaemu explain -- -1073741477 | head -2
