"""Refuse requests (and every redirect hop) whose host resolves to a non-public address.

A crawl follows links and redirects chosen by the pages it reads; without this guard a page could
point it at loopback, the LAN or a cloud metadata endpoint (SSRF). Hosts on the explicit allowlist
``INGEST_ALLOWED_PRIVATE_HOSTS`` (names, addresses or networks) are let through.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
from collections.abc import Callable, Iterable

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.statscollectors import StatsCollector
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.threads import deferToThread

from handlers.replay import replay_route

logger = logging.getLogger(__name__)

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], list[str]]
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_CACHE_LIMIT = 10_000


class RefusedDestination(IgnoreRequest):
    """A request whose destination is not a public address and not on the allowlist."""


def parse_address(text: str) -> IPAddress | None:
    """``text`` as an IP address (brackets and an IPv6 zone stripped), or None for a host name."""
    try:
        return ipaddress.ip_address(text.strip("[]").split("%", 1)[0])
    except ValueError:
        return None


def is_public_address(address: str | IPAddress) -> bool:
    """True for a globally routable unicast address; IPv4 embedded in IPv6 is judged as IPv4."""
    ip = parse_address(address) if isinstance(address, str) else address
    if ip is None:
        return False
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if embedded is None and ip in _NAT64:
            embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if embedded is not None:
            return is_public_address(embedded)
    if ip.is_multicast or ip.is_loopback or ip.is_link_local or ip.is_private:
        return False
    if ip.is_reserved or ip.is_unspecified:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.is_site_local:
        return False
    return ip.is_global


class Allowlist:
    """Host names, addresses and networks that may be reached although not public."""

    def __init__(self, entries: Iterable[str]) -> None:
        self.names: set[str] = set()
        self.networks: list[ipaddress.IPv4Network | ipaddress.IPv6Network] = []
        for entry in (e.strip().lower() for e in entries):
            if not entry:
                continue
            try:
                self.networks.append(ipaddress.ip_network(entry.strip("[]"), strict=False))
            except ValueError:
                self.names.add(entry.rstrip("."))

    def allows(self, host: str, address: str | None = None) -> bool:
        """True when ``host`` is listed by name, or ``address`` (or ``host`` itself) lies in a listed network."""
        if host.lower().rstrip(".") in self.names:
            return True
        ip = parse_address(address or host)
        return ip is not None and any(ip in net for net in self.networks)


def system_resolve(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to (no connection is made); [] when it does not resolve."""
    try:
        infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError):
        return []
    return sorted({str(info[4][0]) for info in infos})


def refusal(host: str, addresses: list[str], allowlist: Allowlist) -> str | None:
    """Why a connection to ``host`` (resolved to ``addresses``) is refused, or None if allowed."""
    if allowlist.allows(host):
        return None
    if not addresses:
        return "unresolved"
    for address in addresses:
        if not is_public_address(address) and not allowlist.allows(host, address):
            return f"non_public {address}"
    return None


class NetGuardMiddleware:
    """Downloader middleware: resolve each request's destination and refuse non-public ones."""

    def __init__(self, allowlist: Allowlist, stats: StatsCollector, replay_proxy: str = "",
                 resolve: Resolver = system_resolve) -> None:  # fmt: skip
        self.allowlist = allowlist
        self.stats = stats
        self.replay_proxy = replay_proxy
        self.resolve = resolve
        self._cache: dict[tuple[str, int], list[str]] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> NetGuardMiddleware:
        settings = crawler.settings
        proxy = settings.get("INGEST_REPLAY_PROXY") or ""
        entries = settings.getlist("INGEST_ALLOWED_PRIVATE_HOSTS")
        # Naming a replay proxy is as explicit as listing it: its own address is allowed.
        allowlist = Allowlist(
            [*entries, urlparse_cached(Request(proxy)).hostname or ""] if proxy else entries
        )
        return cls(allowlist, crawler.stats, proxy)

    async def process_request(self, request: Request) -> None:
        for host, port in self.destinations(request):
            reason = refusal(host, await self._addresses(host, port), self.allowlist)
            if reason is not None:
                self.stats.inc_value("ingest/netguard/refused")
                logger.warning("refused %s: %s is %s", request.url, host, reason)
                raise RefusedDestination(f"{request.url}: {host} is {reason}")

    def destinations(self, request: Request) -> list[tuple[str, int]]:
        """Hosts the request would make us (or a proxy on our behalf) connect to."""
        parts = urlparse_cached(request)
        host = parts.hostname or ""
        port = parts.port or (443 if parts.scheme == "https" else 80)
        out = []
        proxy = replay_route(self.replay_proxy, host) or request.meta.get("proxy") or ""
        if proxy:
            proxy_parts = urlparse_cached(Request(proxy))
            out.append((proxy_parts.hostname or "", proxy_parts.port or 80))
        # Through the replay server a named host is answered from the snapshot, never connected to.
        if not replay_route(self.replay_proxy, host):
            out.append((host, port))
        return out

    async def _addresses(self, host: str, port: int) -> list[str]:
        if parse_address(host) is not None:
            return [str(parse_address(host))]
        key = (host.lower(), port)
        if key not in self._cache:
            if len(self._cache) >= _CACHE_LIMIT:
                self._cache.clear()
            self._cache[key] = await maybe_deferred_to_future(
                deferToThread(self.resolve, host, port)
            )
        return self._cache[key]
