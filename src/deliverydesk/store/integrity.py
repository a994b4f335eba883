"""The self check behind `deliverydesk check` and every open."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection

from deliverydesk.store.summaries import SummaryDrift


@dataclass(frozen=True)
class IntegrityReport:
    integrity: list[str]
    foreign_key_problems: int
    schema_revision: str | None
    expected_revision: str
    # Journeys whose summary columns disagree with their steps, phases and feedback.
    summary_drift: tuple[SummaryDrift, ...] = ()

    @property
    def ok(self) -> bool:
        return (
            self.integrity == ["ok"]
            and self.foreign_key_problems == 0
            and self.schema_revision == self.expected_revision
            and not self.summary_drift
        )


def integrity_messages(connection: Connection, quick: bool = False) -> list[str]:
    pragma = "quick_check" if quick else "integrity_check"
    return [row[0] for row in connection.exec_driver_sql(f"PRAGMA {pragma}")]


def foreign_key_problems(connection: Connection) -> int:
    return len(connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall())
