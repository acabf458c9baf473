"""Output safety: only http(s) URLs in records, and an allowlist sanitizer (nh3) for any HTML we
store or render, so a hostile page cannot plant script, ``javascript:`` links or event handlers."""

from __future__ import annotations

import dataclasses
import re
from urllib.parse import quote, urljoin, urlsplit

import nh3

from ingest.article import Article, content_hash
from ingest.printable import printable_article

# Structure and emphasis only: no script, style, forms, frames, event handlers or inline CSS.
ALLOWED_TAGS = frozenset(
    "a b blockquote br caption code em figcaption figure h1 h2 h3 h4 h5 h6 hr i img li ol p pre "
    "q s small strong sub sup table tbody td th thead tr u ul".split()
)
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title"}, "td": {"colspan"}}
ALLOWED_URL_SCHEMES = frozenset({"http", "https"})


def http_url(url: str) -> str:
    """``url`` when it is an absolute http(s) URL, else "" (``javascript:``, ``data:``, junk).

    Characters a URL may not hold (``<``, ``>``, quotes, spaces…) are percent-encoded, so broken
    markup around an ``href`` never reaches a stored URL as a tag."""
    url = _URL_UNSAFE.sub(lambda m: quote(m.group(), safe=""), url.strip())
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    return url if parts.scheme.lower() in ALLOWED_URL_SCHEMES and parts.netloc else ""


_URL_UNSAFE = re.compile(r'[<>"`{}|\\^\s]')


def join_url(base: str, href: str) -> str:
    """``href`` resolved against ``base`` when that gives an http(s) URL, else "" (never raises:
    ``urljoin`` does on a broken IPv6 host such as ``http://[x``)."""
    try:
        return http_url(urljoin(base, href.strip()))
    except ValueError:
        return ""


def sanitize_html(html: str) -> str:
    """``html`` reduced to the allowlisted tags and attributes, links to http(s) only."""
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        attributes={k: set(v) for k, v in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(ALLOWED_URL_SCHEMES),
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )


# Plain-text fields hold no markup: an HTML tag there is a page's broken HTML leaking through.
# Only runs that are tags (a known element name, a comment or doctype, or attributes) are cut:
# "<The Palace: Tale of Jang Noksu>" is a title in angle brackets, and stays as text.
_TAG_LIKE = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*|!)([^<>]*)(?:>|$)")
_HTML_ELEMENTS = frozenset(
    "a abbr address area article aside audio b base bdi bdo blockquote body br button canvas "
    "caption cite code col colgroup data datalist dd del details dfn dialog div dl dt em embed "
    "fieldset figcaption figure font footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr "
    "html i iframe img input ins kbd label legend li link main map mark math meta meter nav "
    "noscript object ol optgroup option output p param picture pre progress q rp rt ruby s samp "
    "script section select slot small source span strong style sub summary sup svg table tbody "
    "td template textarea tfoot th thead time title tr track u ul var video wbr xmp plaintext "
    "listing marquee blink applet basefont center dir isindex keygen menu nobr noembed noframes "
    "spacer strike tt image animate set use foreignobject".split()
)


def _cut_tag(match: re.Match[str]) -> str:
    name, rest = match.group(2).lower(), match.group(3)
    return " " if name in _HTML_ELEMENTS or name == "!" or "=" in rest else match.group(0)


_TAG_OPEN = re.compile(r"<(?=[a-zA-Z/!?])")
_JS_SCHEME = re.compile(r"javascript\s*:", re.IGNORECASE)


def defang_text(text: str) -> str:
    """``text`` without tag-like runs (``<script …>``, ``<img onerror=…>``) or ``javascript:``."""
    if "<" not in text and ":" not in text:
        return text
    text = _TAG_LIKE.sub(_cut_tag, text)
    # What is left of a cut-off tag ("<script type=…" running into more text) stops being one:
    # HTML only opens a tag when "<" is followed directly by a letter, "/", "!" or "?".
    text = _TAG_OPEN.sub("< ", text)
    return _JS_SCHEME.sub("javascript ", text)


def defang_article(article: Article) -> Article:
    """Every text field defanged and printable (``ingest.printable``), every URL http(s)
    (others dropped or emptied)."""
    images = [
        dataclasses.replace(i, caption=defang_text(i.caption), credit=defang_text(i.credit))
        for i in article.images
        if http_url(i.url)
    ]
    body = defang_text(article.body)
    return printable_article(dataclasses.replace(
        article,
        title=defang_text(article.title),
        lead=defang_text(article.lead),
        body=body,
        content_hash=article.content_hash if body == article.body else content_hash(body),
        section=defang_text(article.section),
        authors=[defang_text(a) for a in article.authors],
        tags=[defang_text(t) for t in article.tags],
        images=images,
        original_source=defang_text(article.original_source),
    ))  # fmt: skip
