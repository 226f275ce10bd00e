# Without --stub-accounts the same template converts, but does not validate.
lsaemu import-secedit ../data/secedit/unknown-names.inf >"$TMP/p.yaml" || exit
lsaemu validate "$TMP/p.yaml" 2>"$TMP/err"
rc=$?
sed "s|$TMP/||" "$TMP/err"
echo "validate exit $rc"
