"""The boilerplate rules, one named rule per kind, written once; their words come from the packs.

Every rule is conservative on purpose: a wrong removal loses article text for good, a miss only
leaves one stray line. Site phrases (``Boilerplate``) extend the general ones, never replace them.
Rules judge one line; ``ingest.extract.boilerplate`` adds the context (neighbours, position).
A rule's ``{slot}`` holes are filled with the words of the page's language packs
(``ingest.lang``), so the same rule reads "Read also", "Lesen Sie auch" and "Czytaj także".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ingest.lang import codes_for, vocabulary
from ingest.sites.base import Boilerplate

Patterns = tuple[re.Pattern[str], ...]
_CAPS = "A-ZА-ЯІЇЄҐ"
_SLOT = re.compile(r"\{([a-z_]+)\}")
_STRUCTURAL = {"capital": rf"\s(?-i:(?=[{_CAPS}]))"}  # a capitalised word glued on mid-line


def _compile(template: str, codes: tuple[str, ...], flags: int = re.I | re.X) -> re.Pattern[str]:
    """``template`` with each ``{slot}`` replaced by the slot's words in the packs ``codes``."""
    words = {**vocabulary(codes), **_STRUCTURAL}
    return re.compile(_SLOT.sub(lambda m: words.get(m.group(1), "(?!)"), template), flags)


# A reporting clause ("..., the mayor said") marks a sentence of the story, not the site's voice.
_REPORTED = r"[,–—]\s*(?:[–—-]\s*)?(?:\w+\s+){0,4}?(?:{reporting})\b"
# Only the label on its line, or the site's paid-content footer; "Реклама алкоголя ..." is news.
_AD_LABEL = r"^(?:[\[(]?(?:{ad_label})[\])]?\s*[:.]?$|.*(?:{ad_footer}))"
# "Фото: X", "Foto: dpa", "Фото ілюстративне", an agency alone; "Photos of the damage ..." is news.
_PHOTO_CREDIT = r"""^(?:(?:{photo_label})\s*[:—–]|(?:{photo})\s+(?:{photo_illustrative})
    |(?:{illustrative_photo})|(?:{photo_agency})(?:\s*/.*)?$|(?:{photo_alone})$)"""
# An imperative opening the line or a sentence (or glued on capitalised), aimed at "us", a
# channel or a network; "readers may subscribe ..." inside a sentence is not one.
# A caption whose line ends in its credit: "… in Littleton, Colo. (AP Photo/David Zalubowski)",
# "… (Image: GETTY)", "… (Foto: dpa)"; the credit belongs to the image, the caption with it.
_CAPTION = r".*[^.!?…\s]\s*[.!?]?\s*\((?:(?:{photo_label})\s*[:/][^()]{1,60}|(?:{photo_agency})\s*(?:/[^()]{1,40})?)\)\s*$"
_CALL = r"""(?:^|[.!:]\s+|{capital})
    (?:(?:{subscribe})\b.{0,60}?\b(?:{us_or_ours}|{channel}|{network})
    |(?:{follow})(?![\w-])(?:\s+(?:{us})\b|.{0,60}?\b(?:{channel}|{network})))\b"""
# "News from X on Telegram", "Читайте X в Telegram": the network closes the phrase.
_ON = r"""^(?:(?:(?:{more})\s+)?(?:{news})|{read_on})\b.{1,60}?\s(?:{on}|—|–)\s+(?:(?:{our})\s+)?
    (?:{network})(?:[\s-]*(?:{channel}))?(?:\s*(?:,|{and})\s*(?:{network}))*\s*(?:[.!:]|$|{capital})"""
# "We are on Telegram", "Наш канал в Telegram": the site speaking about its own channel.
_OURS = r"""^(?:(?:{we_are})\s+(?:{on})\s+(?:{network})
    |(?:{our_adj})\s+(?:\w+[\s-]+)?(?:{our_page}))\b"""
_LINK = re.compile(r"https?://(?:t\.me|wa\.me|chat\.whatsapp\.com|invite\.viber\.com)/", re.I)
_READ_ALSO = r"""^(?:({read_also})|({read_also_weak}))\s*(?:([:—–>»→👉▶-])|$)?\s*(.*)$"""
_SOURCE = r"^(?:(?:{source_label})\s*[:—–]|{source_phrase})\s*"
_BIO_FIRST = r"""^(?:{bio_intro})(?P<rest>.*)$|^(?:{bio_own})(?P<own>.*)$
    |^(?:{bio_as})(?P<as>(?:\w+\s+){0,3}?(?:{profession})\b.*(?-i:\bI\b).*)$"""
# A bio, unlike a first-person sentence in a column, names the writer or states credentials.
_BIO_NAMED = re.compile(rf"^(?:[{_CAPS}][\w'’-]+\s+){{1,3}}?[{_CAPS}][\w'’-]+,")
_BIO_THIRD = (
    r"^(?:[A-Z][\w'’-]+\s+){1,2}[A-Z][\w'’-]+\s+(?:{bio_is})\s+.{0,40}?\b(?:{profession})\b"
)


@lru_cache(maxsize=256)
def _words(text: str) -> int:
    # Every rule asks for the count of the same line: split it once.
    return len(text.split())


@lru_cache(maxsize=64)
def site_patterns(boilerplate: Boilerplate | None, kind: str) -> Patterns:
    return tuple(re.compile(p, re.I) for p in getattr(boilerplate, kind, ())) if boilerplate else ()


def _site_match(text: str, patterns: Patterns) -> re.Match[str] | None:
    return next((m for p in patterns if (m := p.match(text))), None)


