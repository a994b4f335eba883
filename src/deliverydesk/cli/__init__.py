"""The command line: `deliverydesk <command>` without a window (cli/main.py)."""
