"""Parse a page once: the lxml tree every extraction step shares."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import datetime

import lxml.html
from lxml.html import HtmlElement
from w3lib.encoding import html_to_unicode

from ingest.errors import ExtractionError


@dataclass
class Page:
    """A fetched HTML page, parsed once; extraction steps read ``tree`` and never re-parse ``html``."""

    url: str
    tree: HtmlElement
    fetched_at: datetime


def parse_html(html: str | bytes, url: str, fetched_at: datetime) -> Page:
    """Parse ``html`` (text, or bytes decoded from the page's own declarations) into a Page."""
    if not html or not html.strip():
        raise ExtractionError("empty_page", url)
    try:
        tree = parse_tree(html)
    except (ValueError, lxml.etree.ParserError) as exc:
        raise ExtractionError("unparsable_html", url, str(exc)) from exc
    return Page(url=url, tree=tree, fetched_at=fetched_at)


_local = threading.local()  # lxml parsers must not be shared between threads


def parse_tree(html: str | bytes, content_type: str | None = None) -> HtmlElement:
    """An lxml document from text, or from bytes decoded as browsers do (BOM, HTTP charset,
    ``<meta>``, then UTF-8/cp1252 detection) by w3lib, the same decoding Scrapy's responses use."""
    if isinstance(html, bytes):
        html = html_to_unicode(content_type, html)[1]
    # lxml refuses str input carrying an XML encoding declaration: hand it UTF-8 bytes, said so.
    if not hasattr(_local, "utf8"):
        _local.utf8 = lxml.html.HTMLParser(encoding="utf-8")
    return lxml.html.document_fromstring(html.encode("utf-8"), parser=_local.utf8)
