lsaemu rights --help
