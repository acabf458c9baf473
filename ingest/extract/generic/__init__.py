"""The generic path: metadata and main text of any news page, from structure alone."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import Any

from ingest.article import Image
from ingest.extract.generic import meta
from ingest.extract.generic.authors import authors
from ingest.extract.generic.body import MainText, main_text
from ingest.extract.generic.fallback import in_doubt, second_opinion
from ingest.extract.generic.jsonld import article_object, jsonld_objects
from ingest.extract.generic.kind import page_kind
from ingest.extract.generic.lines import standfirst
from ingest.extract.generic.published import modified_at, published_at
from ingest.extract.generic.shown import headline_element
from ingest.extract.generic.tags import Tags, page_tags
from ingest.extract.page import Page

__all__ = ["GenericFields", "GenericMetadata", "generic_body", "generic_metadata"]


@dataclass
class GenericMetadata:
    """Article metadata any page offers without site knowledge; empty values mean "not found"."""

    title: str = ""
    authors: list[str] = field(default_factory=list)
    published_at: datetime | None = None
    modified_at: datetime | None = None
    language: str = ""
    section: str = ""
    tags: list[str] = field(default_factory=list)
    lead: str = ""
    images: list[Image] = field(default_factory=list)
    canonical_url: str = ""
    site_name: str = ""
    kind: str = "article"  # or live/video/listing, when the page declares itself so


class GenericFields:
    """The generic version of each field of one page, computed when first asked for: a site
    whose selectors give the body never pays for the page's layout."""

    def __init__(self, page: Page, timezone: str = "UTC") -> None:
        self.page = page
        self.timezone = timezone

    @cached_property
    def _tags(self) -> Tags:
        return page_tags(self.page)

    @cached_property
    def _objects(self) -> list[dict[str, Any]]:
        return jsonld_objects(self._tags["script"])

    @cached_property
    def _article(self) -> dict[str, Any]:
        return article_object(self._objects)

    @cached_property
    def _metas(self) -> meta.MetaMap:
        return _metas(self.page)

    @cached_property
    def site_name(self) -> str:
        return meta.site_name(self._metas, self._objects, self._article)

    @cached_property
    def title(self) -> str:
        return meta.title(self._tags, self._metas, self._article, self.site_name)

    @cached_property
    def lead(self) -> str:
        return standfirst(meta.lead(self._metas, self._article), _main_text(self.page))

    @cached_property
    def body(self) -> list[str]:
        return generic_body(self.page)

    @cached_property
    def authors(self) -> list[str]:
        publisher = self._article.get("publisher")
        names = {self.site_name, meta.text_of(publisher)} if publisher else {self.site_name}
        return authors(self.page.tree, self._metas, self._article, names, self.language)

    @cached_property
    def published_at(self) -> datetime | None:
        page = self.page
        tree, times, url = page.tree, self._tags["time"], page.url
        return published_at(
            tree,
            times,
            self._metas,
            self._article,
            url,
            self.timezone,
            page.fetched_at,
            self._date_language,
            headline_element(self._tags["h1"], self.title),
        )

    @cached_property
    def _date_language(self) -> str:
        # The language visible dates are read in: declared, checked against the title (the lead
        # would need the page's layout, which a site giving its own body never computes).
        declared = meta.declared_language(self.page.tree, self._metas, self._article)
        return _language(declared, self.title)

    @cached_property
    def modified_at(self) -> datetime | None:
        return modified_at(self._metas, self._article, self.timezone, self.page.fetched_at)

    @cached_property
    def language(self) -> str:
        declared = meta.declared_language(self.page.tree, self._metas, self._article)
        return _language(declared, f"{self.title}\n{self.lead}")

    @cached_property
    def section(self) -> str:
        return meta.section(self.page.tree, self._metas, self._objects, self._article)

    @cached_property
    def tags(self) -> list[str]:
        return meta.tags(self._metas, self._article)

    @cached_property
    def images(self) -> list[Image]:
        return meta.images(self._tags, self._metas, self._article)

    @cached_property
    def canonical_url(self) -> str:
        return meta.canonical_url(self._tags, self._metas)

    @cached_property
    def kind(self) -> str:
        return page_kind(self._metas, self._objects, self._article)


def generic_metadata(page: Page, timezone: str = "UTC") -> GenericMetadata:
    """Metadata of ``page`` from JSON-LD, meta tags and visible structure; never raises on odd HTML."""
    found = GenericFields(page, timezone)
    return GenericMetadata(
        title=found.title,
        authors=found.authors,
        published_at=found.published_at,
        modified_at=found.modified_at,
        language=found.language,
        section=found.section,
        tags=found.tags,
        lead=found.lead,
        images=found.images,
        canonical_url=found.canonical_url,
        site_name=found.site_name,
        kind=found.kind,
    )


def generic_body(page: Page) -> list[str]:
    """Article paragraphs in order, one per item; headings and list items are items of their own."""
    return list(_main_text(page).paragraphs)


def _main_text(page: Page) -> MainText:
    # Metadata (the lead) and body both need the layout of one page: compute it once, on the page
    # itself, so concurrent extractions (threads) never see each other's results.
    found = page.derived.get("main_text")
    if found is None:
        tree = page.tree
        body = tree.find("body")
        titles = meta.title_variants(tree, page_tags(page), _metas(page))
        found = main_text(body if body is not None else tree, titles)
        ours = sum(len(line) for line in found.paragraphs)
        if in_doubt(ours, found.page_prose):
            alternative = second_opinion(tree, ours, titles)
            if alternative is not None:
                found = MainText(alternative, found.page_lines, found.page_prose)
        page.derived["main_text"] = found
    return found


def _metas(page: Page) -> meta.MetaMap:
    found = page.derived.get("metas")
    if found is None:
        found = page.derived["metas"] = meta.meta_map(page_tags(page)["meta"])
    return found


def _language(declared: str, text: str) -> str:
    """The declared language, checked against the text when a detector is available."""
    try:
        from ingest.extract.language import detect_language
    except ImportError:
        return declared
    return detect_language(text, declared or None) or declared
