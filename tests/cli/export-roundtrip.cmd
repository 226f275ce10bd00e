# import(export(p)) gives the same decisions as p, through a UTF-16LE file.
lsaemu export-secedit roundtrip.yaml --output "$TMP/rt.inf" &&
    lsaemu import-secedit "$TMP/rt.inf" >"$TMP/rt.yaml" &&
    lsaemu rights --policy roundtrip.yaml >"$TMP/a" &&
    lsaemu rights --policy "$TMP/rt.yaml" >"$TMP/b" &&
    cmp "$TMP/a" "$TMP/b" && echo "same decisions"
