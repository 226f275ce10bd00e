lsaemu logon --policy machine.yaml --user admin --password Admin-Passw0rd-1 --type network --domain WS1
