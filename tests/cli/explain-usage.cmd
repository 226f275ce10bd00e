lsaemu explain
