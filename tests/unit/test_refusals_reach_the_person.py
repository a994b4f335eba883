"""A file refused for a reason of its own is refused with that reason, not reworded as
"damaged" on the way out; a form key no DeliveryDesk wrote is refused in plain words."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from deliverydesk.services.context import Context
from deliverydesk.services.errors import InvalidInput
from deliverydesk.services.paper.intake import MAX_FORM_BYTES, form_address, read_filled_form
from deliverydesk.services.paper.report_export import DocumentKind, export_document
from deliverydesk.services.practice.brand import import_logo
from tests.unit.reports_support import Enrolled, enrol, fill, practice


@pytest.fixture
def sent(ctx: Context, tmp_path: Path) -> tuple[Context, Enrolled, Path]:
    practice(ctx)
    enrolled = enrol(ctx, "Ana Souza")
    blank = tmp_path / "intake.pdf"
    export_document(ctx, DocumentKind.INTAKE, blank, client_id=enrolled.client_id)
    filled = tmp_path / "filled.pdf"
    fill(blank, filled, {"q1": "Too many yeses."})
    return ctx, enrolled, filled


def test_a_form_key_with_a_5000_digit_client_number_is_refused_plainly(
    sent: tuple[Context, Enrolled, Path], tmp_path: Path
) -> None:
    ctx, enrolled, filled = sent
    key = str(PdfReader(filled).get_fields()["deliverydesk_form"]["/V"])  # type: ignore[index]
    version, _client, offer, questions, check = key.split(":")
    tampered = tmp_path / "tampered.pdf"
    huge = ":".join([version, "9" * 5000, offer, questions, check])
    fill(filled, tampered, {"deliverydesk_form": huge})
    with pytest.raises(InvalidInput, match="altered"):
        form_address(ctx, tampered)
    with pytest.raises(InvalidInput, match="altered"):
        read_filled_form(ctx, tampered, enrolled.client_id)


def test_a_form_locked_with_a_password_is_called_so(
    sent: tuple[Context, Enrolled, Path], tmp_path: Path
) -> None:
    ctx, enrolled, filled = sent
    writer = PdfWriter(clone_from=filled)
    writer.encrypt("secret")
    locked = tmp_path / "locked.pdf"
    with locked.open("wb") as out:
        writer.write(out)
    with pytest.raises(InvalidInput, match="locked with a password; save it without one"):
        read_filled_form(ctx, locked, enrolled.client_id)


def test_a_form_too_large_is_called_too_large(
    sent: tuple[Context, Enrolled, Path], tmp_path: Path
) -> None:
    ctx, enrolled, _filled = sent
    large = tmp_path / "large.pdf"
    with large.open("wb") as out:
        out.write(b"%PDF-1.7\n")
        out.truncate(MAX_FORM_BYTES + 1)  # sparse: no 20 MB written
    with pytest.raises(InvalidInput, match="too large to be an intake form"):
        read_filled_form(ctx, large, enrolled.client_id)


def png_header(width: int, height: int) -> bytes:
    """A PNG that claims `width` x `height` pixels (its pixels are never needed: the size
    alone is refused)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + chunk(b"IEND", b"")
    )


@pytest.mark.parametrize("side", [10_000, 20_000])
def test_a_huge_logo_is_too_large_not_damaged(ctx: Context, tmp_path: Path, side: int) -> None:
    practice(ctx)
    logo = tmp_path / "logo.png"
    logo.write_bytes(png_header(side, side))
    with pytest.raises(InvalidInput, match="too large") as refused:
        import_logo(ctx, logo)
    assert "damaged" not in str(refused.value)
    assert not (ctx.path.parent / "brand").exists() or not any(
        (ctx.path.parent / "brand").iterdir()
    )
