"""Replacing writes: the target changes whole or not at all, and no temporary file stays."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ingest import atomic


def test_an_error_midway_keeps_the_old_file_and_removes_the_temporary(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("old line\n", "utf-8")
    with pytest.raises(RuntimeError), atomic.text_file(target) as stream:
        stream.write("half a new ")
        raise RuntimeError("the source failed")
    assert target.read_text("utf-8") == "old line\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]


def test_a_complete_write_replaces_and_keeps_the_permissions(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    target.write_text("old", "utf-8")
    target.chmod(0o640)
    atomic.write_text(target, "new")
    assert target.read_text("utf-8") == "new"
    assert target.stat().st_mode & 0o777 == 0o640


def test_a_new_file_gets_the_umask_permissions_not_private_ones(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        atomic.write_text(tmp_path / "sub" / "new.json", "{}")
    finally:
        os.umask(old)
    assert (tmp_path / "sub" / "new.json").stat().st_mode & 0o777 == 0o644


def test_a_folder_appears_only_when_complete(tmp_path: Path) -> None:
    target = tmp_path / "dataset"
    with pytest.raises(RuntimeError), atomic.replacing(target, folder=True) as temp:
        (temp / "part-0.parquet").write_bytes(b"PAR1")
        raise RuntimeError("stopped")
    assert list(tmp_path.iterdir()) == []
    old = os.umask(0o022)
    try:
        with atomic.replacing(target, folder=True) as temp:
            (temp / "part-0.parquet").write_bytes(b"PAR1")
    finally:
        os.umask(old)
    assert [p.name for p in target.iterdir()] == ["part-0.parquet"]
    assert target.stat().st_mode & 0o777 == 0o755
