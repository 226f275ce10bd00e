lsaemu logon --policy machine.yaml --user alice --s4u --type network
