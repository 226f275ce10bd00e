lsaemu explain --help
