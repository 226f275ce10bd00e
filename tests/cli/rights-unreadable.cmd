lsaemu rights --policy no-such.yaml
