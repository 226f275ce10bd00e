# machine.uac (behavior.md 12.10): an administrator's interactive logon gets
# the filtered token (Administrators deny-only, five privileges, Medium);
# a network logon is not split.
cat > "$TMP/uac.yaml" <<'YAML'
lsaemu: 1
machine: { name: WS1, uac: true, time: "2026-11-21T10:00:00Z" }
base: workstation
accounts:
  bob: { password: Bob-Pw1, rid: 1002, groups: [Administrators] }
YAML
lsaemu logon --policy "$TMP/uac.yaml" --user bob --password Bob-Pw1 --type interactive
echo "exit $?"
lsaemu logon --policy "$TMP/uac.yaml" --user bob --password Bob-Pw1 --type network | sed -n '6,9p'
