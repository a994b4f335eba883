"""Refusals a translator can reach: every refusal carries a code and its values, every code
has English words, and a translator passed in words all of it (names of fields, dates,
the refusal that caused this one) while a person's own text stays as typed."""

from __future__ import annotations

import ast
import pickle
import string
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

import deliverydesk
from deliverydesk.model.rules.enums import JourneyStatus
from deliverydesk.model.rules.offer_design import PhaseSpec
from deliverydesk.services.clients.client_csv import import_clients
from deliverydesk.services.clients.clients import ClientInput, add_client, enrol_client
from deliverydesk.services.context import Context
from deliverydesk.services.errors import (
    CheckpointBlocked,
    InvalidInput,
    NotFound,
    RefusalCode,
    StorageFailed,
)
from deliverydesk.services.journeys.journey_csv import preview_journeys
from deliverydesk.services.journeys.lifecycle import StepsStillOpen
from deliverydesk.services.offers.offer_format import FORMAT, from_document
from deliverydesk.services.offers.offers import create_offer
from deliverydesk.services.validation import clean_line
from deliverydesk.store.errors import DatabaseTooNew, storage_failure
from deliverydesk.wording import More, Refusal, Term, error_text, refusal_text
from deliverydesk.wording.refusal_words import PLURAL_WORDS, REFUSAL_WORDS
from tests.builders import SPRINT
from tests.unit.offer_support import MONDAY, new_practice

SOURCE = Path(deliverydesk.__file__).parent
REFUSALS = {
    "InvalidInput",
    "NotFound",
    "CheckpointBlocked",
    "DatabaseError",
    "DatabaseCorrupt",
    "DatabaseLocked",
    "DatabaseTooNew",
    "DatabaseInaccessible",
    "StorageFailed",
    "StepsStillOpen",
    "RecoveryFailed",
}


def _fields(pattern: str) -> dict[str, object]:
    """Sample values for every field of `pattern`: numbers where the field is formatted
    as one ("{limit:,}"), words elsewhere."""
    values: dict[str, object] = {}
    for _text, field, spec, _conversion in string.Formatter().parse(pattern):
        if field:
            values[field] = 1234 if spec else f"<{field}>"
    return values


def _german(text: str) -> str:
    """A translator that knows a few words, enough to see which words went through it."""
    return {
        "'{step}' is already done.": "'{step}' ist schon erledigt.",
        "{label} can be at most {limit:,} characters long.": (
            "{label}: höchstens {limit:,} Zeichen."
        ),
        "Your name": "Ihr Name",
        "{file} cannot be imported: {reason}": "{file} kann nicht importiert werden: {reason}",
        "That journey no longer exists.": "Diese Reise gibt es nicht mehr.",
        "'{step}' was given another due date since ({due_on}); it was not changed back.": (
            "'{step}' hat seither ein anderes Fälligkeitsdatum ({due_on})."
        ),
        "Dec": "Dez",
        " (and {n} more)": " (und {n} weitere)",
        "completed": "abgeschlossen",
        "Phase {n}": "Phase {n}",
        "{phase}, step {n}": "{phase}, Schritt {n}",
        "{where}: '{key}' should be a whole number.": "{where}: '{key}' muss eine ganze Zahl sein.",
        "Tue": "Di",
        "{phase} has no steps yet: add one, or remove the phase.": (
            "{phase} hat noch keine Schritte."
        ),
        "{step} needs a title.": "{step} braucht einen Titel.",
        "Step {number} of {phase}": "Schritt {number} von {phase}",
        "row {row}: {reason}": "Zeile {row}: {reason}",
        "The file needs a column for {missing}: the template names them ({columns}).": (
            "Die Datei braucht eine Spalte für {missing}: die Vorlage nennt sie ({columns})."
        ),
        "{first} and {last}": "{first} und {last}",
        "none yet": "noch keins",
        "has {count} values, but the first row names only {width} columns.": (
            "hat {count} Werte, die erste Zeile nennt nur {width} Spalten."
        ),
        "'{email}' does not look like an e-mail address (name@example.com).": (
            "'{email}' ist keine E-Mail-Adresse."
        ),
    }.get(text, text)


@pytest.mark.parametrize("code", list(RefusalCode))
def test_every_code_has_english_words_that_fill_in(code: RefusalCode) -> None:
    patterns = PLURAL_WORDS.get(code) or (REFUSAL_WORDS[code],)
    for pattern in patterns:
        values = _fields(pattern)
        if code is RefusalCode.CHECKPOINTS_NOT_DONE:
            values = {"checkpoints": ["Signed contract", "Deposit paid"]}
        if code is RefusalCode.STEPS_STILL_OPEN:
            values = {"count": 2, "titles": ["Kick-off", "Wrap-up"]}
        text = refusal_text(InvalidInput(code, **values))
        assert text.strip() and "{" not in text and "}" not in text
        for value in values.values():
            if isinstance(value, str):
                assert value in text  # every value the words name reaches the person


def test_no_code_is_worded_twice_and_none_is_left_without_words() -> None:
    assert set(REFUSAL_WORDS).isdisjoint(PLURAL_WORDS)
    assert set(REFUSAL_WORDS) | set(PLURAL_WORDS) == set(RefusalCode)


