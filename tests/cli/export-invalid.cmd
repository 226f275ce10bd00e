lsaemu export-secedit broken.yaml
