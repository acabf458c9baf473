"""A site module's selectors: the fields a known source's markup gives directly."""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property, lru_cache

from lxml.cssselect import CSSSelector
from lxml.html import HtmlElement

from ingest.article import Image
from ingest.extract.dates import parse_datetime
from ingest.extract.generic.segments import paragraphs
from ingest.extract.page import Page
from ingest.sanitize import join_url
from ingest.sites.base import SiteProfile


@dataclass(frozen=True)
class SiteBody:
    """The body subtree the selectors chose, cut into paragraphs, and the lead found inside it."""

    paragraphs: list[str]
    lead: str
    related_dropped: int  # paragraphs that were only a link to another article of the site


class SelectedFields:
    """What a site's selectors give for each field of one page, computed when first asked for;
    None where the selectors say nothing (no selector, nothing matched, empty text)."""

    def __init__(self, page: Page, site: SiteProfile | None) -> None:
        self.page = page
        self.site = site

    @cached_property
    def title(self) -> str | None:
        return (_title(self.page.tree, self.site) if self.site else None) or None

    @cached_property
    def authors(self) -> list[str] | None:
        return (_authors(self.page.tree, self.site) if self.site else None) or None

    @cached_property
    def published_at(self) -> datetime | None:
        return _visible_date(self.page, self.site, self.authors or []) if self.site else None

    @cached_property
    def tags(self) -> list[str] | None:
        return (_texts(self.page.tree, self.site.selectors.tags) if self.site else None) or None

    @cached_property
    def images(self) -> list[Image] | None:
        return (_images(self.page, self.site) if self.site else None) or None

    @cached_property
    def section(self) -> str | None:
        match = self.site.article_url.search(self.page.url) if self.site else None
        if match and "section" in match.groupdict():
            return match.group("section") or None
        return None

    @cached_property
    def selected_body(self) -> SiteBody | None:
        return _body(self.page, self.site) if self.site else None

    @property
    def body(self) -> list[str] | None:
        return (self.selected_body.paragraphs if self.selected_body else None) or None

    @property
    def lead(self) -> str | None:
        """The lead inside the chosen body; "" (not None) when a body was chosen without one:
        a lead elsewhere on the page is then not the article's."""
        return self.selected_body.lead if self.selected_body else None


def _body(page: Page, site: SiteProfile) -> SiteBody | None:
    sel = site.selectors
    body = _first(page.tree, sel.body)
    if body is None:
        return None
    body = copy.deepcopy(body)  # we drop nodes; the shared tree stays intact for other steps
    for selector in sel.drop:
        for node in _select(body, selector):
            node.drop_tree()
    related_dropped = _drop_related_headlines(body, page.url, site)
    lead = _first(body, sel.lead) if sel.lead else None
    lead_text = ""
    if lead is not None:
        lead_text = normalize_space(lead.text_content())
        lead.drop_tree()
    return SiteBody(paragraphs(body), lead_text, related_dropped)


def normalize_space(text: str) -> str:
    """Collapse runs of whitespace (NBSP included: ``str.split`` knows it) to one space, trimmed."""
    return " ".join(text.split())


def _drop_related_headlines(body: HtmlElement, url: str, site: SiteProfile) -> int:
    """Drop blocks whose whole text is one link to another article of the site.

    A headline wedged into the body as a bare link is a related-news teaser, not text of this
    article; a link inside a sentence leaves text around it and is kept.
    """
    own_id = site.article_id(url)
    dropped = 0
    for block in list(body.iter("p", "div", "h3", "h4", "li")):
        links = block.findall(".//a")
        if len(links) != 1 or block.getparent() is None:
            continue
        target = join_url(url, links[0].get("href") or "")
        target_id = site.article_id(target)
        if target_id is None or target_id == own_id:
            continue
        if normalize_space(block.text_content()) == normalize_space(links[0].text_content()):
            block.drop_tree()
            dropped += 1
    return dropped


def _select(root: HtmlElement, selector: str) -> list[HtmlElement]:
    """``root.cssselect(selector)`` without translating the selector to XPath again each time."""
    return _compiled(selector)(root)


@lru_cache(maxsize=512)
def _compiled(selector: str) -> CSSSelector:
    # The translation is pure Python and cost more than the search: a site's selectors are few.
    return CSSSelector(selector, translator="html")  # as HtmlElement.cssselect translates


def _first(root: HtmlElement, selector: str) -> HtmlElement | None:
    if not selector:
        return None
    found = _select(root, selector)
    return found[0] if found else None


def _texts(root: HtmlElement, selector: str) -> list[str]:
    if not selector:
        return []
    texts = (normalize_space(n.text_content()) for n in _select(root, selector))
    return list(dict.fromkeys(t for t in texts if t))


def _title(tree: HtmlElement, site: SiteProfile) -> str:
    node = _first(tree, site.selectors.title)
    if node is None:
        return ""
    node = copy.deepcopy(node)
    if site.selectors.title_strip:
        for label in _select(node, site.selectors.title_strip):
            label.drop_tree()
    return normalize_space(node.text_content())


def _authors(tree: HtmlElement, site: SiteProfile) -> list[str]:
    site_names = {n.casefold() for n in site.boilerplate.site_names}
    return [a for a in _texts(tree, site.selectors.author) if a.casefold() not in site_names]


def _visible_date(page: Page, site: SiteProfile, authors: list[str]) -> datetime | None:
    """The byline's date: its text without the author names, parsed in the site's time zone."""
    node = _first(page.tree, site.selectors.time or site.selectors.info)
    if node is None:
        return None
    text = normalize_space(node.text_content())
    for name in authors:
        text = text.replace(name, " ")
    return parse_datetime(text.strip(" ,|"), site.timezone, page.fetched_at, site.date_languages)


def _images(page: Page, site: SiteProfile) -> list[Image]:
    sel = site.selectors
    imgs = _select(page.tree, sel.image) if sel.image else []
    if not imgs and sel.image_fallback:
        imgs = _select(page.tree, sel.image_fallback)
    caption = " ".join(_texts(page.tree, sel.caption))
    credit = " ".join(_texts(page.tree, sel.credit))
    for pattern in site.boilerplate.photo_credit:
        credit = _strip_prefix(credit, pattern)
    images = []
    for img in imgs:
        src = img.get("src") or img.get("data-src") or ""
        if src:
            if join_url(page.url, src):
                images.append(Image(url=join_url(page.url, src), caption=caption, credit=credit))
            caption = credit = ""  # the photo block describes the lead image only
    return images


def _strip_prefix(text: str, pattern: str) -> str:
    return re.sub(r"^\s*(?:" + pattern + r")\s*", "", text, flags=re.IGNORECASE).strip()
