"""Language detection from letters and stopwords, with the declared language as a fallback."""

from __future__ import annotations

import pytest

from ingest.extract.language import detect_language, normalize_language

RU = "Зеленский возглавил антикоррупционный Нацсовет. В его состав вошли руководители силовых органов."
UK = "Зеленський очолив антикорупційну Нацраду. До її складу увійшли керівники силових органів."
EN = "Russian citizens who come to the Netherlands to avoid military service will not be sent back."
DE = "Die Regierung hat den Plan am Montag gebilligt, und die ersten Zahlungen sind für Juli geplant."


@pytest.mark.parametrize(
    ("text", "expected"),
    [(RU, "ru"), (UK, "uk"), (EN, "en"), (DE, "de"), ("Η κυβέρνηση ενέκρινε το σχέδιο.", "el")],
)
def test_detects_from_text(text: str, expected: str) -> None:
    assert detect_language(text) == expected


def test_text_evidence_beats_declared_language() -> None:
    assert detect_language(UK, "ru-RU") == "uk"
    assert detect_language(RU, "uk") == "ru"
    assert detect_language(EN, "ru") == "en"


def test_a_quote_in_the_other_language_does_not_flip_the_result() -> None:
    text = f"{UK} {UK} Он сказал: «Это ещё не всё»."
    assert detect_language(text) == "uk"


def test_cyrillic_without_distinctive_letters_uses_stopwords_then_declared() -> None:
    assert detect_language("Президент сказав, що він підпише закон, але пізно") == "uk"
    assert detect_language("Президент сказал, что он подпишет закон, но поздно") == "ru"
    assert detect_language("Парламент, Кабмин, МВФ, Минфин, НБУ", "uk") == "uk"


def test_short_text_falls_back_to_declared() -> None:
    assert detect_language("Київ", "ua") == "uk"
    assert detect_language("OK", "ru_RU") == "ru"
    assert detect_language("", "en-GB") == "en"
    assert detect_language("") == ""


@pytest.mark.parametrize(
    ("declared", "expected"),
    [("ru-RU", "ru"), ("ua", "uk"), ("UK", "uk"), ("en_US", "en"), ("rus", "ru"), ("", "")],
)
def test_normalize_language(declared: str, expected: str) -> None:
    assert normalize_language(declared) == expected


CS = "Vláda ve středu schválila návrh rozpočtu na příští rok, který počítá s nižším schodkem."
JA = "政府は水曜日、来年度の予算案を承認した。赤字は今年より小さくなる見込みだという。"
NO = (
    "Regjeringen la onsdag fram forslaget til statsbudsjett for neste år, med et lavere underskudd."
)
TR = "Hükümet çarşamba günü gelecek yılın bütçe taslağını onayladı ve açığın azalması bekleniyor."


@pytest.mark.parametrize(("text", "expected"), [(CS, "cs"), (JA, "ja"), (NO, "no"), (TR, "tr")])
def test_languages_beyond_the_stopword_lists(text: str, expected: str) -> None:
    assert detect_language(text) == expected


def test_a_weak_guess_does_not_overrule_the_declaration() -> None:
    # A short headline of names and numbers reads as anything: the page's word stands.
    assert detect_language("Trump trifft Xi in Peking: 3 Punkte", "de") == "de"
    assert detect_language(f"{DE} {DE} {DE}", "en") == "de"  # long text that clearly is German
