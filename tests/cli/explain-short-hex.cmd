lsaemu explain 0x552
