"""Settings → Brand: the live sample page beside the form, on the demo practice.

Timed: the sample page made by the service from unsaved settings (sample_page: the
progress report's builder with a made-up client, the demo's logo in the band), and the
whole update a person waits for after the 250 ms pause: the PDF made, loaded into QtPdf
and rendered at the size shown, to painted. Also a keystroke in the form (the fields
checked, the pause restarted), against the 16 ms frame.
Floors, in the same run: a minimal reportlab document in the embedded Noto Sans, and a
demo client's real progress report (Workspace.paper.make_document).
Target: the sample under 60 ms (median).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from bench_reports import cpu_timed, minimal_document  # noqa: E402
from common import TODAY, summary, timed  # noqa: E402
from deliverydesk.model.rules.clock import FixedClock  # noqa: E402
from deliverydesk.paths import data_dir  # noqa: E402
from deliverydesk.reports.fonts import DEFAULT_FAMILY, register_fonts  # noqa: E402
from deliverydesk.seeding.demo import seed_demo  # noqa: E402
from deliverydesk.services.context import open_workspace  # noqa: E402
from deliverydesk.services.paper.report_export import DocumentKind  # noqa: E402
from deliverydesk.services.workspace import Workspace  # noqa: E402
from deliverydesk.ui.core.events import AppEvents  # noqa: E402
from deliverydesk.ui.main_window import MainWindow  # noqa: E402

REPEATS = 21


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    register_fonts()
    with tempfile.TemporaryDirectory() as tmp:
        folder = data_dir(Path(tmp) / "demo")
        seeding = open_workspace(folder, FixedClock(TODAY))
        seed_demo(seeding)
        seeding.close()
        ws = Workspace.open(folder, FixedClock(TODAY))
        stored = ws.practice.brand_settings()
        client_id, _ = ws.paper.report_clients()[0]
        count = iter(range(10_000))

        def sample() -> None:
            ws.practice.brand_sample(replace(stored, tagline=f"Sample {next(count)}"))

        print(
            "floor: minimal document, Noto Sans  ",
            summary(timed(lambda: minimal_document(DEFAULT_FAMILY.regular), REPEATS)),
        )
        print(
            "floor: a demo client's progress rpt ",
            summary(
                timed(
                    lambda: ws.paper.make_document(DocumentKind.PROGRESS, client_id=client_id),
                    REPEATS,
                )
            ),
        )
        print("sample_page (service), wall clock   ", summary(timed(sample, REPEATS)))
        print("sample_page (service), CPU time     ", summary(cpu_timed(sample, REPEATS)))

        window = MainWindow(ws, AppEvents())
        window.show()
        window.show_screen("settings")
        page = window.settings_page
        page.tabs.setCurrentWidget(page.brand)
        app.processEvents()
        panel = page.brand
        tagline = panel.form.lines["tagline"]
        keystrokes, updates = [], []
        for index in range(REPEATS + 1):
            start = time.perf_counter()
            tagline.setText(f"Plans that hold {index}")  # what a keystroke runs
            typed = time.perf_counter()
            panel.preview.draw_now()  # what the pause's end runs
            panel.preview.view.repaint()
            done = time.perf_counter()
            if index:  # the first warms the caches
                keystrokes.append((typed - start) * 1000)
                updates.append((done - typed) * 1000)
        size = panel.preview.view.size()
        print("a keystroke in the form             ", summary(keystrokes))
        print(f"preview update, to painted ({size.width()}x{size.height()})", summary(updates))
        window.close()
        ws.close()


if __name__ == "__main__":
    main()
