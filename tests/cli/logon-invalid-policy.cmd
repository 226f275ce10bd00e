lsaemu logon --policy broken.yaml --user alice --password x --type 2
