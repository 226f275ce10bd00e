lsaemu logon --policy ../policies/p0.yaml --user carol --password Carol-Pw1 --type interactive
