"""Read models of the screens: the board, Today, Timeline, Dashboard."""
