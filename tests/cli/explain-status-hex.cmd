lsaemu explain 0xC00000ED
