"""Checking text a person typed before it is stored: one set of rules, one set of messages.

Single-line fields lose the bidi embedding, override and isolate controls. Refused: a
required field made only of spaces or invisible characters, the NUL character,
broken characters (lone surrogates, which cannot be saved as UTF-8), line breaks or other
control characters in a one-line field, and text over the field's length.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from deliverydesk.model.rules.text_rules import is_blank, without_bidi_controls
from deliverydesk.services.errors import InvalidInput
from deliverydesk.store.schema import is_database_file
from deliverydesk.wording import RefusalCode, Term

__all__ = ["clean_email", "clean_line", "clean_text", "is_blank"]

_MULTILINE_ALLOWED = {"\n", "\r", "\t"}


def _broken(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _check_characters(text: str, label: str, multiline: bool) -> None:
    if "\x00" in text:
        raise InvalidInput(RefusalCode.TEXT_HAS_NUL, label=Term(label))
    if _broken(text):
        raise InvalidInput(RefusalCode.TEXT_HAS_BROKEN_CHARACTER, label=Term(label))
    for ch in text:
        if unicodedata.category(ch) == "Cc" and not (multiline and ch in _MULTILINE_ALLOWED):
            code = RefusalCode.TEXT_HAS_CONTROL_CHARACTER
            raise InvalidInput(
                code if multiline else RefusalCode.TEXT_NOT_ONE_LINE, label=Term(label)
            )


def clean_line(text: str, label: str, limit: int, *, required: bool = False) -> str:
    """One line of text (a name, an e-mail address), trimmed; `label` names the field in
    messages ("A client's name"). Bidi controls are dropped (model/rules/text_rules.py)."""
    text = without_bidi_controls(text).strip()
    _check_characters(text, label, multiline=False)
    if is_blank(text):
        if required:
            raise InvalidInput(RefusalCode.TEXT_EMPTY, label=Term(label))
        return ""
    if len(text) > limit:
        raise InvalidInput(RefusalCode.TEXT_TOO_LONG, label=Term(label), limit=limit)
    return text


def clean_text(text: str, label: str, limit: int) -> str:
    """Free text (notes, a reason): line breaks allowed, kept as typed."""
    _check_characters(text, label, multiline=True)
    if len(text) > limit:
        raise InvalidInput(RefusalCode.TEXT_TOO_LONG, label=Term(label), limit=limit)
    return "" if is_blank(text) else text


def clean_email(text: str, label: str = "The e-mail address", limit: int = 320) -> str:
    email = clean_line(text, label, limit)
    if email:
        local, at, domain = email.rpartition("@")
        if not at or not local or "." not in domain or any(ch.isspace() for ch in email):
            raise InvalidInput(RefusalCode.EMAIL_UNLIKELY, email=email)
    return email


def refuse_database_file(path: Path) -> None:
    """Refuse a file the person picked when it is a DeliveryDesk data file (or one of
    SQLite's files beside it): nothing but SQLite may read or replace those."""
    if is_database_file(path):
        raise InvalidInput(RefusalCode.PATH_IS_DATA_FILE, path=path)
