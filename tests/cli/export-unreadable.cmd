lsaemu export-secedit no-such.yaml
