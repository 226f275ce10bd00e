# A name the domain does not have.
lsaemu logon --policy domain.yaml --domain CORP --user nobody --password x --type interactive
