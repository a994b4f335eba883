"""Settings > Brand, the Qt-free side: the sample page beside the form is drawn from the
settings as typed (unsaved), user text prints literally, a logo that is gone is left out,
and each field's problem is said in the words the save would use."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from deliverydesk.reports.data import Brand
from deliverydesk.services.context import Context
from deliverydesk.services.errors import InvalidInput
from deliverydesk.services.practice.brand import (
    brand_problems,
    brand_settings,
    clean_brand,
    colour_advice,
    import_logo,
    sample_page,
    update_brand,
)
from tests.unit.reports_support import fonts, images, link_targets, practice, reader, text


@pytest.fixture
def stored(ctx: Context) -> Brand:
    practice(ctx)
    return brand_settings(ctx)


def test_the_sample_is_one_page_with_the_unsaved_name_and_tagline(
    ctx: Context, stored: Brand
) -> None:
    edited = replace(stored, name="Bright Path Studio", tagline="Plans that hold", phone="0123")
    pdf = sample_page(ctx, edited)

    assert pdf.startswith(b"%PDF-")
    assert len(reader(pdf).pages) == 1
    words = text(pdf)
    assert "Bright Path Studio" in words and "Plans that hold" in words and "0123" in words
    assert "North Star Coaching" not in words  # what is stored is not what is shown
    assert brand_settings(ctx) == stored  # and nothing was saved
    assert all(fonts(pdf).values())


def test_a_hostile_name_prints_literally_with_no_image_or_link(ctx: Context, stored: Brand) -> None:
    evil = '<img src="/etc/passwd">'
    pdf = sample_page(
        ctx, replace(stored, name=evil, tagline="<b>Jo & Co", footer_text='<a href="http://x">')
    )

    words = text(pdf)
    assert evil in words and "<b>Jo & Co" in words and '<a href="http://x">' in words
    assert images(pdf) == 0 and link_targets(pdf) == []


def test_a_logo_that_is_gone_is_left_out_and_the_name_is_set_instead(
    ctx: Context, stored: Brand, tmp_path: Path
) -> None:
    from PIL import Image

    logo = tmp_path / "mark.png"
    Image.new("RGB", (240, 240), "#7A3E9D").save(logo)
    kept = import_logo(ctx, logo)
    assert images(sample_page(ctx, replace(stored, logo_path=kept))) == 1

    for gone in (kept + "-missing.png", "brand/nothing-here.png", "../../etc/passwd"):
        pdf = sample_page(ctx, replace(stored, logo_path=gone))
        assert images(pdf) == 0
        assert "North Star Coaching" in text(pdf)


def test_half_typed_colours_and_page_sizes_still_draw_a_sample(ctx: Context, stored: Brand) -> None:
    for edited in (
        replace(stored, brand_color="#2F6", accent_color=""),
        replace(stored, page_size="Letter", font_family="DejaVu Sans"),
        replace(stored, page_size="A5?", font_family="Comic"),
        replace(stored, name=""),
    ):
        assert len(reader(sample_page(ctx, edited)).pages) == 1

    letter = reader(sample_page(ctx, replace(stored, page_size="Letter"))).pages[0]
    a4 = reader(sample_page(ctx, replace(stored, page_size="A4"))).pages[0]
    assert round(float(letter.mediabox.width)) == 612
    assert round(float(a4.mediabox.width)) == 595


def test_each_field_says_what_is_wrong_in_the_words_the_save_uses(stored: Brand) -> None:
    assert brand_problems(stored) == {}
    bad = replace(
        stored, name="  ", email="jo@", brand_color="teal", phone="1" * 61, page_size="A3"
    )

    problems = brand_problems(bad)

    assert set(problems) == {"name", "email", "brand_color", "phone", "page_size"}
    assert problems["brand_color"] == "The primary colour must be written like #2F6F73."
    assert problems["name"] == "The practice's name cannot be empty."
    with pytest.raises(InvalidInput, match="primary colour"):
        clean_brand(bad)
    assert clean_brand(replace(stored, brand_color=" #abcdef ")).brand_color == "#ABCDEF"


def test_a_colour_too_light_for_text_is_explained_and_kept_for_fills(
    ctx: Context, stored: Brand
) -> None:
    assert colour_advice("#2F6F73") == ""
    assert colour_advice("#2F6") == ""  # half typed: the field's own message says so
    advice = colour_advice("#F4D35E")
    assert "hard to read on white" in advice and "darker shade" in advice

    update_brand(ctx, replace(stored, brand_color="#F4D35E"))
    assert brand_settings(ctx).brand_color == "#F4D35E"  # kept as chosen, not refused
