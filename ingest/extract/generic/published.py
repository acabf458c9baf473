"""Publication and modification times, with the page's own offset, from the strongest evidence."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from datetime import timezone as fixed_offset
from itertools import islice
from typing import Any
from zoneinfo import ZoneInfo

from lxml import etree
from lxml.html import HtmlElement

from ingest.extract.dates import date_part, parse_wallclock
from ingest.extract.generic.jsonld import text_of
from ingest.extract.generic.meta import MetaMap, first
from ingest.extract.generic.shown import shown_near, shown_update

logger = logging.getLogger(__name__)

_URL_DATE = re.compile(r"/(20\d\d|19\d\d)[/-](\d{1,2})[/-](\d{1,2})(?:/|$|[^\d])")
# Metas that name the publication, then generic ones ("date" is often the last change): the
# page's microdata (``itemprop="datePublished"`` on the visible date) goes between them.
_PUBLISHED_KEYS = (
    "article:published_time",
    "datepublished",
    "og:article:published_time",
    "publishdate",
    "pubdate",
    "sailthru.date",
    "parsely-pub-date",
)
_GENERIC_KEYS = ("date", "dc.date.issued", "dc.date")
_MODIFIED_KEYS = ("article:modified_time", "datemodified", "og:updated_time", "lastmod")
_DATE_CLASSES = ("date", "time", "publish")
_ISO_LIKE = re.compile(r"\d{4}-\d\d-\d\d")
_YEAR_ONLY = re.compile(r"\s*\d{4}\s*")
_MAX_OFFSET = timedelta(hours=14)  # the offsets in use run from -12:00 to +14:00
_MIN_OFFSET = timedelta(hours=-12)
_OFFSET_STEP = timedelta(minutes=15)


def published_at(
    tree: HtmlElement,
    times: list[HtmlElement],
    metas: MetaMap,
    article: dict[str, Any],
    url: str,
    timezone: str,
    reference: datetime | None,
    language: str = "",
    headline: HtmlElement | None = None,
) -> datetime | None:
    """JSON-LD datePublished, meta tags, ``<time datetime>`` (``times``: the page's ``<time>``
    elements); then a visible date read in the page's ``language``; then the URL's date; then
    the date shown by the ``headline`` (then, in the record path, a site's own date and
    :func:`fallback_published_at`). An instant the page also shows as a local time keeps that
    offset; a later day shown by the headline that the metadata also declares (the update
    the page presents as its date) wins over the first declared one."""
    zone = ZoneInfo(timezone)
    # Metadata is written as machines write it (English first: "11/01/2023" is November), what
    # the page shows in its own language ("03.11.2021" on a German page is November 3rd).
    machine = tuple(dict.fromkeys(("en", language or "en")))
    languages = tuple(dict.fromkeys((language or "en", "en")))
    structured = [(text_of(article.get("datePublished")), machine)]
    structured.extend((v, machine) for key in _PUBLISHED_KEYS for v in metas.get(key, ()))
    structured.extend((v, machine) for v in _microdata(tree))
    structured.extend((v, machine) for key in _GENERIC_KEYS for v in metas.get(key, ()))
    # A ``datetime`` not in ISO form ("01-11-2023 10:29") is written as the page writes dates.
    structured.extend(
        (t, machine if _ISO_LIKE.match(t) else languages) for t in _time_elements(times)
    )
    found = (_parse(t, timezone, reference, langs) for t, langs in structured if _has_day(t))
    primary = next((p for p in found if p is not None), None)
    near = lambda: shown_near(headline, timezone, reference, languages)  # noqa: E731
    if primary is not None:
        others = [p for p in found if p is not None]
        if primary.tzinfo is not None and primary.utcoffset() == timedelta(0) and timezone != "UTC":
            dated = primary.astimezone(zone)  # the site's zone is known
        elif primary.tzinfo is None or primary.utcoffset() == timedelta(0):
            shown = lambda: _visible(tree, timezone, reference, languages, whole=True)  # noqa: E731
            dated = _localise(primary, others, shown, _url_day(url), zone)
        else:
            dated = primary
        shown_date = near()
        if shown_date is None:
            return dated
        modified = modified_at(metas, article, timezone, reference)
        return shown_update(dated, shown_date, [*others, *([modified] if modified else [])], zone)
    visible = next(_visible(tree, timezone, reference, languages), None)
    if visible is not None:
        return visible if visible.tzinfo else visible.replace(tzinfo=zone)
    for day in _url_day(url):
        return datetime.combine(day, datetime.min.time(), tzinfo=zone)
    shown_date = near()
    if shown_date is not None:
        return shown_date if shown_date.tzinfo else shown_date.replace(tzinfo=zone)
    return None


def fallback_published_at(
    tree: HtmlElement, url: str, timezone: str, reference: datetime | None
) -> datetime | None:
    """htmldate's original publish date over the parsed tree (it copies before it prunes): the
    last resort, after the page's own sources and a site module's date have found nothing."""
    from htmldate import find_date

    try:
        found = find_date(
            tree,
            url=url or None,
            extensive_search=True,
            original_date=True,
            outputformat="%Y-%m-%dT%H:%M:%S%z",
            max_date=reference.astimezone(UTC).replace(tzinfo=None) if reference else None,
        )
    except Exception as exc:  # a fallback: a failure of it costs only the date
        logger.debug("htmldate failed on %s: %s", url, exc)
        return None
    parsed = _parse(found or "", timezone, reference, ())
    if parsed is None or (parsed.tzinfo is None and parsed == datetime(parsed.year, 1, 1)):
        return None  # a bare January 1st is how htmldate reads a year alone ("© 2026")
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=ZoneInfo(timezone))


def modified_at(
    metas: MetaMap, article: dict[str, Any], timezone: str, reference: datetime | None
) -> datetime | None:
    """JSON-LD dateModified, else the modified-time meta tags."""
    for text in (text_of(article.get("dateModified")), first(metas, *_MODIFIED_KEYS)):
        parsed = _parse(text, timezone, reference, ())
        if parsed is not None:
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=ZoneInfo(timezone))
    return None


def _localise(
    primary: datetime, others: list[datetime], visible: Any, days: list[date], zone: ZoneInfo
) -> datetime:
    """``primary`` (naive, or in UTC) at the offset another rendering of the same moment shows:
    a wall clock and a UTC instant a whole number of quarter hours apart (at most 14 h) are one
    moment in that offset; failing that, when no date the page shows is the UTC day, the day
    its URL (``days``) or its visible date names, next to it, gives the smallest whole-hour
    offset that reaches it. A naive time without a pair is in ``zone``."""
    if primary.tzinfo is None:
        for other in others:
            if other.tzinfo is not None and (offset := _offset(primary, other)) is not None:
                return other.astimezone(fixed_offset(offset))
        return primary.replace(tzinfo=zone)
    shown = list(islice(visible(), 5))
    for other in [*others, *shown]:
        if other.tzinfo is None:
            offset = _offset(other, primary)
        elif other.utcoffset() and abs(other - primary) <= timedelta(minutes=1):
            offset = other.utcoffset()
        else:
            offset = None
        if offset:
            return primary.astimezone(fixed_offset(offset))
    shown_days = [v.date() for v in shown]
    if primary.date() in shown_days:
        return primary  # the page shows the UTC day: nothing says it is another
    for day in [*days, *shown_days]:
        offset = _day_offset(day, primary)
        if offset:
            return primary.astimezone(fixed_offset(offset))
    return primary


def _day_offset(day: date, instant: datetime) -> timedelta | None:
    """The smallest whole-hour offset (at most 14 h) at which ``instant`` falls on ``day``: the
    page shows the next or the previous day, so the UTC day is not the page's."""
    utc = instant.astimezone(UTC)
    if abs((day - utc.date()).days) != 1:
        return None
    midnight = datetime.combine(day, datetime.min.time(), tzinfo=UTC)
    if day > utc.date():
        hours = -((utc - midnight) // timedelta(hours=1))  # ceil of the time to midnight
        offset = timedelta(hours=hours)
    else:
        offset = -timedelta(hours=(utc - midnight - timedelta(days=1)) // timedelta(hours=1) + 1)
    return offset if _MIN_OFFSET <= offset <= _MAX_OFFSET else None


def _url_day(url: str) -> list[date]:
    """The day a URL's path names (/2023/11/08/), if it is a real one."""
    found = _URL_DATE.search(url)
    try:
        return [date(*(int(g) for g in found.groups()))] if found else []
    except ValueError:
        return []


def _offset(wall: datetime, instant: datetime) -> timedelta | None:
    """The offset at which ``instant`` reads as ``wall`` (to the minute), if it is a real one."""
    if wall.time() == datetime.min.time():
        return None  # a day without a time of day says nothing about the offset
    utc = instant.astimezone(UTC).replace(tzinfo=None, second=0, microsecond=0)
    delta = wall.replace(second=0, microsecond=0) - utc
    if delta and _MIN_OFFSET <= delta <= _MAX_OFFSET and not delta % _OFFSET_STEP:
        return delta
    return None


def _visible(
    tree: HtmlElement,
    timezone: str,
    reference: datetime | None,
    languages: tuple[str, ...],
    whole: bool = False,
) -> Iterator[datetime]:
    """Dates the page shows in elements whose class names a date, read in its language;
    ``whole``: only full dates (day, month, year), found by their shape before any parsing."""
    for element in islice(_date_class_elements(tree), 5):
        text = " ".join(element.text_content().split())
        if not (6 <= len(text) <= 80 and re.search(r"\d", text)):
            continue
        if whole:
            text = date_part(text)
            if not text:
                continue
        parsed = _parse(text, timezone, reference, languages)
        if parsed is not None:
            yield parsed


def _date_class_elements(tree: HtmlElement) -> Iterator[HtmlElement]:
    """Elements below ``tree`` whose class names a date, in document order (as the XPath
    ``.//*[contains(@class,'date') or …]`` would give them, at a third of its cost)."""
    elements = tree.iter(etree.Element)
    next(elements, None)  # ``tree`` itself
    for element in elements:
        css = element.get("class")
        if css and any(word in css for word in _DATE_CLASSES):
            yield element


def _has_day(text: str) -> bool:
    """Not a bare year ("1988": a reference's microdata, not the page's date)."""
    return bool(text) and not _YEAR_ONLY.fullmatch(text)


def _microdata(tree: HtmlElement) -> list[str]:
    """``datePublished`` given as microdata on an element other than ``<meta>`` (those are in
    the meta map): its ``content`` or ``datetime``."""
    found = tree.xpath("//*[@itemprop='datePublished'][not(self::meta)]")
    values = (e.get("content") or e.get("datetime") or "" for e in found[:3])
    return [v for v in values if v.strip()]


def _time_elements(elements: list[HtmlElement]) -> list[str]:
    times = [t for t in elements if t.get("datetime")]
    times.sort(key=lambda t: "pubdate" not in t.attrib and t.get("itemprop") != "datePublished")
    return [t.get("datetime", "") for t in times[:3]]


def _parse(
    text: str, timezone: str, reference: datetime | None, languages: tuple[str, ...]
) -> datetime | None:
    """The wall clock or instant ``text`` gives (naive when it states no offset), or None.

    Languages are tried one at a time: dateparser given several reads "03.11.2021" in the day
    order of none of them in particular (March, for a German page)."""
    text = text.strip()
    if not text:
        return None
    for language in languages or ("ru", "uk", "en"):
        try:
            parsed = parse_wallclock(text, timezone, reference, (language,))
        except (ValueError, OverflowError, TypeError):
            parsed = None
        if parsed is not None:
            return parsed
    return None
