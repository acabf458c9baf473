"""An output the command cannot use is one line and a non-zero exit, found before the work:
``ingest replay`` on a port in use or out of range, ``ingest eval --json`` into a folder that is
missing or cannot take a file (checked before the whole evaluation runs, not after)."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, shared_path


def _ingest(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ingest.cli", *args],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def _one_line(done: subprocess.CompletedProcess[str], start: str, *words: str) -> None:
    assert done.returncode != 0
    assert "Traceback" not in done.stderr, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(start), done.stderr
    for word in words:
        assert word in lines[0], lines[0]


def test_replay_on_a_busy_port() -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = str(busy.getsockname()[1])
        done = _ingest("replay", "--port", port)
    _one_line(done, "ingest replay: error: ", f"127.0.0.1:{port}", "in use")
    assert done.returncode == 1


@pytest.mark.parametrize("port", ["70000", "-1", "http"])
def test_replay_on_an_impossible_port(port: str) -> None:
    done = _ingest("replay", "--port", port)
    _one_line(done, "ingest", "--port", port)
    assert done.returncode == 2


@pytest.mark.parametrize("where", ["missing", "a file", "read-only"])
def test_eval_json_to_an_unusable_folder_is_refused_before_the_run(
    where: str, tmp_path: Path
) -> None:
    folder = shared_path("eval", "aeb-dev")
    target = {
        "missing": tmp_path / "no-such-folder" / "eval.json",
        "a file": tmp_path / "file.txt" / "eval.json",
        "read-only": Path("/proc/eval.json"),  # read-only even for root
    }[where]
    (tmp_path / "file.txt").write_text("not a folder")
    done = _ingest("eval", str(folder), "--fast", "--json", str(target))
    _one_line(done, "ingest eval: error: ", str(target))
    assert done.stdout == ""  # nothing was evaluated
    assert not target.exists()
