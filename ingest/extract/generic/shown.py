"""The date a reader sees with the headline: the byline or dateline next to it, found by shape.

Metadata can name a first version the page no longer shows (``datePublished`` two years before
the text the page presents as of its update); pages without metadata often show their date only
here ("Berlin, 28.10.2021", "1. Februar 2022, Daniel Dillenburg").
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from lxml import etree
from lxml.html import HtmlElement

from ingest.extract.dates import date_part, parse_wallclock

# The short texts just before the headline (a dateline above it) and after it (byline, lead):
# far enough for a byline below a standfirst, not into teasers and comments further down.
_BEFORE_TEXTS = etree.XPath("preceding::text()[normalize-space()][position() <= $before]")
_AFTER_TEXTS = etree.XPath("following::text()[normalize-space()][position() <= $after]")
_BEFORE, _AFTER = 3, 40
_LONGEST = 100  # a byline or dateline; a date inside prose is about something else
_NOT_TEXT = frozenset({"script", "style", "noscript", "template"})
_CLOSE = timedelta(days=1)  # a day apart: the offset or a print edition, not an update


def headline_element(h1s: list[HtmlElement], title: str) -> HtmlElement | None:
    """The ``<h1>`` that is the article's headline: the one the title starts with or names (a
    logo is often the first ``<h1>``), else the first."""
    wanted = " ".join(title.split()).casefold()
    for h1 in h1s:
        text = " ".join(h1.text_content().split()).casefold()
        if text and wanted and (text in wanted or wanted in text):
            return h1
    return h1s[0] if h1s else None


def shown_near(
    headline: HtmlElement | None,
    timezone: str,
    reference: datetime | None,
    languages: tuple[str, ...],
) -> datetime | None:
    """The first whole date (day, month, year) in the short texts around ``headline``, read in
    the page's ``languages``; a link's text counts only when it is the date (a teaser's title
    may hold a date of its own)."""
    if headline is None:
        return None
    for text in _around(headline):
        parent = text.getparent()
        if parent is None or parent.tag in _NOT_TEXT or len(text) > 4 * _LONGEST:
            continue
        line = " ".join(text.split())
        part = date_part(line) if len(line) <= _LONGEST else ""
        if not part or (_in_link(parent) and 2 * len(part) < len(line)):
            continue
        for language in languages:
            parsed = parse_wallclock(part, timezone, reference, (language,))
            if parsed is not None:
                return parsed
    return None


def shown_update(
    dated: datetime, shown: datetime | None, declared: list[datetime], zone: ZoneInfo
) -> datetime:
    """``dated`` (the first declared publication), unless the headline shows a day more than a
    day later that the page also declares (its update, as it presents itself): then that
    declared moment, offset and all."""
    if shown is None:
        return dated
    day = shown.date()
    if day - _local(dated, zone).date() <= _CLOSE:
        return dated
    for other in declared:
        if _local(other, zone).date() == day:
            if other.tzinfo is None:
                return other.replace(tzinfo=dated.tzinfo or zone)
            return other.astimezone(dated.tzinfo) if dated.tzinfo else other
    return dated


def _around(headline: HtmlElement) -> list[Any]:
    """The texts just before the headline inside its own block (a dateline above it, not the
    site's header with today's date), then those after it, in document order."""
    block = headline.getparent()
    block = block.getparent() if block is not None and block.getparent() is not None else block
    before = [
        t
        for t in _BEFORE_TEXTS(headline, before=_BEFORE)
        if block is not None and any(a is block for a in t.getparent().iterancestors())
    ]
    return [*before, *_AFTER_TEXTS(headline, after=_AFTER)]


def _local(value: datetime, zone: ZoneInfo) -> datetime:
    return value if value.tzinfo is None else value.astimezone(value.tzinfo)


def _in_link(element: HtmlElement) -> bool:
    return any(e.tag == "a" for e in element.iterancestors()) or element.tag == "a"
