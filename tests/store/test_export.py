"""Exports read back: Parquet through DuckDB equals the store's rows; filters; stats; CLI errors."""

from __future__ import annotations

import csv
import json
import sqlite3
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow.parquet as pq
import pytest

from ingest.article import SCHEMA_VERSION
from ingest.cli import main
from ingest.store import open_store
from ingest.store.export import rows
from tests.store.conftest import make_article

_TIMES = ("published_at", "modified_at", "fetched_at", "first_stored_at", "changed_at")


def _fill(location: str) -> list[dict[str, Any]]:
    """A small store: two sources, two languages, two days, a revision, a translation."""
    store = open_store(location)
    uk = "https://ua.korrespondent.net/world/4600001-slug/"
    store.upsert([make_article(1), make_article(2, published_at="2026-11-19T22:00:00+00:00")])
    store.upsert([make_article(1, url=uk, canonical_url=uk, language="uk", body="Перший абзац.")])
    store.upsert([make_article(2, body="Новый текст.", published_at="2026-11-19T22:00:00+00:00")])
    store.upsert([make_article(3, source="other.example", published_at=None)])
    out = [rows(s) for s in store.iter_stored()]
    store.close()
    return out


def _comparable(row: dict[str, Any]) -> dict[str, Any]:
    got = dict(row)
    for name in _TIMES:
        value = got[name]
        if isinstance(value, str):
            value = datetime.fromisoformat(value)
        got[name] = value.timestamp() if value is not None else None
    return got


def test_parquet_folder_read_by_duckdb_equals_the_store(location: str, tmp_path: Path) -> None:
    expected = _fill(location)
    out = tmp_path / "dataset"
    assert main(["export", "--format", "parquet", "--db", location, "--quiet", str(out)]) == 0
    parts = sorted(str(p.relative_to(out)) for p in out.rglob("*.parquet"))
    assert parts == [
        "source=korrespondent/published_date=2026-11-19/part-0.parquet",
        "source=korrespondent/published_date=2026-11-20/part-0.parquet",
        "source=other.example/published_date=unknown/part-0.parquet",
    ]
    for part in out.rglob("*.parquet"):
        assert (
            pq.read_schema(part).metadata[b"ingest.schema_version"] == str(SCHEMA_VERSION).encode()
        )
    con = duckdb.connect()
    table = con.sql(
        f"SELECT * EXCLUDE (published_date) FROM read_parquet('{out}/**/*.parquet', "
        "hive_partitioning = true) ORDER BY canonical_url"
    )
    got = [dict(zip(table.columns, values, strict=True)) for values in table.fetchall()]
    assert [_comparable(r) for r in got] == [_comparable(r) for r in expected]
    assert {r["revision"] for r in got} == {1, 2}


def test_one_parquet_file_jsonl_and_csv_hold_the_same_rows(location: str, tmp_path: Path) -> None:
    expected = _fill(location)
    for fmt, name in (("parquet", "a.parquet"), ("jsonl", "a.jsonl"), ("csv", "a.csv")):
        assert (
            main(["export", "--format", fmt, "--db", location, "--quiet", str(tmp_path / name)])
            == 0
        )
    table = pq.read_table(tmp_path / "a.parquet")
    assert [_comparable(r) for r in table.to_pylist()] == [_comparable(r) for r in expected]
    lines = (tmp_path / "a.jsonl").read_text("utf-8").splitlines()
    assert [json.loads(line) for line in lines] == expected
    with (tmp_path / "a.csv").open(encoding="utf-8", newline="") as stream:
        records = list(csv.DictReader(stream))
    assert [r["canonical_url"] for r in records] == [e["canonical_url"] for e in expected]
    assert json.loads(records[0]["images"]) == expected[0]["images"]
    assert {r["schema_version"] for r in records} == {str(SCHEMA_VERSION)}


def test_filters_select_rows(
    location: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _fill(location)

    def exported(*options: str) -> list[str]:
        main(["export", "--db", location, "--quiet", *options, "-"])
        return [json.loads(line)["canonical_url"] for line in capsys.readouterr().out.splitlines()]

    assert len(exported()) == 4
    assert exported("--source", "other.example") == [
        "https://korrespondent.net/world/4600003-slug/"
    ]
    assert len(exported("--since", "2026-11-20")) == 2  # ru and uk of 4600001
    assert exported("--since", "2026-11-20T00:30:00+02:00") == exported(
        "--since", "2026-11-19T22:30"
    )
    assert exported("--changed-since", "2999-01-01") == []


def test_progress_bar_on_stderr(location: str, tmp_path: Path) -> None:
    _fill(location)
    done = subprocess.run(
        [sys.executable, "-m", "ingest.cli", "export", "--db", location, str(tmp_path / "a.jsonl")],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "export jsonl" in done.stderr and "4/4" in done.stderr


def test_stats_counts(location: str, capsys: pytest.CaptureFixture[str]) -> None:
    _fill(location)
    assert main(["stats", "--db", location, "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["articles"] == 4
    assert stats["per_source"] == {"korrespondent": 3, "other.example": 1}
    assert stats["per_language"] == {"ru": 3, "uk": 1}
    assert stats["per_day"] == {"2026-11-19": 1, "2026-11-20": 2, "unknown": 1}
    assert (stats["revisions"], stats["revised_articles"], stats["with_translations"]) == (1, 1, 2)
    assert stats["duplicates"] == 0
    assert main(["stats", "--db", location]) == 0
    text = capsys.readouterr().out
    assert "4 articles" in text and "revisions kept:                 1" in text


def _one_line_error(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err, err
    return err


def test_command_line_errors_are_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "a.sqlite")
    open_store(db).close()
    err = _one_line_error(["export", "--db", db, "--since", "yesterday", "-"], capsys)
    assert "--since 'yesterday'" in err
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x").write_text("x")
    err = _one_line_error(
        ["export", "--format", "parquet", "--db", db, str(tmp_path / "full")], capsys
    )
    assert "not an empty folder" in err
    err = _one_line_error(["stats", "--db", "postgresql://u:pw@127.0.0.1:1/none"], capsys)
    assert "cannot connect" in err and "pw" not in err
    with sqlite3.connect(db) as raw:
        raw.execute("UPDATE schema_info SET value = '7' WHERE key = 'schema_version'")
    err = _one_line_error(["stats", "--db", db], capsys)
    assert "schema version 7" in err and f"schema version {SCHEMA_VERSION}" in err
