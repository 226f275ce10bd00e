# Kerberos S4U of a domain account, as on a domain member.
lsaemu logon --policy domain.yaml --api lsa --package kerberos --s4u --domain corp.example --user bob --type network | sed -n 1,10p
