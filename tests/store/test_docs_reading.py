"""The commands of docs/schema.md's "Reading the dataset" section run as written."""

from __future__ import annotations

import csv
import os
import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT
from tests.store.test_export import _fill

SECTION = "## Reading the dataset with DuckDB and pandas"


def _blocks(kind: str) -> list[str]:
    text = (ROOT / "docs" / "schema.md").read_text("utf-8")
    section = text[text.index(SECTION) :].split("\n## ", 1)[0]
    return re.findall(rf"```{kind}\n(.*?)```", section, flags=re.DOTALL)


def test_documented_commands_run_and_read_the_export(tmp_path: Path) -> None:
    db = tmp_path / "articles.sqlite"
    _fill(str(db))
    bin_dir = tmp_path / "bin"  # `ingest` as installed by `pip install -e .`, installed or not
    bin_dir.mkdir()
    (bin_dir / "ingest").write_text(f'#!/bin/sh\nexec "{sys.executable}" -m ingest.cli "$@"\n')
    (bin_dir / "ingest").chmod(0o755)
    env = {
        **os.environ,
        "INGEST_DATABASE_PATH": str(db),
        "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
        "PYTHONPATH": str(ROOT),
    }
    env.pop("INGEST_DATABASE_URL", None)
    (shell,) = _blocks("sh")
    done = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", shell], cwd=tmp_path, env=env,
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert len(list((tmp_path / "articles").rglob("*.parquet"))) == 3
    assert (tmp_path / "changes.jsonl").read_text("utf-8").count("\n") == 4
    with (tmp_path / "korrespondent.csv").open(encoding="utf-8", newline="") as stream:
        assert len(list(csv.DictReader(stream))) == 3

    duck, pandas = _blocks("python")
    out = subprocess.run(
        [sys.executable, "-c", duck], cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0, out.stderr
    assert re.search(r"korrespondent\s*│\s*ru\s*│\s*2", out.stdout), out.stdout
    assert re.search(r"other\.example\s*│\s*ru\s*│\s*1", out.stdout), out.stdout
    assert re.search(r"4600002-slug/\s*│\s*2\s*│", out.stdout), out.stdout  # revised
    out = subprocess.run(
        [sys.executable, "-c", pandas], cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0, out.stderr
    assert re.search(r"korrespondent\s+ru\s+2", out.stdout), out.stdout
    assert "Заголовок 1" in out.stdout
