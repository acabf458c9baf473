"""Boilerplate removal for article paragraphs: the rules of ``boilerplate_rules`` in context.

A line is judged alone first; then its neighbours decide the kinds that need them (a related
headline next to a promo line, a bio at the very end). The rules speak the page's language
(``language``, ISO 639-1; every language pack when it is not known).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ingest.extract.boilerplate_rules import Rules, is_headline_like, rules_for, site_patterns
from ingest.extract.script_lines import InlineScriptRule, is_script_code
from ingest.sites.base import Boilerplate

__all__ = ["CleanResult", "classify", "clean_paragraphs", "is_script_code"]


@dataclass
class CleanResult:
    """Paragraphs to keep, the indexes removed per kind, and what the removed lines told us."""

    kept: list[str]
    removed: dict[str, list[int]] = field(default_factory=dict)
    original_source: str = ""
    script_ids: list[str] = field(default_factory=list)


def classify(
    paragraph: str, boilerplate: Boilerplate | None = None, language: str | None = None
) -> str | None:
    """The boilerplate kind of one paragraph on its own, or None to keep it.

    ``related_headline`` needs neighbours, so only ``clean_paragraphs`` reports it.
    """
    text = " ".join(paragraph.split())
    return _classify(text, boilerplate, rules_for(language)) if text else None


def _classify(text: str, boilerplate: Boilerplate | None, rules: Rules) -> str | None:
    """:func:`classify` of a non-empty line with its whitespace already collapsed."""
    if InlineScriptRule.matches(text):
        return InlineScriptRule.kind
    # "Read also" first: a teaser headline may itself mention Telegram.
    for rule in (
        rules.ad_label,
        rules.read_also,
        rules.promo,
        rules.source,
        rules.photo_credit,
        rules.caption,
    ):
        if rule.matches(text, site_patterns(boilerplate, rule.kind)):
            return rule.kind
    return rules.bio.kind if rules.bio.matches(text) else None


def clean_paragraphs(
    paragraphs: list[str], boilerplate: Boilerplate | None = None, language: str | None = None
) -> CleanResult:
    """Drop boilerplate paragraphs, reporting input indexes; empty ones are dropped silently."""
    rules = rules_for(language)
    texts = [" ".join(p.split()) for p in paragraphs]
    kinds = [_classify(t, boilerplate, rules) if t else None for t in texts]
    live = [i for i, t in enumerate(texts) if t]
    _mark_trailing_bios(texts, kinds, live, rules)
    _mark_related_headlines(texts, kinds, live, rules)
    result = CleanResult(kept=[])
    for i in live:
        kind = kinds[i]
        if kind is None:
            result.kept.append(paragraphs[i].strip())
            continue
        result.removed.setdefault(kind, []).append(i)
        if kind == rules.source.kind and not result.original_source:
            site = site_patterns(boilerplate, kind)
            result.original_source = rules.source.source(texts[i], site) or ""
        if kind == InlineScriptRule.kind:
            ids = InlineScriptRule.ids(texts[i])
            result.script_ids.extend(x for x in ids if x not in result.script_ids)
    return result


def _mark_trailing_bios(
    texts: list[str], kinds: list[str | None], live: list[int], rules: Rules
) -> None:
    for i in reversed(live):
        if kinds[i] is None:
            if not rules.bio.matches_trailing(texts[i]):
                return
            kinds[i] = rules.bio.kind


def _mark_related_headlines(
    texts: list[str], kinds: list[str | None], live: list[int], rules: Rules
) -> None:
    """Mark headline-like runs that sit with boilerplate, never a subheading inside the article.

    A run of 1-3 headline-like lines is a related headline when it follows a bare "Read also"
    label, sits right before a promo line (the related-news box before the site's promo), is
    sandwiched between boilerplate lines, or lies in the trailing zone (only boilerplate after
    it) touching another boilerplate line. A subheading is followed by its section's text (or
    the photo opening it), and a list follows a line ending in ":", so both are kept.
    """
    pos = 0
    while pos < len(live):
        end = pos
        while end < len(live) and kinds[live[end]] is None and is_headline_like(texts[live[end]]):
            end += 1
        if end == pos:
            pos += 1
            continue
        prev = live[pos - 1] if pos > 0 else None
        prev_kind = kinds[prev] if prev is not None else None
        next_kind = kinds[live[end]] if end < len(live) else None
        trailing = all(kinds[i] is not None for i in live[end:])
        prev_text = texts[prev] if prev is not None else ""
        after_label = prev_kind == rules.read_also.kind and rules.read_also.is_bare(prev_text)
        list_intro = prev_kind is None and prev_text.endswith(":")
        sandwiched = prev_kind and next_kind not in (None, rules.photo_credit.kind)
        if end - pos <= 3 and (
            after_label
            or (not list_intro and (sandwiched or next_kind == rules.promo.kind))
            or (not list_intro and trailing and (next_kind or prev_kind))
        ):
            for i in live[pos:end]:
                kinds[i] = "related_headline"
        pos = end
