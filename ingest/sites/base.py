"""What we know about one source, as data: the shape every site module fills in."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:  # extraction imports this module; a site's field overrides import extraction
    from ingest.extract.fields import ArticleFields


@dataclass(frozen=True)
class Selectors:
    """CSS selectors of an article page; an empty selector means "use the generic path"."""

    title: str = ""
    title_strip: str = ""  # elements inside the title to drop (labels such as <em>)
    info: str = ""  # the byline/time block
    author: str = ""
    time: str = ""  # element whose text holds the visible date, if not ``info``
    body: str = ""
    lead: str = ""  # relative to ``body``
    tags: str = ""
    image: str = ""
    image_fallback: str = ""
    caption: str = ""
    credit: str = ""
    drop: tuple[str, ...] = ()  # elements inside the body that are never article text


@dataclass(frozen=True)
class ListSelectors:
    """CSS selectors of list pages (day archives, sections): article links and the next page."""

    article_link: str = "a[href]"
    next_page: str = "a[rel=next]"
    ad_marker: str = ""  # an element inside a link that marks it as an ad


@dataclass(frozen=True)
class Boilerplate:
    """Site-specific phrases (regexes, matched case-insensitively at the start of a line or paragraph).

    They extend the general en/ru/uk rules in ``ingest.extract.boilerplate``; they never replace them.
    """

    promo: tuple[str, ...] = ()
    read_also: tuple[str, ...] = ()
    source_attribution: tuple[str, ...] = ()
    ad_label: tuple[str, ...] = ()
    photo_credit: tuple[str, ...] = ()
    # Names under which the site itself appears; never an author, and an attribution to
    # them inside a sentence ("Как сообщал Корреспондент.net, ...") is kept.
    site_names: tuple[str, ...] = ()


@dataclass(frozen=True)
class Edition:
    """One language edition of a source."""

    language: str  # ISO 639-1
    host: str
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    archive_day_url: str = ""  # str.format(year=, month_name=, month=, day=)
    path_prefix: str = ""  # editions sharing one host differ by path (``/rus/``)

    @property
    def home(self) -> str:
        """The edition's front page."""
        return f"https://{self.host}{self.path_prefix or '/'}"


@dataclass(frozen=True)
class SiteProfile:
    """Everything one source needs: editions, discovery URLs, article URL pattern, selectors, dates."""

    name: str
    parser_version: str
    editions: tuple[Edition, ...]
    article_url: re.Pattern[str]  # group "id" is the source article id
    timezone: str
    selectors: Selectors = field(default_factory=Selectors)
    list_selectors: ListSelectors = field(default_factory=ListSelectors)
    boilerplate: Boilerplate = field(default_factory=Boilerplate)
    date_languages: tuple[str, ...] = ("ru", "uk", "en")
    # How often a scheduled job should crawl the source; its feeds hold about this much news.
    cadence: timedelta = timedelta(hours=1)
    # Dated versions (Fundus-style): this profile parses pages fetched before ``valid_until``;
    # ``earlier`` holds the versions before a redesign, each with its own ``valid_until``.
    valid_until: date | None = None
    earlier: tuple[SiteProfile, ...] = ()
    fixtures_note: str = ""  # where the knowledge came from (public material, a real page)
    # The site's own way with some fields: an ``ArticleFields`` subclass overriding them (the
    # others inherited); None: every field from the selectors, then the generic path.
    fields: type[ArticleFields] | None = None

    @property
    def hosts(self) -> tuple[str, ...]:
        """Every host of every edition."""
        return tuple(e.host for e in self.editions)

    @property
    def domains(self) -> tuple[str, ...]:
        """Every host a crawl of the source may request: editions, feeds and sitemaps."""
        urls = [u for e in self.editions for u in (*e.feeds, *e.sitemaps)]
        hosts = [*self.hosts, *((urlsplit(u).hostname or "") for u in urls)]
        return tuple(dict.fromkeys(h.lower().removeprefix("www.") for h in hosts if h))

    def edition_for_host(self, host: str) -> Edition | None:
        """The edition served on ``host`` (``www.`` ignored), or None."""
        host = host.lower().removeprefix("www.")
        return next((e for e in self.editions if e.host.removeprefix("www.") == host), None)

    def edition_for_url(self, url: str) -> Edition | None:
        """The edition of ``url``: its host, then the longest path prefix that matches."""
        parts = urlsplit(url)
        host = (parts.hostname or "").lower().removeprefix("www.")
        path = parts.path or "/"
        matches = [
            e
            for e in self.editions
            if e.host.removeprefix("www.") == host and path.startswith(e.path_prefix or "/")
        ]
        return max(matches, key=lambda e: len(e.path_prefix), default=None)

    def version_at(self, fetched_at: datetime) -> SiteProfile:
        """The version that parsed pages fetched at ``fetched_at``: the oldest one still valid."""
        day = fetched_at.date()
        for version in sorted(self.earlier, key=lambda v: v.valid_until or date.max):
            if version.valid_until is not None and day < version.valid_until:
                return version
        return self

    def article_id(self, url: str) -> str | None:
        """The source article id if ``url`` is an article URL of this site, else None."""
        match = self.article_url.search(url)
        return match.group("id") if match else None
