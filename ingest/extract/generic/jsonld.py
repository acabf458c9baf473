"""JSON-LD of a page: every object flattened out of lists and ``@graph``, broken JSON tolerated."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from lxml.html import HtmlElement

ARTICLE_TYPES = frozenset(
    "Article NewsArticle ReportageNewsArticle AnalysisNewsArticle OpinionNewsArticle "
    "BackgroundNewsArticle ReviewNewsArticle BlogPosting LiveBlogPosting Report "
    "ScholarlyArticle TechArticle SocialMediaPosting".split()
)
_TRAILING_COMMA = re.compile(r",\s*([\]}])")
_CONTROL = re.compile(r"[\x00-\x1f]")


def jsonld_objects(scripts: Iterable[HtmlElement]) -> list[dict[str, Any]]:
    """All JSON-LD objects in ``scripts`` (the page's); a block that does not parse even after
    repair is skipped."""
    objects: list[dict[str, Any]] = []
    for script in scripts:
        if "ld+json" not in (script.get("type") or "").lower():
            continue
        data = _loads(script.text or "")
        if data is not None:
            _flatten(data, objects)
    return objects


def article_object(objects: list[dict[str, Any]]) -> dict[str, Any]:
    """The first object typed as an article (any schema.org Article subtype), else ``{}``."""
    for item in objects:
        if types_of(item) & ARTICLE_TYPES:
            return item
    for item in objects:
        if "headline" in item or "articleBody" in item:
            return item
    return {}


def types_of(item: dict[str, Any]) -> set[str]:
    """The ``@type`` of an object as a set of bare names (``schema:NewsArticle`` → ``NewsArticle``)."""
    value = item.get("@type")
    values = value if isinstance(value, list) else [value]
    return {str(v).rsplit("/", 1)[-1].rsplit(":", 1)[-1] for v in values if v}


def text_of(value: Any) -> str:
    """A JSON-LD value as plain text: strings as they are, ``{"name": …}`` by name, lists joined."""
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, dict):
        return text_of(value.get("name") or value.get("@value") or "")
    if isinstance(value, list):
        return ", ".join(t for t in (text_of(v) for v in value) if t)
    return ""


def _loads(text: str) -> Any:
    text = text.strip()
    if text.startswith("<!--"):
        text = text.removeprefix("<!--").removesuffix("-->").strip()
    text = text.removeprefix("//<![CDATA[").removesuffix("//]]>").strip()
    for attempt in (text, _TRAILING_COMMA.sub(r"\1", _CONTROL.sub(" ", text))):
        try:
            return json.loads(attempt)
        except ValueError:
            continue
    return None


def _flatten(data: Any, out: list[dict[str, Any]], depth: int = 0) -> None:
    if depth > 5:
        return
    if isinstance(data, list):
        for item in data:
            _flatten(item, out, depth + 1)
    elif isinstance(data, dict):
        out.append(data)
        if "@graph" in data:
            _flatten(data["@graph"], out, depth + 1)
        main_entity = data.get("mainEntity")
        if isinstance(main_entity, dict) and types_of(main_entity) & ARTICLE_TYPES:
            out.append(main_entity)
