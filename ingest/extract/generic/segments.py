"""One pass over the tree: the text lines of block elements, with link share and where each sits."""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree
from lxml.html import HtmlElement

from ingest.extract.generic.nodes import SKIPPED, WEAK_HINT, is_negative, judge

# Elements that start and end a line of text; inline elements (a, span, b, …) do not.
BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "section",
        "article",
        "main",
        "header",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "blockquote",
        "pre",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "td",
        "th",
        "caption",
        "figure",
        "figcaption",
        "address",
        "center",
        "details",
        "summary",
        "fieldset",
        "legend",
        "hr",
        "form",
        "hgroup",
    ]
)
# Table cells are ranges (a layout table holds whole articles) but a data row is one line.
CELLS = frozenset(("td", "th"))
HEADINGS = frozenset(["h1", "h2", "h3", "h4", "h5", "h6"])
# Tags whose start ends the line being built (a cell's text runs on into the next cell's).
_BREAKS = (BLOCK_TAGS - CELLS) | {"br"}


@dataclass(slots=True)
class Segment:
    """One line of text: ``owner`` is its innermost block element, ``links`` its characters in links."""

    text: str
    links: int
    owner: HtmlElement
    negative: int  # index of its innermost negative-hinted ancestor in ``Layout.negatives``, or -1

    @property
    def kind(self) -> str:
        """``heading``, ``item`` (list item) or ``text``."""
        tag = self.owner.tag
        if tag in HEADINGS:
            return "heading"
        return "item" if tag in ("li", "dt", "dd") else "text"


@dataclass
class Layout:
    """Segments in document order and, per block element, the range of segments inside it."""

    segments: list[Segment] = field(default_factory=list)
    ranges: dict[HtmlElement, tuple[int, int]] = field(default_factory=dict)
    negatives: list[tuple[HtmlElement, int, int]] = field(default_factory=list)
    weak: set[int] = field(default_factory=set)  # indexes of negatives hinted by weak words only


def layout(root: HtmlElement) -> Layout:
    """Walk ``root`` once (no recursion, no mutation) and cut its text into block segments."""
    out = Layout()
    segments, ranges, negatives = out.segments, out.ranges, out.negatives
    parts: list[str] = []  # text of the line being built
    links = 0  # its characters inside links
    quotes = 0  # open blockquotes
    link_depth = 0
    blocks: list[HtmlElement] = [root]
    negative_stack: list[int] = []
    skipped: HtmlElement | None = None  # the element whose subtree the walk just skipped
    starts: dict[HtmlElement, int] = {}

    walker = etree.iterwalk(root, events=("start", "end", "comment", "pi"))
    for event, element in walker:
        if event == "start":
            tag = element.tag
            if element is root:
                judged = 2 if is_negative(element) else 0
            else:
                judged = judge(element)
                if judged == SKIPPED:
                    walker.skip_subtree()
                    skipped = element  # its "end" comes next
                    continue
            negative = judged > SKIPPED
            if parts and tag in _BREAKS:
                _flush(parts, links, blocks[-1], negative_stack, quotes, segments)
                links = 0
            if tag in BLOCK_TAGS:
                blocks.append(element)
                starts[element] = len(segments)
            if negative:
                if judged == WEAK_HINT:
                    out.weak.add(len(negatives))
                negative_stack.append(len(negatives))
                negatives.append((element, len(segments), -1))
            if tag == "a":
                link_depth += 1
            elif tag == "blockquote":
                quotes += 1
            text = element.text
        elif event == "end":
            if element is skipped:
                skipped = None
            else:
                tag = element.tag
                if tag == "a":
                    link_depth -= 1
                if tag in CELLS:
                    parts.append(" ")
                    blocks.pop()
                    ranges[element] = (starts.pop(element), len(segments))
                elif tag in BLOCK_TAGS:
                    if parts:
                        _flush(parts, links, blocks[-1], negative_stack, quotes, segments)
                        links = 0
                    blocks.pop()
                    ranges[element] = (starts.pop(element), len(segments))
                    if tag == "blockquote":
                        quotes -= 1
                if negative_stack and negatives[negative_stack[-1]][0] is element:
                    index = negative_stack.pop()
                    negatives[index] = (element, negatives[index][1], len(segments))
            text = element.tail
        else:  # a comment or processing instruction: only its tail is page text
            text = element.tail
        if text:
            parts.append(text)
            if link_depth > 0:
                links += len(text.strip())
    if parts:
        _flush(parts, links, blocks[-1], negative_stack, quotes, segments)
    return out


def paragraphs(root: HtmlElement) -> list[str]:
    """The text lines of ``root`` in document order: the one paragraph splitter, for a site's
    chosen body as for the generic path's whole page."""
    return [segment.text for segment in layout(root).segments]


def _flush(
    parts: list[str],
    links: int,
    owner: HtmlElement,
    negative_stack: list[int],
    quotes: int,
    segments: list[Segment],
) -> None:
    """End the line being built: its text, whitespace collapsed, becomes a segment if not empty."""
    text = " ".join("".join(parts).split())
    if text:
        # Quoted matter (embedded posts) is content even inside a widget-named wrapper.
        negative = negative_stack[-1] if negative_stack and not quotes else -1
        segments.append(Segment(text, min(links, len(text)), owner, negative))
    parts.clear()
