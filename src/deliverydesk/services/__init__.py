"""Use cases: one transaction per user action, each mutation returning a Changes."""
