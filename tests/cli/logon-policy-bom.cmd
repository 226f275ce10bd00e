# A byte-order mark is not a column: the version is reported at 1:9.
printf '\357\273\277lsaemu: 2\n' >"$TMP/bom.yaml"
cd "$TMP" && lsaemu logon --policy bom.yaml --user alice --password x --type 2
