"""Sitemaps and feeds parsed without their entity declarations (a DTD's internal subset).

No sitemap or feed needs a DTD; a declared entity is either an attack (an amplification bomb
libxml2 stops at, silently dropping every entry after it) or junk. The declaration is cut out
before parsing, and references to entities it declared are then unknown and dropped.
"""

from __future__ import annotations

import re

from lxml import etree

_DOCTYPE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)
_PARSER = etree.XMLParser(
    recover=True,
    resolve_entities=False,
    no_network=True,
    huge_tree=False,
    remove_comments=True,
    load_dtd=False,
)


def without_doctype(body: bytes) -> tuple[bytes, bool]:
    """``body`` without the ``<!DOCTYPE …[…]>`` that declares entities; whether it had one.

    A DOCTYPE with no internal subset declares nothing (an external DTD is never loaded) and
    stays: an HTML error page still reads as not XML.
    """
    found = _DOCTYPE.search(body, 0, 4096)
    if found is None:
        return body, False
    end = _declaration_end(body, found.end())
    if b"[" not in body[found.end() : end]:
        return body, False
    return body[: found.start()] + body[end:], True


def parse_xml(body: bytes) -> tuple[etree._Element | None, bool]:
    """The root element of a sitemap or feed (None when unreadable) and whether a DTD was cut."""
    body, had_doctype = without_doctype(body)
    try:
        return etree.fromstring(body, _PARSER), had_doctype
    except etree.XMLSyntaxError:
        return None, had_doctype


def _declaration_end(body: bytes, i: int) -> int:
    """Index just past the ``>`` closing a DOCTYPE, skipping quoted strings and ``[…]``."""
    depth, quote = 0, 0
    while i < len(body):
        byte = body[i]
        if not quote and body.startswith(b"<!--", i):  # a comment may hold a lone quote
            close = body.find(b"-->", i + 4)
            i = len(body) if close < 0 else close + 3
            continue
        if quote:
            quote = 0 if byte == quote else quote
        elif byte in b"\"'":
            quote = byte
        elif byte == ord("["):
            depth += 1
        elif byte == ord("]"):
            depth = max(depth - 1, 0)
        elif byte == ord(">") and depth == 0:
            return i + 1
        i += 1
    return len(body)
