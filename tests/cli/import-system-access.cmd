# The lockout keys of [System Access] become the lockout: section
# (LockoutDuration -1: until an administrator unlocks, duration 0); the other
# keys of the section are read past. The result loads.
lsaemu import-secedit ../data/secedit/system-access.inf >"$TMP/p.yaml" &&
    sed 1d "$TMP/p.yaml" && lsaemu validate "$TMP/p.yaml" && echo valid
