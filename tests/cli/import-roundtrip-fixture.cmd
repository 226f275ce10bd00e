# The committed UTF-16LE template converts to a policy that loads.
lsaemu import-secedit ../data/secedit/utf16-crlf.inf >"$TMP/p.yaml" &&
    lsaemu validate "$TMP/p.yaml" && lsaemu rights --policy "$TMP/p.yaml" Guest
