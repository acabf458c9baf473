"""What a page declares itself to be: one article, or a live blog, video or listing page."""

from __future__ import annotations

from typing import Any

from ingest.extract.generic.jsonld import ARTICLE_TYPES, types_of
from ingest.extract.generic.meta import MetaMap, first

_LISTING_TYPES = {"CollectionPage", "ItemList", "SearchResultsPage", "ProfilePage"}


def page_kind(metas: MetaMap, objects: list[dict[str, Any]], article: dict[str, Any]) -> str:
    """``article``, or ``live``/``video``/``listing`` when the page's own markup says so.

    Only declarations count (schema.org types, ``og:type``): a page that says nothing is an
    article candidate, and the body and title checks decide the rest.
    """
    declared = types_of(article)
    if "LiveBlogPosting" in declared:
        return "live"
    if declared & ARTICLE_TYPES:
        return "article"
    og_type = first(metas, "og:type").lower()
    if og_type.startswith("video"):
        return "video"
    if og_type == "article":
        return "article"  # an article with an embedded video or a collection widget
    types = set().union(*(types_of(o) for o in objects)) if objects else set()
    if "VideoObject" in types:
        return "video"
    if types & _LISTING_TYPES:
        return "listing"
    return "article"
