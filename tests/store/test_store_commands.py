"""``ingest stats``/``export``/``report`` on a store that is not there or is damaged: one line,
a non-zero exit, and nothing created or overwritten."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.cli import main
from ingest.store import open_store
from tests.store.conftest import make_article
from tests.store.damage import store_with_damaged_page

COMMANDS = {
    "stats": lambda db, out: ["stats", "--db", db],
    "export": lambda db, out: ["export", "--db", db, "--quiet", str(out / "a.jsonl")],
    "report": lambda db, out: ["report", "--db", db, str(out / "r.html")],
}


def _one_line(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err, err
    return err


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_mistyped_store_is_one_line_and_creates_nothing(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    typo = tmp_path / "dat" / "articles.sqlite"
    err = _one_line(COMMANDS[command](str(typo), tmp_path), capsys)
    assert str(typo) in err and "no store" in err
    assert not typo.parent.exists()
    assert not (tmp_path / "a.jsonl").exists() and not (tmp_path / "r.html").exists()


def test_the_environment_variable_is_checked_the_same_way(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    typo = tmp_path / "articls.sqlite"
    monkeypatch.delenv("INGEST_DATABASE_URL", raising=False)
    monkeypatch.setenv("INGEST_DATABASE_PATH", str(typo))
    err = _one_line(["stats"], capsys)
    assert str(typo) in err
    assert not typo.exists()


def test_an_empty_postgresql_database_is_not_a_store(
    postgres_server: object, capsys: pytest.CaptureFixture[str]
) -> None:
    location = postgres_server.new_database()  # type: ignore[attr-defined]
    err = _one_line(["stats", "--db", location], capsys)
    assert "no store" in err


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_damaged_page_is_one_line(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "articles.sqlite"
    store_with_damaged_page(db)
    err = _one_line(COMMANDS[command](str(db), tmp_path), capsys)
    assert str(db) in err and "malformed" in err


@pytest.mark.parametrize("name", ["a.jsonl", "a.csv", "a.parquet"])
def test_a_failing_export_leaves_the_previous_export_as_it_was(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, out = tmp_path / "articles.sqlite", tmp_path / "out" / name
    fmt = name.rsplit(".", 1)[1]
    store_with_damaged_page(db)
    good = tmp_path / "good.sqlite"
    store = open_store(str(good))
    store.upsert([make_article(n) for n in range(5)])
    store.close()
    assert main(["export", "--format", fmt, "--db", str(good), "--quiet", str(out)]) == 0
    before = out.read_bytes()
    capsys.readouterr()
    err = _one_line(["export", "--format", fmt, "--db", str(db), "--quiet", str(out)], capsys)
    assert "malformed" in err
    assert out.read_bytes() == before
    assert sorted(p.name for p in out.parent.iterdir()) == [name]  # no temporary file left


def test_a_failing_partitioned_export_leaves_no_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, out = tmp_path / "articles.sqlite", tmp_path / "dataset"
    store_with_damaged_page(db)
    _one_line(["export", "--format", "parquet", "--db", str(db), "--quiet", str(out)], capsys)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["articles.sqlite"]


def test_a_failing_report_leaves_the_previous_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, out = tmp_path / "articles.sqlite", tmp_path / "r.html"
    store_with_damaged_page(db)
    out.write_text("<p>last week's report</p>", "utf-8")
    _one_line(["report", "--db", str(db), str(out)], capsys)
    assert out.read_text("utf-8") == "<p>last week's report</p>"
