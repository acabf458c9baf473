"""What a fetched page is when its URL cannot say: one article, or a page of links.

On many sites an article URL and a listing URL look alike (``/news/3fa9c2e1.html``), so link
following fetches such pages and asks the page: its declarations first (schema.org types,
``og:type``), then its structure: an article holds a run of prose paragraphs under one parent,
a listing is link text and teasers.
"""

from __future__ import annotations

from lxml.html import HtmlElement

from ingest.extract.generic.jsonld import ARTICLE_TYPES, article_object, jsonld_objects, types_of
from ingest.extract.generic.kind import page_kind as declared_kind
from ingest.extract.generic.meta import first, meta_map

# Prose (characters outside links, in at least two <p> children of one element) an article
# needs: a page that says it is an article needs a little; one that says nothing, a real body.
MIN_PROSE_DECLARED = 150
MIN_PROSE_UNDECLARED = 400
MIN_PARAGRAPHS = 2
# A paragraph that is mostly a link is a teaser, not article prose.
_MAX_LINK_SHARE = 1 / 3


def page_kind(tree: HtmlElement) -> str:
    """``article``, ``listing``, or what the page declares itself (``live``, ``video``)."""
    metas = meta_map(tree.iter("meta"))
    objects = jsonld_objects(tree.iter("script"))
    article = article_object(objects)
    declared = declared_kind(metas, objects, article)
    if declared != "article":
        return declared
    says_article = bool(types_of(article) & ARTICLE_TYPES) or (
        first(metas, "og:type").lower() == "article"
    )
    needed = MIN_PROSE_DECLARED if says_article else MIN_PROSE_UNDECLARED
    return "article" if prose_run(tree) >= needed else "listing"


def prose_run(tree: HtmlElement) -> int:
    """The most prose (characters outside links) the ``<p>`` children of one element hold,
    counting only elements with at least two such paragraphs (a teaser has one)."""
    by_parent: dict[HtmlElement, list[int]] = {}
    for paragraph in tree.iter("p"):
        parent = paragraph.getparent()
        if parent is None:
            continue
        text = len(" ".join(paragraph.text_content().split()))
        linked = sum(len(" ".join(a.text_content().split())) for a in paragraph.iter("a"))
        if text == 0 or linked > text * _MAX_LINK_SHARE:
            continue
        by_parent.setdefault(parent, []).append(text - linked)
    return max((sum(r) for r in by_parent.values() if len(r) >= MIN_PARAGRAPHS), default=0)
