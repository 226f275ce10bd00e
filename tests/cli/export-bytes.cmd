lsaemu export-secedit roundtrip.yaml | od -An -c | head -8
