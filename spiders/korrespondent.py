"""``scrapy crawl korrespondent``: the ``news`` spider bound to Correspondent.net.

Everything it reads (two editions' feeds, sitemaps and day archives) is the source's data in
``ingest/sites/korrespondent.py``; the same crawl is ``scrapy crawl news -a source=korrespondent``.
"""

from __future__ import annotations

from typing import Any

from spiders.news import NewsSpider


class KorrespondentSpider(NewsSpider):
    """``scrapy crawl korrespondent [-a editions=ru,uk] [-a since=D] [-a until=D] [-a limit=N]
    [-a discover=feeds,sitemaps,archives]``."""

    name = "korrespondent"

    def __init__(self, source: str | None = None, **kwargs: Any) -> None:
        if source not in (None, "", "korrespondent"):
            raise ValueError(f"source={source!r}: this spider crawls korrespondent; use news")
        super().__init__(source="korrespondent", **kwargs)
