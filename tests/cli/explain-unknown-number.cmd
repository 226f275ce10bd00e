lsaemu explain 0x7FFF1234
