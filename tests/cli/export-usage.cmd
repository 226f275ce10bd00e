lsaemu export-secedit
