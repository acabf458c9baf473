"""Which elements are never article text: chrome, widgets, hidden nodes, and class/id hints of them."""

from __future__ import annotations

import re
from functools import lru_cache

from lxml.html import HtmlElement

# Elements whose whole subtree is never article text.
SKIP_TAGS = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "iframe",
        "svg",
        "canvas",
        "video",
        "audio",
        "object",
        "embed",
        "button",
        "input",
        "select",
        "textarea",
        "option",
        "label",
        "nav",
        "aside",
        "menu",
        "dialog",
        "head",
        "link",
        "meta",
        "map",
        "area",
        "math",
        "figcaption",
        "rt",  # ruby annotations: the reading of the characters before, not text of its own
        "rp",
    ]
)
# ARIA landmarks and widgets that are page chrome.
SKIP_ROLES = frozenset(
    [
        "navigation",
        "complementary",
        "banner",
        "contentinfo",
        "dialog",
        "alertdialog",
        "menu",
        "menubar",
        "search",
        "toolbar",
        "tablist",
        "tooltip",
    ]
)
# Class/id words of non-article blocks (English names dominate markup even on ru/uk sites).
# Strong words name blocks that are never the article even when they hold prose (comments,
# related stories, newsletters); weak words (``_WEAK_WORDS``) name what a content container
# also carries (``field--label-hidden``, ``print:max-w-…``, ``paywall``, ``embed-responsive
# prose``): a weak word is a hint, and a block that reads as prose stays.
_STRONG_WORDS = (
    r"comment|disqus|share|sharing|social|shareline|related|recommend|newsletter|subscri|"
    r"promo|advert|sponsor|banner|\bads?\b|-ads?\b|\bads?-|adslot|dfp|gpt-ad|outbrain|taboola|"
    r"cookie|consent|gdpr|footer|\bnav|navbar|menu|side-bar|breadcrumb|popup|modal|"
    r"overlay|signup|sign-up|login|toolbar|\btags?\b|tag-?list|keywords|"
    r"byline|author|dateline|timestamp|more-stories|trending|popular|most-read|read-?more|"
    r"\brel\b|skip|visually-?hidden|sr-only|screen-?reader|caption|credit|masthead|header|"
    r"related|follow|rating|vote|poll|survey|pagination|pager|post-meta|article-meta|"
    r"lightbox|gallery|slideshow|carousel|video|player|podcast|audio|embed|tweet|twitter|"
    r"facebook|instagram|whatsapp|telegram|disclaimer|copyright|donate|support-us|bio\b|"
    r"about-author"
)
_WEAK_WORDS = (
    r"sidebar|paywall|widget|\bprint|also|teaser|hidden|collapse|\bmeta\b|jump|email|mail|"
    r"contact|infobox|toc\b"
)
_NEGATIVE_WORDS = f"{_STRONG_WORDS}|{_WEAK_WORDS}"
# Class/id words of article containers; they override a negative word in the same attribute.
_POSITIVE_WORDS = (
    r"article-?body|articlebody|story-?body|post-?body|entry-?content|post-?content|"
    r"article-?content|article-?text|story-?content|main-?content|body-?text|text-?body|"
    r"content-?body|article_+body|story_+body|article_+content|rich-?text|paywall-?content|\bprose\b"
)
NEGATIVE = re.compile(_NEGATIVE_WORDS, re.IGNORECASE)
STRONG = re.compile(_STRONG_WORDS, re.IGNORECASE)
POSITIVE = re.compile(_POSITIVE_WORDS, re.IGNORECASE)


def _for_lowercase_ascii(words: str) -> re.Pattern[str]:
    """``words`` (lowercase alternatives, no groups) for lowercased ASCII text: same matches,
    several times faster than IGNORECASE over the original text."""
    # re then compares letters directly, and with the alternatives grouped by first letter
    # ("c(?:omment|ookie|…)|d(?:isqus|…)") tries a handful of them at each position, not all;
    # a leading \b moves after its letter ("\bnav" -> "n(?<!\wn)av") so each opens with one.
    by_first: dict[str, list[str]] = {}
    for alternative in re.sub(r"\\b([a-z])", r"\1(?<!\\w\1)", words).split("|"):
        by_first.setdefault(alternative[0], []).append(alternative[1:])
    return re.compile("|".join(f"{re.escape(c)}(?:{'|'.join(r)})" for c, r in by_first.items()))


_NEGATIVE_LOWER = _for_lowercase_ascii(_NEGATIVE_WORDS)
_POSITIVE_LOWER = _for_lowercase_ascii(_POSITIVE_WORDS)
_STRONG_LOWER = _for_lowercase_ascii(_STRONG_WORDS)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
# Containers the class rules never drop: dropping one would drop the whole page.
# Quoted matter (embedded posts included) is article content whatever its widget class says.
_NEVER_DROP = frozenset(["html", "body", "main", "article", "blockquote"])
SKIPPED, NEGATIVE_HINT, WEAK_HINT = 1, 2, 3  # what :func:`judge` says of an element


