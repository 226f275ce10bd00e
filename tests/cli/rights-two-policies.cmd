# --policy and a positional policy together: the second is an extra argument.
lsaemu rights --policy machine.yaml machine.yaml alice
