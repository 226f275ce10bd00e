lsaemu logon --policy machine.yaml --api lsa --user nobody --password x --type 2
