"""Block-level text of an lxml subtree: one string per paragraph, heading or list item."""

from __future__ import annotations

from lxml.html import HtmlElement

BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "section",
        "article",
        "blockquote",
        "ul",
        "ol",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "figure",
        "figcaption",
        "table",
        "tr",
        "pre",
        "header",
        "footer",
        "aside",
        "main",
        "dl",
        "dt",
        "dd",
    ]
)
_SKIP_TAGS = frozenset(
    ["script", "style", "noscript", "template", "iframe", "svg", "form", "button"]
)


def normalize_space(text: str) -> str:
    """Collapse runs of whitespace (including NBSP) to one space and trim."""
    return " ".join(text.replace("\xa0", " ").split())


def block_texts(root: HtmlElement) -> list[str]:
    """Texts of the leaf blocks under ``root`` in document order; inline markup stays inline.

    An element holding block children is split: its own loose text becomes a paragraph too, so a
    ``<div>`` that mixes text and ``<p>`` loses nothing.
    """
    out: list[str] = []
    _walk(root, out)
    return [t for t in out if t]


def _walk(element: HtmlElement, out: list[str]) -> None:
    if not isinstance(element.tag, str) or element.tag in _SKIP_TAGS:
        return
    if not any(isinstance(c.tag, str) and c.tag in BLOCK_TAGS for c in element):
        out.append(normalize_space(_inline_text(element)))
        return
    pending = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and child.tag in BLOCK_TAGS:
            out.append(normalize_space("".join(pending)))
            pending = []
            _walk(child, out)
        elif isinstance(child.tag, str) and child.tag not in _SKIP_TAGS:
            pending.append(_inline_text(child))
        if child.tail:
            pending.append(child.tail)
    out.append(normalize_space("".join(pending)))


def _inline_text(element: HtmlElement) -> str:
    """Text of an inline element, skipping script-like children; ``<br>`` counts as a space."""
    parts: list[str] = [element.text or ""] if element.tag not in _SKIP_TAGS else []
    for child in element:
        if isinstance(child.tag, str) and child.tag not in _SKIP_TAGS:
            parts.append(" " if child.tag == "br" else _inline_text(child))
        if child.tail:
            parts.append(child.tail)
    return "".join(parts)
