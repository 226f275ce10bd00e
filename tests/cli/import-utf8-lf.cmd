lsaemu import-secedit ../data/secedit/utf8-lf.inf
