"""Archive list pages: article links in order, ads skipped, the next page found."""

from __future__ import annotations

from ingest.discovery import archive_links
from ingest.sites.korrespondent import SITE

PAGE = """<html><body>
<div class="article"><div class="article__title"><a href="/world/4601001-one/">Один</a></div>
 <div class="article__time">09:15</div></div>
<div class="article article_top"><div class="article__title"><a href="https://partner.example/x"><em>Реклама</em> Купите</a></div></div>
<div class="article"><div class="article__title"><a href="/world/4601001-one/">Один снова</a></div></div>
<div class="article"><div class="article__title"><a href="/ukraine/4601002-two/">Два</a></div></div>
<a class="pagination__link pagination__forward" href="/all/2026/november/20/p2/">Далее</a>
</body></html>"""


def test_links_in_order_without_ads_or_repeats() -> None:
    links = archive_links(
        PAGE, "https://korrespondent.net/all/2026/november/20/", SITE.list_selectors
    )
    assert links.articles == [
        "https://korrespondent.net/world/4601001-one/",
        "https://korrespondent.net/ukraine/4601002-two/",
    ]
    assert links.ads_skipped == 1
    assert links.next_page == "https://korrespondent.net/all/2026/november/20/p2/"


def test_last_page_has_no_next() -> None:
    html = PAGE.replace("pagination__forward", "pagination__back")
    assert archive_links(html, "https://korrespondent.net/", SITE.list_selectors).next_page == ""
    assert archive_links("", "https://korrespondent.net/", SITE.list_selectors).articles == []
