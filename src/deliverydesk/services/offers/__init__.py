"""Use cases of the offers: designs, revisions, files, applying them."""
