lsaemu rights --policy machine.yaml
