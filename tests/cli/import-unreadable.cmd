lsaemu import-secedit no-such.inf
