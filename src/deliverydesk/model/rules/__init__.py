"""The pure rules of the delivery domain: values and a given today, no I/O."""
