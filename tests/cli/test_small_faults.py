"""Small command-line faults a new user hits: ``jobs list``, ``--version``, error lines that name
the file once, an empty file to ``clean``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from ingest import __version__
from tests.conftest import ROOT


def _ingest(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ingest.cli", *args],
        cwd=ROOT, input=stdin, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def test_jobs_list_lists_as_bare_jobs_does() -> None:
    bare, listed = _ingest("jobs"), _ingest("jobs", "list")
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout == bare.stdout and "korrespondent-frequent" in listed.stdout


def test_version() -> None:
    done = _ingest("--version")
    assert done.returncode == 0
    assert done.stdout.strip() == f"ingest {__version__}"


def test_an_error_line_names_the_file_once(tmp_path: Path) -> None:
    missing = tmp_path / "nope.html"
    bare = tmp_path / "bare.html"
    bare.write_text("<html><body><p>Text.</p></body></html>")
    for args in (("extract", str(missing)), ("extract", str(bare)), ("clean", str(missing))):
        done = _ingest(*args)
        assert done.returncode == 1
        line = done.stderr.strip()
        assert line.count(args[1]) == 1, line
    assert "No such file" in _ingest("extract", str(missing)).stderr


def test_an_empty_file_to_clean_says_so(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    blank = tmp_path / "blank.txt"
    blank.write_text(" \n\n\t\n")
    for path in (empty, blank):
        done = _ingest("clean", str(path))
        assert done.returncode == 1
        assert done.stderr.strip() == f"ingest clean: error: {path}: empty (no text to clean)"
    done = _ingest("clean", "-", stdin="")
    assert done.returncode == 1 and "-: empty" in done.stderr


def test_text_that_cleans_to_nothing_says_so(tmp_path: Path) -> None:
    promo = tmp_path / "promo.txt"
    promo.write_text("Читайте также: Новости дня\n")
    done = _ingest("clean", str(promo))
    assert done.stdout == ""  # a read-also line alone: boilerplate
    assert done.returncode == 1
    assert f"{promo}: nothing left after cleaning" in done.stderr
