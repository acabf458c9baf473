"""Author names in the page's language: prefixes, connectors, bracketed initials, organisations."""

from __future__ import annotations

import pytest

from ingest.extract.generic.authors import clean_names


@pytest.mark.parametrize(
    ("raw", "language", "names"),
    [
        ("Von Anna Muster und Jörg Beispiel", "de", ["Anna Muster", "Jörg Beispiel"]),
        ("Par Marie Dupont et Paul Martin", "fr", ["Marie Dupont", "Paul Martin"]),
        ("Por Ana García y Luis Pérez", "es", ["Ana García", "Luis Pérez"]),
        ("Anna Kowalska i Jan Nowak", "pl", ["Anna Kowalska", "Jan Nowak"]),
        ("Door Jan de Vries en Piet Jansen", "nl", ["Jan de Vries", "Piet Jansen"]),
        ("Anna Muster (am)", "de", ["Anna Muster"]),
        ("By Ann Lee and Bo Chan", "en", ["Ann Lee", "Bo Chan"]),
        ("Ярослав Кузишин, Антон Зелинский", "ru", ["Ярослав Кузишин", "Антон Зелинский"]),
        ("Associated Press", "en", ["Associated Press"]),
    ],
)
def test_names_split_on_the_languages_connectors(raw: str, language: str, names: list[str]) -> None:
    assert clean_names([raw], set(), language) == names


def test_a_connector_of_another_language_is_part_of_the_name() -> None:
    # "y" joins names in Spanish only; in English it stays inside the name.
    assert clean_names(["Ana y Luis"], set(), "en") == ["Ana y Luis"]


def test_the_sites_own_name_is_dropped_when_given() -> None:
    assert clean_names(["City News", "Ann Lee"], {"City News"}, "en") == ["Ann Lee"]


def test_character_references_in_script_text_are_letters() -> None:
    # JSON-LD is script text: the parser leaves "&#1050;" as it is; it is not a separator.
    raw = "&#1040;&#1085;&#1085;&#1072; &#1051;&#1080;"
    assert clean_names([raw], set(), "ru") == ["Анна Ли"]
