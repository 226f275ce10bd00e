# A domain account by its UPN (user@dns_name): the domain SID-based token user.
lsaemu logon --policy domain.yaml --user bob@corp.example --password Bob-Passw0rd-1 --type interactive
