lsaemu validate --help
