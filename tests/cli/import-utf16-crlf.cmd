lsaemu import-secedit ../data/secedit/utf16-crlf.inf
