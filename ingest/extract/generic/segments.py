"""One pass over the tree: the text lines of block elements, with link share and where each sits."""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree
from lxml.html import HtmlElement

from ingest.extract.generic.nodes import is_negative, is_skipped

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


def layout(root: HtmlElement) -> Layout:
    """Walk ``root`` once (no recursion, no mutation) and cut its text into block segments."""
    out = Layout()
    parts: list[str] = []
    state = {"links": 0, "quotes": 0}
    blocks: list[HtmlElement] = [root]
    negative_stack: list[int] = []
    skipped: list[HtmlElement] = []
    link_depth = 0
    starts: dict[HtmlElement, int] = {}

    def add(text: str | None, in_link: bool) -> None:
        if text:
            parts.append(text)
            if in_link:
                state["links"] += len(text.strip())

    def flush() -> None:
        if parts:
            text = " ".join("".join(parts).split())
            if text:
                links = min(state["links"], len(text))
                # Quoted matter (embedded posts) is content even inside a widget-named wrapper.
                quoted = state["quotes"] > 0
                negative = negative_stack[-1] if negative_stack and not quoted else -1
                out.segments.append(Segment(text, links, blocks[-1], negative))
            parts.clear()
        state["links"] = 0

    walker = etree.iterwalk(root, events=("start", "end", "comment", "pi"))
    for event, element in walker:
        tag = element.tag
        if event in ("comment", "pi"):
            add(element.tail, link_depth > 0)
            continue
        if event == "start":
            if element is not root and is_skipped(element):
                walker.skip_subtree()
                skipped.append(element)
                continue
            if (tag in BLOCK_TAGS and tag not in CELLS) or tag == "br":
                flush()
            if tag in BLOCK_TAGS:
                blocks.append(element)
                starts[element] = len(out.segments)
            if is_negative(element):
                negative_stack.append(len(out.negatives))
                out.negatives.append((element, len(out.segments), -1))
            if tag == "a":
                link_depth += 1
            elif tag == "blockquote":
                state["quotes"] += 1
            add(element.text, link_depth > 0)
            continue
        if skipped and skipped[-1] is element:
            skipped.pop()
            add(element.tail, link_depth > 0)
            continue
        if tag == "a":
            link_depth -= 1
        if tag in CELLS:
            parts.append(" ")
            blocks.pop()
            out.ranges[element] = (starts.pop(element), len(out.segments))
        elif tag in BLOCK_TAGS:
            flush()
            blocks.pop()
            out.ranges[element] = (starts.pop(element), len(out.segments))
            if tag == "blockquote":
                state["quotes"] -= 1
        if negative_stack and out.negatives[negative_stack[-1]][0] is element:
            index = negative_stack.pop()
            out.negatives[index] = (element, out.negatives[index][1], len(out.segments))
        add(element.tail, link_depth > 0)
    flush()
    return out
