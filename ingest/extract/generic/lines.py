"""Line-level judgements on segments: prose, page chrome, titles repeated in the body, date lines."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ingest.extract.generic.segments import Segment
from ingest.lang import codes_for, words_of

if TYPE_CHECKING:
    from ingest.extract.generic.body import MainText

_SENTENCE_END = re.compile(r"[.!?…。！？:;\"'”»)]\s*$")
_ALL = codes_for(None)  # the layout runs before the page's language is known: every pack
_MONTH = words_of("month", _ALL)
_DATE_PART = re.compile(
    r"\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?|\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\b\d{1,2}(?:st|nd|rd|th)?\b|"
    r"\b\d{4}\b|\b(?:" + _MONTH + r")\w*\.?",
    re.IGNORECASE,
)
# A calendar date (not a bare clock time: live blogs use "10 p.m." as section markers).
_CALENDAR = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\b\d{4}\b|\b(?:" + _MONTH + r")", re.I)
_DATE_WORDS = re.compile(
    rf"\b(?:{words_of('date_word', _ALL)})\b|{words_of('date_word_bare', _ALL)}", re.IGNORECASE
)
# Name connectors of a closing line of names ("Anna Muster und Jörg Beispiel").
_CONNECTORS = frozenset(w for w in words_of("and", _ALL).split("|") if w.isalpha())
# Owners whose short text is an editorial line; loose text in a div or span is usually a widget.
_TEXT_OWNERS = frozenset("p h2 h3 h4 h5 h6 li dt dd blockquote pre tr td th".split())


def is_prose(segment: Segment) -> bool:
    """A line that reads like article text: long enough, sentence-shaped, mostly not links."""
    length = len(segment.text)
    if segment.links * 2 > length:
        return False
    if length >= 120:
        return True
    return length >= 30 and bool(_SENTENCE_END.search(segment.text))


def is_date_line(text: str) -> bool:
    """A short line that is only a date stamp ("20 Nov, 2019 05:47", "Updated 5 May at 1:23")."""
    if len(text) > 80 or not _CALENDAR.search(text):
        return False
    rest = _DATE_WORDS.sub(" ", _DATE_PART.sub(" ", text))
    return not re.search(r"\w{2,}", rest)


def is_signoff(text: str) -> bool:
    """A closing line of names only ("Ярослав Кузишин, Антон Зелинский"): the byline again."""
    words = text.replace(",", " ").replace("&", " ").split()
    if not 2 <= len(words) <= 10 or _SENTENCE_END.search(text) or re.search(r"\d", text):
        return False
    return all(w[0].isupper() or w.casefold() in _CONNECTORS for w in words)


def is_widget_text(segment: Segment) -> bool:
    """Short, unpunctuated loose text outside editorial blocks: labels, buttons, counters."""
    if segment.owner.tag in _TEXT_OWNERS:
        return False
    text = segment.text
    return len(text) < 40 and not _SENTENCE_END.search(text)


_WORD = re.compile(r"\w+")


def repeats_body(lead: str, paragraphs: list[str]) -> bool:
    """True when ``lead`` (a page description) is the opening of the body again, maybe cut short."""
    words = _WORD.findall(lead.casefold())
    if not words:
        return True
    opening = " ".join(_WORD.findall(" ".join(paragraphs).casefold()))
    if len(words) < 4:
        return " ".join(words) in opening
    shingles = {" ".join(words[i : i + 4]) for i in range(len(words) - 3)}
    # Four words in a row of the body, found by substring search (spaces bound whole words).
    padded = f" {opening} "
    found = sum(1 for shingle in shingles if f" {shingle} " in padded)
    return found >= 0.5 * len(shingles)


def standfirst(description: str, main: MainText) -> str:
    """The page description as lead when the page shows it and it is not the body's opening again;
    a description shown nowhere is a search-engine summary, not part of the article."""
    words = _WORD.findall(description.casefold())[:12]
    if not words:
        return ""
    # Its first words in a row on the page, apart from punctuation and spacing (the first and
    # last may be cut, as when the page's words are joined by spaces and searched as a string).
    # Asked first: it is cheaper than comparing the description with the body.
    key = re.compile(r"\W+".join(map(re.escape, words)))
    if not key.search(" ".join(main.page_lines).casefold()):
        return ""
    return "" if repeats_body(description, main.paragraphs) else description
