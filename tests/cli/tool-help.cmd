lsaemu --help
