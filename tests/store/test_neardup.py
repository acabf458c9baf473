"""Near-duplicates across sources are stored, linked to their original with duplicate_of."""

from __future__ import annotations

import json
import random
import tracemalloc
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from bench.neardup import build_pairs, measure, republish, snapshot_articles
from ingest import neardup
from ingest.article import Article, content_hash
from ingest.extract import extract
from ingest.extract.textclean import clean_text
from ingest.neardup import THRESHOLD
from ingest.store import open_store
from tests.conftest import ROOT, shared_path

SEED_HTML = ROOT / "tests" / "extract" / "fixtures" / "html" / "republished_seed.html"
SEED_URL = "https://bunatimes.example/world/netherlands-russians-asylum/"
ORIGINAL_URL = "https://korrespondent.net/world/4518848-rossiyane-v-niderlandah/"


def _seed_original() -> Article:
    """Korrespondent article 4518848 as the store would hold it: the seed's clean text."""
    body = shared_path("seed", "000_86b55a8d9d914746.expected.txt").read_text("utf-8").strip()
    return Article(
        url=ORIGINAL_URL,
        canonical_url=ORIGINAL_URL,
        source="korrespondent",
        source_article_id="4518848",
        language="en",
        title="Netherlands will not send back Russians fleeing mobilization",
        body=body,
        published_at="2022-09-24T15:40:00+00:00",
        fetched_at="2026-11-20T10:30:00+00:00",
        content_hash=content_hash(body),
    )


def _raw_seed_copy() -> Article:
    """The seed text exactly as the careless scraper kept it, as another source's article."""
    raw = shared_path("seed", "000_86b55a8d9d914746.txt").read_text("utf-8")
    return Article(
        url=SEED_URL + "?raw",
        canonical_url=SEED_URL + "?raw",
        source="scraped.example",
        language="en",
        title="Netherlands will not send back Russians fleeing mobilization",
        body=raw,
        published_at="2022-09-25T08:12:00+00:00",
        content_hash=content_hash(raw),
        original_source=clean_text(raw).original_source,
    )


def test_seed_copy_is_linked_to_its_original(location: str) -> None:
    store = open_store(location)
    store.upsert([_seed_original()])
    page = extract(SEED_HTML.read_bytes(), SEED_URL, datetime(2026, 11, 20, tzinfo=UTC), None)
    result = store.upsert([page, _raw_seed_copy()])
    assert result.inserted == 2 and result.near_duplicates == 2
    assert store.count() == 3  # recorded, not discarded
    assert store.get(SEED_URL).duplicate_of == ORIGINAL_URL
    assert store.get(SEED_URL + "?raw").duplicate_of == ORIGINAL_URL
    assert store.get(ORIGINAL_URL).duplicate_of is None
    store.close()


def test_original_arriving_after_its_copy_takes_the_link_over(location: str) -> None:
    store = open_store(location)
    page = extract(SEED_HTML.read_bytes(), SEED_URL, datetime(2026, 11, 20, tzinfo=UTC), None)
    store.upsert([page])
    store.upsert([_seed_original()])  # the copy credits korrespondent: this is the original
    assert store.get(SEED_URL).duplicate_of == ORIGINAL_URL
    assert store.get(ORIGINAL_URL).duplicate_of is None
    store.close()


def test_republished_snapshot_articles_link_and_different_ones_do_not(location: str) -> None:
    rng = random.Random(7)
    records = snapshot_articles()
    vocabulary = sorted({w for r in records for w in r["body"].split()})
    originals = [Article.from_dict({**r, "content_hash": content_hash(r["body"])}) for r in records]
    store = open_store(location)
    store.upsert(originals)
    assert all(a.duplicate_of is None for a in store.iter_articles())  # one source: never
    copies = []
    for n, (record, how) in enumerate(
        (r, how) for r in records for how in ("verbatim", "trimmed", "edited_5")
    ):
        url = f"https://copies.example/{n}/"
        body = republish(record, how, rng, vocabulary)
        copies.append((Article(url=url, canonical_url=url, source="copies.example",
                               language=record["language"], title=record["title"], body=body,
                               content_hash=content_hash(body)), record["canonical_url"]))  # fmt: skip
    result = store.upsert([c for c, _ in copies])
    assert result.near_duplicates == len(copies)
    for copy, original in copies:
        assert store.get(copy.canonical_url).duplicate_of == original, copy.canonical_url
    store.close()


def test_measured_threshold_keeps_its_figures() -> None:
    """The gate for ingest.neardup.THRESHOLD: what docs/schema.md reports must stay true."""
    figures = measure(build_pairs(), THRESHOLD)
    assert figures["precision"] == 1.0
    assert figures["recall"] >= 0.88, json.dumps(figures)


def test_pairs_cover_every_kind() -> None:
    kinds = {p.kind for p in build_pairs()}
    assert {"verbatim", "edited_25", "other_article", "translation", "quotes_a_paragraph"} <= kinds
    assert Path(ROOT / "data" / "snapshot" / "manifest.json").exists()


def _whole_table_minhash(items: set[int]) -> list[int]:
    """The signature as first written: every shingle × every permutation in one table."""
    values = np.fromiter((x & 0xFFFFFFFF for x in items), dtype=np.uint64)
    with np.errstate(over="ignore"):
        hashed = (np.outer(values, neardup._A) + neardup._B) % np.uint64(neardup._PRIME)
    return [int(v) for v in hashed.min(axis=0)]


def test_signatures_of_long_bodies_need_bounded_memory_and_stay_the_same() -> None:
    rng = random.Random(7)
    found = {rng.getrandbits(32) for _ in range(300_000)}  # a 2.5 MB article's distinct triples
    small = set(list(found)[:5000])
    tracemalloc.start()
    signature = neardup.minhash(found)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 40 * 1024 * 1024, f"{peak / 2**20:.0f} MiB"  # the whole table: 600 MiB
    assert signature == _whole_table_minhash(found)
    assert neardup.minhash(small) == _whole_table_minhash(small)


def test_only_the_first_max_words_of_a_body_are_shingled() -> None:
    words = [f"w{i}" for i in range(neardup.MAX_WORDS + 5000)]
    long_body = " ".join(words)
    head = " ".join(words[: neardup.MAX_WORDS])
    assert neardup.shingles(long_body) == neardup.shingles(head)
    assert len(neardup.shingles(head)) == neardup.MAX_WORDS - 2
