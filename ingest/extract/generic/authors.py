"""Author names: JSON-LD, meta tags, then byline elements; names only, never dates or the site."""

from __future__ import annotations

import re
from typing import Any

from lxml import etree
from lxml.html import HtmlElement

from ingest.extract.generic.jsonld import text_of, types_of
from ingest.extract.generic.meta import MetaMap

_BY = re.compile(
    r"^(?:by|from|written by|author|authors|posted by|автор[ыи]?|текст|авторка|автори|"
    r"від|от|подготовил[аи]?|підготував|підготувала)\b[:\s]*",
    re.IGNORECASE,
)
_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\bи\b|\bта\b|\bі\b|\|)\s*", re.IGNORECASE)
_NOT_A_NAME = re.compile(r"\d|https?:|www\.|@|\.(?:com|ru|ua|net|org)\b", re.IGNORECASE)
_ORGANISATION_TYPES = frozenset("Organization NewsMediaOrganization Corporation".split())
# Stepping to the attribute and back (``@class[…]/..``) costs half as much as testing
# ``contains(@class, …)`` on every element (libxml2 builds a node-set per test).
_BYLINE_ELEMENTS = etree.XPath(
    "descendant::*/@class[contains(., 'byline') or contains(., 'author-name')"
    " or contains(., 'article__author')]/.."
    " | descendant::*/@rel[. = 'author']/.. | descendant::*/@itemprop[. = 'author']/.."
)


def authors(
    tree: HtmlElement, metas: MetaMap, article: dict[str, Any], site_names: set[str]
) -> list[str]:
    """Author names from the strongest source that has any, cleaned and de-duplicated."""
    sources = (
        lambda: _jsonld_authors(article.get("author")),
        lambda: metas.get("author", []) + metas.get("article:author", []) + metas.get("byl", []),
        lambda: _byline_names(tree),  # a whole-tree pass: only when nothing stronger named anyone
    )
    for source in sources:
        names = clean_names(source(), site_names)
        if names:
            return names
    return []


def clean_names(raw: list[str], site_names: set[str]) -> list[str]:
    """Strip "By", split "A and B", drop URLs, dates, e-mails and the site's own names."""
    folded_sites = {s.casefold() for s in site_names if s}
    names: dict[str, str] = {}
    for value in raw:
        value = _BY.sub("", " ".join(value.split()))
        for part in _SPLIT.split(value):
            part = part.strip(" .:-—–")
            if not part or _NOT_A_NAME.search(part) or len(part) > 60:
                continue
            if part.casefold() in folded_sites or len(part.split()) > 5:
                continue
            names.setdefault(part.casefold(), part)
    return list(names.values())


def _jsonld_authors(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value] if value else []
    names = []
    for item in items:
        if isinstance(item, dict):
            if types_of(item) & _ORGANISATION_TYPES:
                continue
            names.append(text_of(item.get("name")))
        elif isinstance(item, str):
            names.append(item)
    return [n for n in names if n]


def _byline_names(tree: HtmlElement) -> list[str]:
    names = []
    for element in _byline_elements(tree)[:6]:
        if element.tag in ("meta", "link", "script"):
            continue
        text = " ".join(element.text_content().split())
        if 0 < len(text) <= 80:
            names.append(text)
    return names


def _byline_elements(tree: HtmlElement) -> list[HtmlElement]:
    """Elements below ``tree`` marked as a byline, in document order."""
    return _BYLINE_ELEMENTS(tree)
