"""The ``ingest`` command as a user runs it: output, exit codes, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, shared_path
from tests.snapshot_data import articles, captured_at


def _ingest(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ingest.cli", *args],
        cwd=ROOT, input=stdin, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def test_clean_seed_prints_exactly_the_expected_lines() -> None:
    seed = shared_path("seed", "000_86b55a8d9d914746.txt")
    done = _ingest("clean", str(seed))
    assert done.returncode == 0, done.stderr
    expected = seed.with_name("000_86b55a8d9d914746.expected.txt").read_text("utf-8")
    assert done.stdout.splitlines() == expected.splitlines()


def test_clean_seed_json_gives_the_expected_fields() -> None:
    seed = shared_path("seed", "000_86b55a8d9d914746.txt")
    done = _ingest("clean", "--json", str(seed))
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout)
    expected = json.loads(seed.with_name("000_86b55a8d9d914746.expected.json").read_text("utf-8"))
    for name, value in expected.items():
        assert record[name] == value, name
    assert record["body"].splitlines() == (
        seed.with_name("000_86b55a8d9d914746.expected.txt").read_text("utf-8").splitlines()
    )


def test_clean_reads_stdin() -> None:
    seed = shared_path("seed", "000_86b55a8d9d914746.txt")
    done = _ingest("clean", "-", stdin=seed.read_text("utf-8"))
    assert done.returncode == 0
    assert "Subscribe to our channel" not in done.stdout
    assert done.stdout.startswith("According to the country")


def test_unreadable_input_is_one_line_naming_the_file(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\xff\xfe\x00\x81 not utf-8")
    for args in (("clean", str(missing)), ("clean", str(binary)), ("extract", str(missing))):
        done = _ingest(*args)
        assert done.returncode != 0
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1 and str(args[1]) in lines[0], done.stderr
        assert "Traceback" not in done.stderr


def test_extract_prints_one_json_line_per_file(tmp_path: Path) -> None:
    picked = articles()[:2]
    gz = tmp_path / "page.html.gz"
    import gzip

    gz.write_bytes(gzip.compress(picked[1].html_path.read_bytes()))
    done = _ingest(
        "extract", str(picked[0].html_path), str(gz), "--fetched-at", captured_at().isoformat()
    )
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["file"] for r in records] == [str(picked[0].html_path), str(gz)]
    for record, item in zip(records, picked, strict=True):
        assert record["canonical_url"] == item.expected["canonical_url"]
        assert record["title"] == item.expected["title"]
        assert record["published_at"] == item.expected["published_at"]


def test_extract_without_url_or_canonical_is_an_error(tmp_path: Path) -> None:
    page = tmp_path / "bare.html"
    page.write_text("<html><body><h1>Title</h1><p>Some text of an article.</p></body></html>")
    done = _ingest("extract", str(page))
    assert done.returncode == 1
    assert "pass --url" in done.stderr and str(page) in done.stderr


def test_usage_mistakes_are_one_line() -> None:
    for args in (("extract",), ("no-such-command",), ("clean", "--no-such-flag", "x")):
        done = _ingest(*args)
        assert done.returncode == 2
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("ingest"), done.stderr
