"""A parsed page's article fields: the site module's where it has them, the generic path's else."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from ingest import __version__
from ingest.article import Article, content_hash
from ingest.errors import ExtractionError
from ingest.extract.boilerplate import clean_paragraphs
from ingest.extract.dates import local_iso, utc_iso
from ingest.extract.generic import GenericMetadata, generic_body, generic_metadata
from ingest.extract.language import detect_language
from ingest.extract.page import Page
from ingest.extract.site import SiteFields, extract_site_fields
from ingest.sanitize import join_url
from ingest.sites import site_for_url
from ingest.sites.base import SiteProfile

GENERIC_PARSER = f"generic/{__version__}"


@dataclass(frozen=True)
class Extraction:
    """An article and what cleaning took out of it: boilerplate kind → paragraphs removed."""

    article: Article
    removed: dict[str, int]


def extract_fields(page: Page, site: SiteProfile | None, fallback_title: str = "") -> Extraction:
    """The article of a parsed page, before evidence, normalization and output safety."""
    site = site or site_for_url(page.url)
    if site is not None:
        site = site.version_at(page.fetched_at)  # the version valid when the page was fetched
    meta = generic_metadata(page, site.timezone if site else "UTC")
    if meta.kind != "article":
        raise ExtractionError(f"not_article_{meta.kind}", page.url)
    fields = extract_site_fields(page, site) if site else SiteFields()
    paragraphs = fields.paragraphs if fields.paragraphs else generic_body(page)
    lead = fields.lead or (meta.lead if not fields.body_found else "")
    cleaned = clean_paragraphs(
        paragraphs, site.boilerplate if site else None, _text_language(page, site, meta, paragraphs)
    )
    body = "\n".join(cleaned.kept)
    title = fields.title or meta.title or " ".join(fallback_title.split())
    if not body.strip():
        raise ExtractionError("no_body", page.url)
    if not title:
        raise ExtractionError("no_title", page.url)

    # A javascript:, data: or unparsable "canonical" is ignored.
    canonical = (join_url(page.url, meta.canonical_url) if meta.canonical_url else "") or page.url
    edition = site.edition_for_url(canonical) if site else None
    declared = edition.language if edition else meta.language
    published = meta.published_at or fields.published_at
    source_id = ""
    if site:
        source_id = site.article_id(canonical) or site.article_id(page.url) or ""
    if not source_id and cleaned.script_ids:
        source_id = cleaned.script_ids[0]
    removed = {kind: len(lines) for kind, lines in cleaned.removed.items()}
    if fields.related_dropped:
        removed["related_headline"] = removed.get("related_headline", 0) + fields.related_dropped
    article = Article(
        url=page.url,
        canonical_url=canonical,
        source=site.name if site else _host(canonical).removeprefix("www."),
        source_article_id=source_id,
        language=detect_language(f"{title}\n{body}", declared),
        title=title,
        lead=lead,
        body=body,
        authors=fields.authors or meta.authors,
        published_at=utc_iso(published),
        published_at_local=local_iso(published),
        modified_at=utc_iso(meta.modified_at),
        section=fields.section or meta.section,
        tags=fields.tags or meta.tags,
        images=fields.images or meta.images,
        original_source=cleaned.original_source,
        fetched_at=utc_iso(page.fetched_at) or "",
        parser=site.parser_version if site else GENERIC_PARSER,
        content_hash=content_hash(body),
    )
    return Extraction(article, removed)


def _text_language(
    page: Page, site: SiteProfile | None, meta: GenericMetadata, paragraphs: list[str]
) -> str:
    """The language whose boilerplate words the cleaning uses: the text's, the declared breaking ties."""
    edition = site.edition_for_url(page.url) if site else None
    sample = "\n".join([meta.title, *paragraphs[:12]])[:3000]
    return detect_language(sample, edition.language if edition else meta.language)


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()
