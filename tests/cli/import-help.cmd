lsaemu import-secedit --help
