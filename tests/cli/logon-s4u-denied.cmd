lsaemu logon --policy ../../policies/s4u-broker.yaml --api lsa --s4u --package kerberos --domain . --user bob --type network
