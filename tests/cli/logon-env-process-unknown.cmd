# LSAEMU_PROCESS naming no entry fails the tool's explicit load loudly, as
# it fails LSAEMU_POLICY (issue 15); --process wins over it.
LSAEMU_PROCESS=nosuch lsaemu logon --policy machine.yaml --user alice --password Alice-Passw0rd-1 --type network
echo "exit $?"
LSAEMU_PROCESS=nosuch lsaemu logon --policy machine.yaml --process as-alice --user alice --password Alice-Passw0rd-1 --type network | grep -E '^status'
LSAEMU_PROCESS=as-alice lsaemu logon --policy machine.yaml --user alice --password Alice-Passw0rd-1 --type network | grep -E '^status'
