"""The built-in templates' words (issue 16): a count a text cites comes from the design's
own data, and every step a client sees carries client wording, never a title written for
the practitioner. Offer files carry the client wording."""

from __future__ import annotations

import re
from dataclasses import fields, replace

from deliverydesk.model.rules.enums import StepKind
from deliverydesk.model.rules.offer_design import StepSpec
from deliverydesk.seeding.offer_coaching import COACHING
from deliverydesk.seeding.offer_templates import OFFERS
from deliverydesk.seeding.template_words import count_word, finished
from deliverydesk.services.offers.offer_format import dumps, loads
from deliverydesk.wording import ENGLISH


def every_text(key: str) -> list[str]:
    spec = OFFERS[key]
    texts = [spec.promise, spec.description, spec.capacity_note, spec.welcome_template]
    for phase in spec.phases:
        texts.append(phase.description)
        for step in phase.steps:
            texts.extend(str(getattr(step, f.name)) for f in fields(StepSpec) if f.type == "str")
    return texts


def test_every_count_a_template_cites_is_its_data_s() -> None:
    for key, spec in OFFERS.items():
        said = " ".join(every_text(key))
        assert not re.search(r"<\w+>", said), key  # every marker filled
        questions = count_word(len(spec.intake_questions))
        for cited in re.findall(r"(\w+) (?:key )?questions on", said, flags=re.IGNORECASE):
            assert cited.lower() == questions, key
    coaching = OFFERS["coaching"]
    sessions = sum(s.kind is StepKind.SESSION for p in coaching.phases for s in p.steps)
    form = next(s for p in coaching.phases for s in p.steps if s.kind is StepKind.FORM)
    assert form.description.startswith(f"{count_word(len(coaching.intake_questions), True)} ")
    assert "Twenty" not in form.description  # the old template said twenty; it has six
    assert f"Book all {count_word(sessions)} sessions" in every_text("coaching")
    assert coaching.description.startswith(f"{count_word(sessions, True)} one-to-one sessions")


def test_a_template_with_other_data_cites_other_counts() -> None:
    fewer = finished(replace(COACHING, intake_questions=COACHING.intake_questions[:3]))
    form = next(s for p in fewer.phases for s in p.steps if s.kind is StepKind.FORM)
    assert form.description.startswith("Three questions on goals")


def test_no_step_a_client_sees_reads_as_the_practitioner_s_note() -> None:
    for key, spec in OFFERS.items():
        for step in (s for p in spec.phases for s in p.steps if s.client_facing):
            said = ENGLISH.client_step(step.kind, step.title, step.client_wording)
            assert "received" not in said, (key, step.title)
            assert "referral ask" not in said, (key, step.title)
    intake = next(s for s in OFFERS["coaching"].phases[0].steps if s.kind is StepKind.FORM)
    assert intake.client_wording == "Fill in and send back your intake form"


def test_an_offer_file_carries_the_client_wording() -> None:
    spec = OFFERS["brand"]
    back = loads(dumps(spec))
    wordings = [s.client_wording for p in back.phases for s in p.steps]
    assert wordings == [s.client_wording for p in spec.phases for s in p.steps]
    assert "Fill in and send back the brand questionnaire" in wordings
