lsaemu explain 1326
