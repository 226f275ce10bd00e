lsaemu logon --help
