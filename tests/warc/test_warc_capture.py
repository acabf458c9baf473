"""WARC capture in a real crawl of the snapshot, rotation, and re-extraction from the captures."""

from __future__ import annotations

import dataclasses
import gzip
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from warcio.archiveiterator import ArchiveIterator

from ingest import sites
from ingest.article import Article
from ingest.store import open_store
from ingest.warc.reader import index_pages, warc_files
from ingest.warc.reprocess import reprocess, select_pages
from ingest.warc.writer import Exchange, RotatingWarcWriter
from tests.conftest import ROOT
from tests.snapshot_data import articles, manifest

# An extraction fix: korrespondent's "As reported earlier …" back-reference lines are not article text.
FIX = r"(Как сообщал|Як повідомляв)\b"


def _records(folder: Path) -> list[Any]:
    out = []
    for path in sorted(folder.iterdir()):
        with path.open("rb") as fh:
            for record in ArchiveIterator(fh):
                out.append((record.rec_type, record.rec_headers, record.http_headers))
    return out


def test_every_response_is_captured_with_its_request(captured: dict[str, Any]) -> None:
    files = list(captured["warc"].iterdir())
    assert files and all(p.name.endswith(".warc.gz") for p in files)  # none left .open
    records = _records(captured["warc"])
    responses = {h.get_header("WARC-Target-URI") for t, h, _ in records if t == "response"}
    requests = {h.get_header("WARC-Target-URI") for t, h, _ in records if t == "request"}
    assert responses == requests
    n = sum(1 for t, _, _ in records if t == "response")
    assert (
        n
        == captured["stats"]["ingest/warc/records"]
        == captured["stats"]["downloader/response_count"]
    )
    served = {u for u, r in manifest()["resources"].items() if r["kind"] != "bad"}
    wanted = {a.url for a in articles()} | {
        u for u in served if manifest()["resources"][u]["kind"] in ("feed", "sitemap", "robots")
    }
    assert wanted - responses == set()


def test_captures_carry_the_real_urls_never_the_replay_address(captured: dict[str, Any]) -> None:
    for kind, headers, http in _records(captured["warc"]):
        if kind in ("response", "request"):
            assert headers.get_header("WARC-Target-URI").startswith("https://")
        if kind == "request":
            assert "127.0.0.1" not in http.to_str()
    raw = b"".join(gzip.decompress(p.read_bytes()) for p in captured["warc"].iterdir())
    assert b"127.0.0.1" not in raw


def test_writer_rotates_by_size_and_every_file_is_complete(tmp_path: Path) -> None:
    writer = RotatingWarcWriter(tmp_path, "t", max_bytes=4000, info={})
    for i in range(30):
        body = (f"<p>page {i} " + "x" * 3000 + "</p>").encode()
        writer.write(Exchange(f"https://example.com/{i}", "GET", [("Host", "example.com")], b"",
                              200, "OK", [("Content-Type", "text/html")], body, {"n": i}))  # fmt: skip
    writer.close()
    files = sorted(tmp_path.iterdir())
    assert len(files) > 5 and not any(p.suffix == ".open" for p in files)
    pages = index_pages(warc_files([str(tmp_path)]))
    assert sorted(int(p.url.rsplit("/", 1)[1]) for p in pages) == list(range(30))


def test_reprocess_into_an_empty_store_gives_the_crawled_records(
    captured: dict[str, Any], tmp_path: Path
) -> None:
    store = open_store(str(tmp_path / "again.sqlite"))
    report = reprocess(store, select_pages(index_pages(warc_files([str(captured["warc"])]))),
                       progress=False)  # fmt: skip
    again = {a.canonical_url: a.to_dict() for a in store.iter_articles()}
    store.close()
    crawl = open_store(str(captured["db"]))
    crawled = {a.canonical_url: a.to_dict() for a in crawl.iter_articles()}
    crawl.close()
    assert report.inserted == len(crawled) == captured["stats"]["ingest/extracted"]
    assert again == crawled  # every field, fetched_at included: same pages, same extraction


def test_reprocess_after_an_extraction_fix_revises_exactly_the_affected_articles(
    captured: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "store.sqlite"
    shutil.copy(captured["db"], db)
    store = open_store(str(db))
    before = {a.canonical_url: a for a in store.iter_articles()}
    affected = {u for u, a in before.items() if any(
        line.startswith(("Как сообщал", "Як повідомляв")) for line in a.body.splitlines())}  # fmt: skip
    assert 0 < len(affected) < len(before)

    site = sites.SITES["korrespondent"]
    fixed = dataclasses.replace(
        site,
        parser_version="korrespondent/2",
        boilerplate=dataclasses.replace(site.boilerplate, promo=(*site.boilerplate.promo, FIX)),
    )
    monkeypatch.setitem(sites.SITES, "korrespondent", fixed)
    pages = select_pages(index_pages(warc_files([str(captured["warc"])])))
    report = reprocess(store, pages, progress=False)
    after = {a.canonical_url: a for a in store.iter_articles()}
    revised = {u for u in after if store.revisions(u)}

    assert revised == affected
    assert (report.revised, report.unchanged) == (len(affected), len(before) - len(affected))
    assert report.stamped == len(before) - len(affected) and report.inserted == 0
    for url in affected:
        assert store.revisions(url)[0].body == before[url].body
        assert "Как сообщал" not in after[url].body and "Як повідомляв" not in after[url].body
    for url in set(before) - affected:
        assert _content(after[url]) == _content(before[url])
    assert {a.parser for a in after.values()} == {"korrespondent/2"}

    again = reprocess(store, pages, progress=False)  # a second pass changes nothing
    assert (again.revised, again.stamped) == (0, 0)
    store.close()


def test_reprocess_command_filters_by_source_and_time(
    captured: dict[str, Any], tmp_path: Path
) -> None:
    db = tmp_path / "cli.sqlite"
    base = [sys.executable, "-m", "ingest.cli", "reprocess", "--quiet", "--db", str(db)]
    none = subprocess.run([*base, "--source", "pravda", str(captured["warc"])],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)  # fmt: skip
    assert none.returncode == 0, none.stderr
    assert " 0 article pages" in none.stderr
    later = subprocess.run([*base, "--since", "2999-01-01", str(captured["warc"])],
                           cwd=ROOT, capture_output=True, text=True, timeout=120)  # fmt: skip
    assert " 0 article pages" in later.stderr
    done = subprocess.run([*base, "--source", "korrespondent", str(captured["warc"])],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr
    store = open_store(str(db))
    assert store.count() == captured["stats"]["ingest/extracted"]
    store.close()


def _content(article: Article) -> dict[str, Any]:
    return {k: v for k, v in article.to_dict().items() if k != "parser"}
