lsaemu explain 1380
