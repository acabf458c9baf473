"""Shared paths and fixtures: the repository, ../shared, the bundled snapshot and its replay."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.pgcluster import postgres_server  # noqa: F401  (a session fixture)

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SNAPSHOT = ROOT / "data" / "snapshot"


def shared_path(*parts: str) -> Path:
    """A path under ../shared; skips the test with the reason when that folder is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not here (../shared must sit beside the repository)")
    return path


@pytest.fixture(scope="session")
def replay_server() -> Iterator[str]:
    """The bundled snapshot served on 127.0.0.1; yields the proxy URL."""
    from ingest.replay.server import ReplayServer, Snapshot

    with ReplayServer(Snapshot.load(SNAPSHOT)) as server:
        yield server.url
