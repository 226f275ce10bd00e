lsaemu logon --policy machine.yaml --user jack --password "" --type network
