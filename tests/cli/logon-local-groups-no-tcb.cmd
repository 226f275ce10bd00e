lsaemu logon --policy machine.yaml --process as-alice --api lsa --user alice --password Alice-Passw0rd-1 --type interactive --local-group S-1-5-32-544
