"""Reprocess agrees with the crawl on candidates (pages whose URL cannot say what they are).

The link-following site of the generic snapshot, with one more page linked from its home: a
listing of teasers at an article-shaped URL. The crawl fetches it as a candidate, judges it a
listing and stores nothing of it; ``ingest reprocess`` of the crawl's WARC capture must not make
a record of it either, and must make every stored article again exactly as stored.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from ingest.replay.server import ReplayServer, Snapshot
from ingest.store import open_store
from ingest.warc.reader import index_pages, warc_files
from ingest.warc.reprocess import reprocess, select_pages
from ingest.warc.writer import Exchange, RotatingWarcWriter
from tests.conftest import ROOT

SNAPSHOT = ROOT / "data" / "snapshot-generic"
ROOT_URL = "https://chernihiv-daily.example"
LISTING = f"{ROOT_URL}/news/e4f1a9b3.html"
LISTING_FILE = "chernihiv-daily.example/news/e4f1a9b3.html"
FETCH_FIELDS = {"http_etag", "http_last_modified", "duplicate_of", "translations"}

_TEASERS = [
    ("7c1e5f09", "У Чернігові відремонтували дах Катерининської церкви",
     "Реставратори завершили заміну покрівлі храму, пошкодженої торік, і тепер готують "
     "проєкт відновлення розписів в інтер'єрі, на який місто шукає гроші в державному "
     "бюджеті та в міжнародних фондах підтримки культурної спадщини."),
    ("d2a4b6e8", "Міська рада ухвалила програму ремонту шкільних укриттів",
     "Депутати проголосували за програму, яка до кінця наступного року має дати кожній "
     "школі міста укриття з вентиляцією, водою та резервним живленням; перші роботи "
     "почнуться вже взимку в трьох ліцеях Новозаводського району."),
    ("a03f7d21", "Чернігівські автобуси переходять на електронний квиток",
     "Перевізник обіцяє, що оплатити проїзд банківською карткою чи смартфоном можна буде в "
     "кожному автобусі міста ще до Нового року, а паперові квитки залишаться в продажу до "
     "весни для тих, хто звик користуватися ними."),
    ("5b9e2c44", "У парку Дитинства висадили двісті молодих дубів",
     "Волонтери та працівники комунального підприємства висадили дерева на місці старих "
     "тополь, які торік зламала буря; кожен дуб отримав табличку з іменем родини, що "
     "взялася доглядати за ним упродовж перших трьох років."),
]  # fmt: skip


def _teaser_listing() -> str:
    items = "\n".join(
        f'<div class="teaser"><h3><a href="{ROOT_URL}/news/{slug}.html">{title}</a></h3>\n'
        f"<p>{lead}</p></div>"
        for slug, title, lead in _TEASERS
    )
    return (
        '<!doctype html>\n<html lang="uk"><head><meta charset="utf-8">'
        "<title>Головне за тиждень</title></head><body>\n"
        f'<header><a href="{ROOT_URL}/">Головна</a></header>\n'
        f"<main><h1>Головне за тиждень</h1>\n{items}\n</main>\n"
        "<footer>© 2026. Усі права захищені.</footer></body></html>\n"
    )


def _site_with_a_teaser_listing(folder: Path) -> Path:
    """A copy of the generic snapshot whose link-following home also links the teaser listing."""
    root = folder / "snapshot"
    shutil.copytree(SNAPSHOT, root)
    (root / LISTING_FILE).write_text(_teaser_listing(), "utf-8")
    home = root / "chernihiv-daily.example" / "index.html"
    link = f'<li><a href="{LISTING}">e4f1a9b3</a></li>\n</ul>'
    home.write_text(home.read_text("utf-8").replace("</ul>", link, 1), "utf-8")
    manifest = json.loads((root / "manifest.json").read_text("utf-8"))
    manifest["resources"][LISTING] = {
        "file": LISTING_FILE, "status": 200,
        "content_type": "text/html; charset=utf-8", "kind": "listing",
    }  # fmt: skip
    (root / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), "utf-8")
    return root


def _stored(db: Path) -> dict[str, dict[str, Any]]:
    store = open_store(str(db))
    try:
        return {
            a.url: {k: v for k, v in a.to_dict().items() if k not in FETCH_FIELDS}
            for a in store.iter_articles()
        }
    finally:
        store.close()


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A news crawl of the link-following site with WARC capture on: its store, WARC, stats."""
    tmp = tmp_path_factory.mktemp("candidates")
    with ReplayServer(Snapshot.load(_site_with_a_teaser_listing(tmp))) as server:
        cmd = [
            sys.executable, "-m", "scrapy", "crawl", "news",
            "-a", f"url={ROOT_URL}/", "-a", "since=2026-11-18", "-a", "until=2026-11-20",
            "-s", f"INGEST_REPLAY_PROXY={server.url}",
            "-s", f"INGEST_DATABASE_PATH={tmp / 'crawl.sqlite'}",
            "-s", f"INGEST_STATS_FILE={tmp / 'stats.json'}",
            "-s", "INGEST_WARC_ENABLED=1", "-s", f"INGEST_WARC_DIR={tmp / 'warc'}",
            "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "INGEST_EXTRACT_WORKERS=0",
        ]  # fmt: skip
        done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300)
        requested = list(server.requested)
    assert done.returncode == 0, done.stderr[-3000:]
    stats = json.loads((tmp / "stats.json").read_text("utf-8"))
    return {"tmp": tmp, "db": tmp / "crawl.sqlite", "warc": tmp / "warc", "stats": stats,
            "requested": requested}  # fmt: skip


