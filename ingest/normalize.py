"""Normalization of extracted articles: canonical URLs, names and tag lists in one shape."""

from __future__ import annotations

import dataclasses
import re
from urllib.parse import urlsplit, urlunsplit

from w3lib.url import canonicalize_url, safe_url_string

from ingest.article import Article

# Query parameters that only say where a click came from; never part of an article's identity.
TRACKING_PARAMS = re.compile(
    r"^(utm_\w+|fbclid|gclid|dclid|yclid|msclkid|mc_cid|mc_eid|_ga|igshid|ref|ref_src|cmpid|"
    r"at_medium|at_campaign|ito|spm)$",
    re.IGNORECASE,
)


def canonical_url(url: str) -> str:
    """``url`` without tracking parameters or fragment, host lower-cased, default port dropped."""
    parts = urlsplit(safe_url_string(url.strip()))
    keep = [p for p in parts.query.split("&") if p and not TRACKING_PARAMS.match(p.split("=")[0])]
    query = "&".join(keep)
    netloc = (parts.hostname or "").lower()
    if parts.port and not (
        (parts.scheme == "http" and parts.port == 80)
        or (parts.scheme == "https" and parts.port == 443)
    ):
        netloc += f":{parts.port}"
    return urlunsplit((parts.scheme.lower(), netloc, parts.path or "/", query, ""))


# Host prefixes of mobile and AMP mirrors, and query flags of AMP views: the same article.
_MIRROR_HOST = re.compile(r"^(?:www|m|mobile|amp)\.(?=[^.]+\.)")
_AMP_QUERY = re.compile(r"^(?:amp|outputtype=amp|amp=1|amp=true)$", re.IGNORECASE)


def url_key(url: str) -> str:
    """The store's identity of an article URL: one key for its tracking, AMP, mobile and
    trailing-slash variants (``korrespondent.net/world/4601259-slug``); scheme dropped."""
    parts = urlsplit(canonicalize_url(canonical_url(url)))
    host = _MIRROR_HOST.sub("", (parts.hostname or "").lower())
    if parts.port and parts.port not in (80, 443):
        host += f":{parts.port}"
    segments = [s for s in parts.path.split("/") if s and s.lower() != "amp"]
    query = "&".join(p for p in parts.query.split("&") if p and not _AMP_QUERY.match(p))
    return host + "/" + "/".join(segments) + (f"?{query}" if query else "")


def normalize_article(article: Article) -> Article:
    """The same article with its URL canonicalized and list fields de-duplicated and trimmed."""
    return dataclasses.replace(
        article,
        canonical_url=canonical_url(article.canonical_url or article.url),
        authors=_unique(article.authors),
        tags=_unique(article.tags),
        title=" ".join(article.title.split()),
        lead=" ".join(article.lead.split()),
    )


def _unique(values: list[str]) -> list[str]:
    seen: dict[str, str] = {}
    for value in values:
        value = " ".join(value.split())
        if value and value.casefold() not in seen:
            seen[value.casefold()] = value
    return list(seen.values())
