"""The network guard: the address check on literal addresses (nothing connects), then a real crawl
whose redirects and links point at a 127.0.0.2 listener that must see no connection at all."""

from __future__ import annotations

import ipaddress
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scrapy import Request

from handlers.replay import replay_route
from ingest.replay.chaos import ArrivalCounter, ChaosRoute, ChaosServer
from ingest.replay.server import Snapshot
from middlewares.netguard import Allowlist, NetGuardMiddleware, is_public_address, refusal
from tests.conftest import ROOT, SNAPSHOT

# The address check is tested on addresses drawn at random and classified by the standard
# library's IANA registry (``ipaddress``), so no test names a private-range or public address:
# a guard with a bug must have nothing real to connect to.
V4 = st.integers(0, 2**32 - 1).map(ipaddress.IPv4Address)
V6 = st.integers(0, 2**128 - 1).map(ipaddress.IPv6Address)
PUBLIC_V4 = V4.filter(lambda a: a.is_global and not a.is_multicast)
NON_PUBLIC_V4 = V4.filter(
    lambda a: a.is_private or a.is_loopback or a.is_link_local or a.is_multicast
    or a.is_reserved or a.is_unspecified or not a.is_global
)  # fmt: skip
LOOPBACK_V4 = st.integers(0, 2**24 - 1).map(lambda n: ipaddress.IPv4Address((127 << 24) | n))
NAT64 = int(ipaddress.IPv6Address("64:ff9b::"))


def _embeddings(v4: ipaddress.IPv4Address) -> list[str]:
    """``v4`` hidden inside IPv6 the ways a request may try: mapped, 6to4, NAT64, bracketed."""
    n = int(v4)
    return [
        str(ipaddress.IPv6Address((0xFFFF << 32) | n)),
        str(ipaddress.IPv6Address((0x2002 << 112) | (n << 80))),
        str(ipaddress.IPv6Address(NAT64 | n)),
        f"[{ipaddress.IPv6Address((0xFFFF << 32) | n)}]",
    ]


@settings(max_examples=300, deadline=None)
@given(NON_PUBLIC_V4)
def test_non_public_ipv4_is_refused_plain_and_embedded(address: ipaddress.IPv4Address) -> None:
    assert not is_public_address(str(address))
    for form in _embeddings(address):
        assert not is_public_address(form), form


@settings(max_examples=300, deadline=None)
@given(PUBLIC_V4)
def test_public_ipv4_passes_plain_and_embedded(address: ipaddress.IPv4Address) -> None:
    assert is_public_address(str(address))
    for form in _embeddings(address)[:3]:
        assert is_public_address(form), form


@settings(max_examples=300, deadline=None)
@given(V6)
def test_ipv6_follows_the_registry(address: ipaddress.IPv6Address) -> None:
    if (
        address.ipv4_mapped
        or address.sixtofour
        or address.teredo
        or int(address) >> 32 == NAT64 >> 32
    ):
        return  # embedded IPv4: judged as that IPv4 (above)
    special = (
        address.is_multicast or address.is_site_local or address.is_reserved
        or address.is_private or address.is_loopback or address.is_link_local
        or address.is_unspecified
    )  # fmt: skip
    expected = address.is_global and not special
    assert is_public_address(str(address)) == expected


@pytest.mark.parametrize("text", ["", "not-an-address", "localhost", "[x", "::1%eth0"])
def test_anything_that_is_not_a_public_address_is_refused(text: str) -> None:
    assert not is_public_address(text)


@settings(max_examples=50, deadline=None)
@given(LOOPBACK_V4, PUBLIC_V4)
def test_allowlist_by_name_address_and_network(
    loopback: ipaddress.IPv4Address, public: ipaddress.IPv4Address
) -> None:
    allow = Allowlist(["mirror.internal", "127.0.0.1", "127.1.0.0/16"])
    assert refusal("mirror.internal", [str(loopback)], allow) is None  # by name
    assert refusal("127.0.0.1", ["127.0.0.1"], allow) is None  # by address
    inside = ipaddress.IPv4Address((127 << 24) | (1 << 16) | (int(loopback) & 0xFFFF))
    assert refusal("v4.internal", [str(inside)], allow) is None  # by network
    if loopback != ipaddress.IPv4Address("127.0.0.1") and int(loopback) >> 16 != (127 << 8 | 1):
        assert refusal("other.internal", [str(loopback)], allow) == f"non_public {loopback}"
    assert refusal("localhost", ["127.0.0.1", "::1"], allow) == "non_public ::1"
    assert refusal("127.0.0.2", ["127.0.0.2"], allow) == "non_public 127.0.0.2"
    # One non-public answer among public ones is enough to refuse (DNS answers can be mixed).
    assert refusal("mixed.example", [str(public), "127.0.0.2"], allow) == "non_public 127.0.0.2"
    assert refusal("nowhere.example", [], allow) == "unresolved"
    assert refusal("news.example", [str(public)], Allowlist([])) is None


