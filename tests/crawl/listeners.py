"""Test-only extension: write the TCP ports this crawl process listens on, read from /proc, to
``-s LISTENERS_FILE=path`` as the spider closes (while every extension's server still runs)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler

_LISTEN = "0A"  # TCP_LISTEN in /proc/net/tcp's st column


def listening_ports() -> list[int]:
    """Ports of the listening TCP sockets among this process's open files (Linux /proc)."""
    inodes = set()
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    ports = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            if fields[3] == _LISTEN and fields[9] in inodes:
                ports.append(int(fields[1].rsplit(":", 1)[1], 16))
    return sorted(ports)


class Listeners:
    def __init__(self, path: str) -> None:
        self.path = path

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Listeners:
        ext = cls(crawler.settings.get("LISTENERS_FILE", ""))
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_closed(self, *args: Any, **kwargs: Any) -> None:
        Path(self.path).write_text(json.dumps(listening_ports()), "utf-8")
