"""Page metadata from ``<meta>``, ``<link>``, JSON-LD and visible structure: title, section, tags, …"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from lxml.html import HtmlElement

from ingest.article import Image
from ingest.extract.generic.jsonld import text_of, types_of
from ingest.extract.generic.tags import Tags, first_text

MetaMap = dict[str, list[str]]
_TITLE_SEPARATORS = re.compile(r"\s+[|–—•·:-]\s+|\s+[|»]\s*")
_LIST_SPLIT = re.compile(r"\s*[,;]\s*")


def meta_map(metas: Iterable[HtmlElement]) -> MetaMap:
    """Every ``<meta>`` content by lowercased property/name/itemprop, in page order."""
    values: MetaMap = {}
    for meta in metas:
        names = meta.keys()  # then read only the attributes it has
        if "content" not in names:
            continue
        content = " ".join((meta.get("content") or "").split())
        if not content:
            continue
        for attribute in ("property", "name", "itemprop"):
            key = meta.get(attribute) if attribute in names else None
            if key:
                values.setdefault(key.strip().lower(), []).append(content)
    return values


def first(metas: MetaMap, *keys: str) -> str:
    """The first non-empty content among ``keys``, in the order given."""
    for key in keys:
        for value in metas.get(key, ()):
            if value:
                return value
    return ""


def title(tags: Tags, metas: MetaMap, article: dict[str, Any], site_name: str) -> str:
    """og:title, JSON-LD headline, twitter:title, the first ``<h1>``, then ``<title>`` without the site."""
    for candidate in (
        first(metas, "og:title"),
        text_of(article.get("headline")),
        first(metas, "twitter:title"),
        _h1(tags),
        " ".join(first_text(tags["title"]).split()),
    ):
        if candidate:
            return strip_site_name(candidate, site_name)
    return ""


def title_variants(tree: HtmlElement, tags: Tags, metas: MetaMap) -> frozenset[str]:
    """Casefolded headline texts the page declares (og/twitter title, ``<title>`` parts, ``<h1>``);
    ``metas`` is the map of all the page's metas, of which only those in ``<head>`` count."""
    head = tree.find("head")
    if head is not None:
        in_head = list(head.iter("meta"))
        if len(in_head) != len(tags["meta"]):  # else they are all of them: the same map
            metas = meta_map(in_head)
    found = {first(metas, "og:title"), first(metas, "twitter:title"), _h1(tags)}
    page_title = " ".join(first_text(tags["title"]).split())
    found.add(page_title)
    found.update(_TITLE_SEPARATORS.split(page_title))
    return frozenset(t.casefold() for t in found if len(t) > 15)


def strip_site_name(text: str, site_name: str) -> str:
    """Drop a " | Site" or "Site - " part when it names the site."""
    if not site_name:
        return text
    parts = _TITLE_SEPARATORS.split(text)
    if len(parts) > 1:
        kept = [p for p in parts if p.casefold() != site_name.casefold()]
        if kept and len(kept) < len(parts):
            return " - ".join(kept) if len(kept) > 1 else kept[0]
    return text


def site_name(metas: MetaMap, objects: list[dict[str, Any]], article: dict[str, Any]) -> str:
    """og:site_name, else the JSON-LD publisher's name."""
    found = first(metas, "og:site_name", "application-name")
    if found:
        return found
    publisher = article.get("publisher")
    if publisher:
        return text_of(publisher)
    for item in objects:
        if types_of(item) & {"Organization", "NewsMediaOrganization", "WebSite"}:
            name = text_of(item.get("name"))
            if name:
                return name
    return ""


def lead(metas: MetaMap, article: dict[str, Any]) -> str:
    """The standfirst as the page describes itself: og:description, description, JSON-LD's."""
    return first(metas, "og:description", "description", "twitter:description") or text_of(
        article.get("description")
    )


def section(tree: HtmlElement, metas: MetaMap, objects: list[dict[str, Any]], article: dict) -> str:
    """JSON-LD articleSection, article:section, else the last breadcrumb before the page itself."""
    found = text_of(article.get("articleSection")) or first(metas, "article:section")
    if found:
        return found.split(", ")[0]
    for item in objects:
        if "BreadcrumbList" in types_of(item):
            names = [
                _crumb_name(e) for e in item.get("itemListElement") or [] if isinstance(e, dict)
            ]
            names = [n for n in names if n]
            if len(names) >= 3:
                return names[-2]
    return ""


def tags(metas: MetaMap, article: dict[str, Any]) -> list[str]:
    """article:tag, JSON-LD keywords and news_keywords, de-duplicated in order."""
    values = list(metas.get("article:tag", ()))
    keywords = article.get("keywords")
    if isinstance(keywords, list):
        values.extend(text_of(k) for k in keywords)
    elif isinstance(keywords, str):
        values.extend(_LIST_SPLIT.split(keywords))
    for value in metas.get("news_keywords", ()):
        values.extend(_LIST_SPLIT.split(value))
    seen: dict[str, str] = {}
    for value in values:
        value = " ".join(value.split())
        if value and value.casefold() not in seen:
            seen[value.casefold()] = value
    return list(seen.values())


def canonical_url(tags: Tags, metas: MetaMap) -> str:
    """``<link rel=canonical>``, else og:url."""
    for link in tags["link"]:
        href = link.get("href")
        if href and "canonical" in (link.get("rel") or "").lower().split():
            return href.strip()
    return first(metas, "og:url")


def declared_language(tree: HtmlElement, metas: MetaMap, article: dict[str, Any]) -> str:
    """Primary language subtag the page declares: ``<html lang>``, og:locale, JSON-LD inLanguage."""
    for value in (
        tree.get("lang") or tree.get("xml:lang") or "",
        first(metas, "og:locale", "content-language", "language"),
        text_of(article.get("inLanguage")),
    ):
        code = re.split(r"[-_]", value.strip().lower(), maxsplit=1)[0]
        if re.fullmatch(r"[a-z]{2,3}", code):
            return code
    return ""


def images(tags: Tags, metas: MetaMap, article: dict[str, Any]) -> list[Image]:
    """og:image (or JSON-LD image) first, then article figures with their captions."""
    found: dict[str, Image] = {}
    cover = first(metas, "og:image", "og:image:url", "twitter:image", "twitter:image:src")
    if cover:
        found[cover] = Image(url=cover)
    for item in _as_list(article.get("image")):
        url = item if isinstance(item, str) else item.get("url") if isinstance(item, dict) else ""
        if isinstance(url, str) and url and not found:
            caption = text_of(item.get("caption")) if isinstance(item, dict) else ""
            found[url] = Image(url=url, caption=caption)
    for figure in tags["figure"]:
        img = next(figure.iter("img"), None)
        if img is None:
            continue
        url = img.get("src") or img.get("data-src") or ""
        if not url or url.startswith("data:") or url in found:
            continue
        figcaption = figure.find(".//figcaption")
        text = " ".join(figcaption.text_content().split()) if figcaption is not None else ""
        found[url] = Image(url=url, caption=text or (img.get("alt") or "").strip())
    return list(found.values())


def _h1(tags: Tags) -> str:
    h1s = tags["h1"]
    return " ".join(h1s[0].text_content().split()) if h1s else ""


def _crumb_name(element: dict[str, Any]) -> str:
    item = element.get("item")
    if isinstance(item, dict) and item.get("name"):
        return text_of(item["name"])
    return text_of(element.get("name"))


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value] if value else []
