lsaemu explain 1385
