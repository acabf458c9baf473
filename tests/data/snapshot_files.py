"""The bundled snapshot's files (data/snapshot/) read as its tests need them: manifest, resources,
expected JSON and parsed pages; no extractor is run."""

from __future__ import annotations

import json
import re
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

import lxml.html

ROOT = Path(__file__).resolve().parents[2]
SNAPSHOT = ROOT / "data" / "snapshot"
GENERATOR = ROOT / "tools" / "build_snapshot.py"
EXPECTED_KEYS = [
    "url", "canonical_url", "source", "source_article_id", "language", "title", "lead", "body",
    "authors", "published_at", "published_at_local", "modified_at", "section", "tags", "images",
    "original_source", "planted",
]  # fmt: skip
PLANTED_KINDS = {
    "inline_script", "script_text", "promo", "read_also", "related_headline",
    "source_attribution", "photo_credit", "ad_label", "embed",
}  # fmt: skip
KINDS = {"article", "feed", "sitemap", "archive", "robots", "bad"}
SITE_HOSTS = {"korrespondent.net", "ua.korrespondent.net"}
RELATIVE = re.compile(r"\b(Сегодня|Вчера|Сьогодні|Вчора), (\d\d):(\d\d)\b")
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@cache
def manifest() -> dict[str, Any]:
    return json.loads((SNAPSHOT / "manifest.json").read_text("utf-8"))


def resources(kind: str | None = None) -> dict[str, dict[str, Any]]:
    return {u: r for u, r in manifest()["resources"].items() if kind is None or r["kind"] == kind}


@cache
def expected(url: str) -> dict[str, Any]:
    return json.loads((SNAPSHOT / resources()[url]["expected"]).read_text("utf-8"))


@cache
def page(url: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring((SNAPSHOT / resources()[url]["file"]).read_bytes())


def good_urls() -> list[str]:
    return sorted(u for u, r in resources("article").items() if r.get("expected"))


def text(el: lxml.html.HtmlElement) -> str:
    return " ".join(el.text_content().split())


def captured() -> datetime:
    return datetime.fromisoformat(manifest()["captured_at"])
