lsaemu logon --policy ../../policies/strict-logon-process.yaml --process service --api lsa --user alice --password Alice-Passw0rd-1 --type interactive
