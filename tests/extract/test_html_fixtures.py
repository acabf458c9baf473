"""Saved pages outside the snapshot (``fixtures/html/NAME.html`` + ``NAME.expected.json``).

Each expected JSON lists the fields it pins; a fixture must pin at least title, body and language.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from ingest.extract import extract

FIXTURES = sorted((Path(__file__).parent / "fixtures" / "html").glob("*.html"))
FETCHED_AT = datetime(2026, 11, 20, 10, 30, tzinfo=UTC)


@pytest.mark.parametrize("page", FIXTURES, ids=lambda p: p.stem)
def test_fixture(page: Path) -> None:
    expected = json.loads(page.with_suffix(".expected.json").read_text("utf-8"))
    assert {"title", "body", "language"} <= expected.keys()
    article = extract(page.read_bytes(), expected["url"], FETCHED_AT).to_dict()
    for name, value in expected.items():
        assert article[name] == value, f"{name}:\n got      {article[name]!r}\n expected {value!r}"
