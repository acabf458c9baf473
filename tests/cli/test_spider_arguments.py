"""A mistaken spider argument is one readable line at the end and a usage exit, before any
crawling: no asyncio "Task exception was never retrieved", no traceback, no store touched."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

MISTAKES = [
    ("korrespondent", "since=yesterday", "since='yesterday'"),
    ("korrespondent", "until=2026-13-01", "until='2026-13-01'"),
    ("korrespondent", "editions=en", "editions='en'"),
    ("korrespondent", "discover=foo", "discover='foo'"),
    ("korrespondent", "limit=abc", "limit='abc'"),
    ("korrespondent", "limit=-1", "limit='-1'"),
    ("korrespondent", "limit=0", "limit='0'"),
    ("news", "limit=0", "limit='0'"),
    ("news", "depth=deep", "depth='deep'"),
    ("news", "source=nosuchsource", "nosuchsource"),
]


@pytest.mark.parametrize(("spider", "argument", "named"), MISTAKES)
def test_a_bad_spider_argument_is_one_line(
    spider: str, argument: str, named: str, tmp_path: Path
) -> None:
    db = tmp_path / "store" / "articles.sqlite"
    cmd = [sys.executable, "-m", "scrapy", "crawl", spider, "-a", argument]
    if spider == "news" and not argument.startswith("source="):
        cmd += ["-a", "url=http://127.0.0.2/"]
    done = subprocess.run(
        [*cmd, "-s", f"INGEST_DATABASE_PATH={db}"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    output = done.stdout + done.stderr
    assert done.returncode == 2, output
    assert "Traceback" not in output and "never retrieved" not in output, output
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith(f"scrapy crawl {spider}: error: ") and named in last, last
    assert not db.parent.exists()  # refused before the crawl: no store made


def test_the_news_spider_without_a_start_says_what_to_give(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "scrapy", "crawl", "news",
         "-s", f"INGEST_DATABASE_PATH={tmp_path / 'a.sqlite'}"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert "-a url=" in done.stderr.strip().splitlines()[-1]
