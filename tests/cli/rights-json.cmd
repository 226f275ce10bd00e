# --json: the answer of `rights POLICY ACCOUNT` as one JSON object.
lsaemu rights machine.yaml alice --json
