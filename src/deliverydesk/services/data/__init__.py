"""The practice's data as files: backups, recovery, practice files, CSV."""
