lsaemu rights --policy machine.yaml bob
