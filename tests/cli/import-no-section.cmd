lsaemu import-secedit ../data/secedit/no-section.inf
