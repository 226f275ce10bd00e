lsaemu import-secedit ../data/secedit/bad-lines.inf
