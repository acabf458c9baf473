"""Field comparisons shared by the metadata layouts (Fundus pages, ru-uk golden pages)."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from datetime import datetime

# \w+ runs, except that each CJK ideograph, kana or hangul syllable is a token of its own.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
_TOKEN = re.compile(f"[{_CJK}]|[^\\W{_CJK}]+")
_QUOTES = str.maketrans({c: '"' for c in "“”„‟«»″〝〞＂"} | {c: "'" for c in "‘’‚‛‹›′`´＇"})


def bag(text: str) -> Counter[str]:
    """Casefolded word tokens of ``text`` as a multiset, each CJK character a token."""
    return Counter(_TOKEN.findall(text.casefold()))


def bag_f1(true: str, pred: str) -> float:
    """Bag-of-words F1 of one page (1 when both are empty)."""
    t, p = bag(true), bag(pred)
    if not t and not p:
        return 1.0
    common = sum((t & p).values())
    if not common:
        return 0.0
    precision, recall = common / sum(p.values()), common / sum(t.values())
    return 2 * precision * recall / (precision + recall)


def norm_title(title: str) -> str:
    """NFKC, quotes unified, whitespace collapsed."""
    return " ".join(unicodedata.normalize("NFKC", title or "").translate(_QUOTES).split())


def title_exact(true: str, pred: str) -> float:
    """1 when the normalised titles are equal."""
    return float(norm_title(true) == norm_title(pred))


def authors_f1(true: list[str] | tuple[str, ...], pred: list[str] | tuple[str, ...]) -> float:
    """Set F1 of casefolded names; 0 when nothing is shared, even when both name nobody."""
    t = {" ".join(a.casefold().split()) for a in true if a.strip()}
    p = {" ".join(a.casefold().split()) for a in pred if a.strip()}
    common = len(t & p)
    return 2 * common / (len(t) + len(p)) if common else 0.0


def parse_when(value: str | None) -> datetime | None:
    """A labelled or extracted date or date-time ("2024-01-07", ISO, "2024-01-07 01:20:00+00:00")."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None


def same_day(true: str | None, pred: str | None) -> float:
    """1 when ``pred`` falls on the labelled day, read in the label's own offset."""
    t, p = parse_when(true), parse_when(pred)
    if t is None or p is None:
        return 0.0
    if t.tzinfo is not None and p.tzinfo is not None:
        p = p.astimezone(t.tzinfo)
    return float(t.date() == p.date())


def same_instant(true: str | None, pred: str | None, seconds: float = 60) -> float:
    """1 when ``pred`` is within ``seconds`` of the labelled instant (a naive one read as UTC)."""
    t, p = parse_when(true), parse_when(pred)
    if t is None or p is None:
        return 0.0
    if (t.tzinfo is None) != (p.tzinfo is None):
        t, p = t.replace(tzinfo=None), p.replace(tzinfo=None)
    return float(abs((t - p).total_seconds()) <= seconds)


def language_right(languages: list[str], pred: str) -> float:
    """1 when the predicted language (primary subtag) is one of the publisher's."""
    code = re.split(r"[-_]", (pred or "").lower(), maxsplit=1)[0]
    return float(bool(code) and code in {lang.lower() for lang in languages})
