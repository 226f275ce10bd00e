lsaemu explain "0xzz"
