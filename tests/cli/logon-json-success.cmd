# --json: a successful LogonUserW with its token.
lsaemu logon --policy machine.yaml --user alice --password Alice-Passw0rd-1 --type interactive --json
