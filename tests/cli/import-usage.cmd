lsaemu import-secedit