def test_destinations_through_the_replay_proxy() -> None:
    guard = NetGuardMiddleware(Allowlist([]), stats=None, replay_proxy="http://127.0.0.1:8765")  # type: ignore[arg-type]
    # A named host is answered by the replay server: the connection goes to the proxy only.
    assert guard.destinations(Request("https://korrespondent.net/x/")) == [("127.0.0.1", 8765)]
    # IP literals and localhost go direct, so the guard judges them (the handler agrees).
    assert guard.destinations(Request("http://127.0.0.2:81/")) == [("127.0.0.2", 81)]
    assert guard.destinations(Request("http://localhost/")) == [("localhost", 80)]
    assert replay_route("http://127.0.0.1:8765", "[::ffff:127.0.0.2]") == ""
    # A configured forward proxy is connected to as well as (by it) the target.
    plain = NetGuardMiddleware(Allowlist([]), stats=None)  # type: ignore[arg-type]
    req = Request("https://news.example/", meta={"proxy": "http://127.0.0.2:3128"})
    assert plain.destinations(req) == [("127.0.0.2", 3128), ("news.example", 443)]


# --- a real crawl -------------------------------------------------------------------------------
SITE = "https://korrespondent.net/guard"


def _routes(private: str, direct: str) -> list[ChaosRoute]:
    links = (
        f'<a href="http://{private}/linked/">a</a> '
        f'<a href="http://[::ffff:{private.split(":")[0]}]:{private.split(":")[1]}/mapped/">b</a> '
        f'<a href="http://{direct}/guard/direct-ok/">c</a>'
    )
    return [
        ChaosRoute(f"{SITE}/redirect/", "redirect", {"to": f"http://{private}/redirected/"}),
        ChaosRoute(f"{SITE}/chain/", "redirect", {"to": f"{SITE}/chain-2/", "status": 301}),
        ChaosRoute(f"{SITE}/chain-2/", "redirect", {"to": f"http://{private}/hop-2/"}),
        ChaosRoute(f"{SITE}/links/", "links", {"html": links}),
        ChaosRoute(f"https://{direct}/guard/direct-ok/", "links", {"html": "allowed"}),
    ]


@pytest.fixture(scope="module")
def guarded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    stats_file = tmp_path_factory.mktemp("guard") / "stats.json"
    with ArrivalCounter("127.0.0.2") as private:
        server = ChaosServer(Snapshot.load(SNAPSHOT), [])
        direct = server.url.removeprefix("http://")
        server.routes = {r.url: r for r in _routes(private.netloc, direct)}
        with server:
            start = ",".join(f"{SITE}/{p}/" for p in ("redirect", "chain", "links"))
            cmd = [
                sys.executable, "-m", "scrapy", "runspider",
                str(Path(__file__).with_name("probe_spider.py")), "-a", f"start={start}",
                "-s", f"INGEST_REPLAY_PROXY={server.url}",
                "-s", "INGEST_ALLOWED_PRIVATE_HOSTS=127.0.0.1",
                "-s", f"INGEST_STATS_FILE={stats_file}",
                "-s", f"INGEST_DATABASE_PATH={stats_file.with_suffix('.sqlite')}",
                "-s", "AUTOTHROTTLE_ENABLED=False",
            ]  # fmt: skip
            done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=120)
        arrivals = private.arrivals
    stats = json.loads(stats_file.read_text("utf-8")) if stats_file.exists() else {}
    yield {"stats": stats, "arrivals": arrivals, "log": done.stderr, "rc": done.returncode}


def test_guard_refuses_every_hop_and_link(
    guarded: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    stats = guarded["stats"]
    with capsys.disabled():
        print(
            f"\nnetwork guard: refused {stats.get('ingest/netguard/refused', 0)} requests "
            f"(2 redirect hops, 2 links incl. IPv4-mapped IPv6), "
            f"127.0.0.2 arrivals: {guarded['arrivals']}, "
            f"allowlisted 127.0.0.1 pages fetched: {sum(k.startswith('probe/fetched/http://127.0.0.1') for k in stats)}"
        )
    assert guarded["rc"] == 0, guarded["log"][-3000:]
    assert guarded["arrivals"] == 0
    assert stats.get("ingest/netguard/refused") == 4, guarded["log"][-3000:]
    # The allowlisted address is reached directly: the guard does not simply refuse everything.
    assert any(k.startswith("probe/fetched/http://127.0.0.1:") for k in stats), stats
