"""``ingest sources`` lists every registered source, as a table and as JSON."""

from __future__ import annotations

import json

import pytest

from ingest.cli import main
from ingest.sites import SITES


def test_sources_table_lists_korrespondent_and_the_new_sources(
    capsys: pytest.CaptureFixture,
) -> None:
    assert main(["sources"]) == 0
    out = capsys.readouterr().out
    for name in ("korrespondent", "pravda", "ukrinform", "unian"):
        assert any(line.startswith(name + " ") for line in out.splitlines()), name


def test_sources_json_describes_each_source(capsys: pytest.CaptureFixture) -> None:
    assert main(["sources", "--json"]) == 0
    described = {s["name"]: s for s in json.loads(capsys.readouterr().out)}
    assert set(described) == set(SITES)
    assert described["pravda"]["languages"] == ["uk", "ru", "en"]
    assert described["unian"]["feeds"][0] == "https://rss.unian.net/site/news_ukr.rss"
