"""The main text of a page: score block containers by prose density, pick the article, keep its lines."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from lxml.html import HtmlElement

from ingest.extract.generic.lines import is_date_line, is_prose, is_signoff, is_widget_text
from ingest.extract.generic.nodes import NEGATIVE_HINT, hint, hint_strength, judge, positive_words
from ingest.extract.generic.segments import Layout, Segment, layout

_BARE_URL = re.compile(r"(?:https?://|www\.)\S+")
_COMMAS = re.compile(r"[,،、，]")
_TAG_WEIGHT = {"div": 5, "article": 10, "main": 5, "section": 3, "td": 3, "blockquote": 3, "pre": 3}
_CONTAINERS = frozenset("div article main section td blockquote body form center".split())


@dataclass(frozen=True)
class MainText:
    """The article's paragraphs, and every visible line of the page (for checks such as the lead)."""

    paragraphs: list[str]
    page_lines: list[str]
    page_prose: int = 0  # characters of prose (outside links) on the whole page


def main_text(root: HtmlElement, titles: frozenset[str] = frozenset()) -> MainText:
    """Paragraphs of the article in ``root`` (normally ``<body>``), in document order; lines equal
    to one of ``titles`` (casefolded) are the headline repeated, not body."""
    page = layout(root)
    if not page.segments:
        return MainText([], [])
    prose = [is_prose(s) for s in page.segments]
    good = [
        0,
        *accumulate(
            len(s.text) - s.links if p else 0 for s, p in zip(page.segments, prose, strict=True)
        ),
    ]
    chars = [0, *accumulate(len(s.text) for s in page.segments)]
    links = [0, *accumulate(s.links for s in page.segments)]
    core = _best_container(page, prose, chars, links)
    if core is None:
        core = root
    start, end = page.ranges.get(core, (0, len(page.segments)))
    start, end = _extend(page, core, start, end, good, chars)
    dropped = bytearray(end - start)  # 1 for the lines of a dropped block
    for first, last in _dropped_ranges(page, start, end, good, chars):
        first, last = max(first, start) - start, min(last, end) - start
        dropped[first:last] = b"\x01" * max(last - first, 0)
    lines = []
    for index in range(start, end):
        segment = page.segments[index]
        if segment.negative >= 0 and dropped[index - start]:
            continue
        if _keep(segment, prose[index]) and segment.text.casefold() not in titles:
            lines.append(segment.text)
    if lines and is_signoff(lines[-1]):
        lines.pop()
    return MainText(lines, [s.text for s in page.segments], good[-1])


def _best_container(
    page: Layout, prose: list[bool], chars: list[int], links: list[int]
) -> HtmlElement | None:
    """Readability's vote: each prose line credits its block's container and, halved, the next one up."""
    scores: dict[HtmlElement, float] = {}
    for segment, is_good in zip(page.segments, prose, strict=True):
        if not is_good:
            continue
        text = segment.text
        value = 1 + len(_COMMAS.findall(text)) + min(len(text) / 100, 3)
        owner = segment.owner
        container = owner if owner.tag in _CONTAINERS else owner.getparent()
        for share in (1.0, 0.5):
            if container is None:
                break
            if container not in scores:
                scores[container] = _initial_score(container)
            scores[container] += value * share
            container = container.getparent()
    best, best_score = None, 0.0
    for element, score in scores.items():
        first, last = page.ranges.get(element, (0, len(page.segments)))
        total = chars[last] - chars[first]
        density = (links[last] - links[first]) / total if total else 0.0
        score *= 1 - density
        if score > best_score and _in_negative_block(element):
            score *= 0.5
        if score > best_score:
            best, best_score = element, score
    return best


def _in_negative_block(element: HtmlElement) -> bool:
    """Whether an ancestor is named as a comment, a related list or other non-article block: a
    long reader comment outvotes a short post unless its thread's name counts against it."""
    parent = element.getparent()
    while parent is not None:
        if judge(parent) == NEGATIVE_HINT:
            return True
        parent = parent.getparent()
    return False


def _initial_score(element: HtmlElement) -> float:
    return float(_TAG_WEIGHT.get(str(element.tag), 0)) + _hint_score(hint(element))


@lru_cache(maxsize=4096)
def _hint_score(words: str) -> float:
    if positive_words(words):
        return 25.0
    strength = hint_strength(words)
    return -25.0 if strength == NEGATIVE_HINT else -5.0 if strength else 0.0


def _extend(
    page: Layout, core: HtmlElement, start: int, end: int, good: list[int], chars: list[int]
) -> tuple[int, int]:
    """Climb while the parent adds mostly prose: an article cut into sibling blocks stays whole."""
    element = core
    while True:
        parent = element.getparent()
        if parent is None or parent.tag in ("body", "html") or parent not in page.ranges:
            return start, end
        p_start, p_end = page.ranges[parent]
        extra_good = good[p_end] - good[p_start] - (good[end] - good[start])
        extra_all = chars[p_end] - chars[p_start] - (chars[end] - chars[start])
        if extra_all == 0:
            element = parent
            continue
        inside = good[end] - good[start]
        if extra_good < 0.6 * extra_all or extra_good < 0.1 * inside:
            return start, end
        element, start, end = parent, p_start, p_end


def _dropped_ranges(
    page: Layout, start: int, end: int, good: list[int], chars: list[int]
) -> list[tuple[int, int]]:
    """Negative-hinted blocks inside the article, unless one holds most of its prose; a block
    hinted by weak words only is dropped only when it does not read as prose."""
    total = good[end] - good[start]
    dropped = []
    for index, (_, first, last) in enumerate(page.negatives):
        if last < 0 or first >= end or last <= start:
            continue
        prose = good[last] - good[first]
        if prose > 0.5 * total:
            continue
        if index in page.weak and _reads_as_text(first, last, end, good, chars):
            continue
        dropped.append((first, last))
    return dropped


def _reads_as_text(first: int, last: int, end: int, good: list[int], chars: list[int]) -> bool:
    """A weakly hinted block that is mostly prose with more article prose after it: the hidden
    label, print or paywall class of a content block (promos and teasers close the article)."""
    return good[last] - good[first] >= 0.5 * (chars[last] - chars[first]) and good[end] > good[last]


def _keep(segment: Segment, prose: bool) -> bool:
    if prose:
        return True
    text = segment.text
    if segment.owner.tag == "h1" or is_date_line(text) or is_widget_text(segment):
        return False
    # A bare address the author pasted is content; navigation links have words, not URLs.
    return segment.links * 2 <= len(text) or _BARE_URL.fullmatch(text) is not None
