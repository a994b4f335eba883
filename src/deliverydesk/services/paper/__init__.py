"""What the client's paper prints, and exporting it."""
