lsaemu logon --policy machine.yaml --api lsa --user alice --password Alice-Passw0rd-1 --type 6
