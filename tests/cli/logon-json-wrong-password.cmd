# --json: a refused logon: status, substatus, win32, last_error, no token.
lsaemu logon --policy machine.yaml --user alice --password wrong --type interactive --json
