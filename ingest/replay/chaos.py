"""Chaos mode of the replay server: the snapshot with faults injected, one small function per fault
(``faults.py``).

Routes come from a data file (``data/chaos/routes.json``): URL → fault, its arguments and what a
crawl must make of it. Faults that a retry can cure fail on the first hits only; the rest always
fail. Every request and every fault served is counted, so a test can say what the crawl met.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ingest.replay.faults import FAULTS, ChaosHandler
from ingest.replay.server import Snapshot


@dataclass(frozen=True)
class ChaosRoute:
    """One URL of the chaos site: the fault it serves and the outcome a crawl must reach."""

    url: str
    fault: str
    args: dict[str, Any] = field(default_factory=dict)
    expect: str = "stored"  # "stored", "dropped:<stats key>", "feed"


def load_routes(path: Path, private_netloc: str) -> list[ChaosRoute]:
    """Routes from ``path``; ``{private}`` becomes the netloc of the loopback arrival counter."""
    text = path.read_text("utf-8").replace("{private}", private_netloc)
    return [ChaosRoute(**r) for r in json.loads(text)["routes"]]


def _chaos_handler(server: ChaosServer) -> type[BaseHTTPRequestHandler]:
    date_header = format_datetime(server.snapshot.captured_at, usegmt=True)

    class Handler(ChaosHandler):
        protocol_version = "HTTP/1.1"  # chunked faults need it; keep-alive like a real site
        server_version = "ingest-chaos/1"

        def do_GET(self) -> None:
            url = self.path
            if not url.startswith(("http://", "https://")):
                url = f"http://{self.headers.get('Host', '')}{self.path}"
            self.url = "https://" + url.split("://", 1)[1]
            parts = urlsplit(self.url)
            self.query = dict(p.partition("=")[::2] for p in parts.query.split("&") if p)
            route = server.route_for(self.url)
            server.record(self.url, route)
            if route is None:
                route = ChaosRoute(self.url, "ok")
            hit = server.next_hit(route.url)
            source = server.snapshot.lookup(route.url.split("?")[0])
            if route.fault == "ok":  # not faulted: the snapshot as it is, bad resources included
                source = server.snapshot.lookup(route.url)
                if source is None or int(source.get("status", 200)) != 200:
                    return self._plain(404 if source is None else int(source["status"]))
            self.page_of = server.page_of
            page = b""
            if source and source.get("file"):
                page = (server.snapshot.root / source["file"]).read_bytes()
                self.content_type = source.get("content_type", self.content_type)
            try:
                FAULTS[route.fault](self, page, route.args, hit)
            except (BrokenPipeError, ConnectionResetError):
                self.close_connection = True  # the crawler gave up first (timeout, size limit)

        def _plain(self, status: int) -> None:
            self.send_response(status)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", "0")
            self.end_headers()

        def date_time_string(self, timestamp: float | None = None) -> str:
            return date_header  # relative dates on pages resolve as on the capture day

        def log_message(self, format: str, *args: Any) -> None:
            pass

    return Handler


class ChaosServer:
    """The snapshot on 127.0.0.1 with ``routes`` faulted; counts requests and faults served."""

    def __init__(self, snapshot: Snapshot, routes: list[ChaosRoute], port: int = 0) -> None:
        self.snapshot = snapshot
        self.routes = {r.url: r for r in routes}
        self.requests: list[str] = []
        self.faults_served: Counter[str] = Counter()
        self._hits: Counter[str] = Counter()
        self.hit_times: defaultdict[str, list[float]] = defaultdict(list)  # monotonic, per route
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", port), _chaos_handler(self))
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    def route_for(self, url: str) -> ChaosRoute | None:
        """The route of ``url``, or of its query-less form (redirect hops carry a query)."""
        return self.routes.get(url) or self.routes.get(url.split("?")[0])

    def page_of(self, url: str) -> bytes:
        """The snapshot's bytes for ``url`` (b"" when it has none)."""
        source = self.snapshot.lookup(url)
        return (self.snapshot.root / source["file"]).read_bytes() if source else b""

    def record(self, url: str, route: ChaosRoute | None) -> None:
        with self._lock:
            self.requests.append(url)
            if route is not None and route.fault != "ok":
                self.faults_served[route.fault] += 1

    def next_hit(self, key: str) -> int:
        with self._lock:
            self._hits[key] += 1
            self.hit_times[key].append(time.monotonic())
            return self._hits[key] - 1

    @property
    def url(self) -> str:
        """The proxy URL to give the crawler (``INGEST_REPLAY_PROXY``)."""
        host, port = self._httpd.server_address[:2]
        assert isinstance(host, str)  # an AF_INET server: never a bytes (AF_UNIX) address
        return f"http://{host}:{port}"

    def __enter__(self) -> ChaosServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


class ArrivalCounter:
    """A TCP listener that only counts connections: where a guarded crawl must never arrive."""

    def __init__(self, host: str) -> None:
        self._sock = socket.create_server((host, 0))
        self.arrivals = 0
        self._thread = threading.Thread(target=self._accept, daemon=True)

    @property
    def netloc(self) -> str:
        host, port = self._sock.getsockname()[:2]
        return f"{host}:{port}"

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self._sock.accept()
            except OSError:
                return
            self.arrivals += 1
            conn.close()

    def __enter__(self) -> ArrivalCounter:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._sock.close()
