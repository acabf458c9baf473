"""The boilerplate rules, one named rule per kind, with general en/ru/uk phrases.

Every rule is conservative on purpose: a wrong removal loses article text for good, a miss only
leaves one stray line. Site phrases (``Boilerplate``) extend the general ones, never replace them.
Rules judge one line; ``ingest.extract.boilerplate`` adds the context (neighbours, position).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ingest.sites.base import Boilerplate

Patterns = tuple[re.Pattern[str], ...]
_CAPS = "A-ZА-ЯІЇЄҐ"
_TOKENS = {
    "NETWORK": r"telegram\w*|телеграм\w*|whats\s?app|viber|вайбер\w*|facebook|фейсбук\w*|youtube"
    r"|ютуб\w*|instagram|инстаграм\w*|інстаграм\w*|twitter|твиттер\w*|твітер\w*|tik\s?tok"
    r"|тикток|google\s+news|newsletters?|рассылк\w+|розсилк\w+",
    "PROFESSION": r"writer|journalist|editor|author|reporter|correspondent|columnist|blogger"
    r"|graduate|contributor|freelancer|copywriter|журналист\w*|журналіст\w*|редактор\w*"
    r"|автор\w*|писател\w*|письменни\w*|копирайтер\w*|копірайтер\w*|выпускни\w*|випускни\w*",
    "CAPITAL": rf"\s(?-i:(?=[{_CAPS}]))",  # a capitalised word glued on mid-line
}


def _rx(pattern: str, flags: int = re.I | re.X) -> re.Pattern[str]:
    """Compile ``pattern`` with the shared vocabularies substituted for their token names."""
    for token, alternatives in _TOKENS.items():
        pattern = pattern.replace(token, f"(?:{alternatives})")
    return re.compile(pattern, flags)


# A reporting clause ("..., the mayor said") marks a sentence of the story, not the site's voice.
_REPORTED = _rx(
    r"""[,–—]\s*(?:[–—-]\s*)?(?:\w+\s+){0,4}?(?:said|says|urged|wrote|added|told|призвал\w*
        |заявил\w*|сказал\w*|написал\w*|отметил\w*|сообщил\w*|закликав\w*|заявив\w*|сказав\w*
        |написав\w*|зазначив\w*|повідоми\w*)\b"""
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


def is_script_code(text: str) -> bool:
    """True for a line of script code a text scraper kept (widget functions, jQuery, ad pushes)."""
    return InlineScriptRule.matches(text)


class InlineScriptRule:
    """Script code and its leftovers: no article sentence looks like code, so no context needed."""

    kind = "inline_script"
    # Case-sensitive: prose starts sentences with capitals, JavaScript keywords are lowercase.
    _CODE = _rx(
        r"""^(?:function\b[\s\w$]*\(|(?:var|let|const)\s+[\w$]+\s*=|[\w$.]+\s*=\s*function\b
             |(?:if|for|while|return|try)\b.*[;{]$|</?script\b|<!--|//\s*<!\[CDATA\[)
          | ^[\s{}()\[\];,]+$ | ^[A-Za-z_$][\w$.]*\([^()]*\);$""",
        re.X,
    )
    # Code anywhere in the line, searched only when a literal it needs is there (searching
    # every line of every page for these was the costliest boilerplate rule).
    _CODE_INSIDE = re.compile(
        r"\$[.(]|\b(?:window|document)\.[A-Za-z_]|\b(?:googletag|adsbygoogle|dataLayer)\b"
    )
    _CODE_LITERALS = ("$", "window.", "document.", "googletag", "adsbygoogle", "dataLayer")
    # Identifier-with-number tokens (news4518848, nk4518848) and id= queries; ad-slot names such
    # as "div-gpt-ad-1591011" are skipped because a hyphen precedes their digits.
    _ID = re.compile(r"(?<![\w-])[A-Za-z_$]+(\d{4,})\b|[?&](?:\w+_)?id=(\d{4,})")

    @classmethod
    def matches(cls, text: str) -> bool:
        """Code by pattern, or by density: many code symbols and a statement-like ending."""
        if cls._CODE.match(text):
            return True
        if any(x in text for x in cls._CODE_LITERALS) and cls._CODE_INSIDE.search(text):
            return True
        if text[-1:] not in ";{}":
            return False
        return sum(text.count(c) for c in "{}();=$[]<>|&") >= max(4, len(text) * 0.12)

    @classmethod
    def ids(cls, text: str) -> list[str]:
        """Numeric ids in script leftovers (``function news4518848()``, ``id=4518848``)."""
        return [m.group(1) or m.group(2) for m in cls._ID.finditer(text)]


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


# Only the label on its line, or the site's paid-content footer; "Реклама алкоголя ..." is news.
AD_LABEL = LineRule(
    "ad_label",
    _rx(
        r"""^(?:[\[(]?(?:реклама|advertisement|advertising|ads?|sponsored(?:\s+content)?|promoted
             |paid\s+(?:content|post)|partner\s+content|партнерский\s+материал|партнерський
             \s+матеріал|партнерська\s+публікація|спонсорский\s+материал|на\s+правах\s+реклам[ыи]
             |промо)[\])]?\s*[:.]?$|.*(?:публикуются\s+на\s+правах\s+рекламы|публікуються\s+на
             \s+правах\s+реклами))"""
    ),
    40,
)
# "Фото: X", "Фото ілюстративне", "Видео: X", an agency alone; "Photos of the damage ..." is news.
PHOTO_CREDIT = LineRule(
    "photo_credit",
    _rx(
        r"""^(?:(?:photos?|image|фото|світлина|источник\s+фото|джерело\s+фото|(?:photo|image)
               \s+credit|video|видео|відео|скриншот|screenshot)\s*[:—–]
             |(?:фото|photo)\s+(?:ілюстративне|иллюстративное|illustrative|by\b|для\s+иллюстрации
               |для\s+ілюстрації|из\s+открытых\s+источников|з\s+відкритих\s+джерел|from\s+open)
             |(?:иллюстративное|ілюстративне|illustrative)\s+(?:фото|photo)
             |(?:getty\s+images|reuters|afp|epa|ap\s+photo|depositphotos|shutterstock|unsplash
               |pexels|pixabay)(?:\s*/.*)?$|(?:фото|photo|скриншот|screenshot)$)"""
    ),
    12,
)


class PromoRule:
    """Subscribe/follow-us lines naming a channel, network or newsletter, in en/ru/uk."""

    kind = "promo"
    # An imperative opening the line or a sentence (or glued on capitalised), aimed at "us", a
    # channel or a network; "readers may subscribe ..." inside a sentence is not one.
    _CALL = _rx(
        r"""(?:^|[.!:]\s+|CAPITAL)
          (?:(?:subscribe|sign\s+up|like\s+us|подписывайтесь|подпишитесь|підписуйтесь|підпишіться)\b
             .{0,60}?\b(?:us|our|channels?|нас|нам|наш\w*|канал\w*|NETWORK)
          |(?:follow|join|stay\s+(?:tuned|informed|up\s+to\s+date)|don'?t\s+miss|следите\s+за
             |слідкуйте\s+за|стежте\s+за|присоединяйтесь|приєднуйтесь|читайте|не\s+пропустите
             |не\s+пропустіть)(?![\w-])
             (?:\s+(?:us|нами?|к\s+нам|до\s+нас)\b|.{0,60}?\b(?:channels?|канал\w*|NETWORK)))\b"""
    )
    # "News from X on Telegram", "Читайте X в Telegram": the network closes the phrase.
    _ON = _rx(
        r"""^(?:(?:more\s+|больше\s+|більше\s+|все\s+|усі\s+)?(?:news|новост\w*|новин\w*)
             |read|follow|читайте|следите\s+за|слідкуйте\s+за|стежте\s+за)\b.{1,60}?\s
          (?:on|in|в|у|—|–)\s+(?:our\s+|нашем\s+|нашому\s+)?NETWORK(?:[\s-]*(?:channel|канал\w*))?
          (?:\s*(?:,|and|и|і|та)\s*NETWORK)*\s*(?:[.!:]|$|CAPITAL)"""
    )
    _LINK = re.compile(r"https?://(?:t\.me|wa\.me|chat\.whatsapp\.com|invite\.viber\.com)/", re.I)
    # "We are on Telegram", "Наш канал в Telegram": the site speaking about its own channel.
    _OURS = _rx(
        r"""^(?:(?:we(?:'re|\s+are)|мы|ми)\s+(?:on|in|в|у)\s+NETWORK
             |(?:наш\w*|our)\s+(?:\w+[\s-]+)?(?:канал\w*|channel|page|страниц\w*|сторінк\w*))\b"""
    )

    @classmethod
    def matches(cls, text: str, site: Patterns = ()) -> bool:
        """Short lines only: a long paragraph that mentions a channel is an article sentence."""
        n = _words(text)
        if n > 40:
            return False
        if _site_match(text, site):
            return True
        called = (
            cls._CALL.search(text)
            or (n <= 20 and cls._ON.match(text))
            or (n <= 12 and (cls._LINK.search(text) or cls._OURS.match(text)))
        )
        # Not an official's call quoted in a news sentence (asked last: most lines call nobody).
        return bool(called) and not _REPORTED.search(text)


class ReadAlsoRule:
    """Teasers such as "Read also": the label alone, or the label with a headline glued on."""

    kind = "read_also"
    _LABEL = _rx(
        r"""^(?:(read\s+also|also\s+read|see\s+also|читайте\s+(?:также|тоже|ещ[её]|також|більше)
               |также\s+читайте|також\s+читайте|смотрите\s+также|дивіться\s+також|див\.\s+також)
             |(read\s+more|related|more\s+on\s+this|по\s+теме|по\s+темі|(?:більше\s+)?на\s+тему))
          \s*(?:([:—–>»→👉▶-])|$)?\s*(.*)$"""
    )

    @classmethod
    def matches(cls, text: str, site: Patterns = ()) -> bool:
        """A strong label may carry a headline; a weak one ("Related") needs a colon or dash."""
        m = cls._LABEL.match(text)
        if m and _words(text) <= 30:
            strong, sep, rest = m.group(1), m.group(3), m.group(4)
            if not rest or (sep and (strong or _words(rest) <= 25)):
                return True
            if strong and (text.isupper() or is_headline_like(rest, min_words=2)):
                return True
        return _words(text) <= 30 and bool(_site_match(text, site))

    @classmethod
    def is_bare(cls, text: str) -> bool:
        """The label alone: the headlines it introduces follow on their own lines."""
        m = cls._LABEL.match(text)
        return bool(m and not m.group(4))


class SourceAttributionRule:
    """A standalone "Source: X" / "За материалами X" line; X becomes ``original_source``."""

    kind = "source_attribution"
    _LINE = _rx(
        r"""^(?:(?:(?:original\s+)?sources?|источник|источники|джерело|джерела|оригинал
               |оригінал|первоисточник|першоджерело)\s*[:—–]
             |(?:originally\s+published|read\s+the\s+original(?:\s+article)?)\s+(?:on|at|in|by)\b
             |(?:за|по)\s+(?:материалам|материалами|матеріалами|матеріалах)\b\s*:?
             |based\s+on\s+(?:materials|reporting)\s+(?:from|of|by)\b\s*:?
             |(?:via|by\s+materials\s+of)\s*:)\s*"""
    )

    @classmethod
    def source(cls, text: str, site: Patterns = ()) -> str | None:
        """X of an attribution line, or None: X must be a short name or a URL, not a sentence."""
        m = cls._LINE.match(text) or _site_match(text, site)
        name = text[m.end() :].strip().rstrip(".").strip(" \"'«»“”") if m else ""
        if re.fullmatch(r"(?:https?://|www\.)\S+", name):
            return name
        if not name or _words(name) > 6 or len(name) > 80 or re.search(r"[.!?]\s", name):
            return None
        return name

    @classmethod
    def matches(cls, text: str, site: Patterns = ()) -> bool:
        return cls.source(text, site) is not None


class AuthorBioRule:
    """A republisher's self-introduction ("I am X, a writer for Y"); not the article's author."""

    kind = "republisher_author_bio"
    _FIRST = _rx(
        r"""^(?:hi[,!]?\s+)?(?:i\s+am|i'm|i’m|my\s+name\s+is)\s+(?P<rest>.*)$
          |^(?:я\s*[—–-]\s*|(?:меня\s+зовут|мене\s+звати)\s+)(?P<own>.*)$
          |^as\s+an?\s+(?P<as>(?:\w+\s+){0,3}?PROFESSION\b.*(?-i:\bI\b).*)$"""
    )
    _VOCAB = _rx(r"\bPROFESSION\b")
    # A bio, unlike a first-person sentence in a column, names the writer or states credentials.
    _MARK = _rx(
        r"""professional|freelance|staff|graduate|speciali[sz]|experience|passion|degree
          |профессиональн|професійн|выпускни|випускни|опыт|досвід|специализир|спеціалізу"""
    )
    _NAMED = _rx(rf"^(?:[{_CAPS}][\w'’-]+\s+){{1,3}}?[{_CAPS}][\w'’-]+,", re.X)
    _THIRD = _rx(r"^(?:[A-Z][\w'’-]+\s+){1,2}[A-Z][\w'’-]+\s+is\s+an?\s+.{0,40}?\bPROFESSION\b", 0)

    @classmethod
    def matches(cls, text: str) -> bool:
        """Self-introduction with a profession early in its first sentence, then a name or mark."""
        m = cls._FIRST.match(text)
        if not m or _words(text) < 5 or _REPORTED.search(text):
            return False
        rest = m.group("rest") or m.group("own") or m.group("as") or ""
        first = " ".join(re.split(r"(?<=[.!?])\s", rest, maxsplit=1)[0].split()[:12])
        if not cls._VOCAB.search(first):
            return False
        return bool(m.group("own") or cls._NAMED.match(rest) or cls._MARK.search(text))

    @classmethod
    def matches_trailing(cls, text: str) -> bool:
        """Third-person bio; trusted only at the end, as news mentions journalists all the time."""
        return bool(cls._THIRD.match(text) and cls._MARK.search(text))


def is_headline_like(text: str, min_words: int = 4) -> bool:
    """One short capitalised line without sentence-final punctuation: the shape of a headline."""
    core = text.rstrip("\"'»”’)] ")
    if not core or not (min_words <= _words(text) <= 20) or len(text) > 160:
        return False
    first = text.lstrip("«“\"'„ ")[:1]
    if not (first.isupper() or first.isdigit()) or core[-1] in ".!?…:;,":
        return False
    return not re.search(rf"[.!?]\s+[{_CAPS}]", text)
