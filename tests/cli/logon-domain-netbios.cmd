# CORP\bob through the Negotiate package: an interactive logon of a domain account.
lsaemu logon --policy domain.yaml --api lsa --package negotiate --domain CORP --user bob --password Bob-Passw0rd-1 --type interactive | sed -n 1,9p
