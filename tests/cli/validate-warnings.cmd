# Warnings only when asked for; they never change the exit status.
lsaemu validate --warnings rights-replace.yaml; echo "exit $?"
lsaemu validate rights-replace.yaml; echo "exit $?"
lsaemu validate -W ../../policies/workstation.yaml ../../policies/server.yaml
