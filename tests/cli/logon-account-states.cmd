# Every account of the account-states example, with the right password.
for u in alice carol dave erin frank gina hank ivy kim; do
    lsaemu logon --policy ../../policies/account-states.yaml --api lsa --user $u \
        --password Passw0rd-1 --type interactive >"$TMP/out"
    rc=$?
    sed -n '1p;4,7p' "$TMP/out"
    echo "exit $rc"
done
