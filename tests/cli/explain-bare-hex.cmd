# Eight hex digits without 0x read as an NTSTATUS, in either case.
lsaemu explain c000015b | head -2
lsaemu explain C000006D | head -2
