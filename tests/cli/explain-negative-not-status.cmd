# A negative decimal must be an NTSTATUS as %d prints it: -5 is none.
lsaemu explain -5
