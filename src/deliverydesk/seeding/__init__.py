"""Demo and benchmark data, and the built-in offer templates: not use cases."""
