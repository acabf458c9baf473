"""A throwaway PostgreSQL cluster on 127.0.0.1 for the tests (Debian's postgresql package).

``postgres_server`` starts one cluster per session with ``initdb``/``pg_ctl`` in a temp folder on a
free port (as the ``postgres`` user when the tests run as root). Without a server binary the
PostgreSQL tests are skipped with the reason, except in CI (``CI`` or
``INGEST_REQUIRE_POSTGRES=1``), where that is a failure.
"""

from __future__ import annotations

import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

_names = itertools.count(1)


@dataclass
class PgCluster:
    """A running cluster: its bin folder, data folder, port, and how to run its tools."""

    bin: Path
    root: Path
    port: int
    as_user: list[str]

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def database_url(self, name: str) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{name}"

    def ctl(self, *args: str) -> subprocess.CompletedProcess[str]:
        """Run pg_ctl on this cluster (``-w``: it waits until the server is up or down)."""
        cmd = [
            *self.as_user, str(self.bin / "pg_ctl"), "-D", str(self.root / "data"),
            "-l", str(self.root / "log"), "-w", "-t", "60", *args,
        ]  # fmt: skip
        return subprocess.run(cmd, capture_output=True, text=True, timeout=90)

    def start(self) -> None:
        options = f"-h 127.0.0.1 -p {self.port} -k {self.root} -c fsync=off -c max_connections=60"
        done = self.ctl("-o", options, "start")
        if done.returncode != 0:
            raise RuntimeError(f"pg_ctl start failed: {done.stderr.strip()} {self._log()}")

    def stop(self) -> None:
        self.ctl("-m", "fast", "stop")

    def restart(self) -> None:
        options = f"-h 127.0.0.1 -p {self.port} -k {self.root} -c fsync=off -c max_connections=60"
        done = self.ctl("-m", "fast", "-o", options, "restart")
        if done.returncode != 0:
            raise RuntimeError(f"pg_ctl restart failed: {done.stderr.strip()} {self._log()}")

    def new_database(self) -> str:
        """A fresh empty database on this cluster; its URL."""
        import psycopg

        name = f"test_{os.getpid()}_{next(_names)}"
        with psycopg.connect(self.url, autocommit=True) as db:
            db.execute(f'CREATE DATABASE "{name}"')
        return self.database_url(name)

    def _log(self) -> str:
        log = self.root / "log"
        return log.read_text(errors="replace")[-2000:] if log.exists() else ""


def _bin_dir() -> Path | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), reverse=True)
    if found:
        return found[0].parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _start_cluster() -> PgCluster:
    bin_dir = _bin_dir()
    if bin_dir is None:
        raise RuntimeError("no PostgreSQL server binaries (initdb) in /usr/lib/postgresql/*/bin")
    root = Path(tempfile.mkdtemp(prefix="ingest-pg-"))
    as_user: list[str] = []
    if os.geteuid() == 0:  # initdb refuses root: run the cluster as the package's postgres user
        shutil.chown(root, "postgres", "postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    done = subprocess.run(
        [*as_user, str(bin_dir / "initdb"), "-D", str(root / "data"), "-U", "postgres",
         "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    if done.returncode != 0:
        raise RuntimeError(f"initdb failed: {done.stderr.strip()[-500:]}")
    cluster = PgCluster(bin_dir, root, _free_port(), as_user)
    cluster.start()
    return cluster


def _required() -> bool:
    return bool(os.environ.get("CI")) or os.environ.get("INGEST_REQUIRE_POSTGRES") == "1"


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PgCluster]:
    """A PostgreSQL cluster for the session; skipped with the reason if none can start here."""
    try:
        cluster = _start_cluster()
    except (RuntimeError, OSError, subprocess.SubprocessError, KeyError) as exc:
        message = f"PostgreSQL server could not be started locally: {exc}"
        if _required():
            pytest.fail(message + " (required: CI or INGEST_REQUIRE_POSTGRES=1)")
        pytest.skip(message)
    try:
        yield cluster
    finally:
        cluster.stop()
        shutil.rmtree(cluster.root, ignore_errors=True)
