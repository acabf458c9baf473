"""Real SQLite store files damaged on disk, as a failing disk or a bad copy leaves them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ingest.store import open_store
from tests.store.conftest import make_article


def store_with_damaged_page(path: Path, articles: int = 120) -> None:
    """A store of ``articles`` rows whose ``articles`` table root page is overwritten on disk:
    the header is intact (the file opens), every read or write of that table fails."""
    store = open_store(str(path))
    for start in range(0, articles, 40):
        store.upsert(
            [make_article(n, body=f"Абзац номер {n}. " * 40) for n in range(start, start + 40)]
        )
    store.run("PRAGMA wal_checkpoint(TRUNCATE)")  # everything in the main file, none in the WAL
    store.close()
    with sqlite3.connect(path) as raw:
        root = raw.execute("SELECT rootpage FROM sqlite_master WHERE name = 'articles'").fetchone()
        page_size = raw.execute("PRAGMA page_size").fetchone()[0]
    raw.close()
    with path.open("r+b") as f:
        f.seek((root[0] - 1) * page_size)
        f.write(b"\xff" * page_size)
