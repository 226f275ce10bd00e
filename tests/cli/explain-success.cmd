lsaemu explain 0
