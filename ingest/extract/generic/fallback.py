"""A second opinion on the main text: readability-lxml, asked only where ours looks implausible.

Ours is implausible when it holds much less than the page's prose (a teaser list, a comment
thread or one chunk of a split article was taken); readability's text replaces it only when it
holds clearly more. Asking only then keeps the cost of a second extractor off most pages.
"""

from __future__ import annotations

import copy
import logging

import lxml.html
from lxml.html import HtmlElement

from ingest.extract.generic.lines import is_date_line, is_prose, is_widget_text
from ingest.extract.generic.segments import layout

# Ours is in doubt below this share of the page's prose characters; readability's text wins
# when it is at least this many times longer (tuned on traf-dev and fundus-dev, where 0.4-0.6
# and 1.5 score alike; aeb-dev and the ru-uk golden pages never reach the fallback).
DOUBT_SHARE = 0.4
WIN_RATIO = 1.5

logging.getLogger("readability.readability").setLevel(logging.CRITICAL)


def in_doubt(ours_chars: int, page_prose: int) -> bool:
    """Whether our main text holds too little of the page's prose to be trusted alone."""
    return ours_chars < DOUBT_SHARE * page_prose


def second_opinion(
    tree: HtmlElement, ours_chars: int, titles: frozenset[str] = frozenset()
) -> list[str] | None:
    """Readability's paragraphs of ``tree`` when they hold clearly more than ours, else None."""
    from readability import Document  # imported on first doubt: most pages never need it

    try:
        # Readability edits the tree it is given: give it a copy, ours stays as parsed.
        summary = Document(copy.deepcopy(tree)).summary(html_partial=True)
        root = lxml.html.fragment_fromstring(summary, create_parent="div")
    except Exception:  # readability raises bare Exceptions on odd pages: no second opinion
        return None
    lines = []
    for segment in layout(root).segments:
        text = segment.text
        if text.casefold() in titles:
            continue
        if is_prose(segment) or not (
            is_date_line(text) or is_widget_text(segment) or segment.links * 2 > len(text)
        ):
            lines.append(text)
    if sum(len(line) for line in lines) < WIN_RATIO * max(ours_chars, 1):
        return None
    return lines
