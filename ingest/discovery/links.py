"""What a URL of an unknown site probably is (article, listing, tag, video, live blog), and
which links of a page stay on the site: the heuristics of link-following discovery."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

# Path segments that mark a page as something other than one article, by kind.
_NOT_ARTICLE = {
    "tag": r"tags?|topics?|tema|temy|teg|tegi|теги?|keywords?|subjects?",
    "video": r"videos?|video-news|tv|видео|відео|watch",
    "live": r"live|live-blog|liveblog|online|онлайн|live-updates",
    "gallery": r"photos?|gallery|galleries|foto|фото",
    "author": r"authors?|autor|columnists?|avtor|avtory|persons?",
    "service": r"search|login|register|account|subscribe|about|contacts?|rss|feeds?|"
    r"privacy|terms|advert\w*|reklama|archives?|sitemap",
}
_KIND_OF_SEGMENT = [
    (kind, re.compile(rf"^(?:{pattern})$", re.IGNORECASE)) for kind, pattern in _NOT_ARTICLE.items()
]
_ASSET = re.compile(r"\.(?:jpe?g|png|gif|webp|svg|pdf|mp[34]|zip|xml|rss|json|css|js|ico)$", re.I)
_DATE_PATH = re.compile(r"/(?:19|20)\d\d(?:/|-)\d{1,2}(?:/|-)\d{1,2}(?:/|-|$)")
_NUMERIC_ID = re.compile(r"(?:^|[-_/])\d{5,}(?:[-_.]|$)")
_PAGINATION = re.compile(r"^(?:page|p|стр)?-?\d{1,3}$", re.IGNORECASE)


def url_kind(url: str) -> str:
    """``article`` when the URL looks like one article, else ``listing``, ``tag``, ``video``,
    ``live``, ``gallery``, ``author``, ``service``, ``asset`` or ``home``."""
    parts = urlsplit(url)
    path = parts.path or "/"
    segments = [s for s in path.split("/") if s]
    if not segments:
        return "home"
    if _ASSET.search(path):
        return "asset"
    for segment in segments[:-1] if len(segments) > 1 else segments:
        for kind, pattern in _KIND_OF_SEGMENT:
            if pattern.match(segment):
                return kind
    last = re.sub(r"\.(?:html?|php|aspx?|shtml)$", "", segments[-1], flags=re.IGNORECASE)
    if _PAGINATION.match(last) and len(segments) > 1 and not _DATE_PATH.search(path + "/"):
        return "listing"
    if _DATE_PATH.search(path) and len(segments) >= 4:
        return "article"
    if _NUMERIC_ID.search(last):
        return "article"
    if last.count("-") + last.count("_") >= 3 and len(last) >= 20:
        return "article"
    for kind, pattern in _KIND_OF_SEGMENT:
        if pattern.match(last):
            return kind
    return "listing"


def on_site(url: str, domains: tuple[str, ...] | list[str] | set[str]) -> bool:
    """Whether ``url``'s host is one of ``domains`` or a subdomain of one (``www.`` included)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return False
    host = (parts.hostname or "").lower()
    return any(host == d or host.endswith("." + d) for d in domains)


def site_domain(url: str) -> str:
    """The host of ``url`` without ``www.``: the domain a crawl of that site stays inside."""
    return (urlsplit(url).hostname or "").lower().removeprefix("www.")
