#!/bin/sh
# Prints the path of a Python >= 3.12 to build the environment with.
# Why 3.12: PySide6 6.12 on Python 3.11 leaks references to None and aborts the interpreter.
ok() { "$1" -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; }

for candidate in python3.13 python3.12 python3; do
    if command -v "$candidate" >/dev/null 2>&1 && ok "$candidate"; then
        command -v "$candidate"
        exit 0
    fi
done
# pyenv keeps versions that are installed but not selected off the PATH.
if command -v pyenv >/dev/null 2>&1; then
    root=$(pyenv root)
    for version in $(pyenv versions --bare 2>/dev/null | grep -E '^3\.(1[2-9]|[2-9][0-9])' | sort -r); do
        if ok "$root/versions/$version/bin/python3"; then
            echo "$root/versions/$version/bin/python3"
            exit 0
        fi
    done
fi
cat >&2 <<'MSG'
DeliveryDesk needs Python 3.12 or newer (python3.13, python3.12, or a python3 that is 3.12+).
Python 3.11 is refused on purpose: PySide6 6.12 on 3.11 leaks references to None and aborts
the interpreter after a few thousand drawing calls. Install Python 3.12+ and run make again.
MSG
exit 1
