"""Quality gate: F1 on ../shared/eval/aeb-dev may not fall below the floor pinned in the repo."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ingest.eval.runner import generic_extractor, ingest_extractor, load_pages, run
from tests.conftest import shared_path

FLOOR = json.loads((Path(__file__).with_name("quality_floor.json")).read_text())["aeb-dev"]


@pytest.fixture(scope="module")
def pages() -> list:
    return load_pages(shared_path("eval", "aeb-dev"))


def test_stored_text_meets_the_floor(pages: list) -> None:
    """What the orchestrator stores (lead + cleaned body) is what the benchmark scores."""
    result = run("ingest", ingest_extractor(), pages)
    summary = result.summary
    assert not [p.page_id for p in result.pages if p.error], "extraction raised on some pages"
    assert summary.empty <= FLOOR["max_empty"]
    assert summary.f1 >= FLOOR["stored_text_f1"], f"F1 {summary.f1:.4f} fell below the floor"


def test_generic_body_meets_the_floor(pages: list) -> None:
    summary = run("generic", generic_extractor, pages).summary
    assert summary.f1 >= FLOOR["generic_body_f1"], f"F1 {summary.f1:.4f} fell below the floor"
