"""URLs a page declares about itself."""

from __future__ import annotations

from lxml.html import HtmlElement


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
