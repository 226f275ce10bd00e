# --json through LsaLogonUser from a process without SeTcbPrivilege:
# LsaRegisterLogonProcess is refused and recorded as register_status.
lsaemu logon --policy machine.yaml --process as-alice --api lsa --user alice --password Alice-Passw0rd-1 --type network --json
