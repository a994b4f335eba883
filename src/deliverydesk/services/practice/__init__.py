"""The practice record and its settings (brand included)."""
