"""What every chaos fault is given and answers with: the request handler it may read, the fault's
signature, and ``send`` (a whole response in one call)."""

from __future__ import annotations

from collections.abc import Callable
from http.server import BaseHTTPRequestHandler
from typing import Any


class ChaosHandler(BaseHTTPRequestHandler):
    """What a fault may read besides the request: its full URL and query."""

    url: str = ""
    content_type: str = "text/html; charset=utf-8"
    page_of: Callable[[str], bytes] = staticmethod(lambda url: b"")  # another snapshot page
    query: dict[str, str] = {}  # noqa: RUF012 - set per request


Fault = Callable[[ChaosHandler, bytes, dict[str, Any], int], None]


def send(h: ChaosHandler, status: int, body: bytes, headers: dict[str, str]) -> None:
    """One whole response: status, headers (Content-Type and -Length unless given), body."""
    h.send_response(status)
    headers = {"Content-Type": h.content_type, **headers}
    headers.setdefault("Content-Length", str(len(body)))
    for name, value in headers.items():
        h.send_header(name, value)
    h.end_headers()
    h.wfile.write(body)
