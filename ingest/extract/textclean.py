"""Clean a plain-text article dump: one paragraph per line, boilerplate lines out, metadata kept.

Text dumps lose the markup that would mark boilerplate, so the line-level rules of
``ingest.extract.boilerplate`` do all the work; line numbers refer to the input text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.extract.boilerplate import clean_paragraphs
from ingest.extract.language import detect_language
from ingest.sites.base import Boilerplate

_URL_ID = re.compile(r"/(\d{4,})(?:-[\w-]*)?(?:\.html?)?/?(?:[?#].*)?$")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))


@dataclass
class CleanedText:
    """The clean body of a text dump and what the removed lines told us."""

    body: str  # kept lines joined by "\n"
    lines: list[str]
    removed: dict[str, list[int]] = field(default_factory=dict)  # kind -> 0-based input lines
    original_source: str = ""
    source_article_id: str = ""  # from script leftovers such as news4518848 / id=4518848
    language: str = ""


def normalize_line(line: str) -> str:
    """One line with invisible characters dropped and whitespace (NBSP too) collapsed."""
    return " ".join(line.translate(_INVISIBLE).split())


def clean_text(
    text: str, boilerplate: Boilerplate | None = None, declared_language: str | None = None
) -> CleanedText:
    """Clean ``text`` line by line; ``boilerplate`` adds a site's phrases to the general rules."""
    raw = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines = [normalize_line(line) for line in raw]
    # The language of the raw lines chooses the words the rules look for.
    language = detect_language("\n".join(lines)[:3000], declared_language)
    result = clean_paragraphs(lines, boilerplate, language)
    body = "\n".join(result.kept)
    return CleanedText(
        body=body,
        lines=list(result.kept),
        removed=result.removed,
        original_source=result.original_source,
        source_article_id=_article_id(result.script_ids, result.original_source),
        language=detect_language(body, declared_language),
    )


def _article_id(script_ids: list[str], original_source: str) -> str:
    """The first id in script leftovers, else the id in an ``/{id}-{slug}`` source URL."""
    if script_ids:
        return script_ids[0]
    match = _URL_ID.search(original_source) if "/" in original_source else None
    return match.group(1) if match else ""
