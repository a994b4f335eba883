"""Pictures of the client's paper for the README: the demo practice's four documents, their
first pages rendered with pdftoppm at 50 dpi into the folder given (docs/screenshots), and
the intake form filled (by pypdf, as a reader would) with answers in Latin, Chinese,
Japanese, Cyrillic and Korean. Not Arabic: pypdf draws a field's letters unshaped, left to
right; how a reader draws it is up to the reader.

    python tools/pdf_screenshots.py docs/screenshots
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

from pypdf import PdfReader, PdfWriter

from deliverydesk.model.rules.clock import FixedClock
from deliverydesk.paths import data_dir
from deliverydesk.seeding.demo import seed_demo
from deliverydesk.services.clients.client_lookup import clients_named, offers_named
from deliverydesk.services.context import open_workspace
from deliverydesk.services.paper.report_export import DocumentKind, export_document

TODAY = date(2026, 11, 23)
NOTE = (
    "Hannah, the values exercise this week was a turning point: you named what you will "
    "stop doing, and then you did it. Keep the Friday review going; it is the habit that "
    "makes the rest stick. See you on Monday."
)
# (document, who, pages to picture)
SHOTS = [
    (DocumentKind.PROGRESS, "Hannah Lindqvist", 2),
    (DocumentKind.ONBOARDING, "Siobhán Ó Briain", 3),
    (DocumentKind.CHECKLIST, "Hannah Lindqvist", 2),
    (DocumentKind.INTAKE, "Zoë Müller", 1),
]


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        ctx = open_workspace(data_dir(Path(folder) / "demo"), FixedClock(TODAY))
        seed_demo(ctx)
        for kind, who, pages in SHOTS:
            (client,) = clients_named(ctx, who)
            pdf = Path(folder) / f"{kind.value}.pdf"
            note = NOTE if kind is DocumentKind.PROGRESS else ""
            export_document(ctx, kind, pdf, client_id=client.id, note=note)
            _render(pdf, out / f"pdf-{kind.value}", pages)
            if kind is DocumentKind.INTAKE:
                filled = Path(folder) / "intake-filled.pdf"
                _fill(pdf, filled)
                _render(filled, out / "pdf-intake-filled", 1)
        (offer,) = offers_named(ctx, "Brand Audit")
        template = Path(folder) / "template.pdf"
        export_document(ctx, DocumentKind.ONBOARDING, template, offer_id=offer.id)
        _render(template, out / "pdf-onboarding-template", 1)
        ctx.close()


# A client's answers in several scripts, as a reader draws them in the form's own font.
ANSWERS = (
    "Zażółć gęślą jaźń: we sell hand-made ceramics in Kraków and online, since 2019.",
    "田中書房，山田花子。東京の出版社です。2026年3月に新しいシリーズを出します。",
    "Привет! Наши лучшие клиенты — небольшие кафе.",
    "김민준입니다. 서울 10시에 만나요.",
)


def _fill(blank: Path, filled: Path) -> None:
    writer = PdfWriter(clone_from=PdfReader(blank))
    fields = PdfReader(blank).get_fields() or {}
    names = [n for n, f in fields.items() if f.get("/FT") == "/Tx" and n.startswith("q")]
    values = {name: ANSWERS[i % len(ANSWERS)] for i, name in enumerate(names)}
    writer.update_page_form_field_values(None, values, auto_regenerate=False)
    with filled.open("wb") as handle:
        writer.write(handle)


def _render(pdf: Path, prefix: Path, pages: int) -> None:
    subprocess.run(
        ["pdftoppm", "-r", "50", "-png", "-f", "1", "-l", str(pages), str(pdf), str(prefix)],
        check=True,
    )
    print(*sorted(prefix.parent.glob(prefix.name + "-*.png")), sep="\n")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
