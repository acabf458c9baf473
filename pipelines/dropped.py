"""The one way a pipeline drops an item: DropItem with its reason as data, not as text to parse."""

from __future__ import annotations

from scrapy.exceptions import DropItem


class ArticleDropped(DropItem):
    """An item that did not become a stored article; ``reason`` is the stats and summary key
    (``no_body``, ``not_article_live``, ``duplicate``…), ``url`` the page it came from."""

    def __init__(self, reason: str, url: str, message: str = "") -> None:
        self.reason = reason
        self.url = url
        super().__init__(message or f"{reason}: {url}")
