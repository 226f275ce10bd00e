lsaemu export-secedit roundtrip.yaml | iconv -f UTF-16LE -t UTF-8 | tr -d "\r" | tail -n +2
