lsaemu logon --policy ../../policies/s4u-broker.yaml --process broker --api lsa --s4u --package negotiate --domain . --user alice --type network
