"""How the window looks: theme, icons, style and type."""
