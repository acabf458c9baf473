"""The network guard: the address check on literal addresses (nothing connects), then a real crawl
whose redirects and links point at a 127.0.0.2 listener that must see no connection at all."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from scrapy import Request

from ingest.replay.chaos import ArrivalCounter, ChaosRoute, ChaosServer
from ingest.replay.handler import replay_route
from ingest.replay.server import Snapshot
from middlewares.netguard import Allowlist, NetGuardMiddleware, is_public_address, refusal
from tests.conftest import ROOT, SNAPSHOT

# Only checked as strings: is_public_address never resolves or connects.
NOT_PUBLIC = [
    "127.0.0.1", "127.0.0.2", "0.0.0.0", "10.1.2.3", "172.16.0.1", "192.168.1.1",
    "169.254.169.254", "100.64.0.1", "224.0.0.1", "239.255.255.250", "240.0.0.1",
    "255.255.255.255", "192.0.2.1", "::1", "::", "fe80::1", "fe80::1%eth0", "fc00::1",
    "fd12:3456::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "[::ffff:169.254.169.254]",
    "2002:7f00:1::", "64:ff9b::a00:1", "2001:db8::1", "not-an-address",
]  # fmt: skip
PUBLIC = ["8.8.8.8", "1.1.1.1", "2606:4700:4700::1111", "::ffff:8.8.8.8", "64:ff9b::808:808"]


@pytest.mark.parametrize("address", NOT_PUBLIC)
def test_non_public_addresses_are_refused(address: str) -> None:
    assert not is_public_address(address)


@pytest.mark.parametrize("address", PUBLIC)
def test_public_addresses_pass(address: str) -> None:
    assert is_public_address(address)


def test_allowlist_by_name_address_and_network() -> None:
    allow = Allowlist(["mirror.internal", "127.0.0.1", "fd00:1::/64"])
    assert refusal("mirror.internal", ["10.9.9.9"], allow) is None
    assert refusal("127.0.0.1", ["127.0.0.1"], allow) is None
    assert refusal("v6.internal", ["fd00:1::5"], allow) is None
    assert refusal("localhost", ["127.0.0.1", "::1"], allow) == "non_public ::1"
    assert refusal("127.0.0.2", ["127.0.0.2"], allow) == "non_public 127.0.0.2"
    assert refusal("rebind.example", ["8.8.8.8", "10.0.0.1"], allow) == "non_public 10.0.0.1"
    assert refusal("nowhere.example", [], allow) == "unresolved"
    assert refusal("news.example", ["8.8.8.8"], Allowlist([])) is None


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
    req = Request("https://news.example/", meta={"proxy": "http://10.0.0.5:3128"})
    assert plain.destinations(req) == [("10.0.0.5", 3128), ("news.example", 443)]


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
