lsaemu logon --policy /dev/zero --user alice --password x --type 2
