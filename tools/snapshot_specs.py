"""Specs of the synthetic korrespondent.net snapshot, read from hand-written JSON in
``tools/snapshot_data/``: ``common.json`` (capture time, author ids, tweets, broken pages) and
``articles-ru.json`` / ``articles-uk.json`` (one object per article of each edition).

``tools/build_snapshot.py`` turns these into the HTML pages, feeds, sitemaps, day archives, the
manifest and the expected JSON of every good article. No real korrespondent.net page exists on
this machine: the markup follows ../shared/sites/korrespondent.md, the wording follows the real
2020 text dump (../shared/sites/korrespondent-2020-text.xml). Every story here is invented.

Article fields
    id, lang ("ru" | "uk"), section (URL section path), when (Kyiv time, "YYYY-MM-DD HH:MM"),
    relative (show "Сегодня"/"Вчера" instead of the date and carry no JSON-LD), modified (Kyiv
    time or null; JSON-LD dateModified), title, label ([text, "start" | "end"] as an <em> inside
    the h1, not part of the title), slug (only when not the transliterated title), lead, body,
    authors, tags, image ({caption, credit, fallback} or null; fallback = the img lacks
    its class), disc (where discovery lists it: F = RSS feeds, S = sitemap, A = day archive).

Body items
    "text" is a <p>; ["div" | "h3" | "blockquote", "text"]; ["ul", ["item", ...]].
    Inline markup: {K} is the site name in the CMS's red <span><strong>; [text](url) a link.
    "@kind[:arg]" plants boilerplate (rendered by build_snapshot.PLANTS):
      @script                inline module script + its #nk{id} box
      @script_text[:smart|:oneline]   the same script pasted as paragraph text
      @promo[:whatsapp]      the Telegram (or Telegram + WhatsApp) promo
      @read_also:ID / @read_also_caps:ID   "Читайте также:" teaser with the headline of ID
      @related:ID            a bare linked headline of ID
      @src:NAME / @mat:NAME / @src_link:NAME|URL   source line ("Источник: NAME", "За материалами: NAME")
      @photo:NAME / @photo_em:NAME   a stray "Фото: NAME" credit line
      @ad                    <p><em>Реклама</em></p>
      @tg:POST / @tweet:KEY  a Telegram post embed / a Twitter blockquote (see TWEETS)
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

_DATA = Path(__file__).resolve().parent / "snapshot_data"


def _load(name: str) -> Any:
    return json.loads((_DATA / name).read_text("utf-8"))


_COMMON = _load("common.json")
CAPTURED_AT: str = _COMMON["captured_at"]
AUTHOR_IDS: dict[str, int] = _COMMON["author_ids"]
TWEETS: dict[str, dict[str, str]] = _COMMON["tweets"]
# Broken pages that discovery links to (kind "bad" in the manifest).
BAD: list[dict[str, Any]] = _COMMON["bad"]
RU: list[dict[str, Any]] = _load("articles-ru.json")  # korrespondent.net
UK: list[dict[str, Any]] = _load("articles-uk.json")  # ua.korrespondent.net
ARTICLES = RU + UK
