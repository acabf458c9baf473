"""Golden files for the plain-text cleaner: the seed page and hand-written ru/uk/en fixtures.

Each fixture is ``NAME.txt`` + ``NAME.expected.txt`` (the kept lines) + ``NAME.expected.json``
(language, original_source, source_article_id and the removed line numbers per kind).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ingest.extract.textclean import clean_text
from ingest.sites.base import Boilerplate
from ingest.sites.korrespondent import SITE

FIXTURES = Path(__file__).parent / "fixtures" / "text"
SEED = "000_86b55a8d9d914746"
FIELDS = ("language", "original_source", "source_article_id", "removed")
NAMES = sorted(
    p.name.removesuffix(".txt") for p in FIXTURES.glob("*.txt") if ".expected." not in p.name
)


def _load(name: str) -> tuple[str, list[str], dict[str, object]]:
    raw = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")
    lines = (FIXTURES / f"{name}.expected.txt").read_text(encoding="utf-8").splitlines()
    meta = json.loads((FIXTURES / f"{name}.expected.json").read_text(encoding="utf-8"))
    return raw, lines, meta


def test_fixture_set_is_complete() -> None:
    assert SEED in NAMES
    assert len(NAMES) >= 7
    for name in NAMES:
        _, _, meta = _load(name)
        assert set(FIELDS) <= set(meta), f"{name}: expected JSON lacks a field"


@pytest.mark.parametrize("boilerplate", [None, SITE.boilerplate], ids=["general", "site"])
def test_seed(boilerplate: Boilerplate | None) -> None:
    raw, lines, _ = _load(SEED)
    cleaned = clean_text(raw, boilerplate)
    assert cleaned.lines == lines
    assert cleaned.body == "\n".join(lines)
    assert cleaned.removed == {
        "inline_script": [3, 4, 5, 6],
        "related_headline": [12],
        "promo": [13],
        "source_attribution": [14],
        "republisher_author_bio": [16],
    }
    assert cleaned.original_source == "korrespondent"
    assert cleaned.source_article_id == "4518848"
    assert cleaned.language == "en"


@pytest.mark.parametrize("boilerplate", [None, SITE.boilerplate], ids=["general", "site"])
@pytest.mark.parametrize("name", NAMES)
def test_fixture(name: str, boilerplate: Boilerplate | None) -> None:
    raw, lines, meta = _load(name)
    cleaned = clean_text(raw, boilerplate)
    assert cleaned.lines == lines
    assert cleaned.body == "\n".join(lines)
    assert {f: getattr(cleaned, f) for f in FIELDS} == {f: meta[f] for f in FIELDS}


def test_line_numbers_survive_crlf_and_blank_lines() -> None:
    raw, _, meta = _load(SEED)
    cleaned = clean_text(raw.replace("\n", "\r\n"))
    assert cleaned.removed == meta["removed"]


def test_invisible_characters_and_nbsp_are_normalized() -> None:
    cleaned = clean_text("Перший\u00a0абзац  статті.\u200b\n\u200bРеклама\nДруге речення статті.")
    assert cleaned.lines == ["Перший абзац статті.", "Друге речення статті."]
    assert cleaned.removed == {"ad_label": [1]}


def test_declared_language_used_only_when_text_is_too_short() -> None:
    assert clean_text("Київ", declared_language="uk").language == "uk"
    raw, _, _ = _load(SEED)
    assert clean_text(raw, declared_language="ru").language == "en"


def test_source_article_id_from_a_source_url_when_no_script_left() -> None:
    raw = "Первый абзац статьи.\nSource: https://korrespondent.net/world/4700123-slug-here\n"
    cleaned = clean_text(raw)
    assert cleaned.original_source == "https://korrespondent.net/world/4700123-slug-here"
    assert cleaned.source_article_id == "4700123"
