lsaemu logon --policy ../../policies/hardened-workstation.yaml --user admin --password Admin-Passw0rd-1 --type network
