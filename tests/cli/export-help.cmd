lsaemu export-secedit --help
