"""Helpers for tests that start real server programs (redis-server, scrapyd, chromium).

Without the program a test is skipped with the reason locally, and fails in CI (``CI`` or
``INGEST_REQUIRE_SERVERS=1``, both set by ``.ci/run``), where ``.ci/run`` installs them.
"""

from __future__ import annotations

import os
import shutil
import socket

import pytest


def servers_required() -> bool:
    return bool(os.environ.get("CI")) or os.environ.get("INGEST_REQUIRE_SERVERS") == "1"


def unavailable(message: str) -> None:
    """Skip (locally) or fail (CI) because a server program cannot be used here."""
    if servers_required():
        pytest.fail(message + " (required: CI or INGEST_REQUIRE_SERVERS=1)")
    pytest.skip(message)


def program(*names: str) -> str:
    """The path of the first of ``names`` on PATH, else skip/fail with the reason."""
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    unavailable(f"none of {', '.join(names)} is installed (Debian: apt-get install {names[0]})")
    raise AssertionError("unreachable")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
