lsaemu logon --policy machine.yaml --api lsa --package kerberos --user alice --password Alice-Passw0rd-1 --type remote-interactive
