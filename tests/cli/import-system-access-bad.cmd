# Values outside the ranges of MS-GPSB 2.2.1.1.2 and keys given twice.
lsaemu import-secedit ../data/secedit/system-access-bad.inf
