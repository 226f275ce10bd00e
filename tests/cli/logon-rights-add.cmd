# rights_add: adds alice to the stock batch holders; rights: replaced the
# network holders with alice, and rights_add: added Backup Operators to them.
lsaemu logon --policy rights-replace.yaml --user alice --password x --type batch | grep -E '^(status|reason)'
lsaemu logon --policy rights-replace.yaml --user bob --password x --type network | grep -E '^(status|reason)'
lsaemu logon --policy rights-replace.yaml --user carol --password x --type network | grep -E '^(status|reason)'
