lsaemu import-secedit ../data/secedit/bad-utf16.inf
