"""Language packs: well-formed, chosen by the page's language, and read by the general rules."""

from __future__ import annotations

import re

import pytest

from ingest.extract import boilerplate_rules
from ingest.extract.boilerplate import classify, clean_paragraphs
from ingest.lang import PACK_CODES, SLOTS, codes_for, pack, vocabulary

STORY = (
    "Der Stadtrat hat am Dienstag beschlossen, die Straßenbahn um vier Haltestellen zu verlängern."
)


@pytest.mark.parametrize("code", PACK_CODES)
def test_every_pack_fills_known_slots_with_valid_patterns(code: str) -> None:
    words = pack(code)
    assert words, code
    assert set(words) <= SLOTS, set(words) - SLOTS
    for slot, alternatives in words.items():
        for alternative in alternatives:
            re.compile(alternative, re.I | re.X)
            assert "(" not in alternative.replace("(?:", "").replace("(?", ""), (slot, alternative)


def test_every_rule_slot_is_a_known_slot() -> None:
    templates = [
        v for k, v in vars(boilerplate_rules).items() if k.isupper() and isinstance(v, str)
    ]
    used = {m for t in templates for m in re.findall(r"\{([a-z_]+)\}", t)}
    assert used and used <= SLOTS | {"capital"}


def test_a_page_uses_its_own_pack_english_and_for_cyrillic_its_sibling() -> None:
    assert codes_for("de") == ("en", "de")
    assert codes_for("uk") == ("en", "ru", "uk")
    assert codes_for("ja") == ("en",)
    assert codes_for("") == PACK_CODES
    assert "lesen" in vocabulary(codes_for("de"))["read_also"]
    assert "lesen" not in vocabulary(codes_for("fr"))["read_also"]


@pytest.mark.parametrize(
    ("language", "line", "kind"),
    [
        ("de", "Lesen Sie auch: Die Bahn streikt schon wieder", "read_also"),
        ("fr", "Abonnez-vous à notre chaîne Telegram", "promo"),
        ("de", "Foto: dpa", "photo_credit"),
        ("de", "Quelle: Reuters", "source_attribution"),
        ("de", "Anzeige", "ad_label"),
        ("pl", "Czytaj także: Rząd przyjął projekt ustawy", "read_also"),
        ("es", "Síguenos en Telegram", "promo"),
        ("it", "Leggi anche: Il governo approva la riforma", "read_also"),
        ("nl", "Lees ook: Kabinet valt over stikstof", "read_also"),
        ("pt", "Leia também: Governo anuncia novas medidas", "read_also"),
        ("ru", "Читайте также: Рада приняла закон", "read_also"),
        ("en", "Advertisement", "ad_label"),
        ("en", "Crowds gathered outside the court on Monday (Image: GETTY)", "photo_caption"),
        ("de", "Die Kanzlerin am Montag in Berlin (Foto: dpa)", "photo_caption"),
        (
            "en",
            "A long row of unsold cars at a dealer (AP Photo/David Zalubowski)",
            "photo_caption",
        ),
    ],
)
def test_boilerplate_lines_of_each_language_go(language: str, line: str, kind: str) -> None:
    assert classify(line, None, language) == kind
    cleaned = clean_paragraphs([STORY, line, STORY + " Mehr folgt."], None, language)
    assert line not in cleaned.kept and len(cleaned.kept) == 2


def test_quoted_calls_and_story_sentences_stay() -> None:
    for language, line in [
        ("de", "Die Quelle, ein Sprecher, sagte am Montag, der Konzern streiche 500 Stellen."),
        ("fr", "« Suivez notre chaîne », a déclaré le ministre devant les journalistes."),
        ("de", STORY),
        ("en", "He said the report (Reuters) was wrong, the mayor added on Monday."),
        ("en", "The mayor spoke about it on Monday (video)."),
    ]:
        assert classify(line, None, language) is None, line


def test_a_language_without_a_pack_gets_the_structural_rules() -> None:
    story = "東京都は火曜日、路面電車の路線を四つの駅延長することを決めた。"
    assert classify(story, None, "ja") is None
    assert classify("Getty Images", None, "ja") == "photo_credit"  # agency names: no language
    assert classify("var x = 1;", None, "ja") == "inline_script"
    assert clean_paragraphs([story, "Lesen Sie auch"], None, "ja").kept == [story, "Lesen Sie auch"]
