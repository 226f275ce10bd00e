# The policy as a plain argument, like validate.
lsaemu rights machine.yaml alice
