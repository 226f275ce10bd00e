lsaemu rights --policy ../../policies/hardened-workstation.yaml admin
