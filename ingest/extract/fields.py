"""A parsed page's article: one method per field, the site's way where it has one (Fundus's shape).

A site module subclasses :class:`ArticleFields` (``SiteProfile.fields``) and overrides the fields
its pages give differently; every other field is inherited: the site's selectors, then the
generic path, in the one order :data:`GENERIC_FIRST` states.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from ingest import __version__
from ingest.article import Article, Image, content_hash
from ingest.errors import ExtractionError
from ingest.extract.boilerplate import clean_paragraphs
from ingest.extract.dates import local_iso, utc_iso
from ingest.extract.generic import GenericFields
from ingest.extract.language import detect_language
from ingest.extract.page import Page
from ingest.extract.site import SelectedFields
from ingest.extract.urls import trusted_canonical
from ingest.sanitize import join_url

if TYPE_CHECKING:  # site modules import this module: the profile is only a type here
    from ingest.sites.base import SiteProfile

GENERIC_PARSER = f"generic/{__version__}"
# What the page declares itself → the record's ``kind``; videos and listings are not stored.
_STORED_KINDS = {"article": "article", "live": "liveblog"}
FIELDS = ("title", "authors", "published_at", "lead", "body", "tags", "images", "section")
# Where a site's selectors and the generic path both give a field, the selectors win, except
# for the date: structured data (JSON-LD, meta) beats the text of a byline.
GENERIC_FIRST = frozenset({"published_at"})


class ArticleFields:
    """The fields of one page; ``selected`` is what the site's selectors give, ``generic`` the
    generic path's version (each computed only when a field asks for it)."""

    def __init__(self, page: Page, site: SiteProfile | None = None) -> None:
        self.page = page
        self.site = site
        self.selected = SelectedFields(page, site)
        self.generic = GenericFields(page, site.timezone if site else "UTC")

    def title(self) -> str:
        return str(self._pick("title"))

    def authors(self) -> list[str]:
        return list(self._pick("authors"))

    def published_at(self) -> datetime | None:
        found = self._pick("published_at")
        return found if isinstance(found, datetime) else None

    def lead(self) -> str:
        return str(self._pick("lead"))

    def body(self) -> list[str]:
        """The article's paragraphs, before boilerplate cleaning."""
        return list(self._pick("body"))

    def tags(self) -> list[str]:
        return list(self._pick("tags"))

    def images(self) -> list[Image]:
        return list(self._pick("images"))

    def section(self) -> str:
        return str(self._pick("section"))

    def _pick(self, name: str) -> Any:
        """The precedence, in one place: the first of selectors and generic that says something
        (None means "nothing to say"; the generic path always answers)."""
        first: GenericFields | SelectedFields = self.generic
        then: GenericFields | SelectedFields = self.selected
        if name not in GENERIC_FIRST:
            first, then = then, first
        found = getattr(first, name)
        if found is None or (first is self.generic and not found):
            other = getattr(then, name)
            found = other if other is not None else found
        return found


@dataclass(frozen=True)
class Extraction:
    """An article and what cleaning took out of it: boilerplate kind → paragraphs removed."""

    article: Article
    removed: dict[str, int]
    flags: tuple[str, ...] = ()  # evidence flags for the crawl stats (canonical_off_site)


def extract_fields(page: Page, site: SiteProfile | None, fallback_title: str = "") -> Extraction:
    """The article of a parsed page (``site`` at its version for the fetch date), before
    evidence, normalization and output safety."""
    fields = (site.fields if site and site.fields else ArticleFields)(page, site)
    generic = fields.generic
    if generic.kind not in _STORED_KINDS:
        raise ExtractionError(f"not_article_{generic.kind}", page.url)
    paragraphs = fields.body()
    language = _text_language(page, site, generic, paragraphs)
    cleaned = clean_paragraphs(paragraphs, site.boilerplate if site else None, language)
    body = "\n".join(cleaned.kept)
    title = fields.title() or " ".join(fallback_title.split())
    if not body.strip():
        raise ExtractionError("no_body", page.url)
    if not title:
        raise ExtractionError("no_title", page.url)

    # A javascript:, data: or unparsable "canonical" is ignored; one on another site is not
    # believed (the article is keyed by the fetched URL) and flagged.
    declared_url = generic.canonical_url
    claimed = (join_url(page.url, declared_url) if declared_url else "") or page.url
    canonical = trusted_canonical(page.url, claimed, site)
    edition = site.edition_for_url(canonical) if site else None
    declared = edition.language if edition else generic.language
    published = fields.published_at()
    source_id = ""
    if site:
        source_id = site.article_id(canonical) or site.article_id(page.url) or ""
    if not source_id and cleaned.script_ids:
        source_id = cleaned.script_ids[0]
    removed = {kind: len(lines) for kind, lines in cleaned.removed.items()}
    chosen = fields.selected.selected_body
    if chosen and chosen.related_dropped:
        removed["related_headline"] = removed.get("related_headline", 0) + chosen.related_dropped
    article = Article(
        url=page.url,
        canonical_url=canonical,
        source=site.name if site else _host(canonical).removeprefix("www."),
        source_article_id=source_id,
        language=detect_language(f"{title}\n{body}", declared),
        title=title,
        lead=fields.lead(),
        body=body,
        authors=fields.authors(),
        published_at=utc_iso(published),
        published_at_local=local_iso(published),
        modified_at=utc_iso(generic.modified_at),
        section=fields.section(),
        tags=fields.tags(),
        images=fields.images(),
        original_source=cleaned.original_source,
        fetched_at=utc_iso(page.fetched_at) or "",
        parser=site.parser_version if site else GENERIC_PARSER,
        content_hash=content_hash(body),
        kind=_STORED_KINDS[generic.kind],
    )
    return Extraction(article, removed, ("canonical_off_site",) if canonical != claimed else ())


def _text_language(
    page: Page, site: SiteProfile | None, generic: GenericFields, paragraphs: list[str]
) -> str:
    """The language whose boilerplate words the cleaning uses: the text's, the declared breaking ties."""
    edition = site.edition_for_url(page.url) if site else None
    sample = "\n".join([generic.title, *paragraphs[:12]])[:3000]
    return detect_language(sample, edition.language if edition else generic.language)


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()