@dataclass(frozen=True)
class LineRule:
    """A kind recognised from a short line's opening alone (labels, credits)."""

    kind: str
    pattern: re.Pattern[str]
    max_words: int

    def matches(self, text: str, site: Patterns = ()) -> bool:
        return _words(text) <= self.max_words and bool(
            self.pattern.match(text) or _site_match(text, site)
        )


class Rules:
    """The rules compiled for one set of language packs (see :func:`rules_for`)."""

    def __init__(self, codes: tuple[str, ...]) -> None:
        self.codes = codes
        self.reported = _compile(_REPORTED, codes)
        self.ad_label = LineRule("ad_label", _compile(_AD_LABEL, codes), 40)
        self.photo_credit = LineRule("photo_credit", _compile(_PHOTO_CREDIT, codes), 12)
        self.caption = LineRule("photo_caption", _compile(_CAPTION, codes), 80)
        self.promo = PromoRule(self)
        self.read_also = ReadAlsoRule(_compile(_READ_ALSO, codes))
        self.source = SourceAttributionRule(_compile(_SOURCE, codes))
        self.bio = AuthorBioRule(self)


@lru_cache(maxsize=32)
def _rules(codes: tuple[str, ...]) -> Rules:
    return Rules(codes)


def rules_for(language: str | None) -> Rules:
    """The rules with the words of ``language`` (every pack when it is not known)."""
    return _rules(codes_for(language))


class PromoRule:
    """Subscribe/follow-us lines naming a channel, network or newsletter."""

    kind = "promo"

    def __init__(self, rules: Rules) -> None:
        self._reported = rules.reported
        self._call = _compile(_CALL, rules.codes)
        self._on = _compile(_ON, rules.codes)
        self._ours = _compile(_OURS, rules.codes)

    def matches(self, text: str, site: Patterns = ()) -> bool:
        """Short lines only: a long paragraph that mentions a channel is an article sentence."""
        n = _words(text)
        if n > 40:
            return False
        if _site_match(text, site):
            return True
        called = (
            self._call.search(text)
            or (n <= 20 and self._on.match(text))
            or (n <= 12 and (_LINK.search(text) or self._ours.match(text)))
        )
        # Not an official's call quoted in a news sentence (asked last: most lines call nobody).
        return bool(called) and not self._reported.search(text)


class ReadAlsoRule:
    """Teasers such as "Read also": the label alone, or the label with a headline glued on."""

    kind = "read_also"

    def __init__(self, label: re.Pattern[str]) -> None:
        self._label = label

    def matches(self, text: str, site: Patterns = ()) -> bool:
        """A strong label may carry a headline; a weak one ("Related") needs a colon or dash."""
        m = self._label.match(text)
        if m and _words(text) <= 30:
            strong, sep, rest = m.group(1), m.group(3), m.group(4)
            if not rest or (sep and (strong or _words(rest) <= 25)):
                return True
            if strong and (text.isupper() or is_headline_like(rest, min_words=2)):
                return True
        return _words(text) <= 30 and bool(_site_match(text, site))

    def is_bare(self, text: str) -> bool:
        """The label alone: the headlines it introduces follow on their own lines."""
        m = self._label.match(text)
        return bool(m and not m.group(4))


class SourceAttributionRule:
    """A standalone "Source: X" / "Quelle: X" / "За материалами X" line; X is ``original_source``."""

    kind = "source_attribution"

    def __init__(self, line: re.Pattern[str]) -> None:
        self._line = line

    def source(self, text: str, site: Patterns = ()) -> str | None:
        """X of an attribution line, or None: X must be a short name or a URL, not a sentence."""
        m = self._line.match(text) or _site_match(text, site)
        name = text[m.end() :].strip().rstrip(".").strip(" \"'«»“”") if m else ""
        if re.fullmatch(r"(?:https?://|www\.)\S+", name):
            return name
        if not name or _words(name) > 6 or len(name) > 80 or re.search(r"[.!?]\s", name):
            return None
        return name

    def matches(self, text: str, site: Patterns = ()) -> bool:
        return self.source(text, site) is not None


class AuthorBioRule:
    """A republisher's self-introduction ("I am X, a writer for Y"); not the article's author."""

    kind = "republisher_author_bio"

    def __init__(self, rules: Rules) -> None:
        codes = rules.codes
        self._reported = rules.reported
        self._first = _compile(_BIO_FIRST, codes)
        self._vocab = _compile(r"\b(?:{profession})\b", codes)
        self._mark = _compile(r"{bio_mark}", codes)
        self._third = _compile(_BIO_THIRD, codes, 0)

    def matches(self, text: str) -> bool:
        """Self-introduction with a profession early in its first sentence, then a name or mark."""
        m = self._first.match(text)
        if not m or _words(text) < 5 or self._reported.search(text):
            return False
        rest = m.group("rest") or m.group("own") or m.group("as") or ""
        first = " ".join(re.split(r"(?<=[.!?])\s", rest, maxsplit=1)[0].split()[:12])
        if not self._vocab.search(first):
            return False
        return bool(m.group("own") or _BIO_NAMED.match(rest) or self._mark.search(text))

    def matches_trailing(self, text: str) -> bool:
        """Third-person bio; trusted only at the end, as news mentions journalists all the time."""
        return bool(self._third.match(text) and self._mark.search(text))


def is_headline_like(text: str, min_words: int = 4) -> bool:
    """One short capitalised line without sentence-final punctuation: the shape of a headline."""
    core = text.rstrip("\"'»”’)] ")
    if not core or not (min_words <= _words(text) <= 20) or len(text) > 160:
        return False
    first = text.lstrip("«“\"'„ ")[:1]
    if not (first.isupper() or first.isdigit()) or core[-1] in ".!?…:;,":
        return False
    return not re.search(rf"[.!?]\s+[{_CAPS}]", text)