def _literal_refusals(path: Path) -> list[str]:
    """Where `path` builds a refusal from English text instead of a code."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        name = node.func.id if isinstance(node.func, ast.Name) else None
        if name in REFUSALS and isinstance(node.args[0], ast.JoinedStr | ast.Constant):
            found.append(f"{path.relative_to(SOURCE)}:{node.lineno}")
    return found


def test_every_refusal_is_raised_with_a_code_not_with_english_text() -> None:
    modules = [p for p in SOURCE.rglob("*.py") if "ui" not in p.relative_to(SOURCE).parts[:1]]
    assert len(modules) > 100  # the whole core was read, not an empty folder
    assert [site for path in modules for site in _literal_refusals(path)] == []


def test_a_refusal_reads_the_same_english_as_before() -> None:
    refusal = InvalidInput(RefusalCode.STEP_ALREADY_DONE, step="Kick-off call")
    assert str(refusal) == refusal_text(refusal) == "'Kick-off call' is already done."
    assert refusal.code is RefusalCode.STEP_ALREADY_DONE
    assert refusal.values == {"step": "Kick-off call"}
    assert str(NotFound(RefusalCode.JOURNEY_GONE)) == "That journey no longer exists."
    assert (
        str(CheckpointBlocked(["Contract", "Deposit"])) == "'Contract' and 'Deposit' are not done."
    )
    assert str(StepsStillOpen(["A"])) == "1 step is still open ('A'). Complete the journey anyway?"
    many = StepsStillOpen(["A", "B", "C", "D", "E"])
    assert (
        str(many)
        == "5 steps are still open ('A', 'B', 'C' and 2 more). Complete the journey anyway?"
    )


def test_a_translator_words_the_refusal_but_not_the_persons_text() -> None:
    refusal = InvalidInput(RefusalCode.STEP_ALREADY_DONE, step="Kick-off call")
    assert refusal_text(refusal, _german) == "'Kick-off call' ist schon erledigt."


def test_a_fields_name_is_translated_with_the_refusal() -> None:
    with pytest.raises(InvalidInput) as refused:
        clean_line("x" * 300, "Your name", 200)
    assert str(refused.value) == "Your name can be at most 200 characters long."
    assert refusal_text(refused.value, _german) == "Ihr Name: höchstens 200 Zeichen."


def test_a_date_in_a_refusal_is_worded_through_the_translator() -> None:
    refusal = InvalidInput(
        RefusalCode.STEP_DUE_DATE_CHANGED_SINCE, step="Plan", due_on=date(2026, 12, 8)
    )
    assert "(Tue 8 Dec 2026)" in str(refusal)
    assert (
        refusal_text(refusal, _german)
        == "'Plan' hat seither ein anderes Fälligkeitsdatum (Di 8 Dez 2026)."
    )


def test_a_refusal_inside_a_refusal_is_translated_too() -> None:
    cause = NotFound(RefusalCode.JOURNEY_GONE)
    refusal = InvalidInput(RefusalCode.PRACTICE_FILE_NOT_IMPORTED, file="p.json", reason=cause)
    assert str(refusal) == "p.json cannot be imported: That journey no longer exists."
    assert refusal_text(refusal, _german) == (
        "p.json kann nicht importiert werden: Diese Reise gibt es nicht mehr."
    )


def test_a_translation_that_breaks_the_pattern_falls_back_to_english() -> None:
    refusal = InvalidInput(RefusalCode.STEP_ALREADY_DONE, step="Plan")
    assert refusal_text(refusal, lambda text: text.replace("{step}", "{steps}")) == (
        "'Plan' is already done."
    )


def test_a_failed_write_is_worded_by_code() -> None:
    failure = storage_failure(OSError("database or disk is full"))
    assert isinstance(failure, StorageFailed) and isinstance(failure, Refusal)
    assert failure.code is RefusalCode.STORAGE_DISK_FULL
    assert str(failure) == "The disk is full. Nothing was changed; free some space and try again."


def test_any_other_error_is_told_in_its_own_words() -> None:
    assert error_text(OSError("No space left on device"), _german) == "No space left on device"


def test_a_refusal_comes_back_whole_from_a_worker_process() -> None:
    """A batch worker's refusal is pickled back to the window (a process pool)."""
    sent = [
        NotFound(RefusalCode.CLIENT_GONE),
        InvalidInput(RefusalCode.STEP_DUE_BEFORE_START, step="Plan", starts=date(2026, 12, 8)),
        DatabaseTooNew(RefusalCode.BACKUP_TOO_NEW, Path("b.sqlite3"), source="b", revision="9"),
        CheckpointBlocked(["Contract"]),
        StepsStillOpen(["A", "B"]),
    ]
    for refusal in sent:
        back = pickle.loads(pickle.dumps(refusal))
        assert type(back) is type(refusal)
        assert (back.code, back.values, str(back)) == (refusal.code, refusal.values, str(refusal))
        assert back.__dict__ == refusal.__dict__  # a path, the checkpoints, the titles