def test_the_crawl_judges_the_teaser_listing_a_listing(crawled: dict[str, Any]) -> None:
    assert LISTING.split("://")[1] in {u.split("://")[1] for u in crawled["requested"]}
    assert crawled["stats"]["ingest/discovery/page_kind/listing"] >= 1
    stored = _stored(crawled["db"])
    assert len(stored) == 4 and LISTING not in stored


def test_reprocess_makes_no_record_of_a_listing_and_every_stored_article_again(
    crawled: dict[str, Any],
) -> None:
    pages = index_pages(warc_files([str(crawled["warc"])]))
    assert LISTING in {p.url for p in pages}  # captured
    again = crawled["tmp"] / "again.sqlite"
    store = open_store(str(again))
    try:
        report = reprocess(store, select_pages(pages), progress=False)
    finally:
        store.close()
    remade = _stored(again)
    assert LISTING not in remade, "reprocess made a record of a page the crawl judged a listing"
    assert remade == _stored(crawled["db"])
    assert report.inserted == len(remade)


def test_a_verdict_written_after_rotation_still_applies_to_its_capture(tmp_path: Path) -> None:
    writer = RotatingWarcWriter(tmp_path, "t", max_bytes=2000, info={})
    body = f"<p>{os.urandom(3000).hex()}</p>".encode()  # does not compress below max_bytes
    ids = [
        writer.write(Exchange(f"{ROOT_URL}/news/{n}.html", "GET", [("Host", "h")], b"", 200, "OK",
                              [("Content-Type", "text/html")], body, {"ingest_article": True}))
        for n in range(2)
    ]  # fmt: skip
    writer.annotate(f"{ROOT_URL}/news/0.html", ids[0].record_id, {"page_kind": "listing"})
    writer.annotate(f"{ROOT_URL}/news/1.html", ids[1].record_id, {"page_kind": "article"})
    writer.close()
    assert len(writer.files) == 3  # each capture filled a file; the verdicts are in the last
    pages = index_pages(warc_files([str(tmp_path)]))
    assert [p.url.rsplit("/", 1)[1] for p in select_pages(pages)] == ["1.html"]
    assert {p.page_kind for p in pages} == {"listing", "article"}
