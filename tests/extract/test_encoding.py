"""The one page decoder, on real saved pages (../shared/eval): as they are, with one bad byte, or
re-encoded in a legacy charset with their charset declarations removed."""

from __future__ import annotations

import gzip
import re

import pytest

from ingest.extract.encoding import decode_html
from ingest.extract.page import parse_tree
from tests.conftest import shared_path

_META = re.compile(r"<meta[^>]*charset=[^>]*>", re.IGNORECASE)


def _page(*parts: str) -> bytes:
    return gzip.decompress(shared_path("eval", *parts).read_bytes())


def _undeclared(*parts: str) -> str:
    """A real UTF-8 page's text with every ``<meta charset>`` removed."""
    return _META.sub("", _page(*parts).decode("utf-8"))


def test_one_bad_byte_in_a_utf8_page_costs_one_character_not_the_page() -> None:
    page = _page(
        "aeb-dev",
        "html",
        "921019755f4a96ac4abf9dbcb4ef9d5ac202624a542d5ea70912330aa6fcc71f.html.gz",
    )
    text = page.decode("utf-8")
    assert 0 < sum(ch > "\x7f" for ch in text) < 20 and "\u2019" in text  # a few curly quotes
    broken = page.replace(b"<body", b"\xff<body", 1)
    got = decode_html(broken, "text/html")
    assert got.replace("\ufffd", "", 1) == text
    assert "\u00e2\u20ac\u2122" not in got  # the cp1252 reading of "’"


def test_valid_utf8_wins_over_a_wrong_declaration() -> None:
    text = _undeclared("ru-uk", "ru_Kommersant_2025_05_14.html.gz")
    page = text.replace("<head>", '<head><meta charset="windows-1251">', 1).encode("utf-8")
    assert decode_html(page, "text/html; charset=koi8-r") == text.replace(
        "<head>", '<head><meta charset="windows-1251">', 1
    )


@pytest.mark.parametrize("encoding", ["koi8-r", "iso-8859-5", "cp1251", "mac-cyrillic"])
@pytest.mark.parametrize(
    "name", ["ru_Kommersant_2025_05_14.html.gz", "ua_Pravda_2026_01_08.html.gz"]
)
def test_undeclared_cyrillic_single_byte_pages(name: str, encoding: str) -> None:
    page = _undeclared("ru-uk", name).encode(encoding, "xmlcharrefreplace")
    assert decode_html(page) == page.decode(encoding)


@pytest.mark.parametrize(
    ("folder", "encoding"),
    [
        ("pl", "cp1250"),
        ("pl", "iso-8859-2"),
        ("cz", "cp1250"),
        ("tr", "cp1254"),
        ("de", "cp1252"),
    ],
)
def test_undeclared_latin_single_byte_pages(folder: str, encoding: str) -> None:
    pages = sorted(shared_path("eval", "fundus-dev", folder).glob("*.html.gz"))
    page = _undeclared("fundus-dev", folder, pages[0].name).encode(encoding, "xmlcharrefreplace")
    assert not page.isascii()
    assert decode_html(page) == page.decode(encoding)


def test_declared_legacy_pages_as_saved() -> None:
    page = _page("traf-dev", "html", "kyffhaeuser-nachrichten.de-Regen.html.gz")  # iso-8859-1
    assert decode_html(page) == page.decode("cp1252")  # as browsers read latin-1
    page = _page("dates-dev", "html", "elmundo.es-PSOE.html.gz")  # iso-8859-15
    assert decode_html(page) == page.decode("iso-8859-15")


def test_ingest_extract_and_the_crawl_decode_alike() -> None:
    """Bytes handed to the parser (``ingest extract``, eval) give the crawl's text."""
    page = _undeclared("ru-uk", "ru_Kommersant_2025_05_14.html.gz").encode(
        "koi8-r", "xmlcharrefreplace"
    )
    from_bytes = parse_tree(page).findtext(".//title")
    assert from_bytes == parse_tree(decode_html(page)).findtext(".//title")
    assert from_bytes and re.search("[а-я]{4}", from_bytes)