def test_how_many_more_and_a_journeys_status_are_worded_too() -> None:
    refusal = InvalidInput(
        RefusalCode.OFFER_NOT_ENROLLABLE, offer="Audit", reasons="Name a phase.", more=More(2)
    )
    assert str(refusal).endswith("is fixed: Name a phase. (and 2 more)")
    assert refusal_text(refusal, _german).endswith("is fixed: Name a phase. (und 2 weitere)")
    none_more = InvalidInput(
        RefusalCode.OFFER_NOT_ENROLLABLE, offer="Audit", reasons="Name a phase.", more=More(0)
    )
    assert str(none_more).endswith("is fixed: Name a phase.")
    ended = InvalidInput(RefusalCode.PAUSE_NEEDS_ACTIVE, status=JourneyStatus.COMPLETED)
    assert str(ended) == "Only an active journey can be paused; this one is completed."
    assert refusal_text(ended, _german).endswith("this one is abgeschlossen.")


def test_the_place_of_a_mistake_in_an_offer_file_is_translated_with_it() -> None:
    step = {"title": "Kick-off", "offset_days": "soon"}
    document = {
        "format": FORMAT,
        "version": 1,
        "offer": {
            "name": "Audit",
            "phases": [{"name": "Start", "steps": [{"title": "Welcome"}, step]}],
        },
    }
    with pytest.raises(InvalidInput) as refused:
        from_document(document)
    assert str(refused.value) == "Phase 1, step 2: 'offset_days' should be a whole number."
    assert refusal_text(refused.value, _german) == (
        "Phase 1, Schritt 2: 'offset_days' muss eine ganze Zahl sein."
    )


def test_an_offers_design_problems_are_translated_with_the_refusal(ctx: Context) -> None:
    """Enrolling in an unfinished offer is refused with its design's problems, each worded
    through the translator, and the program's words inside them too ("Step 1 of ...")."""
    practice = new_practice(ctx)
    spec = replace(
        SPRINT,
        phases=(
            replace(SPRINT.phases[0], steps=(replace(SPRINT.phases[0].steps[0], title=" "),)),
            PhaseSpec("Follow-up", 5),
        ),
    )
    offer_id = create_offer(practice, replace(spec, phases=spec.phases[1:]))[0]
    client_id = add_client(practice, ClientInput("Ana")).value
    with pytest.raises(InvalidInput) as refused:
        enrol_client(practice, client_id, offer_id, MONDAY)
    assert str(refused.value).endswith(
        "is fixed: 'Follow-up' has no steps yet: add one, or remove the phase."
    )
    assert refusal_text(refused.value, _german).endswith(
        "is fixed: 'Follow-up' hat noch keine Schritte."
    )
    # A problem that stops saving, with a step named by its number: worded the same way.
    with pytest.raises(InvalidInput) as unsaved:
        create_offer(practice, spec)
    assert str(unsaved.value).startswith(f"Step 1 of '{spec.phases[0].name}' needs a title.")
    assert refusal_text(unsaved.value, _german).startswith(
        f"Schritt 1 von '{spec.phases[0].name}' braucht einen Titel."
    )
    back = pickle.loads(pickle.dumps(unsaved.value))  # as a batch worker sends it back
    assert refusal_text(back, _german) == refusal_text(unsaved.value, _german)


def test_the_rows_a_client_list_is_refused_for_are_translated_with_their_reasons(
    ctx: Context, tmp_path: Path
) -> None:
    path = tmp_path / "list.csv"
    path.write_text("Name,E-mail\nIda Berg,ida@mail.test,extra\nNo At Sign,nowhere\n", "utf-8")
    with pytest.raises(InvalidInput) as refused:
        import_clients(ctx, path)
    assert str(refused.value).startswith(
        "2 rows of list.csv cannot be imported, so nothing was: row 2: has 3 values, but the "
        "first row names only 2 columns.; row 3: 'nowhere' does not look like an e-mail "
        "address (name@example.com)."
    )
    assert refusal_text(refused.value, _german).startswith(
        "2 rows of list.csv cannot be imported, so nothing was: Zeile 2: hat 3 Werte, die "
        "erste Zeile nennt nur 2 Spalten.; Zeile 3: 'nowhere' ist keine E-Mail-Adresse."
    )


def test_lists_inside_a_refusal_are_worded_by_the_translator_not_joined_in_english(
    ctx: Context, tmp_path: Path
) -> None:
    new_practice(ctx)
    path = tmp_path / "journeys.csv"
    path.write_text("Client,E-mail\nAna Rivera,ana@mail.test\n", "utf-8")
    with pytest.raises(InvalidInput) as refused:
        preview_journeys(ctx, path)
    assert str(refused.value).startswith("The file needs a column for Offer and Start date:")
    assert refusal_text(refused.value, _german).startswith(
        "Die Datei braucht eine Spalte für Offer und Start date:"
    )
    nothing = NotFound(RefusalCode.CSV_OFFER_UNKNOWN, name="Audit", names=Term("none yet"))
    assert refusal_text(nothing, _german) == "No offer is called 'Audit' (your offers: noch keins)."