def negative_words(words: str) -> bool:
    """``NEGATIVE.search(words)`` as a bool, faster."""
    if words.isascii():
        return _NEGATIVE_LOWER.search(words.lower()) is not None
    return NEGATIVE.search(words) is not None


def strong_words(words: str) -> bool:
    """``STRONG.search(words)`` as a bool, faster."""
    if words.isascii():
        return _STRONG_LOWER.search(words.lower()) is not None
    return STRONG.search(words) is not None


def positive_words(words: str) -> bool:
    """``POSITIVE.search(words)`` as a bool, faster."""
    if words.isascii():
        return _POSITIVE_LOWER.search(words.lower()) is not None
    return POSITIVE.search(words) is not None


def hint(element: HtmlElement) -> str:
    """The class and id of ``element`` joined, for the word rules."""
    attrib = element.attrib
    return f"{attrib.get('class', '')} {attrib.get('id', '')}"


def is_skipped(element: HtmlElement) -> bool:
    """True when ``element`` and everything in it is not article text, by tag, role, or hiding."""
    tag = element.tag
    if not isinstance(tag, str) or tag in SKIP_TAGS:
        return True
    attrib = element.attrib
    if not attrib:
        return False
    if ("hidden" in attrib and not _streamed(attrib.get("id"))) or attrib.get(
        "aria-hidden"
    ) == "true":
        return True
    if attrib.get("role") in SKIP_ROLES:
        return True
    style = attrib.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


def _streamed(element_id: str | None) -> bool:
    """A React streaming segment (``<div hidden id="S:0">``): content the page's script moves
    into place, hidden only until then; without scripts it is where the article text is."""
    return element_id is not None and element_id.startswith("S:")


def judge(element: HtmlElement) -> int:
    """``SKIPPED`` as :func:`is_skipped`, else :func:`hint_strength` of its class/id (0 for none);
    one call per element of the layout walk, so it reads only the attributes the element has."""
    tag = element.tag
    if tag in SKIP_TAGS or not isinstance(tag, str):
        return SKIPPED
    names = element.keys()
    if not names:
        return 0
    get = element.get
    if ("hidden" in names and not _streamed(get("id"))) or (
        "aria-hidden" in names and get("aria-hidden") == "true"
    ):
        return SKIPPED
    if "role" in names and get("role") in SKIP_ROLES:
        return SKIPPED
    if "style" in names and _HIDDEN_STYLE.search(get("style") or ""):
        return SKIPPED
    if tag in _NEVER_DROP or ("class" not in names and "id" not in names):
        return 0
    words = f"{get('class', '')} {get('id', '')}"
    return hint_strength(words) if len(words) >= 3 else 0


def is_negative(element: HtmlElement) -> bool:
    """True when the class/id of ``element`` names a non-article block and nothing article-like."""
    if element.tag in _NEVER_DROP:
        return False
    words = hint(element)
    if len(words) < 3:
        return False
    return _negative_words(words)


# Taxonomy classes a CMS puts on a post ("tag-video", "category-social"): the editors' words for
# its subject, not the block's role; a list or cloud of tags keeps its name.
_TAXONOMY = re.compile(r"(?<!\S)(?:tag|category|post_tag|topic)-(?!list\b|cloud\b)\S*", re.I)


def _role_words(words: str) -> str:
    return _TAXONOMY.sub(" ", words) if "-" in words else words


@lru_cache(maxsize=8192)
def _negative_words(words: str) -> bool:
    # Pages repeat a few hundred class/id strings thousands of times: match each one once.
    words = _role_words(words)
    return negative_words(words) and not positive_words(words)


@lru_cache(maxsize=8192)
def hint_strength(words: str) -> int:
    """``NEGATIVE_HINT`` for a strong word, ``WEAK_HINT`` for a weak one only, else 0."""
    if not _negative_words(words):
        return 0
    words = _role_words(words)
    if strong_words(words):
        return NEGATIVE_HINT
    # The class "hidden" alone is the CSS frameworks' display:none, unless a responsive variant
    # ("hidden md:block") shows the block on other screens; "field--label-hidden" is a weak word.
    tokens = words.lower().split()
    return NEGATIVE_HINT if "hidden" in tokens and not any(":" in t for t in tokens) else WEAK_HINT


def is_positive(element: HtmlElement) -> bool:
    """True when the class/id of ``element`` names an article body container."""
    return positive_words(hint(element))
