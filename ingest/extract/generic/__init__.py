"""The generic path: metadata and main text of any news page, from structure alone."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from ingest.article import Image
from ingest.extract.generic import meta
from ingest.extract.generic.authors import authors
from ingest.extract.generic.body import MainText, main_text
from ingest.extract.generic.jsonld import article_object, jsonld_objects
from ingest.extract.generic.kind import page_kind
from ingest.extract.generic.lines import standfirst
from ingest.extract.generic.published import modified_at, published_at
from ingest.extract.generic.tags import page_tags
from ingest.extract.page import Page

__all__ = ["GenericMetadata", "generic_body", "generic_metadata"]


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


def generic_metadata(page: Page, timezone: str = "UTC") -> GenericMetadata:
    """Metadata of ``page`` from JSON-LD, meta tags and visible structure; never raises on odd HTML."""
    tree = page.tree
    tags = page_tags(page)
    objects = jsonld_objects(tags["script"])
    article = article_object(objects)
    metas = _metas(page)
    site_name = meta.site_name(metas, objects, article)
    title = meta.title(tags, metas, article, site_name)
    lead = standfirst(meta.lead(metas, article), _main_text(page))
    publisher = article.get("publisher")
    site_names = {site_name, meta.text_of(publisher)} if publisher else {site_name}
    language = _language(meta.declared_language(tree, metas, article), f"{title}\n{lead}")
    return GenericMetadata(
        title=title,
        authors=authors(tree, metas, article, site_names, language),
        published_at=published_at(
            tree, tags["time"], metas, article, page.url, timezone, page.fetched_at
        ),
        modified_at=modified_at(metas, article, timezone, page.fetched_at),
        language=language,
        section=meta.section(tree, metas, objects, article),
        tags=meta.tags(metas, article),
        lead=lead,
        images=meta.images(tags, metas, article),
        canonical_url=meta.canonical_url(tags, metas),
        site_name=site_name,
        kind=page_kind(metas, objects, article),
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
