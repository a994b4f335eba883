"""Use cases that change or read one journey."""
