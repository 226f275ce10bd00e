# A policy has one domain: names of two domains cannot all be stubbed.
lsaemu import-secedit --stub-accounts ../data/secedit/two-domains.inf
