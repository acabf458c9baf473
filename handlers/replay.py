"""Scrapy download handler that sends every request to the replay server, keeping real URLs.

Spiders, middlewares and stored records see ``https://korrespondent.net/…``; only the wire goes to
127.0.0.1 (Scrapy's own HTTP/1.1 handler, with the replay server as a plain-HTTP forward proxy).
Without ``INGEST_REPLAY_PROXY`` it is Scrapy's HTTP/1.1 handler unchanged. Requests to an IP
literal or ``localhost`` are never proxied: they go direct, so the network guard's verdict on them
is the one that counts.
"""

from __future__ import annotations

import ipaddress

from scrapy import Request
from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler
from scrapy.crawler import Crawler
from scrapy.http import Response
from scrapy.utils.httpobj import urlparse_cached


def replay_route(proxy: str, host: str) -> str:
    """The replay proxy a request to ``host`` goes through, or "" when it goes direct."""
    if not proxy or not host:
        return ""
    name = host.lower().rstrip(".")
    if name == "localhost" or name.endswith(".localhost"):
        return ""
    try:
        ipaddress.ip_address(name.strip("[]").split("%", 1)[0])
    except ValueError:
        return proxy
    return ""


class ReplayDownloadHandler(HTTP11DownloadHandler):
    """HTTP(S) handler that fetches through the replay proxy when one is configured."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self.proxy: str = crawler.settings.get("INGEST_REPLAY_PROXY") or ""

    async def download_request(self, request: Request) -> Response:
        proxy = replay_route(self.proxy, urlparse_cached(request).hostname or "")
        if not proxy:
            return await super().download_request(request)
        wire_url = "http://" + request.url.split("://", 1)[1]
        wire = request.replace(url=wire_url, meta={**request.meta, "proxy": proxy})
        response = await super().download_request(wire)
        return response.replace(url=request.url)
