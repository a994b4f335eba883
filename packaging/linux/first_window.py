"""Start a program under X11 and time it to its first window; print the window's class.

    python first_window.py [--timeout S] -- COMMAND [ARGS...]

Prints one line of JSON: {"seconds": time from launch to the first top-level window being
mapped, "class": [instance, class] of that window (WM_CLASS), "title": its name}, then
ends the program. Needs $DISPLAY (check.sh runs it under Xvfb). Plain ctypes over libX11,
so it runs with any Python and no package.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import json
import select
import subprocess
import sys
import time

SUBSTRUCTURE_NOTIFY_MASK = 1 << 19
MAP_NOTIFY = 19


class XMapEvent(ctypes.Structure):
    _fields_ = [
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("event", ctypes.c_ulong),
        ("window", ctypes.c_ulong),
        ("override_redirect", ctypes.c_int),
    ]


class XEvent(ctypes.Union):
    _fields_ = [("type", ctypes.c_int), ("xmap", XMapEvent), ("pad", ctypes.c_long * 24)]


class XClassHint(ctypes.Structure):
    _fields_ = [("res_name", ctypes.c_char_p), ("res_class", ctypes.c_char_p)]


def main(argv: list[str]) -> int:
    timeout = 60.0
    if argv[:1] == ["--timeout"]:
        timeout, argv = float(argv[1]), argv[2:]
    command = argv[1:] if argv[:1] == ["--"] else argv
    x = ctypes.cdll.LoadLibrary(ctypes.util.find_library("X11") or "libX11.so.6")
    x.XOpenDisplay.restype = ctypes.c_void_p
    x.XDefaultRootWindow.restype = ctypes.c_ulong
    x.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
    x.XSelectInput.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_long]
    x.XPending.argtypes = [ctypes.c_void_p]
    x.XFlush.argtypes = [ctypes.c_void_p]
    x.XNextEvent.argtypes = [ctypes.c_void_p, ctypes.POINTER(XEvent)]
    x.XConnectionNumber.argtypes = [ctypes.c_void_p]
    x.XGetClassHint.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER(XClassHint)]
    x.XFetchName.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER(ctypes.c_char_p)]
    display = x.XOpenDisplay(None)
    if not display:
        print("first_window.py: cannot open the X display", file=sys.stderr)
        return 2
    x.XSelectInput(display, x.XDefaultRootWindow(display), SUBSTRUCTURE_NOTIFY_MASK)
    x.XFlush(display)
    started = time.perf_counter()
    program = subprocess.Popen(command)
    found: dict[str, object] | None = None
    event = XEvent()
    try:
        while found is None and time.perf_counter() - started < timeout:
            if program.poll() is not None:
                break
            if not x.XPending(display):
                select.select([x.XConnectionNumber(display)], [], [], 0.05)
                continue
            x.XNextEvent(display, ctypes.byref(event))
            if event.type != MAP_NOTIFY or event.xmap.override_redirect:
                continue
            seconds = time.perf_counter() - started
            hint = XClassHint()
            x.XGetClassHint(display, event.xmap.window, ctypes.byref(hint))
            name = ctypes.c_char_p()
            x.XFetchName(display, event.xmap.window, ctypes.byref(name))
            found = {
                "seconds": round(seconds, 4),
                "class": [(part or b"").decode() for part in (hint.res_name, hint.res_class)],
                "title": (name.value or b"").decode("utf-8", "replace"),
            }
    finally:
        program.terminate()
        try:
            program.wait(timeout=20)
        except subprocess.TimeoutExpired:
            program.kill()
            program.wait()
    if found is None:
        print("first_window.py: no window appeared", file=sys.stderr)
        return 1
    print(json.dumps(found, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
