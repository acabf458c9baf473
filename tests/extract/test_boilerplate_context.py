"""Boilerplate in context: ``clean_paragraphs`` over a whole article (zones, runs, headlines after
labels, what is kept around it) and the headline shape it relies on."""

from __future__ import annotations

import pytest

from ingest.extract.boilerplate import CleanResult, clean_paragraphs
from ingest.extract.boilerplate_rules import is_headline_like


def test_clean_result_reports_input_indexes_and_metadata() -> None:
    paragraphs = [
        "Первый абзац статьи о бюджете.",
        "",
        "function news7001234() {",
        "$('#nk7001234').html(data);",
        "}",
        "Второй абзац статьи о бюджете.",
        "Источник: Укринформ",
        "Source: Reuters",
    ]
    result = clean_paragraphs(paragraphs)
    assert result == CleanResult(
        kept=["Первый абзац статьи о бюджете.", "Второй абзац статьи о бюджете."],
        removed={"inline_script": [2, 3, 4], "source_attribution": [6, 7]},
        original_source="Укринформ",
        script_ids=["7001234"],
    )


def test_ad_slot_numbers_are_not_article_ids() -> None:
    result = clean_paragraphs(["googletag.display('div-gpt-ad-1591011990-0');", "Text here."])
    assert result.removed == {"inline_script": [0]}
    assert result.script_ids == []


BODY = [
    "The government approved the plan on Monday.",
    "Officials said the first payments would arrive in July.",
]


def test_related_headline_before_promo() -> None:
    headline = "Peskov was surprised by the reaction of Russians to the mobilization"
    result = clean_paragraphs([*BODY, headline, "Subscribe to our channel"])
    assert result.removed == {"related_headline": [2], "promo": [3]}


def test_related_headlines_after_bare_read_also_label() -> None:
    paragraphs = [
        BODY[0],
        "Читайте также:",
        "Зеленский возглавил антикоррупционный Нацсовет",
        "Кабмин принял ряд решений по защите детей",
        BODY[1],
    ]
    result = clean_paragraphs(paragraphs)
    assert result.removed == {"read_also": [1], "related_headline": [2, 3]}


def test_related_headline_in_trailing_zone() -> None:
    paragraphs = [*BODY, "Источник: Укринформ", "Ливни затопили улицы Харькова"]
    result = clean_paragraphs(paragraphs)
    assert result.removed == {"source_attribution": [2], "related_headline": [3]}


def test_subheadings_in_mid_article_are_kept() -> None:
    paragraphs = [BODY[0], "What the plan changes for pensioners", BODY[1]]
    assert clean_paragraphs(paragraphs).kept == paragraphs
    # Even right after boilerplate, a subheading followed by its text stays.
    paragraphs = [BODY[0], "Реклама", "What the plan changes for pensioners", BODY[1]]
    assert clean_paragraphs(paragraphs).removed == {"ad_label": [1]}


def test_last_line_without_boilerplate_is_kept() -> None:
    paragraphs = [*BODY, "Iryna Petrenko reporting from Kyiv today"]
    assert clean_paragraphs(paragraphs).kept == paragraphs


def test_list_after_colon_is_kept_even_before_promo() -> None:
    items = ["Stable prices for imported goods", "Lower borrowing costs for the state"]
    paragraphs = [BODY[0], "The bill sets out two goals:", *items, "Follow us on Telegram"]
    assert clean_paragraphs(paragraphs).removed == {"promo": [4]}


def test_long_headline_like_run_is_kept() -> None:
    items = [f"Item number {n} of the long list here" for n in range(5)]
    assert clean_paragraphs([*BODY, *items, "Subscribe to our channel"]).removed == {"promo": [7]}


def test_third_person_bio_only_at_the_end() -> None:
    bio = "David Wyatt is a professional writer and journalist with ten years of experience."
    assert clean_paragraphs([*BODY, bio]).removed == {"republisher_author_bio": [2]}
    assert clean_paragraphs([BODY[0], bio, BODY[1]]).removed == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Peskov was surprised by the reaction of Russians", True),
        ("Зеленский возглавил антикоррупционный Нацсовет", True),
        ("«Ситуация под контролем» – Демченко о пунктах пропуска", True),
        ("The government approved the plan on Monday.", False),
        ("Главное", False),
        ("lowercase start is not a headline here", False),
        ("Who will pay for the war in the end?", False),
    ],
)
def test_headline_shape(text: str, expected: bool) -> None:
    assert is_headline_like(text) is expected
