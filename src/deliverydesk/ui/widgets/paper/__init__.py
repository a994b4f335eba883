"""The documents menu and the PDF preview every feature opens."""
