# --stub-accounts: the names no policy has by default become disabled
# accounts (CORP\name: of the domain: section), and the result validates.
lsaemu import-secedit --stub-accounts ../data/secedit/unknown-names.inf >"$TMP/p.yaml" &&
    cat "$TMP/p.yaml" && lsaemu validate "$TMP/p.yaml" && echo valid
