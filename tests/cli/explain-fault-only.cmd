lsaemu explain 0xC000009A
