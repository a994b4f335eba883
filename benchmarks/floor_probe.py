"""The floor: a bare Qt window, shown and painted, timed exactly like startup_probe.py
(from the launch time handed in, to its last paint; the exit is not counted)."""

from __future__ import annotations

import os
import sys

from PySide6.QtWidgets import QApplication, QMainWindow

from paint_clock import PaintClock


class BareWindow(QMainWindow):
    pass


def main(began: float) -> None:
    clock = PaintClock()
    clock.watch(BareWindow)
    app = QApplication(sys.argv[:1])
    window = BareWindow()
    window.resize(1200, 800)
    window.show()
    print(f"{clock.settle(began):.1f}", flush=True)
    del app
    os._exit(0)


if __name__ == "__main__":
    main(float(sys.argv[1]))
