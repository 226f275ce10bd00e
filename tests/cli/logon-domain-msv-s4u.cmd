# MSV1_0 S4U is for local accounts only: STATUS_NOT_SUPPORTED for CORP\bob.
lsaemu logon --policy domain.yaml --api lsa --s4u --domain CORP --user bob --type network
