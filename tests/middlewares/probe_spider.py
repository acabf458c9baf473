"""A spider that follows every link and redirect, with no allowed_domains: only the guard stops it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import scrapy
from scrapy.http import Response, TextResponse


class ProbeSpider(scrapy.Spider):
    """``scrapy runspider probe_spider.py -a start=URL,URL``: fetch, follow all links, count."""

    name = "probe"

    def __init__(self, start: str = "", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.start_urls = [u for u in start.split(",") if u]

    def parse(self, response: Response) -> Iterator[scrapy.Request]:
        self.crawler.stats.inc_value("probe/fetched")
        self.crawler.stats.inc_value(f"probe/fetched/{response.url}")
        if isinstance(response, TextResponse):
            yield from response.follow_all(css="a", callback=self.parse)
