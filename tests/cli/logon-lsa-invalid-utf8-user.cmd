lsaemu logon --policy machine.yaml --api lsa --user "$(printf 'n\342\202x')" --password x --type 2
