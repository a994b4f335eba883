"""Search folds accents and case the same way everywhere."""

from __future__ import annotations

import pytest

from deliverydesk.model.rules.text_fold import fold


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("zoe muller", "Zoë Müller"),
        ("ZOE MÜLLER", "Zoë Müller"),
        ("siobhan o briain", "Siobhán Ó Briain"),
        ("lucia garcia", "Lucía García"),
        ("petrovic", "Petrović"),
        ("zak", "Żak"),
        ("strasse", "Straße"),
        ("istanbul", "İstanbul"),
        ("дарья", "Дарья"),
        ("ﬁnch", "Finch"),  # a ligature typed or stored
    ],
)
def test_a_name_is_found_without_its_accents_or_case(typed: str, name: str) -> None:
    assert fold(typed) in fold(name)


def test_letters_that_are_not_accents_stay_distinct() -> None:
    assert fold("Дарья") != fold("Дарыя")
    assert fold("") == ""


def test_plain_ascii_only_loses_its_case() -> None:
    assert fold("Anna-Lena O'Neill 42") == "anna-lena o'neill 42"
