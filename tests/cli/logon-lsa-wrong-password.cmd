lsaemu logon --policy machine.yaml --api lsa --user alice --password wrong --type interactive
