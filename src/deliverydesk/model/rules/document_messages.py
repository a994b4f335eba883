"""The message that goes with each document a practitioner sends a client (Send to
client…): written per offer in the offer editor, with the nudges' placeholders; a blank one
sends the built-in message below.

The fields are named as the documents' kinds (services/paper/report_export.DocumentKind's
values), so an offer's messages and the built-in ones are read the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

KINDS = ("progress", "onboarding", "checklist", "intake")


@dataclass(frozen=True)
class DocumentMessages:
    """One message per document; "" sends the built-in one."""

    progress: str = ""  # the progress report
    onboarding: str = ""  # the welcome (onboarding) pack
    checklist: str = ""
    intake: str = ""  # the intake form

    def message(self, kind: str) -> str:
        """The message for the document `kind` ("progress"...): this one, else the built-in."""
        own: str = getattr(self, kind)
        return own if own.strip() else getattr(BUILT_IN, kind)

    def stored(self) -> dict[str, str]:
        """As Offer.document_messages and the offer file keep them: the written ones only."""
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name)}

    @classmethod
    def from_stored(cls, stored: Any) -> DocumentMessages:
        """Offer.document_messages read leniently: what is not a text is left out."""
        found = stored if isinstance(stored, dict) else {}
        return cls(**{k: v for k, v in found.items() if k in KINDS and isinstance(v, str)})


# English, like every text a service writes; the person edits it in the mail program.
BUILT_IN = DocumentMessages(
    progress=(
        "Hi {client_first_name},\n\n"
        "Here is where we are on {offer}: your progress report is attached. "
        "You are in {phase}; next up: {next_step}.\n\n"
        "If anything is in the way, reply and tell me.\n\n"
        "{practice_name}"
    ),
    onboarding=(
        "Hi {client_first_name},\n\n"
        "Welcome! Attached is your welcome pack for {offer}: what happens when, and what "
        "I will ask of you.\n\n"
        "{practice_name}"
    ),
    checklist=(
        "Hi {client_first_name},\n\n"
        "Attached is your checklist for {offer}, with what is done and what comes next.\n\n"
        "{practice_name}"
    ),
    intake=(
        "Hi {client_first_name},\n\n"
        "Attached is the intake form for {offer}. Please fill it in and send it back "
        "before {due_date}.\n\n"
        "{practice_name}"
    ),
)
