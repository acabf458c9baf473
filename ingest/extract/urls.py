"""URLs a page declares about itself, and whether its claim to a canonical URL can be believed."""

from __future__ import annotations

import ipaddress
from functools import lru_cache
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import tldextract
from lxml.html import HtmlElement

if TYPE_CHECKING:  # site modules import extraction: the profile is only a type here
    from ingest.sites.base import SiteProfile

# The public suffix list as bundled with tldextract: never fetched, so extraction stays offline.
_SUFFIXES = tldextract.TLDExtract(
    suffix_list_urls=(), cache_dir=None, include_psl_private_domains=True
)


def declared_url(tree: HtmlElement) -> str:
    """The page's own absolute URL: ``<link rel=canonical>``, else ``og:url``, else ""."""
    for xpath in (
        '//link[translate(@rel,"CANONICAL","canonical")="canonical"]/@href',
        '//meta[@property="og:url"]/@content',
    ):
        for value in tree.xpath(xpath):
            value = str(value).strip()
            if value.startswith(("http://", "https://")):
                return value
    return ""


def trusted_canonical(page_url: str, canonical: str, site: SiteProfile | None) -> str:
    """``canonical`` when it is on the fetched page's own site (same registrable domain, or both
    hosts declared by the source), else ``page_url``: a page may not claim another site's article."""
    if not canonical or canonical == page_url:
        return page_url
    host, own = _host(canonical), _host(page_url)
    if host == own or (host and registrable_domain(host) == registrable_domain(own)):
        return canonical
    if site is not None and _declares(site, host) and _declares(site, own):
        return canonical
    return page_url


def _declares(site: SiteProfile, host: str) -> bool:
    return any(host == d or host.endswith("." + d) for d in site.domains)


@lru_cache(maxsize=4096)
def registrable_domain(host: str) -> str:
    """``news.example.co.uk`` → ``example.co.uk``; an address stays itself; a name under a suffix
    the list does not know keeps its last two labels."""
    try:
        ipaddress.ip_address(host.strip("[]"))
        return host
    except ValueError:
        pass
    found = _SUFFIXES(host).top_domain_under_public_suffix
    return found or ".".join(host.split(".")[-2:])


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower().rstrip(".")
