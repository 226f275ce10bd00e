lsaemu logon --policy machine.yaml --process nobody --user alice --password x --type 2
