# The lockout: section goes to [System Access] (domain.yaml: 3, 15, 15).
lsaemu export-secedit domain.yaml --output "$TMP/t.inf" &&
    iconv -f UTF-16LE -t UTF-8 "$TMP/t.inf" | tr -d "\r" | sed -n "2,10p"
