"""Text fields as valid, printable Unicode: what a store, a JSON file or a terminal can take.

A page's structured data can carry anything JSON escapes allow: NUL (PostgreSQL refuses it in
text), lone surrogates (no encoder writes them: SQLite raises UnicodeEncodeError), other control
characters, noncharacters. They carry no meaning in an article, so they are deleted; tabs and
newlines (paragraphs) stay.
"""

from __future__ import annotations

import dataclasses
import re

from ingest.article import Article, content_hash

# C0 controls but tab and newline, DEL, C1 controls, surrogates, noncharacters.
_UNPRINTABLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
    "\U0001fffe\U0001ffff\U0010fffe\U0010ffff]"
)


def printable(text: str) -> str:
    """``text`` without control characters (tab and newline kept), surrogates, noncharacters."""
    return _UNPRINTABLE.sub("", text) if _UNPRINTABLE.search(text) else text


def _line(text: str) -> str:
    """A one-line field: cleaned, and its spaces collapsed where a deletion left two."""
    cleaned = printable(text)
    return cleaned if cleaned is text else " ".join(cleaned.split())


def printable_article(article: Article) -> Article:
    """Every text field of ``article`` printable; the same object when nothing needed it."""
    changes: dict[str, object] = {}
    for f in dataclasses.fields(article):
        value = getattr(article, f.name)
        cleaned: object
        if isinstance(value, str):
            cleaned = printable(value) if f.name == "body" else _line(value)
        elif isinstance(value, list) and value and isinstance(value[0], str):
            cleaned = [c for c in (_line(v) for v in value) if c]
            cleaned = value if cleaned == value else cleaned
        elif f.name == "images":
            cleaned = [
                dataclasses.replace(i, url=_line(i.url), caption=_line(i.caption),
                                    credit=_line(i.credit))
                for i in value
            ]  # fmt: skip
            cleaned = value if cleaned == value else cleaned
        else:
            continue
        if cleaned is not value:
            changes[f.name] = cleaned
    if not changes:
        return article
    if "body" in changes:
        changes["content_hash"] = content_hash(str(changes["body"]))
    return dataclasses.replace(article, **changes)  # type: ignore[arg-type]
