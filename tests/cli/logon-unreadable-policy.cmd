lsaemu logon --policy no-such.yaml --user alice --password x --type 2
