lsaemu logon --policy ../data/loader/invalid/misspelled-section.yaml --user alice --password x --type 2
