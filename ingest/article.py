"""The article record (schema version 3): what every extractor returns and every store keeps."""

from __future__ import annotations

import copy
import hashlib
from dataclasses import asdict, dataclass, field, is_dataclass
from typing import Any

SCHEMA_VERSION = 3
KINDS = ("article", "liveblog")  # what a stored page is (v3)


@dataclass
class Image:
    """An image of the article; the credit lives here, never in the body."""

    url: str
    caption: str = ""
    credit: str = ""


@dataclass
class Article:
    """One clean article. Field meanings are documented in docs/schema.md."""

    url: str
    canonical_url: str = ""
    source: str = ""
    source_article_id: str = ""
    language: str = ""
    title: str = ""
    lead: str = ""
    body: str = ""
    authors: list[str] = field(default_factory=list)
    published_at: str | None = None
    published_at_local: str | None = None
    modified_at: str | None = None
    section: str = ""
    tags: list[str] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    original_source: str = ""
    fetched_at: str = ""
    parser: str = ""
    content_hash: str = ""
    # v2: links the store maintains (dedup across sources, editions of one article) and the
    # HTTP validators of the fetch, so a later crawl can ask "changed since?" (conditional GET).
    duplicate_of: str | None = None
    translations: list[str] = field(default_factory=list)
    http_etag: str = ""
    http_last_modified: str = ""
    # v3: what the page is: one article, or a live blog (a page of timed updates, stored too).
    kind: str = "article"
    schema_version: int = SCHEMA_VERSION

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready dict, field order as declared: what ``dataclasses.asdict`` gives,
        without its deep copy of every string (it was most of an export's time)."""
        data = {name: getattr(self, name) for name in self.__dataclass_fields__}
        for name, value in data.items():
            if not (value is None or type(value) in _LEAVES):
                data[name] = _plain(value)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """Inverse of :meth:`to_dict`; unknown keys are ignored so old readers survive new fields."""
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        known["images"] = [
            img if isinstance(img, Image) else Image(**img) for img in known.get("images", [])
        ]
        return cls(**known)


_LEAVES = (str, int, float, bool)


def _plain(value: Any) -> Any:
    """``value`` as ``asdict`` copies it: new lists and dicts, immutable leaves shared."""
    if value is None or type(value) in _LEAVES:
        return value
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, Image):
        return {"url": value.url, "caption": value.caption, "credit": value.credit}
    return (
        asdict(value)
        if is_dataclass(value) and not isinstance(value, type)
        else copy.deepcopy(value)
    )


def content_hash(body: str) -> str:
    """SHA-256 of the body with whitespace collapsed and case folded, so cosmetic edits don't count."""
    normalized = " ".join(body.split()).casefold()
    return "sha256:" + hashlib.sha256(normalized.encode("utf-8")).hexdigest()
