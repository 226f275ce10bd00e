lsaemu logon --policy machine.yaml --user alice --password x
