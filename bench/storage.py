"""Storage: upserts per second into SQLite through the store, against a bare ``executemany``.

    python -m bench.storage [--records 100000] [--batch 50] [--json PATH]

Both write the same rows (every field of the record, lists as JSON) to a fresh file in batches
of the crawl's size, one transaction a batch, WAL and synchronous=NORMAL like the store.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import tempfile
import time
from pathlib import Path
from typing import Any

from bench import report
from ingest.article import Article, content_hash
from ingest.store import open_store

_WORDS = "новости украина рада киев энергетика экономика спорт мир погода выборы".split()


def records(count: int) -> list[Article]:
    """``count`` distinct articles of a realistic size (a 2 KB body, tags, authors, an image)."""
    out = []
    for n in range(count):
        body = "\n".join(
            " ".join(_WORDS[(n + i * 7 + j) % len(_WORDS)] for j in range(30)) + f" {n}-{i}."
            for i in range(8)
        )
        url = f"https://korrespondent.net/world/{8_000_000 + n}-bench-article/"
        out.append(
            Article(
                url=url,
                canonical_url=url,
                source="korrespondent",
                source_article_id=str(8_000_000 + n),
                language="ru",
                title=f"Заголовок статьи номер {n}",
                lead=f"Лид статьи {n}.",
                body=body,
                authors=["Ирина Ковальчук"],
                published_at="2026-11-20T10:00:00+00:00",
                published_at_local="2026-11-20T12:00:00+02:00",
                section="world",
                tags=["Италия", "наводнение"],
                fetched_at="2026-11-20T12:00:00+00:00",
                parser="korrespondent/1",
                content_hash=content_hash(body),
            )
        )
    return out


def store_upserts(
    articles: list[Article], batch: int, path: Path, max_seconds: float
) -> tuple[int, float]:
    """Records upserted through ``open_store`` in batches, and the seconds it took; stops after
    ``max_seconds`` so a slow store still gives a figure in bounded time."""
    store = open_store(str(path))
    done = 0
    start = time.perf_counter()
    for i in range(0, len(articles), batch):
        chunk = articles[i : i + batch]
        store.upsert(chunk)
        done += len(chunk)
        if time.perf_counter() - start > max_seconds:
            break
    seconds = time.perf_counter() - start
    store.close()
    return done, seconds


def bare_executemany(articles: list[Article], batch: int, path: Path) -> float:
    """Seconds to INSERT the same rows with ``executemany``, one transaction a batch."""
    fields = list(Article.__dataclass_fields__)
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    cols = ", ".join(f + (" PRIMARY KEY" if f == "canonical_url" else "") for f in fields)
    db.execute(f"CREATE TABLE articles ({cols})")
    sql = f"INSERT INTO articles ({', '.join(fields)}) VALUES ({', '.join('?' * len(fields))})"
    start = time.perf_counter()
    for i in range(0, len(articles), batch):
        rows = [_row(a, fields) for a in articles[i : i + batch]]
        with db:
            db.executemany(sql, rows)
    seconds = time.perf_counter() - start
    db.close()
    return seconds


def _row(article: Article, fields: list[str]) -> tuple[Any, ...]:
    data = article.to_dict()
    return tuple(
        json.dumps(data[f], ensure_ascii=False) if isinstance(data[f], list) else data[f]
        for f in fields
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--batch", type=int, default=50, help="INGEST_STORE_BATCH of a crawl")
    parser.add_argument("--max-seconds", type=float, default=120, help="cap on the store's run")
    parser.add_argument("--json", type=Path, help="write the figures here")
    args = parser.parse_args()
    articles = records(args.records)
    with tempfile.TemporaryDirectory(prefix="ingest-bench-store-") as tmp:
        bare = bare_executemany(articles, args.batch, Path(tmp) / "bare.sqlite")
        done, ours = store_upserts(
            articles, args.batch, Path(tmp) / "store.sqlite", args.max_seconds
        )
    store_rate, bare_rate = done / ours, args.records / bare
    results = {
        "records": args.records,
        "store_records": done,  # fewer than records when the store hit --max-seconds
        "batch": args.batch,
        "store_upserts_per_second": store_rate,
        "bare_executemany_per_second": bare_rate,
        "ratio_to_bare": store_rate / bare_rate,
    }
    report(results, args.json)


if __name__ == "__main__":
    main()
