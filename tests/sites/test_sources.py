"""Every registered source has golden files, and each one extracts to its expected record.

Fixtures live in ``tests/sites/fixtures/<source>/<Name>_<YYYY_MM_DD>.html.gz`` beside a JSON file
with the URL, fetch time, whether the page is synthetic, and the expected fields.
"""

from __future__ import annotations

import gzip
import json
from datetime import date, datetime
from pathlib import Path

import pytest

from ingest.extract import extract
from ingest.sites import SITES

FIXTURES = Path(__file__).parent / "fixtures"
# Fields every golden file pins; a fixture may pin more.
REQUIRED = {"url", "canonical_url", "source", "source_article_id", "language", "title", "body",
            "authors", "published_at", "tags"}  # fmt: skip


def _goldens() -> list[Path]:
    return sorted(FIXTURES.glob("*/*.json"))


@pytest.mark.parametrize("name", sorted(SITES))
def test_every_registered_source_has_a_golden_file(name: str) -> None:
    pages = sorted((FIXTURES / name).glob("*.html.gz"))
    assert pages, f"source {name!r} has no golden file in {FIXTURES / name}"
    for page in pages:
        assert page.with_name(page.name.removesuffix(".html.gz") + ".json").exists(), page


@pytest.mark.parametrize("golden", _goldens(), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_golden_file(golden: Path) -> None:
    spec = json.loads(golden.read_text("utf-8"))
    assert golden.parent.name in SITES, f"fixture folder of an unregistered source: {golden}"
    assert isinstance(spec["synthetic"], bool) and spec["note"]  # real or synthetic, said so
    expected = spec["expected"]
    assert expected.keys() >= REQUIRED, f"not pinned: {sorted(REQUIRED - expected.keys())}"
    html = gzip.decompress(golden.with_name(golden.stem + ".html.gz").read_bytes())
    site = SITES[golden.parent.name]
    article = extract(html, spec["url"], datetime.fromisoformat(spec["fetched_at"]), site)
    got = article.to_dict()
    mismatches = {k: (got[k], v) for k, v in expected.items() if got[k] != v}
    assert not mismatches, "\n".join(
        f"{k}:\n  got      {g!r}\n  expected {w!r}" for k, (g, w) in mismatches.items()
    )


def test_every_source_says_where_its_knowledge_comes_from() -> None:
    for name, site in SITES.items():
        assert site.editions and site.timezone and site.cadence.total_seconds() > 0, name
        for edition in site.editions:
            assert edition.home.startswith("https://"), name


def test_pravda_editions_are_chosen_by_path() -> None:
    site = SITES["pravda"]
    assert (
        site.edition_for_url("https://www.pravda.com.ua/rus/news/2026/01/08/8015001/").language
        == "ru"
    )
    assert (
        site.edition_for_url("https://www.pravda.com.ua/eng/news/2026/01/08/8015002/").language
        == "en"
    )
    assert (
        site.edition_for_url("https://www.pravda.com.ua/news/2026/01/08/8015003/").language == "uk"
    )
    assert site.article_id("https://www.pravda.com.ua/rus/tags/sud/") is None


def test_dated_versions_are_chosen_by_fetch_date() -> None:
    import dataclasses

    current = SITES["unian"]
    old = dataclasses.replace(current, parser_version="unian/0", valid_until=date(2025, 6, 1))
    older = dataclasses.replace(current, parser_version="unian/-1", valid_until=date(2024, 1, 1))
    site = dataclasses.replace(current, earlier=(old, older))
    at = lambda text: site.version_at(datetime.fromisoformat(text)).parser_version  # noqa: E731
    assert at("2023-12-31T23:00:00+00:00") == "unian/-1"
    assert at("2024-01-01T00:00:00+00:00") == "unian/0"
    assert at("2025-06-01T00:00:00+00:00") == "unian/1"
    # extraction uses the version valid at the page's fetch time
    golden = FIXTURES / "unian" / "Unian_2026_11_20.json"
    spec = json.loads(golden.read_text("utf-8"))
    html = gzip.decompress(golden.with_name(golden.stem + ".html.gz").read_bytes())
    then = extract(html, spec["url"], datetime.fromisoformat("2025-01-01T10:00:00+00:00"), site)
    assert then.parser == "unian/0"
