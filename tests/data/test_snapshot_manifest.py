"""The bundled snapshot itself (data/snapshot/): complete, well-formed, covering what it must, and
reproduced byte for byte by tools/build_snapshot.py. These tests read the files only."""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import urlsplit

import lxml.html
import pytest
from lxml import etree

from ingest.sites.korrespondent import SITE
from tests.data.snapshot_files import (
    EXPECTED_KEYS,
    GENERATOR,
    KINDS,
    PLANTED_KINDS,
    SM,
    SNAPSHOT,
    expected,
    good_urls,
    manifest,
    page,
    resources,
)

# ------------------------------------------------------------------------------- manifest


def test_manifest_is_synthetic_and_well_formed() -> None:
    m = manifest()
    assert m["synthetic"] is True
    assert m["captured_at"] == "2026-11-20T10:30:00+00:00"
    assert "synthetic" in m["note"].lower()
    for url, res in m["resources"].items():
        assert urlsplit(url).scheme == "https", url
        assert res["kind"] in KINDS, url
        assert isinstance(res["status"], int) and res["content_type"], url
        if res["kind"] == "bad":
            assert res.get("bad_reason"), url
            assert "expected" not in res, url
        else:
            assert res["status"] == 200 and res["file"], url
        assert ("expected" in res) == (res["kind"] == "article"), url


def test_every_manifest_file_exists_and_parses() -> None:
    for url, res in resources().items():
        if res["file"] is None:
            assert res["kind"] == "bad" and res["status"] in (404, 500), url
            continue
        path = SNAPSHOT / res["file"]
        assert path.is_file(), f"{url}: {path} missing"
        data = path.read_bytes()
        if res["kind"] == "bad" and not data:
            assert res["bad_reason"] == "empty_body", url
            continue
        if res["kind"] in ("feed", "sitemap"):
            root = etree.fromstring(data)
            assert root.tag in ("rss", f"{SM}sitemapindex", f"{SM}urlset"), url
            assert b"synthetic" in data.split(b"?>", 1)[1][:300], f"{url}: no synthetic comment"
        elif res["kind"] == "robots":
            assert b"synthetic" in data, url
        else:
            tree = lxml.html.document_fromstring(data)
            marks = tree.xpath('//meta[@name="x-snapshot"]/@content')
            assert marks == ["synthetic"], f"{url}: not marked synthetic"
    for res in resources("article").values():
        assert (SNAPSHOT / res["expected"]).is_file()


def test_article_urls_follow_the_site_pattern() -> None:
    for url, res in {**resources("article"), **resources("bad")}.items():
        m = SITE.article_url.match(url)
        assert m, f"{url} does not match ingest.sites.korrespondent's article_url"
        if res.get("expected"):
            exp = expected(url)
            assert (m["id"], m["section"]) == (exp["source_article_id"], exp["section"]), url
    for url in resources("archive"):
        assert not SITE.article_url.match(url), url


# ------------------------------------------------------------------------------- coverage


def test_enough_articles_languages_and_sections() -> None:
    exps = [expected(u) for u in good_urls()]
    assert len(exps) >= 40
    langs = Counter(e["language"] for e in exps)
    assert set(langs) == {"ru", "uk"} and min(langs.values()) >= 15, langs
    assert len({e["section"] for e in exps}) >= 6
    wanted = {
        "world",
        "ukraine/politics",
        "city/kiev",
        "business/economics",
        "tech/science",
        "showbiz",
        "lifestyle",
    }
    assert wanted <= {e["section"] for e in exps}
    assert any(e["section"].split("/")[0] == "sport" for e in exps)


def test_shared_id_pair_and_capitalised_slug() -> None:
    by_id: dict[str, set[str]] = defaultdict(set)
    for url in good_urls():
        by_id[expected(url)["source_article_id"]].add(expected(url)["language"])
    assert any(langs == {"ru", "uk"} for langs in by_id.values())
    assert any(re.search(r"/\d+-[^/]*[A-Z]", u) for u in good_urls())


def test_every_expected_json_has_exactly_the_keys() -> None:
    for url in good_urls():
        exp = expected(url)
        assert list(exp) == EXPECTED_KEYS, url
        assert exp["url"] == url == exp["canonical_url"]
        assert exp["source"] == "korrespondent"
        assert exp["language"] in ("ru", "uk")
        assert exp["title"] and exp["lead"] and exp["body"]
        assert not exp["body"].startswith(exp["lead"])
        assert "Корреспондент.net" not in exp["authors"] and all(exp["authors"]), url
        assert len(set(exp["tags"])) == len(exp["tags"])
        for img in exp["images"]:
            assert set(img) == {"url", "caption", "credit"} and not img["credit"].startswith("Фото")
        assert set(exp["planted"]) <= PLANTED_KINDS, url


def test_every_planted_kind_in_several_pages_of_both_languages() -> None:
    pages: dict[str, set[str]] = defaultdict(set)
    langs: dict[str, set[str]] = defaultdict(set)
    for url in good_urls():
        for kind, strings in expected(url)["planted"].items():
            if strings:
                pages[kind].add(url)
                langs[kind].add(expected(url)["language"])
    for kind in PLANTED_KINDS:
        assert len(pages[kind]) >= 2, kind
        assert langs[kind] == {"ru", "uk"}, kind


def test_planted_strings_are_on_the_page_but_not_in_the_expected_text() -> None:
    for url in good_urls():
        exp = expected(url)
        raw = (SNAPSHOT / resources()[url]["file"]).read_text("utf-8")
        body = page(url).cssselect(SITE.selectors.body)[0]
        body_text = body.text_content()
        stored = f"{exp['title']}\n{exp['lead']}\n{exp['body']}"
        for kind, strings in exp["planted"].items():
            for s in strings:
                assert s in body_text or s in raw, f"{url}: {kind} {s!r} not planted"
                assert s not in stored, f"{url}: {kind} {s!r} in the expected text"
        if exp["original_source"]:
            assert any(exp["original_source"] in s for s in exp["planted"]["source_attribution"])


def test_site_attribution_inside_a_sentence_is_kept() -> None:
    kept = [
        u for u in good_urls()
        if re.search(r"(Как сообщал|Як повідомляв) Корреспондент\.net, \w", expected(u)["body"])
    ]  # fmt: skip
    assert len(kept) >= 2
    assert {expected(u)["language"] for u in kept} == {"ru", "uk"}
    for url in kept:  # ... and it is the red-span markup on the page
        spans = page(url).xpath('//div[@class="post-item__text"]//p/span[@style="color:#ff0000;"]')
        assert spans, url


# ------------------------------------------------------------------------------- generator


@pytest.mark.skipif(not GENERATOR.exists(), reason="tools/build_snapshot.py is not here")
def test_generator_reproduces_the_snapshot_byte_for_byte(tmp_path: Path) -> None:
    trees = []
    for name in ("a", "b"):
        out = tmp_path / name
        subprocess.run(
            [sys.executable, str(GENERATOR), "--out", str(out)], check=True, capture_output=True
        )
        trees.append(
            {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}
        )
    assert trees[0] == trees[1], "two runs differ"
    committed = {
        p.relative_to(SNAPSHOT).as_posix(): p.read_bytes()
        for p in SNAPSHOT.rglob("*")
        if p.is_file()
    }
    assert sorted(committed) == sorted(trees[0]), "files differ from a fresh build"
    changed = [name for name, data in trees[0].items() if committed[name] != data]
    assert not changed, f"stale snapshot files (rerun tools/build_snapshot.py): {changed[:5]}"
