"""One record path: the crawl, ``ingest extract`` and ``ingest reprocess`` give the same record.

Every article the snapshot crawl stored is compared field by field with what ``ingest extract``
prints for the very bytes the crawl fetched (read back from its WARC capture), and with what
``ingest reprocess`` stores from that capture.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from ingest.cli import main
from ingest.extract.record import Extracted, extract_record
from ingest.fetched import FetchedPage
from ingest.store import open_store
from ingest.warc.reader import index_pages, read_body, warc_files
from ingest.warc.reprocess import reprocess, select_pages
from tests.snapshot_data import articles, captured_at

# What the fetch itself gave (the response's validators), not the page; and what the store links.
FETCH_FIELDS = {"http_etag", "http_last_modified", "duplicate_of", "translations"}


def _stored(db: Path) -> dict[str, dict[str, Any]]:
    store = open_store(str(db))
    try:
        return {a.url: _page_fields(a.to_dict()) for a in store.iter_articles()}
    finally:
        store.close()


def _page_fields(record: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in record.items() if k not in FETCH_FIELDS}


def test_stored_records_equal_what_ingest_extract_prints(
    captured: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stored = _stored(captured["db"])
    pages = {p.url: p for p in select_pages(index_pages(warc_files([str(captured["warc"])])))}
    assert stored and set(stored) <= set(pages)
    for n, (url, record) in enumerate(sorted(stored.items())):
        page_file = tmp_path / f"{n}.html"
        page_file.write_bytes(read_body(pages[url]))  # the bytes the crawl fetched
        argv = ["extract", str(page_file), "--url", url, "--fetched-at", record["fetched_at"]]
        assert main(argv) == 0, capsys.readouterr().err
        printed = json.loads(capsys.readouterr().out)
        printed.pop("file")
        mismatches = {k: (printed[k], v) for k, v in record.items() if printed[k] != v}
        assert not mismatches, f"{url}: ingest extract differs from the store: {mismatches}"


def test_stored_records_equal_what_reprocess_makes_of_the_capture(
    captured: dict[str, Any], tmp_path: Path
) -> None:
    store = open_store(str(tmp_path / "again.sqlite"))
    pages = select_pages(index_pages(warc_files([str(captured["warc"])])))
    reprocess(store, pages, progress=False)
    store.close()
    stored = _stored(captured["db"])
    assert stored and _stored(tmp_path / "again.sqlite") == stored


def test_an_undeclared_cp1251_page_with_a_tracking_canonical_prints_as_the_crawl_stores_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    item = articles()[0]
    html = item.html_path.read_text("utf-8").replace('<meta charset="utf-8">', "")
    canonical = f'<link rel="canonical" href="{item.url}">'
    assert canonical in html and "charset" not in html
    html = html.replace(canonical, f'<link rel="canonical" href="{item.url}?utm_source=rss">')
    page_file = tmp_path / "page.html"
    page_file.write_bytes(html.encode("cp1251"))
    when = captured_at().isoformat()
    crawled = extract_record(FetchedPage(item.url, page_file.read_bytes(), when,
                                         content_type="text/html"))  # fmt: skip
    assert isinstance(crawled, Extracted)
    assert main(["extract", str(page_file), "--url", item.url, "--fetched-at", when]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["canonical_url"] == item.expected["canonical_url"]  # utm_source stripped
    assert printed["title"] == item.expected["title"]  # Cyrillic, not cp1252 mojibake
    printed.pop("file")
    assert printed == crawled.record
