lsaemu rights machine.yaml
