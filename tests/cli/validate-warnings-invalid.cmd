# Errors first, then warnings; the status is the errors'.
lsaemu validate --warnings warnings-and-errors.yaml
