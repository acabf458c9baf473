"""Author names: JSON-LD, meta tags, then byline elements; names only, never dates or the site.

Byline prefixes ("By", "Von", "Par") and name connectors ("and", "und", "et", "y") are words of
the page's language pack (``ingest.lang``); organisations named as authors (agencies,
newsrooms) are authors too.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from lxml import etree
from lxml.html import HtmlElement

from ingest.extract.generic.jsonld import text_of
from ingest.extract.generic.meta import MetaMap
from ingest.lang import codes_for, words_of

_NOT_A_NAME = re.compile(r"\d|https?:|www\.|@|\.(?:com|ru|ua|net|org)\b", re.IGNORECASE)
# Initials or a handle in brackets after a name ("Anna Muster (am)"), not part of the name.
_BRACKETED = re.compile(r"\s*[(\[][^()\[\]]{1,12}[)\]]\s*$")
# Stepping to the attribute and back (``@class[…]/..``) costs half as much as testing
# ``contains(@class, …)`` on every element (libxml2 builds a node-set per test).
_BYLINE_ELEMENTS = etree.XPath(
    "descendant::*/@class[contains(., 'byline') or contains(., 'author-name')"
    " or contains(., 'article__author')]/.."
    " | descendant::*/@rel[. = 'author']/.. | descendant::*/@itemprop[. = 'author']/.."
)


@lru_cache(maxsize=32)
def _patterns(codes: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The byline prefix and the name separators of the packs ``codes``."""
    prefix = re.compile(rf"^(?:{words_of('byline_prefix', codes)})\b[:\s]*", re.IGNORECASE)
    split = re.compile(rf"\s*(?:,|;|\||{words_of('name_and', codes)})\s*", re.IGNORECASE)
    return prefix, split


def authors(
    tree: HtmlElement,
    metas: MetaMap,
    article: dict[str, Any],
    site_names: set[str],
    language: str | None = None,
) -> list[str]:
    """Author names from the strongest source that has any, cleaned and de-duplicated.

    A structured source (JSON-LD, meta tags) that names the site itself as author is believed;
    a byline element that repeats the site's name is page chrome.
    """
    sources: tuple[tuple[Callable[[], list[str]], set[str]], ...] = (
        (lambda: _jsonld_authors(article.get("author")), set()),
        (
            lambda: (
                metas.get("author", []) + metas.get("article:author", []) + metas.get("byl", [])
            ),
            set(),
        ),
        (lambda: _byline_names(tree), site_names),  # a whole-tree pass: only when nothing else
    )
    for source, skipped in sources:
        names = clean_names(source(), skipped, language)
        if names:
            return names
    return []


def clean_names(raw: list[str], site_names: set[str], language: str | None = None) -> list[str]:
    """Strip "By", split "A and B", drop URLs, dates, e-mails and the site's own names."""
    prefix, split = _patterns(codes_for(language))
    folded_sites = {s.casefold() for s in site_names if s}
    names: dict[str, str] = {}
    for value in raw:
        # Script text (JSON-LD) is not unescaped by the parser: "&#1050;" is a letter, not a split.
        value = prefix.sub("", " ".join(html.unescape(value).split()))
        for part in split.split(value):
            part = _BRACKETED.sub("", prefix.sub("", part.strip(" .:-—–")))
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
