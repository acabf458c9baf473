"""Parse a page once: the lxml tree every extraction step shares."""

from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import lxml.html
from lxml.html import HtmlElement

from ingest.errors import ExtractionError
from ingest.extract.encoding import decode_html


@dataclass
class Page:
    """A fetched HTML page, parsed once; extraction steps read ``tree`` and never re-parse ``html``."""

    url: str
    tree: HtmlElement
    fetched_at: datetime
    # Results derived from the tree that several steps need (the generic layout): computed once.
    derived: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)


def parse_html(html: str | bytes, url: str, fetched_at: datetime) -> Page:
    """Parse ``html`` (text, or bytes decoded from the page's own declarations) into a Page."""
    if not html or html.isspace():  # (strip() would copy the whole page to say so)
        raise ExtractionError("empty_page", url)
    try:
        tree = parse_tree(html)
    except (ValueError, lxml.etree.ParserError) as exc:
        raise ExtractionError("unparsable_html", url, str(exc)) from exc
    return Page(url=url, tree=tree, fetched_at=fetched_at)


_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
_local = threading.local()  # lxml parsers must not be shared between threads


def parse_tree(html: str | bytes, content_type: str | None = None) -> HtmlElement:
    """An lxml document from text, or from bytes decoded by the one decoder the crawl uses too
    (:func:`ingest.extract.encoding.decode_html`)."""
    if isinstance(html, bytes):
        html = decode_html(html, content_type)
    if "ld+json" in html:
        html = quote_script_ends_in_jsonld(html)
    # lxml refuses str input carrying an XML encoding declaration: hand it UTF-8 bytes, said so.
    # Control characters are not allowed in XML text: lxml parses them but a later edit of the
    # tree (drop_tree moving a tail) raises ValueError (found by fuzzing). Browsers ignore them.
    # In UTF-8 they are single bytes no other character contains, so deleting the bytes deletes
    # exactly them, at a twentieth of the cost of a regex over the text.
    data = html.encode("utf-8").translate(None, _CONTROL_BYTES)
    if not hasattr(_local, "utf8"):
        _local.utf8 = _parser()
    return lxml.html.document_fromstring(data, parser=_local.utf8)


def cut_short(html: str) -> bool:
    """Whether the page ends before its ``</body>`` or ``</html>``: the server closed it early
    (or sent a Content-Length that fits the cut), so the article may be missing its end."""
    tail = html[-16384:]
    return not _DOCUMENT_END.search(tail)


_DOCUMENT_END = re.compile(r"</(?:body|html)\b", re.IGNORECASE)
_JSONLD_OPEN = re.compile(r"<script\b[^>]*ld\+json[^>]*>", re.IGNORECASE)
# Inside a JSON-LD block: a JSON string (escapes included), or the end tag that closes the block.
_JSON_STRING_OR_END = re.compile(r'"(?:[^"\\]|\\.)*"|</script', re.IGNORECASE | re.DOTALL)
_SCRIPT_END_IN_STRING = re.compile(r"</(script)", re.IGNORECASE)


def quote_script_ends_in_jsonld(html: str) -> str:
    """``</script`` inside a JSON-LD string written as ``<\\/script``, as JSON allows.

    HTML ends a script at the first ``</script``, even inside a JSON string: the rest of the
    JSON would spill into the body as text. A block is repaired only when the JSON up to the
    real end (the first ``</script`` outside a string) then parses; anything else is left as is.
    """
    out, done = [], 0
    for opener in _JSONLD_OPEN.finditer(html):
        if opener.start() < done:
            continue
        start, end, quoted = opener.end(), -1, False
        for token in _JSON_STRING_OR_END.finditer(html, start):
            if token.group().startswith('"'):
                quoted = quoted or "</" in token.group()
                continue
            end = token.start()
            break
        if end < 0 or not quoted:
            continue
        block = _SCRIPT_END_IN_STRING.sub(r"<\\/\1", html[start:end])
        try:
            json.loads(block)
        except ValueError:
            continue
        out += [html[done:start], block]
        done = end
    return "".join(out) + html[done:] if out else html


def _parser() -> lxml.html.HTMLParser:
    """lxml.html's parser with a C-level class lookup: every element an ``HtmlElement``.

    lxml.html's own lookup calls Python for each element proxy (to give forms their classes,
    which extraction never uses); the walk over a page touches every element, so this is faster.
    """
    # No table of id attributes (nothing looks elements up by id): a little less to build.
    parser = lxml.html.HTMLParser(encoding="utf-8", collect_ids=False)
    parser.set_element_class_lookup(
        lxml.etree.ElementDefaultClassLookup(
            element=lxml.html.HtmlElement,
            comment=lxml.html.HtmlComment,
            pi=lxml.html.HtmlProcessingInstruction,
            entity=lxml.html.HtmlEntity,
        )
    )
    return parser
