"""The bundled snapshot's manifest, read the way tests need it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

SNAPSHOT = Path(__file__).resolve().parents[1] / "data" / "snapshot"
# Fields every expected JSON compares; `planted` is checked separately (absent from the body).
COMPARED_FIELDS = (
    "url",
    "canonical_url",
    "source",
    "source_article_id",
    "language",
    "title",
    "lead",
    "body",
    "authors",
    "published_at",
    "published_at_local",
    "modified_at",
    "section",
    "tags",
    "images",
    "original_source",
)


@dataclass(frozen=True)
class SnapshotArticle:
    """One good article of the snapshot with its expectations."""

    url: str
    html_path: Path
    expected: dict[str, Any]

    @property
    def name(self) -> str:
        return f"{self.expected['source_article_id']}-{self.expected['language']}"


@cache
def manifest() -> dict[str, Any]:
    return json.loads((SNAPSHOT / "manifest.json").read_text("utf-8"))


def captured_at() -> datetime:
    return datetime.fromisoformat(manifest()["captured_at"])


def articles() -> list[SnapshotArticle]:
    out = []
    for url, res in manifest()["resources"].items():
        if res.get("kind") == "article" and res.get("expected"):
            expected = json.loads((SNAPSHOT / res["expected"]).read_text("utf-8"))
            out.append(SnapshotArticle(url, SNAPSHOT / res["file"], expected))
    return sorted(out, key=lambda a: a.name)


def bad_resources() -> dict[str, dict[str, Any]]:
    return {u: r for u, r in manifest()["resources"].items() if r.get("kind") == "bad"}
