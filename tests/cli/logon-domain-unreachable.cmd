# The domain cannot be reached: STATUS_NO_LOGON_SERVERS, ERROR_NO_LOGON_SERVERS (1311).
lsaemu logon --policy domain-unreachable.yaml --domain CORP --user bob --password Bob-Passw0rd-1 --type interactive
