# No policy, then an unknown option: usage errors (exit 2).
lsaemu rights
echo "exit $?"
lsaemu rights --bogus machine.yaml
