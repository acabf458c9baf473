"""The elements metadata reads, by tag, found in one pass over the page.

lxml's ``iter(tag)`` walks the whole tree even for the first match (it looks ahead for the next
one), so metadata that asked for metas, scripts, the first ``<h1>``, the ``<title>``, times,
links and figures one tag at a time walked every page seven times.
"""

from __future__ import annotations

from lxml.html import HtmlElement

from ingest.extract.page import Page

TAGS = ("meta", "script", "h1", "title", "time", "link", "figure")
Tags = dict[str, list[HtmlElement]]


def page_tags(page: Page) -> Tags:
    """Every element of ``page`` below its root whose tag is in ``TAGS``, per tag, in page order."""
    found = page.derived.get("tags")
    if found is None:
        found = tags_below(page.tree)
        page.derived["tags"] = found
    return found


def tags_below(tree: HtmlElement) -> Tags:
    """As :func:`page_tags`, for any element (not cached)."""
    found: Tags = {tag: [] for tag in TAGS}
    for element in tree.iter(*TAGS):
        if element is not tree:
            found[str(element.tag)].append(element)
    return found


def first_text(elements: list[HtmlElement]) -> str:
    """``.text`` of the first element, as ``findtext`` gives it: "" when it has none or none exists."""
    return (elements[0].text or "") if elements else ""
