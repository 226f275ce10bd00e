# A fault that could never fire and an enabled: privilege the account does
# not hold are errors at their line (issue 15).
lsaemu validate ../data/loader/invalid/fault-unknown-call.yaml ../data/loader/invalid/fault-unknown-account.yaml ../data/loader/invalid/enabled-not-held.yaml
