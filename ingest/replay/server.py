"""A small HTTP server that serves a snapshot by full URL, as a forward proxy would.

Requests arrive in proxy form (``GET http://korrespondent.net/path HTTP/1.1``) or with a ``Host``
header; both are looked up in the snapshot's manifest. Every response carries the snapshot's
capture time as its ``Date``, so relative dates ("Сегодня, 14:35") resolve as on the capture day.
A 200 also carries an ``ETag`` (a hash of the file) and the capture time as ``Last-Modified``;
``If-None-Match`` (preferred) or ``If-Modified-Since`` that still hold are answered 304, as a
real site would answer an incremental crawl.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import threading
from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from ingest.errors import InputError


@dataclass
class Snapshot:
    """A manifest of URL → resource, read from ``ROOT/manifest.json``."""

    root: Path
    captured_at: datetime
    resources: dict[str, dict[str, Any]]

    @classmethod
    def load(cls, root: Path) -> Snapshot:
        """Read the manifest; InputError names the folder when it is missing or malformed."""
        try:
            manifest = json.loads((root / "manifest.json").read_text("utf-8"))
            captured = datetime.fromisoformat(manifest["captured_at"])
            resources = manifest["resources"]
        except (OSError, ValueError, KeyError) as exc:
            raise InputError(f"{root}: not a snapshot folder ({exc})") from exc
        return cls(root=root, captured_at=captured, resources=resources)

    def lookup(self, url: str) -> dict[str, Any] | None:
        """The resource for ``url`` whatever its scheme (the wire is plain HTTP)."""
        parts = urlsplit(url)
        for scheme in ("https", "http"):
            key = urlunsplit((scheme, parts.netloc.lower(), parts.path or "/", parts.query, ""))
            if key in self.resources:
                return self.resources[key]
        return None


def _handler(snapshot: Snapshot, requested: list[str]) -> type[BaseHTTPRequestHandler]:
    date_header = format_datetime(snapshot.captured_at, usegmt=True)

    class ReplayHandler(BaseHTTPRequestHandler):
        server_version = "ingest-replay/1"

        def do_GET(self) -> None:
            self._serve(head=False)

        def do_HEAD(self) -> None:
            self._serve(head=True)

        def _serve(self, head: bool) -> None:
            url = self.path
            if not url.startswith(("http://", "https://")):
                url = f"http://{self.headers.get('Host', '')}{self.path}"
            requested.append(url)  # list.append is atomic: safe from the server's threads
            resource = snapshot.lookup(url)
            status = 404 if resource is None else int(resource.get("status", 200))
            body = b""
            if resource is not None and resource.get("file"):
                body = (snapshot.root / resource["file"]).read_bytes()
            content_type = (resource or {}).get("content_type", "text/html; charset=utf-8")
            etag = '"' + hashlib.sha1(body).hexdigest()[:20] + '"'
            if status == 200 and _not_modified(self.headers, etag, date_header):
                self.send_response(304)
                self.send_header("ETag", etag)
                self.send_header("Date", date_header)
                self.end_headers()
                return
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Date", date_header)
            if status == 200:
                self.send_header("ETag", etag)
                self.send_header("Last-Modified", date_header)
            self.end_headers()
            # A crawler that went away (killed, or timed out) is nothing to answer.
            if not head:
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(body)

        def date_time_string(self, timestamp: float | None = None) -> str:
            return date_header

        def log_message(self, format: str, *args: Any) -> None:
            pass  # the crawl's own log says what was fetched

    return ReplayHandler


def _not_modified(headers: Any, etag: str, last_modified: str) -> bool:
    """RFC 9110: If-None-Match decides when present, else If-Modified-Since (same instant)."""
    if_none_match = headers.get("If-None-Match")
    if if_none_match is not None:
        tags = {t.strip().removeprefix("W/") for t in if_none_match.split(",")}
        return etag in tags or "*" in tags
    return headers.get("If-Modified-Since") == last_modified


class ReplayServer:
    """Serve ``snapshot`` on 127.0.0.1 in a background thread; use as a context manager."""

    def __init__(self, snapshot: Snapshot, port: int = 0) -> None:
        self.snapshot = snapshot
        self.requested: list[str] = []  # every URL asked for: tests check none is off-site
        self._httpd = ThreadingHTTPServer(("127.0.0.1", port), _handler(snapshot, self.requested))
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        """The proxy URL to give the crawler (``INGEST_REPLAY_PROXY``)."""
        host, port = self._httpd.server_address[:2]
        assert isinstance(host, str)  # an AF_INET server: never a bytes (AF_UNIX) address
        return f"http://{host}:{port}"

    def __enter__(self) -> ReplayServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
