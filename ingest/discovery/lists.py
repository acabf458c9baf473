"""List pages (day archives, sections) → article links and the next page."""

from __future__ import annotations

from dataclasses import dataclass, field

import lxml.etree
import lxml.html

from ingest.extract.page import parse_tree
from ingest.sanitize import join_url
from ingest.sites.base import ListSelectors


@dataclass
class ArchiveLinks:
    """What a list page points to."""

    articles: list[str] = field(default_factory=list)
    next_page: str = ""
    ads_skipped: int = 0


def archive_links(html: str, url: str, selectors: ListSelectors) -> ArchiveLinks:
    """Article links in page order (ads skipped) and the next page's absolute URL."""
    out = ArchiveLinks()
    if not html.strip():
        return out
    try:
        tree = parse_tree(html)
    except (ValueError, lxml.etree.ParserError):  # e.g. "</\0": no document at all (fuzzing)
        return out
    return links_in(tree, url, selectors)


def links_in(tree: lxml.html.HtmlElement, url: str, selectors: ListSelectors) -> ArchiveLinks:
    """As :func:`archive_links`, on a page already parsed."""
    out = ArchiveLinks()
    for link in tree.cssselect(selectors.article_link):
        if selectors.ad_marker and _is_ad(link, selectors.ad_marker):
            out.ads_skipped += 1
            continue
        href = (link.get("href") or "").strip()
        if href and not href.startswith(("javascript:", "mailto:", "#")):
            out.articles.append(join_url(url, href))
    out.articles = [u for u in dict.fromkeys(out.articles) if u]
    nxt = tree.cssselect(selectors.next_page)
    following = (nxt[0].get("href") or "").strip() if nxt else ""
    if following:
        out.next_page = join_url(url, following)
    return out


def _is_ad(link: lxml.html.HtmlElement, marker: str) -> bool:
    """Ad items carry a label such as ``<em>Реклама</em>`` inside their title."""
    labels = " ".join(m.text_content() for m in link.cssselect(marker)).casefold()
    return any(word in labels for word in ("реклама", "advertisement", "sponsored", "промо"))
