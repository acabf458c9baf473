"""The crawl summary takes a drop's reason from the exception's data, never from its text."""

from __future__ import annotations

from types import SimpleNamespace

from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler

from extensions.summary import CrawlSummary
from ingest import settings
from pipelines.dropped import ArticleDropped

URL = "https://korrespondent.net/world/4601215-slug/"


def test_reasons_come_from_the_typed_exception() -> None:
    ours = {k: v for k, v in vars(settings).items() if k.startswith("INGEST_")}  # as a crawl has
    summary = CrawlSummary(get_crawler(settings_dict={**ours, "INGEST_CRAWL_RECORD": False}))
    # A detail with colons and a message that starts like another reason change nothing.
    summary.item_dropped(None, ArticleDropped("not_article_live", URL, "duplicate of: x: y"))
    summary.item_dropped(None, ArticleDropped("duplicate", URL, "no_body: of another"))
    summary.item_dropped(SimpleNamespace(url=URL), DropItem("no_title: a pipeline not ours"))
    tally = summary.tally.sources["korrespondent"]
    assert dict(tally.dropped) == {"not_article_live": 1, "dropped": 1}
    assert tally.duplicates == 1
